package corpus

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"reportsearch/internal/golden"
)

// target and result make the figures a verdict is judged on.
func target(indicator, text string, value float64, qualifier string, measure Measure, class UnitClass) *Figure {
	base := map[UnitClass]string{ClassPercent: "%", ClassPeople: "人", ClassMoney: "元", ClassWeight: "斤", ClassEnergy: "吨标准煤"}[class]
	return &Figure{Indicator: indicator, Text: text, Value: value, Normalized: value, Qualifier: qualifier,
		Kind: FigureTarget, Measure: measure, Class: class, BaseUnit: base}
}

func TestJudge(t *testing.T) {
	pct, people := ClassPercent, ClassPeople
	low := func(v float64) *float64 { return &v }
	cases := []struct {
		name   string
		target *Figure
		result float64
		want   Verdict
	}{
		{"about, within half a point", target("国内生产总值", "5.5%左右", 5.5, "", MeasureGrowth, pct), 5.2, VerdictMet},
		{"about, above", target("国内生产总值", "5%左右", 5, "", MeasureGrowth, pct), 6.1, VerdictExceeded},
		{"about, below", target("国内生产总值", "5.5%左右", 5.5, "", MeasureGrowth, pct), 3.0, VerdictMissed},
		{"about, an amount within 5 %", target("粮食产量", "1.3万亿斤左右", 13000, "", MeasureLevel, ClassWeight), 13300, VerdictMet},
		{"floor met as rounded", target("地区生产总值", "12%", 12, "", MeasureGrowth, pct), 12.1, VerdictMet},
		{"floor just below is missed", target("高新技术产业增加值", "8%", 8, "", MeasureGrowth, pct), 7.5, VerdictMissed},
		{"floor exceeded", target("城镇新增就业", "1100万人以上", 1100, "", MeasureLevel, people), 1352, VerdictExceeded},
		{"floor qualifier before", target("财政支出", "超过23万亿元", 23, "超过", MeasureLevel, ClassMoney), 23.9, VerdictExceeded},
		{"ceiling met", target("城镇登记失业率", "4.5%以内", 4.5, "", MeasureRate, pct), 3.6, VerdictMet},
		{"ceiling missed", target("赤字率", "控制在3%", 3, "控制在", MeasureRate, pct), 3.2, VerdictMissed},
		{"less is better: about is a ceiling", target("城镇调查失业率", "5.5%左右", 5.5, "", MeasureRate, pct), 5.2, VerdictMet},
		{"less is better: above the tolerance", target("居民消费价格涨幅", "3%左右", 3, "", MeasureRate, pct), 3.8, VerdictMissed},
		{"less is better, bare: a ceiling", target("单位生产总值能耗", "0.5吨标准煤", 0.5, "", MeasureLevel, ClassEnergy), 0.48, VerdictMet},
		{"a decline is more-is-better", target("单位国内生产总值能耗", "3%", 3, "", MeasureDecline, pct), 2.6, VerdictMissed},
		{"range met inside", &Figure{Indicator: "国内生产总值", Text: "6%-6.5%", Value: 6.5, Normalized: 6.5, Low: low(6), Kind: FigureTarget, Measure: MeasureGrowth, Class: pct}, 6.1, VerdictMet},
		{"range exceeded above", &Figure{Indicator: "国内生产总值", Text: "6.5%—7%", Value: 7, Normalized: 7, Low: low(6.5), Kind: FigureTarget, Measure: MeasureGrowth, Class: pct}, 7.4, VerdictExceeded},
		{"percentage points, about: 5 % of the points", &Figure{Indicator: "常住人口城镇化率", Text: "1个百分点左右", Value: 1, Normalized: 1, Kind: FigureTarget, Measure: MeasureGrowth, Class: pct, BaseUnit: "个百分点"}, 0.5, VerdictMissed},
		{"an income's 涨幅 is more-is-better", target("城镇居民人均可支配收入涨幅", "8%", 8, "", MeasureRate, pct), 9, VerdictExceeded},
		{"less is better, range: below it meets", &Figure{Indicator: "居民消费价格涨幅", Text: "2%-3%", Value: 3, Normalized: 3, Low: low(2), Kind: FigureTarget, Measure: MeasureRate, Class: pct, BaseUnit: "%"}, 1.5, VerdictMet},
		{"range missed below", &Figure{Indicator: "国内生产总值", Text: "6.5%—7%", Value: 7, Normalized: 7, Low: low(6.5), Kind: FigureTarget, Measure: MeasureGrowth, Class: pct}, 6.1, VerdictMissed},
	}
	for _, c := range cases {
		r := &Figure{Normalized: c.result, Kind: FigureActual, Measure: c.target.Measure}
		if got := judge(c.target, r); got != c.want {
			t.Errorf("%s: %s against %v: %s, want %s", c.name, c.target.Text, c.result, got, c.want)
		}
	}
	// 增长8% against 下降2%: a growth of -2%, missed; and paired at all.
	growth := target("地区生产总值", "8%", 8, "", MeasureGrowth, pct)
	growth.ParagraphID = "city-2020-gwr/2/p1"
	fall := &Figure{ParagraphID: "city-2021-gwr/1/p1", Indicator: "地区生产总值", Text: "2%", Normalized: 2, Kind: FigureActual, Measure: MeasureDecline, Class: pct, BaseUnit: "%"}
	if got := judge(growth, fall); got != VerdictMissed {
		t.Errorf("增长8%% against 下降2%%: %s, want missed", got)
	}
	if _, ok := rankCandidate(growth, fall, 2020, 2021); !ok {
		t.Error("增长8% is not tracked to 下降2% of the same indicator")
	}
	energy := &Figure{ParagraphID: "national-2019-gwr/2/p3", Indicator: "单位国内生产总值能耗", Text: "3%", Normalized: 3, Kind: FigureTarget, Measure: MeasureDecline, Class: pct, BaseUnit: "%"}
	gdp := &Figure{ParagraphID: "national-2020-gwr/1/p2", Indicator: "国内生产总值", Text: "6.1%", Normalized: 6.1, Kind: FigureActual, Measure: MeasureGrowth, Class: pct, BaseUnit: "%"}
	if _, ok := rankCandidate(energy, gdp, 2019, 2020); ok {
		t.Error("能耗下降3% tracked to 国内生产总值增长6.1%")
	}
	gdpFall := *gdp
	gdpFall.Indicator, gdpFall.Measure = "单位国内生产总值能耗", MeasureDecline
	if _, ok := rankCandidate(energy, &gdpFall, 2019, 2020); !ok {
		t.Error("能耗下降3% not tracked to 能耗下降 of the next report: the cases above prove nothing")
	}
}

