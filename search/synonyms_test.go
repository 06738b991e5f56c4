package search

import (
	"slices"
	"testing"
)

func TestSynonymsOf(t *testing.T) {
	s, err := synonymsOf([][]string{{"GDP", "→", "地区生产总值、生产总值"}, {"养老", "=", "康养"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"gdp", []string{"地区生产总值", "生产总值"}},
		{"GDP", []string{"地区生产总值", "生产总值"}},
		{"养老", []string{"康养"}},
		{"康养", []string{"养老"}},
		{"地区生产总值", nil}, // one way
	} {
		if got := s.Expand(tc.word); !slices.Equal(got, tc.want) {
			t.Errorf("Expand(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
	for _, bad := range [][]string{{"甲", "→", "、"}, {" ", "=", "乙"}, {"甲", "~", "乙"}} {
		if _, err := synonymsOf([][]string{bad}); err == nil {
			t.Errorf("synonymsOf(%q): no error", bad)
		}
	}
	if s := DefaultSynonyms(); !slices.Equal(s.Expand("康养"), []string{"养老", "为老服务"}) {
		t.Errorf("DefaultSynonyms: 康养 expands to %v", s.Expand("康养"))
	}
}

func TestSynonymRewrite(t *testing.T) {
	s := DefaultSynonyms()
	for _, tc := range []struct {
		text  string
		words []string
		want  []string // each must be among the rewrites
		not   []string // none may be
	}{
		// An abbreviation the segmenter cuts into characters, with the
		// overlap written once.
		{"社零总额", []string{"总额"}, []string{"社会消费品零售总额"}, []string{"社会消费品零售总额总额"}},
		{"一般预算收入增长", []string{"一般", "预算", "收入", "增长"}, []string{"一般公共预算收入增长"}, nil},
		// Without words (as ask rewrites), a word of the text is rewritten.
		{"GDP增长", nil, []string{"地区生产总值增长", "生产总值增长"}, nil},
		// A word of the text is left to the word-by-word expansion.
		{"GDP增长", []string{"gdp", "增长"}, nil, []string{"地区生产总值增长"}},
		// A synonym that contains the word widens a query for the word,
		// not a longer term.
		{"城镇新增就业", []string{"城镇", "新增", "就业", "城镇新增就业"}, nil, []string{"城镇新增新增就业", "城镇新增就创"}},
		{"城镇新增就业", nil, nil, []string{"城镇新增新增就业"}},
		// The whole text is Expand's.
		{"社零", nil, nil, []string{"社会消费品零售总额"}},
	} {
		got := s.Rewrite(tc.text, tc.words)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("Rewrite(%q, %v) = %v, want %q among them", tc.text, tc.words, got, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("Rewrite(%q, %v) = %v, must not have %q", tc.text, tc.words, got, w)
			}
		}
	}
}

func TestJoinOverlapping(t *testing.T) {
	for _, tc := range [][3]string{
		{"社会消费品零售总额", "总额", "社会消费品零售总额"},
		{"社会消费品零售总额", "总额增长", "社会消费品零售总额增长"},
		{"地区生产总值", "增长", "地区生产总值增长"},
		{"一般公共预算收入", "入库", "一般公共预算收入入库"}, // one character is not an overlap
		{"", "增长", "增长"},
		{"生产总值", "", "生产总值"},
	} {
		if got := joinOverlapping(tc[0], tc[1]); got != tc[2] {
			t.Errorf("joinOverlapping(%q, %q) = %q, want %q", tc[0], tc[1], got, tc[2])
		}
	}
}
