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
		return nil, "", fmt.Errorf("indexer: %s: %w (%s points to %s, which is missing)", root, errLost, link, target)
	}
	m, err := readManifest(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", fmt.Errorf("indexer: %s: %w (build %s is incomplete)", root, errLost, target)
		}
		return nil, "", err
	}
	return m, dir, nil
}

// CurrentTarget is what the root's current link points to: it changes
// exactly when a build replaces the current one, so a server compares it
// to see whether to reopen the index (one readlink, no manifest read).
func CurrentTarget(root string) (string, error) {
	return os.Readlink(filepath.Join(root, currentLink))
}

// errLost is a root whose current build is gone or incomplete: an index
// was there, so the root is not empty — Ensure does not fill it with
// something else unless told to (see decide).
var errLost = fmt.Errorf("%w: its current build is lost", ErrNoIndex)

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
	if err := verifyBuild(dir, m); err != nil {
		return nil, m, fmt.Errorf("%w: rebuild it with `reportsearch index --force --out %s FILE|DIR ...` (serve given the reports rebuilds it itself)", err, root)
	}
	idx, err := openReadOnly(filepath.Join(dir, indexDir))
	if err != nil {
		return nil, nil, fmt.Errorf("indexer: opening %s: %w", dir, err)
	}
	return idx, m, nil
}

// openReadOnly opens a bleve index read-only, a panic inside bleve (a
// damaged file that passed the checks) turned into an error.
func openReadOnly(path string) (idx bleve.Index, err error) {
	defer func() {
		if r := recover(); r != nil {
			idx, err = nil, fmt.Errorf("%w: bleve failed reading it: %v", ErrDamaged, r)
		}
	}()
	return bleve.OpenUsing(path, map[string]any{"read_only": true})
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
