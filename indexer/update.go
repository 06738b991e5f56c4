package indexer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
)

// A library grows by a report at a time. Update makes the current build
// follow a new list of sources by indexing only what changed: it copies
// the current build (hard links for bleve's segment files, which are never
// written again once made; a copy of the small root file, which is),
// deletes the documents of the reports removed or changed, adds those of
// the reports added or changed, pairs again the targets of the places they
// speak for, and swaps the copy in as Build does. A search sees the old
// index or the new, never half an update; a failure leaves the current
// build as it was.

// Change says what an update did.
type Change struct {
	Added, Changed, Removed []string // report IDs
	Failed                  []Failure
	Full                    bool // the index was built again in full
	Seconds                 float64
}

// Empty reports whether the update changed nothing.
func (c Change) Empty() bool {
	return len(c.Added)+len(c.Changed)+len(c.Removed) == 0 && !c.Full
}

func (c Change) String() string {
	if c.Full {
		return fmt.Sprintf("built again in full (%.1f s)", c.Seconds)
	}
	return fmt.Sprintf("%d added, %d changed, %d removed, %d unreadable (%.2f s)", len(c.Added), len(c.Changed), len(c.Removed), len(c.Failed), c.Seconds)
}

// Failure is a report file that could not be read, and why: a library
// lists it and goes on with the others.
type Failure struct {
	ID    string `json:"id"`
	Path  string `json:"path"`
	Error string `json:"error"`
	// Problem names what is wrong (corpus.Problem), and Line where, for
	// an edge that says it in its own words; empty in an older manifest.
	Problem string `json:"problem,omitempty"`
	Line    int    `json:"line,omitempty"`
}

// failureOf is the Failure of a source that err kept from being read.
func failureOf(src corpus.Source, err error) Failure {
	_, line := corpus.FileOf(err)
	return Failure{ID: src.ID, Path: src.Path, Error: strings.TrimPrefix(err.Error(), "corpus: "), Problem: corpus.Problem(err), Line: line}
}

// Update brings the current build of root to sources, incrementally when it
// can: a report that cannot be read is recorded in the manifest's Failed
// and skipped, not fatal. With no usable current build (none, another
// program's, other policy domains) it builds in full, skipping unreadable
// reports likewise.
func Update(ctx context.Context, root string, sources []corpus.Source, opts Options) (*Manifest, Change, error) {
	start := time.Now()
	unlock, err := lockRoot(ctx, root)
	if err != nil {
		return nil, Change{}, err
	}
	defer unlock()
	opts.SkipUnreadable = true
	m, dir, err := Current(root)
	if err == nil && m.Compatible() && m.Staleness(nil, opts.Taxonomy) == "" {
		err = verifyBuild(dir, m)
	} else if err == nil {
		err = errors.New("not usable")
	}
	if err != nil {
		m, err := buildLocked(ctx, root, sources, opts)
		if err != nil {
			return nil, Change{}, err
		}
		return m, Change{Full: true, Failed: m.Failed, Seconds: time.Since(start).Seconds()}, nil
	}
	return updateLocked(ctx, root, dir, m, sources, opts, start)
}

// plan sorts sources against the manifest: the reports to delete (removed
// or changed) and the sources to read (added or changed — a file that
// failed is read again when it changes, so a fixed file comes back).
func plan(m *Manifest, sources []corpus.Source) (c Change, remove []string, read []corpus.Source) {
	had := map[string]corpus.Source{}
	for _, s := range m.Sources {
		had[s.ID] = s
	}
	indexed := map[string]bool{}
	for _, r := range m.Reports {
		indexed[r.ID] = true
	}
	now := map[string]bool{}
	for _, s := range sources {
		now[s.ID] = true
		old, ok := had[s.ID]
		switch {
		case !ok:
			c.Added = append(c.Added, s.ID)
			read = append(read, s)
		case old.Hash != s.Hash || old.Sidecar != s.Sidecar || old.Problem != s.Problem:
			// A file that failed is read again only when it changed: an
			// unreadable file does not make every update a rebuild.
			c.Changed = append(c.Changed, s.ID)
			read = append(read, s)
			if indexed[s.ID] {
				remove = append(remove, s.ID)
			}
		}
	}
	for _, s := range m.Sources {
		if !now[s.ID] {
			c.Removed = append(c.Removed, s.ID)
			if indexed[s.ID] {
				remove = append(remove, s.ID)
			}
		}
	}
	return c, remove, read
}

