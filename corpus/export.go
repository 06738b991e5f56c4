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

// An export is a Table: its columns and how a row fills them. CSVWriter
// writes one a row at a time, so that a server streams a long list
// instead of holding it; package corpus/xlsx writes one as a spreadsheet.

// Table is the columns of an export of T and the cells of a row of it.
type Table[T any] struct {
	Columns []string // machine names, the CSV header: indicator, target_year …
	Row     func(T) []string
}

// Numeric reports whether column j holds numbers this program formats;
// every other cell is text from a report.
func (t Table[T]) Numeric(j int) bool { return slices.Contains(numericColumns, t.Columns[j]) }

// CSVWriter writes rows of one kind as CSV: UTF-8 with a BOM, so that a
// spreadsheet opens the Chinese text correctly, and a header row. A text
// cell that a spreadsheet would take for a formula — report text can begin
// with =, +, -, @, a tab or a carriage return — is prefixed with ', as
// OWASP's advice on CSV injection says, so it shows as the text it is;
// number cells are left numbers.
type CSVWriter[T any] struct {
	cw    *csv.Writer
	table Table[T]
}

// NewCSVWriter starts a CSV of table's rows: it writes the BOM and the header.
func NewCSVWriter[T any](w io.Writer, table Table[T]) (*CSVWriter[T], error) {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return nil, err
	}
	cw := &CSVWriter[T]{cw: csv.NewWriter(w), table: table}
	return cw, cw.cw.Write(table.Columns)
}

// Write writes one row.
func (w *CSVWriter[T]) Write(v T) error {
	cells := w.table.Row(v)
	for j, cell := range cells {
		if !w.table.Numeric(j) {
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

// FigureTable is the export of figures.
var FigureTable = Table[*Figure]{
	Columns: []string{"id", "report", "indicator", "value", "unit", "normalized", "base_unit", "qualifier", "kind", "measure", "year", "domains", "paragraph_id", "sentence"},
	Row: func(f *Figure) []string {
		return []string{f.ID, f.ReportLabel, f.Indicator, FormatDecimals(f.Value, f.Decimals()), f.Unit, FormatDecimals(f.Normalized, f.NormalizedDecimals()), f.BaseUnit,
			f.Qualifier, string(f.Kind), string(f.Measure), itoaOrEmpty(f.Year), strings.Join(f.Domains, "、"), f.ParagraphID, f.Sentence}
	},
}

// CommitmentTable is the export of commitments.
var CommitmentTable = Table[*Commitment]{
	Columns: []string{"id", "report", "year", "strength", "domains", "figures", "paragraph_id", "text"},
	Row: func(c *Commitment) []string {
		return []string{c.ID, c.ReportLabel, itoaOrEmpty(c.Year), c.Strength, strings.Join(c.Domains, "、"),
			strings.Join(c.Figures, " "), c.ParagraphID, c.Text}
	},
}

// ComparisonTable is the export of plan/result pairs.
var ComparisonTable = Table[Comparison]{
	Columns: []string{"indicator", "target_year", "target", "target_normalized", "result_year", "result", "result_normalized", "base_unit", "change", "target_report", "result_report", "target_id", "result_id"},
	Row: func(c Comparison) []string {
		return []string{c.Indicator, itoaOrEmpty(c.Target.Year), c.Target.Text, FormatDecimals(c.Target.Normalized, c.Target.NormalizedDecimals()),
			itoaOrEmpty(c.Result.Year), c.Result.Text, FormatDecimals(c.Result.Normalized, c.Result.NormalizedDecimals()), c.Target.BaseUnit, formatNumber(c.Change),
			c.Target.ReportLabel, c.Result.ReportLabel, c.Target.ID, c.Result.ID}
	},
}

// TrackedTable is the export of targets tracked to their results.
var TrackedTable = Table[Tracked]{
	Columns: []string{"place", "indicator", "measure", "year", "target", "target_normalized", "result", "result_normalized", "base_unit", "verdict", "doubts",
		"target_report", "result_report", "target_sentence", "result_sentence", "id", "target_id", "result_id"},
	Row: func(t Tracked) []string {
		row := []string{t.Place, t.Indicator, string(t.Target.Measure), itoaOrEmpty(t.Year), t.Target.Written(), FormatDecimals(t.Target.Normalized, t.Target.NormalizedDecimals()), "", "", t.Target.BaseUnit,
			t.Verdict.Label(), strings.Join(t.Doubts, "；"), t.Target.ReportLabel, "", t.Target.Sentence, "", t.ID, t.Target.ID, ""}
		if r := t.Result; r != nil {
			row[6], row[7], row[12], row[14], row[17] = r.Written(), FormatDecimals(r.Normalized, r.NormalizedDecimals()), r.ReportLabel, r.Sentence, r.ID
		}
		return row
	},
}

// FiguresCSV starts a CSV of figures.
func FiguresCSV(w io.Writer) (*CSVWriter[*Figure], error) { return NewCSVWriter(w, FigureTable) }

// CommitmentsCSV starts a CSV of commitments.
func CommitmentsCSV(w io.Writer) (*CSVWriter[*Commitment], error) {
	return NewCSVWriter(w, CommitmentTable)
}

// ComparisonsCSV starts a CSV of plan/result pairs.
func ComparisonsCSV(w io.Writer) (*CSVWriter[Comparison], error) {
	return NewCSVWriter(w, ComparisonTable)
}

// TrackedCSV starts a CSV of tracked targets.
func TrackedCSV(w io.Writer) (*CSVWriter[Tracked], error) { return NewCSVWriter(w, TrackedTable) }

// WriteFiguresCSV writes figures as CSV (see CSVWriter).
func WriteFiguresCSV(w io.Writer, figs []*Figure) error { return writeAll(w, FiguresCSV, figs) }

// WriteCommitmentsCSV writes commitments as CSV (see CSVWriter).
func WriteCommitmentsCSV(w io.Writer, cs []*Commitment) error { return writeAll(w, CommitmentsCSV, cs) }

// WriteComparisonsCSV writes plan/result pairs as CSV (see CSVWriter).
func WriteComparisonsCSV(w io.Writer, cs []Comparison) error { return writeAll(w, ComparisonsCSV, cs) }

// WriteTrackedCSV writes tracked targets as CSV (see CSVWriter).
func WriteTrackedCSV(w io.Writer, ts []Tracked) error { return writeAll(w, TrackedCSV, ts) }

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
