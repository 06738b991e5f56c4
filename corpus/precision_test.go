package corpus

import (
	"testing"
)

// figureOf parses a one-sentence plan report and returns its figure with
// the given text.
func figureOf(t *testing.T, sentence, text string) *Figure {
	t.Helper()
	r, err := Parse("precision-test.txt", []byte("关于某区2022年计划执行情况及2023年计划草案的报告\n一、2022年计划执行情况\n"+sentence+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	for f := range r.Figures() {
		if f.Text == text {
			return f
		}
	}
	t.Fatalf("no figure %q in %q", text, sentence)
	return nil
}

// TestFigurePrecision: numbers are printed and computed at the precision
// the figures were written with, on sentences of the reports.
func TestFigurePrecision(t *testing.T) {
	for _, tc := range []struct {
		sentence, a, b    string
		value, normalized string // a's, as the CSV writes them
		difference, ratio string // a−b and a/b
	}{
		// 014_national_2021: 城镇调查失业率 5.2% against 5.5%: 5.2−5.5 is
		// −0.2999999999999998 in floats.
		{"城镇调查失业率5.2%，低于5.5%的预期目标。", "5.2%", "5.5%", "5.2", "5.2", "-0.3", "0.945"},
		// the default report: 固定资产投资 增长5.5%, 5.4%: 0.09999999999999964.
		{"固定资产投资同比增长5.4%，服务业投资增长5.5%。", "5.4%", "5.5%", "5.4", "5.4", "-0.1", "0.982"},
		// an amount in 万 to the thousand, against one in 亿.
		{"城镇新增就业3.4万人，比上年多0.15万人。", "3.4万人", "0.15万人", "3.4", "34000", "32500", "22.7"},
		{"实现地区生产总值2525亿元，服务业增加值1860亿元。", "2525亿元", "1860亿元", "2525", "252500000000", "66500000000", "1.358"},
		// Chinese numerals: 百分之七点八 is to a tenth.
		{"粮食增产二千二百万吨，即百分之七点八。", "百分之七点八", "二千二百万吨", "7.8", "7.8", "-21999992.2", "0.0000003545"},
	} {
		a, b := figureOf(t, tc.sentence, tc.a), figureOf(t, tc.sentence, tc.b)
		if got := FormatDecimals(a.Value, a.Decimals()); got != tc.value {
			t.Errorf("%s: value %q, want %q", tc.a, got, tc.value)
		}
		if got := FormatDecimals(a.Normalized, a.NormalizedDecimals()); got != tc.normalized {
			t.Errorf("%s: normalized %q, want %q", tc.a, got, tc.normalized)
		}
		if got := formatNumber(Difference(a, b)); got != tc.difference {
			t.Errorf("%s − %s = %q, want %q (raw %v)", tc.a, tc.b, got, tc.difference, a.Normalized-b.Normalized)
		}
		if got := formatNumber(Ratio(a, b)); got != tc.ratio {
			t.Errorf("%s / %s = %q, want %q (raw %v)", tc.a, tc.b, got, tc.ratio, a.Normalized/b.Normalized)
		}
	}
	for _, tc := range []struct {
		v    float64
		d    int
		want string
	}{
		{-0.09999999999999964, 1, "-0.1"}, {0.30000000000000004, 2, "0.3"}, {34012, -3, "34000"},
		{-0.0000001, 1, "0"}, {2.5e11, 0, "250000000000"},
	} {
		if got := FormatDecimals(tc.v, tc.d); got != tc.want {
			t.Errorf("FormatDecimals(%v, %d) = %q, want %q", tc.v, tc.d, got, tc.want)
		}
	}
}
