package lexicon

import (
	"regexp"
	"strings"
	"sync"
)

// Regular-expression fragments for the forms that reports write in many
// places. Each is written here once; a pattern that needs one concatenates
// it (`(` + lexicon.Year + `)年`). Where two forms differ on purpose, both
// are kept, and their comments say how.
const (
	// Year is a year in Arabic digits from 1900 to 2099: the years a
	// report speaks of. Readers that need a tighter range check the number.
	Year = `(?:19|20)\d{2}`

	// ChineseYear is a year in Chinese digits as titles and meetings write
	// it (二〇二三, 一九七九): a first digit that can open a year, then three
	// digits; 〇, ○ and 零 are all zero. It does not take the Latin O some
	// sources type for 〇.
	ChineseYear = `[一二〇○零][一二三四五六七八九〇○零]{3}`

	// ChineseYearDigits is any four Chinese digits, the Latin O among them
	// (二O一五), where a heading or a sentence writes a year: the reader
	// keeps only numbers in the range of years. It is wider than
	// ChineseYear, which patterns without that check use.
	ChineseYearDigits = `[一二〇○O零三四五六七八九]{4}`

	// DateNumeral is one character of a date's year, month or day, in
	// Arabic or Chinese digits (2023年1月17日, 二〇二三年一月十七日).
	DateNumeral = `[0-9〇○O零一二三四五六七八九十]`

	// HeadingNumber is the Chinese number of a heading: 一, 十二, 一百
	// (一、 （三） 第四， 五是).
	HeadingNumber = `[零〇一二三四五六七八九十百]{1,4}`

	// SmallNumeral is a Chinese numeral character from 一 to 十: the
	// numbers of lists (一、二、三产业) and newspaper pages (第四版).
	SmallNumeral = `[一二三四五六七八九十]`

	// FivePlan is a five-year plan by its number, 十一五 to 十六五. Their
	// years are the table five-year-plans.
	FivePlan = `十[一二三四五六]五`
)

// DivisionLevel returns the word for an administrative division's level at
// the end of its name (广东省, 杭州市, 上城区, 新疆维吾尔自治区, 香港特别行政区),
// as an alternation of the list division-levels, longest first. Unlike
// the constants above it is data, so it is a function.
func DivisionLevel() string { return divisionLevel() }

// AutonomousLevel returns the level of an autonomous division after 自治
// and the peoples it is named for (区 of 新疆维吾尔自治区, 州 of 延边朝鲜族自治州):
// the division levels that start with 自治, without it, as an alternation.
func AutonomousLevel() string { return autonomousLevel() }

var (
	divisionLevel   = sync.OnceValue(func() string { return Alternation("division-levels") })
	autonomousLevel = sync.OnceValue(func() string {
		var levels []string
		for _, w := range Words("division-levels") {
			if l, ok := strings.CutPrefix(w, autonomous); ok {
				levels = append(levels, regexp.QuoteMeta(l))
			}
		}
		return "(?:" + strings.Join(levels, "|") + ")"
	})
)

// autonomous opens the level of an autonomous division: 自治区, 自治州.
const autonomous = "自治"
