package t2s

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"老舊小區", "老旧小区"},
		{"老旧小区", "老旧小区"},
		{"地區生產總值增長3.3%", "地区生产总值增长3.3%"},
		{"衞生署", "卫生署"},           // a Hong Kong variant folds as 衛 does
		{"關於推進數字經濟", "关于推进数字经济"}, // 於 → 于
		{"顯著成效", "显著成效"},         // 著 stays: it is a simplified character too
		{"GDP（億元）", "GDP（亿元）"},
		{"薴", "苎"}, // a chain of the table: 薴 → 苧 → 苎
		{"", ""},
	}
	for _, tc := range tests {
		got := String(tc.in)
		if got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if len(got) != len(tc.in) {
			t.Errorf("String(%q) has %d bytes, the input %d", tc.in, len(got), len(tc.in))
		}
		if Changes(tc.in) != (got != tc.in) {
			t.Errorf("Changes(%q) = %v", tc.in, Changes(tc.in))
		}
	}
}

// TestTableFigures: the counts of what the table keeps and leaves out,
// which the package doc and the report cite. A newer OpenCC changes them:
// look at what changed before updating.
func TestTableFigures(t *testing.T) {
	s := TableStats()
	t.Logf("%+v", s)
	if s.Lines < 4000 || s.Kept < 3000 || s.OtherLength == 0 || s.Variants == 0 {
		t.Errorf("table %+v: fewer characters than OpenCC's TSCharacters has", s)
	}
	if s.Kept+s.Identity+s.OtherLength != s.Lines+s.Variants {
		t.Errorf("table %+v: kept, identity and other-length lines do not add up", s)
	}
}

// TestFoldingIsStable: over every character of the table, folding keeps
// the UTF-8 length, folding twice is folding once, and Traditional is its
// inverse.
func TestFoldingIsStable(t *testing.T) {
	var all strings.Builder
	for r := rune(firstFolded); r <= 0x3FFFF; r++ {
		m := Rune(r)
		if m == r {
			continue
		}
		all.WriteRune(r)
		if utf8.RuneLen(m) != utf8.RuneLen(r) {
			t.Errorf("%c U+%04X folds to %c U+%04X of another length", r, r, m, m)
		}
		if Rune(m) != m {
			t.Errorf("%c folds to %c, which folds again to %c", r, m, Rune(m))
		}
		if back := Traditional(string(m)); Rune([]rune(back)[0]) != m {
			t.Errorf("Traditional(%c) = %s, which does not fold back", m, back)
		}
	}
	s := all.String()
	if String(String(s)) != String(s) {
		t.Error("folding the table's characters twice differs from once")
	}
	if n := utf8.RuneCountInString(s); n != TableStats().Kept {
		t.Errorf("%d characters fold, the table says %d", n, TableStats().Kept)
	}
}

func TestTraditional(t *testing.T) {
	for _, s := range []string{"老旧小区改造", "地区生产总值增长3.3%", "关于2023年国民经济和社会发展计划"} {
		tr := Traditional(s)
		if tr == s {
			t.Errorf("Traditional(%q) changed nothing", s)
		}
		if String(tr) != String(s) {
			t.Errorf("String(Traditional(%q)) = %q", s, String(tr))
		}
	}
	if got := Traditional("老旧小区"); got != "老舊小區" {
		t.Errorf("Traditional(老旧小区) = %q", got)
	}
}

func TestStringSharesUnchanged(t *testing.T) {
	s := strings.Repeat("城镇新增就业", 10)
	if n := testing.AllocsPerRun(100, func() { _ = String(s) }); n != 0 {
		t.Errorf("String of simplified text allocates %.0f times", n)
	}
}

func BenchmarkString(b *testing.B) {
	s := strings.Repeat("全年实现地区生产总值增长3.3%，老旧小区综合改造提升。", 40)
	tr := Traditional(s)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if String(tr) != String(s) {
			b.Fatal("folding differs")
		}
	}
}

func BenchmarkRune(b *testing.B) {
	s := []rune(strings.Repeat("全年实现地区生产总值增长3.3%，老舊小區綜合改造提升。", 40))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		n := 0
		for _, r := range s {
			if Rune(r) != r {
				n++
			}
		}
		if n == 0 {
			b.Fatal("nothing folded")
		}
	}
}

// BenchmarkBuild is what the table costs at start-up (built once, in init).
func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		f, err := build()
		if err != nil || f.stats.Kept != table.stats.Kept {
			b.Fatal(err)
		}
	}
}

func TestPhraseForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"批覆", []string{"批复"}},
		{"批复", []string{"批覆"}},
		{"反覆審批", []string{"反复审批"}},
		{"據瞭解", []string{"据了解"}},
		{"老旧小区", nil},
		{"乾隆", nil}, // a phrase that folds as its characters do
	}
	for _, tc := range tests {
		got := PhraseForms(tc.in)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("PhraseForms(%q) = %q, want %q", tc.in, got, tc.want)
		}
		for _, f := range got {
			if len(f) != len(String(tc.in)) {
				t.Errorf("PhraseForms(%q): %q has another length", tc.in, f)
			}
		}
	}
	if n := PhrasePairs(); n < 200 {
		t.Errorf("%d phrase pairs", n)
	}
}
