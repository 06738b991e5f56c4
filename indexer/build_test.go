package indexer

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
)

// testSources returns the embedded report and every real report the corpus
// package tests with.
// testSources are the embedded report and the 17 test reports the index was
// tuned on, without the development corpus (dev/): indexing all 88 reports
// under the race detector would cost these tests minutes and test nothing
// more of the index.
func testSources(t testing.TB) []corpus.Source {
	t.Helper()
	dir := filepath.Join("..", "corpus", "testdata", "reports")
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := corpus.Sources(append(paths, filepath.Join(dir, "batch2")))
	if err != nil {
		t.Fatal(err)
	}
	return append([]corpus.Source{corpus.DefaultSource()}, srcs...)
}

func buildIndex(t testing.TB, sources []corpus.Source) (string, bleve.Index, *Manifest) {
	t.Helper()
	root := t.TempDir()
	if _, err := Build(context.Background(), root, sources, Options{}); err != nil {
		t.Fatal(err)
	}
	idx, m, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return root, idx, m
}

func TestBuildAndOpen(t *testing.T) {
	root, idx, m := buildIndex(t, []corpus.Source{corpus.DefaultSource()})
	r, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	paras, figs := 0, 0
	for p := range r.Paragraphs() {
		paras++
		figs += len(p.Figures)
	}
	n, err := idx.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	pairs := len(corpus.Compare([]*corpus.Report{r}))
	if m.Paragraphs != paras || m.Figures != figs || m.Comparisons != pairs || int(n) != paras+figs+pairs {
		t.Errorf("manifest %d paragraphs %d figures %d comparisons, index %d docs; report has %d + %d + %d",
			m.Paragraphs, m.Figures, m.Comparisons, n, paras, figs, pairs)
	}
	if m.Staleness([]corpus.Source{corpus.DefaultSource()}, nil) != "" || m.Reports[0].Title != r.Title {
		t.Errorf("manifest %+v", m)
	}
	// The stored paragraph and its fields.
	doc, err := idx.Document("shangcheng-2022-plan-report/2.3.1/p1")
	if err != nil || doc == nil {
		t.Fatalf("Document: %v", err)
	}
	req := bleve.NewSearchRequest(query.NewMatchAllQuery())
	req.Fields = []string{FieldHeading, FieldPart, FieldChapter, FieldYear, FieldKind}
	req.Size = 1
	req.Query = termQuery(FieldSection, "shangcheng-2022-plan-report/2.3.1")
	res, err := idx.Search(req)
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search by section: %v %v", err, res)
	}
	f := res.Hits[0].Fields
	if f[FieldHeading] != "二、2022年国民经济和社会发展情况 › （三）规建并重强功能，城区品质迭代升级 › 1.城区空间更新发展" ||
		f[FieldPart] != "二" || f[FieldChapter] != "二（三）" || f[FieldYear] != 2022.0 || f[FieldKind] != "result" {
		t.Errorf("stored fields %v", f)
	}
	// A second build replaces the first; the old one stays for open readers.
	if _, err := Build(context.Background(), root, []corpus.Source{corpus.DefaultSource()}, Options{}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(root, buildsDir))
	if len(entries) != 2 {
		t.Errorf("%d builds kept, want 2", len(entries))
	}
}

// literalQuery finds the paragraphs that contain s literally, through the
// character view: a prefix for one character, a phrase of bigrams for more.
func literalQuery(s string) query.Query {
	field := FieldText + CharSuffix
	if prefix := CharPrefix(s); prefix != "" {
		q := query.NewPrefixQuery(prefix)
		q.SetField(field)
		return q
	}
	return query.NewPhraseQuery(CharBigrams(s), field)
}

