package corpus

import (
	"path/filepath"
	"testing"

	"reportsearch/lexicon"
)

// TestEveryReportReads checks, for every real report, what issue 12 asks
// of the parser: a plausible outline, a region (with its GB/T 2260 code
// when the gazetteer knows the place), a delivery year in the range of the
// file's own and said where it was read, the years it speaks of, and dated
// parts: every part but an appendix and those undatedParts excuses.
func TestEveryReportReads(t *testing.T) {
	files := realReports(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r, err := readShared(f)
			if err != nil {
				t.Fatal(err)
			}
			checkOutline(t, r)
			checkRegion(t, r)
			checkDelivery(t, r)
			checkPartsDated(t, r)
		})
	}
}

// undatedParts lists, per report, the parts (by label) that rightly have no
// year, and why. Every other part of every report must be dated, and every
// part listed here must still be undated: an entry that no longer applies
// is removed.
var undatedParts = map[string]map[string]string{
	"national_1988_gwr.txt": {
		"一、": "a lesson drawn from five years for the years ahead (建设要依靠改革，改革要促进建设): neither a year's review nor its plan",
	},
}

// checkPartsDated checks that every part of a report is dated, but an
// appendix (附件, 附录: a glossary or a table of both halves) and the
// parts undatedParts excuses.
func checkPartsDated(t *testing.T, r *Report) {
	t.Helper()
	excused := undatedParts[filepath.Base(r.Source)]
	for _, part := range r.Sections {
		why, ok := excused[part.Label]
		switch {
		case part.style == styleAppendix:
		case part.Year == 0 && !ok:
			t.Errorf("part %s %q has no year", part.Label, part.Title)
		case part.Year != 0 && ok:
			t.Errorf("part %s %q is dated %d %s, but undatedParts excuses it (%s)", part.Label, part.Title, part.Year, part.Kind, why)
		case part.Year != 0 && part.Kind == KindNone:
			t.Errorf("part %s %q is dated %d but neither review nor plan", part.Label, part.Title, part.Year)
		}
	}
}

// minFlatParagraphs is the fewest paragraphs of a report without headings:
// fewer would mean its text was lost rather than unstructured.
const minFlatParagraphs = 20

func checkOutline(t *testing.T, r *Report) {
	t.Helper()
	if why, ok := headingless[r.Source]; ok {
		n := 0
		for range r.Paragraphs() {
			n++
		}
		if len(r.Sections) != 0 || n < minFlatParagraphs {
			t.Errorf("a report without headings (%s): %d parts and %d paragraphs, want 0 and ≥ %d", why, len(r.Sections), n, minFlatParagraphs)
		}
		return
	}
	parts := 0
	for _, s := range r.Sections {
		if s.style != styleAppendix && s.style != styleImplicitList {
			parts++
		}
	}
	if parts < 2 {
		t.Errorf("%d parts, want at least 2", parts)
	}
	for _, s := range r.Sections {
		if s.style != styleAppendix && s.style != styleImplicitList && len(s.Paragraphs) == 0 && len(s.Sections) == 0 {
			t.Errorf("part %s %q has no text", s.Label, s.Title)
		}
	}
}

func checkRegion(t *testing.T, r *Report) {
	t.Helper()
	switch {
	case len(r.Region) == 0:
		t.Errorf("no region")
	case r.Region[0] == National:
		if r.RegionCode != "" {
			t.Errorf("national report with code %q", r.RegionCode)
		}
	case r.RegionCode == "" && len(lexicon.Places().Named(r.Region[len(r.Region)-1])) > 0:
		t.Errorf("region %v is in the gazetteer but has no code", r.Region)
	case r.RegionCode != "":
		d, ok := lexicon.Places().Division(r.RegionCode)
		if !ok {
			t.Errorf("region code %q not in the gazetteer", r.RegionCode)
		} else if own := r.Region[len(r.Region)-1]; d.Name != own && d.Short != own && !namedBy(r.RegionCode, own) {
			t.Errorf("region %v has the code of %s", r.Region, d.Name)
		}
	}
}

// namedBy reports whether the division of code has ever been called name.
func namedBy(code, name string) bool {
	for _, d := range lexicon.Places().Named(name) {
		if d.Code == code {
			return true
		}
	}
	return false
}

func checkDelivery(t *testing.T, r *Report) {
	t.Helper()
	if !IsReportYear(r.Delivered) || r.DeliveredFrom == "" {
		t.Fatalf("delivered %d from %q", r.Delivered, r.DeliveredFrom)
	}
	// The file names of the test reports carry the year of the report (a
	// plan report's may be the year it reviews).
	if y := yearOfFileName(r.Source); y != 0 && (r.Delivered < y || r.Delivered > y+1) {
		t.Errorf("delivered %d (from %s), but the file is of %d", r.Delivered, r.DeliveredFrom, y)
	}
	if len(r.Years) == 0 {
		t.Errorf("no years")
	}
	for _, y := range r.Years {
		if y < r.Delivered-10 || y > r.Delivered+15 {
			t.Errorf("years %v far from the delivery year %d", r.Years, r.Delivered)
			break
		}
	}
}
