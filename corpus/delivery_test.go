package corpus

import (
	"testing"
)

func TestYearOfTitle(t *testing.T) {
	tests := []struct {
		title string
		want  int
	}{
		{"2023年政府工作报告", 2023},
		{"关于2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告", 2023},
		{"二〇一九年政府工作报告", 2019},
		{"二O一五年政府工作报告", 2015},
		// a report that plans two years is given in the first
		{"关于1980、1981年国民经济计划安排的报告", 1980},
		{"政府工作报告", 0},
	}
	for _, tc := range tests {
		if got := yearOfTitle(tc.title); got != tc.want {
			t.Errorf("yearOfTitle(%q) = %d, want %d", tc.title, got, tc.want)
		}
	}
}

func TestYearOfOpening(t *testing.T) {
	tests := []struct {
		texts []string
		want  int
	}{
		{[]string{"新华社北京3月14日电政府工作报告——2014年3月5日在第十二届全国人民代表大会第二次会议上"}, 2014},
		{[]string{"一九七八年二月二十六日在第五届全国人民代表大会第一次会议上"}, 1978},
		{[]string{"现在，我代表市人民政府，向大会作工作报告。", "刚刚过去的2009年，面对金融危机的影响"}, 2010},
		{[]string{"回顾2021年，我们砥砺前行。"}, 2022},
		{[]string{"2021年，是“十四五”规划开局之年。"}, 0},
	}
	for _, tc := range tests {
		if got := yearOfOpening(tc.texts); got != tc.want {
			t.Errorf("yearOfOpening(%q) = %d, want %d", tc.texts, got, tc.want)
		}
	}
}

func TestYearOfHeadings(t *testing.T) {
	tests := []struct {
		titles []string
		want   int
	}{
		{[]string{"2022年工作回顾", "2023年工作安排"}, 2023},
		{[]string{"2012年工作回顾", "切实加强政府自身建设"}, 2013},
		{[]string{"二〇〇七年工作回顾", "二〇〇八年主要任务"}, 2008},
		{[]string{"关于社会主义革命", "关于人民生活"}, 0},
	}
	for _, tc := range tests {
		if got := yearOfHeadings(tc.titles); got != tc.want {
			t.Errorf("yearOfHeadings(%q) = %d, want %d", tc.titles, got, tc.want)
		}
	}
}

func TestYearOfFileName(t *testing.T) {
	tests := []struct {
		name string
		want int
	}{
		{"prov_hebei_2023_gwr.txt", 2023},
		{"005_national_1980_plan_report.txt", 1980},
		{"report-12345.txt", 0},
		{"shangcheng.txt", 0},
	}
	for _, tc := range tests {
		if got := yearOfFileName(tc.name); got != tc.want {
			t.Errorf("yearOfFileName(%q) = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestDeliverySteps: the most trusted source that says a year wins, and
// the report says which it was.
func TestDeliverySteps(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
		from       YearSource
	}{
		{"r_2020.txt", "2023年政府工作报告\n——2023年1月17日在某市第十六届人民代表大会第二次会议上\n一、2022年工作回顾\n成效明显。\n二、2023年工作安排\n稳中求进。", 2023, YearFromDate},
		{"r_2020.txt", "2023年政府工作报告\n一、工作回顾\n成效明显。\n二、工作安排\n稳中求进。", 2023, YearFromTitle},
		{"r_2020.txt", "各位代表：\n回顾2022年，我们砥砺前行。\n一、工作回顾\n成效明显。\n二、工作安排\n稳中求进。", 2023, YearFromOpening},
		{"r_2020.txt", "各位代表：\n一、2022年工作回顾\n成效明显。\n二、2023年工作安排\n稳中求进。", 2023, YearFromHeadings},
		{"r_2020.txt", "各位代表：\n一、工作回顾\n成效明显。\n二、工作安排\n稳中求进。", 2020, YearFromFileName},
	}
	for _, tc := range tests {
		r, err := Parse(tc.name, []byte(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		if r.Delivered != tc.want || r.DeliveredFrom != tc.from {
			t.Errorf("%q: delivered %d from %q, want %d from %q", tc.text, r.Delivered, r.DeliveredFrom, tc.want, tc.from)
		}
		if len(r.Years) == 0 {
			t.Errorf("%q: no years", tc.text)
		}
	}
}
