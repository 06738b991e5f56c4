package corpus

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// utf8BOM makes spreadsheet programs (Excel in particular) read CSV as UTF-8.
const utf8BOM = "\ufeff"

// WriteFiguresCSV writes figures as CSV with a header row, UTF-8 with a BOM
// so that a spreadsheet opens the Chinese text correctly.
func WriteFiguresCSV(w io.Writer, figs []*Figure) error {
	rows := [][]string{{"id", "report", "indicator", "value", "unit", "normalized", "base_unit", "qualifier", "kind", "measure", "year", "domains", "paragraph_id", "sentence"}}
	for _, f := range figs {
		rows = append(rows, []string{f.ID, f.ReportLabel, f.Indicator, formatNumber(f.Value), f.Unit, formatNumber(f.Normalized), f.BaseUnit,
			f.Qualifier, string(f.Kind), string(f.Measure), itoaOrEmpty(f.Year), strings.Join(f.Domains, "、"), f.ParagraphID, f.Sentence})
	}
	return writeCSV(w, rows)
}

// WriteCommitmentsCSV writes commitments as CSV (UTF-8 with a BOM).
func WriteCommitmentsCSV(w io.Writer, cs []*Commitment) error {
	rows := [][]string{{"id", "report", "year", "strength", "domains", "figures", "paragraph_id", "text"}}
	for _, c := range cs {
		rows = append(rows, []string{c.ID, c.ReportLabel, itoaOrEmpty(c.Year), c.Strength, strings.Join(c.Domains, "、"),
			strings.Join(c.Figures, " "), c.ParagraphID, c.Text})
	}
	return writeCSV(w, rows)
}

// WriteComparisonsCSV writes plan/result pairs as CSV (UTF-8 with a BOM).
func WriteComparisonsCSV(w io.Writer, cs []Comparison) error {
	rows := [][]string{{"indicator", "target_year", "target", "target_normalized", "result_year", "result", "result_normalized", "base_unit", "change", "target_report", "result_report", "target_id", "result_id"}}
	for _, c := range cs {
		rows = append(rows, []string{c.Indicator, itoaOrEmpty(c.Target.Year), c.Target.Text, formatNumber(c.Target.Normalized),
			itoaOrEmpty(c.Result.Year), c.Result.Text, formatNumber(c.Result.Normalized), c.Target.BaseUnit, formatNumber(c.Change),
			c.Target.ReportLabel, c.Result.ReportLabel, c.Target.ID, c.Result.ID})
	}
	return writeCSV(w, rows)
}

func writeCSV(w io.Writer, rows [][]string) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// formatNumber prints a float without exponent and without trailing zeros.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
