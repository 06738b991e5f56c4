package corpus

import "testing"

// TestOwnYear: the year that dates a figure when nothing else does is not
// a year compared with nor a ratio's base (national_1954, county_gaotang_2022).
func TestOwnYear(t *testing.T) {
	for _, c := range []struct {
		before string
		want   int
	}{
		{"一九五四年的学生人数比一九五一年增长", 1954},
		{"那么今年的工农业总产值将等于一九四九年的", 0},
		{"空气质量优良天数比2016年增加", 0},
		{"2020年空气质量优良天数比2016年增加", 2020},
		{"2021年全县生产总值是2015年的", 2021},
		{"全县粮食总产", 0},
	} {
		if got := ownYear(c.before); got != c.want {
			t.Errorf("ownYear(%q) = %d, want %d", c.before, got, c.want)
		}
	}
}
