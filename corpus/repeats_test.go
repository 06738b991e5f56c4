package corpus

import (
	"slices"
	"strings"
	"testing"
)

func TestDropRepeats(t *testing.T) {
	para := func(i int) string {
		return strings.Repeat("第"+string([]rune("一二三四五六")[i])+"段正文，", 20) + "完成任务。"
	}
	text := []string{"一、2018年工作回顾", para(0), para(1), "二、2019年工作安排", para(2), para(3)}
	tests := []struct {
		name  string
		lines []string
		want  []string
		why   []string
	}{
		{"a second copy and the furniture between are dropped",
			append(append(append([]string{}, text...), "网站地图", "主办：某省人民政府办公厅", "首页"), append(append([]string{}, text...), "是否继续？")...),
			text,
			[]string{"page furniture", "repeated text"}},
		{"a quoted sentence is not a copy",
			[]string{"一、工作回顾", para(0), "各位代表！", para(1), "二、工作安排", para(0)[:60], para(2)},
			[]string{"一、工作回顾", para(0), "各位代表！", para(1), "二、工作安排", para(0)[:60], para(2)},
			nil},
		{"a line said twice in a row is said once",
			[]string{"（三）全面加强社会建设", "", "（三）全面加强社会建设", para(0), "各位代表！", para(1), "各位代表！"},
			[]string{"（三）全面加强社会建设", "", para(0), "各位代表！", para(1), "各位代表！"},
			[]string{"repeated text"}},
		{"a line of the copy that the first lacks is kept when long",
			append(append([]string{}, text...), append(append([]string{}, text[:5]...), para(5))...),
			append(append([]string{}, text...), para(5)),
			[]string{"repeated text"}},
	}
	for _, tc := range tests {
		in := linesOf(tc.lines...)
		p := &parser{r: &Report{}}
		var got []string
		for _, l := range p.dropDoubledLines(p.dropRepeats(in)) {
			got = append(got, l.text)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %.60q\nwant %.60q", tc.name, got, tc.want)
		}
		var why []string
		for _, d := range p.r.Dropped {
			if !slices.Contains(why, d.Reason) {
				why = append(why, d.Reason)
			}
		}
		slices.Sort(why)
		if !slices.Equal(why, tc.why) {
			t.Errorf("%s: dropped for %q, want %q", tc.name, why, tc.why)
		}
	}
}
