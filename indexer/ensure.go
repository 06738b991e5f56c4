package indexer

import (
	"context"
	"errors"
	"fmt"

	"reportsearch/corpus"
)

// ErrUnlisted means an index does not record the reports it was built from,
// so it cannot be rebuilt from them.
var ErrUnlisted = errors.New("the index does not list its reports")

// ErrSourcesGone means the files an index was built from cannot be read
// again.
var ErrSourcesGone = errors.New("the reports of the index cannot be read again")

// EnsureOptions say what Ensure may build and how.
type EnsureOptions struct {
	Options
	// Force builds even when the index is current.
	Force bool
	// IfEmpty is what a root without an index is built from; nil makes an
	// empty root an error.
	IfEmpty []corpus.Source
	// IfUnlisted is what an index that does not list its reports held
	// (built before manifests listed them: the embedded report, for the
	// default index); nil makes such an index an error rather than have it
	// replaced by something else.
	IfUnlisted []corpus.Source
	// Building, if set, is told how many reports an index is about to be
	// built of, and why.
	Building func(reports int, reason string)
}

// Ensure makes the index under root current and returns its manifest, and
// whether it built it. With sources, the index is current when it holds
// exactly them, built by this program with the options' taxonomy; with
// sources nil, it keeps the reports it holds and is rebuilt from their files
// when a file changed or the program did. An index is built beside the
// current one and swapped in (see Build), so a failure leaves it as it was.
func Ensure(ctx context.Context, root string, sources []corpus.Source, opts EnsureOptions) (*Manifest, bool, error) {
	m, want, err := plan(root, sources, opts)
	if err != nil || want == nil {
		return m, false, err
	}
	// Decided again under the build lock: a second process that found the
	// index stale while a first rebuilt it waits, then finds it current.
	unlock, err := lockRoot(root)
	if err != nil {
		return nil, false, err
	}
	defer unlock()
	if m, want, err = plan(root, sources, opts); err != nil || want == nil {
		return m, false, err
	}
	if opts.Building != nil {
		reason := "no index yet"
		switch {
		case m != nil && opts.Force && m.CurrentFor(want, taxonomyOf(opts.Options)):
			reason = "asked to rebuild"
		case m != nil:
			reason = m.Staleness(want, taxonomyOf(opts.Options))
		}
		opts.Building(len(want), reason)
	}
	if m, err = buildLocked(ctx, root, want, opts.Options); err != nil {
		return nil, false, err
	}
	return m, true, nil
}

// plan returns the current index's manifest and, when it must be built, the
// sources to build it of (nil when it is current).
func plan(root string, sources []corpus.Source, opts EnsureOptions) (*Manifest, []corpus.Source, error) {
	m, _, err := Current(root)
	switch {
	case errors.Is(err, ErrNoIndex) && sources == nil && opts.IfEmpty == nil:
		return nil, nil, err
	case errors.Is(err, ErrNoIndex):
		m = nil
		if sources == nil {
			sources = opts.IfEmpty
		}
	case err != nil:
		return nil, nil, err
	case sources == nil:
		recorded := m.Sources
		if len(recorded) == 0 {
			if opts.IfUnlisted == nil {
				return nil, nil, fmt.Errorf("indexer: %s: %w", root, ErrUnlisted)
			}
			recorded = opts.IfUnlisted
		}
		if sources, err = corpus.Rehash(recorded); err != nil {
			return nil, nil, fmt.Errorf("indexer: %s: %w: %w", root, ErrSourcesGone, err)
		}
	}
	if m != nil && m.CurrentFor(sources, taxonomyOf(opts.Options)) && !opts.Force {
		return m, nil, nil
	}
	return m, sources, nil
}
