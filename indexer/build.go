package indexer

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"reportsearch/corpus"
)

// An index directory holds complete builds and a symbolic link to the
// current one:
//
//	root/current -> builds/20261127T083500.123-1a2b3c
//	root/builds/<build>/index/          the bleve (scorch) index
//	root/builds/<build>/manifest.json   written last: a build without it is incomplete
//
// A build is written beside the current one and becomes current by renaming
// a new link over the old, which is atomic: a reader sees the old index or
// the new, and a crash or kill during a build leaves the old one in place.
const (
	currentLink = "current"
	buildsDir   = "builds"
	indexDir    = "index"
	keepBuilds  = 2 // the current build and the one before, which readers may still have open
)

// ErrNoIndex means the directory holds no complete index.
var ErrNoIndex = errors.New("no index")

// ErrStale means an index was built by another version of the program.
var ErrStale = errors.New("index built by another version of reportsearch")

// DefaultBatchSize is how many documents the builder holds, analysed, before
// it writes them as a segment; it bounds a build's memory, since a batch's
// tokens, postings and positions all live until the segment is written.
// Indexing 18 MB of reports (400 files, 82,000 documents) took 0.8–1.1 GB
// peak RSS at 5,000 documents a batch against 7.4 GB at 50,000, in the same
// time: merging more segments at the end costs about what collecting the
// larger batch's garbage did.
const DefaultBatchSize = 5000

// Options tune a build.
type Options struct {
	BatchSize int            // documents per segment the builder writes; default DefaultBatchSize
	Progress  func(Progress) // called after each report; may be nil
	// Taxonomy tags the reports' paragraphs, figures and commitments with
	// policy domains; nil for the embedded one (corpus.DefaultTaxonomy).
	Taxonomy *corpus.Taxonomy
	// SkipUnreadable records a report that cannot be read in the
	// manifest's Failed and goes on, as a library does; otherwise the
	// build fails with it.
	SkipUnreadable bool
}

// Progress reports how far a build is.
type Progress struct {
	Done, Total int    // reports
	Report      string // the report just indexed
	Docs        int    // documents so far
	TextBytes   int64  // paragraph text so far
}

// Build indexes the sources into a new build under root and makes it
// current. Reports are read as the builder needs them, so memory stays
// bounded by a few reports and one batch whatever the number of sources
// (see DefaultBatchSize). On any error,
// including a cancelled ctx, the current index is left as it was.
func Build(ctx context.Context, root string, sources []corpus.Source, opts Options) (*Manifest, error) {
	unlock, err := lockRoot(ctx, root)
	if err != nil {
		return nil, err
	}
	defer unlock()
	return buildLocked(ctx, root, sources, opts)
}

// buildLocked is Build with the root's build lock held.
func buildLocked(ctx context.Context, root string, sources []corpus.Source, opts Options) (*Manifest, error) {
	if len(sources) == 0 {
		return nil, fmt.Errorf("indexer: nothing to index")
	}
	if opts.Taxonomy != nil && opts.Taxonomy.String() == corpus.DefaultTaxonomy().String() {
		opts.Taxonomy = nil // the reports are read tagged with it: no second tagging
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if _, err := SharedSegmenter(); err != nil {
		return nil, err
	}
	start := time.Now()
	if err := checkCurrentLink(root); err != nil {
		return nil, err
	}
	name, err := buildName(start)
	if err != nil {
		return nil, err
	}
	removeIncompleteBuilds(root, "") // what killed builds left, before this one adds to the disk
	dir := filepath.Join(root, buildsDir, name)
	if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	m, err := build(ctx, dir, sources, opts)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	m.Built, m.Seconds = start.UTC(), time.Since(start).Seconds()
	if err := writeManifest(dir, m); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("indexer: %w", err)
	}
	rememberBuilt(dir, m)
	if err := swap(root, name); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	removeOldBuilds(root, name)
	return m, nil
}

