package indexer

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"reportsearch/corpus"
)

// ErrUnlisted means an index does not record the reports it was built from,
// so it cannot be rebuilt from them.
var ErrUnlisted = errors.New("the index does not list its reports")

// ErrSourcesGone means the files an index was built from cannot be read
// again.
var ErrSourcesGone = errors.New("the reports of the index cannot be read again")

// EnsureOptions say what Ensure may build and how. Options.Taxonomy, when
// set, is the taxonomy the index must be tagged with; nil keeps the one the
// index was tagged with (the embedded one for a new index).
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
	// Disposable says the root is the program's own (the default index in
	// the cache directory), not a user's: a build of it that went missing
	// is replaced by IfEmpty. A user's index in that state is an error.
	Disposable bool
	// Verify, for an index kept with the reports it holds, looks at their
	// files again and rebuilds it when one was edited since it was built
	// (a file whose size and time are unchanged is not read). When the
	// files cannot be read any more, a usable index is kept as it is, with
	// a warning: it holds all it shows. Without Verify such an index is
	// used as long as this program can, and its files are read only to
	// rebuild it for a new program — they may have moved since.
	Verify bool
	// Warn, if set, is told what Ensure let pass: files gone that a usable
	// index no longer needs.
	Warn func(message string)
	// Building, if set, is told how many reports an index is about to be
	// built of, and why.
	Building func(reports int, reason string)
}

// Ensure makes the index under root current and returns its manifest, and
// whether it built it. With sources, the index is current when it holds
// exactly them, built by this program (and with the options' taxonomy,
// when one is given); it is rebuilt otherwise, also when its manifest
// cannot be read. With sources nil, it keeps the reports it holds: it is
// rebuilt from their files when this program cannot use it, or, with
// Verify, when a file changed. An index is built beside the current one
// and swapped in (see Build), so a failure leaves it as it was.
func Ensure(ctx context.Context, root string, sources []corpus.Source, opts EnsureOptions) (*Manifest, bool, error) {
	d, err := decide(root, sources, opts)
	if err != nil || d.build == nil {
		return d.current, false, err
	}
	// Decided again under the build lock: a second process that found the
	// index stale while a first rebuilt it waits, then finds it current.
	unlock, err := lockRoot(ctx, root)
	if err != nil {
		return nil, false, err
	}
	defer unlock()
	if d, err = decide(root, sources, opts); err != nil || d.build == nil {
		return d.current, false, err
	}
	if opts.Building != nil {
		opts.Building(len(d.build), d.reason)
	}
	build := opts.Options
	build.Taxonomy = d.taxonomy
	m, err := buildLocked(ctx, root, d.build, build)
	if err != nil {
		return nil, false, err
	}
	return m, true, nil
}

// decision is what Ensure found: the index to use as it is, or the reports
// to build one of, with the taxonomy to tag them with and why.
type decision struct {
	current  *Manifest // the index to keep, when build is nil
	build    []corpus.Source
	taxonomy *corpus.Taxonomy
	reason   string
}

// decide looks at the index under root and says whether it must be built,
// and of what.
func decide(root string, sources []corpus.Source, opts EnsureOptions) (decision, error) {
	d := decision{taxonomy: opts.Taxonomy}
	m, dir, err := Current(root)
	if err == nil && m.Compatible() {
		// An index of another program is rebuilt as stale below; its
		// manifest may predate the file records (format 12).
		err = verifyBuild(dir, m)
	}
	var taxErr error                   // the index's own taxonomy does not parse
	if m != nil && d.taxonomy == nil { // also a damaged index's, to rebuild it as it was
		// Rebuilt, the index keeps the taxonomy it was tagged with.
		if d.taxonomy, taxErr = m.Taxonomy(); taxErr != nil && sources == nil {
			return d, taxErr
		}
	}
	switch {
	case errors.Is(err, errLost) && sources == nil && !opts.Force && !opts.Disposable:
		// A user's index whose build went missing is not replaced by
		// IfEmpty (the embedded report) without a word.
		return d, fmt.Errorf("%w: build it again with `reportsearch index --force --out %s FILE|DIR ...`, or name its reports to serve", err, root)
	case errors.Is(err, ErrNoIndex):
		if sources == nil && opts.IfEmpty == nil {
			return d, err
		}
		d.build, d.reason = sources, "no index yet"
		if sources == nil {
			d.build = opts.IfEmpty
		}
		return d, nil
	case err != nil && sources != nil && !errors.Is(err, errNotALink):
		// A damaged index is replaced when the reports to build are known.
		d.build, d.reason = sources, fmt.Sprintf("the index cannot be read: %v", strings.TrimPrefix(err.Error(), "indexer: "))
		return d, nil
	case errors.Is(err, ErrDamaged):
		// Its manifest still says what it was built of: build that again.
		recorded := m.Sources
		if len(recorded) == 0 {
			recorded = opts.IfUnlisted
		}
		if len(recorded) == 0 {
			return d, fmt.Errorf("%w, and it does not list its reports: build it again with `reportsearch index --force --out %s FILE|DIR ...`", err, root)
		}
		rehashed, rerr := corpus.Rehash(recorded)
		if rerr != nil {
			return d, fmt.Errorf("%w, and its reports cannot be read again to rebuild it (%v): build it again with `reportsearch index --force --out %s FILE|DIR ...`", err, rerr, root)
		}
		d.build, d.reason = rehashed, strings.TrimPrefix(err.Error(), "indexer: ")
		return d, nil
	case err != nil:
		return d, err
	}
	if sources == nil {
		recorded := m.Sources
		if len(recorded) == 0 {
			if opts.IfUnlisted == nil {
				return d, fmt.Errorf("indexer: %s: %w", root, ErrUnlisted)
			}
			recorded = opts.IfUnlisted
		}
		if !opts.Verify && !opts.Force && m.Staleness(nil, opts.Taxonomy) == "" {
			d.current = m // usable as it is: its files are not read
			return d, nil
		}
		if sources, err = corpus.Rehash(recorded); err != nil {
			if opts.Verify && !opts.Force && m.Staleness(nil, opts.Taxonomy) == "" {
				if opts.Warn != nil {
					opts.Warn(fmt.Sprintf("%s: the index is kept as it is, for its reports cannot be read again to look for edits (%v)", root, err))
				}
				d.current = m
				return d, nil
			}
			return d, fmt.Errorf("indexer: %s: %w: %w", root, ErrSourcesGone, err)
		}
	}
	switch why := m.Staleness(sources, opts.Taxonomy); {
	case taxErr != nil:
		// Tagged again with the embedded taxonomy, since its own is lost.
		d.build, d.reason = sources, fmt.Sprintf("policy domains changed: the index's own cannot be read: %v", strings.TrimPrefix(taxErr.Error(), "indexer: "))
	case why != "":
		d.build, d.reason = sources, why
	case opts.Force:
		d.build, d.reason = sources, "asked to rebuild"
	default:
		d.current = m
	}
	return d, nil
}
