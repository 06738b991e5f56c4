// Package golden compares what a test makes with a golden file reviewed
// and committed in testdata, and rewrites the file when the test runs with
// -update. Golden files here are line-oriented: each line is one item (a
// figure, an answer, a ranking, a response) keyed by its first
// tab-separated field, and a failure names every item that changed,
// appeared or went — not a count that would let some change unnoticed.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// Check compares got with the golden file (after writing it, under -update)
// and fails the test for every keyed line that differs. It reports whether
// they are equal.
func Check(t testing.TB, file string, got []byte) bool {
	t.Helper()
	want, ok := read(t, file, got)
	if ok {
		return true
	}
	for _, d := range keyedDiff(string(want), string(got)) {
		t.Errorf("%s: %s", file, d)
	}
	return false
}

// CheckLines is Check for files whose lines have no keys (an HTML page, an
// outline): it fails with the lines that differ, at most max of them.
func CheckLines(t testing.TB, file string, got []byte, max int) bool {
	t.Helper()
	want, ok := read(t, file, got)
	if ok {
		return true
	}
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl && shown < max {
			t.Errorf("%s line %d:\n- %s\n+ %s", file, i+1, wl, gl)
			shown++
		}
	}
	return false
}

// read writes got under -update and returns the golden file's content and
// whether it equals got.
func read(t testing.TB, file string, got []byte) ([]byte, bool) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return got, true
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	return want, bytes.Equal(want, got)
}

// keyedDiff compares two files whose lines begin with a key and a tab, and
// names each key whose line changed, appeared or went.
func keyedDiff(want, got string) []string {
	index := func(s string) (map[string]string, []string) {
		m := map[string]string{}
		var keys []string
		for _, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
			key, _, _ := strings.Cut(line, "\t")
			if _, dup := m[key]; !dup {
				keys = append(keys, key)
			}
			m[key] = line
		}
		return m, keys
	}
	w, wkeys := index(want)
	g, gkeys := index(got)
	var out []string
	for _, k := range wkeys {
		switch gl, ok := g[k]; {
		case !ok:
			out = append(out, "gone: "+w[k])
		case gl != w[k]:
			out = append(out, "changed:\n- "+w[k]+"\n+ "+gl)
		}
	}
	for _, k := range gkeys {
		if _, ok := w[k]; !ok {
			out = append(out, "new: "+g[k])
		}
	}
	if len(out) == 0 && want != got {
		out = append(out, "the same lines, in another order")
	}
	return out
}
