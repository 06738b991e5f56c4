package query

import (
	"fmt"
	"strings"
	"testing"
)

// TestParseRepairs: an unpaired quote or bracket is read as the user most
// likely meant it — input → the query searched, the note the page shows,
// and the marks repaired (kind@byte offset).
func TestParseRepairs(t *testing.T) {
	tests := []struct{ in, want, note, repairs string }{
		{`"老旧小区`, `"老旧小区"`, `引号未配对，已按 "老旧小区" 搜索`, "quote@0"},
		{`养老 "康养`, `养老 "康养"`, `引号未配对，已按 养老 "康养" 搜索`, "quote@7"},
		{"“数字经济", `"数字经济"`, `引号未配对，已按 "数字经济" 搜索`, "quote@0"},
		{"「宋韵", `"宋韵"`, `引号未配对，已按 "宋韵" 搜索`, "quote@0"},
		// The phrase ends with its word: what follows is still the language.
		{`"老旧小区 改造 -拆迁 year:2023`, `"老旧小区" 改造 -拆迁 year:2023`, `引号未配对，已按 "老旧小区" 改造 -拆迁 year:2023 搜索`, "quote@0"},
		// A closing quote of another kind ends it.
		{`“数字经济" 发展`, `"数字经济" 发展`, `引号未配对，已按 "数字经济" 发展 搜索`, "quote@0"},
		{`-"新冠疫情 养老`, `养老 -"新冠疫情"`, `引号未配对，已按 养老 -"新冠疫情" 搜索`, "quote@1"},
		// A closing quote that closes nothing, and an opening one with
		// nothing after it, are dropped.
		{"老旧小区”", "老旧小区", "引号未配对，已按 老旧小区 搜索", "quote@12"},
		{`老旧小区"`, "老旧小区", "引号未配对，已按 老旧小区 搜索", "quote@12"},
		{"数字”经济", "数字经济", "引号未配对，已按 数字经济 搜索", "quote@6"},
		// Brackets are paired within a word; an unpaired one is dropped.
		{"（养老", "养老", "括号未配对，已按 养老 搜索", "bracket@0"},
		{"(养老", "养老", "括号未配对，已按 养老 搜索", "bracket@0"},
		{"养老)", "养老", "括号未配对，已按 养老 搜索", "bracket@6"},
		{"养老 )", "养老", "括号未配对，已按 养老 搜索", "bracket@7"},
		{"（养老 服务）", "养老 服务", "括号未配对，已按 养老 服务 搜索", "bracket@0 bracket@16"},
		{"【数字经济", "数字经济", "括号未配对，已按 数字经济 搜索", "bracket@0"},
		{"《政府工作报告", "政府工作报告", "括号未配对，已按 政府工作报告 搜索", "bracket@0"},
		{"第（一项", "第一项", "括号未配对，已按 第一项 搜索", "bracket@3"},
		{"（一））", "（一）", "括号未配对，已按 （一） 搜索", "bracket@9"},
		{"“（养老", `"（养老"`, `引号未配对，已按 "（养老" 搜索`, "quote@0"}, // a phrase is literal
		{"（养老” 服务", "养老 服务", "引号和括号未配对，已按 养老 服务 搜索", "bracket@0 quote@9"},
		// What is left may read as syntax: it is then a phrase, so that
		// the query's String means what was searched.
		{"（-养老", `"-养老"`, `括号未配对，已按 "-养老" 搜索`, "bracket@0"},
		{"（OR", `"OR"`, `括号未配对，已按 "OR" 搜索`, "bracket@0"},
		{"（year:2023", `"year:2023"`, `括号未配对，已按 "year:2023" 搜索`, "bracket@0"},
		// Paired marks need no repair.
		{"（一）", "（一）", "", ""},
		{"(一)", "（一）", "", ""},
		{"(一）", "（一）", "", ""}, // one shape in two widths
		{"“3+2”产业", `"3+2" 产业`, "", ""},
	}
	for _, tc := range tests {
		q, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		var reps []string
		for _, r := range q.Repairs {
			reps = append(reps, fmt.Sprintf("%s@%d", r.Kind, r.Offset))
			if !strings.HasPrefix(tc.in[r.Offset:], r.Mark) {
				t.Errorf("Parse(%q): repair %+v is not at its mark", tc.in, r)
			}
		}
		if got := q.String(); got != tc.want {
			t.Errorf("Parse(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := q.Note(); got != tc.note {
			t.Errorf("Parse(%q).Note() = %q, want %q", tc.in, got, tc.note)
		}
		if got := strings.Join(reps, " "); got != tc.repairs {
			t.Errorf("Parse(%q) repairs %q, want %q", tc.in, got, tc.repairs)
		}
		// What was searched parses back to itself, without repairs.
		again, err := Parse(q.String())
		if err != nil || again.String() != q.String() || len(again.Repairs) > 0 {
			t.Errorf("Parse(%q).String() = %q parses to %v (%v)", tc.in, q.String(), again, err)
		}
	}
}
