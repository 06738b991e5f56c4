// Package testindex builds the indexes the tests of several packages share
// — the embedded report, the 17 real test reports of 9 places, each test
// report alone — once per version of the code that makes them, in the
// system's temporary directory, so that each package's tests and every
// package of a `go test ./...` run open the same index instead of building
// their own.
//
// An index depends only on the reports and on the packages that read and
// index them (lexicon, corpus, indexer) and the modules they use; the
// directory's name is a digest of those files, so a change to any of them
// gets a new index and a stale one is never reused. Builds of one index by
// several test processes at once are serialized by indexer.Build's lock.
package testindex

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// Set names a set of reports.
type Set string

// The sets the tests use.
const (
	Default Set = "default" // the embedded report
	Multi   Set = "multi"   // every test report, then the embedded one: 17 reports of 9 places
)

// Single is the set of one test report (a file name under
// corpus/testdata/reports, without .txt), indexed alone.
func Single(name string) Set { return Set("single-" + name) }

// ModuleRoot is the module's directory, found from this file's.
func ModuleRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Reports is the directory of the real test reports.
func Reports() string { return filepath.Join(ModuleRoot(), "corpus", "testdata", "reports") }

func reportFiles() ([]string, error) {
	top, err := filepath.Glob(filepath.Join(Reports(), "*.txt"))
	if err != nil {
		return nil, err
	}
	more, err := filepath.Glob(filepath.Join(Reports(), "*", "*.txt"))
	if err != nil {
		return nil, err
	}
	return append(top, more...), nil
}

// Sources are the reports of a set, in index order.
func (s Set) Sources() ([]corpus.Source, error) {
	switch {
	case s == Default:
		return []corpus.Source{corpus.DefaultSource()}, nil
	case s == Multi:
		srcs, err := corpus.Sources([]string{Reports()})
		return append(srcs, corpus.DefaultSource()), err
	case strings.HasPrefix(string(s), "single-"):
		name := strings.TrimPrefix(string(s), "single-")
		files, err := reportFiles()
		if err != nil {
			return nil, err
		}
		i := slices.IndexFunc(files, func(f string) bool { return filepath.Base(f) == name+".txt" })
		if i < 0 {
			return nil, fmt.Errorf("testindex: no test report %s", name)
		}
		return corpus.Sources([]string{files[i]})
	}
	return nil, fmt.Errorf("testindex: unknown set %q", s)
}

var (
	roots   sync.Map // Set → func() (string, error)
	version = sync.OnceValues(codeVersion)
)

// Root returns the directory of the set's index, building it when no test
// process has built it for this version of the code.
func Root(t testing.TB, s Set) string {
	t.Helper()
	f, _ := roots.LoadOrStore(s, sync.OnceValues(func() (string, error) { return build(s) }))
	root, err := f.(func() (string, error))()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func build(s Set) (string, error) {
	v, err := version()
	if err != nil {
		return "", err
	}
	sources, err := s.Sources()
	if err != nil {
		return "", err
	}
	base := filepath.Join(os.TempDir(), "reportsearch-testindex")
	root := filepath.Join(base, v, string(s))
	if _, _, err := indexer.Ensure(context.Background(), root, sources, indexer.EnsureOptions{}); err != nil {
		return "", err
	}
	removeStale(base, v)
	return root, nil
}

// removeStale deletes the indexes of other versions of the code that no
// test has used for an hour: a version another checkout may be testing now
// is left alone.
func removeStale(base, current string) {
	entries, err := os.ReadDir(base)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && e.Name() != current && time.Since(info.ModTime()) > time.Hour {
			os.RemoveAll(filepath.Join(base, e.Name()))
		}
	}
}

// codeVersion digests what an index is made from: the source and data
// files of the packages that read and index reports, the test reports, and
// the module's dependencies.
func codeVersion() (string, error) {
	root := ModuleRoot()
	h := sha256.New()
	for _, dir := range []string{"lexicon", "corpus", "indexer", filepath.Join("corpus", "testdata", "reports")} {
		if _, err := os.Stat(filepath.Join(root, dir)); os.IsNotExist(err) {
			continue
		}
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != filepath.Join(root, dir) && (d.Name() == "testdata" && dir != filepath.Join("corpus", "testdata", "reports") || d.Name() == "internal") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, "_test.go") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			fmt.Fprintf(h, "%s\x00%d\x00", rel, len(data))
			h.Write(data)
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return "", err
		}
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}
