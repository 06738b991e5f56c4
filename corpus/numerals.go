package corpus

import "strconv"

var chineseDigits = map[rune]int{
	'零': 0, '〇': 0, '○': 0, 'O': 0, 'o': 0,
	'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

// chineseNumber parses a Chinese numeral used for numbering and years:
// 三 → 3, 十一 → 11, 二十 → 20, 一百零五 → 105, and digit-by-digit forms such
// as 二〇二三 or 二O一五 → 2023, 2015. It also accepts Arabic digits.
func chineseNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	rs := []rune(s)
	positional := true // every rune a digit: read digit by digit
	for _, r := range rs {
		if _, ok := chineseDigits[r]; !ok {
			positional = false
			break
		}
	}
	if positional {
		if len(rs) == 1 && (rs[0] == 'O' || rs[0] == 'o') {
			return 0, false
		}
		n := 0
		for _, r := range rs {
			n = n*10 + chineseDigits[r]
		}
		return n, true
	}
	total, digit := 0, -1
	for _, r := range rs {
		if d, ok := chineseDigits[r]; ok {
			digit = d
			continue
		}
		var unit int
		switch r {
		case '十':
			unit = 10
		case '百':
			unit = 100
		case '千':
			unit = 1000
		default:
			return 0, false
		}
		if digit < 0 {
			digit = 1 // 十一 = 11
		}
		total += digit * unit
		digit = -1
	}
	if digit > 0 {
		total += digit
	}
	return total, total > 0
}
