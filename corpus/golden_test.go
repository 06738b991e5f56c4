package corpus

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenReports are the real reports whose outlines and figures are kept as
// golden files: every test report and the embedded one.
func goldenReports(t *testing.T) []string {
	return append(testReports(t), filepath.Join("reports", DefaultName))
}

// TestGoldenOutlines compares each real report's outline with the one
// reviewed and committed in testdata/golden. After an intended parser change,
// run `go test ./corpus -run Golden -update` and review the diff.
func TestGoldenOutlines(t *testing.T) {
	for _, f := range goldenReports(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			r, err := ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := r.WriteOutline(&got); err != nil {
				t.Fatal(err)
			}
			for _, d := range r.Dropped {
				got.WriteString("dropped " + d.Reason + ": " + d.Text + "\n")
			}
			golden := filepath.Join("testdata", "golden", name+".outline")
			if checkGoldenFile(t, golden, got.Bytes()) {
				return
			}
			want, _ := os.ReadFile(golden)
			t.Errorf("outline differs from %s:\n%s", golden, lineDiff(string(want), got.String()))
		})
	}
}

// TestGoldenFigures compares every figure extracted from each real report
// with testdata/golden/<report>.figures.tsv, one line a figure keyed by its
// ID: a change to the figure rules shows, figure by figure, what it altered.
// After an intended change, run `go test ./corpus -run GoldenFigures
// -update` and review the diff.
func TestGoldenFigures(t *testing.T) {
	for _, f := range goldenReports(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			r, err := ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := figuresTSV(r)
			golden := filepath.Join("testdata", "golden", name+".figures.tsv")
			if checkGoldenFile(t, golden, got) {
				return
			}
			want, _ := os.ReadFile(golden)
			for _, d := range keyedDiff(string(want), string(got)) {
				t.Error(d)
			}
		})
	}
}

// figuresTSV writes a report's figures one a line: ID, span, the text as
// written, value and lower bound, unit, normalized value in its base unit,
// unit class, qualifier, kind, measure, year or period, domains, indicator.
func figuresTSV(r *Report) []byte {
	var b bytes.Buffer
	b.WriteString("# id\tspan\ttext\tvalue\tlow\tunit\tnormalized\tbase_unit\tclass\tqualifier\tkind\tmeasure\tyear\tdomains\tindicator\n")
	for f := range r.Figures() {
		low := ""
		if f.Low != nil {
			low = strconv.FormatFloat(*f.Low, 'g', -1, 64)
		}
		when := strconv.Itoa(f.Year)
		if !f.Period.IsZero() {
			when = f.Period.String()
		}
		fields := []string{
			f.ID, fmt.Sprintf("%d-%d", f.Start, f.End), f.Text, strconv.FormatFloat(f.Value, 'g', -1, 64), low, f.Unit,
			strconv.FormatFloat(f.Normalized, 'g', -1, 64), f.BaseUnit, string(f.Class), f.Qualifier, string(f.Kind),
			string(f.Measure), when, strings.Join(f.Domains, "、"), f.Indicator,
		}
		b.WriteString(strings.Join(fields, "\t") + "\n")
	}
	return b.Bytes()
}

// checkGoldenFile writes got to the golden file under -update and reports
// true; otherwise it reports whether the file holds exactly got, failing
// the test when the file cannot be read.
func checkGoldenFile(t *testing.T, golden string, got []byte) bool {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return true
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	return bytes.Equal(want, got)
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
		out = append(out, "the lines are the same but their order changed")
	}
	return out
}

// lineDiff lists the lines that differ, for a readable failure.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
		}
	}
	return b.String()
}
