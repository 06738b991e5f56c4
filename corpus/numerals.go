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

// digitTypos are the Latin letters crawled text has in place of a digit
// (1O%, l3.6%), with the digit each stands for.
var digitTypos = map[byte]byte{'O': '0', 'o': '0', 'l': '1', 'I': '1'}

// foldDigitTypos returns text with the letters typed for digits replaced by
// them, byte for byte, so that offsets into either are the same: in 增长1O％
// and 增长l3.6％ the letters are digits. A letter counts only inside a run of
// digits, points and such letters that holds a real digit, that no Latin
// letter or digit stands before, and that a unit follows — where the
// context leaves no other reading; 5G, PM2.5, COD and G12 keep theirs.
func foldDigitTypos(text string) string {
	var b []byte
	for i := 0; i < len(text); {
		if !isRunByte(text[i]) {
			i++
			continue
		}
		j, digit, typo := i, false, false
		for j < len(text) && isRunByte(text[j]) {
			digit = digit || isASCIIDigit(rune(text[j]))
			_, t := digitTypos[text[j]]
			typo = typo || t
			j++
		}
		before := byte(' ')
		if i > 0 {
			before = text[i-1]
		}
		if typo && digit && !isASCIILetter(before) && !isASCIIDigit(rune(before)) && text[i] != '.' && startsUnit(text[j:]) {
			if b == nil {
				b = []byte(text)
			}
			for k := i; k < j; k++ {
				if d, ok := digitTypos[text[k]]; ok {
					b[k] = d
				}
			}
		}
		i = j
	}
	if b == nil {
		return text
	}
	return string(b)
}

// isRunByte reports whether c may be part of a number with typed letters.
func isRunByte(c byte) bool {
	_, typo := digitTypos[c]
	return typo || c == '.' || isASCIIDigit(rune(c))
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
