package corpus

import "testing"

func TestPageTitleOff(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2024年广东省政府工作报告_财经评论(cjpl)股吧_东方财富网股吧", "2024年广东省政府工作报告"},
		{"政府工作报告｜某某市人民政府", "政府工作报告"},
		// Before the separator no report is named: the line stays whole.
		{"首页_政府工作报告", "首页_政府工作报告"},
		{"2023年政府工作报告", "2023年政府工作报告"},
	} {
		if got := pageTitleOff(c.in); got != c.want {
			t.Errorf("pageTitleOff(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
