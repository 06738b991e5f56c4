package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/internal/messages"
	"reportsearch/search"
)

// openEngine opens the index the search commands use: --index DIR, or the
// default index in the user's cache directory. The default index, when
// there is none, is built from the embedded report. An index a new program
// cannot use is rebuilt from the reports it was built from, so that a
// user's own index is never replaced by the embedded report; otherwise the
// index is used as it is, without reading its files. The read commands do
// not retag an index: --domains only warns when the index's differ.
func (a *app) openEngine(ctx context.Context, log io.Writer) (*search.Engine, error) {
	root, err := a.indexRoot()
	if err != nil {
		return nil, err
	}
	opts, err := a.ensureOptions(root, log)
	if err != nil {
		return nil, err
	}
	wanted := opts.Taxonomy
	opts.Taxonomy = nil
	if a.indexDir == "" {
		opts.IfEmpty = []corpus.Source{corpus.DefaultSource()}
		opts.IfUnlisted = opts.IfEmpty
		opts.Disposable = true
	}
	m, _, err := indexer.Ensure(ctx, root, nil, opts)
	if err != nil {
		return nil, indexHint(err, root)
	}
	if wanted != nil && m.TaxonomyText != wanted.String() {
		fmt.Fprintf(log, "warning: the index %s is tagged with other policy domains than --domains %s; a read command does not retag it: run `reportsearch index --domains %s FILE|DIR ...` or `serve --domains …` to do so\n",
			root, a.domainsFile, a.domainsFile)
	}
	return search.Open(root)
}

// openAsker opens the engine and an answerer over it.
func (a *app) openAsker(ctx context.Context, log io.Writer) (*search.Engine, *ask.Asker, error) {
	e, err := a.openEngine(ctx, log)
	if err != nil {
		return nil, nil, err
	}
	asker, err := ask.New(e, ask.DefaultWeights)
	if err != nil {
		e.Close()
		return nil, nil, err
	}
	return e, asker, nil
}

// ensureOptions are how the commands build an index: tagged with the
// --domains taxonomy when one is given (else as the index was, or with the
// embedded one), saying on log why it builds.
func (a *app) ensureOptions(root string, log io.Writer) (indexer.EnsureOptions, error) {
	opts := indexer.EnsureOptions{
		Building: func(n int, reason string) {
			fmt.Fprintln(log, messages.Say("cli.index-building", "n", n, "root", root, "reason", reason))
		},
		Warn: func(message string) { fmt.Fprintln(log, messages.Say("cli.warning", "message", message)) },
	}
	if a.domainsFile != "" {
		tax, err := a.taxonomy()
		if err != nil {
			return opts, err
		}
		opts.Taxonomy = tax
	}
	return opts, nil
}

// indexHint adds to an error about an index what the user can do about it.
func indexHint(err error, root string) error {
	switch {
	case errors.Is(err, indexer.ErrNoIndex):
		return sayCause(err, "cli.no-index", "dir", root)
	case errors.Is(err, indexer.ErrUnlisted), errors.Is(err, indexer.ErrSourcesGone):
		return sayCause(err, "cli.rebuild-index", "dir", root)
	}
	return err
}

// indexRoot is the index directory the search commands and serve use:
// --index, or the default one in the user cache directory.
func (a *app) indexRoot() (string, error) {
	if a.indexDir != "" {
		return a.indexDir, nil
	}
	return indexer.DefaultRoot()
}
