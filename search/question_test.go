package search

import (
	"strings"
	"testing"
	"unicode/utf8"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

func TestIsQuestion(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"2022年城镇新增就业多少人", true},
		{"2023年计划新增多少托位？", true},
		{"哪里提到德寿宫", true},
		{"2023年教育方面有哪些目标?", true},
		{"新增国家高新技术企业几家", true},
		{"地区生产总值是多少", true},
		{"楼宇经济", false},
		{"加装电梯 year:2023", false},
		{"\"未来社区\" -养老", false},
		{"托育 OR 托位", false},
		{"多少 year:2022", false},
		{"新增托位几个", true},
		{"完成了吗？", true},
		{"几乎", false},
		{"几代人", false},
		{"几字弯", false},
		{"如何推进城市更新", false},
		{"吗啡", false},
		{"", false},
		{"   ", false},
	} {
		if got := IsQuestion(tc.in); got != tc.want {
			t.Errorf("IsQuestion(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// FuzzQuestion reads arbitrary text as a question: the place and the frame
// must come out without a panic, in valid UTF-8 when the text is.
//
//	go test ./search -run '^$' -fuzz FuzzQuestion -fuzztime 60s
func FuzzQuestion(f *testing.F) {
	for _, s := range []string{"广东2026年地区生产总值增长目标是多少？", "2023年上城区新增托位几个", "请问二〇二二年全国城镇新增就业", "河北2025 固投增速",
		"社区的养老服务中心有多少个", "杭州市地区生产总值", "增加了多少学位", "全国", "年", "多少", "从", "2026年全国", "了多少"} {
		f.Add(s)
	}
	g := newRegions([]indexer.ReportEntry{
		{ID: "gd", Region: corpus.Region{"广东省"}},
		{ID: "sc", Region: corpus.Region{"杭州市", "上城区"}},
		{ID: "cn", Region: corpus.Region{corpus.National}},
		{ID: "x"},
	})
	tax := corpus.DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, q string) {
		text := corpus.Normalize(q)
		place := g.inQuestion(text)
		fr := AnalyseQuestion(place.Rest, 2023, tax)
		if utf8.ValidString(q) && (!utf8.ValidString(place.Rest) || !utf8.ValidString(fr.Indicator)) {
			t.Fatalf("%q: rest %q, indicator %q", q, place.Rest, fr.Indicator)
		}
		if place.Name != "" && !strings.Contains(text, place.Name) {
			t.Fatalf("%q: place %q is not in the question", q, place.Name)
		}
	})
}
