package web

import (
	"math"
	"strconv"

	"reportsearch/ask"
)

// changeText says a comparison's change the way a report would:
// 减少86万人, 增加1.5个百分点, 持平.
func changeText(ch *ask.Change) string {
	d := ch.Difference
	if d == 0 {
		return "持平"
	}
	verb := "增加"
	if d < 0 {
		verb = "减少"
	}
	if ch.BaseUnit == "%" {
		return verb + plainNumber(math.Abs(d)) + "个百分点"
	}
	return verb + chineseAmount(math.Abs(d)) + ch.BaseUnit
}

// chineseAmount writes a non-negative number with the scale words reports
// use: 860000 → 86万, 252500000000 → 2525亿.
func chineseAmount(v float64) string {
	switch {
	case v >= 1e8:
		return plainNumber(v/1e8) + "亿"
	case v >= 1e4:
		return plainNumber(v/1e4) + "万"
	}
	return plainNumber(v)
}

// plainNumber prints a number at the precision it has, without the binary
// noise of arithmetic (0.09999999999999964 → 0.1, 252500000000/1e8 →
// 2525) and without trailing zeros. The numbers shown are rounded to the
// precision of the figures they come from (corpus.Difference), so the
// noise is all there is to drop: 12 significant digits keep every digit a
// report writes.
func plainNumber(v float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		r = v
	}
	if r == 0 {
		r = 0 // no −0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
