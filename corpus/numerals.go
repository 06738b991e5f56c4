package corpus

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// chineseNumber reads a heading's number or a year written in Arabic or
// Chinese numerals: 三 → 3, 十一 → 11, 一百零五 → 105, 二〇二三 and 二O一五 →
// 2023, 2015. lexicon.Int reads it; ok is false for what is not one number.
func chineseNumber(s string) (int, bool) { return lexicon.Int(s) }

// atoi reads a year, a month or a day as the text writes it (2023,
// 二〇二三, 十七), or gives 0 when it is not a number; the callers' patterns
// have already matched its form.
func atoi(s string) int {
	n, _ := chineseNumber(s)
	return n
}

// numeralRunChars continue a Chinese numeral in an amount beyond
// lexicon.NumeralChars: its scales (三百五十六亿二千万) and its decimal point
// (一点五亿). A number does not start after one of them, so that the end of
// a numeral is never read as a number of its own (二千万元 of
// 三百五十六亿二千万元).
const numeralRunChars = "万亿点"

// chineseAmount is a Chinese numeral as an amount writes it, read whole.
type chineseAmount struct {
	end    int     // byte offset after the numeral and the scale it ends with
	value  float64 // in units of scale: 356.2 for 三百五十六亿二千万
	digits string  // value in ASCII digits: "356.2"
	scale  string  // the largest scale written when the numeral ends with one: 亿
	factor float64 // scale's factor, 1 without one
	infix  string  // 余 or 多 read inside the numeral (二十五亿七千多万)
}

// scanChineseAmount reads the Chinese numeral at s[i:] whole, with the
// scales inside it: 三百五十六亿二千万 is 356.2亿, 三亿零四百七十五万 3.0475亿,
// 一千一百万 1100万, 一万亿 1万亿, 一点五亿 1.5亿. The numeral is the longest
// run of numeral characters that lexicon.ParseNumber reads and that a unit
// or a scale follows (after 余 or 多), or the whole run when it ends with a
// scale (突破百万): in 十万千瓦 the 千 is the unit's. When
// there is none, ok is false; and the amount's reader refuses a numeral that
// goes on after its unit: a numeral is read whole or not at all, never as a
// fragment.
func scanChineseAmount(s string, i int) (chineseAmount, bool) {
	return scanChinese(s, i, false)
}

// scanChinese reads a Chinese numeral at s[i:] as scanChineseAmount does;
// with bare, the numeral needs no unit after it (百分之五点二 has its unit
// before it) and must be the whole run.
func scanChinese(s string, i int, bare bool) (chineseAmount, bool) {
	end := i
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !strings.ContainsRune(lexicon.NumeralChars, r) && !strings.ContainsRune(numeralRunChars, r) {
			break
		}
		end += n
	}
	for j := end; j > i; {
		run := s[i:j]
		rest := s[j:]
		if approx, sc, ok := approxInside(run, rest); ok {
			// 二十五亿七千多万元: the 多 stands inside the numeral, before
			// its last scale; the numeral is 二十五亿七千万, and more.
			if n, ok := lexicon.ParseNumber(run + sc); ok && !n.Percent {
				c := scaledChinese(run+sc, n.Value, j+len(approx)+len(sc))
				c.infix = approx
				return c, true
			}
		}
		scaleEnd := j == end && (strings.HasSuffix(run, "万") || strings.HasSuffix(run, "亿")) // a bare scale: 突破百万
		if n, ok := lexicon.ParseNumber(run); ok && !n.Percent && (bare || scaleEnd || startsUnit(rest) || startsUnit(cutApprox(rest))) {
			return scaledChinese(run, n.Value, j), true
		}
		if bare {
			break
		}
		_, n := utf8.DecodeLastRuneInString(run)
		j -= n
	}
	return chineseAmount{}, false
}

// approxInside reports whether rest, after a numeral's run, starts with
// 余 or 多 and then the scale the numeral ends with (七千多万元 after
// 二十五亿): the approximation is inside the numeral. Only a numeral with a
// larger scale before it reads so; 十四万多公里 and 一百多万人 do not.
func approxInside(run, rest string) (approx, scale string, ok bool) {
	after := cutApprox(rest)
	if len(after) == len(rest) {
		return "", "", false
	}
	approx = rest[:len(rest)-len(after)]
	switch {
	case strings.HasPrefix(after, "万") && strings.Contains(run, "亿") && !strings.HasSuffix(run, "亿"):
		return approx, "万", true
	}
	return "", "", false
}

// cutApprox cuts the 余 or 多 that may stand between a number and its
// unit or scale (一百多万人, 二十余个).
func cutApprox(s string) string {
	if rest, ok := strings.CutPrefix(s, "余"); ok {
		return rest
	}
	rest, _ := strings.CutPrefix(s, "多")
	return rest
}

