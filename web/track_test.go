package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"reportsearch/corpus"
	"reportsearch/corpus/xlsx"
	"reportsearch/indexer"
	"reportsearch/search"
)

// seriesFixture is a real index of a province's reports over three years
// (Hebei 2021–2023), the shape tracking needs: each year's targets have
// the next year's results.
type seriesFixture struct {
	server *Server
	engine *search.Engine
}

var (
	seriesOnce sync.Once
	seriesVal  *seriesFixture
	seriesErr  error
)

// hostileNext is the year after hostileReport, its results in markup.
const hostileNext = `关于某区2024年国民经济和社会发展计划执行情况及2025年计划草案的报告

一、2024年国民经济和社会发展计划执行情况
（一）产业发展
全年新增<b>加粗企业</b>22家，"><svg onload=alert(1)>数字贸易额增长16%。
二、2025年国民经济和社会发展的主要任务
（一）产业发展
力争新增<b>加粗企业</b>25家。
`

// seriesReports are the series' files, in the repository.
var seriesReports = []string{
	"../corpus/testdata/reports/dev/prov_hebei_2021_gwr.txt",
	"../corpus/testdata/reports/dev/prov_hebei_2022_gwr.txt",
	"../corpus/testdata/reports/dev/prov_hebei_2023_gwr.txt",
}

func setupSeries(t testing.TB) *seriesFixture {
	t.Helper()
	seriesOnce.Do(func() {
		dir, err := os.MkdirTemp("", "reportsearch-series-")
		if err != nil {
			seriesErr = err
			return
		}
		// Two hostile reports of one place, a year apart: the 2024 target
		// of the first and the result the second gives, in markup.
		hostile := []string{filepath.Join(dir, "hostile-2023.txt"), filepath.Join(dir, "hostile-2024.txt")}
		if err := os.WriteFile(hostile[0], []byte(hostileReport), 0o644); err != nil {
			seriesErr = err
			return
		}
		if err := os.WriteFile(hostile[1], []byte(hostileNext), 0o644); err != nil {
			seriesErr = err
			return
		}
		sources, err := corpus.Sources(append(slices.Clone(seriesReports), hostile...))
		if err != nil {
			seriesErr = err
			return
		}
		root := filepath.Join(dir, "index")
		if _, err := indexer.Build(context.Background(), root, sources, indexer.Options{}); err != nil {
			seriesErr = err
			return
		}
		e, err := search.Open(root)
		if err != nil {
			seriesErr = err
			return
		}
		srv, err := New(Config{Index: e})
		if err != nil {
			seriesErr = err
			return
		}
		seriesVal = &seriesFixture{server: srv, engine: e}
	})
	if seriesErr != nil {
		t.Fatal(seriesErr)
	}
	return seriesVal
}

