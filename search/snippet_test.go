package search

import (
	"strings"
	"testing"
)

func TestSnippets(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		needles []string
		max     int
		want    []string // snippets with matches in []
	}{
		{"sentence aligned", "甲乙丙。加装电梯127台；其他内容。", []string{"加装电梯"}, 3, []string{"[加装电梯]127台；"}},
		{"best sentences first, shown in order", "甲有养老。乙无关。丙有养老和托育。丁有托育。", []string{"养老", "托育"}, 2,
			[]string{"甲有[养老]。", "丙有[养老]和[托育]。"}},
		{"overlapping matches merge", "地区生产总值增长。", []string{"地区生产", "生产总值"}, 3, []string{"[地区生产总值]增长。"}},
		{"touching matches merge", "城镇新增就业3.4万人。", []string{"城镇", "新增就业"}, 3, []string{"[城镇新增就业]3.4万人。"}},
		{"every occurrence", "楼宇经济与楼宇经济。", []string{"楼宇经济"}, 3, []string{"[楼宇经济]与[楼宇经济]。"}},
		{"Latin without case", "GDP增长，gdp总量。", []string{"GDP"}, 3, []string{"[GDP]增长，[gdp]总量。"}},
		{"a match across a sentence end joins the sentences", "前一句。后一句。", []string{"句。后"}, 3, []string{"前一[句。后]一句。"}},
		{"no match: the first sentence", "第一句。第二句。", []string{"没有"}, 3, []string{"第一句。"}},
		{"empty needles ignored", "内容。", []string{""}, 3, []string{"内容。"}},
	}
	for _, tc := range tests {
		got := snippets(tc.text, tc.needles, tc.max)
		var rendered []string
		for _, s := range got {
			var b strings.Builder
			at := 0
			for _, m := range s.Matches {
				if m[0] < at || m[1] > len(s.Text) || m[0] >= m[1] {
					t.Fatalf("%s: match %v out of order or range in %q", tc.name, m, s.Text)
				}
				b.WriteString(s.Text[at:m[0]] + "[" + s.Text[m[0]:m[1]] + "]")
				at = m[1]
			}
			b.WriteString(s.Text[at:])
			rendered = append(rendered, b.String())
		}
		if strings.Join(rendered, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: %q, want %q", tc.name, rendered, tc.want)
		}
	}
}
