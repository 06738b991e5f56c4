package lexicon

import (
	"strings"
	"sync"
)

// cnDigits are the Chinese digits one to nine (cn-digit-chars), split once.
var cnDigits = sync.OnceValue(func() []string { return strings.Split(Chars("cn-digit-chars"), "") })

// ChineseNumeral writes a number from 1 to 99 as headings print their
// numbers: 4 → 四, 10 → 十, 12 → 十二, 21 → 二十一. Outside that range it
// returns "".
func ChineseNumeral(n int) string {
	if n < 1 || n > 99 {
		return ""
	}
	digits := cnDigits()
	digit := func(d int) string {
		if d == 0 {
			return ""
		}
		return digits[d-1]
	}
	switch {
	case n < 10:
		return digit(n)
	case n < 20:
		return "十" + digit(n%10)
	}
	return digit(n/10) + "十" + digit(n%10)
}