func TestTrackSimilarity(t *testing.T) {
	cases := []struct {
		a, b  string
		alike bool
	}{
		{"国内生产总值", "地区生产总值", true},         // names of one indicator
		{"城镇新增就业", "新增城镇就业", true},         // the same
		{"新增“专精特新”中小企业", "专精特新中小企业", true}, // quotation marks written or not
		{"棚户区改造", "棚户区住房改造开工", true},       // the shorter within the longer
		{"“专精特新”企业", "“小巨人”企业", false},     // related terms are not one indicator
		{"一般预算收入", "全部财政收入", false},
		{"产值", "主导产业年产值", false}, // too general alone
	}
	for _, c := range cases {
		if got := trackSimilarity(c.a, c.b) >= minMatchScore; got != c.alike {
			t.Errorf("%s / %s: similarity %.2f, alike %v, want %v", c.a, c.b, trackSimilarity(c.a, c.b), got, c.alike)
		}
	}
}

// trackSeries are real series whose tracking is kept as golden files:
// the tuning half of the judged pairs (eval/testdata/track/tune.tsv).
var trackSeries = map[string][]string{
	"national_2012-2016": {"reports/dev/national_2012_gwr.txt", "fresh2/national_2013_gwr.txt", "reports/dev/national_2014_gwr.txt",
		"reports/dev/national_2015_gwr.txt", "reports/dev/national_2016_gwr.txt"},
	"hebei_2021-2024": {"reports/dev/prov_hebei_2021_gwr.txt", "reports/dev/prov_hebei_2022_gwr.txt", "reports/dev/prov_hebei_2023_gwr.txt",
		"reports/dev/prov_hebei_2024_gwr.txt"},
	"xushui_2010-2013": {"reports/dev/county_xushui_2010_gwr.txt", "reports/dev/county_xushui_2011_gwr.txt",
		"reports/dev/county_xushui_2012_gwr.txt", "reports/dev/county_xushui_2013_gwr.txt"},
}

