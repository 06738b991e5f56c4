package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/search"
)

// hostileReport is a real-shaped plan report whose text carries markup, to
// prove that report text is escaped wherever it is shown.
const hostileReport = `关于某区2023年国民经济和社会发展计划执行情况及2024年计划草案的报告

一、2023年国民经济和社会发展计划执行情况
（一）产业发展
全年新增<b>加粗企业</b>15家，<img src=x onerror=alert(1)>数字贸易额增长12.5%。
二、2024年国民经济和社会发展的主要任务
（一）产业发展
力争新增<b>加粗企业</b>20家，<script>alert(1)</script>数字贸易额增长15%。
`

// fixture is one real index shared by the package's tests: the embedded
// report, another real report and the hostile one.
type fixture struct {
	server   *Server
	engine   *search.Engine
	asker    *ask.Asker
	reports  *reports // the reports as parsed, to check the server against
	hostile  string   // the hostile report's ID
	defaultR *corpus.Report
}

// reports are the fixture's reports parsed, with the lookups the tests
// check the server's answers with.
type reports struct {
	all        []*corpus.Report
	paragraphs map[string]*paragraphEntry
}

// paragraphEntry is a parsed paragraph with its neighbours in reading order.
type paragraphEntry struct {
	Paragraph  *corpus.Paragraph
	Prev, Next string
}

func newReports(all []*corpus.Report) *reports {
	l := &reports{all: all, paragraphs: map[string]*paragraphEntry{}}
	for _, r := range all {
		var order []*corpus.Paragraph
		for p := range r.Paragraphs() {
			order = append(order, p)
		}
		for i, p := range order {
			e := &paragraphEntry{Paragraph: p}
			if i > 0 {
				e.Prev = order[i-1].ID
			}
			if i+1 < len(order) {
				e.Next = order[i+1].ID
			}
			l.paragraphs[p.ID] = e
		}
	}
	return l
}

func (l *reports) paragraph(id string) *paragraphEntry { return l.paragraphs[id] }

func (l *reports) report(id string) *corpus.Report {
	for _, r := range l.all {
		if r.ID == id {
			return r
		}
	}
	return nil
}

var (
	fixtureOnce sync.Once
	fixtureVal  *fixture
	fixtureErr  error
	fixtureDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureVal != nil {
		fixtureVal.engine.Close()
	}
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

func setup(t testing.TB) *fixture {
	t.Helper()
	fixtureOnce.Do(func() { fixtureVal, fixtureErr = buildFixture() })
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureVal
}

func buildFixture() (*fixture, error) {
	var err error
	if fixtureDir, err = os.MkdirTemp("", "reportsearch-web-"); err != nil {
		return nil, err
	}
	hostile := filepath.Join(fixtureDir, "hostile-2023.txt")
	if err := os.WriteFile(hostile, []byte(hostileReport), 0o644); err != nil {
		return nil, err
	}
	files, err := corpus.Sources([]string{"../corpus/testdata/reports/014_national_2021_gwr.txt", hostile})
	if err != nil {
		return nil, err
	}
	sources := append([]corpus.Source{corpus.DefaultSource()}, files...)
	root := filepath.Join(fixtureDir, "index")
	if _, err := indexer.Build(context.Background(), root, sources, indexer.Options{}); err != nil {
		return nil, err
	}
	engine, err := search.Open(root)
	if err != nil {
		return nil, err
	}
	var reports []*corpus.Report
	for _, s := range engine.Manifest().Sources {
		r, err := s.Read()
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
	}
	asker, err := ask.New(engine, ask.DefaultWeights)
	if err != nil {
		return nil, err
	}
	srv, err := New(Config{Index: engine, Asker: asker})
	if err != nil {
		return nil, err
	}
	f := &fixture{server: srv, engine: engine, asker: asker, reports: newReports(reports), defaultR: reports[0], hostile: reports[2].ID}
	if reports[0].ID != corpus.DefaultSource().ID {
		return nil, fmt.Errorf("fixture: first report is %s, want the embedded one", reports[0].ID)
	}
	return f, nil
}

// get performs a request against the server without a network.
func (f *fixture) get(t testing.TB, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	f.server.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}
