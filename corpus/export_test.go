package corpus

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestCSVNeutralizesFormulas: report text a spreadsheet would evaluate
// (=, +, -, @, tab, CR first) is exported with a leading ', in every
// export, while number cells stay numbers, formatted as people write them.
func TestCSVNeutralizesFormulas(t *testing.T) {
	carriesText := map[string]bool{"indicator": true, "sentence": true, "report": true, "text": true, "target_report": true, "result_report": true}
	hostile := []string{"=HYPERLINK(\"http://x\",\"点击\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"}
	for _, text := range hostile {
		fig := &Figure{ID: "r/p1/f1", Indicator: text, Value: -0.10000000000000053, Normalized: 1.7000000000000002, Sentence: text, ParagraphID: "r/p1", ReportLabel: text, Year: 2023}
		com := &Commitment{ID: "r/p1/c1", Text: text, ParagraphID: "r/p1", ReportLabel: text}
		cmp := Comparison{Indicator: text, Target: fig, Result: fig, Change: -0.10000000000000053}
		for name, write := range map[string]func(*bytes.Buffer) error{
			"figures":     func(b *bytes.Buffer) error { return WriteFiguresCSV(b, []*Figure{fig}) },
			"commitments": func(b *bytes.Buffer) error { return WriteCommitmentsCSV(b, []*Commitment{com}) },
			"comparisons": func(b *bytes.Buffer) error { return WriteComparisonsCSV(b, []Comparison{cmp}) },
		} {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), utf8BOM))).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			header, row := rows[0], rows[1]
			for i, cell := range row {
				switch header[i] {
				case "value", "change":
					if cell != "-0.1" {
						t.Errorf("%s %s = %q, want -0.1 (a number, formatted)", name, header[i], cell)
					}
				case "normalized", "target_normalized", "result_normalized":
					if cell != "1.7" {
						t.Errorf("%s %s = %q, want 1.7", name, header[i], cell)
					}
				default:
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						t.Errorf("%s %s = %q: a spreadsheet evaluates it", name, header[i], cell)
					}
					if carriesText[header[i]] && cell != "'"+text {
						t.Errorf("%s %s = %q, want %q", name, header[i], cell, "'"+text)
					}
				}
			}
		}
	}
}
