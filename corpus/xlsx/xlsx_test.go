package xlsx

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"reportsearch/corpus"
)

// TestEveryColumnHasATitle: a spreadsheet shows no machine name.
func TestEveryColumnHasATitle(t *testing.T) {
	for name, cols := range map[string][]string{
		"figures": corpus.FigureTable.Columns, "commitments": corpus.CommitmentTable.Columns,
		"comparisons": corpus.ComparisonTable.Columns, "tracked": corpus.TrackedTable.Columns,
	} {
		for _, c := range cols {
			if _, ok := columns[c]; !ok {
				t.Errorf("%s: column %s has no title in columns.tsv", name, c)
			}
		}
	}
}

// TestWorkbook writes figures of the embedded report and reads them back:
// text stays text (a cell that starts with = is not a formula), numbers
// are numbers, the header is frozen and filtered.
func TestWorkbook(t *testing.T) {
	r, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	var figs []*corpus.Figure
	for f := range r.Figures() {
		figs = append(figs, f)
	}
	hostile := *figs[0]
	hostile.Indicator = "=HYPERLINK(\"http://example.com\")"
	figs = append(figs, &hostile)
	var buf bytes.Buffer
	if err := WriteAll(&buf, corpus.FigureTable, SafeSheetName("数据/2022"), figs); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	sheet := book.GetSheetName(0)
	if sheet != "数据_2022" {
		t.Errorf("sheet %q", sheet)
	}
	rows, err := book.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(figs)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(figs)+1)
	}
	last := len(rows)
	if f, _ := book.GetCellFormula(sheet, "C"+itoa(last)); f != "" {
		t.Errorf("report text became the formula %q", f)
	}
	if v, _ := book.GetCellValue(sheet, "C"+itoa(last)); v != hostile.Indicator {
		t.Errorf("text cell %q, want %q", v, hostile.Indicator)
	}
	if typ, _ := book.GetCellType(sheet, "F2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Error("normalized is a text cell")
	}
	panes, err := book.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
