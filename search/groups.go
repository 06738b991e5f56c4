package search

import (
	"cmp"
	"slices"
)

// ReportGroup is one report's share of a query's matches, for a view of
// the hits grouped by report: which reports speak of 人工智能, how much, and
// where best.
type ReportGroup struct {
	Report string `json:"report"`
	Label  string `json:"label"`           // place · year and kind
	Place  string `json:"place,omitempty"` // the place part of the label
	Count  int    `json:"count"`           // its matching paragraphs
	// Best is its best ranked hit, with snippets and citation; nil when all
	// its matches rank beyond the ranked window (see maxCandidates).
	Best *Hit `json:"best,omitempty"`
}

// groupByReport makes a group of every report with matches, the report of
// the best ranked hit first; reports none of whose hits were ranked follow
// by their counts. finish fills a best hit's snippets, citation and label.
func (e *Engine) groupByReport(counts []FacetValue, hits []Hit, finish func(Hit) Hit) []ReportGroup {
	rank := map[string]int{}
	best := map[string]Hit{}
	for i, h := range hits {
		if _, seen := best[h.Report]; !seen {
			best[h.Report], rank[h.Report] = h, i
		}
	}
	out := make([]ReportGroup, 0, len(counts))
	for _, c := range counts {
		g := ReportGroup{Report: c.Value, Label: e.catalog.Label(c.Value), Place: e.catalog.PlaceLabel(c.Value), Count: c.Count}
		if h, ok := best[c.Value]; ok {
			h = finish(h)
			g.Best = &h
		}
		out = append(out, g)
	}
	slices.SortStableFunc(out, func(a, b ReportGroup) int {
		switch {
		case a.Best != nil && b.Best != nil:
			return cmp.Compare(rank[a.Report], rank[b.Report])
		case a.Best != nil:
			return -1
		case b.Best != nil:
			return 1
		}
		return b.Count - a.Count
	})
	return out
}
