package corpus

import "testing"

// TestCite is the table of citation forms: with an issuer and a date, with
// a speaker only, without a date (the last year the report covers), and of
// a report the index does not hold.
func TestCite(t *testing.T) {
	full := Meta{ID: "sc", Title: "关于上城区2022年计划执行情况的报告", Issuer: "上城区发展改革和经济信息化局", Date: "2023-01-17",
		Meeting: "杭州市上城区第一届人民代表大会第二次会议"}
	speaker := Meta{ID: "zmd", Title: "政府工作报告", Speaker: "张三", Years: []int{2009, 2010}}
	for _, tc := range []struct {
		name                  string
		m                     Meta
		cite, linked, gbt7714 string
	}{
		{"issuer and date", full,
			"《关于上城区2022年计划执行情况的报告》（上城区发展改革和经济信息化局，2023年1月17日）第二部分（三）1.",
			"[《关于上城区2022年计划执行情况的报告》](/p/sc/2.3.1/p1)（上城区发展改革和经济信息化局，2023年1月17日）第二部分（三）1.",
			"上城区发展改革和经济信息化局. 关于上城区2022年计划执行情况的报告[R]. 杭州市上城区第一届人民代表大会第二次会议, 2023-01-17."},
		{"a speaker and years", speaker,
			"《政府工作报告》（张三，2010年）第二部分（三）1.",
			"[《政府工作报告》](/p/sc/2.3.1/p1)（张三，2010年）第二部分（三）1.",
			"政府工作报告[R]."},
		{"an unknown report", Meta{}, "第二部分（三）1.", "第二部分（三）1.", ""},
	} {
		if got := tc.m.Cite("第二部分（三）1."); got != tc.cite {
			t.Errorf("%s: Cite = %q, want %q", tc.name, got, tc.cite)
		}
		if got := tc.m.CiteLinked("第二部分（三）1.", Permalink("sc/2.3.1/p1")); got != tc.linked {
			t.Errorf("%s: CiteLinked = %q, want %q", tc.name, got, tc.linked)
		}
		if got := tc.m.CiteGBT7714(); got != tc.gbt7714 {
			t.Errorf("%s: CiteGBT7714 = %q, want %q", tc.name, got, tc.gbt7714)
		}
	}
	c := CiteParagraph(full, "sc/2.3.1/p1", "第二部分（三）1.", "二、… › （三）… › 1. …", "新建口袋公园5个。", "http://example.com/p/sc/2.3.1/p1")
	if c.Permalink != "/p/sc/2.3.1/p1" || c.Markdown != "> 新建口袋公园5个。\n\n—— [《关于上城区2022年计划执行情况的报告》](http://example.com/p/sc/2.3.1/p1)（上城区发展改革和经济信息化局，2023年1月17日）第二部分（三）1." ||
		c.Cite != full.Cite("第二部分（三）1.") || c.Report != "sc" || c.Locator != "第二部分（三）1." {
		t.Errorf("CiteParagraph = %+v", c)
	}
	if chineseDate("2023-01-17") != "2023年1月17日" || chineseDate("") != "" || chineseDate("2023") != "" {
		t.Error("chineseDate")
	}
}
