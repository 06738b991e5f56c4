package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/indexer"
)

// Ranking in tiers inside bleve. The tiers of docs/query.md (literal, then
// words, then synonyms) are each a bleve query: the query's matches that
// also match the tier's selector and not the better tier's. A page is the
// best of the first tier, then of the next while the page is not full, so
// bleve returns only the hits a page needs, ordered by its own score, and
// no stored field is read for a match that is not shown. Counting every
// match and its facets is one more pass with no hits at all.
//
// What bleve cannot see — a term written in the paragraph's own heading,
// how much the paragraph is about the query (about.go), diversity across
// reports — reorders the fetched hits block by block, in blocks of
// rankWindow, which is why a fetch is larger than the page. The hits bleve
// returns for a larger fetch begin with those of a smaller one (each tier's
// best come first, and the tiers in order), so every block is the same
// whatever page asked for it, and pages never overlap.

// rankWindow is the least a tiered fetch asks bleve for, the step it grows
// by for later pages, and the block that aboutness and diversity reorder.
const rankWindow = 100

// tierSelectors are the queries that select the matches of each tier and
// the tiers before it, best first: the literal selector (every term's text
// occurs), then the words selector (every term's text, words, heading
// words or place occurs). The synonym tier is what is left. A selector
// that would select what the one before it does (a quoted phrase has no
// words tier) is left out.
func (p *plan) tierSelectors() []bquery.Query {
	if p.relaxed || len(p.terms) == 0 {
		return nil // one tier: partial matches, or filters alone
	}
	var literal, words []bquery.Query
	hasWords := false
	for _, t := range p.terms {
		var lit, any []bquery.Query
		for _, a := range t.alts {
			l := literalQuery(indexer.FieldText, a.text.Value)
			lit = append(lit, l)
			any = append(any, l)
			if len(a.words) > 0 {
				hasWords = true
				var ws, hs []bquery.Query
				for _, w := range a.words {
					wq := bquery.Query(termQuery(indexer.FieldText, w))
					if isYearWord(w) {
						wq = bquery.NewDisjunctionQuery([]bquery.Query{wq, termQuery(indexer.FieldYearTerm, w)})
					}
					ws = append(ws, wq)
					hs = append(hs, termQuery(indexer.FieldHeading, w))
				}
				any = append(any, bquery.NewConjunctionQuery(ws), bquery.NewConjunctionQuery(hs))
			}
			if len(a.region) > 0 {
				hasWords = true
				any = append(any, scopeQuery(a.region))
			}
		}
		literal = append(literal, bquery.NewDisjunctionQuery(lit))
		words = append(words, bquery.NewDisjunctionQuery(any))
	}
	out := []bquery.Query{bquery.NewConjunctionQuery(literal)}
	if hasWords {
		out = append(out, bquery.NewConjunctionQuery(words))
	}
	return out
}

// windowSize is how many of the best hits to fetch for a page that ends at
// need: whole steps of rankWindow, at most maxCandidates.
func windowSize(need int) int {
	return min(maxCandidates, (need+rankWindow-1)/rankWindow*rankWindow)
}

// tieredCandidates fetches the best size matches of q, tier by tier:
// all of the first tier's best before any of the next. Each candidate is
// decoded from its stored fields; its score is bleve's score for q. all
// says whether they are all the matches there are.
func (e *Engine) tieredCandidates(ctx context.Context, q bquery.Query, selectors []bquery.Query, size int) (cands []candidate, all bool, err error) {
	var total uint64
	for i := 0; i <= len(selectors); i++ {
		if len(cands) >= size {
			return cands, false, nil // the tiers left may have matches
		}
		tq := bquery.NewBooleanQuery([]bquery.Query{q}, nil, nil)
		if i < len(selectors) {
			tq.AddFilter(selectors[i])
		}
		if i > 0 {
			tq.AddMustNot(selectors[i-1])
		}
		tier, n, err := e.fetch(ctx, tq, size-len(cands))
		if err != nil {
			return nil, false, err
		}
		cands, total = append(cands, tier...), total+n
	}
	return cands, total == uint64(len(cands)), nil
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
	res, err := e.idx.SearchInContext(ctx, facetsRequest(q))
	if err != nil {
		return counted{}, fmt.Errorf("search: %w", err)
	}
	return counted{int(res.Total), countsOf(res)}, nil
}
