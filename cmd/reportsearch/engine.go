package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/search"
)

// openEngine opens the index the search commands use. With --index, that
// index as it is; without, the embedded report's index in the user's cache
// directory, built first if it is missing or stale.
func (a *app) openEngine(ctx context.Context, log io.Writer) (*search.Engine, error) {
	if a.indexDir != "" {
		e, err := search.Open(a.indexDir)
		if errors.Is(err, indexer.ErrNoIndex) {
			return nil, fmt.Errorf("%w: build one with `reportsearch index --out %s FILE|DIR ...`", err, a.indexDir)
		}
		return e, err
	}
	root, err := indexer.DefaultRoot()
	if err != nil {
		return nil, err
	}
	sources := []corpus.Source{corpus.DefaultSource()}
	m, _, err := indexer.Current(root)
	if err != nil && !errors.Is(err, indexer.ErrNoIndex) {
		return nil, err
	}
	if !m.CurrentFor(sources) {
		fmt.Fprintf(log, "indexing the embedded report into %s (%s)\n", root, m.Staleness(sources))
		if _, err := indexer.Build(ctx, root, sources, indexer.Options{}); err != nil {
			return nil, err
		}
	}
	return search.Open(root)
}
