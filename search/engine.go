package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// Engine answers queries over one open index. It is safe for concurrent use.
type Engine struct {
	idx      bleve.Index
	manifest *indexer.Manifest
	reports  map[string]indexer.ReportEntry
	seg      *indexer.Segmenter
	syn      *Synonyms
	tax      *corpus.Taxonomy // for the domains of list questions
	regions  *regions         // which reports speak for which place
}

// Open opens the current index under root read-only.
func Open(root string) (*Engine, error) {
	idx, m, err := indexer.Open(root)
	if err != nil {
		return nil, err
	}
	e, err := New(idx, m)
	if err != nil {
		idx.Close()
		return nil, err
	}
	return e, nil
}

// New wraps an open index and its manifest.
func New(idx bleve.Index, m *indexer.Manifest) (*Engine, error) {
	seg, err := indexer.SharedSegmenter()
	if err != nil {
		return nil, err
	}
	e := &Engine{idx: idx, manifest: m, reports: map[string]indexer.ReportEntry{}, seg: seg, syn: DefaultSynonyms(), tax: corpus.DefaultTaxonomy()}
	for _, r := range m.Reports {
		e.reports[r.ID] = r
	}
	e.regions = newRegions(m.Reports)
	unplaced := e.regions.unplaced
	if err := e.regions.placeOfUnplaced(func(names []string) (map[string]int, error) { return e.paragraphsNaming(names, unplaced) }); err != nil {
		return nil, err
	}
	return e, nil
}

// paragraphsNaming counts, for each of the reports, the paragraphs that
// have one of the names.
func (e *Engine) paragraphsNaming(names, reports []string) (map[string]int, error) {
	var any []query.Query
	for _, n := range names {
		any = append(any, literalQuery(indexer.FieldText, n))
	}
	q := query.NewBooleanQuery([]query.Query{query.NewDisjunctionQuery(any), termQuery(indexer.FieldDocType, indexer.TypeParagraph)}, nil, nil)
	sr := bleve.NewSearchRequestOptions(scoped(q, reports), 0, 0, false)
	sr.AddFacet("report", bleve.NewFacetRequest(indexer.FieldReport, max(1, len(reports))))
	res, err := e.idx.Search(sr)
	if err != nil {
		return nil, fmt.Errorf("search: paragraphs naming %s: %w", names[0], err)
	}
	counts := map[string]int{}
	for _, v := range facetValues(res.Facets["report"]) {
		counts[v.Value] = v.Count
	}
	return counts, nil
}

// Close closes the index.
func (e *Engine) Close() error { return e.idx.Close() }

// Manifest describes the index the engine serves.
func (e *Engine) Manifest() *indexer.Manifest { return e.manifest }

// Request is a search.
type Request struct {
	Query    string
	Filters  []Filter // added to the query's own, e.g. from facet clicks
	Page     int      // 1-based; default 1
	Size     int      // hits per page; default 10, at most MaxPageSize
	Snippets int      // snippets per hit; default 3
	// scope keeps the search to these reports, without scoring by it; nil
	// for all. Ask sets it to the reports of the place a question names.
	scope []string
}

// MaxPageSize bounds Request.Size.
const MaxPageSize = 100

// maxCandidates is how many matches are ranked in tiers; the total counts
// all of them. firstCandidates are asked for first.
const (
	maxCandidates   = 1000
	firstCandidates = 100
)

// Result is a page of ranked hits with facets over all matches.
type Result struct {
	Query    string                  `json:"query"` // the query in canonical form
	Total    int                     `json:"total"`
	Page     int                     `json:"page"`
	Size     int                     `json:"size"`
	Hits     []Hit                   `json:"hits"`
	Facets   map[string][]FacetValue `json:"facets"`
	Expanded []Expansion             `json:"expanded"`
}

// Hit is a matching paragraph.
type Hit struct {
	ID       string    `json:"id"`
	Report   string    `json:"report"`
	Path     string    `json:"path"` // the section path, e.g. 2.3.1
	Heading  string    `json:"heading"`
	Place    string    `json:"place"` // 第二部分（三）1.
	Year     int       `json:"year,omitempty"`
	Kind     string    `json:"kind,omitempty"`
	Domains  []string  `json:"domains"`
	Score    float64   `json:"score"`
	Match    string    `json:"match"`              // literal, words or synonym
	Synonyms []string  `json:"synonyms,omitempty"` // the synonyms that matched, for a synonym hit
	Text     string    `json:"text"`
	Snippets []Snippet `json:"snippets"`
	Citation string    `json:"citation"`
	Link     string    `json:"permalink"`

	order float64
}

