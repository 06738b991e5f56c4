package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/indexer"
)

// CountLiteral counts the paragraphs whose text contains s as it is written.
func (e *Engine) CountLiteral(ctx context.Context, s string) (int, error) {
	sr := bleve.NewSearchRequestOptions(literalQuery(indexer.FieldText, s), 0, 0, false)
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		return 0, fmt.Errorf("search: %s: %w", s, err)
	}
	return int(res.Total), nil
}

// LiteralMatches returns the IDs of every paragraph whose text contains s,
// however many: what a plain scan of the reports would find.
func (e *Engine) LiteralMatches(ctx context.Context, s string) ([]string, error) {
	q := bquery.NewConjunctionQuery([]bquery.Query{literalQuery(indexer.FieldText, s), termQuery(indexer.FieldDocType, indexer.TypeParagraph)})
	var ids []string
	err := e.each(ctx, q, nil, func(id string, _ map[string]any) error {
		ids = append(ids, id)
		return nil
	})
	return ids, err
}
