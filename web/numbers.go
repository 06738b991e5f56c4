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

// plainNumber rounds to two decimals and drops trailing zeros: 3.40 → 3.4.
func plainNumber(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
