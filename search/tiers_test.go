package search

import (
	"context"
	"slices"
	"testing"
)

// TestTieredPages: the pages of a query with more matches than a ranking
// window never repeat a hit, hold as many hits as there are matches (up to
// maxCandidates), and show every paragraph that contains the query before
// any hit that is not literal — bleve is asked tier by tier, not for the
// best scores of all matches. Tiers are in order within each block
// (rankWindow) that the ranking reorders.
func TestTieredPages(t *testing.T) {
	e := mustMultiEngine(t)
	ctx := context.Background()
	for _, q := range []string{"发展", "经济发展", "建设"} {
		first, err := e.Search(ctx, Request{Query: parse(t, q), Size: MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		if first.Total <= rankWindow {
			t.Fatalf("%q: %d matches, no more than one window", q, first.Total)
		}
		var hits []Hit
		for page := 1; (page-1)*MaxPageSize < min(first.Total, maxCandidates); page++ {
			res, err := e.Search(ctx, Request{Query: parse(t, q), Size: MaxPageSize, Page: page})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != first.Total {
				t.Errorf("%q page %d: total %d, page 1 said %d", q, page, res.Total, first.Total)
			}
			hits = append(hits, res.Hits...)
		}
		at := map[string]int{}
		for i, h := range hits {
			if _, seen := at[h.ID]; seen {
				t.Errorf("%q: %s at ranks %d and %d", q, h.ID, at[h.ID], i)
			}
			at[h.ID] = i
		}
		if want := min(first.Total, maxCandidates); len(at) != want {
			t.Errorf("%q: %d hits over all pages, want %d", q, len(at), want)
		}
		for start := 0; start < len(hits); start += rankWindow {
			block := hits[start:min(len(hits), start+rankWindow)]
			if !slices.IsSortedFunc(block, func(a, b Hit) int { return tierRank(a.Match) - tierRank(b.Match) }) {
				t.Errorf("%q: tiers out of order in the block at rank %d", q, start)
			}
		}
		ids, err := e.LiteralMatches(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		firstOther := slices.IndexFunc(hits, func(h Hit) bool { return h.Match != MatchLiteral })
		for _, id := range ids {
			if i, ok := at[id]; !ok || firstOther >= 0 && i > firstOther {
				t.Errorf("%q: %s contains it, at rank %d (shown: %v), after a hit that does not (rank %d)", q, id, i, ok, firstOther)
			}
		}
	}
}

// TestCoveringGrams: every character of the phrase is in a kept bigram.
func TestCoveringGrams(t *testing.T) {
	for _, tc := range []struct {
		in, want []string
	}{
		{[]string{"ab", "bc"}, []string{"ab", "bc"}},
		{[]string{"ab", "bc", "cd"}, []string{"ab", "", "cd"}},
		{[]string{"ab", "bc", "cd", "de"}, []string{"ab", "", "cd", "de"}},
		{[]string{"ab", "bc", "cd", "de", "ef"}, []string{"ab", "", "cd", "", "ef"}},
	} {
		if got := coveringGrams(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("coveringGrams(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
