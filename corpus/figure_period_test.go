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

// TestFigureDating: the year right before a value after a range's end
// dates it (national_2008); a year past the plan year makes a target
// (national_1979), in a dated section too (争取1997年…, national_1993);
// 抓好2002年13个项目 is not 2002's (city_zhumadian_2003).
func TestFigureDating(t *testing.T) {
	for _, c := range []struct {
		text, fig  string
		past, plan int
		section    Kind // the paragraph's section, when it is a plan's
		year       int
		kind       FigureKind
	}{
		{"城镇居民人均可支配收入由2002年7703元增加到2007年13786元。", "7703元", 2007, 2008, "", 2002, FigureActual},
		{"城镇居民人均可支配收入由2002年7703元增加到2007年13786元。", "13786元", 2007, 2008, "", 2007, FigureActual},
		{"全社会研究与实验发展经费，从2002年1288亿元增加到2007年的3664亿元。", "1288亿元", 2007, 2008, "", 2002, FigureActual},
		{"全社会研究与实验发展经费，从2002年1288亿元增加到2007年的3664亿元。", "3664亿元", 2007, 2008, "", 2007, FigureActual},
		{"今后要继续努力使它逐年下降，一九八五年要降到千分之五左右。", "千分之五左右", 1978, 1979, "", 1985, FigureTarget},
		{"争取1997年粮食产量达到4.75亿吨。", "4.75亿吨", 1992, 1993, KindTarget, 1997, FigureTarget},
		{"抓好2002年13个干线公路项目的实施。", "13个", 2002, 2003, KindTarget, 2003, FigureTarget},
	} {
		p := &Paragraph{ID: "x/p1", Text: Normalize(c.text), Kind: c.section}
		if c.section == KindTarget {
			p.Year = c.plan
		}
		p.Sentences = Sentences(p.Text)
		extractFigures(p, figureContext{past: c.past, plan: c.plan})
		var got *Figure
		for _, f := range p.Figures {
			if f.Text == c.fig {
				got = f
			}
		}
		if got == nil {
			t.Errorf("%q: no figure %q", c.text, c.fig)
			continue
		}
		if got.Year != c.year || got.Kind != c.kind {
			t.Errorf("%q: %s is %d %s, want %d %s", c.text, c.fig, got.Year, got.Kind, c.year, c.kind)
		}
	}
}
