package corpus

import "reportsearch/lexicon"

// digitTypos are the Latin letters crawled text has in place of a digit
// (1O%, l3.6%), with the digit each stands for (lexicon's digit-typos).
var digitTypos = func() map[byte]byte {
	m := map[byte]byte{}
	for _, r := range lexicon.Table("digit-typos", "letter", "digit") {
		if len(r[0]) != 1 || len(r[1]) != 1 || r[1][0] < '0' || r[1][0] > '9' {
			panic("corpus: digit-typos: " + r[0] + " → " + r[1] + " is not one letter for one digit") // a defect of the data, caught by tests
		}
		m[r[0][0]] = r[1][0]
	}
	return m
}()

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
