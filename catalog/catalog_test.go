package catalog

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

func entry(id, date string, region ...string) indexer.ReportEntry {
	return indexer.ReportEntry{Meta: corpus.Meta{ID: id, Date: date, Region: region}}
}

func TestNames(t *testing.T) {
	c, err := New([]indexer.ReportEntry{
		entry("gd", "2026-01-20", "广东省"),
		entry("sc", "2023-01-17", "杭州市", "上城区"),
		entry("hl", "", "海拉尔区"),
		entry("hl2", "2019-01-10", "呼伦贝尔市", "海拉尔区"),
		entry("bj", "", "北京市", "朝阳区"),
		entry("cc", "", "长春市", "朝阳区"),
		entry("cn", "2024-03-05", corpus.National),
		entry("qy05", "2005-02-26", "河北省", "保定市", "清苑县"),
		entry("qy23", "2023-01-13", "保定市", "清苑区"),
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, full string
		known      bool
		reports    string
	}{
		{"广东省", "广东省", true, "gd"},
		{"广东", "广东省", true, "gd"},
		{"上城", "杭州市上城区", true, "sc"},
		{"杭州市上城区", "杭州市上城区", true, "sc"},
		// A larger division of an indexed place is a place without reports.
		{"杭州市", "", true, ""},
		// Reports of one place named more or less fully are one place.
		{"海拉尔", "呼伦贝尔市海拉尔区", true, "hl hl2"},
		// Places of one name in two cities stay apart, and the name means both.
		{"朝阳区", "北京市朝阳区、长春市朝阳区", true, "bj cc"},
		{"长春市朝阳区", "长春市朝阳区", true, "cc"},
		{"全国", corpus.National, true, "cn"},
		{"中国", corpus.National, true, "cn"},
		{"上海", "", false, ""},
		// One place by the names it held in different years, known by the
		// newest and fullest, and by any of its names after a larger one.
		{"清苑", "河北省保定市清苑县", true, "qy05 qy23"},
		// Any of its names is the place, whatever year asked about: the
		// year decides the report.
		{"清苑区", "河北省保定市清苑县", true, "qy05 qy23"},
		{"清苑县", "河北省保定市清苑县", true, "qy05 qy23"},
		{"保定清苑", "河北省保定市清苑县", true, "qy05 qy23"},
		{"河北清苑县", "河北省保定市清苑县", true, "qy05 qy23"},
		{"保定市", "", true, ""},
	} {
		full, known := c.FullName(tc.name)
		if full != tc.full || known != tc.known || strings.Join(c.ReportsOf(tc.name), " ") != tc.reports {
			t.Errorf("%s: full %q known %v reports %v, want %q %v %q", tc.name, full, known, c.ReportsOf(tc.name), tc.full, tc.known, tc.reports)
		}
	}
	names := c.Names()
	for i := 1; i < len(names); i++ {
		if len(names[i]) > len(names[i-1]) {
			t.Fatalf("names not longest first: %v", names)
		}
	}
	if c.PlaceOf("hl") != "呼伦贝尔市海拉尔区" || c.PlaceOf("sc") != "杭州市上城区" || c.PlaceOf("nope") != "" {
		t.Errorf("places of reports: %q %q", c.PlaceOf("hl"), c.PlaceOf("sc"))
	}
	if c.DeliveredYear("gd") != 2026 || c.DeliveredYear("hl") != 0 || c.NewestYear([]string{"sc", "hl2"}) != 2023 || c.NewestYear(nil) != 2026 {
		t.Errorf("years: %d %d %d %d", c.DeliveredYear("gd"), c.DeliveredYear("hl"), c.NewestYear([]string{"sc", "hl2"}), c.NewestYear(nil))
	}
	if m := c.Meta("gd"); m.ID != "gd" || c.Meta("nope").ID != "" {
		t.Errorf("meta %+v", m)
	}
	if !IsGeneric("全国") || !IsGeneric("中国") || IsGeneric("广东") {
		t.Error("IsGeneric")
	}
}

// TestInferPlaces: a report whose metadata names no place gets the indexed
// place its text names in most paragraphs, in two at least and more than
// any other; never the country; a tie places it nowhere.
func TestInferPlaces(t *testing.T) {
	entries := []indexer.ReportEntry{
		entry("zmd", "", "驻马店市"), entry("cn", "", corpus.National), entry("gd", "", "广东省"),
		entry("a", ""), entry("b", ""), entry("c", ""), entry("d", ""),
	}
	// Paragraphs naming each place, by report.
	counts := map[string]map[string]int{
		"驻马店市": {"a": 5, "b": 1, "c": 3},
		"广东省":  {"a": 1, "c": 3},
		"全国":   {"a": 9, "d": 9},
	}
	var asked [][]string
	count := func(names, reports []string) (map[string]int, error) {
		asked = append(asked, reports)
		for place, byReport := range counts {
			if slices.Contains(names, place) {
				return byReport, nil
			}
		}
		return nil, nil
	}
	c, err := New(entries, count)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"a": "驻马店市", "b": "", "c": "", "d": ""} {
		if got := c.PlaceOf(id); got != want {
			t.Errorf("report %s placed in %q, want %q", id, got, want)
		}
	}
	if !slices.Contains(c.ReportsOf("驻马店"), "a") {
		t.Errorf("驻马店's reports %v lack the inferred one", c.ReportsOf("驻马店"))
	}
	for _, reports := range asked {
		if !slices.Equal(reports, []string{"a", "b", "c", "d"}) {
			t.Errorf("counted in %v, want only the reports of unknown place", reports)
		}
	}
	boom := errors.New("boom")
	if _, err := New(entries, func([]string, []string) (map[string]int, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Errorf("a failing count: %v", err)
	}
}

// One short name does not make one place; one division under the names it
// held does.
func TestSamePlace(t *testing.T) {
	for _, tc := range []struct {
		a, b corpus.Region
		want bool
	}{
		{corpus.Region{"吉林省"}, corpus.Region{"吉林省", "吉林市"}, false},
		{corpus.Region{"海南省"}, corpus.Region{"青海省", "海南藏族自治州"}, false},
		{corpus.Region{"河北省", "保定市", "清苑县"}, corpus.Region{"保定市", "清苑区"}, true},
		{corpus.Region{"海拉尔区"}, corpus.Region{"呼伦贝尔市", "海拉尔区"}, true},
		{corpus.Region{"杭州市", "上城区"}, corpus.Region{"杭州市", "上城区"}, true},
	} {
		if got := samePlace(tc.a, tc.b); got != tc.want {
			t.Errorf("samePlace(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestLabels: every report is labelled by its place as it names itself, the
// year it was delivered in and its kind, and no two reports share a label.
func TestLabels(t *testing.T) {
	titled := func(e indexer.ReportEntry, title, source string) indexer.ReportEntry {
		e.Title, e.Source = title, source
		return e
	}
	c, err := New([]indexer.ReportEntry{
		titled(entry("sc", "2023-01-17", "浙江省", "杭州市", "上城区"), "关于上城区2022年国民经济和社会发展计划执行情况及2023年国民经济和社会发展计划草案的报告", "sc.txt"),
		titled(entry("cn", "2024-03-05", corpus.National), "政府工作报告", "cn.txt"),
		titled(entry("qy05", "2005-02-26", "河北省", "保定市", "清苑县"), "政府工作报告", "qy05.txt"),
		titled(entry("qy23", "2023-01-13", "保定市", "清苑区"), "工作报告", "qy23.txt"),
		titled(entry("bj", "2024-01-10", "北京市", "朝阳区"), "政府工作报告", "bj.txt"),
		titled(entry("cc", "2024-01-12", "长春市", "朝阳区"), "政府工作报告", "cc.txt"),
		titled(entry("cn80", "", corpus.National), "关于1980、1981年国民经济计划安排的报告", "cn80.txt"),
		titled(entry("copy1", "2026-01-20", "广东省"), "2026年广东省政府工作报告", "dir/c0001__gd.txt"),
		titled(entry("copy2", "2026-01-20", "广东省"), "2026年广东省政府工作报告", "dir/c0002__gd.txt"),
		titled(entry("nowhere", "2020-01-01"), "工作报告", "nowhere.txt"),
		titled(entry("a-hb", "2024-01-20", "河北省"), "政府工作报告", "a/hb.txt"),
		titled(entry("b-hb", "2024-01-20", "河北省"), "政府工作报告", "b/hb.txt"),
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"sc":      "上城区 · 2022年计划执行与2023年计划草案",
		"cn":      "全国 · 2024年政府工作报告",
		"qy05":    "清苑县 · 2005年政府工作报告",
		"qy23":    "清苑区 · 2023年政府工作报告",
		"bj":      "北京市朝阳区 · 2024年政府工作报告",
		"cc":      "长春市朝阳区 · 2024年政府工作报告",
		"cn80":    "全国 · 计划报告",
		"copy1":   "广东省 · 2026年政府工作报告（c0001__gd）",
		"copy2":   "广东省 · 2026年政府工作报告（c0002__gd）",
		"nowhere": "2020年政府工作报告",
		"a-hb":    "河北省 · 2024年政府工作报告（a-hb）",
		"b-hb":    "河北省 · 2024年政府工作报告（b-hb）",
		"missing": "",
	} {
		if got := c.Label(id); got != want {
			t.Errorf("Label(%s) = %q, want %q", id, got, want)
		}
	}
	if got := c.PlaceLabel("qy23"); got != "清苑区" {
		t.Errorf("PlaceLabel(qy23) = %q, want 清苑区", got)
	}
	if got := c.PlaceLabel("nowhere"); got != "" {
		t.Errorf("PlaceLabel(nowhere) = %q, want none", got)
	}
}

// TestCatalogLinear: cataloguing twice the reports of twice the places takes
// about twice as long, not four times: a report is compared with the places
// of its own name only (the median of three tries; a library of every
// county's reports has thousands of places).
func TestCatalogLinear(t *testing.T) {
	entries := func(places int) []indexer.ReportEntry {
		var out []indexer.ReportEntry
		for i := range places {
			county := string([]rune{rune(0x4E00 + i/100), rune(0x5E00 + i%100)}) + "县"
			for year := 2023; year <= 2024; year++ {
				out = append(out, entry(fmt.Sprintf("r%d-%d", i, year), fmt.Sprintf("%d-01-15", year), "某某省", county))
			}
		}
		return out
	}
	took := func(places int) time.Duration {
		es := entries(places)
		var ds []time.Duration
		for range 3 {
			start := time.Now()
			c, err := New(es, nil)
			if err != nil {
				t.Fatal(err)
			}
			ds = append(ds, time.Since(start))
			if got := c.ReportsOf(es[len(es)-1].Region[1]); len(got) != 2 {
				t.Fatalf("%s: reports %v", es[len(es)-1].Region, got)
			}
		}
		slices.Sort(ds)
		return ds[1]
	}
	small, large := took(1000), took(2000)
	t.Logf("2,000 reports: %v; 4,000: %v", small, large)
	if large > 3*small {
		t.Errorf("2,000 reports: %v; 4,000: %v: more than linear", small, large)
	}
}
