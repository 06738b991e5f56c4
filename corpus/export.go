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

// A CSV export is a header and a row function: CSVWriter writes it a row
// at a time, so that a server streams a long list instead of holding it.

// CSVWriter writes rows of one kind as CSV: UTF-8 with a BOM, so that a
// spreadsheet opens the Chinese text correctly, and a header row. A text
// cell that a spreadsheet would take for a formula — report text can begin
// with =, +, -, @, a tab or a carriage return — is prefixed with ', as
// OWASP's advice on CSV injection says, so it shows as the text it is;
// number cells are left numbers.
type CSVWriter[T any] struct {
	cw      *csv.Writer
	numeric []bool // by column
	row     func(T) []string
}

func newCSVWriter[T any](w io.Writer, header []string, row func(T) []string) (*CSVWriter[T], error) {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return nil, err
	}
	cw := &CSVWriter[T]{cw: csv.NewWriter(w), row: row}
	for _, name := range header {
		cw.numeric = append(cw.numeric, slices.Contains(numericColumns, name))
	}
	return cw, cw.cw.Write(header)
}

// Write writes one row.
func (w *CSVWriter[T]) Write(v T) error {
	cells := w.row(v)
	for j, cell := range cells {
		if !w.numeric[j] {
			cells[j] = neutralized(cell)
		}
	}
	return w.cw.Write(cells)
}

// Flush writes what is buffered and reports any error of the writes.
func (w *CSVWriter[T]) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}

// numericColumns are the columns whose cells are numbers this program
// formats; every other cell is text from a report, and is neutralized.
var numericColumns = []string{"value", "normalized", "target_normalized", "result_normalized", "change", "year", "target_year", "result_year"}

// FiguresCSV starts a CSV of figures.
func FiguresCSV(w io.Writer) (*CSVWriter[*Figure], error) {
	return newCSVWriter(w, []string{"id", "report", "indicator", "value", "unit", "normalized", "base_unit", "qualifier", "kind", "measure", "year", "domains", "paragraph_id", "sentence"},
		func(f *Figure) []string {
			return []string{f.ID, f.ReportLabel, f.Indicator, formatNumber(f.Value), f.Unit, formatNumber(f.Normalized), f.BaseUnit,
				f.Qualifier, string(f.Kind), string(f.Measure), itoaOrEmpty(f.Year), strings.Join(f.Domains, "、"), f.ParagraphID, f.Sentence}
		})
}

// CommitmentsCSV starts a CSV of commitments.
func CommitmentsCSV(w io.Writer) (*CSVWriter[*Commitment], error) {
	return newCSVWriter(w, []string{"id", "report", "year", "strength", "domains", "figures", "paragraph_id", "text"},
		func(c *Commitment) []string {
			return []string{c.ID, c.ReportLabel, itoaOrEmpty(c.Year), c.Strength, strings.Join(c.Domains, "、"),
				strings.Join(c.Figures, " "), c.ParagraphID, c.Text}
		})
}

// ComparisonsCSV starts a CSV of plan/result pairs.
func ComparisonsCSV(w io.Writer) (*CSVWriter[Comparison], error) {
	return newCSVWriter(w, []string{"indicator", "target_year", "target", "target_normalized", "result_year", "result", "result_normalized", "base_unit", "change", "target_report", "result_report", "target_id", "result_id"},
		func(c Comparison) []string {
			return []string{c.Indicator, itoaOrEmpty(c.Target.Year), c.Target.Text, formatNumber(c.Target.Normalized),
				itoaOrEmpty(c.Result.Year), c.Result.Text, formatNumber(c.Result.Normalized), c.Target.BaseUnit, formatNumber(c.Change),
				c.Target.ReportLabel, c.Result.ReportLabel, c.Target.ID, c.Result.ID}
		})
}

// WriteFiguresCSV writes figures as CSV (see CSVWriter).
func WriteFiguresCSV(w io.Writer, figs []*Figure) error { return writeAll(w, FiguresCSV, figs) }

// WriteCommitmentsCSV writes commitments as CSV (see CSVWriter).
func WriteCommitmentsCSV(w io.Writer, cs []*Commitment) error { return writeAll(w, CommitmentsCSV, cs) }

// WriteComparisonsCSV writes plan/result pairs as CSV (see CSVWriter).
func WriteComparisonsCSV(w io.Writer, cs []Comparison) error { return writeAll(w, ComparisonsCSV, cs) }

func writeAll[T any](w io.Writer, start func(io.Writer) (*CSVWriter[T], error), rows []T) error {
	cw, err := start(w)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	return cw.Flush()
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
