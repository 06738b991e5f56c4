package corpus

import "testing"

// TestScanChineseAmount reads Chinese numerals of any size whole, with the
// scales inside them, and refuses what it cannot read whole rather than
// return a fragment. Real instances: the national reports of 1954–1991 in
// testdata/reports/dev.
func TestScanChineseAmount(t *testing.T) {
	for _, c := range []struct {
		in    string
		text  string // the amount as read, "" when there is none
		value float64
		unit  string
		norm  float64
		post  string
	}{
		{in: "三百五十六亿二千万元。", text: "三百五十六亿二千万元", value: 356.2, unit: "亿元", norm: 3.562e10},
		{in: "三亿零四百七十五万吨，", text: "三亿零四百七十五万吨", value: 3.0475, unit: "亿吨", norm: 3.0475e8}, // national_1979
		{in: "一万零五百亿斤、", text: "一万零五百亿斤", value: 10500, unit: "亿斤", norm: 1.05e12},         // national_1959
		{in: "一千一百万人", text: "一千一百万人", value: 1100, unit: "万人", norm: 1.1e7},
		{in: "二千二百万吨", text: "二千二百万吨", value: 2200, unit: "万吨", norm: 2.2e7},
		{in: "一万亿元", text: "一万亿元", value: 1, unit: "万亿元", norm: 1e12},
		{in: "十亿元", text: "十亿元", value: 10, unit: "亿元", norm: 1e9},
		{in: "一点五亿元", text: "一点五亿元", value: 1.5, unit: "亿元", norm: 1.5e8},
		{in: "八点三亿元", text: "八点三亿元", value: 8.3, unit: "亿元", norm: 8.3e8},
		{in: "百分之八点三", text: "百分之八点三", value: 8.3, unit: "%", norm: 8.3},
		{in: "两万三千人", text: "两万三千人", value: 23000, unit: "人", norm: 23000},
		{in: "十万千瓦", text: "十万千瓦", value: 10, unit: "万千瓦", norm: 1e5}, // 千 is the unit's
		{in: "一百四十四亿余元", text: "一百四十四亿余元", value: 144, unit: "亿元", norm: 1.44e10},
		{in: "二十五亿七千多万元", text: "二十五亿七千多万元", value: 25.7, unit: "亿元", norm: 2.57e9}, // national_1954: 多 inside the numeral
		{in: "十四万多公里", text: "十四万多公里", value: 14, unit: "万公里", norm: 1.4e8},
		{in: "一百多万人", text: "一百多万人", value: 100, unit: "万人", norm: 1e6},
		{in: "三万一千余个", text: "三万一千余个", value: 31000, unit: "个", norm: 31000},
		{in: "百分之五点二，", text: "百分之五点二", value: 5.2, unit: "%", norm: 5.2},
		{in: "百分之十六", text: "百分之十六", value: 16, unit: "%", norm: 16},
		{in: "百分之16", text: "百分之16", value: 16, unit: "%", norm: 16},
		{in: "千分之十三左右", text: "千分之十三", value: 13, unit: "‰", norm: 1.3, post: "左右"},
		{in: "百万，", text: "百万", value: 100, unit: "万", norm: 1e6},
		// Arabic digits with two scales (dev: 2万5千公里, 1亿3千多万, 1万6千多户)
		{in: "1亿2千万元", text: "1亿2千万元", value: 1.2, unit: "亿元", norm: 1.2e8},
		{in: "1亿3000万人", text: "1亿3000万人", value: 1.3, unit: "亿人", norm: 1.3e8},
		{in: "2万5千公里", text: "2万5千公里", value: 25000, unit: "公里", norm: 2.5e7},
		{in: "1万6千多户", text: "1万6千多户", value: 16000, unit: "户", norm: 16000},
		{in: "1亿3千多万，", text: "1亿3千多万", value: 1.3, unit: "亿", norm: 1.3e8},
		// not read whole: no amount, never a part of one
		{in: "5万5千。"},   // no unit after the second part
		{in: "两万三元"},    // abbreviated: 23000 or 20003
		{in: "千家万户"},    // the numeral goes on after the unit
		{in: "百分之五点"},   // no digit after 点
		{in: "三千二百万八元"}, // 八 after the scale
	} {
		a, ok := scanAmount(c.in, 0)
		if c.text == "" {
			if ok {
				t.Errorf("%q: read %q (%v %s), want no amount", c.in, c.in[a.start:a.end], a.value, a.unit)
			}
			continue
		}
		if !ok {
			t.Errorf("%q: no amount, want %q", c.in, c.text)
			continue
		}
		if got := c.in[a.start:a.end]; got != c.text || a.value != c.value || a.unit != c.unit || a.normalized() != c.norm || a.post != c.post {
			t.Errorf("%q: got %q %v %s (%v) post %q, want %q %v %s (%v) post %q", c.in, got, a.value, a.unit, a.normalized(), a.post,
				c.text, c.value, c.unit, c.norm, c.post)
		}
	}
}

// TestNoFragmentOfANumeral checks that a sentence with a long numeral gives
// one figure for it, never a figure read from its end.
func TestNoFragmentOfANumeral(t *testing.T) {
	for _, c := range []struct{ sentence, want string }{
		{"全年财政收入三百五十六亿二千万元。", "三百五十六亿二千万元"},
		{"登记选民三亿二千三百八十万九千六百八十四人。", "三亿二千三百八十万九千六百八十四人"}, // national_1954
		{"总产量达到三亿零四百七十五万吨。", "三亿零四百七十五万吨"},
		{"全年财政收入1亿2千万元。", "1亿2千万元"},
	} {
		r, err := Parse("t.txt", []byte("一、测试\n"+c.sentence+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for f := range r.Figures() {
			got = append(got, f.Text)
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: figures %q, want only %q", c.sentence, got, c.want)
		}
	}
}

// TestFullWidthFigures: full-width digits, points and percent signs are
// folded before figures are read (corpus.Normalize), so ８．３％ is 8.3%
// (national_2003: １０．２万亿元).
func TestFullWidthFigures(t *testing.T) {
	r, err := Parse("t.txt", []byte("一、测试\n居民消费价格上涨８．３％，国内生产总值１０．２万亿元。\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for f := range r.Figures() {
		got = append(got, f.Text)
		if f.Text == "8.3%" && f.Value != 8.3 || f.Text == "10.2万亿元" && f.Normalized != 1.02e13 {
			t.Errorf("%q: value %v normalized %v", f.Text, f.Value, f.Normalized)
		}
	}
	if len(got) != 2 || got[0] != "8.3%" || got[1] != "10.2万亿元" {
		t.Errorf("figures %q, want 8.3%% and 10.2万亿元", got)
	}
}
