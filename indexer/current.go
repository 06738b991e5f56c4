package indexer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
)

// Current returns the manifest and directory of the current build of root,
// or ErrNoIndex.
func Current(root string) (*Manifest, string, error) {
	link := filepath.Join(root, currentLink)
	if err := checkCurrentLink(root); err != nil {
		return nil, "", err
	}
	target, err := os.Readlink(link)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", fmt.Errorf("indexer: %s: %w", root, ErrNoIndex)
		}
		return nil, "", fmt.Errorf("indexer: %w", err)
	}
	if !filepath.IsLocal(target) {
		return nil, "", fmt.Errorf("indexer: %s points outside the index: %s", link, target)
	}
	dir := filepath.Join(root, target)
	if _, err := os.Stat(dir); err != nil {
		return nil, "", fmt.Errorf("indexer: %s: %w (%s points to %s, which is missing)", root, ErrNoIndex, link, target)
	}
	m, err := readManifest(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", fmt.Errorf("indexer: %s: %w (build %s is incomplete)", root, ErrNoIndex, target)
		}
		return nil, "", err
	}
	return m, dir, nil
}

// Open opens the current build of root read-only. An index built by another
// version of the program is refused with ErrStale: its analyzers or parser
// differ from this program's, so its answers would be wrong.
func Open(root string) (bleve.Index, *Manifest, error) {
	if _, err := SharedSegmenter(); err != nil {
		return nil, nil, err
	}
	m, dir, err := Current(root)
	if err != nil {
		return nil, nil, err
	}
	if !m.Compatible() {
		return nil, m, fmt.Errorf("indexer: %s: %w (%s): rebuild it with `reportsearch index`", root, ErrStale, m.Staleness(nil, nil))
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
