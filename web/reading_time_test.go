package web

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/lexicon"
	"reportsearch/search"
)

// How long the server takes for the reading view of a long report: the
// biggest report of corpus/testdata/reports, and a report of more than a
// thousand paragraphs (no real one in the test data has as many) laid out
// from the paragraphs of all of them. Run with -v to see the figures:
//
//	go test ./web -run TestReadingViewServerTime -v -count=1

// readingTimeBound is what a reading view may take on this 2-core machine
// while other work runs; measured well below it (see the log).
const readingTimeBound = 1500 * time.Millisecond

func TestReadingViewServerTime(t *testing.T) {
	if testing.Short() {
		t.Skip("builds its own index")
	}
	root := "../corpus/testdata/reports"
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txt") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	size := func(p string) int64 {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return info.Size()
	}
	slices.SortFunc(files, func(a, b string) int { return int(size(b) - size(a)) })
	biggest := files[0]

	dir := t.TempDir()
	long := filepath.Join(dir, "long-2024.txt")
	writeLongReport(t, long, files, 1200)
	sources, err := corpus.Sources([]string{biggest, long})
	if err != nil {
		t.Fatal(err)
	}
	// The parser may join or drop a line (a repeated one, one that reads
	// as a heading): the report has what it found.
	r, err := sources[1].Read()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range r.Paragraphs() {
		n++
	}
	if n < 1000 {
		t.Fatalf("the long report has %d paragraphs", n)
	}
	if _, err := indexer.Build(context.Background(), filepath.Join(dir, "index"), sources, indexer.Options{}); err != nil {
		t.Fatal(err)
	}
	engine, err := search.Open(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer engine.Close()
	srv, err := New(Config{Index: engine, Asker: setup(t).asker})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what string
		id   string
		q    string
	}{
		{filepath.Base(biggest), sources[0].ID, ""},
		{filepath.Base(biggest), sources[0].ID, "经济"},
		{fmt.Sprintf("%d paragraphs", n), sources[1].ID, ""},
		{fmt.Sprintf("%d paragraphs", n), sources[1].ID, "经济"},
	} {
		target := readURL(c.id, c.q, "")
		var times []time.Duration
		var body string
		for range 7 {
			rec := httptest.NewRecorder()
			start := time.Now()
			srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
			times = append(times, time.Since(start))
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: status %d", target, rec.Code)
			}
			body = rec.Body.String()
		}
		slices.Sort(times)
		paras := strings.Count(body, `<p class="para"`)
		t.Logf("%s, q=%q: %d paragraphs, %d marks, %d KB: median %v, max %v", c.what, c.q, paras, strings.Count(body, "<mark>"), len(body)/1024, times[len(times)/2], times[len(times)-1])
		if c.id == sources[1].ID && paras != n {
			t.Errorf("the long report shows %d paragraphs, want %d", paras, n)
		}
		if times[len(times)/2] > readingTimeBound {
			t.Errorf("%s: median %v, want under %v", target, times[len(times)/2], readingTimeBound)
		}
	}
}

// writeLongReport writes a report of at least want paragraphs, in parts of
// ten chapters, from the paragraphs of the given reports in turn.
func writeLongReport(t *testing.T, path string, files []string, want int) {
	t.Helper()
	var texts []string
	sources, err := corpus.Sources(files)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sources {
		r, err := s.Read()
		if err != nil {
			t.Fatal(err)
		}
		for p := range r.Paragraphs() {
			texts = append(texts, p.Text)
		}
		if len(texts) >= want {
			break
		}
	}
	if len(texts) < want {
		t.Fatalf("the test data holds %d paragraphs, want %d", len(texts), want)
	}
	var b strings.Builder
	b.WriteString("关于某市2024年国民经济和社会发展计划执行情况的报告\n\n")
	const perChapter = 12
	for i := range want {
		if i%(10*perChapter) == 0 {
			fmt.Fprintf(&b, "%s、第%s部分\n", lexicon.ChineseNumeral(i/(10*perChapter)+1), lexicon.ChineseNumeral(i/(10*perChapter)+1))
		}
		if i%perChapter == 0 {
			fmt.Fprintf(&b, "（%s）第%s章\n", lexicon.ChineseNumeral(i/perChapter%10+1), lexicon.ChineseNumeral(i/perChapter%10+1))
		}
		b.WriteString(texts[i] + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
