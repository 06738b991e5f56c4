package corpus

import (
	"slices"
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
//   - ASCII , : ; ! ? ( ) and paired " written in Chinese context become their
//     Chinese forms ((一) → （一）, "十四五" → “十四五”), but a thousands
//     separator (1,234), a ratio (3.6 : 48) or a Latin parenthesis (S2) is
//     left alone;
//   - U+3000, no-break and other odd spaces become plain spaces; letter-spaced
//     titles and names close up (政 府 工 作 报 告, 李　强); other runs become
//     one space, and the line is trimmed.
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

// convertible are the ASCII marks Normalize may turn into Chinese ones. A
// neighbour search skips them, so that the decision for each mark does not
// depend on whether its neighbour was converted first (!!购 → ！！购 in one
// pass, which keeps Normalize idempotent).
const convertible = `,:;!?()"`

func chinesePunctuation(rs []rune) []rune {
	// hanBefore[i] counts the Han characters in rs[:i], so that whether a
	// pair of brackets or quotes encloses Chinese text is known in constant
	// time, however deeply they nest.
	hanBefore := make([]int, len(rs)+1)
	for i, r := range rs {
		hanBefore[i+1] = hanBefore[i]
		if unicode.Is(unicode.Han, r) {
			hanBefore[i+1]++
		}
	}
	encloses := func(i, j int) bool { return hanBefore[j] > hanBefore[i+1] }
	out := slices.Clone(rs)
	// Parentheses go by pairs: a pair that encloses Chinese text is Chinese.
	// An unpaired one goes by its neighbours as the pairs now are.
	var open, unpaired []int
	for i, r := range rs {
		switch r {
		case '(':
			open = append(open, i)
		case ')':
			if len(open) == 0 {
				unpaired = append(unpaired, i)
				continue
			}
			j := open[len(open)-1]
			open = open[:len(open)-1]
			if encloses(j, i) {
				out[j], out[i] = '（', '）'
			}
		}
	}
	unpaired = append(unpaired, open...)
	// ASCII double quotes pair up in order: "十四五" → “十四五”.
	var quote = -1
	for i, r := range rs {
		if r != '"' {
			continue
		}
		if quote < 0 {
			quote = i
			continue
		}
		if encloses(quote, i) {
			out[quote], out[i] = '“', '”'
		}
		quote = -1
	}
	// The unpaired parentheses look at their neighbours after the pairs and
	// the quotes are converted, as a second pass would see them: otherwise
	// "四0(" → “四0(” would become “四0（” the second time.
	paired := slices.Clone(out)
	for _, i := range unpaired {
		if neighbourCJK(paired, i) {
			out[i] = map[rune]rune{'(': '（', ')': '）'}[rs[i]]
		}
	}
	// A full-width comma between a digit and a group of exactly three
	// digits is a thousands separator typed in Chinese mode: 62，000万吨.
	for i, r := range rs {
		if r == '，' && i > 0 && i+3 < len(rs) && isASCIIDigit(rs[i-1]) && isASCIIDigit(rs[i+1]) && isASCIIDigit(rs[i+2]) &&
			isASCIIDigit(rs[i+3]) && (i+4 == len(rs) || !isASCIIDigit(rs[i+4])) {
			out[i] = ','
		}
	}
	// The other marks look at their neighbours as the brackets and quotes
	// now are, so that a second pass finds nothing more to convert.
	context := slices.Clone(out)
	for i, r := range rs {
		zh, ok := asciiToChinese[r]
		if !ok {
			continue
		}
		if r == ',' && i > 0 && i+1 < len(rs) && isASCIIDigit(out[i-1]) && isASCIIDigit(out[i+1]) {
			continue // 1,234
		}
		if neighbourCJK(context, i) {
			out[i] = zh
		}
	}
	return out
}

// neighbourCJK reports whether the nearest rune before or after position i
// that is neither a space nor a convertible ASCII mark is Chinese.
func neighbourCJK(rs []rune, i int) bool {
	skip := func(r rune) bool { return r == ' ' || strings.ContainsRune(convertible, r) }
	for j := i - 1; j >= 0; j-- {
		if !skip(rs[j]) {
			if isCJK(rs[j]) {
				return true
			}
			break
		}
	}
	for j := i + 1; j < len(rs); j++ {
		if !skip(rs[j]) {
			return isCJK(rs[j])
		}
	}
	return false
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// collapseSpaces folds runs of spaces into one and trims the ends. A space
// next to a lone Chinese character is dropped: it letter-spaces a title or a
// name (政 府 工 作 报 告, 李　强), while a space between two words (张三 李四)
// is kept.
func collapseSpaces(rs []rune) string {
	han := func(i int) bool { return i >= 0 && i < len(rs) && unicode.Is(unicode.Han, rs[i]) }
	// lone reports whether the Han character at i stands alone between
	// spaces or line ends.
	lone := func(i int) bool {
		return han(i) && (i == 0 || rs[i-1] == ' ') && (i == len(rs)-1 || rs[i+1] == ' ')
	}
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
		switch {
		case i == 0 || j == len(rs): // trim
		case isCJK(rs[i-1]) && isCJK(rs[j]) && !(han(i-1) && han(j)): // beside Chinese punctuation: 报告 （草案）
		case han(i-1) && han(j) && (lone(i-1) || lone(j)): // letter-spacing
		default:
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// runeLen is the number of characters of s, the measure the parser's length
// thresholds use.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
