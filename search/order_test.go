package search

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"reportsearch/corpus"
)

// TestListsPage: for each list and filter, the pages of a list, read one
// after another, are the whole list in its order, each says how many rows
// the whole list has, and a page past the end is empty; the page bleve
// selects itself (no words) is the page of the stream read and matched.
func TestListsPage(t *testing.T) {
	e := mustMultiEngine(t)
	ctx := context.Background()
	defer func(n int) { orderChunk = n }(orderChunk)
	orderChunk = 7 // lists cross many chunks, as long lists of a large index do
	domain := e.Manifest().Domains[0]
	figureFilters := []FigureFilter{{}, {FigureFilter: corpus.FigureFilter{Year: 2023}}, {FigureFilter: corpus.FigureFilter{Kind: corpus.FigureTarget}},
		{FigureFilter: corpus.FigureFilter{Domain: domain}}, {FigureFilter: corpus.FigureFilter{Words: []string{"生产总值"}}},
		{Report: e.Manifest().Reports[0].ID}}
	for _, ff := range figureFilters {
		checkPages(t, fmt.Sprintf("figures %+v", ff), func(p Page) ([]*corpus.Figure, int, error) { return e.Figures(ctx, ff, p) },
			func(visit func(*corpus.Figure)) error {
				return e.EachFigure(ctx, ff, func(f *corpus.Figure) error { visit(f); return nil })
			})
		checkPages(t, fmt.Sprintf("comparisons %+v", ff), func(p Page) ([]corpus.Comparison, int, error) { return e.Comparisons(ctx, ff, p) },
			func(visit func(corpus.Comparison)) error {
				return e.EachComparison(ctx, ff, func(c corpus.Comparison) error { visit(c); return nil })
			})
	}
	for _, cf := range []CommitmentFilter{{}, {CommitmentFilter: corpus.CommitmentFilter{Year: 2023, Domain: domain}}} {
		checkPages(t, fmt.Sprintf("commitments %+v", cf), func(p Page) ([]*corpus.Commitment, int, error) { return e.Commitments(ctx, cf, p) },
			func(visit func(*corpus.Commitment)) error {
				return e.EachCommitment(ctx, cf, func(c *corpus.Commitment) error { visit(c); return nil })
			})
	}
}

func checkPages[T any](t *testing.T, name string, list func(Page) ([]T, int, error), each func(func(T)) error) {
	t.Helper()
	var all []T
	if err := each(func(row T) { all = append(all, row) }); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	whole, total, err := list(Page{})
	if err != nil || total != len(all) || !reflect.DeepEqual(whole, all) {
		t.Fatalf("%s: the whole list has %d rows of %d (%v), the stream %d", name, len(whole), total, err, len(all))
	}
	if len(all) == 0 {
		t.Fatalf("%s: an empty list tests nothing", name)
	}
	size := max(7, len(all)/20) // a few pages at least, and not thousands
	var paged []T
	for offset := 0; offset <= len(all); offset += size {
		rows, n, err := list(Page{Offset: offset, Limit: size})
		if err != nil || n != len(all) || len(rows) != min(size, len(all)-offset) {
			t.Fatalf("%s: page at %d: %d rows, total %d, %v; want %d of %d", name, offset, len(rows), n, err, min(size, len(all)-offset), len(all))
		}
		paged = append(paged, rows...)
	}
	if !reflect.DeepEqual(paged, all) {
		t.Errorf("%s: the pages together differ from the list", name)
	}
}
