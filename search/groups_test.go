package search

import (
	"context"
	"testing"
)

// TestGroupByReport: every report with matches is a group whose count is
// its number of matches; the counts add up to the total; a group's best hit
// is of its report and is that report's first in the ranking; the groups
// come in the order of their best hits.
func TestGroupByReport(t *testing.T) {
	e := mustMultiEngine(t)
	for _, text := range []string{"就业", "人工智能", "养老 服务"} {
		q := parse(t, text)
		res, err := e.Search(context.Background(), Request{Query: q, Size: MaxPageSize, ByReport: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Reports) < 2 {
			t.Fatalf("%s: %d reports, want several", text, len(res.Reports))
		}
		ranking, err := e.Search(context.Background(), Request{Query: q, Size: MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		first := map[string]int{}
		for i, h := range ranking.Hits {
			if _, ok := first[h.Report]; !ok {
				first[h.Report] = i
			}
		}
		sum, last := 0, -1
		for _, g := range res.Reports {
			sum += g.Count
			if g.Label == "" || g.Label != e.Catalog().Label(g.Report) {
				t.Errorf("%s: group %s labelled %q", text, g.Report, g.Label)
			}
			if g.Best == nil {
				if _, ranked := first[g.Report]; ranked && res.Total <= maxCandidates {
					t.Errorf("%s: group %s has no best hit though one is ranked", text, g.Report)
				}
				continue
			}
			if g.Best.Report != g.Report || len(g.Best.Snippets) == 0 || g.Best.Citation == "" {
				t.Errorf("%s: group %s: best hit %s of %s, %d snippets, citation %q", text, g.Report, g.Best.ID, g.Best.Report, len(g.Best.Snippets), g.Best.Citation)
			}
			if i, ok := first[g.Report]; ok && i < len(ranking.Hits) && ranking.Hits[i].ID != g.Best.ID {
				t.Errorf("%s: group %s: best %s, but the ranking has %s first", text, g.Report, g.Best.ID, ranking.Hits[i].ID)
			}
			if i, ok := first[g.Report]; ok {
				if i < last {
					t.Errorf("%s: group %s comes after a group whose best ranks lower", text, g.Report)
				}
				last = i
			}
		}
		if sum != res.Total {
			t.Errorf("%s: group counts add up to %d, total %d", text, sum, res.Total)
		}
	}
}
