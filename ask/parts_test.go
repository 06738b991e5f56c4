package ask

import (
	"slices"
	"testing"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// Each way of asking for several figures is split into its parts.
func TestQuestionParts(t *testing.T) {
	tax := corpus.DefaultTaxonomy()
	type want struct {
		indicator string
		years     []int
		measure   corpus.Measure
		kind      Kind
		fromValue bool
		toLevel   bool
		listed    bool
	}
	for _, tc := range []struct {
		q    string
		want []want
	}{
		// clauses: the second names no indicator of its own
		{"2013年旅游综合收入多少，比上年增长多少", []want{
			{indicator: "旅游综合收入", years: []int{2013}},
			{indicator: "旅游综合收入", years: []int{2013}, measure: corpus.MeasureGrowth},
		}},
		// clauses: a year and a kind of its own, a word of the first's indicator
		{"2017年实际接待游客多少人次，2018年力争接待多少", []want{
			{indicator: "实际接待游客", years: []int{2017}, kind: KindResult},
			{indicator: "实际接待游客", years: []int{2018}, kind: KindTarget},
		}},
		// clauses: two indicators
		{"2021年新改造户厕多少座、新建美丽乡村多少个", []want{
			{indicator: "新改造户厕", years: []int{2021}},
			{indicator: "新建美丽乡村", years: []int{2021}},
		}},
		// the year a change is measured against is not asked about
		{"1958年工农业总产值是多少，比1957年增长多少", []want{
			{indicator: "工农业总产值", years: []int{1958}},
			{indicator: "工农业总产值", years: []int{1958}, measure: corpus.MeasureGrowth},
		}},
		// from and to
		{"1976到1978年钢产量从多少增加到多少", []want{
			{indicator: "钢产量", years: []int{1976, 1978}, fromValue: true},
			{indicator: "钢产量", years: []int{1976, 1978}, toLevel: true},
		}},
		// one year: from the year before's level or the year's own
		{"1958年钢产量从多少增长到多少", []want{
			{indicator: "钢产量", years: []int{1957, 1958}, fromValue: true},
			{indicator: "钢产量", years: []int{1958}, toLevel: true},
		}},
		{"2010年城镇居民人均可支配收入从多少涨到了多少", []want{
			{indicator: "城镇居民人均可支配收入", years: []int{2009, 2010}, fromValue: true},
			{indicator: "城镇居民人均可支配收入", years: []int{2010}, toLevel: true},
		}},
		// each of several, the shorter completed
		{"2021年城镇和农村居民人均可支配收入各是多少", []want{
			{indicator: "城镇居民人均可支配收入", years: []int{2021}},
			{indicator: "农村居民人均可支配收入", years: []int{2021}},
		}},
		{"2010年全部财政收入和一般预算收入分别是多少", []want{
			{indicator: "全部财政收入", years: []int{2010}},
			{indicator: "一般预算收入", years: []int{2010}},
		}},
		// clauses: the second asks for a share of the first's thing
		{"2022年研发经费支出多少？占地区生产总值比重多少？", []want{
			{indicator: "研发经费支出", years: []int{2022}},
			{indicator: "研发经费支出占地区生产总值", years: []int{2022}, measure: corpus.MeasureRate},
		}},
		// a thing and a measure of it: its level, then the measure
		{"2023年地区生产总值总量和增速各是多少", []want{
			{indicator: "地区生产总值", years: []int{2023}},
			{indicator: "地区生产总值", years: []int{2023}, measure: corpus.MeasureGrowth},
		}},
		{"2023年社会消费品零售总额及其增速", []want{
			{indicator: "社会消费品零售总额", years: []int{2023}},
			{indicator: "社会消费品零售总额", years: []int{2023}, measure: corpus.MeasureGrowth},
		}},
		{"2021年研发经费支出和占地区生产总值比重分别是多少", []want{
			{indicator: "研发经费支出", years: []int{2021}},
			{indicator: "研发经费支出占地区生产总值", years: []int{2021}, measure: corpus.MeasureRate},
		}},
		// each of one: what the sentence lists
		{"2022年城乡居民人均可支配收入分别达到多少", []want{
			{indicator: "城乡居民人均可支配收入", years: []int{2022}},
			{indicator: "城乡居民人均可支配收入", years: []int{2022}, listed: true},
		}},
	} {
		whole := AnalyseQuestion(tc.q, 2024, tax)
		got := questionParts(tc.q, whole, 2024, tax, seg(t))
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d parts, want %d: %+v", tc.q, len(got), len(tc.want), got)
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			if g.Indicator != w.indicator || !slices.Equal(g.Years, w.years) || g.Measure != w.measure ||
				(w.kind != "" && g.Kind != w.kind) || g.fromValue != w.fromValue || g.toLevel != w.toLevel || g.sameSentence != w.listed {
				t.Errorf("%s: part %d = %s from=%v to=%v listed=%v, want %+v", tc.q, i, g.Frame, g.fromValue, g.toLevel, g.sameSentence, w)
			}
		}
	}
	for _, q := range []string{
		"2022年城镇新增就业多少人",
		"全社会研究与实验发展经费2002年和2007年各是多少", // two years: a comparison
		"2022年科学技术和教育支出增长多少",          // a conjunction without 分别 or 各
		"哪里提到了老旧小区改造和加装电梯",
	} {
		whole := AnalyseQuestion(q, 2024, tax)
		if got := questionParts(q, whole, 2024, tax, seg(t)); got != nil {
			t.Errorf("%s: parts %+v, want none", q, got)
		}
	}
}

