package corpus

import "reportsearch/lexicon"

// chineseNumber reads a heading's number or a year written in Arabic or
// Chinese numerals: 三 → 3, 十一 → 11, 一百零五 → 105, 二〇二三 and 二O一五 →
// 2023, 2015. lexicon.Int reads it; ok is false for what is not one number.
func chineseNumber(s string) (int, bool) { return lexicon.Int(s) }

// atoi reads a year, a month or a day as the text writes it (2023,
// 二〇二三, 十七), or gives 0 when it is not a number; the callers' patterns
// have already matched its form.
func atoi(s string) int {
	n, _ := chineseNumber(s)
	return n
}
