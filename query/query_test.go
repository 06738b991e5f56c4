package query

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"楼宇经济", "楼宇经济"},
		{"  楼宇经济  ", "楼宇经济"},
		{"就业 创业", "就业 创业"},
		{`"金融港湾核心区"`, `"金融港湾核心区"`},
		{"“金融港湾核心区”", `"金融港湾核心区"`},
		{"「宋韵」", `"宋韵"`},
		{`"地区 生产总值"`, `"地区 生产总值"`},
		{"-疫情", ""}, // exclusions alone are an error: see TestParseErrors
		{"养老 -疫情", "养老 -疫情"},
		{`养老 -"新冠疫情"`, `养老 -"新冠疫情"`},
		{"托育 OR 托位", "托育 OR 托位"},
		{"托育 OR 托位 OR 婴幼儿照护 2023", "托育 OR 托位 OR 婴幼儿照护 2023"},
		{"养老 OR 康养 就业", "养老 OR 康养 就业"},
		{"or 小写不是运算符", "or 小写不是运算符"},
		{"year:2023", "year:2023"},
		{"year:2023年", "year:2023"},
		{"年份：2022", "year:2022"},
		{"YEAR:2023", "year:2023"},
		{"kind:target", "kind:target"},
		{"kind:目标", "kind:target"},
		{"kind:result", "kind:actual"},
		{"kind:预计", "kind:estimate"},
		{"domain:教育", "domain:教育"},
		{"领域:教育 托位", "托位 domain:教育"},
		{"part:四", "part:四"},
		{"chapter:四（三）", "chapter:四（三）"},
		{"report:shangcheng-2022-plan-report", "report:shangcheng-2022-plan-report"},
		{"unit:台", "unit:台"},
		{"figure:>100亿元", "figure:>10000000000元"},
		{"figure:>=3.4万人", "figure:>=34000人"},
		{"figure:≤50%", "figure:<=50%"},
		{"figure:＞１００亿元", "figure:>10000000000元"},
		{"figure:1200", "figure:=1200"},
		{"加装电梯 year:2023 kind:target", "加装电梯 year:2023 kind:target"},
		{"2.50:1", "2.50:1"},
		{"3:2", "3:2"},
		{"主要目标：", "主要目标："},
		{"领导:张三", "领导：张三"},
		{"GDP：", "GDP："},
		{"http://x.cn", "http://x.cn"},
		{"GDP", "GDP"},
		{"ｇｄｐ增长", "gdp增长"},
		{"3.3%", "3.3%"},
		{"（一）", "（一）"},
		{"(一)", "（一）"},
		{"“3+2”产业", `"3+2" 产业`},
		// Filter values in traditional characters are the simplified ones
		// the reports are tagged with; text stays as typed (the index folds it).
		{"領域:數字經濟 老舊小區", "老舊小區 domain:数字经济"},
		{"region:廣東 unit:臺", "region:广东 unit:台"},
		{"kind:預計", "kind:estimate"},
	}
	for _, tc := range tests {
		if tc.want == "" {
			continue
		}
		q, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := q.String(); got != tc.want {
			t.Errorf("Parse(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, says string }{
		{"", "empty"},
		{"   ", "empty"},
		{`""`, "empty phrase"},
		{"foo:bar", `unknown field "foo"`},
		{"yaer:2023", `unknown field "yaer"`},
		{"year:", "year: needs a value"},
		{"year:二〇二三", "not a year"},
		{"year:1800", "not a year"},
		{"kind:maybe", "not one of target, actual, estimate"},
		{"figure:>", "needs a number"},
		{"figure:>abc", "not a number"},
		{"figure:>100亿元多", "unexpected"},
		{"OR 养老", "OR must stand between two terms"},
		{"养老 OR", "OR must stand between two terms"},
		{"养老 OR OR 康养", "OR must stand between two terms"},
		{"养老 OR year:2023", "OR must stand between two terms"},
		{"- 养老", "'-' must be followed"},
		{`"`, "empty"}, // an unpaired quote dropped leaves nothing
		{"养老 -", "'-' must be followed"},
		{"-year:2023 养老", "cannot be excluded"},
		{"-疫情", "exclusions only"},
		{strings.Repeat("长", MaxQueryLength+1), "the limit is 256"},
	}
	for _, tc := range tests {
		_, err := Parse(tc.in)
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want an error saying %q", tc.in, tc.says)
			continue
		}
		if !strings.Contains(err.Error(), tc.says) {
			t.Errorf("Parse(%q) = %v, want it to say %q", tc.in, err, tc.says)
		}
		var pe *ParseError
		if !errors.As(err, &pe) && !errors.Is(err, ErrEmptyQuery) {
			t.Errorf("Parse(%q): error %T is neither a ParseError nor ErrEmptyQuery", tc.in, err)
		}
	}
}

