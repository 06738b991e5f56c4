package corpus

import (
	"encoding/csv"
	"io"
	"slices"
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

// numericColumns are the columns whose cells are numbers this program
// formats; every other cell is text from a report, and is neutralized.
var numericColumns = []string{"value", "normalized", "target_normalized", "result_normalized", "change", "year", "target_year", "result_year"}

// writeCSV writes the rows, the first a header. A text cell that a
// spreadsheet would take for a formula — report text can begin with =, +,
// -, @, a tab or a carriage return — is prefixed with ', as OWASP's advice
// on CSV injection says, so it shows as the text it is; number cells are
// left numbers.
func writeCSV(w io.Writer, rows [][]string) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	var numeric []bool
	if len(rows) > 0 {
		for _, name := range rows[0] {
			numeric = append(numeric, slices.Contains(numericColumns, name))
		}
	}
	cw := csv.NewWriter(w)
	for i, row := range rows {
		if i > 0 {
			for j, cell := range row {
				if j >= len(numeric) || !numeric[j] {
					row[j] = neutralized(cell)
				}
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// neutralized is a text cell that no spreadsheet evaluates.
func neutralized(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// formatNumber prints a float without exponent and without trailing zeros,
// to 12 significant digits: arithmetic on figures leaves binary noise
// (5.3-5.4 is -0.10000000000000053) that no report stated.
func formatNumber(v float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		r = v
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
