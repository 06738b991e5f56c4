package corpus

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// indicatorInfo is what the words before a figure say about it.
type indicatorInfo struct {
	index        int      // the amount it was read for
	phrase       string   // the indicator: 城镇新增就业, 地区生产总值
	qualifier    string   // a qualifier word before the number: 约, 超, 达 …
	change       Measure  // growth or decline when a change word precedes the number
	respectively bool     // 分别: the values that follow go one to each name
	list         []string // with respectively, the names: 刑事警情, 治安警情
	empty        bool     // nothing but list punctuation before the number
	comparative  bool     // 同比, 比上年: the change is against the year before
	rangeMark    bool     // nothing but a range mark before the number: 5%—6%
	low          *float64 // the lower bound written before the number: 3~5家
	lowLen       int      // the bytes of that lower bound and its mark
	aggregate    string   // 总量, 累计 …: the number is a running total (总量达1224家)
	yearBefore   bool     // 由上年的1.2%: the number is the year before's
}

// aggregateWords say that a number is a total so far rather than the year's
// addition: 新增上市公司45家、总量达1224家.
var aggregateWords = []string{"总量", "总数", "累计", "总计", "共计", "合计", "存量"}

// rangeMarks join the bounds of a range.
const rangeMarks = "~～-—–至到"

