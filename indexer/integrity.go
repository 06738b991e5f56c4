package indexer

import (
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Integrity of a build. bleve trusts its files: a flipped byte inside a
// segment makes zap index out of range and panic, a truncated one fails
// with a JSON error that names no file, an empty root.bolt with "bad file
// descriptor". So a build records every file of its index — path, size
// and CRC-32C — in its manifest, and a build is opened only when its files
// are still those. CRC-32C, not a cryptographic hash: the damage to find
// is a disk's or a copy's, not an attacker's, and the processor computes
// it at several GB/s, so checking a 220 MB index costs tens of
// milliseconds from the page cache, which bleve's first queries fill
// anyway.

// ErrDamaged means an index's files are not those its build wrote.
var ErrDamaged = errors.New("the index is damaged")

// FileSum is what a build records of one file of its index.
type FileSum struct {
	Path string `json:"path"` // relative to the build's index directory, with /
	Size int64  `json:"size"`
	CRC  string `json:"crc32c"` // hex
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sumFiles records every regular file under dir, sorted by path.
func sumFiles(dir string) ([]FileSum, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		paths = append(paths, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	sums := make([]FileSum, len(paths))
	err = eachInParallel(len(paths), func(i int) error {
		size, crc, err := crcOf(filepath.Join(dir, filepath.FromSlash(paths[i])))
		sums[i] = FileSum{Path: paths[i], Size: size, CRC: crc}
		return err
	})
	return sums, err
}

// crcOf reads a file whole for its size and CRC-32C.
func crcOf(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	// A large buffer, and the file hidden behind a plain Reader so that
	// io.CopyBuffer uses it: os.File's WriteTo copies 32 KB at a time,
	// which halves the speed (220 MB in 68 ms against 31 ms).
	buf := make([]byte, 1<<20)
	n, err := io.CopyBuffer(h, struct{ io.Reader }{f}, buf)
	return n, strconv.FormatUint(uint64(h.Sum32()), 16), err
}

// eachInParallel calls do for 0..n-1 on as many goroutines as there are
// processors, and returns the first error by index.
func eachInParallel(n int, do func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				errs[i] = do(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// verified remembers the builds this process has checked, by their files'
// sizes and times: a build's files never change once it is current, so
// the check of a second open (Ensure, then Open) would read them again
// for nothing, while a file written since has another time.
var verified sync.Map // dir + stamp → true

// verifyBuild checks that the index files of the build in dir are those
// its manifest records. Every file is read once per process; a damaged one
// is an ErrDamaged that names it and says how to rebuild.
func verifyBuild(dir string, m *Manifest) error {
	key, err := verifiedKey(dir, m)
	if err != nil {
		return err
	}
	if _, ok := verified.Load(key); ok {
		return nil
	}
	index := filepath.Join(dir, indexDir)
	err = eachInParallel(len(m.Files), func(i int) error {
		want := m.Files[i]
		_, crc, err := crcOf(filepath.Join(index, filepath.FromSlash(want.Path)))
		if err != nil {
			return damaged(dir, err.Error())
		}
		if crc != want.CRC {
			return damaged(dir, fmt.Sprintf("%s does not hold what its build wrote (CRC-32C %s, recorded %s)", want.Path, crc, want.CRC))
		}
		return nil
	})
	if err != nil {
		var first *damage
		if errors.As(err, &first) {
			return first // one file is enough to say what to do
		}
		return err
	}
	verified.Store(key, true)
	return nil
}

// verifiedKey is the memo key of a build: its directory and its files'
// sizes and times; or the damage those already show (a file missing, not
// regular, or of another size than its build wrote).
func verifiedKey(dir string, m *Manifest) (string, error) {
	index := filepath.Join(dir, indexDir)
	if len(m.Files) == 0 {
		return "", damaged(dir, "its manifest records none of its files")
	}
	var stamp strings.Builder
	for _, want := range m.Files {
		path := filepath.Join(index, filepath.FromSlash(want.Path))
		info, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return "", damaged(dir, fmt.Sprintf("%s is missing", want.Path))
		case err != nil:
			return "", damaged(dir, err.Error())
		case !info.Mode().IsRegular():
			return "", damaged(dir, fmt.Sprintf("%s is not a regular file", want.Path))
		case info.Size() != want.Size:
			return "", damaged(dir, fmt.Sprintf("%s has %d bytes, its build wrote %d", want.Path, info.Size(), want.Size))
		}
		fmt.Fprintf(&stamp, "%s %d %d\n", want.Path, info.Size(), info.ModTime().UnixNano())
	}
	return dir + "\x00" + stamp.String(), nil
}

// rememberBuilt marks a build this process has just written as verified:
// the CRCs in its manifest were read from its files once they were written
// (sumFiles), so its first open need not read them all again.
func rememberBuilt(dir string, m *Manifest) {
	if key, err := verifiedKey(dir, m); err == nil {
		verified.Store(key, true)
	}
}

// damage is an ErrDamaged with what is wrong.
type damage struct{ dir, what string }

func damaged(dir, what string) error { return &damage{dir, what} }

func (d *damage) Error() string {
	return fmt.Sprintf("indexer: %s: %v: %s", d.dir, ErrDamaged, d.what)
}

func (d *damage) Unwrap() error { return ErrDamaged }
