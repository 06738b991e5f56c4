package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"(一)全力以赴稳增长,经济发展稳进提质", "（一）全力以赴稳增长，经济发展稳进提质"},
		{"(2023年1月17日在杭州市上城区第一届人民代表大会第二次会议上)", "（2023年1月17日在杭州市上城区第一届人民代表大会第二次会议上）"},
		{"各位代表:", "各位代表："},
		{"“3+2”产业", "“3+2”产业"},
		{"同比增长３．３％，达１２３４５亿元", "同比增长3.3%，达12345亿元"},
		{"ＧＤＰ增长５．２％", "GDP增长5.2%"},
		{"１．都市经济质效齐升", "1.都市经济质效齐升"},
		{"合计1,234,567元", "合计1,234,567元"},
		{"三次产业结构演进为3.6 : 48 : 48.4。", "三次产业结构演进为3.6 : 48 : 48.4。"},
		{"“一本账S2”(S2)", "“一本账S2”(S2)"},
		{"政 府 工 作 报 告", "政府工作报告"},
		{"国务院总理　李克强", "国务院总理 李克强"},
		{"上海市市长 龚 正", "上海市市长龚正"},
		{"李　强", "李强"},
		{"张三 李四 王五", "张三 李四 王五"},
		{"报告 （草案）", "报告（草案）"},
		{`完成目标。"十四五"规划开局良好。`, "完成目标。“十四五”规划开局良好。"},
		{`他说"OK"`, `他说"OK"`},
		{"!!购", "！！购"},
		{")(长0", "）（长0"},
		{"\u3000\u3000现在，我代表国务院", "现在，我代表国务院"},
		{"人\u200b民满意\ufeff", "人民满意"},
		{"广东省省长\u00a0孟凡利 ", "广东省省长 孟凡利"},
		{"PM  2.5  浓度", "PM 2.5 浓度"},
		{"Public   domain", "Public domain"},
		{"是否完成?是!", "是否完成？是！"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzNormalize checks that normalizing twice changes nothing and that the
// result is valid UTF-8 without line breaks.
//
//	go test ./corpus -run '^$' -fuzz FuzzNormalize -fuzztime 30s
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"(一)全力以赴,经济", "!!购", ")(长0", "政 府 工 作", "1,234元", `"十四五"`, "３．３％", "a ( b ) 中"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\n\r") {
			return
		}
		once := Normalize(s)
		if twice := Normalize(once); twice != once {
			t.Fatalf("Normalize(%q) = %q, but Normalize of that = %q", s, once, twice)
		}
		if !utf8.ValidString(once) && utf8.ValidString(s) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, once)
		}
	})
}

func TestNormalizeIsIdempotent(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for p := range r.Paragraphs() {
		if n := Normalize(p.Text); n != p.Text {
			t.Errorf("%s: Normalize changes normalized text:\n%q\n%q", p.ID, p.Text, n)
		}
	}
}

func TestChineseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"一", 1, true}, {"三", 3, true}, {"十", 10, true}, {"十一", 11, true}, {"二十", 20, true},
		{"二十三", 23, true}, {"一百零五", 105, true}, {"两百", 200, true}, {"二〇二三", 2023, true},
		{"二O一五", 2015, true}, {"12", 12, true}, {"", 0, false}, {"甲", 0, false}, {"O", 0, false},
	}
	for _, tc := range tests {
		got, ok := chineseNumber(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("chineseNumber(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
