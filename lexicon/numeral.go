package lexicon

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// NumeralChars are the characters of a Chinese numeral below 万 as amounts
// write it: the digits (with 两, without the ○ and Latin O of typed years)
// and the units 十, 百 and 千. A scanner uses it to find where such a
// numeral ends; 万 and 亿 after it are scales, read apart.
const NumeralChars = "零〇一二两三四五六七八九十百千"

// UnitChars are the unit characters of a Chinese numeral up to 万. One of
// them right after an amount makes an idiom of it (千家万户), not a figure.
const UnitChars = "万千百十"

// Number is a number as a report writes it: 2525, 3.5, 三百五十六亿二千万,
// 五点二, 百分之五点二, 二〇二三.
type Number struct {
	Value   float64 // for a percentage, in percent: 百分之五点二 is 5.2
	Percent bool    // written as a percentage (百分之…)
}

// maxExact is the largest integer a float64 holds exactly; Int refuses
// larger ones rather than return a rounded number.
const maxExact = 1 << 53

// ParseNumber reads all of s as one number:
//
//   - Arabic digits, half- or full-width, with an optional decimal point:
//     2525, 0.5, １２．５;
//   - a Chinese numeral of any size, with the units 十百千 and the scales 万
//     and 亿: 十一, 一千零五, 两万三千, 三百五十六亿二千万 (a bare 十, 百 or 千
//     is one of it; a bare 万 or 亿 is a scale, not a number);
//   - Chinese digits read one by one, as years are written: 一九七九,
//     二〇二三, 二O一五 (a Latin O among Chinese digits is 〇);
//   - a decimal with 点, optionally scaled: 五点二, 零点五, 一点五亿;
//   - any of those after 百分之, a percentage: 百分之五点二 is 5.2 percent.
//
// ok is false for anything else, rather than a wrong number: "", 十十,
// 亿亿, 二三十, 1二, and the abbreviated 三千二 or 两万三, which may mean
// 3200 or 3002.
func ParseNumber(s string) (n Number, ok bool) {
	if rest, found := strings.CutPrefix(s, "百分之"); found {
		n.Percent, s = true, rest
	}
	if v, ok := arabic(s); ok {
		n.Value = v
		return n, true
	}
	if whole, frac, found := strings.Cut(s, "点"); found {
		v, ok := chineseDecimal(whole, frac)
		n.Value = v
		return n, ok
	}
	v, ok := chineseInt(s)
	n.Value = float64(v)
	return n, ok
}

// Int reads all of s as a whole number written in Arabic digits or Chinese
// numerals, as ParseNumber does, without a fraction or a percent sign:
// headings' numbers (三 → 3, 十一 → 11) and years (2023, 二〇二三, 二O一五).
func Int(s string) (int, bool) {
	if ascii, ok := arabicDigits(s); ok {
		if strings.ContainsRune(ascii, '.') {
			return 0, false
		}
		v, err := strconv.ParseUint(ascii, 10, 64)
		if err != nil || v > maxExact {
			return 0, false
		}
		return int(v), true
	}
	v, ok := chineseInt(s)
	if !ok || v > maxExact {
		return 0, false
	}
	return int(v), true
}

// arabic reads Arabic digits with an optional decimal point.
func arabic(s string) (float64, bool) {
	ascii, ok := arabicDigits(s)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(ascii, 64)
	return v, err == nil
}

// arabicDigits returns s in ASCII when it is digits with at most one
// decimal point between digits, half- or full-width. It checks the form
// itself, since strconv would also take signs, exponents, Inf and hex.
func arabicDigits(s string) (string, bool) {
	ascii := true
	digits, point := 0, -1
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= '０' && r <= '９':
			digits++
			ascii = false
		case (r == '.' || r == '．') && point < 0 && digits > 0:
			point, digits = i, 0
			ascii = ascii && r == '.'
		default:
			return "", false
		}
	}
	if digits == 0 {
		return "", false // empty, or nothing after the point
	}
	if ascii {
		return s, true
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteByte(byte('0' + r - '０'))
		case r == '．':
			b.WriteByte('.')
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), true
}

