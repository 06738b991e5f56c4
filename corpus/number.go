package corpus

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// amount is a number with its unit as found in text, before it is judged to
// be a figure: 2525亿元, 13000余名, 5.5%左右, 十亿元, 近80万.
type amount struct {
	start, end int     // byte span of number+scale+unit (without qualifiers)
	numEnd     int     // end of the number itself
	digits     string  // the number in ASCII without separators: "2525", "1.2"
	value      float64 // the number as written: 2525 for 2525亿元
	chinese    bool    // written in Chinese numerals, after 百分之, or with a Chinese scale inside (2万5千)
	percent    bool    // written after 百分之 or 千分之: a percentage however small
	unit       string  // scale and unit as written: "亿元", "万平方米", "%", "万"
	base       unit    // the base unit; empty name when only a scale follows
	factor     float64 // unit → base unit
	infix      string  // 余 or 多 between scale and unit (1.63亿余元)
	post       string  // 以上, 左右, 余 … after the unit
}

// postRole is what a qualifier after a figure's unit says (lexicon's
// post-qualifiers).
type postRole string

const (
	postThreshold postRole = "threshold" // 以上, 以下: with words after it, the figure names a class
	postOther     postRole = "other"     // 左右, 余 …
)

// postQualifiers may follow a figure's unit, in match order (及以上
// before 以上), with their roles.
var postQualifiers = lexicon.Tagged("post-qualifiers", "role", postThreshold, postOther)

// isThreshold reports whether a qualifier after a unit is a bound that
// makes the figure a threshold when words follow it: 10亿元以上产业项目.
func isThreshold(post string) bool {
	return slices.Contains(postQualifiers, lexicon.Tag[postRole]{Word: post, Tag: postThreshold})
}

// scanAmount reads an amount starting at s[i], which must be an ASCII digit
// or a Chinese numeral. ok is false when what follows is not an amount.
func scanAmount(s string, i int) (amount, bool) {
	a := amount{start: i, factor: 1}
	j := i
	if isASCIIDigit(rune(s[i])) {
		for j < len(s) && (isASCIIDigit(rune(s[j])) || s[j] == ',' && j+3 < len(s) && allDigits(s[j+1:j+4]) && (j+4 == len(s) || !isASCIIDigit(rune(s[j+4])))) {
			j++
		}
		if j+1 < len(s) && s[j] == '.' && isASCIIDigit(rune(s[j+1])) {
			j++
			for j < len(s) && isASCIIDigit(rune(s[j])) {
				j++
			}
		}
		a.digits = strings.ReplaceAll(s[i:j], ",", "")
		j = a.spacedTail(s, j)
		n, ok := lexicon.ParseNumber(a.digits)
		if !ok {
			return amount{}, false
		}
		a.value = n.Value
	} else {
		if prefix, unit := percentPrefix(s[i:]); prefix != "" {
			return scanPercentPrefix(s, i, prefix, unit)
		}
		c, ok := scanChineseAmount(s, i)
		if !ok {
			return amount{}, false
		}
		a.value, a.chinese, a.digits = c.value, true, c.digits
		j = c.end
		if c.scale != "" {
			// the numeral ended with its scale (三百五十六亿二千万): only a
			// unit may follow.
			a.numEnd, a.factor, a.unit, a.infix = j, c.factor, c.scale, c.infix
			j, unit := a.infixAndUnit(s, j) // 一百四十四亿余元
			if !unit && a.infix != "" {
				a.unit += a.infix // 近八十万余: keep what was written
			}
			return a.finish(s, j)
		}
	}
	a.numEnd = j
	if strings.HasPrefix(s[j:], "余") || strings.HasPrefix(s[j:], "多") { // 13000余名, 20余场
		if _, ok := matchUnit(s[j+3:]); ok {
			a.infix = s[j : j+3]
			j += 3
		} else if sc, _ := matchScale(s[j+3:]); sc != "" && (!a.chinese || sc == "万" || sc == "亿") { // 一百多万人
			a.infix = s[j : j+3]
			j += 3
		}
	}
	// A unit first (千米 is a unit, not 千 × 米), then scale + unit.
	if u, ok := matchUnit(s[j:]); ok {
		a.base, a.unit = u, u.name
		j += len(u.name)
	} else if sc, f := matchScale(s[j:]); sc != "" && !(a.chinese && sc != "万" && sc != "亿" && sc != "万亿") {
		a.factor = f
		a.unit = sc
		j += len(sc)
		if t, ok := scanMixedTail(s, j, f); ok && !a.chinese && !strings.Contains(a.digits, ".") {
			// 2万5千公里, 1亿3千多万: one number in two parts, not two.
			v, _ := strconv.ParseFloat(a.digits, 64)
			total := v*f + t.value*t.factor
			a.factor, a.unit = 1, ""
			if t.factor >= 1e4 { // the tail has a scale of its own (3千万): keep the first's
				a.factor, a.unit = f, sc
			}
			a.value = total / a.factor
			a.digits = strconv.FormatFloat(a.value, 'f', -1, 64)
			a.infix, a.chinese = t.infix, true
			j, unit := a.infixAndUnit(s, t.end) // 1万6千多户
			if !unit && a.unit == "" {
				return amount{}, false
			}
			return a.finish(s, j)
		}
		var unit bool
		if j, unit = a.infixAndUnit(s, j); !unit && a.infix != "" {
			a.unit += a.infix // 近80万余: keep what was written
		}
	}
	return a.finish(s, j)
}

