package corpus

import "testing"

func TestHeadingTitle(t *testing.T) {
	for printed, want := range map[string]string{
		"一、2022年国民经济和社会发展计划执行情况": "2022年国民经济和社会发展计划执行情况",
		"（三）推进老旧小区改造":            "推进老旧小区改造",
		"（十四）全面加强政府自身建设。":        "全面加强政府自身建设",
		"1.都市经济质效齐升":             "都市经济质效齐升",
		"(3)推进改革":                "推进改革",
		"政府工作报告":                 "政府工作报告",
		"  二、主要任务 ":              "主要任务",
	} {
		if got := HeadingTitle(printed); got != want {
			t.Errorf("HeadingTitle(%q) = %q, want %q", printed, got, want)
		}
	}
}
