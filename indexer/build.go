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
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

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

// Options tune a build.
type Options struct {
	BatchSize int            // documents per segment the builder writes; default 2000
	Progress  func(Progress) // called after each report; may be nil
}

// Progress reports how far a build is.
type Progress struct {
	Done, Total int    // reports
	Report      string // the report just indexed
	Docs        int    // documents so far
	TextBytes   int64  // paragraph text so far
}

// Build indexes the sources into a new build under root and makes it
// current. Reports are read one at a time, so memory stays bounded by one
// report and one batch whatever the number of sources. On any error,
// including a cancelled ctx, the current index is left as it was.
func Build(ctx context.Context, root string, sources []corpus.Source, opts Options) (*Manifest, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = 50000
	}
	if len(sources) == 0 {
		return nil, fmt.Errorf("indexer: nothing to index")
	}
	if _, err := SharedSegmenter(); err != nil {
		return nil, err
	}
	start := time.Now()
	if err := os.MkdirAll(filepath.Join(root, buildsDir), 0o755); err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	name, err := buildName(start)
	if err != nil {
		return nil, err
	}
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
	if err := swap(root, name); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	removeOldBuilds(root, name)
	return m, nil
}

func build(ctx context.Context, dir string, sources []corpus.Source, opts Options) (*Manifest, error) {
	b, err := bleve.NewBuilder(filepath.Join(dir, indexDir), NewMapping(), map[string]any{"batchSize": opts.BatchSize})
	if err != nil {
		return nil, fmt.Errorf("indexer: %w", err)
	}
	m := &Manifest{Format: FormatVersion, Analyzers: AnalyzerVersion, Dictionary: DictionaryVersion(), Corpus: Digest(sources)}
	order := 0
	docs := 0
	for i, src := range sources {
		if err := ctx.Err(); err != nil {
			b.Close()
			return nil, err
		}
		r, err := src.Read()
		if err != nil {
			b.Close()
			return nil, fmt.Errorf("indexer: %w", err)
		}
		entry := ReportEntry{ID: r.ID, Title: r.Title, Issuer: r.Issuer, Speaker: r.Speaker, Date: r.Date, Meeting: r.Meeting,
			Years: r.Years, Source: r.Source, Hash: src.Hash}
		err = reportDocs(r, &order, func(id string, doc any) error {
			docs++
			switch d := doc.(type) {
			case paragraphDoc:
				entry.Paragraphs++
				m.TextBytes += int64(len(d.Text))
			case figureDoc:
				entry.Figures++
			}
			return b.Index(id, doc)
		})
		if err != nil {
			b.Close()
			return nil, fmt.Errorf("indexer: %s: %w", r.ID, err)
		}
		m.Paragraphs += entry.Paragraphs
		m.Figures += entry.Figures
		m.Reports = append(m.Reports, entry)
		if opts.Progress != nil {
			opts.Progress(Progress{Done: i + 1, Total: len(sources), Report: r.ID, Docs: docs, TextBytes: m.TextBytes})
		}
	}
	if err := b.Close(); err != nil {
		return nil, fmt.Errorf("indexer: writing the index: %w", err)
	}
	return m, nil
}

func buildName(t time.Time) (string, error) {
	var rnd [4]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", err
	}
	return t.UTC().Format("20060102T150405.000000000") + "-" + hex.EncodeToString(rnd[:]), nil
}

// swap makes builds/name the current build, atomically.
func swap(root, name string) error {
	tmp := filepath.Join(root, currentLink+".tmp-"+name)
	if err := os.Symlink(filepath.Join(buildsDir, name), tmp); err != nil {
		return fmt.Errorf("indexer: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(root, currentLink)); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("indexer: %w", err)
	}
	if d, err := os.Open(root); err == nil { // make the rename durable
		d.Sync()
		d.Close()
	}
	return nil
}

// removeOldBuilds deletes builds other than the current one and the
// keepBuilds-1 newest before it, including incomplete builds left by a
// crash. Readers that still have a deleted build open keep reading it.
func removeOldBuilds(root, current string) {
	entries, err := os.ReadDir(filepath.Join(root, buildsDir))
	if err != nil {
		return
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != current {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names) // names start with the build time
	for i, n := range names {
		complete := fileExists(filepath.Join(root, buildsDir, n, manifestFile))
		if !complete || i < len(names)-(keepBuilds-1) {
			os.RemoveAll(filepath.Join(root, buildsDir, n))
		}
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Current returns the manifest and directory of the current build of root,
// or ErrNoIndex.
func Current(root string) (*Manifest, string, error) {
	target, err := os.Readlink(filepath.Join(root, currentLink))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", fmt.Errorf("indexer: %s: %w", root, ErrNoIndex)
		}
		return nil, "", fmt.Errorf("indexer: %w", err)
	}
	if filepath.IsAbs(target) || strings.Contains(target, "..") {
		return nil, "", fmt.Errorf("indexer: %s: current link points outside the index: %s", root, target)
	}
	dir := filepath.Join(root, target)
	m, err := readManifest(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", fmt.Errorf("indexer: %s: %w (build %s is incomplete)", root, ErrNoIndex, target)
		}
		return nil, "", err
	}
	return m, dir, nil
}

// Open opens the current build of root read-only.
func Open(root string) (bleve.Index, *Manifest, error) {
	if _, err := SharedSegmenter(); err != nil {
		return nil, nil, err
	}
	m, dir, err := Current(root)
	if err != nil {
		return nil, nil, err
	}
	idx, err := bleve.OpenUsing(filepath.Join(dir, indexDir), map[string]any{"read_only": true})
	if err != nil {
		return nil, nil, fmt.Errorf("indexer: opening %s: %w", dir, err)
	}
	return idx, m, nil
}

// DefaultRoot is where the index of the embedded report lives unless told
// otherwise: reportsearch/index under the user's cache directory.
func DefaultRoot() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("indexer: no cache directory (set --index): %w", err)
	}
	return filepath.Join(cache, "reportsearch", "index"), nil
}