// FuzzParse: any input gives a query or an error, never a panic; a parse
// error points inside the input; a query's canonical form parses to the same
// query.
//
//	go test ./query -run '^$' -fuzz FuzzParse -fuzztime 30s
func FuzzParse(f *testing.F) {
	for _, s := range []string{"楼宇经济", `"金融港湾" -疫情 year:2023`, "托育 OR 托位", "figure:>100亿元 unit:台", "“宋韵", "2.50:1", "- OR :"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var pe *ParseError
			if errors.As(err, &pe) && (pe.Offset < 0 || pe.Offset > len(s)) {
				t.Fatalf("Parse(%q): offset %d outside the input", s, pe.Offset)
			}
			return
		}
		if !utf8.ValidString(s) {
			return
		}
		again, err := Parse(q.String())
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q does not parse: %v", s, q.String(), err)
		}
		if again.String() != q.String() {
			t.Fatalf("round trip: %q → %q → %q", s, q.String(), again.String())
		}
	})
}

// TestFieldNames: every word of lexicon/data/query-fields.tsv names a field of
// the language, and every field has its English name.
func TestFieldNames(t *testing.T) {
	for name, f := range fieldNames {
		if !slices.Contains(allFields, f) {
			t.Errorf("%s names %q, not a field", name, f)
		}
	}
	for _, f := range allFields {
		if fieldNames[string(f)] != f {
			t.Errorf("field %s has no English name", f)
		}
	}
}

// TestWordsRoundTrip: a query of words, whatever the text, prints as a
// query that parses back to it, so that the links built from it (a page,
// a facet) search what was asked.
func TestWordsRoundTrip(t *testing.T) {
	for _, text := range []string{"城镇新增就业", "年份:2023", "OR", "-养老", `说"好"`, "year:2023 教育", "甲 OR 乙", "“宋韵”", "PM2.5-3", "a:b", "全国 -"} {
		checkWordsRoundTrip(t, text)
	}
}

func checkWordsRoundTrip(t *testing.T, text string) {
	t.Helper()
	q := Words(text)
	if q.IsEmpty() || utf8.RuneCountInString(q.String()) > MaxQueryLength {
		return // a query that long was never typed: Parse refuses it
	}
	back, err := Parse(q.String())
	if err != nil {
		t.Fatalf("Words(%q).String() = %q does not parse: %v", text, q.String(), err)
	}
	want := q
	if holdsEveryClosingMark(q) {
		// The one lossy case Text.String documents: such a phrase loses
		// its " marks, which the analyzers drop anyway.
		want = withoutQuoteMarks(q)
	}
	if !reflect.DeepEqual(back, want) {
		t.Errorf("Words(%q) = %#v parses back as %#v", text, want, back)
	}
}

// holdsEveryClosingMark reports whether a phrase of q holds ", 」 and ”.
func holdsEveryClosingMark(q *Query) bool {
	for _, term := range q.Terms {
		for _, a := range term.Alternatives {
			if a.Phrase && strings.Contains(a.Value, `"`) && strings.Contains(a.Value, "」") && strings.Contains(a.Value, "”") {
				return true
			}
		}
	}
	return false
}

// withoutQuoteMarks is q with the " marks of such phrases dropped.
func withoutQuoteMarks(q *Query) *Query {
	out := *q
	out.Terms = nil
	for _, term := range q.Terms {
		term.Alternatives = slices.Clone(term.Alternatives)
		for i, a := range term.Alternatives {
			if a.Phrase && strings.Contains(a.Value, "」") && strings.Contains(a.Value, "”") {
				term.Alternatives[i].Value = strings.ReplaceAll(a.Value, `"`, "")
			}
		}
		out.Terms = append(out.Terms, term)
	}
	return &out
}

func FuzzWordsRoundTrip(f *testing.F) {
	for _, s := range []string{"城镇新增就业", "年份:2023", "OR", "-养老", `说"好"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if utf8.ValidString(s) {
			checkWordsRoundTrip(t, s)
		}
	})
}
