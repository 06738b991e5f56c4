package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize makes one line of report text canonical, so that the parser, the
// index and the user's query all see the same characters:
//
//   - zero-width characters and soft hyphens are removed;
//   - full-width digits, Latin letters and ASCII symbols become half-width
//     (１２．５％ → 12.5%), while the full-width punctuation that Chinese text
//     uses (，：；！？（）) stays;
//   - ASCII , : ; ! ? and ( ) written in Chinese context become their Chinese
//     forms ((一) → （一）), but a thousands separator (1,234), a ratio
//     (3.6 : 48) or a Latin parenthesis (S2) is left alone;
//   - U+3000, no-break and other odd spaces become plain spaces, spaces
//     between two Chinese characters are removed (letter-spaced titles such as
//     政 府 工 作 报 告), other runs become one space, and the line is trimmed.
//
// It works on a single line: newlines are the caller's business.
func Normalize(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	for _, r := range line {
		switch {
		case isZeroWidth(r):
			continue
		case isOddSpace(r):
			b.WriteByte(' ')
		case r >= 0xFF01 && r <= 0xFF5E && !keepFullWidth(r):
			b.WriteRune(r - 0xFEE0)
		case r == 0xFF61: // the half-width ideographic full stop
			b.WriteRune('。')
		default:
			b.WriteRune(r)
		}
	}
	rs := []rune(b.String())
	rs = chinesePunctuation(rs)
	return collapseSpaces(rs)
}

func isZeroWidth(r rune) bool {
	switch r {
	case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E:
		return true
	}
	return false
}

func isOddSpace(r rune) bool {
	switch {
	case r == '\t', r == 0x3000, r == 0x00A0, r == 0x202F, r == 0x205F, r == '\f', r == 0x1a:
		return true
	case r >= 0x2000 && r <= 0x200A:
		return true
	}
	return false
}

// keepFullWidth lists the full-width forms that are the normal Chinese
// punctuation marks, which the rest of the program expects in that form.
func keepFullWidth(r rune) bool {
	switch r {
	case '！', '（', '）', '，', '：', '；', '？':
		return true
	}
	return false
}

// isCJK reports whether r is a Han character or Chinese punctuation: the
// context in which ASCII punctuation is a typing slip for the Chinese form.
func isCJK(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20:
		return true
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·':
		return true
	}
	return false
}

var asciiToChinese = map[rune]rune{',': '，', ':': '：', ';': '；', '!': '！', '?': '？'}

func chinesePunctuation(rs []rune) []rune {
	// Parentheses go by pairs: a pair that encloses Chinese text is Chinese.
	var open []int
	for i, r := range rs {
		switch r {
		case '(':
			open = append(open, i)
		case ')':
			if len(open) == 0 {
				if neighbourCJK(rs, i) {
					rs[i] = '）'
				}
				continue
			}
			j := open[len(open)-1]
			open = open[:len(open)-1]
			if containsHanRunes(rs[j+1 : i]) {
				rs[j], rs[i] = '（', '）'
			}
		}
	}
	for _, j := range open {
		if neighbourCJK(rs, j) {
			rs[j] = '（'
		}
	}
	for i, r := range rs {
		zh, ok := asciiToChinese[r]
		if !ok {
			continue
		}
		if r == ',' && i > 0 && i+1 < len(rs) && isASCIIDigit(rs[i-1]) && isASCIIDigit(rs[i+1]) {
			continue // 1,234
		}
		if neighbourCJK(rs, i) {
			rs[i] = zh
		}
	}
	return rs
}

// neighbourCJK reports whether the nearest non-space rune before or after
// position i is Chinese.
func neighbourCJK(rs []rune, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if rs[j] != ' ' {
			if isCJK(rs[j]) {
				return true
			}
			break
		}
	}
	for j := i + 1; j < len(rs); j++ {
		if rs[j] != ' ' {
			return isCJK(rs[j])
		}
	}
	return false
}

func containsHanRunes(rs []rune) bool {
	for _, r := range rs {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// collapseSpaces drops spaces between Chinese characters, folds other runs
// of spaces into one and trims the ends.
func collapseSpaces(rs []rune) string {
	var b strings.Builder
	b.Grow(len(rs) * 3)
	for i := 0; i < len(rs); i++ {
		if rs[i] != ' ' {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		if i > 0 && j < len(rs) && !(isCJK(rs[i-1]) && isCJK(rs[j])) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// runeLen is the number of characters of s, the measure the parser's length
// thresholds use.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
