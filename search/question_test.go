package search

import "testing"

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
