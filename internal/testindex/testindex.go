// Package testindex builds the indexes the tests of several packages share
// — the embedded report, the 17 real test reports of 9 places, each test
// report alone — once per version of the code that makes them, in the
// system's temporary directory, so that each package's tests and every
// package of a `go test ./...` run open the same index instead of building
// their own.
//
// An index depends only on the reports, on the module's packages that read
// and index them (those indexer imports, found with go list, their Go and
// embedded files), on the modules they use (go.sum) and on the Go release;
// the directory's name is a digest of all of it, so that a change to any
// gets a new index. Several test processes building one index at once are
// serialized by indexer.Ensure's lock. A process holds a shared lock on
// the version it uses while it runs, and an index of another version is
// removed only when no process holds it and none has used it for an hour.
package testindex

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
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
	// Multi is the test reports the project was tuned on, then the
	// embedded one: 17 reports of 9 places.
	Multi Set = "multi"
	// Unseen is every test report — Multi's and the development corpus of
	// reports the program was not tuned on (corpus/testdata/reports/dev) —
	// then the embedded one.
	Unseen Set = "unseen"
	// All is Unseen's reports and the two later development sets
	// (corpus/testdata/fresh and fresh2), then the embedded one: every
	// report of the repository.
	All Set = "all"
)

// laterDevDirs are the development sets beside Reports that All adds.
var laterDevDirs = []string{"fresh", "fresh2"}

// devDir is the development corpus under Reports, left out of Multi.
const devDir = "dev"

// Copies is Multi's reports, each copied n times under distinct file
// names (c0__name.txt, c1__name.txt, …): a synthetic library whose answers
// must be the originals', however many copies there are.
func Copies(n int) Set { return Set(fmt.Sprintf("copies-%d", n)) }

// copyPrefix is what a copy's report ID starts with: c3- for the fourth.
var copyPrefix = regexp.MustCompile(`^c[0-9]+-`)

// Original is the report ID (or paragraph ID) of the original of a copy
// in a Copies set, without the folder a report of Multi may be in: the
// same for a report of Multi and every copy of it.
func Original(id string) string {
	return strings.TrimPrefix(copyPrefix.ReplaceAllString(id, ""), "batch2-")
}

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
	case s == Multi || s == Unseen || s == All:
		dirs := []string{Reports()}
		if s == All {
			for _, d := range laterDevDirs {
				dirs = append(dirs, filepath.Join(Reports(), "..", d))
			}
		}
		srcs, err := corpus.Sources(dirs)
		if err != nil {
			return nil, err
		}
		if s == Multi {
			dev := filepath.Join(Reports(), devDir) + string(filepath.Separator)
			srcs = slices.DeleteFunc(srcs, func(src corpus.Source) bool { return strings.HasPrefix(src.Path, dev) })
		}
		return append(srcs, corpus.DefaultSource()), nil
	case strings.HasPrefix(string(s), "copies-"):
		return copiesOf(s)
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

// copiesOf writes the copies of a Copies set beside its index, once for
// the code's version, and lists them.
func copiesOf(s Set) ([]corpus.Source, error) {
	n, err := strconv.Atoi(strings.TrimPrefix(string(s), "copies-"))
	if err != nil || n < 1 {
		return nil, fmt.Errorf("testindex: unknown set %q", s)
	}
	v, err := version()
	if err != nil {
		return nil, err
	}
	multi, err := Multi.Sources()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(os.TempDir(), "reportsearch-testindex", v, string(s)+"-files")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for _, src := range multi {
		text, name := corpus.DefaultBytes(), src.ID+".txt" // the embedded report
		if src.Path != "" {
			if text, err = os.ReadFile(src.Path); err != nil {
				return nil, err
			}
			name = filepath.Base(src.Path)
		}
		for i := range n {
			file := filepath.Join(dir, fmt.Sprintf("c%d__%s", i, name))
			if _, err := os.Stat(file); err == nil {
				continue
			}
			if err := os.WriteFile(file, text, 0o644); err != nil {
				return nil, err
			}
		}
	}
	return corpus.Sources([]string{dir})
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
	if err := holdVersion(base, v); err != nil {
		return "", err
	}
	root := filepath.Join(base, v, string(s))
	if _, _, err := indexer.Ensure(context.Background(), root, sources, indexer.EnsureOptions{}); err != nil {
		return "", err
	}
	removeStale(base, v)
	return root, nil
}

