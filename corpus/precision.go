package corpus

import (
	"math"
	"strconv"
	"strings"
)

// A figure is as precise as it was written: 5.3% to a tenth, 2525亿元 to
// a hundred million yuan. Arithmetic on figures (a difference, a ratio)
// leaves binary noise (5.4−5.5 is −0.09999999999999964) that no report
// stated; the results are rounded to the precision of their inputs, and
// numbers are printed at the precision they have.

// maxDecimals bounds the decimals a written number is taken to have.
const maxDecimals = 6

// Decimals is how many digits the figure's number was written with after
// the decimal point: 1 for 5.3%, 0 for 2525亿元, 1 for 百分之七点八.
func (f *Figure) Decimals() int { return decimalsOf(f.Value) }

// NormalizedDecimals is the figure's precision in its base unit: 3.4万人 is
// to the thousand (−3), 5.3% to a tenth (1).
func (f *Figure) NormalizedDecimals() int {
	d := f.Decimals()
	if f.Value == 0 || f.Normalized == 0 {
		return d
	}
	return d - int(math.Round(math.Log10(math.Abs(f.Normalized/f.Value))))
}

// decimalsOf counts the decimals of the shortest form of v.
func decimalsOf(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	i := strings.IndexByte(s, '.')
	if i < 0 {
		return 0
	}
	return min(len(s)-i-1, maxDecimals)
}

// RoundDecimals rounds v to d decimals; a negative d rounds to tens,
// hundreds …: RoundDecimals(34012, -3) is 34000.
func RoundDecimals(v float64, d int) float64 {
	if d >= 0 {
		r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', d, 64), 64)
		if err != nil {
			return v
		}
		return r
	}
	p := math.Pow(10, float64(-d))
	return math.Round(v/p) * p
}

// FormatDecimals prints v rounded to d decimals, without exponent and
// without trailing zeros: −0.1, 34000, 2.5.
func FormatDecimals(v float64, d int) string {
	r := RoundDecimals(v, d)
	if r == 0 {
		r = 0 // no −0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// Difference is a−b in the base unit, as precise as the finer of the two:
// 5.4% − 5.5% is −0.1.
func Difference(a, b *Figure) float64 {
	return RoundDecimals(a.Normalized-b.Normalized, max(a.NormalizedDecimals(), b.NormalizedDecimals()))
}

// Ratio is a/b to as many significant digits as the more precise of the
// two numbers was written with, and no fewer than three; 0 when b is 0.
func Ratio(a, b *Figure) float64 {
	if b.Normalized == 0 {
		return 0
	}
	digits := max(significantDigits(a.Value), significantDigits(b.Value), 3)
	r, err := strconv.ParseFloat(strconv.FormatFloat(a.Normalized/b.Normalized, 'g', digits, 64), 64)
	if err != nil {
		return a.Normalized / b.Normalized
	}
	return r
}

// significantDigits counts the significant digits of the shortest form
// of v: 3 for 5.35 and for 2.50e3 written 2500 (trailing zeros of an
// integer count: a report's 2500 is to the unit).
func significantDigits(v float64) int {
	s := strings.TrimLeft(strings.Replace(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), ".", "", 1), "0")
	return max(len(s), 1)
}
