package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/indexer"
)

// Lists in document order, a page or a stream at a time. bleve sorts by
// the order keyword's doc values (indexer.OrderKey) and loads the stored
// fields of the hits it returns only, so a page of a list costs one pass
// over its matches and memory for the page; a whole list (a download) is
// read in chunks of orderChunk, so its memory is that of a chunk however
// long the list is.

// Page is a window of a list: Limit rows from Offset; Limit 0 is every row.
type Page struct{ Offset, Limit int }

// orderChunk is how many documents a stream reads a request. A request
// costs a pass over every match whatever it returns (SearchAfter does
// not seek), so a chunk is large; its stored fields are a few MB.
var orderChunk = 5000 // a variable: tests make it small to cross chunks

// inOrderSort sorts by document order, then by ID for a total order.
var inOrderSort = []string{indexer.FieldOrderKey, "_id"}

// inOrderRequest asks for size of q's matches from from on, in document
// order, with their fields and without scores.
func inOrderRequest(q bquery.Query, fields []string, size, from int) *bleve.SearchRequest {
	sr := bleve.NewSearchRequestOptions(q, size, from, false)
	sr.Fields = fields
	sr.SortBy(inOrderSort)
	sr.Score = bleve.ScoreNone
	return sr
}

// pageInOrder returns the page of q's matches in document order, with the
// number of matches.
func (e *Engine) pageInOrder(ctx context.Context, q bquery.Query, fields []string, page Page) ([]*bsearch.DocumentMatch, int, error) {
	res, err := e.idx.SearchInContext(ctx, inOrderRequest(q, fields, page.Limit, page.Offset))
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	return res.Hits, int(res.Total), nil
}

// inOrder calls visit with q's matches in document order, a chunk at a
// time, until they are all visited, visit fails or ctx ends.
func (e *Engine) inOrder(ctx context.Context, q bquery.Query, fields []string, visit func([]*bsearch.DocumentMatch) error) error {
	var after []string
	for {
		sr := inOrderRequest(q, fields, orderChunk, 0)
		sr.SearchAfter = after
		res, err := e.idx.SearchInContext(ctx, sr)
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		if len(res.Hits) > 0 {
			if err := visit(res.Hits); err != nil {
				return err
			}
		}
		if len(res.Hits) < orderChunk {
			return nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
}

// window keeps the rows of a page out of a stream of them, and counts the
// stream.
type window[T any] struct {
	page  Page
	total int
	rows  []T
}

func (w *window[T]) add(row T) {
	if w.total >= w.page.Offset && (w.page.Limit == 0 || len(w.rows) < w.page.Limit) {
		w.rows = append(w.rows, row)
	}
	w.total++
}
