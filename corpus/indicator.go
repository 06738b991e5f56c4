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
	changeWord   string   // the change word: 增长, 增产
	respectively bool     // 分别: the values that follow go one to each name
	changeTarget bool     // 经济增长预期目标为: the change is named as a target
	fromValue    bool     // 从, 由 right before it: the level a change started from
	list         []string // with respectively, the names: 刑事警情, 治安警情
	empty        bool     // nothing but list punctuation before the number
	comparative  bool     // 同比, 比上年: the change is against the year before
	rangeMark    bool     // nothing but a range mark before the number: 5%—6%
	low          *float64 // the lower bound written before the number: 3~5家
	lowLen       int      // the bytes of that lower bound and its mark
	aggregate    string   // 总量, 累计 …: the number is a running total (总量达1224家)
	yearBefore   bool     // 由上年的1.2%: the number is the year before's
	succession   bool     // 接连突破: one of marks passed one after another, over years
}

// aggregateWords say that a number is a total so far rather than the year's
// addition: 新增上市公司45家、总量达1224家.
var aggregateWords = lexicon.Words("aggregate-words")

// rangeMarks join the bounds of a range.
const rangeMarks = "~～-—–至到"

var reLowBound = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*[~～\-—–至到]$`)

// reLeadingYear is a year that opens an indicator's words.
var reLeadingYear = regexp.MustCompile(`^(?:` + lexicon.Year + `|` + lexicon.ChineseYear + `)年(?:度)?`)

// yearPrepositions introduce a year at the end of an indicator's words
// (比重将由一九五二年, 到一九五七年): they go with the year.
var yearPrepositions = longestFirst(lexicon.Words("year-prepositions"))

// reTrailingYear is a year that ends an indicator's words, the figure's
// year written after its name: 工业总产值一九七七年比一九七六年增长….
var reTrailingYear = regexp.MustCompile(`(?:` + lexicon.Year + `|` + lexicon.ChineseYear + `)年(?:度)?$`)

// leadingWords open a clause without belonging to the indicator.
var leadingWords = slices.Concat(lexicon.Words("leading-words"), leadInVerbs)

// leadInVerbs push a task on (稳步推进, 加快): a clause's lead-in.
var leadInVerbs = lexicon.Words("lead-in-verbs")

// qualifierRole is what a qualifier before a number says of the figure's
// precision (lexicon's qualifiers, whose header explains each).
type qualifierRole string

const (
	qualifierBound   qualifierRole = "bound"   // 约, 超过, 不低于 …: a bound or an approximation
	qualifierReached qualifierRole = "reached" // 达, 稳定在 …: only that the figure was reached
	qualifierOther   qualifierRole = "other"   // 增长到, 完成 …: neither
	// qualifierRestates says again what the figure before said (即百分之七点八).
	qualifierRestates qualifierRole = "restates"
)

// qualifiers are the words that may stand before a number, with their
// roles, in file order.
var qualifiers = lexicon.Tagged("qualifiers", "role", qualifierBound, qualifierReached, qualifierOther, qualifierRestates)

// qualifierRoles are the qualifiers' roles by word.
var qualifierRoles = func() map[string]qualifierRole {
	out := map[string]qualifierRole{}
	for _, t := range qualifiers {
		out[t.Word] = t.Tag
	}
	return out
}()

// qualifierWords stand between an indicator and its number, longest first so
// that 下降到 goes whole, not as 降到 leaving 下.
var qualifierWords = func() []string {
	var words []string
	for _, t := range qualifiers {
		words = append(words, t.Word)
	}
	return longestFirst(words)
}()

// changeWord is a word that makes a number a change, and which.
type changeWord struct {
	word    string
	measure Measure
}

// changeWords say that the number is a change, not a level, in match order.
var changeWords = func() []changeWord {
	var out []changeWord
	for _, t := range lexicon.Tagged("change-words", "measure", MeasureGrowth, MeasureDecline) {
		out = append(out, changeWord{t.Word, t.Tag})
	}
	return out
}()

// reAnyYearOfValue is reYearOfValue with years in Chinese digits too
// (增加到了一九五九年的五千四百零一亿斤).
var reAnyYearOfValue = regexp.MustCompile(`(?:` + lexicon.Year + `|` + lexicon.ChineseYear + `)年(?:底|末)?的?\s*$`)

// changeTargetNouns name a change as a target after a change word
// (增长预期目标).
var changeTargetNouns = lexicon.Words("change-target-nouns")

// endsWithChangeWord reports whether s ends with a change word (经济增长).
func endsWithChangeWord(s string) bool {
	for _, c := range changeWords {
		if strings.HasSuffix(s, c.word) && len(s) > len(c.word) {
			return true
		}
	}
	return false
}

// changeAttributes are the attributes change words name (增产 → 产量).
var changeAttributes = func() map[string]string {
	m := map[string]string{}
	for _, r := range lexicon.Table("change-attributes", "word", "attribute") {
		m[r[0]] = r[1]
	}
	return m
}()

// notNameChars do not occur in the name of a thing before 增产 or 增收
// (就可以每年为国家增产, 即增产): words with them are a clause, not a name.
var notNameChars = lexicon.Chars("not-name-chars")

// namesProduct reports whether the words before a change word that names
// an attribute are the name of the thing changed (粮食, 棉花, 农民), to which
// the attribute is added.
func namesProduct(s string) bool {
	return runeLen(s) >= 2 && runeLen(s) <= 6 && !strings.ContainsAny(s, notNameChars)
}

// changeBase is a word before a change that says what it is against.
type changeBase struct {
	word        string
	comparative bool // against an earlier time (同比, 比上年), not a plain average (平均)
}

// changeBases stand before a change, in the order they are cut.
var changeBases = func() []changeBase {
	var out []changeBase
	for _, t := range lexicon.Tagged("change-bases", "comparative", "yes", "no") {
		out = append(out, changeBase{t.Word, t.Tag == "yes"})
	}
	return out
}()

// reComparedYear is a comparison with a given year or five-year period
// that ends the words before a change: 较1955年, 比2020年同期, 比一九八○年,
// 比“六五”期间, 比“十二五”末.
var reComparedYear = regexp.MustCompile(`[比较](?:(?:` + lexicon.Year + `|` + lexicon.ChineseYear + `)年(?:同期|末|底)?|“?(?:` + lexicon.FivePlan + `|` + lexicon.Alternation("earlier-five-year-plans") + `)”?(?:时期|期间|末))$`)

// rePeriodCue is a five-year period named in an indicator's words.
var rePeriodCue = regexp.MustCompile(periodCue)

// reSuccession ends the words before marks passed one after another:
// 接连突破, 相继跨过.
var reSuccession = regexp.MustCompile(`(?:` + lexicon.Alternation("succession-adverbs") + `)(?:` + lexicon.Alternation("milestone-words") + `)$`)

// changeAdverbs stand between an indicator and its change word without
// belonging to the indicator: 比1956年将增长, 又增长.
var changeAdverbs = lexicon.Words("change-adverbs")

// trimAdverbs cuts the change adverbs that end s, however many: 都要.
func trimAdverbs(s string) string {
	for changed := true; changed; {
		changed = false
		for _, a := range changeAdverbs {
			if t, ok := strings.CutSuffix(s, a); ok {
				s, changed = t, true
			}
		}
	}
	return s
}

// trimLeadingAdverbs cuts the change adverbs that open s, however many:
// 也要再减少 → 减少.
func trimLeadingAdverbs(s string) string {
	for changed := true; changed; {
		changed = false
		for _, a := range changeAdverbs {
			if t, ok := strings.CutPrefix(s, a); ok {
				s, changed = t, true
			}
		}
	}
	return s
}

// yearBeforeWords make the number after them the year before's: 由上年的1.2%.
var yearBeforeWords = lexicon.Words("year-before-words")

// listMarks join the items of a list of names: 刑事警情、治安警情.
var listMarks = lexicon.Chars("list-mark-chars")

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
	info.succession = reSuccession.MatchString(prefix)
	for _, w := range aggregateWords {
		if strings.Contains(prefix, w) {
			info.aggregate = w
		}
	}
	s := strings.TrimSpace(prefix)
	s = strings.TrimLeft(s, listMarks+" ")
	info.empty = strings.Trim(prefix, listMarks+"以 ") == "" // 以 of 以及
	// The year a value is of (从2017年的3.68万亿元, 增长到2022年的…) is not
	// part of its indicator; datePeriod reads it.
	s = reAnyYearOfValue.ReplaceAllString(s, "")
	if t := strings.TrimSuffix(strings.TrimSuffix(s, "从"), "由"); t != s {
		s, info.fromValue = trimAdverbs(t), true // 比重已由一九四九年的…
	}
	for changed := true; changed; {
		changed = false
		for _, w := range qualifierWords {
			if strings.HasSuffix(s, w) && len(s) > len(w)-1 {
				if info.qualifier == "" {
					info.qualifier = w
				}
				s = trimAdverbs(strings.TrimSuffix(s, w)) // 将达
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
					info.change, info.changeWord = c.measure, c.word
				}
				s = trimAdverbs(strings.TrimSuffix(s, c.word)) // 将增长, 都要增长
				changed = true
				break
			}
		}
		for _, b := range changeBases {
			if strings.HasSuffix(s, b.word) {
				s = strings.TrimSuffix(s, b.word)
				info.comparative = info.comparative || b.comparative
				changed = true
			}
		}
		for _, w := range yearBeforeWords {
			if strings.HasSuffix(s, w) {
				s = strings.TrimSuffix(s, w)
				info.yearBefore, changed = true, true
			}
		}
		if m := reComparedYear.FindStringIndex(s); m != nil {
			// 较1955年增长了百分之十六: the year compared with is not the
			// indicator's; datePeriod reads the figure's own year.
			s = trimAdverbs(s[:m[0]]) // 人口将比1980年增长
			info.comparative, changed = true, true
		}
		if t, ok := strings.CutSuffix(s, "了"); ok && t != "" {
			s, changed = t, true // 增长了, 达到了: older reports' aspect mark
		}
		for _, w := range changeTargetNouns {
			if t, ok := strings.CutSuffix(s, w); ok && endsWithChangeWord(t) {
				s, changed = t, true // 经济增长预期目标为7%: the growth is the target
				info.changeTarget = true
				break
			}
		}
		if strings.HasSuffix(s, "分别") {
			info.respectively = true
			s = strings.TrimSuffix(s, "分别")
			changed = true
		}
	}
	s = trimLeadingWords(s)
	// “十三五”时期突破2000亿元, 生产总值在“十三五”时期突破…: the period is
	// the figure's, not its name's.
	if loc := rePeriodCue.FindStringIndex(s); loc != nil {
		s = strings.TrimSuffix(s[:loc[0]], "在") + s[loc[1]:]
	}
	s = reLeadingYear.ReplaceAllString(strings.Trim(s, "、，的—-… "), "") // 1979年人口自然增长率: the year is the figure's, not the name's
	if t := reTrailingYear.ReplaceAllString(s, ""); t != "" && t != s {
		// 工业总产值一九七七年; 比重将由一九五二年: the year and the
		// preposition that introduced it go.
		for _, p := range yearPrepositions {
			t = strings.TrimSuffix(t, p)
		}
		s = trimAdverbs(t)
	}
	s = strings.TrimPrefix(s, "的") // 1957年的工业总产值
	if attr := changeAttributes[info.changeWord]; attr != "" && namesProduct(s) && !strings.HasSuffix(s, attr) {
		s += attr // 粮食增产20亿斤: a rise of 粮食产量
	}
	info.phrase = s
	if info.respectively && s != "" {
		info.list = splitList(s)
	}
	return info
}

// splitList splits 刑事警情、治安警情 or 基本养老保险参保率和医保参保率.
func splitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(listMarks, r) })
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// compoundPair is a word that names two things at once and the two.
type compoundPair struct{ compound, first, second string }

// compoundPairs are words that name two things at once in a list with
// 分别: 城乡居民人均可支配收入分别完成37820元、28104元 is 城镇… then 农村….
var compoundPairs = func() []compoundPair {
	var out []compoundPair
	for _, r := range lexicon.Table("compound-pairs", "compound", "first", "second") {
		out = append(out, compoundPair{r[0], r[1], r[2]})
	}
	return out
}()

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

// suffixWords end the words after a figure's unit without belonging to
// its noun: the qualifiers, then the list separators.
var suffixWords = append(slices.Clip(qualifierWords), listSeparators...)

// frameWords after a figure make it the frame of what follows (的基础上).
var frameWords = lexicon.Words("frame-words")

// cleanSuffix keeps the noun that follows a figure's unit when it names what
// is counted (14所学校, 100%的事项实现“网上办”), and drops words that only
// continue the sentence.
func cleanSuffix(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "的")
	if hasAnyPrefix(s, frameWords) || s == "内" {
		return "" // 突破2000亿元的基础上, 压缩至10个工作日内: a frame, not a noun
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.Is(unicode.Han, r) && r != '“' && r != '（' {
		return ""
	}
	for changed := true; changed && s != ""; {
		changed = false
		for _, w := range suffixWords {
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
	if qualifierRoles[pre] == qualifierBound {
		return pre
	}
	if post != "" {
		return post
	}
	if infix != "" {
		return infix
	}
	if qualifierRoles[pre] == qualifierReached {
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
