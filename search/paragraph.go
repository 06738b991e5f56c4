package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// Paragraph is a stored paragraph with its figures: what the paragraph page
// and a citation show.
type Paragraph struct {
	*indexer.Paragraph
	Figures []*corpus.Figure // in document order
}

// Paragraph returns the paragraph with this ID, or ErrNotFound.
func (e *Engine) Paragraph(ctx context.Context, id string) (*Paragraph, error) {
	q := bquery.NewBooleanQuery([]bquery.Query{bquery.NewDocIDQuery([]string{id}), termQuery(indexer.FieldDocType, indexer.TypeParagraph)}, nil, nil)
	sr := bleve.NewSearchRequestOptions(q, 1, 0, false)
	sr.Fields = indexer.ParagraphFields
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("search: paragraph %q: %w", id, ErrNotFound)
	}
	p, err := indexer.DecodeParagraph(res.Hits[0].ID, res.Hits[0].Fields)
	if err != nil {
		return nil, err
	}
	figs, err := e.figureDocs(ctx, termQuery(indexer.FieldParagraph, id))
	if err != nil {
		return nil, err
	}
	out := &Paragraph{Paragraph: p, Figures: []*corpus.Figure{}}
	for _, f := range figs {
		out.Figures = append(out.Figures, f.Figure)
	}
	return out, nil
}

// figureDocs returns every figure that q selects, in document order.
func (e *Engine) figureDocs(ctx context.Context, qs ...bquery.Query) ([]*indexer.Figure, error) {
	qs = append(qs, termQuery(indexer.FieldDocType, indexer.TypeFigure))
	var out []*indexer.Figure
	err := e.each(ctx, bquery.NewConjunctionQuery(qs), indexer.FigureFields, func(id string, fields map[string]any) error {
		f, err := indexer.DecodeFigure(id, fields)
		if err == nil {
			out = append(out, f)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b *indexer.Figure) int { return cmp.Compare(a.Order, b.Order) })
	return out, nil
}

// each calls visit with the stored fields of every document q matches, a
// page at a time.
func (e *Engine) each(ctx context.Context, q bquery.Query, fields []string, visit func(id string, fields map[string]any) error) error {
	const page = 10000
	for from := 0; ; from += page {
		sr := bleve.NewSearchRequestOptions(q, page, from, false)
		sr.Fields = fields
		sr.SortBy([]string{"_id"}) // a stable order, for paging
		res, err := e.idx.SearchInContext(ctx, sr)
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		for _, h := range res.Hits {
			if err := visit(h.ID, h.Fields); err != nil {
				return err
			}
		}
		if len(res.Hits) < page {
			return nil
		}
	}
}