func build(ctx context.Context, dir string, sources []corpus.Source, opts Options) (*Manifest, error) {
	defer relaxGC()()
	im := NewMapping()
	b, err := newOfflineBuilder(filepath.Join(dir, indexDir), im, opts.BatchSize)
	if err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	m := &Manifest{Format: FormatVersion, Analyzers: AnalyzerVersion, Dictionary: DictionaryVersion(), Corpus: Digest(sources),
		TaxonomyText: taxonomyOf(opts).String()}
	// Stop the pipeline, and wait for it, when the build ends.
	ctx, cancel := context.WithCancel(ctx)
	reports, wait := analyzedReports(ctx, sources, im, opts.Taxonomy, opts.SkipUnreadable)
	defer wait()
	defer cancel()
	docs := 0
	domains := map[string]bool{}
	for r := range reports {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if r.err != nil && r.unreadable && opts.SkipUnreadable {
			m.Failed = append(m.Failed, failureOf(r.source, r.err))
			continue
		}
		if r.err != nil {
			return nil, fmt.Errorf("indexer: %w", r.err)
		}
		for _, d := range r.analyzed {
			if err := b.Index(d); err != nil {
				return nil, fmt.Errorf("indexer: %s: %w", d.ID(), err)
			}
		}
		docs += len(r.analyzed)
		if !r.final {
			continue // more of the report follows
		}
		m.TextBytes += r.textBytes
		r.entry.Domains, r.entry.TextBytes = r.domains, r.textBytes
		m.Paragraphs += r.entry.Paragraphs
		m.Figures += r.entry.Figures
		m.Reports = append(m.Reports, r.entry)
		for _, d := range r.domains {
			domains[d] = true
		}
		if opts.Progress != nil {
			opts.Progress(Progress{Done: len(m.Reports), Total: len(sources), Report: r.entry.ID, Docs: docs, TextBytes: m.TextBytes})
		}
	}
	// An abandoned builder holds only memory: the caller removes its files.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if docs == 0 && len(m.Failed) > 0 {
		return nil, fmt.Errorf("indexer: no report could be read; the first: %s: %s", m.Failed[0].Path, m.Failed[0].Error)
	}
	if docs == 0 {
		return nil, fmt.Errorf("indexer: the reports have no paragraphs to index")
	}
	m.Orders = docs // paragraphs and figures are numbered 1…docs
	if err := b.Close(); err != nil {
		return nil, fmt.Errorf("indexer: writing the index: %w", err)
	}
	pairs, err := pairTargets(ctx, filepath.Join(dir, indexDir), m.Reports, opts.BatchSize)
	if err != nil {
		return nil, fmt.Errorf("indexer: pairing targets with results: %w", err)
	}
	docs += pairs
	m.Comparisons = pairs
	// Check what was written before it can become current.
	idx, err := openReadOnly(filepath.Join(dir, indexDir))
	if err != nil {
		return nil, fmt.Errorf("indexer: the new index does not open: %w", err)
	}
	n, err := idx.DocCount()
	idx.Close()
	if err != nil || int(n) != docs {
		return nil, fmt.Errorf("indexer: the new index holds %d documents, %d were written (%v)", n, docs, err)
	}
	if m.Files, err = sumFiles(filepath.Join(dir, indexDir)); err != nil {
		return nil, fmt.Errorf("indexer: recording the new index's files: %w", err)
	}
	m.Sources = sources
	m.Parser = corpus.Version()
	m.Domains = inTaxonomyOrder(domains, taxonomyOf(opts))
	return m, nil
}