func (f *seriesFixture) get(t testing.TB, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	f.server.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

// trackedOf reads every tracked target of a place from /api/track.
func (f *seriesFixture) trackedOf(t *testing.T, place string) []corpus.Tracked {
	t.Helper()
	rec := f.get(t, "/api/track?limit=1000&place="+url.QueryEscape(place))
	if rec.Code != http.StatusOK {
		t.Fatalf("/api/track: %d %s", rec.Code, rec.Body)
	}
	var body struct {
		Total   int              `json:"total"`
		Tracked []corpus.Tracked `json:"tracked"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	if body.Total != len(body.Tracked) {
		t.Fatalf("/api/track: total %d, %d rows", body.Total, len(body.Tracked))
	}
	return body.Tracked
}

// TestAPITrack checks what /api/track promises of every row: the place
// asked for, a target of a year, and for a paired one a result of that
// year from a later report of the place.
func TestAPITrack(t *testing.T) {
	f := setupSeries(t)
	rows := f.trackedOf(t, "河北")
	verdicts := map[corpus.Verdict]int{}
	delivered := map[string]int{}
	for _, r := range f.engine.Catalog().Reports() {
		delivered[r.ID] = f.engine.Catalog().DeliveredYear(r.ID)
	}
	for _, r := range rows {
		verdicts[r.Verdict]++
		if r.Place != "河北省" {
			t.Errorf("%s: place %q, want 河北省", r.Target.ID, r.Place)
		}
		if r.Target.Kind != corpus.FigureTarget || r.Target.Year != r.Year {
			t.Errorf("%s: a %s of %d listed as a target of %d", r.Target.ID, r.Target.Kind, r.Target.Year, r.Year)
		}
		if r.Target.ReportLabel == "" {
			t.Errorf("%s: no report label", r.Target.ID)
		}
		res := r.Result
		if res == nil {
			continue
		}
		if res.Year != r.Year || res.ReportLabel == "" {
			t.Errorf("%s: result %s of %d (%q) for a target of %d", r.Target.ID, res.ID, res.Year, res.ReportLabel, r.Year)
		}
		if delivered[corpus.ReportOfID(res.ParagraphID)] <= delivered[corpus.ReportOfID(r.Target.ParagraphID)] {
			t.Errorf("%s: result %s is not of a later report", r.Target.ID, res.ID)
		}
	}
	// Pairs a reader of the reports checks by hand: Hebei's 2021 targets
	// beside the 2022 report's results, and a 2023 target that waits.
	want := []struct {
		indicator, target, result string
		verdict                   corpus.Verdict
	}{
		{"外贸进出口", "5%", "21.5%", corpus.VerdictExceeded},
		{"社会消费品零售总额", "8%左右", "6.3%", corpus.VerdictMissed},
		{"居民人均可支配收入", "8%左右", "8.3%", corpus.VerdictMet},
	}
	for _, w := range want {
		found := false
		for _, r := range rows {
			if r.Year == 2021 && r.Indicator == w.indicator && r.Target.Text == w.target {
				found = true
				if r.Result == nil || r.Result.Text != w.result || r.Verdict != w.verdict {
					t.Errorf("2021 %s %s: %+v, want %s %s", w.indicator, w.target, r.Result, w.result, w.verdict)
				}
			}
		}
		if !found {
			t.Errorf("no 2021 target %s %s", w.indicator, w.target)
		}
	}
	for _, r := range rows {
		if r.Year == 2023 && r.Verdict != corpus.VerdictPending {
			t.Errorf("%s: a 2023 target with no 2024 report loaded is %s, want pending", r.ID, r.Verdict)
		}
	}
	if verdicts[corpus.VerdictPending] == 0 {
		t.Errorf("no pending target (%v)", verdicts)
	}
	// The filters select: a verdict, a year.
	for _, q := range []string{"verdict=missed", "year=2022", "q=" + url.QueryEscape("生产总值")} {
		rec := f.get(t, "/api/track?limit=1000&place="+url.QueryEscape("河北")+"&"+q)
		var body struct {
			Tracked []corpus.Tracked `json:"tracked"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || len(body.Tracked) == 0 {
			t.Errorf("%s: %d rows, %v", q, len(body.Tracked), err)
		}
		for _, r := range body.Tracked {
			if q == "verdict=missed" && r.Verdict != corpus.VerdictMissed || q == "year=2022" && r.Year != 2022 ||
				strings.HasPrefix(q, "q=") && !strings.Contains(r.Target.Indicator, "生产总值") {
				t.Errorf("%s: row %s (%s, %d, %s) passed", q, r.Target.ID, r.Verdict, r.Year, r.Target.Indicator)
			}
		}
	}
	// A place the index does not know is a client error that names it.
	rec := f.get(t, "/api/track?place="+url.QueryEscape("火星"))
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "火星") {
		t.Errorf("unknown place: %d %s", rec.Code, rec.Body)
	}
}

// TestTrackXLSX reads the tracking workbook back with excelize: the
// Chinese header, and each row as the JSON lists it.
func TestTrackXLSX(t *testing.T) {
	f := setupSeries(t)
	rows := f.trackedOf(t, "河北")
	rec := f.get(t, "/api/track?format=xlsx&place="+url.QueryEscape("河北"))
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != xlsx.ContentType {
		t.Fatalf("xlsx: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	book, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	sheet := book.GetSheetName(0)
	cells, err := book.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) != len(rows)+1 {
		t.Fatalf("%d rows in the sheet, want %d and a header", len(cells), len(rows))
	}
	header := cells[0]
	for j, name := range corpus.TrackedTable.Columns {
		if header[j] != xlsx.Title(name) || header[j] == name {
			t.Errorf("column %d: %q, want the title of %s", j, header[j], name)
		}
	}
	col := func(name string) int { return slices.Index(corpus.TrackedTable.Columns, name) }
	for i, r := range rows {
		got := cells[i+1]
		if got[col("target_id")] != r.Target.ID || got[col("verdict")] != r.Verdict.Label() || got[col("target_report")] != r.Target.ReportLabel {
			t.Errorf("row %d: %v, want %s %s %s", i+1, got, r.Target.ID, r.Verdict.Label(), r.Target.ReportLabel)
		}
		// A year is a number cell, not text.
		at, _ := excelize.CoordinatesToCellName(col("year")+1, i+2)
		if typ, _ := book.GetCellType(sheet, at); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("row %d: the year is a text cell", i+1)
		}
		if y, _ := book.GetCellValue(sheet, at); y != strconv.Itoa(r.Year) {
			t.Errorf("row %d: year %q, want %d", i+1, y, r.Year)
		}
	}
}

