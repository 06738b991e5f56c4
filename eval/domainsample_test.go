package eval

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"reportsearch/internal/testindex"
)

// domainSampleDir holds the judged sample of paragraph domains: two halves
// split by report, and the names a row may use.
var domainSampleDir = filepath.Join("testdata", "domains")

// prefixRunes is how many characters of its line a row quotes, so that a
// paragraph can be found again if lines move.
const prefixRunes = 24

// firstRunes is the first n characters of s, or all of a shorter s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// TestDomainSampleWellFormed checks the judged domain sample against the
// reports it cites: every row points at an existing line whose first 24
// characters (all of a shorter line) are the row's prefix, carries 1 to 3 distinct names from
// names.txt, no paragraph is judged twice, and no report is in both halves.
// If a report's text is re-extracted and lines move, this fails and the line
// numbers are to be found again by their prefix.
func TestDomainSampleWellFormed(t *testing.T) {
	names := map[string]bool{}
	raw, err := os.ReadFile(filepath.Join(domainSampleDir, "names.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(raw), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			names[l] = true
		}
	}
	half := map[string]string{} // report → the half it is in
	seen := map[string]bool{}   // report:line judged already
	lines := map[string][]string{}
	for _, name := range []string{"tune.tsv", "test.tsv"} {
		f, err := os.Open(filepath.Join(domainSampleDir, name))
		if err != nil {
			t.Fatal(err)
		}
		rows := 0
		err = eachTSVLine(f, func(n int, line string) error {
			rows++
			fields := strings.Split(line, "\t")
			if len(fields) != 5 {
				t.Errorf("%s:%d: %d fields, want 5", name, n, len(fields))
				return nil
			}
			report, prefix, domains := fields[0], fields[2], fields[3]
			if h, ok := half[report]; ok && h != name {
				t.Errorf("%s:%d: %s is also in %s", name, n, report, h)
			}
			half[report] = name
			if _, ok := lines[report]; !ok {
				text, err := os.ReadFile(filepath.Join(testindex.ModuleRoot(), report))
				if err != nil {
					t.Errorf("%s:%d: %v", name, n, err)
					return nil
				}
				lines[report] = strings.Split(string(text), "\n")
			}
			num, err := strconv.Atoi(fields[1])
			if err != nil || num < 1 || num > len(lines[report]) {
				t.Errorf("%s:%d: line %q outside %s", name, n, fields[1], report)
				return nil
			}
			key := report + ":" + fields[1]
			if seen[key] {
				t.Errorf("%s:%d: %s judged twice", name, n, key)
			}
			seen[key] = true
			text := strings.TrimRight(lines[report][num-1], "\r")
			if want := firstRunes(text, prefixRunes); prefix != want {
				t.Errorf("%s:%d: prefix %q, but %s line %d begins %q", name, n, prefix, report, num, want)
			}
			ds := strings.Split(domains, "、")
			if len(ds) < 1 || len(ds) > 3 {
				t.Errorf("%s:%d: %d domains, want 1 to 3", name, n, len(ds))
			}
			dup := map[string]bool{}
			for _, d := range ds {
				if !names[d] {
					t.Errorf("%s:%d: unknown domain %q", name, n, d)
				}
				if dup[d] {
					t.Errorf("%s:%d: domain %q twice", name, n, d)
				}
				dup[d] = true
			}
			return nil
		})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if rows < 75 {
			t.Errorf("%s: %d rows, want at least 75", name, rows)
		}
	}
}
