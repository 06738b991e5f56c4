package search

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"reportsearch/indexer"
)

// FacetValue is one value of a facet and how many matches have it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
	// Label and Group, for a report, are its label and its place (see
	// catalog.Label): a report's ID says nothing to a user.
	Label string `json:"label,omitempty"`
	Group string `json:"group,omitempty"`
}

// facets are the facets every search returns: the index field each counts
// and the paragraph's values of it.
var facets = map[string]struct {
	field  string
	values func(*indexer.Paragraph) []string
}{
	"year":    {indexer.FieldYearTerm, func(p *indexer.Paragraph) []string { return []string{p.YearTerm} }},
	"kind":    {indexer.FieldKind, func(p *indexer.Paragraph) []string { return []string{p.Kind} }},
	"part":    {indexer.FieldPart, func(p *indexer.Paragraph) []string { return []string{p.Part} }},
	"chapter": {indexer.FieldChapter, func(p *indexer.Paragraph) []string { return []string{p.Chapter} }},
	"domain":  {indexer.FieldDomains, func(p *indexer.Paragraph) []string { return p.Domains }},
	"report":  {indexer.FieldReport, func(p *indexer.Paragraph) []string { return []string{p.Report} }},
}

// maxFacetValues is how many values a facet lists.
const maxFacetValues = 50

// allReportsFacet counts matches by report without a limit, for the region
// facet; it is not returned.
const allReportsFacet = "report (all)"

// facetsOf counts facet values: bleve's counts when there were more matches
// than candidates, else over the candidates, which are all the matches.
func facetsOf(res *bleve.SearchResult, cands []candidate) map[string][]FacetValue {
	out := map[string][]FacetValue{}
	if len(res.Facets) > 0 {
		for name := range facets {
			out[name] = facetValues(res.Facets[name])
		}
		return out
	}
	for name, f := range facets {
		vs := countValues(cands, f.values)
		out[name] = vs[:min(len(vs), maxFacetValues)]
	}
	return out
}

// countValues counts the candidates by the values of a field, every value,
// most first.
func countValues(cands []candidate, values func(*indexer.Paragraph) []string) []FacetValue {
	counts := map[string]int{}
	for _, c := range cands {
		for _, v := range values(c.p) {
			if v != "" {
				counts[v]++
			}
		}
	}
	vs := make([]FacetValue, 0, len(counts))
	for v, n := range counts {
		vs = append(vs, FacetValue{Value: v, Count: n})
	}
	sortFacet(vs)
	return vs
}

// regionFacet counts matches by the place of their report, from their
// counts by report: the region facet, whose values a region: filter takes.
func (e *Engine) regionFacet(byReport []FacetValue) []FacetValue {
	counts := map[string]int{}
	for _, v := range byReport {
		if r := e.catalog.PlaceOf(v.Value); r != "" {
			counts[r] += v.Count
		}
	}
	out := make([]FacetValue, 0, len(counts))
	for r, n := range counts {
		out = append(out, FacetValue{Value: r, Count: n})
	}
	sortFacet(out)
	return out
}

// labelReportFacet labels the values of the report facet and orders them by
// place, the places by their matches, and the reports of a place by theirs:
// a user reads which places speak of the query, then which of their reports.
func (e *Engine) labelReportFacet(vs []FacetValue) {
	byPlace := map[string]int{}
	for i := range vs {
		vs[i].Label = e.catalog.Label(vs[i].Value)
		vs[i].Group = e.catalog.PlaceLabel(vs[i].Value)
		byPlace[vs[i].Group] += vs[i].Count
	}
	slices.SortStableFunc(vs, func(a, b FacetValue) int {
		if a.Group != b.Group {
			if byPlace[a.Group] != byPlace[b.Group] {
				return byPlace[b.Group] - byPlace[a.Group]
			}
			return strings.Compare(a.Group, b.Group)
		}
		return b.Count - a.Count
	})
}

func sortFacet(vs []FacetValue) {
	slices.SortStableFunc(vs, func(a, b FacetValue) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Value, b.Value)
	})
}

func facetValues(fr *bsearch.FacetResult) []FacetValue {
	out := []FacetValue{}
	if fr == nil || fr.Terms == nil {
		return out
	}
	for _, t := range fr.Terms.Terms() {
		if t.Term == "" {
			continue
		}
		out = append(out, FacetValue{Value: t.Term, Count: t.Count})
	}
	sortFacet(out)
	return out
}
