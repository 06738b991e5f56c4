package search

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/internal/golden"
	"reportsearch/internal/testindex"
)

// TestComparisonsStayInTheirPlace: over reports of many places, every
// target is paired with a result of its own place (of its own report when
// the place is not known), never with another province's figure.
func TestComparisonsStayInTheirPlace(t *testing.T) {
	e := mustMultiEngine(t)
	pairs, _, err := e.Comparisons(context.Background(), FigureFilter{}, Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) < 50 {
		t.Fatalf("%d pairs over the multi index: the pairing found almost nothing", len(pairs))
	}
	placeOf := func(f *corpus.Figure) string {
		id := corpus.ReportOfID(f.ParagraphID)
		r, _ := e.Catalog().Report(id)
		if p := r.Region.String(); p != "" {
			return p
		}
		return id
	}
	for _, c := range pairs {
		if tp, rp := placeOf(c.Target), placeOf(c.Result); tp != rp {
			t.Errorf("%s: target %s (%s) paired with result %s (%s)", c.Indicator, c.Target.ID, tp, c.Result.ID, rp)
		}
		if c.Result.Year != c.Target.Year-1 {
			t.Errorf("%s: target of %d paired with a result of %d", c.Indicator, c.Target.Year, c.Result.Year)
		}
	}
}

// TestComparisonsWaitOnTheirOwnContext: a request whose context has ended
// gets its context's error at once; requests made together all get the
// pairs of one pairing, and a later one the same pairs.
func TestComparisonsWaitOnTheirOwnContext(t *testing.T) {
	e := mustMultiEngine(t)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := e.Comparisons(cancelled, FigureFilter{}, Page{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled request: err %v, want context.Canceled", err)
	}
	var wg sync.WaitGroup
	got := make([][]corpus.Comparison, 6)
	errs := make([]error, len(got))
	for i := range got {
		wg.Go(func() { got[i], _, errs[i] = e.Comparisons(context.Background(), FigureFilter{}, Page{}) })
	}
	wg.Wait()
	for i := range got {
		if errs[i] != nil || len(got[i]) == 0 || !reflect.DeepEqual(got[i], got[0]) {
			t.Errorf("request %d: %d pairs, err %v; want the pairs of request 0 (%d)", i, len(got[i]), errs[i], len(got[0]))
		}
	}
	later, _, err := e.Comparisons(context.Background(), FigureFilter{}, Page{})
	if err != nil || !reflect.DeepEqual(later, got[0]) {
		t.Errorf("a later request: %d pairs, err %v; want the same %d", len(later), err, len(got[0]))
	}
}

// TestGoldenComparisons compares every pair of the multi index with
// testdata/golden/comparisons-multi.tsv, so that a change to the pairing
// shows each pair it makes or loses. After an intended change, run
// `go test ./search -run GoldenComparisons -update` and review the diff.
func TestGoldenComparisons(t *testing.T) {
	pairs, _, err := mustMultiEngine(t).Comparisons(context.Background(), FigureFilter{}, Page{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("# target\tresult\tindicator\ttarget text\tresult text\tscore\n")
	for _, c := range pairs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%.2f\n", c.Target.ID, c.Result.ID, c.Indicator, c.Target.Text, c.Result.Text, c.Score)
	}
	golden.Check(t, filepath.Join("testdata", "golden", "comparisons-multi.tsv"), []byte(b.String()))
}

// TestEachReadsEveryMatchAcrossPages: each, with a first page smaller than
// the matches, visits every match once, in the order of their IDs, as one
// request for all of them does.
func TestEachReadsEveryMatchAcrossPages(t *testing.T) {
	e, err := Open(testindex.Root(t, testindex.Multi)) // its own engine: the shared one keeps its page
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	q := termQuery(indexer.FieldDocType, indexer.TypeParagraph)
	read := func(page int) []string {
		e.eachPage = page
		var ids []string
		if err := e.each(context.Background(), q, nil, func(id string, _ map[string]any) error {
			ids = append(ids, id)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	all := read(0)
	if len(all) < 500 || !slices.IsSorted(all) {
		t.Fatalf("one page: %d paragraphs, sorted %v", len(all), slices.IsSorted(all))
	}
	for _, page := range []int{1, 7, len(all) - 1, len(all), len(all) + 1} {
		if got := read(page); !slices.Equal(got, all) {
			t.Errorf("first page %d: %d IDs, want the %d of one page", page, len(got), len(all))
		}
	}
}