var reLowBound = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*[~～\-—–至到]$`)

// reLeadingYear is a year that opens an indicator's words.
var reLeadingYear = regexp.MustCompile(`^` + lexicon.Year + `年(?:度)?`)

// leadingWords open a clause without belonging to the indicator.
var leadingWords = []string{"其中", "预计", "全年", "全区", "全市", "全省", "累计", "共计", "合计", "同时", "另外", "此外",
	"今年", "当年", "年内", "力争", "确保", "努力", "实现", "并", "共", "和", "及", "以及", "与", "另"}

// qualifierWords stand between an indicator and its number, longest first so
// that 下降到 goes whole, not as 降到 leaving 下.
var qualifierWords = longestFirst([]string{"不低于", "不少于", "不超过", "超过", "突破", "达到", "约为", "约合", "控制在", "稳定在", "保持在",
	"提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "增至", "降至", "降到", "下降到", "至少", "已达", "总量", "总数",
	"降为", "升为", "升至", "升到", "增为", "完成", "实现", "约", "近", "超", "逾", "达", "为", "是", "至", "到", "共", "累计", "了"})

// changeWords say that the number is a change, not a level.
var changeWords = []struct {
	word    string
	measure Measure
}{
	{"同比增长", MeasureGrowth}, {"比上年增长", MeasureGrowth}, {"年均增长", MeasureGrowth}, {"增长", MeasureGrowth},
	{"增速", MeasureGrowth}, {"上涨", MeasureGrowth}, {"上升", MeasureGrowth}, {"提高", MeasureGrowth}, {"增加", MeasureGrowth},
	{"增幅", MeasureGrowth}, {"净增", MeasureGrowth}, {"增收", MeasureGrowth},
	{"同比下降", MeasureDecline}, {"比上年下降", MeasureDecline}, {"下降", MeasureDecline}, {"减少", MeasureDecline},
	{"降低", MeasureDecline}, {"回落", MeasureDecline}, {"降幅", MeasureDecline}, {"压减", MeasureDecline},
	{"再降", MeasureDecline}, {"下调", MeasureDecline}, {"收窄", MeasureDecline}, {"减收", MeasureDecline},
}

// readIndicator reads the words between the previous figure (or the start
// of the clause) and a number.
func readIndicator(prefix string) indicatorInfo {
	info := indicatorInfo{change: MeasureLevel}
	if t := strings.TrimSpace(prefix); t != "" && strings.Trim(t, rangeMarks) == "" {
		info.rangeMark = true
		return info
	}
	if m := reLowBound.FindStringSubmatchIndex(prefix); m != nil {
		if n, ok := lexicon.ParseNumber(prefix[m[2]:m[3]]); ok {
			v := n.Value
			info.low, info.lowLen = &v, len(prefix)-m[0]
			prefix = prefix[:m[0]]
		}
	}
	for _, w := range aggregateWords {
		if strings.Contains(prefix, w) {
			info.aggregate = w
		}
	}
	s := strings.TrimSpace(prefix)
	s = strings.TrimLeft(s, "、和及与 ")
	info.empty = strings.Trim(prefix, "、和及与以 ") == ""
	// The year a value is of (从2017年的3.68万亿元, 增长到2022年的…) is not
	// part of its indicator; datePeriod reads it.
	s = reYearOfValue.ReplaceAllString(s, "")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "从"), "由")
	for changed := true; changed; {
		changed = false
		for _, w := range qualifierWords {
			if strings.HasSuffix(s, w) && len(s) > len(w)-1 {
				if info.qualifier == "" {
					info.qualifier = w
				}
				s = strings.TrimSuffix(s, w)
				changed = true
				break // the next pass starts again from the longest: 增加到超过 leaves 增加到, not 增加
			}
		}
		if changed {
			continue
		}
		for _, c := range changeWords {
			if strings.HasSuffix(s, c.word) {
				if info.change == MeasureLevel {
					info.change = c.measure
				}
				s = strings.TrimSuffix(s, c.word)
				changed = true
				break
			}
		}
		for _, w := range []string{"同比", "比上年", "较上年", "比去年", "年均", "平均", "均"} {
			if strings.HasSuffix(s, w) {
				s = strings.TrimSuffix(s, w)
				info.comparative = info.comparative || w != "平均" && w != "均"
				changed = true
			}
		}
		for _, w := range []string{"由上年的", "由上年", "从上年的", "从上年"} {
			if strings.HasSuffix(s, w) {
				s = strings.TrimSuffix(s, w)
				info.yearBefore, changed = true, true
			}
		}
		if strings.HasSuffix(s, "分别") {
			info.respectively = true
			s = strings.TrimSuffix(s, "分别")
			changed = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, w := range leadingWords {
			if strings.HasPrefix(s, w) && len(s) > len(w) {
				s = strings.TrimPrefix(s, w)
				changed = true
			}
		}
	}
	s = reLeadingYear.ReplaceAllString(strings.Trim(s, "、，的—-… "), "") // 1979年人口自然增长率: the year is the figure's, not the name's
	info.phrase = s
	if info.respectively && s != "" {
		info.list = splitList(s)
	}
	return info
}

// splitList splits 刑事警情、治安警情 or 基本养老保险参保率和医保参保率.
func splitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '和' || r == '及' || r == '与' })
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// compoundPairs are words that name two things at once in a list with
// 分别: 城乡居民人均可支配收入分别完成37820元、28104元 is 城镇… then 农村….
var compoundPairs = []struct{ compound, first, second string }{
	{"城乡", "城镇", "农村"}, {"存贷款", "存款", "贷款"}, {"内外资", "内资", "外资"}, {"进出口", "进口", "出口"},
	{"中小学", "中学", "小学"}, {"中外资", "中资", "外资"},
}

// expandPair turns one name with a compound into the two names it stands for.
func expandPair(name string) []string {
	for _, c := range compoundPairs {
		if strings.Contains(name, c.compound) {
			return []string{strings.Replace(name, c.compound, c.first, 1), strings.Replace(name, c.compound, c.second, 1)}
		}
	}
	return nil
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, pre := range prefixes {
		if strings.HasPrefix(s, pre) {
			return true
		}
	}
	return false
}

// cleanSuffix keeps the noun that follows a figure's unit when it names what
// is counted (14所学校, 100%的事项实现“网上办”), and drops words that only
// continue the sentence.
func cleanSuffix(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "的")
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.Is(unicode.Han, r) && r != '“' && r != '（' {
		return ""
	}
	for changed := true; changed && s != ""; {
		changed = false
		for _, w := range append(qualifierWords, "、", "和", "及", "以及", "与") {
			if strings.HasSuffix(s, w) {
				s = strings.TrimSuffix(s, w)
				changed = true
			}
		}
	}
	return strings.TrimSpace(s)
}

// pickQualifier chooses the qualifier that says most about a figure's
// precision: an explicit bound or approximation before 余/以上, then 达.
func pickQualifier(pre, infix, post string) string {
	switch pre {
	case "约", "约为", "近", "超", "超过", "突破", "逾", "不低于", "不少于", "至少", "不超过", "控制在":
		return pre
	}
	if post != "" {
		return post
	}
	if infix != "" {
		return infix
	}
	switch pre {
	case "达", "达到", "已达", "稳定在", "保持在":
		return pre
	}
	return ""
}

// longestFirst sorts words by length, longest first, keeping the order of
// words of one length.
func longestFirst(words []string) []string {
	slices.SortStableFunc(words, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	return words
}
