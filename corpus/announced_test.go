package corpus

import (
	"slices"
	"testing"
)

func TestAnnouncedTitles(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"报告分六个部分：一、三年来的斗争和新时期的总任务；二、把揭批“四人帮”的斗争进行到底；三、加快社会主义经济建设。",
			[]string{"三年来的斗争和新时期的总任务", "把揭批“四人帮”的斗争进行到底", "加快社会主义经济建设"}},
		{"我讲三个问题：一、当前的经济形势；二、今后的方针。", []string{"当前的经济形势", "今后的方针"}},
		// one item is a sentence, not an outline
		{"报告分一个部分：一、总任务。", nil},
		{"全年分三个阶段推进。", nil},
	}
	for _, tc := range tests {
		if got := announcedTitles(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("announcedTitles(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestMarkAnnouncedParts(t *testing.T) {
	heads := func(ls []line) []string {
		var out []string
		for _, l := range ls {
			if l.isHead {
				out = append(out, l.head.title)
			}
		}
		return out
	}
	tests := []struct {
		name  string
		lines []line
		want  []string
	}{
		{"announced titles in order become parts",
			linesOf("报告分两个部分：一、当前形势；二、今后任务。", "当前形势", "形势很好。", "今后任务", "任务很重。"),
			[]string{"当前形势", "今后任务"}},
		{"out of order they stay text",
			linesOf("报告分两个部分：一、当前形势；二、今后任务。", "今后任务", "当前形势"),
			[]string{"当前形势"}},
		{"a report that numbers its parts is left alone",
			linesOf("一、工作回顾", "报告分两个部分：一、当前形势；二、今后任务。", "当前形势"),
			[]string{"工作回顾"}},
	}
	for _, tc := range tests {
		markAnnouncedParts(tc.lines)
		if got := heads(tc.lines); !slices.Equal(got, tc.want) {
			t.Errorf("%s: headings %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestIsDatedPartHeading(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"2003年工作回顾", true},
		{"2004年主要工作及措施", true},
		{"二〇〇八年主要任务", true},
		{"2003年，全省经济平稳增长。", false},
		{"全面建设小康社会", false},
		{"2003年全省生产总值", false}, // a year, but no word of review or plan
		{"一、2003年工作回顾", false}, // numbered: a heading already
	}
	for _, tc := range tests {
		if got := isDatedPartHeading(newLine(1, tc.text)); got != tc.want {
			t.Errorf("isDatedPartHeading(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestMarkDatedParts(t *testing.T) {
	parts := func(ls []line) []string {
		var out []string
		for _, l := range ls {
			if l.isHead && l.head.style == stylePart {
				out = append(out, l.head.title)
			}
		}
		return out
	}
	tests := []struct {
		name  string
		lines []line
		want  []string
	}{
		{"dated headings before chapters become parts",
			linesOf("2003年工作回顾", "刚刚过去的一年很不寻常。", "（一）经济平稳增长", "增长较快。", "2004年主要工作及措施", "今年是关键一年。", "（一）加快发展", "要加快发展。"),
			[]string{"2003年工作回顾", "2004年主要工作及措施"}},
		{"not without a chapter after them",
			linesOf("2003年工作回顾", "刚刚过去的一年很不寻常。"),
			nil},
		{"a report that numbers its parts is left alone",
			linesOf("一、工作回顾", "2004年主要任务", "（一）加快发展"),
			[]string{"工作回顾"}},
	}
	for _, tc := range tests {
		markDatedParts(tc.lines)
		if got := parts(tc.lines); !slices.Equal(got, tc.want) {
			t.Errorf("%s: parts %q, want %q", tc.name, got, tc.want)
		}
	}
}
