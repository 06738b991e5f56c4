package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/indexer"
)

// Ranking in tiers inside bleve. The literal tier of docs/query.md is a
// bleve query — the query's matches that also match the literal selector —
// and the other tiers are the query's matches that do not. A page is the
// best of the literal tier, then of the rest while the page is not full,
// so bleve returns only the hits a page needs, ordered by its own score,
// and no stored field is read for a match that is not shown. Counting
// every match and its facets is one more pass with no hits at all.
//
// What bleve cannot see — a term written in the paragraph's own heading,
// which tier of the rest a hit is in (words or synonyms), how much the
// paragraph is about the query (about.go), diversity across reports —
// reorders the fetched hits block by block, in blocks of rankWindow,
// which is why a fetch is larger than the page. The hits bleve returns
// for a larger fetch begin with those of a smaller one (the literal tier's
// best come first), so every block is the same whatever page asked for
// it, and pages never overlap.

// rankWindow is the least a tiered fetch asks bleve for, the step it grows
// by for later pages, and the block that aboutness and diversity reorder.
const rankWindow = 100

// literalSelector selects the matches of the literal tier: every term's
// text occurs. What is left — the words tier, then synonyms — is fetched
// in one request by bleve's score and put in tier order block by block
// (classify tells the two apart): a request costs about a millisecond
// whatever it returns, and a query of a rare term would pay three for
// three tiers of a few hits. Nil when there is one tier only: partial
// matches, or filters alone.
func (p *plan) literalSelector() bquery.Query {
	if p.relaxed || len(p.terms) == 0 {
		return nil
	}
	var literal []bquery.Query
	for _, t := range p.terms {
		var lit []bquery.Query
		for _, a := range t.alts {
			for _, s := range a.literals() {
				lit = append(lit, literalQuery(indexer.FieldText, s))
			}
		}
		literal = append(literal, bquery.NewDisjunctionQuery(lit))
	}
	return bquery.NewConjunctionQuery(literal)
}

// windowSize is how many of the best hits to fetch for a page that ends at
// need: whole steps of rankWindow, at most maxCandidates.
func windowSize(need int) int {
	return min(maxCandidates, (need+rankWindow-1)/rankWindow*rankWindow)
}

// tieredCandidates fetches the best size matches of q: those literal
// selects first, then the rest (all of them at once when literal is nil).
// Each candidate is decoded from its stored fields; its score is bleve's
// score for q. all says whether they are all the matches there are.
func (e *Engine) tieredCandidates(ctx context.Context, q, literal bquery.Query, size int) (cands []candidate, all bool, err error) {
	rest := q
	if literal != nil {
		tier := bquery.NewBooleanQuery([]bquery.Query{q}, nil, nil)
		tier.AddFilter(literal)
		lit, _, err := e.fetch(ctx, tier, size)
		if err != nil || len(lit) >= size {
			return lit, false, err // the rest may have matches
		}
		cands = lit // every literal match, fewer than size
		notLiteral := bquery.NewBooleanQuery([]bquery.Query{q}, nil, nil)
		notLiteral.AddMustNot(literal)
		rest = notLiteral
	}
	more, n, err := e.fetch(ctx, rest, size-len(cands))
	if err != nil {
		return nil, false, err
	}
	return append(cands, more...), int(n) == len(more), nil
}

// fetch runs q for its best size hits, decoded, and its total.
func (e *Engine) fetch(ctx context.Context, q bquery.Query, size int) ([]candidate, uint64, error) {
	sr := bleve.NewSearchRequestOptions(q, size, 0, false)
	sr.Fields = indexer.HitFields()
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	cands := make([]candidate, 0, len(res.Hits))
	for _, h := range res.Hits {
		p, err := indexer.DecodeParagraph(h.ID, h.Fields)
		if err != nil {
			return nil, 0, err
		}
		cands = append(cands, candidate{p, h.Score})
	}
	return cands, res.Total, nil
}

// countMatches counts every match of q and its facets, without hits.
func (e *Engine) countMatches(ctx context.Context, q bquery.Query) (counted, error) {
	res, err := e.idx.SearchInContext(ctx, facetsRequest(q, indexer.FieldFacets, indexer.FieldDomains))
	if err != nil {
		return counted{}, fmt.Errorf("search: %w", err)
	}
	return counted{int(res.Total), countsOf(res)}, nil
}