// Snippet is a sentence (or a few, when a match spans them) of a hit with the
// byte spans of its matches.
type Snippet struct {
	Text    string   `json:"text"`
	Matches [][2]int `json:"matches"`
}

// FacetValue is one value of a facet and how many matches have it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Expansion records a synonym the query was widened with.
type Expansion struct {
	Term     string   `json:"term"`
	Synonyms []string `json:"synonyms"`
}

// Match tiers, best first.
const (
	MatchLiteral = "literal"
	MatchWords   = "words"
	MatchSynonym = "synonym"
	// MatchPartial is a paragraph that has some of the query's words but
	// not all: returned only when no paragraph matches the whole query.
	MatchPartial = "partial"
)

// facetFields are the facets every search returns.
var facetFields = map[string]string{
	"year": indexer.FieldYearTerm, "kind": indexer.FieldKind, "part": indexer.FieldPart,
	"chapter": indexer.FieldChapter, "domain": indexer.FieldDomains, "report": indexer.FieldReport,
}

// storedFields are the paragraph fields a hit is built from.
var storedFields = []string{indexer.FieldText, indexer.FieldHeading, indexer.FieldSection, indexer.FieldReport, indexer.FieldYear,
	indexer.FieldKind, indexer.FieldDomains, indexer.FieldPlace, indexer.FieldOrder, indexer.FieldPart, indexer.FieldChapter,
	indexer.FieldYearTerm}

// ErrNotFound is returned for an unknown paragraph ID.
var ErrNotFound = errors.New("not found")

// Search runs a request.
func (e *Engine) Search(ctx context.Context, req Request) (*Result, error) {
	q, err := Parse(req.Query)
	if err != nil && !(errors.Is(err, ErrEmptyQuery) && len(req.Filters) > 0) {
		return nil, err
	}
	if q == nil {
		q = &Query{}
	}
	q.Filters = append(q.Filters, req.Filters...)
	if req.Size < 1 {
		req.Size = 10
	}
	req.Size = min(req.Size, MaxPageSize)
	// Pages exist only within the ranked window.
	req.Page = max(1, min(req.Page, maxCandidates/req.Size+1))
	if req.Snippets < 1 {
		req.Snippets = 3
	}
	plan := e.plan(q)
	bq, err := e.bleveQuery(ctx, q, plan)
	if err != nil {
		return nil, err
	}
	res, err := e.candidates(ctx, scoped(bq, req.scope), req)
	if err != nil {
		return nil, err
	}
	if res.Total == 0 && len(plan.terms) > 0 {
		// No paragraph has all the terms: rather than nothing, the
		// paragraphs that have any of their words, marked as partial.
		rq, err := e.relaxedQuery(ctx, q, plan)
		if err != nil {
			return nil, err
		}
		if rq != nil {
			if res, err = e.candidates(ctx, scoped(rq, req.scope), req); err != nil {
				return nil, err
			}
			plan.relaxed = true
		}
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		hit := e.hitFrom(h.ID, h.Score, h.Fields)
		plan.classify(&hit)
		hits = append(hits, hit)
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		if ta, tb := tierRank(a.Match), tierRank(b.Match); ta != tb {
			return ta - tb
		}
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		case a.order < b.order:
			return -1
		case a.order > b.order:
			return 1
		}
		return 0
	})
	out := &Result{Query: q.String(), Total: int(res.Total), Page: req.Page, Size: req.Size, Facets: map[string][]FacetValue{}, Hits: []Hit{}}
	from := (req.Page - 1) * req.Size
	for i := from; i < len(hits) && i < from+req.Size; i++ {
		h := hits[i]
		h.Snippets = snippets(h.Text, plan.needles(h), req.Snippets)
		h.Citation = e.citation(h.Report, h.Place, CiteText)
		out.Hits = append(out.Hits, h)
	}
	out.Facets = facetsOf(res)
	byReport := out.Facets["report"]
	if fr, ok := res.Facets[allReportsFacet]; ok {
		byReport = facetValues(fr)
	}
	out.Facets["region"] = e.regions.facet(byReport)
	out.Expanded = plan.expanded
	return out, nil
}

