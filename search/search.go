package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/query"
)

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
	// Window, when set, ranks in tiers only this many of the best-scoring
	// matches, and the facets count only those: for a few paragraphs shown
	// beside something else (an answer's), where the cost of ranking up to
	// maxCandidates matches of a common word is not worth paying.
	Window int
	// ByReport asks for Result.Reports: the matches grouped by report.
	ByReport bool
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
	// Reports are the matching reports with their counts and best hits,
	// when the request asked for them (ByReport).
	Reports []ReportGroup `json:"reports,omitempty"`
}

// Hit is a matching paragraph.
type Hit struct {
	ID     string `json:"id"`
	Report string `json:"report"`
	// ReportLabel says which report it is: place, year and kind (上城区 ·
	// 2022年计划执行与2023年计划草案), unique among the indexed reports.
	ReportLabel string    `json:"report_label"`
	Path        string    `json:"path"` // the section path, e.g. 2.3.1
	Heading     string    `json:"heading"`
	Locator     string    `json:"locator"` // where it stands in its report: 第二部分（三）1.
	Year        int       `json:"year,omitempty"`
	Kind        string    `json:"kind,omitempty"`
	Domains     []string  `json:"domains"`
	Score       float64   `json:"score"`
	Match       string    `json:"match"`              // literal, words or synonym
	Synonyms    []string  `json:"synonyms,omitempty"` // the synonyms that matched, for a synonym hit
	Text        string    `json:"text"`
	Snippets    []Snippet `json:"snippets"`
	Citation    string    `json:"citation"`
	Link        string    `json:"permalink"`
	// Order is the paragraph's place in its report's reading order.
	Order int `json:"-"`
}

// OwnHeading is the heading of the hit's own section, the last of its
// heading path ("" for a paragraph before the first heading).
func (h Hit) OwnHeading() string {
	heads := strings.Split(h.Heading, indexer.HeadingSep)
	return heads[len(heads)-1]
}

// Snippet is a sentence (or a few, when a match spans them) of a hit with the
// byte spans of its matches.
type Snippet struct {
	Text    string   `json:"text"`
	Matches [][2]int `json:"matches"`
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
	res, cands, err := e.candidates(ctx, scoped(bq, req.Scope), req.Window)
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
			if res, cands, err = e.candidates(ctx, scoped(rq, req.Scope), req.Window); err != nil {
				return nil, err
			}
			plan.relaxed = true
		}
	}
	hits := make([]Hit, 0, len(cands))
	for _, c := range cands {
		hit := hitFrom(c.p, c.score)
		f := foldHit(hit)
		plan.classify(&hit, f)
		hit.Score *= 1 + plan.aboutness(hit, f)
		hits = append(hits, hit)
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		return cmp.Or(tierRank(a.Match)-tierRank(b.Match), cmp.Compare(b.Score, a.Score), a.Order-b.Order)
	})
	if !slices.ContainsFunc(q.Filters, func(f query.Filter) bool { return f.Field == query.FieldReport }) && len(req.Scope) != 1 {
		hits = diversify(hits)
	}
	out := &Result{Query: q.String(), Total: int(res.Total), Page: req.Page, Size: req.Size, Facets: map[string][]FacetValue{}, Hits: []Hit{}}
	from := (req.Page - 1) * req.Size
	finish := func(h Hit) Hit {
		h.Snippets = snippets(h.Text, plan.needles(h), req.Snippets)
		h.Citation = e.catalog.Meta(h.Report).Cite(h.Locator)
		h.ReportLabel = e.catalog.Label(h.Report)
		return h
	}
	for i := from; i < len(hits) && i < from+req.Size; i++ {
		out.Hits = append(out.Hits, finish(hits[i]))
	}
	out.Facets = facetsOf(res, cands)
	byReport := reportCounts(res, cands)
	out.Facets["region"] = e.regionFacet(byReport)
	if req.ByReport {
		out.Reports = e.groupByReport(byReport, hits, finish)
	}
	e.labelReportFacet(out.Facets["report"])
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
//
// window, when not 0, is the only window asked for (Request.Window).
func (e *Engine) candidates(ctx context.Context, bq bquery.Query, window int) (*bleve.SearchResult, []candidate, error) {
	// The same window for every page, so that pages never overlap: the
	// first candidates, or all matches up to maxCandidates.
	size := firstCandidates
	if window > 0 {
		size = min(window, maxCandidates)
	}
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
		if int(res.Total) <= size || size >= maxCandidates || window > 0 {
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

// hitFrom makes a hit of a matching paragraph.
func hitFrom(p *indexer.Paragraph, score float64) Hit {
	return Hit{
		ID: p.ID, Score: score, Text: p.Text, Heading: p.Heading, Report: p.Report, Kind: p.Kind, Locator: p.Locator,
		Domains: p.Domains, Year: p.Year, Order: p.Order, Link: corpus.Permalink(p.ID),
		Path: strings.TrimPrefix(p.Section, p.Report+"/"),
	}
}
