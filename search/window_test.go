package search

import (
	"context"
	"maps"
	"reflect"
	"testing"

	"reportsearch/corpus"
	"reportsearch/internal/testindex"
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

// TestFigureCandidatesOnCopies: a library holding every report three times
// gives a question the same candidate figures as the originals — one of
// each statement, not three copies of the best ones in place of the others.
// The limit is the number of the originals' candidates, so that copies
// would crowd some out (BM25 ranks copies a little differently near ties,
// so a smaller limit could cut two rankings at different places).
func TestFigureCandidatesOnCopies(t *testing.T) {
	orig, copied := mustMultiEngine(t), mustEngineOf(t, testindex.Copies(3))
	ctx := context.Background()
	for _, indicator := range []string{"地区生产总值", "城镇新增就业", "社会消费品零售总额", "粮食产量", "一般公共预算收入"} {
		all, err := orig.FigureCandidates(ctx, FigureQuery{Indicator: indicator, Limit: maxCandidates})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) < 10 || len(all) >= maxCandidates {
			t.Fatalf("%s: %d candidates", indicator, len(all))
		}
		got, err := copied.FigureCandidates(ctx, FigureQuery{Indicator: indicator, Limit: len(all)})
		if err != nil {
			t.Fatal(err)
		}
		statements := func(e *Engine, figs []*corpus.Figure) map[figureStatement]bool {
			out := map[figureStatement]bool{}
			for _, f := range figs {
				s := e.statementOf(f)
				if out[s] {
					t.Errorf("%s: %+v twice", indicator, s)
				}
				out[s] = true
			}
			return out
		}
		if w, g := statements(orig, all), statements(copied, got); !maps.Equal(w, g) {
			t.Errorf("%s: %d candidates of the originals, %d of the copies, not the same statements", indicator, len(w), len(g))
		}
	}
}
