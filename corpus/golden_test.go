package corpus

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"reportsearch/internal/golden"
)

// realReports are every test report and the embedded one: the real reports
// the tests over all reports read, and whose outlines and figures are kept
// as golden files.
func realReports(t *testing.T) []string {
	return append(testReports(t), filepath.Join("reports", DefaultName))
}

// TestGoldenOutlines compares each real report's outline with the one
// reviewed and committed in testdata/golden. After an intended parser change,
// run `go test ./corpus -run Golden -update` and review the diff.
func TestGoldenOutlines(t *testing.T) {
	for _, f := range realReports(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			r, err := readShared(f)
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
			golden.CheckLines(t, filepath.Join("testdata", "golden", name+".outline"), got.Bytes(), 40)
		})
	}
}

// TestGoldenFigures compares every figure extracted from each real report
// with testdata/golden/<report>.figures.tsv, one line a figure keyed by its
// ID: a change to the figure rules shows, figure by figure, what it altered.
// After an intended change, run `go test ./corpus -run GoldenFigures
// -update` and review the diff.
func TestGoldenFigures(t *testing.T) {
	for _, f := range realReports(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			r, err := readShared(f)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "golden", name+".figures.tsv"), figuresTSV(r))
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
