package corpus

import (
	"slices"
	"strings"
	"testing"
)

func TestEscapedBreaks(t *testing.T) {
	tests := []struct {
		text  string
		lines int
		want  bool
	}{
		{`政府工作报告\r\n——2013年3月8日\r\n县长\r\n徐志清\r\n各位代表：\r\n现在，我代表…`, 1, true},
		{`一\n二\n三\n四\n五\n六`, 1, true},
		// a report that quotes an escape once or twice keeps it
		{`路径写作C:\new\report`, 1, false},
		// many real lines: the escapes are text
		{`a\nb\nc\nd`, 10, false},
	}
	for _, tc := range tests {
		if got := escapedBreaks(tc.text, tc.lines); got != tc.want {
			t.Errorf("escapedBreaks(%q, %d) = %v, want %v", tc.text, tc.lines, got, tc.want)
		}
	}
}

func pieceTexts(ps []piece) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.text)
	}
	return out
}

func TestUnescapeBreaks(t *testing.T) {
	got := pieceTexts(unescapeBreaks(piece{1, `政府工作报告\r\n——2013年3月8日\n各位代表：\r现在`}))
	want := []string{"政府工作报告", "——2013年3月8日", "各位代表：", "现在"}
	if !slices.Equal(got, want) {
		t.Errorf("unescapeBreaks = %q, want %q", got, want)
	}
}

func TestSplitResidue(t *testing.T) {
	tests := []struct {
		text    string
		want    []string
		dropped int
	}{
		{"时间：2024-04-02????作者：中国县域????来源：政府官网", []string{"时间：2024-04-02", "作者：中国县域", "来源：政府官网"}, 2},
		// a short run of question marks is a space
		{"县长??杨曙光", []string{"县长 杨曙光"}, 1},
		{"代表国务院<U+00A0>新华社记者摄&nbsp;各位代表：", []string{"代表国务院", "新华社记者摄", "各位代表："}, 2},
		{"没有残留的一行。", []string{"没有残留的一行。"}, 0},
	}
	for _, tc := range tests {
		p := &parser{r: &Report{}}
		got := pieceTexts(p.splitResidue(piece{1, tc.text}))
		if !slices.Equal(got, tc.want) || len(p.r.Dropped) != tc.dropped {
			t.Errorf("splitResidue(%q) = %q (%d dropped), want %q (%d)", tc.text, got, len(p.r.Dropped), tc.want, tc.dropped)
		}
		for _, d := range p.r.Dropped {
			if d.Reason != "crawler residue" {
				t.Errorf("dropped %q for %q", d.Text, d.Reason)
			}
		}
	}
}

func TestSplitIndents(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"各位代表：　　现在，我代表国务院。　　一、2021年工作回顾", []string{"各位代表：", "现在，我代表国务院。", "一、2021年工作回顾"}},
		// one full-width space is a space, not an indent
		{"它们是：　一项。", []string{"它们是：　一项。"}},
		// a line without a sentence lays out a name with wide spaces
		{"区长　　张天喜", []string{"区长　　张天喜"}},
		{"序号。\t\t项目名称", []string{"序号。", "项目名称"}},
	}
	for _, tc := range tests {
		if got := pieceTexts(splitIndents(piece{1, tc.text})); !slices.Equal(got, tc.want) {
			t.Errorf("splitIndents(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestEscapedReportParses: a report stored with its line breaks escaped
// (a database field) has its front matter and outline read.
func TestEscapedReportParses(t *testing.T) {
	text := strings.Join([]string{
		"政府工作报告", "——2013年3月8日在阜平县第十六届人民代表大会第二次会议上", "阜平县人民政府县长", "徐志清", "各位代表：",
		"现在，我代表阜平县人民政府向大会作工作报告，请予审议。",
		"一、2012年工作回顾", "过去的一年，全县经济平稳增长。",
		"二、2013年工作安排", "今年全县生产总值增长10%。",
	}, `\r\n`)
	r, err := Parse("escaped.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if r.Date != "2013-03-08" || len(r.Sections) != 2 || r.Sections[1].Year != 2013 {
		t.Errorf("date %q, %d parts, want 2013-03-08 and 2 parts planning 2013", r.Date, len(r.Sections))
	}
}
