package corpus

import (
	"strings"
	"testing"
)

func TestTrailerFrom(t *testing.T) {
	long := strings.Repeat("正文", 500)
	tests := []struct {
		name  string
		lines []line
		want  int
	}{
		{"lines of one length: the last quarter of the lines", linesOf("a", "b", "c", "d", "e", "f", "g", "h"), 6},
		{"a report of a few long lines, then many short ones: the last quarter of the text",
			linesOf(long, long, long, "（责任编辑：某某）", "链接", "链接", "链接", "链接", "链接", "链接", "链接", "链接", "链接", "链接"), 3},
		{"no lines", nil, 0},
	}
	for _, tc := range tests {
		if got := trailerFrom(tc.lines); got != tc.want {
			t.Errorf("%s: trailerFrom = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestTrailerInLongLines: a report of a few long lines ends at its
// editor's line, and the bracket that opens it is not a paragraph.
func TestTrailerInLongLines(t *testing.T) {
	review := strings.Repeat("全面推进各项工作，取得新成效。", 60)
	body := strings.Repeat("今年继续推进各项工作。", 60)
	text := "一、2010年工作回顾\n" + review + "\n二、2011年工作安排\n" + body + "\n（责任编辑：某某）\n编辑推荐\n明星照片\n娱乐新闻\n延伸阅读\n相关链接"
	r, err := Parse("r.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	last := r.Sections[len(r.Sections)-1]
	if n := len(last.Paragraphs); n != 1 || last.Paragraphs[0].Text != body {
		t.Errorf("last part has %d paragraphs; want only the body", n)
	}
}