func TestSplitIndicators(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"城镇和农村居民人均可支配收入", []string{"城镇居民人均可支配收入", "农村居民人均可支配收入"}},
		{"城镇居民和农村居民人均可支配收入", []string{"城镇居民人均可支配收入", "农村居民人均可支配收入"}},
		{"城镇居民人均可支配收入和农民人均纯收入", []string{"城镇居民人均可支配收入", "农民人均纯收入"}},
		{"粮食播种面积和产量", []string{"粮食播种面积", "产量"}},
		{"全部财政收入和一般预算收入", []string{"全部财政收入", "一般预算收入"}},
		{"地区生产总值", []string{"地区生产总值"}},
		// 及 inside a word is no conjunction
		{"义务教育普及率和巩固率", []string{"义务教育普及率", "巩固率"}},
		{"普及率", []string{"普及率"}},
		// a name of several words the last does not continue is complete
		{"旅游人数和旅游业总收入", []string{"旅游人数", "旅游业总收入"}},
	} {
		if got := splitIndicators(tc.in, seg(t)); !slices.Equal(got, tc.want) {
			t.Errorf("splitIndicators(%s) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// A question asks of one year's report by its year: that year is no year
// asked about.
func TestReportYear(t *testing.T) {
	tax := corpus.DefaultTaxonomy()
	f := AnalyseQuestion("1981年报告中1979年和1980年的财政赤字各是多少", 2024, tax)
	if f.ReportYear != 1981 || !slices.Equal(f.Years, []int{1979, 1980}) || f.Type != AskComparison {
		t.Errorf("frame %s report_year=%d", f, f.ReportYear)
	}
	f = AnalyseQuestion("1993年报告提出争取1997年粮食产量达到多少", 2024, tax)
	if f.ReportYear != 1993 || !slices.Equal(f.Years, []int{1997}) {
		t.Errorf("frame %s report_year=%d", f, f.ReportYear)
	}
}

// seg is the shared segmenter.
func seg(t *testing.T) *indexer.Segmenter {
	t.Helper()
	s, err := indexer.SharedSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAttributeParts(t *testing.T) {
	for _, c := range []struct {
		names, want []string
	}{
		{[]string{"粮食播种面积", "产量"}, []string{"粮食播种面积", "粮食产量"}},
		{[]string{"棉花产量", "面积"}, []string{"棉花产量", "棉花面积"}},
		// What follows the conjunction is an indicator of its own.
		{[]string{"旅游人数", "旅游业总收入"}, nil},
		// The first names no measure of a thing to share.
		{[]string{"工业", "农业总产值"}, nil},
		{[]string{"地区生产总值"}, nil},
	} {
		if got := attributeParts(c.names); !slices.Equal(got, c.want) {
			t.Errorf("attributeParts(%q) = %q, want %q", c.names, got, c.want)
		}
	}
}

func TestWidestFirst(t *testing.T) {
	county := scoredFigure{fig: &corpus.Figure{ID: "county"}, score: 1.2, depth: 2}
	province := scoredFigure{fig: &corpus.Figure{ID: "province"}, score: 1.15, depth: 1}
	nation := scoredFigure{fig: &corpus.Figure{ID: "nation"}, score: 1.1, depth: 0}
	far := scoredFigure{fig: &corpus.Figure{ID: "far"}, score: 0.9, depth: 0}
	ids := func(rs []scoredFigure) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.fig.ID)
		}
		return out
	}
	if got := ids(widestFirst([]scoredFigure{county, province, nation}, 0.15, scoredFigure.scoreOf, scoredFigure.depthOf)); !slices.Equal(got, []string{"nation", "county", "province"}) {
		t.Errorf("close figures: %v, want the country's first", got)
	}
	if got := ids(widestFirst([]scoredFigure{county, far}, 0.15, scoredFigure.scoreOf, scoredFigure.depthOf)); !slices.Equal(got, []string{"county", "far"}) {
		t.Errorf("a wider place that fits much worse: %v, want the order kept", got)
	}
}

// TestChangeLabel: a change in the indicator's own unit is 增加 or 减少, a
// rate 增长 or 下降.
func TestChangeLabel(t *testing.T) {
	for _, c := range []struct {
		f    Frame
		want string
	}{
		{Frame{Measure: corpus.MeasureGrowth}, "增加"},
		{Frame{Measure: corpus.MeasureDecline}, "减少"},
		{Frame{Measure: corpus.MeasureGrowth, Class: corpus.ClassPercent}, "增长"},
		{Frame{Measure: corpus.MeasureDecline, Class: corpus.ClassPercent}, "下降"},
		{Frame{}, ""},
	} {
		if got := changeLabel(c.f); got != c.want {
			t.Errorf("changeLabel(%v, %v) = %q, want %q", c.f.Measure, c.f.Class, got, c.want)
		}
	}
}