// TestLiteralRecall samples substrings of 1–8 characters (Han, digits and
// mixed) from the paragraphs of every real report and checks that the index
// returns every paragraph that contains each one.
func TestLiteralRecall(t *testing.T) {
	sources := testSources(t)
	_, idx, _ := buildIndex(t, sources)
	var paras []*corpus.Paragraph
	defaultCount := 0
	for i, src := range sources {
		r, err := src.Read()
		if err != nil {
			t.Fatal(err)
		}
		for p := range r.Paragraphs() {
			paras = append(paras, p)
			if i == 0 {
				defaultCount++
			}
		}
	}
	rng := rand.New(rand.NewPCG(2026, 11))
	kinds := map[string]int{}
	sample := func(from []*corpus.Paragraph) string {
		for {
			p := from[rng.IntN(len(from))]
			rs := []rune(p.Text)
			n := 1 + rng.IntN(8)
			if len(rs) < n {
				continue
			}
			i := rng.IntN(len(rs) - n + 1)
			s := string(rs[i : i+n])
			if strings.ContainsFunc(s, unicode.IsSpace) {
				continue
			}
			kinds[kindOf(s)]++
			return s
		}
	}
	var misses, extra, checked int
	for i := range 2000 {
		from := paras[:defaultCount] // 1,000 from the default report …
		if i >= 1000 {
			from = paras[defaultCount:] // … and 1,000 from the others
		}
		s := sample(from)
		want := map[string]bool{}
		for _, p := range paras {
			if strings.Contains(p.Text, s) {
				want[p.ID] = true
			}
		}
		req := bleve.NewSearchRequest(literalQuery(s))
		req.Size = len(paras)
		res, err := idx.Search(req)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		got := map[string]bool{}
		for _, h := range res.Hits {
			got[h.ID] = true
		}
		for id := range want {
			if !got[id] {
				misses++
				if misses <= 10 {
					t.Errorf("%q: paragraph %s contains it but was not found", s, id)
				}
			}
		}
		extra += len(got) - len(want)
		checked++
	}
	t.Logf("%d substrings (%v): %d misses, %d extra hits", checked, kinds, misses, extra)
	if misses > 0 {
		t.Errorf("literal recall below 100%%: %d misses", misses)
	}
	if kinds["han"] < 200 || kinds["digits"] < 20 || kinds["mixed"] < 100 {
		t.Errorf("sample too narrow: %v", kinds)
	}
}

func kindOf(s string) string {
	han, digit := false, false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han = true
		case unicode.IsDigit(r):
			digit = true
		}
	}
	switch {
	case han && !digit && onlyHan(s):
		return "han"
	case digit && !han:
		return "digits"
	}
	return "mixed"
}

func onlyHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

func TestOpenWithoutIndex(t *testing.T) {
	_, _, err := Open(t.TempDir())
	if !errors.Is(err, ErrNoIndex) {
		t.Errorf("Open(empty dir) = %v, want ErrNoIndex", err)
	}
}

// TestConcurrentBuilds runs two builds of one index at once: they take turns,
// and the index that ends up current opens and is complete.
func TestConcurrentBuilds(t *testing.T) {
	root := t.TempDir()
	sources := testSources(t)
	errs := make(chan error, 2)
	for _, s := range [][]corpus.Source{sources, sources[:1]} {
		go func() {
			_, err := Build(context.Background(), root, s, Options{})
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	idx, m, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	n, _ := idx.DocCount()
	if int(n) != m.Documents() {
		t.Errorf("current index has %d documents, its manifest says %d", n, m.Documents())
	}
}

func TestOpenRefusesOtherVersionsAndOddStates(t *testing.T) {
	root, _, m := buildIndex(t, []corpus.Source{corpus.DefaultSource()})
	_, dir, err := Current(root)
	if err != nil {
		t.Fatal(err)
	}
	stale := *m
	stale.Dictionary = "other"
	if err := writeManifest(dir, &stale); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Open(root); !errors.Is(err, ErrStale) || !strings.Contains(err.Error(), "dictionary changed") {
		t.Errorf("Open(stale) = %v", err)
	}
	// "current" that is a directory: a clear error, before any build work.
	odd := t.TempDir()
	if err := os.Mkdir(filepath.Join(odd, currentLink), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Current(odd); err == nil || !strings.Contains(err.Error(), "not a symbolic link") {
		t.Errorf("Current(dir) = %v", err)
	}
	if _, err := Build(context.Background(), odd, []corpus.Source{corpus.DefaultSource()}, Options{}); err == nil || !strings.Contains(err.Error(), "not a symbolic link") {
		t.Errorf("Build over a directory = %v", err)
	}
	// "current" pointing nowhere.
	dangling := t.TempDir()
	if err := os.Symlink(filepath.Join(buildsDir, "gone"), filepath.Join(dangling, currentLink)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Current(dangling); !errors.Is(err, ErrNoIndex) || !strings.Contains(err.Error(), "missing") {
		t.Errorf("Current(dangling) = %v", err)
	}
}
