package indexer

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
)

// referenceIndex builds sources the plain way — bleve.NewBuilder mapping
// each value itself, one batch — for comparison with Build's pipeline.
func referenceIndex(t *testing.T, sources []corpus.Source) bleve.Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "reference")
	b, err := bleve.NewBuilder(dir, NewMapping(), map[string]any{"batchSize": 1 << 20, "buildPathPrefix": t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	order := 0
	var entries []ReportEntry
	for _, src := range sources {
		r, err := src.Read()
		if err != nil {
			t.Fatal(err)
		}
		if err := reportDocs(r, &order, b.Index); err != nil {
			t.Fatal(err)
		}
		entries = append(entries, ReportEntry{Meta: r.Meta})
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := pairTargets(context.Background(), dir, entries, 1<<20); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx
}

// TestPipelineBuildsTheSameIndex checks that documents analysed ahead of the
// builder, in parallel and in several segments merged at the end, make the
// index bleve's own builder makes: the same documents, matches, scores,
// stored fields, facets and numeric ranges.
func TestPipelineBuildsTheSameIndex(t *testing.T) {
	all := testSources(t)
	sources := []corpus.Source{all[0], all[2], all[len(all)-1]}
	root := t.TempDir()
	// A small batch makes several segments, which the builder merges.
	m, err := Build(context.Background(), root, sources, Options{BatchSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	if m.Paragraphs+m.Figures <= 3*100 {
		t.Fatalf("only %d documents: the test wants several segments", m.Paragraphs+m.Figures)
	}
	got, _, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	want := referenceIndex(t, sources)

	gotN, _ := got.DocCount()
	wantN, _ := want.DocCount()
	if gotN != wantN || int(gotN) != m.Documents() {
		t.Fatalf("%d documents, bleve's builder %d, manifest %d", gotN, wantN, m.Documents())
	}
	lo, hi := 1e8, 1e11
	queries := map[string]query.Query{
		"word":          termQuery(FieldText, "发展"),
		"policy term":   termQuery(FieldText, "营商环境"),
		"heading word":  termQuery(FieldHeading, "民生"),
		"char phrase":   literalQuery("生产总值"),
		"mixed literal": literalQuery("3.3%"),
		"indicator":     query.NewPhraseQuery(CharBigrams("就业"), FieldIndicator+CharSuffix),
		"sentence":      termQuery(FieldSentence, "增长"),
		"keyword":       termQuery(FieldKind, "target"),
		"range":         query.NewNumericRangeQuery(&lo, &hi),
	}
	queries["range"].(*query.NumericRangeQuery).SetField(FieldNormalized)
	for name, q := range queries {
		req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
		req.Fields = []string{FieldText, FieldHeading, FieldYear, FieldData, FieldParagraph}
		req.AddFacet("year", bleve.NewFacetRequest(FieldYearTerm, 10))
		req.AddFacet("chapter", bleve.NewFacetRequest(FieldChapter, 50))
		g, err := got.Search(req)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		w, err := want.Search(req)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if g.Total == 0 || g.Total != w.Total {
			t.Errorf("%s: %d matches, bleve's builder %d", name, g.Total, w.Total)
			continue
		}
		wantHits := map[string]float64{}
		wantFields := map[string]map[string]any{}
		for _, h := range w.Hits {
			wantHits[h.ID], wantFields[h.ID] = h.Score, h.Fields
		}
		for _, h := range g.Hits {
			s, ok := wantHits[h.ID]
			if !ok || math.Abs(s-h.Score) > 1e-9*math.Max(1, s) {
				t.Errorf("%s: %s scores %v, bleve's builder %v (found %v)", name, h.ID, h.Score, s, ok)
				break
			}
			if !equalFields(h.Fields, wantFields[h.ID]) {
				t.Errorf("%s: %s stored %v, bleve's builder %v", name, h.ID, h.Fields, wantFields[h.ID])
				break
			}
		}
		for _, f := range []string{"year", "chapter"} {
			if gf, wf := facetCounts(g.Facets[f]), facetCounts(w.Facets[f]); !slices.Equal(gf, wf) {
				t.Errorf("%s: facet %s %v, bleve's builder %v", name, f, gf, wf)
			}
		}
	}
}

func equalFields(a, b map[string]any) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func facetCounts(f *search.FacetResult) []string {
	if f == nil {
		return nil
	}
	var out []string
	for _, t := range f.Terms.Terms() {
		out = append(out, fmt.Sprintf("%s=%d", t.Term, t.Count))
	}
	slices.Sort(out)
	return out
}

// TestBuildKeepsItsFilesInItsDirectory checks that a build writes nothing
// outside its build directory (bleve's builder puts its temporary segments
// in the system's temporary directory unless told otherwise, where a failed
// or killed build would leave them) and leaves nothing but the index and
// manifest.
func TestBuildKeepsItsFilesInItsDirectory(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	root := t.TempDir()
	// A build that fails after the builder wrote segments.
	_, err := Build(context.Background(), root, []corpus.Source{corpus.DefaultSource(), brokenSource(t)}, Options{BatchSize: 100})
	if err == nil {
		t.Fatal("a build with a broken report succeeded")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the failed build left %v in the temporary directory", left)
	}
	if _, err := Build(context.Background(), root, []corpus.Source{corpus.DefaultSource()}, Options{BatchSize: 100}); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("the build left %v in the temporary directory", left)
	}
	_, dir, err := Current(root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if d != nil && d.IsDir() && strings.HasPrefix(d.Name(), "scorch-offline-build") {
			names = append(names, path)
		}
		return nil
	})
	if len(names) != 0 {
		t.Errorf("temporary segments left in the build: %v", names)
	}
}

// TestBuildErrorLeavesCurrentIndex checks that a report that cannot be read,
// first or after others, fails the build with its name and leaves the
// current index as it was.
func TestBuildErrorLeavesCurrentIndex(t *testing.T) {
	root := t.TempDir()
	if _, err := Build(context.Background(), root, []corpus.Source{corpus.DefaultSource()}, Options{}); err != nil {
		t.Fatal(err)
	}
	before, _, err := Current(root)
	if err != nil {
		t.Fatal(err)
	}
	bad := brokenSource(t)
	for name, sources := range map[string][]corpus.Source{
		"first": {bad, corpus.DefaultSource()},
		"later": {corpus.DefaultSource(), testSources(t)[1], bad},
	} {
		_, err := Build(context.Background(), root, sources, Options{BatchSize: 100})
		if err == nil || !strings.Contains(err.Error(), "broken") {
			t.Errorf("%s: error %v, want one naming broken.txt", name, err)
		}
		after, _, err := Current(root)
		if err != nil || after.Built != before.Built {
			t.Errorf("%s: current index changed: %v", name, err)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(root, buildsDir)); len(entries) != 1 {
		t.Errorf("%d builds left, want only the current one", len(entries))
	}
}

// TestBuildCancelled checks that a cancelled build stops and leaves nothing.
func TestBuildCancelled(t *testing.T) {
	root := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Build(ctx, root, testSources(t), Options{Progress: func(p Progress) {
		if p.Done == 2 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if _, _, err := Current(root); !errors.Is(err, ErrNoIndex) {
		t.Errorf("after a cancelled build: %v, want ErrNoIndex", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(root, buildsDir)); len(entries) != 0 {
		t.Errorf("a cancelled build left %v", entries)
	}
}

// gcPercent reads the collector's target.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestRelaxGCRestoresTheProgramsSetting(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(123))
	restore1 := relaxGC()
	restore2 := relaxGC() // a concurrent build
	if p := gcPercent(); p != buildGCPercent {
		t.Fatalf("during builds: %d, want %d", p, buildGCPercent)
	}
	restore1()
	if p := gcPercent(); p != buildGCPercent {
		t.Errorf("one build still running: %d, want %d", p, buildGCPercent)
	}
	restore2()
	if p := gcPercent(); p != 123 {
		t.Errorf("after the builds: %d, want 123", p)
	}
	debug.SetGCPercent(1000) // a program that already relaxed it keeps its own
	relaxGC()()
	if p := gcPercent(); p != 1000 {
		t.Errorf("relaxGC lowered 1000 to %d", p)
	}
}

// brokenSource is a report file named broken.txt that cannot be read: it is
// binary.
func brokenSource(t *testing.T) corpus.Source {
	t.Helper()
	bad := filepath.Join(t.TempDir(), "broken.txt")
	if err := os.WriteFile(bad, []byte("\x00\x01\x02binary\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	sources, err := corpus.Sources([]string{bad})
	if err != nil {
		t.Fatal(err)
	}
	return sources[0]
}