// inUse is the file a process holds a shared lock on while it uses a
// version's indexes.
const inUse = "in-use"

var held sync.Map // version → the open file whose lock the process holds

// holdVersion takes a shared lock on the version's in-use file, for the
// life of the process, and marks it used now.
func holdVersion(base, v string) error {
	if _, ok := held.Load(v); ok {
		return nil
	}
	dir := filepath.Join(base, v)
	var f *os.File
	for {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		var err error
		if f, err = os.OpenFile(filepath.Join(dir, inUse), os.O_CREATE|os.O_RDWR, 0o644); err != nil {
			return err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH); err != nil {
			f.Close()
			return err
		}
		// The lock holds only if the file is still the version's: a
		// removal (removeStale) may have moved the directory away while
		// this process waited for the lock; then it starts again.
		locked, err1 := f.Stat()
		named, err2 := os.Stat(f.Name())
		if err1 == nil && err2 == nil && os.SameFile(locked, named) {
			break
		}
		f.Close()
	}
	now := time.Now()
	os.Chtimes(f.Name(), now, now)
	if _, loaded := held.LoadOrStore(v, f); loaded {
		f.Close()
	}
	return nil
}

// removeStale deletes the indexes of other versions of the code that no
// process holds and none has used for an hour: a version another checkout
// is testing now is left alone.
func removeStale(base, current string) {
	entries, err := os.ReadDir(base)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Name() == current || !e.IsDir() {
			continue
		}
		if strings.HasPrefix(e.Name(), ".trash-") {
			os.RemoveAll(filepath.Join(base, e.Name())) // left by a removal that was cut short
			continue
		}
		dir := filepath.Join(base, e.Name())
		f, err := os.OpenFile(filepath.Join(dir, inUse), os.O_RDWR, 0)
		if err != nil {
			// No in-use file: made before there was one, or mid-creation.
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
				os.RemoveAll(dir)
			}
			continue
		}
		info, statErr := f.Stat()
		if statErr == nil && time.Since(info.ModTime()) > time.Hour && syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
			// Moved away first, under the lock: a process that starts to
			// use this version now makes a fresh directory and lock file
			// instead of locking one the removal is about to delete.
			trash := filepath.Join(base, fmt.Sprintf(".trash-%s-%d", e.Name(), os.Getpid()))
			if os.Rename(dir, trash) == nil {
				os.RemoveAll(trash)
			}
		}
		f.Close()
	}
}

// codeVersion digests what an index is made from: the Go and embedded files
// of the module's packages that indexer imports (and indexer's own), the
// test reports, the module's dependencies and the Go release.
func codeVersion() (string, error) {
	root := ModuleRoot()
	h := sha256.New()
	fmt.Fprintf(h, "%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	files, err := indexFiles(root)
	if err != nil {
		return "", err
	}
	reports, err := reportFiles()
	if err != nil {
		return "", err
	}
	files = append(files, reports...)
	files = append(files, filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum"))
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(root, path)
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}

// indexFiles lists the Go and embedded files of the module's packages that
// an index is made by: reportsearch/indexer and what it imports of the
// module, as go list says.
func indexFiles(root string) ([]string, error) {
	cmd := exec.Command("go", "list", "-deps", "-json=Dir,GoFiles,EmbedFiles,Module", "reportsearch/indexer")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("testindex: go list: %w", err)
	}
	var files []string
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			Dir                 string
			GoFiles, EmbedFiles []string
			Module              *struct{ Main bool }
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("testindex: go list: %w", err)
		}
		if p.Module == nil || !p.Module.Main {
			continue // the standard library and other modules: go.sum and the Go release stand for them
		}
		for _, f := range append(p.GoFiles, p.EmbedFiles...) {
			files = append(files, filepath.Join(p.Dir, f))
		}
	}
	if len(files) < 10 {
		return nil, fmt.Errorf("testindex: go list found only %d files of the module's packages", len(files))
	}
	slices.Sort(files)
	return files, nil
}
