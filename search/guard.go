package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"reportsearch/indexer"
)

// guardedIndex is the engine's boundary with bleve: a panic inside a
// search becomes an error. bleve trusts its files, and a damaged segment
// that passed the checks of indexer.Open (a file changed under a running
// server) makes zap index out of range; a server must answer that request
// with an error, and go on serving the others.
//
// A recover catches only the panics of its own goroutine: scorch reads some
// things on goroutines of its own (the document-ID and prefix searches
// behind a permalink, a lookup by IDs, a one-character query), and a panic
// there still ends the process. Damage to files that were checked on
// opening is the case this leaves; a restart finds it (indexer.Open).
type guardedIndex struct{ bleveIndex }

// bleveIndex names bleve.Index for embedding: a field named Index would
// hide its method Index.
type bleveIndex = bleve.Index

func (g guardedIndex) Search(req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return g.SearchInContext(context.Background(), req)
}

func (g guardedIndex) SearchInContext(ctx context.Context, req *bleve.SearchRequest) (res *bleve.SearchResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: bleve failed reading it: %v: rebuild it with `reportsearch index --force`", indexer.ErrDamaged, r)
		}
	}()
	return g.bleveIndex.SearchInContext(ctx, req)
}
