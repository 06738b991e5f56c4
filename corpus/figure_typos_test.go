package corpus

import "testing"

// TestFoldDigitTypos reads the letters crawled text types for digits where
// a unit follows and nothing Latin stands before (city_zhumadian_2003:
// 增长l3.6％, 增长1O％), and leaves codes and names alone.
func TestFoldDigitTypos(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"增长1O%", "增长10%"},
		{"增长l3.6%", "增长13.6%"},
		{"增长lO.5%", "增长10.5%"},
		{"投资1OO万元", "投资100万元"},
		{"PM2.5浓度", "PM2.5浓度"}, // no letter in the number
		{"COl2%", "COl2%"},     // a Latin letter before it
		{"5G基站", "5G基站"},
		{"O型血", "O型血"},         // no digit
		{"l0条道路", "10条道路"},     // a unit follows
		{"第l0届", "第l0届"},       // no unit follows
		{"Model3%", "Model3%"}, // a word, not a number
	} {
		if got := foldDigitTypos(c.in); got != c.want {
			t.Errorf("foldDigitTypos(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(foldDigitTypos(c.in)) != len(c.in) {
			t.Errorf("foldDigitTypos(%q) changed the length", c.in)
		}
	}
}

// TestCrawlerPercent: _M_M_ after a number is crawled text's % (顺平 2008),
// read as a percentage and kept as written; 眼 counts wells.
func TestCrawlerPercent(t *testing.T) {
	for _, c := range []struct {
		text, fig string
		value     float64
		class     UnitClass
	}{
		{"全县地区生产总值完成21.3亿元，比上年增长13.3_M_M_；", "13.3_M_M_", 13.3, ClassPercent},
		{"新打机井200眼，农业生产条件进一步改善。", "200眼", 200, ClassCount},
	} {
		p := &Paragraph{ID: "x/p1", Text: Normalize(c.text)}
		p.Sentences = Sentences(p.Text)
		extractFigures(p, figureContext{past: 2007, plan: 2008})
		var got *Figure
		for _, f := range p.Figures {
			if f.Text == c.fig {
				got = f
			}
		}
		if got == nil || got.Value != c.value || got.Class != c.class {
			t.Errorf("%q: figure %q = %+v, want %v %s", c.text, c.fig, got, c.value, c.class)
		}
	}
}

// TestBoundBeforeVerb: a bound followed by what is done with the figure is
// the figure's own (national_2020), not a class's.
func TestBoundBeforeVerb(t *testing.T) {
	p := &Paragraph{ID: "x/p1", Text: "今年赤字率拟按3.6%以上安排，财政赤字规模比去年增加1万亿元。"}
	p.Sentences = Sentences(p.Text)
	extractFigures(p, figureContext{past: 2019, plan: 2020})
	if len(p.Figures) == 0 || p.Figures[0].Text != "3.6%以上" {
		t.Fatalf("figures %+v, want 3.6%%以上 first", p.Figures)
	}
}
