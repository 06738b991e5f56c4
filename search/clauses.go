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
