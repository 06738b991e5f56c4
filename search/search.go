package search

import (
	"cmp"
	"context"
	"slices"
	"strings"

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

// maxCandidates is how deep the ranking goes: the pages past it are not
// served. The total counts every match.
const maxCandidates = 1000

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
	// DidYouMean is the query with its mistyped words corrected, when no
	// paragraph has all of its words and a close word is in the index
	// (didyoumean.go).
	DidYouMean *Correction `json:"did_you_mean,omitempty"`
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
	// Quote is the sentences that matched, quoted with their source, as
	// 「复制引用」 copies them (corpus.Excerpt, Meta.Quote).
	Quote corpus.Quotation `json:"quote"`
	Link  string           `json:"permalink"`
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
	counts, cands, err := e.ranked(ctx, req, q, plan, bq)
	if err != nil {
		return nil, err
	}
	hits := make([]Hit, 0, len(cands))
	for _, c := range cands {
		hit := hitFrom(c.p, c.score)
		f := foldHit(hit)
		plan.classify(&hit, f)
		hit.Score *= 1 + plan.aboutness(hit, f)
		hits = append(hits, hit)
	}
	// Reordered block by block, in blocks of the fetch's steps: a larger
	// fetch for a later page adds blocks and changes none, so pages never
	// overlap (tiers.go).
	diverse := !slices.ContainsFunc(q.Filters, func(f query.Filter) bool { return f.Field == query.FieldReport }) && len(req.Scope) != 1
	for start := 0; start < len(hits); start += rankWindow {
		block := hits[start:min(len(hits), start+rankWindow)]
		slices.SortStableFunc(block, func(a, b Hit) int {
			return cmp.Or(tierRank(a.Match)-tierRank(b.Match), cmp.Compare(b.Score, a.Score), a.Order-b.Order)
		})
		if diverse {
			copy(block, diversify(block))
		}
	}
	out := &Result{Query: q.String(), Total: counts.total, Page: req.Page, Size: req.Size, Facets: map[string][]FacetValue{}, Hits: []Hit{}}
	from := (req.Page - 1) * req.Size
	finish := func(h Hit) Hit {
		needles := plan.needles(h)
		h.Snippets = snippets(h.Text, needles, req.Snippets)
		meta := e.catalog.Meta(h.Report)
		h.Citation = meta.Cite(h.Locator)
		h.Quote = meta.Quote(h.ID, h.Locator, corpus.Excerpt(h.Text, matchSpans(h.Text, needles)))
		h.ReportLabel = e.catalog.Label(h.Report)
		return h
	}
	for i := from; i < len(hits) && i < from+req.Size; i++ {
		out.Hits = append(out.Hits, finish(hits[i]))
	}
	out.Facets = counts.facets.listed()
	byReport := counts.facets.values("report", 0)
	out.Facets["region"] = e.regionFacet(byReport)
	if req.ByReport {
		out.Reports = e.groupByReport(byReport, hits, finish)
	}
	e.labelReportFacet(out.Facets["report"])
	out.Expanded = plan.expanded
	if (out.Total == 0 || plan.relaxed) && req.Window == 0 {
		if out.DidYouMean, err = e.didYouMean(ctx, req.Query); err != nil {
			return nil, err
		}
	}
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

// counted are a search's matches counted: how many, and by facet value.
type counted struct {
	total  int
	facets facetCounts
}

// ranked fetches the best matches of the request for its page, tier by
// tier (tiers.go), and counts them: when the fetch holds every match, it
// is the count, and the facets are counted from it; else one more pass
// counts every match and its facets. When no paragraph has all the terms,
// it does so for the paragraphs that have any of their words, marked as
// partial (plan.relaxed), rather than return nothing.
//
// A request with a Window fetches only that many of the best-scoring
// matches, without tiers, and counts its facets over them alone.
func (e *Engine) ranked(ctx context.Context, req Request, q *query.Query, plan *plan, bq bquery.Query) (counted, []candidate, error) {
	counts, cands, err := e.rankedBy(ctx, req, plan, scoped(bq, req.Scope))
	if err != nil || counts.total > 0 || len(plan.terms) == 0 {
		return counts, cands, err
	}
	rq, err := e.relaxedQuery(ctx, q, plan)
	if err != nil || rq == nil {
		return counts, cands, err
	}
	plan.relaxed = true
	return e.rankedBy(ctx, req, plan, scoped(rq, req.Scope))
}

func (e *Engine) rankedBy(ctx context.Context, req Request, plan *plan, bq bquery.Query) (counted, []candidate, error) {
	if req.Window > 0 {
		cands, total, err := e.fetch(ctx, bq, min(req.Window, maxCandidates))
		return counted{int(total), countsOfCandidates(cands)}, cands, err
	}
	size := windowSize(req.Page * req.Size)
	if req.ByReport {
		size = maxCandidates // a best hit for as many reports as can be ranked
	}
	cands, all, err := e.tieredCandidates(ctx, bq, plan.literalSelector(), size)
	if err != nil || all {
		return counted{len(cands), countsOfCandidates(cands)}, cands, err
	}
	counts, err := e.countMatches(ctx, bq)
	return counts, cands, err
}

// hitFrom makes a hit of a matching paragraph.
func hitFrom(p *indexer.Paragraph, score float64) Hit {
	return Hit{
		ID: p.ID, Score: score, Text: p.Text, Heading: p.Heading, Report: p.Report, Kind: p.Kind, Locator: p.Locator,
		Domains: p.Domains, Year: p.Year, Order: p.Order, Link: corpus.Permalink(p.ID),
		Path: strings.TrimPrefix(p.Section, p.Report+"/"),
	}
}