func tierRank(m string) int {
	switch m {
	case MatchLiteral:
		return 0
	case MatchWords:
		return 1
	case MatchSynonym:
		return 2
	}
	return 3
}

// candidates runs the bleve query for all candidates to rank. It asks for
// few first, since bleve sets aside room for as many as are asked for, and
// most queries match few. Facets come from the candidates' stored fields
// when the candidates are all the matches, and from bleve's facet builders
// only when there are more matches than candidates.
func (e *Engine) candidates(ctx context.Context, bq query.Query, req Request) (*bleve.SearchResult, error) {
	// The same window for every page, so that pages never overlap: the
	// first candidates, or all matches up to maxCandidates.
	size := firstCandidates
	for {
		sr := bleve.NewSearchRequestOptions(bq, size, 0, false)
		sr.Fields = storedFields
		if size >= maxCandidates {
			for name, field := range facetFields {
				sr.AddFacet(name, bleve.NewFacetRequest(field, maxFacetValues))
			}
			// Every report's count, for the region facet: the report
			// facet lists only the first maxFacetValues.
			sr.AddFacet(allReportsFacet, bleve.NewFacetRequest(indexer.FieldReport, max(1, len(e.reports))))
		}
		res, err := e.idx.SearchInContext(ctx, sr)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if int(res.Total) <= size || size >= maxCandidates {
			return res, nil
		}
		size = min(int(res.Total), maxCandidates)
	}
}

// maxFacetValues is how many values a facet lists.
const maxFacetValues = 50

// allReportsFacet counts matches by report without a limit, for the region
// facet; it is not returned.
const allReportsFacet = "report (all)"

// facetsOf counts facet values over documents' stored fields.
func facetsOf(res *bleve.SearchResult) map[string][]FacetValue {
	out := map[string][]FacetValue{}
	if len(res.Facets) > 0 {
		for name := range facetFields {
			out[name] = facetValues(res.Facets[name])
		}
		return out
	}
	counts := map[string]map[string]int{}
	for name := range facetFields {
		counts[name] = map[string]int{}
	}
	for _, h := range res.Hits {
		for name, field := range facetFields {
			for _, v := range strs(h.Fields[field]) {
				if v != "" {
					counts[name][v]++
				}
			}
		}
	}
	for name, c := range counts {
		vs := make([]FacetValue, 0, len(c))
		for v, n := range c {
			vs = append(vs, FacetValue{Value: v, Count: n})
		}
		sortFacet(vs)
		out[name] = vs[:min(len(vs), maxFacetValues)]
	}
	return out
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

// hitFrom builds a hit from a document's stored fields.
func (e *Engine) hitFrom(id string, score float64, f map[string]any) Hit {
	h := Hit{
		ID: id, Score: score,
		Text:    str(f[indexer.FieldText]),
		Heading: str(f[indexer.FieldHeading]),
		Report:  str(f[indexer.FieldReport]),
		Kind:    str(f[indexer.FieldKind]),
		Place:   str(f[indexer.FieldPlace]),
		Domains: strs(f[indexer.FieldDomains]),
		Link:    "/p/" + id,
	}
	if y, ok := f[indexer.FieldYear].(float64); ok {
		h.Year = int(y)
	}
	if o, ok := f[indexer.FieldOrder].(float64); ok {
		h.order = o
	}
	if sec := str(f[indexer.FieldSection]); sec != "" {
		h.Path = strings.TrimPrefix(sec, h.Report+"/")
	}
	return h
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// strs reads a stored list field: bleve returns a string for one value and
// a []any for several.
func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		out := make([]string, 0, len(x))
		for _, s := range x {
			if s, ok := s.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return []string{}
}

// literalQuery finds the paragraphs (or, on the indicator field, figures)
// whose text contains s: a phrase of character bigrams, or a prefix for a
// single character. It is exact: the character view holds every
// character's bigram with the next.
func literalQuery(field, s string) query.Query {
	if p := indexer.CharPrefix(s); p != "" {
		q := query.NewPrefixQuery(p)
		q.SetField(field + indexer.CharSuffix)
		return q
	}
	grams := indexer.CharBigrams(s)
	if len(grams) == 0 {
		return query.NewMatchNoneQuery()
	}
	q := query.NewPhraseQuery(grams, field+indexer.CharSuffix)
	return q
}

func termQuery(field, term string) *query.TermQuery {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}
