package corpus

import (
	"slices"
	"strings"
	"testing"
)

func TestSplitInlineHeadings(t *testing.T) {
	long := strings.Repeat("全面推进各项工作，", 120) + "取得新成效。"
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"headings that follow the numbering start lines",
			[]string{"一、2013年工作回顾过去一年，" + long + "二、2014年工作总体部署今年，" + long + "（一）推动改革。改革是首要任务。"},
			[]string{"一、2013年工作回顾过去一年，" + long, "二、2014年工作总体部署今年，" + long, "（一）推动改革。改革是首要任务。"}},
		{"a number out of sequence stays in the text",
			[]string{"一、工作回顾", long + "三、不是标题的三。" + long},
			[]string{"一、工作回顾", long + "三、不是标题的三。" + long}},
		{"a short line is never split",
			[]string{"一、工作回顾", "成效明显。二、二是另一件事。"},
			[]string{"一、工作回顾", "成效明显。二、二是另一件事。"}},
	}
	for _, tc := range tests {
		in := linesOf(tc.lines...)
		var got []string
		for _, l := range splitInlineHeadings(in) {
			got = append(got, l.text)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %.80q\nwant %.80q", tc.name, got, tc.want)
		}
	}
}
