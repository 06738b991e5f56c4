package indexer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestDamagedIndexIsRefusedAndRebuilt damages a built index in each way a
// disk, a copy or a user does, and checks that Open refuses it with an
// error naming the file and the way out — never a panic inside bleve —
// and that Ensure, with no reports given, rebuilds it from the reports its
// manifest lists.
func TestDamagedIndexIsRefusedAndRebuilt(t *testing.T) {
	cases := []struct {
		name   string
		file   func(index string) string // the file to damage
		damage func(t *testing.T, path string)
		says   string
	}{
		{"flipped bytes in a segment", largestSegment, flipMiddle, "does not hold what its build wrote"},
		{"truncated segment", largestSegment, truncateHalf, "bytes, its build wrote"},
		{"empty segment", largestSegment, func(t *testing.T, p string) { writeFile(t, p, nil) }, "has 0 bytes"},
		{"empty root.bolt", func(index string) string { return filepath.Join(index, "store", "root.bolt") },
			func(t *testing.T, p string) { writeFile(t, p, nil) }, "store/root.bolt has 0 bytes"},
		{"missing segment", largestSegment, func(t *testing.T, p string) { must(t, os.Remove(p)) }, "is missing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newEnsureFixture(t)
			if _, _, _, err := f.ensure(f.sources(), EnsureOptions{}); err != nil {
				t.Fatal(err)
			}
			idx, m, err := Open(f.root)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := idx.DocCount()
			idx.Close()
			_, dir, _ := Current(f.root)
			path := c.file(filepath.Join(dir, indexDir))
			c.damage(t, path)

			_, _, err = Open(f.root)
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("Open of a damaged index = %v, want ErrDamaged", err)
			}
			for _, s := range []string{c.says, "index --force"} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("Open: %v\nwant it to say %q", err, s)
				}
			}

			built, reason, _, err := f.ensure(nil, EnsureOptions{})
			if err != nil || !built || !strings.Contains(reason, "damaged") {
				t.Fatalf("Ensure(nil) on a damaged index: built %v (%q), %v; want it rebuilt from the reports its manifest lists", built, reason, err)
			}
			idx, again, err := Open(f.root)
			if err != nil {
				t.Fatalf("Open after the rebuild: %v", err)
			}
			defer idx.Close()
			if n, _ := idx.DocCount(); n != want || again.Corpus != m.Corpus {
				t.Errorf("rebuilt index holds %d documents of corpus %s, want %d of %s", n, again.Corpus, want, m.Corpus)
			}
		})
	}
}

// TestBuildRecordsItsFiles checks that a manifest lists every file of its
// index, with sizes that match.
func TestBuildRecordsItsFiles(t *testing.T) {
	f := newEnsureFixture(t)
	m, _, err := Ensure(context.Background(), f.root, f.sources(), EnsureOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, dir, _ := Current(f.root)
	sums, err := sumFiles(filepath.Join(dir, indexDir))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) == 0 || len(sums) != len(m.Files) {
		t.Fatalf("manifest records %d files, the index has %d", len(m.Files), len(sums))
	}
	for i, s := range sums {
		if s != m.Files[i] {
			t.Errorf("file %d: on disk %+v, recorded %+v", i, s, m.Files[i])
		}
	}
	if !strings.Contains(strings.Join(pathsOf(m.Files), " "), "root.bolt") {
		t.Errorf("the recorded files %v lack root.bolt", pathsOf(m.Files))
	}
}

func pathsOf(files []FileSum) []string {
	var ps []string
	for _, f := range files {
		ps = append(ps, f.Path)
	}
	return ps
}

// largestSegment is the biggest zap file of an index.
func largestSegment(index string) string {
	segs, _ := filepath.Glob(filepath.Join(index, "store", "*.zap"))
	best, size := "", int64(-1)
	for _, s := range segs {
		if info, err := os.Stat(s); err == nil && info.Size() > size {
			best, size = s, info.Size()
		}
	}
	return best
}