// TestFiguresXLSX: every list endpoint has its workbook; the figures' one
// holds what the JSON lists, in its order.
func TestFiguresXLSX(t *testing.T) {
	f := setup(t)
	rec := f.get(t, "/api/figures?limit=1000&report="+f.defaultR.ID)
	var body struct {
		Total   int              `json:"total"`
		Figures []*corpus.Figure `json:"figures"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	rec = f.get(t, "/api/figures?format=xlsx&report="+f.defaultR.ID)
	book, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatalf("%d: %v", rec.Code, err)
	}
	defer book.Close()
	cells, err := book.GetRows(book.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) != body.Total+1 || body.Total != len(body.Figures) {
		t.Fatalf("%d sheet rows for %d figures (%d listed)", len(cells), body.Total, len(body.Figures))
	}
	for i, fig := range body.Figures {
		if cells[i+1][0] != fig.ID || cells[i+1][2] != fig.Indicator {
			t.Errorf("row %d: %v, want %s %s", i+1, cells[i+1][:3], fig.ID, fig.Indicator)
		}
	}
	for _, api := range []string{"/api/commitments", "/api/comparisons"} {
		rec := f.get(t, api+"?format=xlsx")
		if _, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes())); rec.Code != http.StatusOK || err != nil {
			t.Errorf("%s xlsx: %d %v", api, rec.Code, err)
		}
	}
	if rec := f.get(t, "/api/figures?format=pdf"); rec.Code != http.StatusBadRequest {
		t.Errorf("format=pdf: %d, want 400", rec.Code)
	}
}

// TestTrackPage checks the page in a browser at a desktop and a phone
// width: the chosen place's rows with their verdict marks, a chart per
// indicator, sorting by a header, and no console errors. Screenshots go
// to REPORTSEARCH_TRACK_SHOTS when it names a folder.
func TestTrackPage(t *testing.T) {
	f := setupSeries(t)
	for _, width := range []int{1280, 390} {
		s := newBrowserOn(t, f.server, width, 900)
		s.do("open the tracking page", chromedp.Navigate(s.base+"/track"), chromedp.WaitVisible(chromedp.CSS(`table.track`)))
		rows := eval[int](s, `document.querySelectorAll('table.track tbody tr').length`)
		if rows < 10 {
			t.Errorf("%d px: %d rows", width, rows)
		}
		// Every verdict reads without colour: a mark and a word.
		marks := eval[[]string](s, `Array.from(document.querySelectorAll('table.track tbody .verdict')).map(e => e.textContent.trim())`)
		for _, m := range marks {
			if !strings.ContainsAny(m, "↑✓✗?—…") || len([]rune(m)) < 3 {
				t.Errorf("%d px: verdict %q has no mark and word", width, m)
			}
		}
		// The matrix has a line per indicator and a column per year of the series.
		if n := eval[int](s, `document.querySelectorAll('table.matrix tbody tr').length`); n == 0 {
			t.Errorf("%d px: no indicator × year matrix", width)
		}
		if years := eval[[]string](s, `Array.from(document.querySelectorAll('table.matrix thead th.year')).map(e => e.textContent)`); !slices.Equal(years, []string{"2021年", "2022年", "2023年"}) {
			t.Errorf("%d px: matrix years %v, want 2021–2023", width, years)
		}
		if n := eval[int](s, `document.querySelectorAll('.track-chart svg polyline.result-line').length`); n == 0 {
			t.Errorf("%d px: no chart has a line of results", width)
		}
		// Nothing scrolls sideways at this width.
		if overflow := eval[int](s, `document.documentElement.scrollWidth - window.innerWidth`); overflow > 0 {
			t.Errorf("%d px: the page scrolls sideways by %d px", width, overflow)
		}
		if width == 1280 {
			s.do("sort by year", chromedp.Click(chromedp.CSS(`table.track th:nth-child(3) button`)), chromedp.Click(chromedp.CSS(`table.track th:nth-child(3) button`)))
			years := eval[[]int](s, `Array.from(document.querySelectorAll('table.track tbody tr td:nth-child(3)')).map(e => Number(e.dataset.value))`)
			if !slices.IsSortedFunc(years, func(a, b int) int { return b - a }) {
				t.Errorf("after sorting descending by year: %v", years[:min(10, len(years))])
			}
		}
		if dir := os.Getenv("REPORTSEARCH_TRACK_SHOTS"); dir != "" {
			// The top of the page and the table, as a reader sees them.
			for _, part := range []string{"h1", "table.matrix", "table.track"} {
				s.do("scroll to "+part, chromedp.ScrollIntoView(chromedp.CSS(part)))
				png, err := chromedp.Run(s.ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(dir, "track-"+strconv.Itoa(width)+"-"+strings.ReplaceAll(part, ".", "-")+".png"), png, 0o644)
			}
		}
		s.noConsoleErrors()
	}
}

// TestTrackPageEscapes: a tracked pair whose sentences carry markup is
// shown as text in the table, the matrix's title attribute and the
// chart's SVG titles.
func TestTrackPageEscapes(t *testing.T) {
	f := setupSeries(t)
	rows := f.trackedOf(t, "某区")
	paired := false
	for _, r := range rows {
		if r.Result != nil && strings.Contains(r.Target.Sentence, "<b>") {
			paired = true
		}
	}
	if !paired {
		t.Fatalf("the hostile series has no pair with markup to show: %+v", rows)
	}
	rec := f.get(t, "/track?place="+url.QueryEscape("某区"))
	if rec.Code != http.StatusOK {
		t.Fatalf("%d", rec.Code)
	}
	body := rec.Body.String()
	for _, raw := range []string{"<b>加粗", "<script>", "<svg onload", `"><svg`} {
		if strings.Contains(body, raw) {
			t.Errorf("the page carries %q unescaped", raw)
		}
	}
	if !strings.Contains(body, "&lt;b&gt;加粗企业") {
		t.Error("the hostile sentence is not shown, escaped, at all")
	}
}
