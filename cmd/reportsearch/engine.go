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

// openEngine opens the index the search commands use: --index DIR, or the
// default index in the user's cache directory. A missing default index is
// built from the embedded report; an index built by another version of the
// program is rebuilt from the reports it was built from, so a user's own
// index is never replaced by the embedded report.
func (a *app) openEngine(ctx context.Context, log io.Writer) (*search.Engine, error) {
	root, err := a.indexRoot()
	if err != nil {
		return nil, err
	}
	explicit := a.indexDir != ""
	m, _, err := indexer.Current(root)
	switch {
	case errors.Is(err, indexer.ErrNoIndex) && explicit:
		return nil, fmt.Errorf("%w: build one with `reportsearch index --out %s FILE|DIR ...`", err, root)
	case errors.Is(err, indexer.ErrNoIndex):
		fmt.Fprintf(log, "indexing the embedded report into %s\n", root)
		if _, err := indexer.Build(ctx, root, []corpus.Source{corpus.DefaultSource()}, indexer.Options{}); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, err
	case !m.Compatible():
		recorded := m.Sources
		if len(recorded) == 0 && !explicit {
			// Built before manifests listed their sources: the default
			// index held the embedded report.
			recorded = []corpus.Source{corpus.DefaultSource()}
		}
		if len(recorded) == 0 {
			return nil, fmt.Errorf("index %s was built by another version of reportsearch (%s) and does not list its reports: rebuild it with `reportsearch index --out %s FILE|DIR ...`",
				root, m.Staleness(nil), root)
		}
		sources, err := corpus.Rehash(recorded)
		if err != nil {
			return nil, fmt.Errorf("index %s was built by another version of reportsearch (%s) and its reports cannot be read again (%w): rebuild it with `reportsearch index --out %s FILE|DIR ...`",
				root, m.Staleness(nil), err, root)
		}
		fmt.Fprintf(log, "rebuilding %s: %s\n", root, m.Staleness(nil))
		if _, err := indexer.Build(ctx, root, sources, indexer.Options{}); err != nil {
			return nil, err
		}
	}
	return search.Open(root)
}

// indexRoot is the index directory the search commands and serve use:
// --index, or the default one in the user cache directory.
func (a *app) indexRoot() (string, error) {
	if a.indexDir != "" {
		return a.indexDir, nil
	}
	return indexer.DefaultRoot()
}