func flipMiddle(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	must(t, err)
	for i := len(data) / 3; i < len(data)/3+16 && i < len(data); i++ {
		data[i] ^= 0xff
	}
	writeFile(t, path, data)
}

func truncateHalf(t *testing.T, path string) {
	info, err := os.Stat(path)
	must(t, err)
	must(t, os.Truncate(path, info.Size()/2))
}

func writeFile(t *testing.T, path string, data []byte) {
	must(t, os.WriteFile(path, data, 0o644))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestWaitForAnotherBuildEndsWithContext: a build waiting for another's
// lock stops when its context does (a signal), instead of blocking in
// flock until the other build ends.
func TestWaitForAnotherBuildEndsWithContext(t *testing.T) {
	f := newEnsureFixture(t)
	unlock, err := lockRoot(context.Background(), f.root)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, _, err = Ensure(ctx, f.root, f.sources(), EnsureOptions{})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "another build") {
		t.Errorf("Ensure while another build holds the lock: %v", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v to stop", took)
	}
}

// TestKilledBuildsDoNotPushOutTheLastGoodOne: builds killed before their
// manifest was written are removed when the next build starts, never
// count among the builds kept, and the complete build before the new one
// stays for the readers that may hold it.
func TestKilledBuildsDoNotPushOutTheLastGoodOne(t *testing.T) {
	f := newEnsureFixture(t)
	if _, err := Build(context.Background(), f.root, f.sources(), Options{}); err != nil {
		t.Fatal(err)
	}
	good := filepath.Base(mustCurrentDir(t, f.root))
	var killed []string
	for i := range 3 {
		k := filepath.Join(f.root, buildsDir, fmt.Sprintf("%s-killed%d", good, i))
		must(t, os.MkdirAll(filepath.Join(k, indexDir, "store"), 0o755))
		writeFile(t, filepath.Join(k, indexDir, "store", "00000001.zap"), make([]byte, 1<<16))
		killed = append(killed, k)
	}
	f.write(smallReport + "三、附件\n新增绿地2公顷。\n")
	if _, err := Build(context.Background(), f.root, f.sources(), Options{}); err != nil {
		t.Fatal(err)
	}
	for _, k := range killed {
		if fileExists(k) {
			t.Errorf("the killed build %s is still there", filepath.Base(k))
		}
	}
	names := buildNames(f.root)
	current := filepath.Base(mustCurrentDir(t, f.root))
	if len(names) != keepBuilds || !slices.Contains(names, good) || !slices.Contains(names, current) || current == good {
		t.Errorf("builds %v (current %s): want the new build and the good one before it, %s", names, current, good)
	}
}

// TestAnOlderFormatIsStaleNotDamaged: a manifest of an earlier format,
// written before builds recorded their files, makes the index stale — it
// is rebuilt for the format, or, with its reports gone, refused as such —
// and is never called damaged.
func TestAnOlderFormatIsStaleNotDamaged(t *testing.T) {
	f := newEnsureFixture(t)
	if _, _, _, err := f.ensure(f.sources(), EnsureOptions{}); err != nil {
		t.Fatal(err)
	}
	older := func(m map[string]any) { delete(m, "files"); m["format"] = FormatVersion - 2 }
	f.editManifest(older)
	built, reason, _, err := f.ensure(nil, EnsureOptions{})
	if err != nil || !built || !strings.Contains(reason, "index format") || strings.Contains(reason, "damaged") {
		t.Errorf("an older format with its reports: built %v, reason %q, %v", built, reason, err)
	}
	f.editManifest(older)
	must(t, os.Remove(f.report))
	_, _, _, err = f.ensure(nil, EnsureOptions{})
	if !errors.Is(err, ErrSourcesGone) || errors.Is(err, ErrDamaged) {
		t.Errorf("an older format without its reports: %v, want ErrSourcesGone", err)
	}
}