// startsUnit reports whether a unit, with or without a scale, opens s.
func startsUnit(s string) bool {
	sc, _ := matchScale(s)
	_, ok := matchUnit(s[len(sc):])
	return ok
}

// scaledChinese expresses a numeral's value in the largest scale it was
// written with when it ends with a scale (三百五十六亿二千万 → 356.2 亿),
// as an Arabic report would write it; a numeral that ends with its ones
// (两万三千) keeps its value.
func scaledChinese(run string, total float64, end int) chineseAmount {
	c := chineseAmount{end: end, value: total, factor: 1}
	switch {
	case strings.HasSuffix(run, "万亿") && !strings.Contains(strings.TrimSuffix(run, "万亿"), "亿"):
		c.scale, c.factor = "万亿", 1e12
	case strings.HasSuffix(run, "亿") || strings.HasSuffix(run, "万") && strings.Contains(run, "亿"):
		c.scale, c.factor = "亿", 1e8
	case strings.HasSuffix(run, "万"):
		c.scale, c.factor = "万", 1e4
	}
	// total is an integer or a short decimal and every factor a power of
	// ten, so the shortest decimal of the quotient is the exact one.
	c.value = total / c.factor
	c.digits = strconv.FormatFloat(c.value, 'f', -1, 64)
	return c
}

// percentPrefixes write a percentage or a permille before its number
// (百分之五点二, 千分之三), with the unit they stand for.
var percentPrefixes = lexicon.Table("percent-prefixes", "prefix", "unit")

// percentPrefix returns the prefix that opens s and its unit, or "".
func percentPrefix(s string) (prefix, unit string) {
	for _, r := range percentPrefixes {
		if strings.HasPrefix(s, r[0]) {
			return r[0], r[1]
		}
	}
	return "", ""
}

// mixedTail is the second part of a number written in Arabic digits with
// two scales: the 5千 of 2万5千公里, the 3千多万 of 1亿3千多万.
type mixedTail struct {
	value, factor float64
	infix         string // 余 or 多 inside it
	end           int
}

// scanMixedTail reads at s[j:], right after a number and its scale of
// factor f, whole digits and a smaller scale (5千 after 2万; 3千万, 3000万
// or 3千多万 after 1亿). ok is false for anything else, which then is not
// part of the number.
func scanMixedTail(s string, j int, f float64) (mixedTail, bool) {
	k := j
	for k < len(s) && isASCIIDigit(rune(s[k])) {
		k++
	}
	if k == j || k < len(s) && s[k] == '.' {
		return mixedTail{}, false
	}
	v, err := strconv.ParseFloat(s[j:k], 64)
	if err != nil {
		return mixedTail{}, false
	}
	t := mixedTail{value: v, factor: 1}
	sc, f2 := matchScale(s[k:])
	if sc == "" || f2 >= f {
		return mixedTail{}, false
	}
	t.factor, k = f2, k+len(sc)
	if rest := cutApprox(s[k:]); len(rest) != len(s[k:]) {
		if sc2, f3 := matchScale(rest); sc2 != "" && f2*f3 < f && f3 >= 1e4 {
			t.infix, t.factor = s[k:len(s)-len(rest)], f2*f3 // 3千多万
			k = len(s) - len(rest) + len(sc2)
		}
	}
	if v*t.factor >= f {
		return mixedTail{}, false // 1亿2亿: not a part below the first scale
	}
	t.end = k
	return t, true
}

// scanPercentPrefix reads a percentage written with a prefix at s[i:]
// (百分之五点二, 百分之十六): the number after the prefix, Chinese or Arabic,
// with the prefix's unit.
func scanPercentPrefix(s string, i int, prefix, unit string) (amount, bool) {
	j := i + len(prefix)
	if j >= len(s) {
		return amount{}, false
	}
	a := amount{start: i, factor: 1, chinese: true, percent: true}
	if isASCIIDigit(rune(s[j])) {
		k := j
		for k < len(s) && (isASCIIDigit(rune(s[k])) || s[k] == '.' && k+1 < len(s) && isASCIIDigit(rune(s[k+1]))) {
			k++
		}
		n, ok := lexicon.ParseNumber(s[j:k])
		if !ok {
			return amount{}, false
		}
		a.value, a.digits, j = n.Value, s[j:k], k
	} else {
		c, ok := scanChinese(s, j, true)
		if !ok || c.scale != "" {
			return amount{}, false
		}
		a.value, a.digits, j = c.value, c.digits, c.end
	}
	u, ok := matchUnit(unit)
	if !ok {
		return amount{}, false
	}
	a.numEnd, a.base, a.unit = j, u, u.name
	return a.finish(s, j)
}
