package ask

import (
	"testing"

	"reportsearch/corpus"
	"reportsearch/search"
)

func TestCountedNoun(t *testing.T) {
	for _, tc := range []struct {
		sentence, text, unit, question, want string
	}{
		{"解决3138个贫困村的温饱问题。", "3138个", "个", "2004年计划解决多少个贫困村的温饱问题", "贫困村"},
		{"新开工改造600个老旧小区。", "600个", "个", "今年新开工改造多少个老旧小区", "老旧小区"},
		// the question does not count it so
		{"完成65个年度投资计划。", "65个", "个", "今年重点项目年度投资计划是多少", ""},
		// a verb before another number
		{"抓好55个投资3000万元以上的重大项目。", "55个", "个", "今年要突出抓好多少个投资3000万元以上的重大项目", ""},
		// nothing after it
		{"交付使用学校14所。", "14所", "所", "交付使用学校多少所", ""},
	} {
		f := &corpus.Figure{Sentence: tc.sentence, Text: tc.text, Unit: tc.unit, Class: corpus.ClassCount}
		if got := countedNoun(f, tc.question); got != tc.want {
			t.Errorf("countedNoun(%s in %s) = %q, want %q", tc.text, tc.sentence, got, tc.want)
		}
	}
	if got := countedNoun(&corpus.Figure{Sentence: "解决300万元贫困村", Text: "300万元", Unit: "万元", Class: corpus.ClassMoney}, "多少万元贫困村"); got != "" {
		t.Errorf("a sum of money counts nothing: %q", got)
	}
}

func TestWithoutPlanWords(t *testing.T) {
	for in, want := range map[string]string{
		"拟安排财政赤字":  "财政赤字",
		"预计地区生产总值": "地区生产总值",
		"城镇新增就业":   "城镇新增就业",
		"安排":       "安排", // nothing else: stays
	} {
		if got := withoutPlanWords(in); got != want {
			t.Errorf("withoutPlanWords(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestFigureTextSaysDecline(t *testing.T) {
	for _, tc := range []struct {
		sentence, text, want string
	}{
		{"社会消费品零售总额下降1.2%。", "1.2%", "下降1.2%"},
		{"能耗强度降低3.5%。", "3.5%", "降低3.5%"},
		{"社会消费品零售总额为负，幅度1.2%。", "1.2%", "下降1.2%"},
	} {
		f := &corpus.Figure{Sentence: tc.sentence, Text: tc.text, Measure: corpus.MeasureDecline}
		if got := figureText(f); got != tc.want {
			t.Errorf("figureText(%s) = %s, want %s", tc.sentence, got, tc.want)
		}
	}
	if got := figureText(&corpus.Figure{Sentence: "突破10亿元。", Text: "10亿元", Qualifier: "突破"}); got != "突破10亿元" {
		t.Errorf("a bound before the number: %s", got)
	}
}

// A product named by one character answers for its output.
func TestOneCharacterProduct(t *testing.T) {
	w := DefaultWeights
	if got := w.indicatorMatch("钢产量", "钢", "", "钢六千六百零四万吨"); got != w.Contained {
		t.Errorf("钢产量 of 钢: %v, want %v", got, w.Contained)
	}
	if got := w.indicatorMatch("钢材出口", "钢", "", "钢六千六百零四万吨"); got >= w.MinScore {
		t.Errorf("钢材出口 of 钢: %v, want below %v", got, w.MinScore)
	}
}

func TestClauseAround(t *testing.T) {
	for _, tc := range []struct{ sentence, text, want string }{
		// the words between two figures joined by 和 are about the first
		{"完成了对195家散乱污企业的取缔和28家企业规范整治任务。", "28家", ""},
		{"完成了对195家散乱污企业的取缔和28家企业规范整治任务。", "195家", "完成了对"},
		// a year is no figure
		{"2022年城镇和农村居民收入增长5%。", "5%", "2022年城镇和农村居民收入增长"},
		// the clause after the figure before
		{"生产总值增长5%，城镇新增就业40万人。", "40万人", "城镇新增就业"},
	} {
		if got := clauseAround(&corpus.Figure{Sentence: tc.sentence, Text: tc.text}); got != tc.want {
			t.Errorf("clauseAround(%s in %s) = %q, want %q", tc.text, tc.sentence, got, tc.want)
		}
	}
}

func TestMeasuredAgainstOther(t *testing.T) {
	for _, tc := range []struct {
		sentence, text string
		years          []int
		want           bool
		base           int // the year the question measures against, if it names one
	}{
		{"2010年全县地方生产总值98.1亿元，比2005年增长73.8%。", "73.8%", []int{2010}, true, 0},
		// The question names the year: 比2006年增长多少.
		{"农民人均纯收入7765元，比2006年增长3230元。", "3230元", []int{2011}, false, 2006},
		{"农民人均纯收入7765元，比上年增长12%。", "12%", []int{2011}, true, 2006},
		// 比2010年 of a 2011 question is the year before: 比上年 says it too.
		{"农民人均纯收入7765元，比上年增长12%。", "12%", []int{2011}, false, 2010},
		{"2010年地方生产总值比2009年增长12%。", "12%", []int{2010}, false, 0},
		{"地方生产总值比上年增长12%。", "12%", []int{2010}, false, 0},
		{"比2005年增长73.8%。", "73.8%", nil, false, 0},
	} {
		if got := measuredAgainstOther(&corpus.Figure{Sentence: tc.sentence, Text: tc.text}, tc.years, tc.base); got != tc.want {
			t.Errorf("measuredAgainstOther(%s, %v) = %v, want %v", tc.sentence, tc.years, got, tc.want)
		}
	}
}

// A where-answer cites where its report first writes the phrase.
func TestFirstMention(t *testing.T) {
	hits := []search.Hit{
		{ID: "a/4/p69", Report: "a", Match: search.MatchLiteral, Order: 69},
		{ID: "b/1/p1", Report: "b", Match: search.MatchLiteral, Order: 1},
		{ID: "a/3.3/p3", Report: "a", Match: search.MatchLiteral, Order: 30},
		{ID: "a/1/p1", Report: "a", Match: search.MatchWords, Order: 1},
	}
	if got := firstMention(hits); got.ID != "a/3.3/p3" {
		t.Errorf("firstMention = %s, want a/3.3/p3", got.ID)
	}
}

func TestCountedAfter(t *testing.T) {
	for _, c := range []struct {
		fig  corpus.Figure
		want string
	}{
		{corpus.Figure{Text: "453台", Class: corpus.ClassCount, Sentence: "全区453台10蒸吨及以下燃煤锅炉已全部拆除，实现“清零”。"}, "10蒸吨及以下燃煤锅炉已全部拆除"},
		{corpus.Figure{Text: "12家", Class: corpus.ClassOrgs, Sentence: "新增规上企业12家。"}, ""},
		// A level of money counts nothing.
		{corpus.Figure{Text: "32.25亿元", Class: corpus.ClassMoney, Sentence: "固定资产投资完成32.25亿元，同比增长32.4%；"}, ""},
	} {
		if got := countedAfter(&c.fig); got != c.want {
			t.Errorf("countedAfter(%q in %q) = %q, want %q", c.fig.Text, c.fig.Sentence, got, c.want)
		}
	}
}
