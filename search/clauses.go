package search

import (
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/indexer"
)

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
	switch len(grams) {
	case 0:
		return bquery.NewMatchNoneQuery()
	case 1:
		// A phrase of one term is the term, and bleve's phrase searcher
		// reads every location of it: on a common word (发展) the term
		// is fifteen times faster.
		return termQuery(field+indexer.CharSuffix, grams[0])
	}
	return bquery.NewPhraseQuery(coveringGrams(grams), field+indexer.CharSuffix)
}

// coveringGrams keeps, of a text's consecutive character bigrams, every
// other one and the last, with "" (a gap bleve's phrase searcher skips)
// for the others: together they still hold every character at its place,
// so the phrase is as exact with half the terms to walk.
func coveringGrams(grams []string) []string {
	out := make([]string, len(grams))
	for i, g := range grams {
		if i%2 == 0 || i == len(grams)-1 {
			out[i] = g
		}
	}
	return out
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
