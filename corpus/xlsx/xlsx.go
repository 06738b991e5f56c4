package xlsx

import (
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"reportsearch/corpus"
	"reportsearch/lexicon"
)

// ContentType is the media type of a workbook.
const ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

//go:embed columns.tsv
var columnsFile []byte

// column is how a spreadsheet shows a table column.
type column struct {
	title string
	width float64
}

var columns = func() map[string]column {
	rows, err := lexicon.ParseTable("columns.tsv", columnsFile, "name", "title", "width")
	if err != nil {
		panic("xlsx: " + err.Error()) // a build defect, caught by tests
	}
	m := make(map[string]column, len(rows))
	for _, r := range rows {
		w, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			panic("xlsx: columns.tsv: width of " + r[0] + ": " + err.Error())
		}
		m[r[0]] = column{r[1], w}
	}
	return m
}()

// Title is the Chinese title of a table column, its name when it has none.
func Title(name string) string {
	if c, ok := columns[name]; ok {
		return c.title
	}
	return name
}

// Writer writes the rows of one table to a one-sheet workbook.
type Writer[T any] struct {
	file  *excelize.File
	sw    *excelize.StreamWriter
	table corpus.Table[T]
	next  int // the row the next Write fills
}

// New starts a workbook of table's rows on a sheet named sheet.
func New[T any](table corpus.Table[T], sheet string) (*Writer[T], error) {
	sheet = SafeSheetName(sheet)
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		f.Close()
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF4"}}})
	if err != nil {
		f.Close()
		return nil, err
	}
	header := make([]any, len(table.Columns))
	for j, name := range table.Columns {
		c, ok := columns[name]
		if !ok {
			c = column{name, 12}
		}
		if err := sw.SetColWidth(j+1, j+1, c.width); err != nil {
			f.Close()
			return nil, err
		}
		header[j] = excelize.Cell{Value: c.title, StyleID: bold}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		f.Close()
		return nil, err
	}
	if err := sw.SetRow("A1", header); err != nil {
		f.Close()
		return nil, err
	}
	return &Writer[T]{file: f, sw: sw, table: table, next: 2}, nil
}

// Write adds one row. A number column's cell is a number; every other
// cell is text, which a spreadsheet never evaluates as a formula.
func (w *Writer[T]) Write(v T) error {
	cells := w.table.Row(v)
	row := make([]any, len(cells))
	for j, cell := range cells {
		row[j] = cell
		if w.table.Numeric(j) && cell != "" {
			if n, err := strconv.ParseFloat(cell, 64); err == nil {
				row[j] = n
			}
		}
	}
	at, err := excelize.CoordinatesToCellName(1, w.next)
	if err != nil {
		return err
	}
	w.next++
	return w.sw.SetRow(at, row)
}

// Close finishes the workbook, writes it to out and frees it.
func (w *Writer[T]) Close(out io.Writer) error {
	defer w.file.Close()
	if err := w.sw.Flush(); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(w.table.Columns), max(w.next-1, 1))
	if err != nil {
		return err
	}
	sheet := w.file.GetSheetName(0)
	if err := w.file.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return fmt.Errorf("xlsx: autofilter: %w", err)
	}
	_, err = w.file.WriteTo(out)
	return err
}

// Abort frees a workbook that will not be written.
func (w *Writer[T]) Abort() { w.file.Close() }

// WriteAll writes rows as a workbook to out.
func WriteAll[T any](out io.Writer, table corpus.Table[T], sheet string, rows []T) error {
	w, err := New(table, sheet)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Close(out)
}

// SafeSheetName is name as a sheet may be named: at most 31 characters,
// none of []:*?/\.
func SafeSheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, name)
	if rs := []rune(name); len(rs) > 31 {
		name = string(rs[:31])
	}
	return name
}
