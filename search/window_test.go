package search

import (
	"context"
	"reflect"
	"testing"
)

// A window ranks only the best-scoring matches, and the total still counts
// every match.
func TestSearchWindow(t *testing.T) {
	e := mustMultiEngine(t)
	ctx := context.Background()
	all, err := e.Search(ctx, Request{Query: parse(t, "发展"), Size: 5})
	if err != nil {
		t.Fatal(err)
	}
	few, err := e.Search(ctx, Request{Query: parse(t, "发展"), Size: 5, Window: 8})
	if err != nil {
		t.Fatal(err)
	}
	if few.Total != all.Total || all.Total <= 8 || len(few.Hits) != 5 {
		t.Fatalf("window 8: total %d of %d, %d hits", few.Total, all.Total, len(few.Hits))
	}
	for _, h := range few.Hits {
		if h.Match == "" || h.Citation == "" {
			t.Errorf("hit %s not ranked in a tier or without citation: %+v", h.ID, h)
		}
	}
}

// Figures found again come from the cache, and are the same as decoded.
func TestFigureCandidatesCached(t *testing.T) {
	e := mustMultiEngine(t)
	ctx := context.Background()
	q := FigureQuery{Indicator: "城镇新增就业"}
	first, err := e.FigureCandidates(ctx, q)
	if err != nil || len(first) < 5 {
		t.Fatalf("%d figures, %v", len(first), err)
	}
	ids := make([]string, len(first))
	for i, f := range first {
		ids[i] = f.ID
	}
	have, missing := e.figures.get(ids)
	if len(missing) != 0 || len(have) != len(ids) {
		t.Fatalf("after a search: %d cached, %d missing", len(have), len(missing))
	}
	fresh, err := e.loadFigures(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	again, err := e.FigureCandidates(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range again {
		if f.ID != ids[i] || !reflect.DeepEqual(f, fresh[f.ID]) {
			t.Errorf("figure %d: %+v, decoded %+v", i, f, fresh[f.ID])
		}
	}
}