// inTaxonomyOrder lists the domains in the taxonomy's order, any it lacks
// last, sorted.
func inTaxonomyOrder(domains map[string]bool, tax *corpus.Taxonomy) []string {
	out := []string{}
	for _, d := range tax.Names() {
		if domains[d] {
			out = append(out, d)
		}
	}
	var rest []string
	for d := range domains {
		if !slices.Contains(out, d) {
			rest = append(rest, d)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// taxonomyOf is the taxonomy a build tags reports with.
func taxonomyOf(opts Options) *corpus.Taxonomy {
	if opts.Taxonomy != nil {
		return opts.Taxonomy
	}
	return corpus.DefaultTaxonomy()
}

func buildName(t time.Time) (string, error) {
	var rnd [4]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", err
	}
	return t.UTC().Format("20060102T150405.000000000") + "-" + hex.EncodeToString(rnd[:]), nil
}

// swap makes builds/name the current build, atomically, after making the
// build's files durable.
func swap(root, name string) error {
	syncDir(filepath.Join(root, buildsDir, name))
	syncDir(filepath.Join(root, buildsDir, name, indexDir))
	tmp := filepath.Join(root, currentLink+".tmp-"+name)
	if err := os.Symlink(filepath.Join(buildsDir, name), tmp); err != nil {
		return fmt.Errorf("indexer: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(root, currentLink)); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("indexer: %w", err)
	}
	syncDir(root) // make the rename durable
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// lockPoll is how often a build waiting for another tries the lock again.
const lockPoll = 50 * time.Millisecond

// lockRoot takes the index directory's build lock, waiting for another
// build to finish: one build at a time per index, since another would
// delete this one's unfinished directory as remains of a crash. The lock
// goes with the process if it dies. The wait ends with ctx: a blocking
// flock would not return for a signal, so it polls.
func lockRoot(ctx context.Context, root string) (func(), error) {
	if err := os.MkdirAll(filepath.Join(root, buildsDir), 0o755); err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(root, "lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("indexer: locking %s: %w", root, err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("indexer: waiting for another build of %s: %w", root, ctx.Err())
		case <-time.After(lockPoll):
		}
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// checkCurrentLink refuses a "current" that is not a link, before a build
// spends its time on an index that could not be swapped in.
func checkCurrentLink(root string) error {
	info, err := os.Lstat(filepath.Join(root, currentLink))
	if err == nil && info.Mode()&os.ModeSymlink == 0 {
		return fmt.Errorf("indexer: %s %w: remove it and build again", filepath.Join(root, currentLink), errNotALink)
	}
	return nil
}

// errNotALink is a "current" that is not a symbolic link: something else
// than a build made it, and no build replaces it.
var errNotALink = errors.New("is not a symbolic link")

// removeOldBuilds deletes builds other than the current one and the
// keepBuilds-1 newest complete ones before it, and every incomplete build:
// one left by a crash or a kill, since the root's lock is held. An
// incomplete build never counts among those kept, so killed builds cannot
// push out the last good one. Readers that still have a deleted build
// open keep reading it.
func removeOldBuilds(root, current string) {
	removeIncompleteBuilds(root, current)
	// Links left by a kill between creating and renaming the new link.
	if stray, err := filepath.Glob(filepath.Join(root, currentLink+".tmp-*")); err == nil {
		for _, s := range stray {
			os.Remove(s)
		}
	}
	var complete []string
	for _, n := range buildNames(root) {
		if n != current {
			complete = append(complete, n) // the incomplete ones are gone
		}
	}
	// Names start with the build time: the oldest first.
	for _, n := range complete[:max(0, len(complete)-(keepBuilds-1))] {
		os.RemoveAll(filepath.Join(root, buildsDir, n))
	}
}

// removeIncompleteBuilds deletes the builds without a manifest but the one
// named keep. Called with the root's lock held, before a build starts and
// after it ends, so no other build is writing one.
func removeIncompleteBuilds(root, keep string) {
	for _, n := range buildNames(root) {
		if n != keep && !fileExists(filepath.Join(root, buildsDir, n, manifestFile)) {
			os.RemoveAll(filepath.Join(root, buildsDir, n))
		}
	}
}

// buildNames lists the build directories under root, sorted.
func buildNames(root string) []string {
	entries, err := os.ReadDir(filepath.Join(root, buildsDir))
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