// TestGoldenTrack compares the tracking of real series with
// testdata/golden/track/<series>.tsv, one line a target keyed by its ID.
// After an intended change, run `go test ./corpus -run GoldenTrack
// -update` and review the diff.
func TestGoldenTrack(t *testing.T) {
	for name, files := range trackSeries {
		t.Run(name, func(t *testing.T) {
			var reports []*Report
			for _, f := range files {
				r, err := readShared(filepath.Join("testdata", f))
				if err != nil {
					t.Fatal(err)
				}
				reports = append(reports, r)
			}
			var b bytes.Buffer
			for _, tr := range TrackReports(reports, func(id string) string { return name }) {
				result := "-"
				if tr.Result != nil {
					result = tr.Result.ID + " " + tr.Result.Text
				}
				fmt.Fprintf(&b, "%s\t%d\t%s\t%s\t%s\t%s\t%s\n", tr.Target.ID, tr.Year, tr.Indicator, tr.Target.Text, result,
					tr.Verdict.Label(), strings.Join(tr.Doubts, "；"))
			}
			golden.Check(t, filepath.Join("testdata", "golden", "track", name+".tsv"), b.Bytes())
		})
	}
}

// TestTrackOrderAndPending checks what tracking promises beyond pairs: a
// target that no loaded report delivered after its year can speak of is
// pending, one whose later reports say nothing of it is unreported, and a
// pair is of one year and of two reports.
func TestTrackOrderAndPending(t *testing.T) {
	var reports []*Report
	for _, f := range trackSeries["hebei_2021-2024"] {
		r, err := readShared(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, r)
	}
	newest := reports[len(reports)-1]
	for _, tr := range TrackReports(reports, func(string) string { return "河北省" }) {
		own := ReportOfID(tr.Target.ParagraphID)
		// A result of year N comes in a report delivered after N.
		later := own != newest.ID && newest.Delivered > tr.Year
		switch {
		case !later && tr.Verdict != VerdictPending:
			t.Errorf("%s (%d): no report after it could say how it went, but it is %s, want pending", tr.Target.ID, tr.Year, tr.Verdict)
		case later && tr.Verdict == VerdictPending:
			t.Errorf("%s (%d): pending, but a report of %d is loaded", tr.Target.ID, tr.Year, newest.Delivered)
		case tr.Result == nil && tr.Verdict != VerdictPending && tr.Verdict != VerdictUnreported:
			t.Errorf("%s: no result but verdict %s", tr.Target.ID, tr.Verdict)
		case tr.Result != nil && ReportOfID(tr.Result.ParagraphID) == own:
			t.Errorf("%s: paired with %s of its own report", tr.Target.ID, tr.Result.ID)
		case tr.Result != nil && tr.Result.Year != tr.Year:
			t.Errorf("%s: a target for %d paired with a result of %d", tr.Target.ID, tr.Year, tr.Result.Year)
		}
	}
}