func updateLocked(ctx context.Context, root, current string, m *Manifest, sources []corpus.Source, opts Options, start time.Time) (*Manifest, Change, error) {
	change, remove, read := plan(m, sources)
	if change.Empty() {
		change.Failed = m.Failed
		return m, change, nil
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	if _, err := SharedSegmenter(); err != nil {
		return nil, change, err
	}
	name, err := buildName(start)
	if err != nil {
		return nil, change, err
	}
	removeIncompleteBuilds(root, "")
	dir := filepath.Join(root, buildsDir, name)
	if err := copyBuild(filepath.Join(current, indexDir), filepath.Join(dir, indexDir)); err != nil {
		os.RemoveAll(dir)
		return nil, change, fmt.Errorf("indexer: copying the current build: %w", err)
	}
	next, err := applyChanges(ctx, filepath.Join(dir, indexDir), m, sources, remove, read, opts, &change)
	if err != nil {
		os.RemoveAll(dir)
		return nil, change, err
	}
	next.Built, next.Seconds = start.UTC(), time.Since(start).Seconds()
	if err := writeManifest(dir, next); err != nil {
		os.RemoveAll(dir)
		return nil, change, fmt.Errorf("indexer: %w", err)
	}
	rememberBuilt(dir, next)
	if err := swap(root, name); err != nil {
		os.RemoveAll(dir)
		return nil, change, err
	}
	removeOldBuilds(root, name)
	change.Failed, change.Seconds = next.Failed, time.Since(start).Seconds()
	return next, change, nil
}

// applyChanges edits the copied index at path and returns its manifest.
func applyChanges(ctx context.Context, path string, m *Manifest, sources []corpus.Source, remove []string, read []corpus.Source, opts Options, change *Change) (*Manifest, error) {
	idx, err := bleve.Open(path)
	if err != nil {
		return nil, fmt.Errorf("indexer: opening the copy of the index: %w", err)
	}
	closed := false
	defer func() {
		if !closed {
			idx.Close()
		}
	}()
	entries := map[string]ReportEntry{}
	for _, r := range m.Reports {
		entries[r.ID] = r
	}
	// The places whose pairs change: those of the reports removed, and (below)
	// of the reports read.
	places := map[string]bool{}
	for _, id := range remove {
		places[entries[id].Region.String()] = true
		if err := deleteReport(ctx, idx, id, opts.BatchSize); err != nil {
			return nil, err
		}
		delete(entries, id)
	}
	failed := map[string]Failure{}
	for _, f := range m.Failed {
		failed[f.ID] = f
	}
	for _, id := range change.Removed {
		delete(failed, id)
	}
	order := m.Orders
	im := idx.Mapping()
	for _, src := range read {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		delete(failed, src.ID)
		// The report's documents go into the index part by part as it is
		// mapped, as in a build: one long report is not held whole.
		var entry ReportEntry
		var readErr, err error
		batch := idx.NewBatch()
		mapReport(src, im, opts.Taxonomy, &order, func(p parsedReport) bool {
			switch {
			case p.err != nil && p.unreadable:
				readErr = p.err // nothing of it was sent
				return false
			case p.err != nil:
				err = p.err // not the file's fault: fatal, as in a full build
				return false
			}
			for _, d := range p.docs {
				if err = batch.IndexAdvanced(d); err != nil {
					err = fmt.Errorf("%s: %w", d.ID(), err)
					return false
				}
				if batch.Size() >= opts.BatchSize {
					if err = idx.Batch(batch); err != nil {
						return false
					}
					batch.Reset()
				}
			}
			if p.final {
				entry = p.entry
				entry.Domains, entry.TextBytes = p.domains, p.textBytes
			}
			return true
		})
		if err != nil {
			return nil, fmt.Errorf("indexer: %w", err)
		}
		if readErr != nil {
			failed[src.ID] = failureOf(src, readErr)
			continue
		}
		if err := idx.Batch(batch); err != nil {
			return nil, fmt.Errorf("indexer: %w", err)
		}
		entries[src.ID] = entry
		places[entry.Region.String()] = true
	}
	next := *m
	next.Sources, next.Reports, next.Failed = sources, nil, nil
	next.Paragraphs, next.Figures, next.TextBytes, next.Orders = 0, 0, 0, order
	domains := map[string]bool{}
	for _, s := range sources {
		if f, ok := failed[s.ID]; ok {
			next.Failed = append(next.Failed, f)
			continue
		}
		e, ok := entries[s.ID]
		if !ok {
			continue
		}
		next.Reports = append(next.Reports, e)
		next.Paragraphs += e.Paragraphs
		next.Figures += e.Figures
		next.TextBytes += e.TextBytes
		for _, d := range e.Domains {
			domains[d] = true
		}
	}
	if len(next.Reports) == 0 {
		return nil, fmt.Errorf("indexer: no readable report is left to index")
	}
	next.Corpus = Digest(sources)
	next.Domains = inTaxonomyOrder(domains, taxonomyOf(opts))
	// Pair again the places touched: their comparisons go, then come back
	// from the figures now indexed.
	var touched []ReportEntry
	for _, r := range next.Reports {
		if places[r.Region.String()] {
			touched = append(touched, r)
		}
	}
	for _, r := range touched {
		if err := deleteDocs(ctx, idx, bquery.NewConjunctionQuery([]bquery.Query{termQuery(FieldDocType, TypeComparison), termQuery(FieldReport, r.ID)}), opts.BatchSize); err != nil {
			return nil, err
		}
	}
	if _, err := pairWith(ctx, idx, touched, opts.BatchSize); err != nil {
		return nil, fmt.Errorf("indexer: pairing targets with results: %w", err)
	}
	n, err := idx.DocCount()
	if err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	next.Comparisons = int(n) - next.Paragraphs - next.Figures
	closed = true
	if err := idx.Close(); err != nil {
		return nil, fmt.Errorf("indexer: writing the index: %w", err)
	}
	if next.Files, err = sumFiles(path); err != nil {
		return nil, fmt.Errorf("indexer: recording the index's files: %w", err)
	}
	return &next, nil
}

// deleteReport deletes every document of a report: its paragraphs, figures
// and comparisons.
func deleteReport(ctx context.Context, idx bleve.Index, id string, batchSize int) error {
	return deleteDocs(ctx, idx, termQuery(FieldReport, id), batchSize)
}

// deleteDocs deletes the documents q finds, a page at a time.
func deleteDocs(ctx context.Context, idx bleve.Index, q bquery.Query, batchSize int) error {
	for {
		res, err := idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, batchSize, 0, false))
		if err != nil {
			return fmt.Errorf("indexer: %w", err)
		}
		if len(res.Hits) == 0 {
			return nil
		}
		batch := idx.NewBatch()
		for _, h := range res.Hits {
			batch.Delete(h.ID)
		}
		if err := idx.Batch(batch); err != nil {
			return fmt.Errorf("indexer: %w", err)
		}
	}
}
