package search

import (
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

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

// facets are the facets every search returns, by name, and a paragraph's
// values of each.
var facets = map[string]func(indexer.FacetValues) []string{
	"year":    func(v indexer.FacetValues) []string { return []string{v.Year} },
	"kind":    func(v indexer.FacetValues) []string { return []string{v.Kind} },
	"part":    func(v indexer.FacetValues) []string { return []string{v.Part} },
	"chapter": func(v indexer.FacetValues) []string { return []string{v.Chapter} },
	"domain":  func(v indexer.FacetValues) []string { return v.Domains },
	"report":  func(v indexer.FacetValues) []string { return []string{v.Report} },
}

// maxFacetValues is how many values a facet lists.
const maxFacetValues = 50

// facetCounts count matches by facet and value: facet name → value → count.
type facetCounts map[string]map[string]int

// add counts n matches with values v.
func (fc facetCounts) add(v indexer.FacetValues, n int) {
	for name, values := range facets {
		for _, value := range values(v) {
			fc.addValue(name, value, n)
		}
	}
}

func (fc facetCounts) addValue(name, value string, n int) {
	if value == "" {
		return
	}
	if fc[name] == nil {
		fc[name] = map[string]int{}
	}
	fc[name][value] += n
}

// countsOfCandidates counts the facets of candidates that are all the
// matches (or all a Window asks for).
func countsOfCandidates(cands []candidate) facetCounts {
	fc := facetCounts{}
	for _, c := range cands {
		fc.add(c.p.FacetValues(), 1)
	}
	return fc
}

// countsOf counts the facets from bleve's counts of facet keys
// (indexer.FacetKey) and of domains, those facetsRequest asked for.
func countsOf(res *bleve.SearchResult) facetCounts {
	fc := facetCounts{}
	for _, t := range facetTerms(res.Facets[indexer.FieldFacets]) {
		if v, ok := indexer.DecodeFacetKey(t.Term); ok {
			fc.add(v, t.Count)
		}
	}
	for _, t := range facetTerms(res.Facets[indexer.FieldDomains]) {
		fc.addValue("domain", t.Term, t.Count)
	}
	return fc
}

// facetsRequest asks for the count of q's matches by each of the fields
// (indexer.FieldFacets, indexer.FieldDomains), every value of each, and
// no hits.
func facetsRequest(q bquery.Query, fields ...string) *bleve.SearchRequest {
	sr := bleve.NewSearchRequestOptions(q, 0, 0, false)
	sr.Score = bleve.ScoreNone // counting needs no scores
	for _, f := range fields {
		sr.AddFacet(f, bleve.NewFacetRequest(f, math.MaxInt32))
	}
	return sr
}

func facetTerms(fr *bsearch.FacetResult) []*bsearch.TermFacet {
	if fr == nil || fr.Terms == nil {
		return nil
	}
	return fr.Terms.Terms()
}

// values lists a facet's values, most matches first; limit 0 lists all.
func (fc facetCounts) values(name string, limit int) []FacetValue {
	vs := make([]FacetValue, 0, len(fc[name]))
	for v, n := range fc[name] {
		vs = append(vs, FacetValue{Value: v, Count: n})
	}
	sortFacet(vs)
	if limit > 0 && len(vs) > limit {
		vs = vs[:limit]
	}
	return vs
}

// listed are the facets a result shows, each its first maxFacetValues.
func (fc facetCounts) listed() map[string][]FacetValue {
	out := map[string][]FacetValue{}
	for name := range facets {
		out[name] = fc.values(name, maxFacetValues)
	}
	return out
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