// TestTrackReadings checks, on real reports, the readings tracking rests
// on: a hyphen range is one target, the start of a planned change is the
// year before's level, and a bare verb's target is tracked by the words
// its sentence gives it.
func TestTrackReadings(t *testing.T) {
	n2019, err := readShared("testdata/reports/dev/national_2019_gwr.txt")
	if err != nil {
		t.Fatal(err)
	}
	n2015, err := readShared("testdata/reports/dev/national_2015_gwr.txt")
	if err != nil {
		t.Fatal(err)
	}
	checkFigures(t, n2019, []figureCase{
		{evidence: "国内生产总值增长6%-6.5%", text: "6%-6.5%", value: 6.5, unit: "%", year: 2019, kind: FigureTarget, measure: MeasureGrowth, indicator: "国内生产总值"},
	})
	checkFigures(t, n2015, []figureCase{
		// 由每人每年320元提高到380元 in the plan for 2015: 320元 is 2014's.
		{evidence: "每人每年320元提高到380元", text: "320元", value: 320, unit: "元", year: 2014, kind: FigureActual},
		{evidence: "每人每年320元提高到380元", text: "380元", value: 380, unit: "元", year: 2015, kind: FigureTarget},
		// 赤字率从去年的2.1%提高到2.3%: 2.1% is 2014's.
		{evidence: "赤字率从去年的2.1%提高到2.3%", text: "2.1%", value: 2.1, unit: "%", year: 2014, kind: FigureActual},
	})
	if f := findFigure(t, n2019, "国内生产总值增长6%-6.5%", "6%-6.5%"); f == nil || f.Low == nil || *f.Low != 6 {
		t.Errorf("6%%-6.5%% has no lower bound 6: %+v", f)
	}

	short := &Figure{Indicator: "新开工", Sentence: "今年城镇保障性住房基本建成470万套、新开工630万套，继续推进农村危房改造。"}
	long := &Figure{Indicator: "新开工保障性安居工程", Sentence: "新开工保障性安居工程666万套，基本建成544万套。"}
	if s := contextSimilarity(short, long); s < minMatchScore {
		t.Errorf("新开工 in a sentence of 保障性住房 against 新开工保障性安居工程: %.2f", s)
	}
	other := &Figure{Indicator: "新开工", Sentence: "全年新开工重大项目120个。"}
	if s := contextSimilarity(other, long); s != 0 {
		t.Errorf("新开工 in a sentence of 重大项目 against 新开工保障性安居工程: %.2f, want 0", s)
	}
	both := eachNamed(&Figure{Indicator: "全部财政收入和一般预算收入", Text: "17%以上"})
	if len(both) != 2 || both[0].Indicator != "全部财政收入" || both[1].Indicator != "一般预算收入" {
		t.Errorf("A和B: %v", both)
	}
	if one := eachNamed(&Figure{Indicator: "研究与试验发展经费"}); len(one) != 1 {
		t.Errorf("研究与试验发展经费 split in %d", len(one))
	}
}

// TestTrackListsByPlace: two values of one name in a sentence (分别…653元、
// 300元) are tracked to the two of the later report in their order, not
// both to the first.
func TestTrackListsByPlace(t *testing.T) {
	mk := func(id, text string, v float64, kind FigureKind, year int, sentence string) *Figure {
		return &Figure{ID: id + "/f", ParagraphID: id, Indicator: "城乡低保补差水平", Text: text, Value: v, Normalized: v, Unit: "元",
			BaseUnit: "元", Class: ClassMoney, Kind: kind, Measure: MeasureLevel, Year: year, Sentence: sentence}
	}
	plan := "城乡低保补差水平分别提高到每月653元、300元。"
	review := "城乡低保补差水平分别达到每月653元、300元。"
	s := Series{Place: "某省", Delivered: map[string]int{"a-2022": 2022, "b-2023": 2023}, Figures: []*Figure{
		mk("a-2022/1/p1", "653元", 653, FigureTarget, 2022, plan), mk("a-2022/1/p1", "300元", 300, FigureTarget, 2022, plan),
		mk("b-2023/1/p1", "653元", 653, FigureActual, 2022, review), mk("b-2023/1/p1", "300元", 300, FigureActual, 2022, review),
	}}
	s.Figures[1].ID, s.Figures[3].ID = "a-2022/1/p1/f2", "b-2023/1/p1/f2"
	ts := Track(s)
	if len(ts) != 2 {
		t.Fatalf("%d tracked, want 2", len(ts))
	}
	for _, tr := range ts {
		if tr.Result == nil || tr.Result.Text != tr.Target.Text || tr.Verdict != VerdictMet {
			t.Errorf("%s tracked to %+v (%s), want the result of its place in the list", tr.Target.Text, tr.Result, tr.Verdict)
		}
	}
}

