package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/query"
)

// Engine answers queries over one open index. It is safe for concurrent use.
type Engine struct {
	idx      bleve.Index
	manifest *indexer.Manifest
	catalog  *catalog.Catalog
	tax      *corpus.Taxonomy // the taxonomy the index was tagged with
	seg      *indexer.Segmenter
	syn      *Synonyms

	comparisons comparisons // paired on first use
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
	tax, err := m.Taxonomy()
	if err != nil {
		return nil, err
	}
	e := &Engine{idx: idx, manifest: m, tax: tax, seg: seg, syn: DefaultSynonyms()}
	if e.catalog, err = catalog.New(m.Reports, e.paragraphsNaming); err != nil {
		return nil, err
	}
	return e, nil
}

// paragraphsNaming counts, for each of the reports, the paragraphs that
// have one of the names.
func (e *Engine) paragraphsNaming(names, reports []string) (map[string]int, error) {
	var any []bquery.Query
	for _, n := range names {
		any = append(any, literalQuery(indexer.FieldText, n))
	}
	q := bquery.NewBooleanQuery([]bquery.Query{bquery.NewDisjunctionQuery(any), termQuery(indexer.FieldDocType, indexer.TypeParagraph)}, nil, nil)
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

// Catalog is the reports of the index and the places they speak for.
func (e *Engine) Catalog() *catalog.Catalog { return e.catalog }

// Taxonomy is the policy-domain taxonomy the index's reports were tagged with.
func (e *Engine) Taxonomy() *corpus.Taxonomy { return e.tax }

// Synonyms is the synonym table searches are widened with.
func (e *Engine) Synonyms() *Synonyms { return e.syn }

// Request is a search.
type Request struct {
	Query    *query.Query   // what to find; may be empty when Filters are given
	Filters  []query.Filter // added to the query's own, e.g. from facet clicks
	Page     int            // 1-based; default 1
	Size     int            // hits per page; default 10, at most MaxPageSize
	Snippets int            // snippets per hit; default 3
	// Scope keeps the search to these reports, without scoring by it; nil
	// for all. Ask sets it to the reports of the place a question names.
	Scope []string
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
	Locator  string    `json:"locator"` // where it stands in its report: 第二部分（三）1.
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

	order int
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

// ErrNotFound is returned for an unknown paragraph ID.
var ErrNotFound = errors.New("not found")

// candidate is a matching paragraph, decoded, with its bleve score.
type candidate struct {
	p     *indexer.Paragraph
	score float64
}

// Search runs a request.
func (e *Engine) Search(ctx context.Context, req Request) (*Result, error) {
	q := req.Query.With(req.Filters...)
	if q.IsEmpty() {
		return nil, query.ErrEmptyQuery
	}
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
	res, cands, err := e.candidates(ctx, scoped(bq, req.Scope))
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
			if res, cands, err = e.candidates(ctx, scoped(rq, req.Scope)); err != nil {
				return nil, err
			}
			plan.relaxed = true
		}
	}
	hits := make([]Hit, 0, len(cands))
	for _, c := range cands {
		hit := hitFrom(c.p, c.score)
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
		}
		return a.order - b.order
	})
	out := &Result{Query: q.String(), Total: int(res.Total), Page: req.Page, Size: req.Size, Facets: map[string][]FacetValue{}, Hits: []Hit{}}
	from := (req.Page - 1) * req.Size
	for i := from; i < len(hits) && i < from+req.Size; i++ {
		h := hits[i]
		h.Snippets = snippets(h.Text, plan.needles(h), req.Snippets)
		h.Citation = e.catalog.Meta(h.Report).Cite(h.Locator)
		out.Hits = append(out.Hits, h)
	}
	out.Facets = facetsOf(res, cands)
	byReport := out.Facets["report"]
	if fr, ok := res.Facets[allReportsFacet]; ok {
		byReport = facetValues(fr)
	}
	out.Facets["region"] = e.regionFacet(byReport)
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
func (e *Engine) candidates(ctx context.Context, bq bquery.Query) (*bleve.SearchResult, []candidate, error) {
	// The same window for every page, so that pages never overlap: the
	// first candidates, or all matches up to maxCandidates.
	size := firstCandidates
	for {
		sr := bleve.NewSearchRequestOptions(bq, size, 0, false)
		sr.Fields = indexer.HitFields()
		if size >= maxCandidates {
			for name, f := range facets {
				sr.AddFacet(name, bleve.NewFacetRequest(f.field, maxFacetValues))
			}
			// Every report's count, for the region facet: the report
			// facet lists only the first maxFacetValues.
			sr.AddFacet(allReportsFacet, bleve.NewFacetRequest(indexer.FieldReport, max(1, len(e.manifest.Reports))))
		}
		res, err := e.idx.SearchInContext(ctx, sr)
		if err != nil {
			return nil, nil, fmt.Errorf("search: %w", err)
		}
		if int(res.Total) <= size || size >= maxCandidates {
			cands := make([]candidate, 0, len(res.Hits))
			for _, h := range res.Hits {
				p, err := indexer.DecodeParagraph(h.ID, h.Fields)
				if err != nil {
					return nil, nil, err
				}
				cands = append(cands, candidate{p, h.Score})
			}
			return res, cands, nil
		}
		size = min(int(res.Total), maxCandidates)
	}
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
		counts := map[string]int{}
		for _, c := range cands {
			for _, v := range f.values(c.p) {
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
		out[name] = vs[:min(len(vs), maxFacetValues)]
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

// hitFrom makes a hit of a matching paragraph.
func hitFrom(p *indexer.Paragraph, score float64) Hit {
	return Hit{
		ID: p.ID, Score: score, Text: p.Text, Heading: p.Heading, Report: p.Report, Kind: p.Kind, Locator: p.Locator,
		Domains: p.Domains, Year: p.Year, order: p.Order, Link: corpus.Permalink(p.ID),
		Path: strings.TrimPrefix(p.Section, p.Report+"/"),
	}
}

// literalQuery finds the paragraphs (or, on the indicator field, figures)
// whose text contains s: a phrase of character bigrams, or a prefix for a
// single character. It is exact: the character view holds every
// character's bigram with the next.
func literalQuery(field, s string) bquery.Query {
	if p := indexer.CharPrefix(s); p != "" {
		q := bquery.NewPrefixQuery(p)
		q.SetField(field + indexer.CharSuffix)
		return q
	}
	grams := indexer.CharBigrams(s)
	if len(grams) == 0 {
		return bquery.NewMatchNoneQuery()
	}
	return bquery.NewPhraseQuery(grams, field+indexer.CharSuffix)
}

func termQuery(field, term string) *bquery.TermQuery {
	q := bquery.NewTermQuery(term)
	q.SetField(field)
	return q
}

// scoped keeps a query to the documents of the given reports (all when
// reports is nil) without changing their scores.
func scoped(q bquery.Query, reports []string) bquery.Query {
	if reports == nil {
		return q
	}
	bq := bquery.NewBooleanQuery([]bquery.Query{q}, nil, nil)
	bq.AddFilter(scopeQuery(reports))
	return bq
}

// scopeQuery selects the documents of the given reports.
func scopeQuery(reports []string) bquery.Query {
	if len(reports) == 0 {
		return bquery.NewMatchNoneQuery()
	}
	var any []bquery.Query
	for _, id := range reports {
		any = append(any, termQuery(indexer.FieldReport, id))
	}
	return bquery.NewDisjunctionQuery(any)
}
