package search

import (
	"cmp"
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/indexer"
)

// Reading every document a query matches, a page at a time, in the order
// of their IDs: for the figure filters and the literal scans of eval. The
// lists, in document order, are order.go's.

// eachFirstPage is how many matches each reads before it knows how many
// there are.
const eachFirstPage = 10000

// each calls visit with the stored fields of every document q matches, in
// the order of their IDs. It asks for a first page and, when the query
// matches more, for all the rest in a second request that starts after the
// first page's last ID. A request costs bleve a pass over every match
// whatever page it returns (SearchAfter does not seek), so two requests
// cost two passes where pages of a fixed size would cost one each; the
// hits are wanted in memory anyway.
func (e *Engine) each(ctx context.Context, q bquery.Query, fields []string, visit func(id string, fields map[string]any) error) error {
	size := cmp.Or(e.eachPage, eachFirstPage)
	var after []string
	for read := uint64(0); ; {
		sr := bleve.NewSearchRequestOptions(q, size, 0, false)
		sr.Fields = fields
		sr.SortBy([]string{"_id"})
		sr.SearchAfter = after
		res, err := e.idx.SearchInContext(ctx, sr)
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		for _, h := range res.Hits {
			if err := visit(h.ID, h.Fields); err != nil {
				return err
			}
		}
		read += uint64(len(res.Hits))
		// res.Total counts every match, those before the page too.
		if len(res.Hits) == 0 || read >= res.Total {
			return nil
		}
		left := res.Total - read
		after = []string{res.Hits[len(res.Hits)-1].ID}
		size = int(left)
	}
}

// ParagraphTexts returns the text of every paragraph, by ID.
func (e *Engine) ParagraphTexts(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := e.each(ctx, termQuery(indexer.FieldDocType, indexer.TypeParagraph), []string{indexer.FieldText}, func(id string, fields map[string]any) error {
		p, err := indexer.DecodeParagraph(id, fields)
		if err == nil {
			out[id] = p.Text
		}
		return err
	})
	return out, err
}