// TestTrackUnitsAndAverages: a target in 公斤 is tracked to a result in 吨
// and judged in one unit; an average over years is no year's result.
func TestTrackUnitsAndAverages(t *testing.T) {
	grain := &Figure{ID: "n-1991/2/p1/f1", ParagraphID: "n-1991/2/p1", Indicator: "粮食总产量", Text: "四千二百五十亿公斤", Value: 4250, Normalized: 4.25e11,
		BaseUnit: "千克", Class: ClassWeight, Kind: FigureTarget, Measure: MeasureLevel, Year: 1991, Sentence: "粮食总产量四千二百五十亿公斤。"}
	result := &Figure{ID: "n-1992/1/p1/f1", ParagraphID: "n-1992/1/p1", Indicator: "粮食产量", Text: "43524万吨", Value: 43524, Normalized: 4.3524e8,
		BaseUnit: "吨", Class: ClassWeight, Kind: FigureActual, Measure: MeasureLevel, Year: 1991, Sentence: "粮食产量达到43524万吨。"}
	ts := Track(Series{Place: "全国", Delivered: map[string]int{"n-1991": 1991, "n-1992": 1992}, Figures: []*Figure{grain, result}})
	if len(ts) != 1 || ts[0].Result == nil || ts[0].Verdict != VerdictExceeded {
		t.Fatalf("4250亿公斤 against 43524万吨: %+v", ts)
	}
	if ts[0].Result.BaseUnit != "千克" || ts[0].Result.Normalized != 4.3524e11 {
		t.Errorf("the result compared as %v %s, want 4.3524e11 千克", ts[0].Result.Normalized, ts[0].Result.BaseUnit)
	}
	growth := &Figure{ID: "h-2010/2/p1/f1", ParagraphID: "h-2010/2/p1", Indicator: "生产总值", Text: "9%以上", Value: 9, Normalized: 9, BaseUnit: "%",
		Class: ClassPercent, Kind: FigureTarget, Measure: MeasureGrowth, Year: 2010, Sentence: "全省生产总值增长9%以上。"}
	average := &Figure{ID: "h-2011/1/p1/f1", ParagraphID: "h-2011/1/p1", Indicator: "生产总值", Text: "11.7%", Value: 11.7, Normalized: 11.7, BaseUnit: "%",
		Class: ClassPercent, Kind: FigureEstimate, Measure: MeasureGrowth, Year: 2010, Sentence: "预计2010年，全省生产总值达到2万亿元、年均增长11.7%。"}
	if _, ok := rankCandidate(growth, average, 2010, 2011); ok {
		t.Error("a year's growth target tracked to 年均增长11.7%")
	}
}

// A level whose indicator opens with a change word is that change; other
// levels, and changes to a level, stay levels.
func TestTrackedMeasure(t *testing.T) {
	for indicator, want := range map[string]Measure{
		"再减少农村贫困人口":   MeasureDecline,
		"也要再减少农村贫困人口": MeasureDecline,
		"增加城乡居民收入":    MeasureGrowth,
		"工业增加值":       MeasureLevel,
		"提高到每人每年":     MeasureLevel,
		"新增城镇就业":      MeasureLevel,
		"减少":          MeasureLevel, // a verb alone names nothing
	} {
		f := &Figure{Indicator: indicator, Measure: MeasureLevel}
		if got := trackedMeasure(f); got != want {
			t.Errorf("trackedMeasure(%s) = %s, want %s", indicator, got, want)
		}
	}
	if got := trackedMeasure(&Figure{Indicator: "减少农村贫困人口", Measure: MeasureRate}); got != MeasureRate {
		t.Errorf("a rate stays a rate, got %s", got)
	}
}
