package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// Paragraph is a stored paragraph with its figures: what the paragraph page
// shows.
type Paragraph struct {
	*indexer.Paragraph
	Figures []*corpus.Figure // in document order
}

// Paragraph returns the paragraph with this ID, or ErrNotFound.
func (e *Engine) Paragraph(ctx context.Context, id string) (*Paragraph, error) {
	q := bquery.NewBooleanQuery([]bquery.Query{bquery.NewDocIDQuery([]string{id}), termQuery(indexer.FieldDocType, indexer.TypeParagraph)}, nil, nil)
	sr := bleve.NewSearchRequestOptions(q, 1, 0, false)
	sr.Fields = indexer.ParagraphFields()
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
	out := &Paragraph{Paragraph: p, Figures: []*corpus.Figure{}}
	figures := bquery.NewConjunctionQuery([]bquery.Query{termQuery(indexer.FieldDocType, indexer.TypeFigure), termQuery(indexer.FieldParagraph, id)})
	err = e.eachFigureOf(ctx, figures, func(f *corpus.Figure) error {
		out.Figures = append(out.Figures, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, c := range p.Commitments {
		c.ReportLabel = e.catalog.Label(p.Report)
	}
	return out, nil
}

// Lookup returns the stored paragraphs of the IDs that name one, by ID,
// without their figures: what a citation or a neighbour's link needs. An
// ID that names no paragraph is left out.
func (e *Engine) Lookup(ctx context.Context, ids ...string) (map[string]*indexer.Paragraph, error) {
	out := map[string]*indexer.Paragraph{}
	if len(ids) == 0 {
		return out, nil
	}
	hits, err := e.storedByID(ctx, ids, indexer.TypeParagraph, indexer.HitFields())
	if err != nil {
		return nil, err
	}
	for _, h := range hits {
		p, err := indexer.DecodeParagraph(h.ID, h.Fields)
		if err != nil {
			return nil, err
		}
		out[p.ID] = p
	}
	return out, nil
}

// storedByID loads the stored fields of the documents of one type with the
// given IDs; IDs of no such document are left out.
func (e *Engine) storedByID(ctx context.Context, ids []string, docType string, fields []string) (bsearch.DocumentMatchCollection, error) {
	q := bquery.NewBooleanQuery([]bquery.Query{bquery.NewDocIDQuery(ids), termQuery(indexer.FieldDocType, docType)}, nil, nil)
	sr := bleve.NewSearchRequestOptions(q, len(ids), 0, false)
	sr.Fields = fields
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return res.Hits, nil
}
