package corpus

import (
	"strings"
	"testing"
)

// TestExcerpt is the table of passages: matches in one sentence, in two
// apart, in two together, at the end, none (a short and a long paragraph),
// and a sentence that already ends in an ellipsis.
func TestExcerpt(t *testing.T) {
	const text = "甲事完成。乙事推进，新建智慧养老院1家。丙事开展；丁事落实。戊事收尾。"
	at := func(s string) [][2]int {
		i := strings.Index(text, s)
		return [][2]int{{i, i + len(s)}}
	}
	long := strings.Repeat("这是一个很长的句子，用来检验没有匹配时的摘录长度。", 20)
	for _, tc := range []struct {
		name, text string
		spans      [][2]int
		want       string
	}{
		{"one sentence", text, at("智慧养老院"), "乙事推进，新建智慧养老院1家……"},
		{"two apart", text, append(at("甲事"), at("丁事")...), "甲事完成……丁事落实……"},
		{"two together", text, append(at("乙事"), at("丙事")...), "乙事推进，新建智慧养老院1家。丙事开展……"},
		{"the last", text, at("戊事"), "戊事收尾。"},
		{"a match across sentences", text, at("完成。乙事"), "甲事完成。乙事推进，新建智慧养老院1家……"},
		{"no match, short", text, nil, text},
		{"no match, long", long, nil, strings.Repeat("这是一个很长的句子，用来检验没有匹配时的摘录长度。", 7) + "这是一个很长的句子，用来检验没有匹配时的摘录长度……"},
		{"an ellipsis already", "一是……。二是推进。", [][2]int{{0, 3}}, "一是……"},
		{"no sentence end", "没有句号的标题", nil, "没有句号的标题"},
	} {
		if got := Excerpt(tc.text, tc.spans); got != tc.want {
			t.Errorf("%s: Excerpt = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestQuote checks the drafter's form against the example, and
// the forms of a report the index does not know.
func TestQuote(t *testing.T) {
	m := Meta{ID: "sc", Title: "关于上城区2022年国民经济和社会发展计划执行情况及2023年国民经济和社会发展计划草案", Issuer: "上城区发展改革和经济信息化局", Date: "2023-01-17"}
	q := m.Quote("sc/2.4.2/p1", "第二部分（四）2.", "新建智慧养老院1家……")
	want := "“新建智慧养老院1家……”（《关于上城区2022年国民经济和社会发展计划执行情况及2023年国民经济和社会发展计划草案》，上城区发展改革和经济信息化局，2023年1月17日，第二部分（四）2.）"
	if q.Text != want {
		t.Errorf("Quote = %q\nwant    %q", q.Text, want)
	}
	if q.Code != CiteCode("sc/2.4.2/p1") || q.Link != "/p/sc/2.4.2/p1" || q.GBT7714 != m.CiteGBT7714() {
		t.Errorf("Quote = %+v", q)
	}
	md := q.Markdown("http://h/p/sc/2.4.2/p1")
	if wantMD := "“新建智慧养老院1家……”（[《" + m.Title + "》](http://h/p/sc/2.4.2/p1)，上城区发展改革和经济信息化局，2023年1月17日，第二部分（四）2.，引用码 " + q.Code + "）"; md != wantMD {
		t.Errorf("Markdown = %q\nwant       %q", md, wantMD)
	}
	if got := m.Quote("sc/1/p1", "第一部分", "打造“就创群落”新模式。").Passage; got != "打造‘就创群落’新模式。" {
		t.Errorf("inner quotation marks: %q", got)
	}
	if got := (Meta{}).Quote("x/1/p1", "第一部分", "甲。").Text; got != "“甲。”（第一部分）" {
		t.Errorf("an unknown report: %q", got)
	}
	if got := m.Quote("sc/1/p1", "第一部分", "a*b_[c]").Markdown("/p"); !strings.HasPrefix(got, `“a\*b\_\[c\]”`) {
		t.Errorf("Markdown does not escape the passage: %q", got)
	}
}
