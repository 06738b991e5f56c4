package extract

import (
	"strconv"
	"strings"
)

// How Word writes a list number in each numbering format (w:numFmt):
// decimal, Chinese counting, legal and ideographic numerals, letters,
// Roman numerals, circled and full-width digits.

// listNumber writes n as w:numFmt format does. Formats not listed, and
// numbers past a format's range, are written in decimal.
func listNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperRoman", "lowerRoman":
		if n > 0 && n < 4000 {
			s := romanNumeral(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperLetter", "lowerLetter": // 27 is AA, 28 BB
		if n > 0 {
			c := byte('A')
			if format == "lowerLetter" {
				c = 'a'
			}
			return strings.Repeat(string(c+byte((n-1)%26)), (n-1)/26+1)
		}
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
		if n >= 0 && n < 10000 {
			return chineseNumeral(n, "〇一二三四五六七八九", "十百千", true)
		}
	case "chineseLegalSimplified":
		if n >= 0 && n < 10000 {
			return chineseNumeral(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", false)
		}
	case "ideographLegalTraditional":
		if n >= 0 && n < 10000 {
			return chineseNumeral(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟", false)
		}
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		if n >= 0 {
			digits := []rune("〇一二三四五六七八九")
			return strings.Map(func(r rune) rune { return digits[r-'0'] }, strconv.Itoa(n))
		}
	case "ideographTraditional": // the ten heavenly stems, in a cycle
		if n > 0 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[(n-1)%10])
		}
	case "ideographZodiac": // the twelve earthly branches
		if n > 0 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[(n-1)%12])
		}
	case "ideographZodiacTraditional": // the sixty-year cycle: 甲子, 乙丑 …
		if n > 0 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[(n-1)%10]) + string([]rune("子丑寅卯辰巳午未申酉戌亥")[(n-1)%12])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		switch {
		case n >= 1 && n <= 20:
			return string(rune(0x2460 + n - 1))
		case n >= 21 && n <= 35:
			return string(rune(0x3251 + n - 21))
		case n >= 36 && n <= 50:
			return string(rune(0x32B1 + n - 36))
		}
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune(0x3220 + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r - '0' + '０'
			}
			return r
		}, strconv.Itoa(n))
	}
	return strconv.Itoa(n)
}

// chineseNumeral writes 0 ≤ n < 10000 with the digits 0–9 and the units
// ten, hundred, thousand given: 十一, 一百零一, 一千零一十. When shortTen,
// 10–19 drop their leading one (十一, not 一十一), as the counting
// numerals do and the legal ones (壹拾壹) do not.
func chineseNumeral(n int, digits, units string, shortTen bool) string {
	d, u := []rune(digits), []rune(units)
	if n == 0 {
		return string(d[0])
	}
	s := strconv.Itoa(n)
	var b strings.Builder
	zero := false
	for i, c := range s {
		v, pos := int(c-'0'), len(s)-1-i
		if v == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteRune('零')
			zero = false
		}
		if !(shortTen && v == 1 && pos == 1 && i == 0) {
			b.WriteRune(d[v])
		}
		if pos > 0 {
			b.WriteRune(u[pos-1])
		}
	}
	return b.String()
}

func romanNumeral(n int) string {
	var b strings.Builder
	for _, r := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for ; n >= r.v; n -= r.v {
			b.WriteString(r.s)
		}
	}
	return b.String()
}
