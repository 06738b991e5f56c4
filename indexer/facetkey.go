package indexer

import "strings"

// A paragraph's single-valued facet values — its year, kind, part,
// chapter and report — are also indexed together as one keyword, its facet
// key (FieldFacets); with its domains (FieldDomains, several a paragraph),
// they are the only fields with doc values. Counting the facets of a
// query's matches is then two facets: bleve reads a field's doc values
// chunk by chunk for every match, and reading six fields for each of
// twenty thousand matches was most of what a common word cost. The counts
// by key are summed into counts by value (DecodeFacetKey). There are few
// distinct keys, since the paragraphs of a chapter share theirs; the
// domains are kept out of the key because their combinations are many.

// FacetValues are the values of a paragraph that searches count.
type FacetValues struct {
	Year, Kind, Part, Chapter, Report string
	Domains                           []string // not in the facet key
}

// facetSep separates the values of a facet key; it does not occur in a
// report's text, which the parser has normalized.
const facetSep = "\x1f"

// FacetKey is the facet key of v.
func (v FacetValues) FacetKey() string {
	return strings.Join([]string{v.Year, v.Kind, v.Part, v.Chapter, v.Report}, facetSep)
}

// DecodeFacetKey reads the values back from a facet key; ok is false for a
// string that is not one.
func DecodeFacetKey(key string) (v FacetValues, ok bool) {
	parts := strings.Split(key, facetSep)
	if len(parts) != 5 {
		return v, false
	}
	return FacetValues{Year: parts[0], Kind: parts[1], Part: parts[2], Chapter: parts[3], Report: parts[4]}, true
}

// FacetValues are the paragraph's values that searches count.
func (p *Paragraph) FacetValues() FacetValues {
	return FacetValues{Year: p.YearTerm, Kind: p.Kind, Part: p.Part, Chapter: p.Chapter, Report: p.Report, Domains: p.Domains}
}
