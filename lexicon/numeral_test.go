package lexicon

import (
	"math"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	for _, c := range []struct {
		in      string
		value   float64
		percent bool
		ok      bool
	}{
		// Arabic digits
		{"0", 0, false, true},
		{"2525", 2525, false, true},
		{"0.5", 0.5, false, true},
		{"368.09", 368.09, false, true},
		{"007", 7, false, true},
		{"１２．５", 12.5, false, true},
		{"２０２３", 2023, false, true},
		{"1.", 0, false, false},
		{".5", 0, false, false},
		{"1.2.3", 0, false, false},
		{"-5", 0, false, false},
		{"+5", 0, false, false},
		{"1e5", 0, false, false},
		{"Inf", 0, false, false},
		{"0x10", 0, false, false},
		{"1,234", 0, false, false},
		{"1 2", 0, false, false},
		// Chinese numerals with units
		{"十", 10, false, true},
		{"十一", 11, false, true},
		{"一十一", 11, false, true},
		{"二十", 20, false, true},
		{"九十九", 99, false, true},
		{"百", 100, false, true},
		{"千", 1000, false, true},
		{"一百", 100, false, true},
		{"一百零五", 105, false, true},
		{"一百一十", 110, false, true},
		{"一千零五", 1005, false, true},
		{"一千零五十", 1050, false, true},
		{"一千〇五", 1005, false, true},
		{"九千九百九十九", 9999, false, true},
		{"两百", 200, false, true},
		{"十万", 100000, false, true},
		{"两万三千", 23000, false, true},
		{"一万零五", 10005, false, true},
		{"一万零五百", 10500, false, true},
		{"三千万", 30000000, false, true},
		{"千亿", 1e11, false, true},
		{"一万亿", 1e12, false, true},
		{"三万五千亿", 3.5e12, false, true},
		{"三百五十六亿二千万", 35620000000, false, true},
		{"三亿零五", 300000005, false, true},
		{"一亿零五百万", 105000000, false, true},
		// digit by digit
		{"零", 0, false, true},
		{"〇", 0, false, true},
		{"五", 5, false, true},
		{"两", 2, false, true},
		{"一九七九", 1979, false, true},
		{"二〇二三", 2023, false, true},
		{"二○二三", 2023, false, true},
		{"二O一五", 2015, false, true},
		{"二o一五", 2015, false, true},
		{"一二三", 123, false, true},
		// decimals with 点
		{"五点二", 5.2, false, true},
		{"零点五", 0.5, false, true},
		{"三十五点五", 35.5, false, true},
		{"三点一四一五", 3.1415, false, true},
		{"一点五亿", 1.5e8, false, true},
		{"二点五万", 25000, false, true},
		{"点五", 0, false, false},
		{"五点", 0, false, false},
		{"五点两", 0, false, false},
		{"五点二个", 0, false, false},
		{"五点二点三", 0, false, false},
		// percentages
		{"百分之五点二", 5.2, true, true},
		{"百分之百", 100, true, true},
		{"百分之三十", 30, true, true},
		{"百分之5", 5, true, true},
		{"百分之", 0, false, false},
		{"百分之百分之五", 0, false, false},
		// refused: not a number, or not one number
		{"", 0, false, false},
		{"O", 0, false, false},
		{"o", 0, false, false},
		{"OO", 0, false, false},
		{"十十", 0, false, false},
		{"百百", 0, false, false},
		{"千百十", 0, false, false},
		{"亿亿", 0, false, false},
		{"万", 0, false, false},
		{"亿", 0, false, false},
		{"万亿", 0, false, false},
		{"一亿亿", 0, false, false},
		{"一亿万", 0, false, false},
		{"零万", 0, false, false},
		{"二三十", 0, false, false},
		{"十四五", 0, false, false},
		{"三十二百", 0, false, false},
		{"三千二", 0, false, false},   // 3200 in speech, 3002 read literally
		{"两万三", 0, false, false},   // 23000 in speech
		{"一亿五", 0, false, false},   // 1.5亿 in speech
		{"一千零", 0, false, false},   // a 零 with nothing after it
		{"十零", 0, false, false},    // 零 at the end
		{"一千零零五", 0, false, false}, // two 零
		{"零十", 0, false, false},
		{"一百十", 0, false, false}, // 一百一十
		{"1二", 0, false, false},
		{"二0二三", 0, false, false},
		{"2千", 0, false, false},
		{"五个", 0, false, false},
		{"三百abc", 0, false, false},
		{"一 二", 0, false, false},
		{"十九九九九九九九九九九九九九九九九九九九九", 0, false, false},
		{"九九九九九九九九九九九九九九九九九九九九", 0, false, false}, // 20 digits: beyond uint64
	} {
		n, ok := ParseNumber(c.in)
		if ok != c.ok || ok && (n.Value != c.value || n.Percent != c.percent) {
			t.Errorf("ParseNumber(%q) = %v, %v, want %v (percent %v), %v", c.in, n.Value, n.Percent, c.value, c.percent, c.ok)
		}
	}
}

func TestInt(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"2023", 2023, true},
		{"1", 1, true},
		{"２０２３", 2023, true},
		{"三", 3, true},
		{"十一", 11, true},
		{"二十", 20, true},
		{"一百零五", 105, true},
		{"二〇二三", 2023, true},
		{"二O一五", 2015, true},
		{"零", 0, true},
		{"三百五十六亿二千万", 35620000000, true},
		{"O", 0, false},
		{"", 0, false},
		{"5.0", 0, false},
		{"五点二", 0, false},
		{"百分之五", 0, false},
		{"十十", 0, false},
		{"99999999999999999999", 0, false},
		{"9007199254740993", 0, false}, // beyond 2^53
	} {
		got, ok := Int(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Int(%q) = %d, %v, want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// TestNumberAgreesWithInt checks that the two readers agree on every
// whole number of a few characters.
func TestNumberAgreesWithInt(t *testing.T) {
	alpha := []rune(NumeralChars + "万亿")
	var rec func(prefix []rune)
	checked := 0
	rec = func(prefix []rune) {
		if len(prefix) > 0 {
			s := string(prefix)
			i, iok := Int(s)
			n, nok := ParseNumber(s)
			if iok != nok || iok && float64(i) != n.Value {
				t.Fatalf("%q: Int %d %v, ParseNumber %v %v", s, i, iok, n.Value, nok)
			}
			checked++
		}
		if len(prefix) == 4 {
			return
		}
		for _, r := range alpha {
			rec(append(prefix, r))
		}
	}
	rec(nil)
	if checked < 50000 {
		t.Fatalf("checked %d strings", checked)
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"三百五十六亿二千万", "百分之五点二", "二O一五", "1.5", "十十", "一点五亿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseNumber(s)
		if !ok {
			return
		}
		if n.Value < 0 || math.IsInf(n.Value, 0) || math.IsNaN(n.Value) {
			t.Fatalf("%q: %v", s, n.Value)
		}
		if i, ok := Int(s); ok && (n.Percent || float64(i) != n.Value) {
			t.Fatalf("%q: Int %d, ParseNumber %v", s, i, n)
		}
		if strings.TrimSpace(s) != s || s == "" {
			t.Fatalf("%q: read a number from blank or padded text", s)
		}
	})
}
