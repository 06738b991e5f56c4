package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"reportsearch/corpus"
	"reportsearch/corpus/xlsx"
)

// trackSeries are two real series (a province's and the State Council's
// reports over three years) loaded together.
var trackSeries = []string{
	"../../corpus/testdata/reports/dev/prov_hebei_2021_gwr.txt",
	"../../corpus/testdata/reports/dev/prov_hebei_2022_gwr.txt",
	"../../corpus/testdata/reports/dev/prov_hebei_2023_gwr.txt",
	"../../corpus/testdata/reports/dev/national_2014_gwr.txt",
	"../../corpus/testdata/reports/dev/national_2015_gwr.txt",
	"../../corpus/testdata/reports/dev/national_2016_gwr.txt",
}

func trackJSON(t *testing.T, args ...string) []corpus.Tracked {
	t.Helper()
	out, stderr, err := runCLI(t, append([]string{"track", "--json", "--reports", strings.Join(trackSeries, ",")}, args...)...)
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	var ts []corpus.Tracked
	if err := json.Unmarshal([]byte(out), &ts); err != nil {
		t.Fatal(err)
	}
	return ts
}

// TestTrackCLI: a place's targets only, each paired within its place and
// year, and the national series' GDP target of 2015 tracked to the 2016
// report's result.
func TestTrackCLI(t *testing.T) {
	all := trackJSON(t)
	places := map[string]int{}
	for _, tr := range all {
		places[tr.Place]++
		if r := tr.Result; r != nil && (r.Year != tr.Year || corpus.ReportOfID(r.ParagraphID) == corpus.ReportOfID(tr.Target.ParagraphID)) {
			t.Errorf("%s (%d) paired with %s (%d)", tr.Target.ID, tr.Year, r.ID, r.Year)
		}
	}
	if places["全国"] == 0 || places["河北省"] == 0 || len(places) != 2 {
		t.Fatalf("places %v, want 全国 and 河北省", places)
	}
	national := trackJSON(t, "--place", "全国", "--year", "2015", "国内生产总值")
	found := false
	for _, tr := range national {
		if tr.Place != "全国" || tr.Year != 2015 {
			t.Errorf("filters let through %s of %s, %d", tr.Target.ID, tr.Place, tr.Year)
		}
		if tr.Target.Measure == corpus.MeasureGrowth && tr.Result != nil && strings.HasPrefix(tr.Result.ParagraphID, "national-2016-gwr/") {
			found = true
			// 国内生产总值增长7%左右 → 增长6.9%: within half a point.
			if tr.Target.Text != "7%左右" || tr.Result.Text != "6.9%" || tr.Verdict != corpus.VerdictMet {
				t.Errorf("2015 GDP growth %s → %s: verdict %s, want 7%%左右 → 6.9%% met", tr.Target.Text, tr.Result.Text, tr.Verdict)
			}
		}
	}
	if !found {
		t.Errorf("2015 GDP growth target not tracked to the 2016 report: %+v", national)
	}
	if _, _, err := runCLI(t, "track", "--reports", strings.Join(trackSeries, ","), "--place", "火星"); err == nil || !strings.Contains(err.Error(), "河北省") {
		t.Errorf("an unknown place: %v, want an error that lists the places loaded", err)
	}
}

// TestTrackXLSXFile reads the workbook track --xlsx writes: a row per
// target, in the order --json lists them.
func TestTrackXLSXFile(t *testing.T) {
	want := trackJSON(t, "--place", "河北")
	path := filepath.Join(t.TempDir(), "track.xlsx")
	if _, stderr, err := runCLI(t, "track", "--reports", strings.Join(trackSeries, ","), "--place", "河北", "--xlsx", path); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	book, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	rows, err := book.GetRows(book.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want)+1 || rows[0][0] != xlsx.Title("place") {
		t.Fatalf("%d rows, header %v; want %d and a header", len(rows), rows[0], len(want))
	}
	id := slices.Index(corpus.TrackedTable.Columns, "id")
	for i, tr := range want {
		if rows[i+1][id] != tr.ID {
			t.Errorf("row %d: %s, want %s", i+1, rows[i+1][id], tr.ID)
		}
	}
}