// spacedTail reads past a space that crawled text puts inside a number or
// before its unit (6542 元, 209 家; 36.5 9亿元 for 36.59亿元), when a unit or
// a scale follows: the figure's text keeps the space as written. Without a
// unit after it, the space ends the number (2020 年 is no figure either way).
func (a *amount) spacedTail(s string, j int) int {
	if j+1 >= len(s) || s[j] != ' ' {
		return j
	}
	k := j + 1
	if strings.Contains(a.digits, ".") {
		for k < len(s) && isASCIIDigit(rune(s[k])) {
			k++
		}
	}
	if _, ok := matchUnit(s[k:]); !ok {
		if sc, _ := matchScale(s[k:]); sc == "" {
			return j
		}
	}
	a.digits += s[j+1 : k]
	return k
}

// infixAndUnit reads what may follow an amount's scale at s[j]: a 余 or 多
// not read yet (一百四十四亿余元), then a unit, which it adds to the amount's.
// It returns where the amount ends and whether a unit followed.
func (a *amount) infixAndUnit(s string, j int) (int, bool) {
	if a.infix == "" && (strings.HasPrefix(s[j:], "余") || strings.HasPrefix(s[j:], "多")) {
		a.infix = s[j : j+3]
		j += 3
	}
	if u, ok := matchUnit(s[j:]); ok {
		a.base = u
		a.unit += u.name
		return j + len(u.name), true
	}
	return j, false
}

// finish completes an amount whose number, scale and unit end at s[j]: the
// factor to the base unit, a rate per unit (30万元/亩) and a qualifier after
// it (以上, 左右). ok is false when there is no unit.
func (a amount) finish(s string, j int) (amount, bool) {
	if a.unit == "" {
		return amount{}, false
	}
	if r, _ := utf8.DecodeRuneInString(s[j:]); a.chinese && (strings.ContainsRune(lexicon.NumeralChars, r) || strings.ContainsRune(numeralRunChars, r)) {
		return amount{}, false // a numeral goes on after the unit: not an amount read whole
	}
	if a.base.name != "" { // else a bare scale: 近80万
		a.factor *= a.base.factor
	}
	// A rate per unit: 30万元/亩, 400万吨/年.
	if strings.HasPrefix(s[j:], "/") && a.base.name != "" {
		if per, ok := matchPerUnit(s[j+1:]); ok {
			a.unit += "/" + per
			a.base.base += "/" + per
			j += 1 + len(per)
		}
	}
	a.end = j
	for _, q := range postQualifiers {
		if strings.HasPrefix(s[j:], q.Word) {
			a.post = q.Word
			break
		}
	}
	return a, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(rune(s[i])) {
			return false
		}
	}
	return s != ""
}

// normalized is the amount in its base unit. Every factor in the unit table
// is a power of ten, so the value is computed by moving the decimal point,
// which keeps 368.09万 exactly 3680900 instead of 3680899.9999999995.
func (a amount) normalized() float64 {
	exp := math.Round(math.Log10(a.factor))
	if math.Pow(10, exp) != a.factor {
		return a.value * a.factor
	}
	v, err := strconv.ParseFloat(a.digits+"e"+strconv.Itoa(int(exp)), 64)
	if err != nil {
		return a.value * a.factor
	}
	return v
}

// perUnits may follow a unit after a slash, in match order.
var perUnits = lexicon.Words("per-units")

func matchPerUnit(s string) (string, bool) {
	for _, u := range perUnits {
		if strings.HasPrefix(s, u) {
			return u, true
		}
	}
	return "", false
}

// ParseAmount reads a number with an optional unit, such as a user's bound
// in a filter (100亿元, 50%, 3.4万人, 1200), and returns it in its base unit.
func ParseAmount(s string) (value float64, baseUnit string, err error) {
	s = Normalize(s)
	if s == "" {
		return 0, "", fmt.Errorf("empty")
	}
	if v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); err == nil {
		return v, "", nil
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !isASCIIDigit(r) && !strings.ContainsRune(lexicon.NumeralChars, r) {
		return 0, "", fmt.Errorf("does not start with a number")
	}
	a, ok := scanAmount(s, 0)
	if !ok {
		return 0, "", fmt.Errorf("no unit known after the number")
	}
	if a.end != len(s) {
		return 0, "", fmt.Errorf("unexpected %q after %q", s[a.end:], s[:a.end])
	}
	return a.normalized(), a.base.base, nil
}