// digit is the value of a Chinese digit. 两 is 2 (两万, 两百); ○ (a circle)
// and Latin O are the 〇 of typed years, read only in digit runs.
func digit(r rune) (int, bool) {
	switch r {
	case '零', '〇', '○':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// smallUnit is the value of 十, 百 or 千, or 0.
func smallUnit(r rune) uint64 {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return 0
}

// chineseInt reads a Chinese integer: a run of digits read one by one
// (二〇二三), or a numeral with units (三百五十六亿二千万).
func chineseInt(s string) (uint64, bool) {
	if v, ok := digitRun(s); ok {
		return v, true
	}
	return withUnits(s)
}

// digitRun reads a run of Chinese digits one by one: 一九七九, 二O一五, 零.
// A Latin O counts as 〇 only beside a Chinese digit: O alone is a letter.
func digitRun(s string) (uint64, bool) {
	var v uint64
	n, chinese := 0, false
	for _, r := range s {
		d, ok := digit(r)
		switch {
		case ok:
			chinese = true
		case r == 'O' || r == 'o':
		default:
			return 0, false
		}
		if n++; n > 18 { // beyond uint64's 19 digits
			return 0, false
		}
		v = v*10 + uint64(d)
	}
	return v, chinese
}

// withUnits reads a numeral with units. The part before 亿 counts 亿s and
// may hold 万 (一万亿); the rest is below 亿.
func withUnits(s string) (uint64, bool) {
	hi, lo, found := strings.Cut(s, "亿")
	if !found {
		v, _, ok := belowYi(s)
		return v, ok
	}
	h, _, ok := belowYi(hi)
	if !ok || h == 0 {
		return 0, false
	}
	l, ok := after(lo, belowYi)
	return h*1e8 + l, ok
}

// belowYi reads a numeral below 亿: sections of 万s and ones (两万三千).
// unit says whether it has a unit, so that a bare digit after a scale can
// be refused (一亿五).
func belowYi(s string) (v uint64, unit bool, ok bool) {
	hi, lo, found := strings.Cut(s, "万")
	if !found {
		return section(s)
	}
	h, _, ok := section(hi)
	if !ok || h == 0 {
		return 0, false, false
	}
	l, ok := after(lo, section)
	return h*1e4 + l, true, ok
}

// after reads what follows a scale (亿, 万): nothing, a part that has a
// unit of its own (两万三千), or 零 and any part (一万零五). A bare digit
// (两万三, 一亿五) is refused: speech uses it for 23000, careful text for
// nothing.
func after(s string, part func(string) (uint64, bool, bool)) (uint64, bool) {
	if s == "" {
		return 0, true
	}
	zero := false
	r, n := utf8.DecodeRuneInString(s)
	if d, ok := digit(r); ok && d == 0 {
		s, zero = s[n:], true
	}
	v, unit, ok := part(s)
	if !ok || v == 0 || !unit && !zero {
		return 0, false
	}
	return v, true
}

// section reads a numeral below 万: digits each followed by a smaller unit
// than the one before (三千二百), 零 where places are skipped (一百零五),
// and a last digit of ones after 十 or 零 (二十一, 一千零五). A unit that
// opens the section stands for one of it (十一, 百).
func section(s string) (v uint64, unit bool, ok bool) {
	last := uint64(1e4) // the last unit read; each must be smaller
	zero := false       // a 零 was read and a digit must follow
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if u := smallUnit(r); u != 0 {
			if i != n { // only a unit that opens the section stands alone
				return 0, false, false
			}
			v, last, unit = u, u, true
			continue
		}
		d, isDigit := digit(r)
		if !isDigit {
			return 0, false, false
		}
		if d == 0 {
			if zero || last == 1e4 || i == len(s) {
				return 0, false, false // 零 only between places: 一百零五
			}
			zero = true
			continue
		}
		next, m := utf8.DecodeRuneInString(s[i:])
		if u := smallUnit(next); u != 0 {
			if u >= last {
				return 0, false, false // 十十, 三十二百
			}
			v += uint64(d) * u
			last, unit, zero = u, true, false
			i += m
			continue
		}
		// The ones: the last character, and unambiguous only as a section
		// of its own (五), after 十 (二十一) or after 零 (一千零五).
		if i != len(s) || !(last == 1e4 || last == 10 || zero) {
			return 0, false, false
		}
		return v + uint64(d), unit, true
	}
	return v, unit, v > 0 && !zero
}

// chineseDecimal reads a decimal written with 点: the whole part as a
// Chinese integer, the fraction digit by digit, then an optional scale
// (一点五亿). The value is computed from the decimal text, so 五点二 is
// exactly the float64 of 5.2.
func chineseDecimal(whole, frac string) (float64, bool) {
	w, ok := chineseInt(whole)
	if !ok {
		return 0, false
	}
	b := []byte(strconv.FormatUint(w, 10))
	b = append(b, '.')
	digits := 0
	for len(frac) > 0 {
		r, n := utf8.DecodeRuneInString(frac)
		d, ok := digit(r)
		if !ok || r == '两' {
			break
		}
		b = append(b, byte('0'+d))
		frac, digits = frac[n:], digits+1
	}
	if digits == 0 {
		return 0, false
	}
	switch frac {
	case "":
	case "万":
		b = append(b, "e4"...)
	case "亿":
		b = append(b, "e8"...)
	case "万亿":
		b = append(b, "e12"...)
	default:
		return 0, false
	}
	v, err := strconv.ParseFloat(string(b), 64)
	return v, err == nil && !math.IsInf(v, 0)
}
