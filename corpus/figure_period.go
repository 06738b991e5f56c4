package corpus

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"reportsearch/lexicon"
)

// figureContext is what a paragraph's place in the report says about the
// period of its figures.
type figureContext struct {
	past, plan int    // the years the report reviews and plans
	delivered  int    // the year the report is delivered in, which 今年 names
	period     Period // a five-year period the section speaks of, if only that
	// leadPeriod is the five-year period the paragraph turned to with a
	// sentence that opens with it (“十四五”时期，…; 这五年，…); the
	// sentences after it go on about it.
	leadPeriod Period
	// leadYear is the year the paragraph turned to in the same way
	// (刚刚过去的2025年，…; 过去一年，…).
	leadYear int
}

// fivePlans maps a five-year plan (十四五) to its years (2021–2025).
var fivePlans = func() map[string]Period {
	m := map[string]Period{}
	for _, r := range lexicon.Table("five-year-plans", "plan", "years") {
		p, ok := ParsePeriod(r[1])
		if !ok {
			panic("corpus: five-year-plans: " + r[1] + " is not a period") // a defect of the data, caught by tests
		}
		m[r[0]] = p
	}
	return m
}()

// FivePlanYears is the years of a five-year plan by its name (十四五 →
// 2021–2025), and false for a name that is none.
func FivePlanYears(plan string) (Period, bool) {
	p, ok := fivePlans[plan]
	return p, ok
}

// periodCue names a five-year period: 五年来, 过去五年, “十四五”时期.
var periodCue = lexicon.Alternation("five-year-cues") + `|“?` + lexicon.FivePlan + `”?(?:时期|期间|以来)`

var (
	reFivePlan = regexp.MustCompile(lexicon.FivePlan)
	// Sentence cues that a figure is a total or an average over a plan
	// period rather than one year's.
	// 年均 counts only as a rate over years (年均增长), not as an annual
	// average (PM2.5年均浓度).
	reFiveYearCue = regexp.MustCompile(periodCue + `|年均` + lexicon.Alternation("annual-average-verbs"))
	// A sentence that opens with a five-year period turns its paragraph to it.
	reLeadPeriod = regexp.MustCompile(`^(?:` + periodCue + `)`)
	// A sentence that opens with a year, or with the year just past, turns
	// its paragraph to that year.
	reLeadYear     = regexp.MustCompile(`^(?:刚刚过去的|过去的)?(` + lexicon.Year + `)年[，,]`)
	reLeadPastYear = regexp.MustCompile(`^(?:过去一年|一年来|刚刚过去的一年)[，,]`)
	// An explicit year that is the topic of what follows (2022年，全区实现…;
	// 2022年全年…) or the year a target is set for (到2025年，…; 到2025年底).
	// 增长到2025年的4.93万亿元 ends a range of results, not a target.
	reTopicYear = regexp.MustCompile(`(` + lexicon.Year + `)年(?:[，,：]|` + lexicon.Alternation("topic-year-words") + `)`)
	// reClauseYear is a year that opens a clause, unless it starts a span
	// (2018年以来, 2023年起).
	reClauseYear = regexp.MustCompile(`(?:^|[，；：])(` + lexicon.Year + `)年(?:度)?(?:` + lexicon.NotClass("year-span-chars") + `|$)`)
	// reClauseYearOf is a year that opens a clause with the thing it is of:
	// 1957年的工业总产值比1956年将增长… (but 从2017年的3.68万亿元 is a value's
	// year, read by reYearOfValue).
	reClauseYearOf = regexp.MustCompile(`(?:^|[，；：])(` + lexicon.Year + `)年的\p{Han}`)
	reTargetYear   = regexp.MustCompile(`(?:到|至|力争到)(` + lexicon.Year + `)年(?:[^的]|$)`)
	// The year a value is of, written right before it: 从2017年的3.68万亿元,
	// 增长到2022年的4.93万亿元, 2021年底的….
	reYearOfValue = regexp.MustCompile(`(` + lexicon.Year + `)年(?:底|末)?的?\s*$`)
)

// sectionPeriod returns the five-year period a heading speaks of when it
// names a plan period and no single year (“十五五”时期的主要目标和重点任务).
func sectionPeriod(titles []string) Period {
	for i := len(titles) - 1; i >= 0; i-- {
		t := titles[i]
		if len(allYears(t)) > 0 {
			return Period{}
		}
		if m := reFivePlan.FindString(t); m != "" && (strings.Contains(t, "时期") || strings.Contains(t, "期间")) {
			return fivePlans[m]
		}
	}
	return Period{}
}

// periodOf returns the five-year period a sentence's cue refers to, or none.
func (c figureContext) periodOf(sentence string) Period {
	if !strings.ContainsAny(sentence, "五均") { // every cue has one
		return Period{}
	}
	cue := reFiveYearCue.FindString(sentence)
	if cue == "" {
		return Period{}
	}
	if m := reFivePlan.FindString(sentence); m != "" {
		return fivePlans[m]
	}
	if !c.period.IsZero() {
		return c.period
	}
	if c.past != 0 {
		return Period{c.past - 4, c.past}
	}
	return Period{}
}

// datePeriod settles a figure's year, kind and period from the words before
// it in its sentence, overriding what its section says: an explicit year
// that is the topic (2022年，全区实现…) or a target year (到2025年…) wins;
// a five-year cue (五年来, “十四五”时期, 年均) makes it a figure of the
// period, not of one year.
func (c figureContext) datePeriod(f *Figure, before, sentence string) {
	hasYear := strings.Contains(before, "年") // most clauses have no year: no regexes for them
	if c.delivered != 0 && reClauseRelativeYear.MatchString(before) {
		// …，去年全省…: the year it stands for, as if written.
		before = reClauseRelativeYear.ReplaceAllStringFunc(before, func(m string) string {
			for word, offset := range clauseRelativeYears {
				if lead, ok := strings.CutSuffix(m, word); ok {
					return lead + strconv.Itoa(c.delivered+offset) + "年"
				}
			}
			return m
		})
		hasYear = true
	}
	if hasYear {
		before = arabicYears(compactYears(before)) // 一九五七年 and 2021 年 are dated as 1957年 is
	}
	topic, target := 0, 0
	if hasYear {
		topic, target = lastTopicYear(before, c.plan), lastYear(reTargetYear, before)
	}
	switch {
	case hasYear && c.dateBySpan(f, before):
		// 从1980年至1985年，原煤产量由六亿二千万吨增加到八亿五千万吨.
	case hasYear && yearOfValue(before):
		// The year written right before a value is the value's: 由2002年
		// 7703元增加到2007年13786元 states 2002's and 2007's levels; 增加到
		// 2007年 is the level reached, not a target year, unless the year is
		// one the report plans for.
		f.Year, f.Period = lastYear(reYearOfValue, before), Period{}
		switch {
		case c.plan != 0 && f.Year < c.plan:
			f.Kind = FigureActual
		case c.plan != 0 && f.Kind != FigureEstimate && target == f.Year:
			f.Kind = FigureTarget // 到2025年5000亿元
		}
	case hasYear && c.ownFivePlan(f, before):
		// 到2020年…翻一番，“十三五”时期经济年均增长保持在6.5%以上: the
		// figure's own clause names the period, whatever year the
		// sentence aims at first.
	case target != 0 && target >= topic:
		f.Year, f.Period = target, Period{}
		if c.plan == 0 || target >= c.plan {
			f.Kind = FigureTarget
		} else if f.Kind == FigureTarget {
			// 到一九五九年底，全国农村已经办起… in the 1960 report: a year
			// before the plan's is reached, not aimed at.
			f.Kind = FigureActual
		}
	case topic != 0 && c.averagedSinceBase(f, before, topic):
		// 2007年，国内生产总值…比2002年增长65.5%，年均增长10.6%: the
		// average of 2003–2007, not 2007's growth.
	case topic != 0:
		f.Year, f.Period = topic, Period{}
		switch {
		case c.plan != 0 && topic < c.plan && estimated(before):
			f.Kind = FigureEstimate
		case c.plan != 0 && topic < c.plan:
			f.Kind = FigureActual
		case c.plan != 0 && topic >= c.plan && f.Kind != FigureEstimate:
			f.Kind = FigureTarget
		}
	default:
		p := c.periodOf(afterBase(before))
		if p.IsZero() && c.leadYear != 0 {
			f.Year, f.Period = c.leadYear, Period{}
			if c.plan != 0 && c.leadYear < c.plan && f.Kind == FigureTarget {
				f.Kind = FigureActual
			}
			return
		}
		if p.IsZero() {
			p = cmp.Or(c.leadPeriod, c.period)
		}
		if !p.IsZero() {
			f.Period, f.Year = p, 0
			start, end := p.From, p.To
			// Over a period, 从3826.5亿元增长到4398.6亿元 are the levels
			// before it began and at its end, not totals of it.
			switch clause := before[lastClauseEnd(before, len(before)):]; {
			case strings.ContainsAny(clause, "从由") && reToValue.MatchString(clause):
				f.Year, f.Period = end, Period{}
			case reFromValue.MatchString(clause):
				f.Year, f.Period, f.Kind = start-1, Period{}, FigureActual
			}
			// A period that has ended by the year the report reviews is a
			// result, even in a plan section (“十四五”时期… in the
			// explanation of the next five-year plan).
			if c.past != 0 && end <= c.past && f.Kind == FigureTarget {
				f.Kind = FigureActual
			}
		}
	}
}

// ownFivePlan dates a figure by the five-year plan its own clause names,
// with no year written after it (“十三五”时期经济年均增长保持在6.5%以上), and
// reports whether it did. A period that has ended by the year the report
// reviews is a result.
func (c figureContext) ownFivePlan(f *Figure, before string) bool {
	own := before[lastClauseEnd(before, len(before)):]
	loc := reFivePlan.FindStringIndex(own)
	if loc == nil {
		return false
	}
	after := strings.TrimLeftFunc(own[loc[1]:], func(r rune) bool { return unicode.In(r, unicode.Pe, unicode.Pf) })
	if reLaterYear.MatchString(after) || hasAnyPrefix(after, fiveYearPoints) {
		return false
	}
	p := fivePlans[own[loc[0]:loc[1]]]
	if p.IsZero() {
		return false
	}
	f.Year, f.Period = 0, p
	if c.past != 0 && p.To <= c.past && f.Kind == FigureTarget {
		f.Kind = FigureActual
	}
	return true
}

// averagedSinceBase dates a yearly average (年均增长10.6%) in a sentence
// about a year that compares it with an earlier one (比2002年增长65.5%) as
// the period between them, and reports whether it did.
func (c figureContext) averagedSinceBase(f *Figure, before string, topic int) bool {
	own := before[lastClauseEnd(before, len(before)):]
	if !reYearlyAverage.MatchString(own) {
		return false
	}
	m := reBaseYear.FindAllStringSubmatch(before, -1)
	if m == nil {
		return false
	}
	base := atoi(m[len(m)-1][1])
	if base >= topic || !IsReportYear(base) {
		return false
	}
	f.Year, f.Period = 0, Period{From: base + 1, To: topic}
	return true
}

var (
	// reYearlyAverage is a rate per year over several: 年均增长, 平均每年增长.
	reYearlyAverage = regexp.MustCompile(`(?:年均|平均每年)` + lexicon.Alternation("annual-average-verbs"))
	// reBaseYear is the year a change is measured against: 比2002年.
	reBaseYear = regexp.MustCompile(`比(` + lexicon.Year + `)年`)
)

// fiveYearPoints follow a plan's name that means a point in time.
var fiveYearPoints = lexicon.Words("five-year-point-words")

// reYearSpan is a span of years written out: 1980年至1985年, 1949年到1952年,
// 2018—2022年.
var reYearSpan = regexp.MustCompile(`(` + lexicon.Year + `)年?(?:至|到|—|－|-|~|～)(` + lexicon.Year + `)年`)

// reLaterYear is a year written after a span (not 每年, 年均).
var reLaterYear = regexp.MustCompile(lexicon.Year + `年`)

// dateBySpan dates a figure whose sentence speaks, last before it, of a
// span of years (从1980年至1985年，…; 我国在1949年至1952年…): a change's
// start (由六亿二千万吨) is the level of the span's first year, its end
// (增加到八亿五千万吨) of its last, and any other figure is of the span.
// A span that has ended by the year the report plans for is a result. It
// reports whether it dated the figure: the span's end is no target year
// (至1985年 of a span is not 到1985年).
func (c figureContext) dateBySpan(f *Figure, before string) bool {
	spans := reYearSpan.FindAllStringSubmatchIndex(before, -1)
	if len(spans) == 0 {
		return false
	}
	m := spans[len(spans)-1]
	if reLaterYear.MatchString(before[m[1]:]) {
		return false // a later year speaks for the figure
	}
	from, to := atoi(before[m[2]:m[3]]), atoi(before[m[4]:m[5]])
	if from >= to || !IsReportYear(from) || !IsReportYear(to) {
		return false
	}
	clause := before[lastClauseEnd(before, len(before)):]
	switch {
	case reFromValue.MatchString(clause):
		f.Year, f.Period = from, Period{}
	case strings.ContainsAny(clause, "从由") && reToValue.MatchString(clause):
		f.Year, f.Period = to, Period{}
	default:
		f.Year, f.Period = 0, Period{From: from, To: to}
	}
	if c.plan != 0 && to < c.plan && f.Kind == FigureTarget && !containsAny(before[m[1]:], targetWords) {
		f.Kind = FigureActual // but 2018年至2020年，力争培养… was a target
	}
	return true
}

// estimated reports whether the words before a figure make it an
// estimate: 预计 in its own statement (…人均可支配收入预计达17172元), or
// opening the sentence, which makes every item of its list one (预计2010年，
// 全省生产总值达到2万亿元…；全部财政收入完成2410.5亿元). A 预计 after the
// figure, or in an earlier item of the list, is another figure's.
func estimated(before string) bool {
	own := before
	if i := strings.LastIndexAny(before, "；;"); i >= 0 {
		own = before[i:]
	}
	return strings.Contains(own, "预计") || strings.HasPrefix(strings.TrimSpace(before), "预计")
}

// afterBase returns the words after the last 基础上 of s, or s: in
// 在“十三五”时期突破2000亿元的基础上，达到2525亿元 the period is the base's,
// and what follows is of the time the sentence speaks of.
func afterBase(s string) string {
	if i := strings.LastIndex(s, "基础上"); i >= 0 {
		return s[i:]
	}
	return s
}

// successionPeriod dates marks passed one after another (接连突破8万亿元、
// 9万亿元) with a sentence that names no year: they were passed over the
// years the report reviews, not in one, so they are the period's — the
// section's or the paragraph's five years, else the five years up to the
// year reviewed.
func (c figureContext) successionPeriod(f *Figure) {
	if !f.Period.IsZero() || f.Kind == FigureTarget || c.past == 0 {
		return
	}
	f.Period = cmp.Or(c.leadPeriod, c.period, Period{c.past - 4, c.past})
	f.Year = 0
}

var (
	// reToValue ends the words before the level a change came to: 增长到.
	// A verb is needed: 从不到70万亿元 is not a level reached.
	reToValue = regexp.MustCompile(lexicon.Alternation("change-to-verbs") + `(?:到|至)(?:超过|近|约)?$`)
	// reFromValue ends the words before the level a change started from.
	reFromValue = regexp.MustCompile(`[从由]$`)
)

// leadYearOf is the year a sentence opens with, or 0.
func (c figureContext) leadYearOf(text string) int {
	if m := reLeadYear.FindStringSubmatch(text); m != nil {
		return atoi(m[1])
	}
	if reLeadPastYear.MatchString(text) {
		return c.past
	}
	return 0
}

// leadPeriodOf is the five-year period a sentence opens with, or none.
func (c figureContext) leadPeriodOf(text string) Period {
	if m := reLeadPeriod.FindString(text); m != "" {
		return c.periodOf(m + "：")
	}
	return Period{}
}

// lastTopicYear is the last year in s that is the topic of what follows:
// 2022年，…; 2022年全年…; a year that opens a clause (，1979年大专学校在校学生…).
// A year that is compared with (比1980年预计增加…) is not a topic.
func lastTopicYear(s string, plan int) int {
	year, at := 0, -1
	for _, re := range []*regexp.Regexp{reTopicYear, reClauseYear, reClauseYearOf} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			y := atoi(s[m[2]:m[3]])
			if m[2] > at && (re == reTopicYear || carriesOn(y, plan, s[m[3]:])) && !comparedWith(s[:m[2]]) {
				year, at = y, m[2]
			}
		}
	}
	return year
}

// carriesOn reports whether a year that opens a clause still dates a figure
// some clauses later: it does (1979年…完成500亿元，停建、缓建了大中型项目295个)
// until a clause opens with another time (1979年…增长9.6%，今年上半年…增长24.2%),
// and a year past the plan's dates its own clause only (…，2030年森林覆盖率达到
// 45%，城镇新增就业1.5万人 is not 2030's 1.5万人).
func carriesOn(year, plan int, after string) bool {
	clauses := strings.FieldsFunc(after, func(r rune) bool { return r == '，' || r == '；' || r == '：' })
	if len(clauses) <= 1 {
		return true
	}
	if plan != 0 && year > plan {
		return false
	}
	for _, c := range clauses[1:] {
		if reTimeOpening.MatchString(c) {
			return false
		}
	}
	return true
}

// reTimeOpening is a time that opens a clause.
var reTimeOpening = regexp.MustCompile(`^(?:` + lexicon.Alternation("time-openings") + `|(?:到|至)?` + lexicon.Year + `年)`)

// reRangeEndYear is a year that ends the words before a value and opens
// with a range's end (由2002年, 从2006年, 增加到2007年, 截至2022年底): without
// 的 too, it is the value's year. After another verb the year is of what
// the value counts (抓好2002年13个干线公路项目: a plan for the year's).
var reRangeEndYear = regexp.MustCompile(lexicon.Class("range-end-chars") + `(` + lexicon.Year + `)年(?:底|末)?\s*$`)

// yearOfValue reports whether the words before a value end with the
// value's own year: 从2017年的3.68万亿元, 由2002年7703元; not a ratio's base
// (是2020年的1.5倍).
func yearOfValue(before string) bool {
	if ratioBase(before) {
		return false
	}
	if strings.HasSuffix(strings.TrimSpace(before), "的") {
		return reYearOfValue.MatchString(before)
	}
	return reRangeEndYear.MatchString(before) || reYearReached.MatchString(before)
}

// reYearReached is a year that a value was reached in, right before it:
// 在1957年达到了, 在2022年底突破. The year is the value's.
var reYearReached = regexp.MustCompile(`在(` + lexicon.Year + `)年(?:底|末)?(?:` + lexicon.Alternation("year-reach-verbs") + `)了?\s*$`)

// clauseRelativeYears are the offsets from the delivery year of the words
// for a year that may open a clause (data/clause-relative-years.tsv), and
// reClauseRelativeYear is such a word opening a clause.
var (
	clauseRelativeYears = func() map[string]int {
		out := map[string]int{}
		for _, r := range lexicon.Table("clause-relative-years", "word", "offset") {
			n, err := strconv.Atoi(r[1])
			if err != nil {
				panic("corpus: clause-relative-years: " + err.Error())
			}
			out[r[0]] = n
		}
		return out
	}()
	reClauseRelativeYear = regexp.MustCompile(`(?:^|[，；])(?:` + lexicon.Alternation("clause-relative-years") + `)`)
)

// compactYears takes out the spaces crawled text puts around a year
// (力争到 2021 年), so that the rules that read years read it.
func compactYears(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	return reSpacedYear.ReplaceAllString(s, "${1}年")
}

var reSpacedYear = regexp.MustCompile(`\s*(` + lexicon.Year + `)\s*年`)

// arabicYears writes the years of s that are in Chinese digits in Arabic
// ones (一九五七年 → 1957年), so that the rules that read a year before a
// figure read both.
func arabicYears(s string) string {
	if !reChineseYear.MatchString(s) {
		return s
	}
	return reChineseYear.ReplaceAllStringFunc(s, func(m string) string {
		sub := reChineseYear.FindStringSubmatch(m)
		// Any year of the digits' form, also one before reports were given
		// (一九三六年全国钢产量…: 1936's, not the plan year's).
		y := atoi(sub[1])
		if y < 1900 { // lexicon.Year's first century: 19xx and 20xx
			return m
		}
		return strconv.Itoa(y) + "年"
	})
}

// ratioBase reports whether the year right before a value is the base of a
// ratio (是2020年的1.5倍), not the value's; 比2015年的70万人 is 2015's.
func ratioBase(before string) bool {
	loc := reYearOfValue.FindStringIndex(before)
	if loc == nil {
		return false
	}
	return hasAnySuffix(before[:loc[0]], ratioWords)
}

// ownYear is the last year written before a figure in its sentence that
// can be the figure's own, or 0: not a year compared with (一九五四年的学生人数
// 比一九五一年增长三倍 is 1954's) nor the base of a ratio (等于一九四九年的二点五倍).
// It dates a figure when nothing else does.
func ownYear(before string) int {
	year, at := 0, -1
	for _, re := range []*regexp.Regexp{reYear, reChineseYear} {
		for _, m := range re.FindAllStringSubmatchIndex(before, -1) {
			y := atoi(before[m[2]:m[3]])
			if !IsReportYear(y) || m[0] < at || comparedWith(before[:m[0]]) || hasAnySuffix(before[:m[0]], ratioWords) {
				continue
			}
			year, at = y, m[0]
		}
	}
	return year
}

// undated dates a figure that neither its section nor its sentence's
// topic dates, by the last year written before it that can be its own
// (ownYear); a year past the one the report plans for makes it a target
// (一九八五年要降到千分之五左右 in the 1979 report).
func (c figureContext) undated(f *Figure, before string) {
	f.Year = ownYear(before)
	if f.Year != 0 && c.plan != 0 && f.Year > c.plan && f.Kind == FigureActual {
		f.Kind = FigureTarget
	}
}

// futureYear dates a figure whose clause names, before it, a year after
// the one the report plans for as its own (争取1997年粮食产量达到4.75亿吨 in
// the 1993 report): a target of that year, whatever its section says.
func (c figureContext) futureYear(f *Figure, clause string) {
	if c.plan == 0 || f.Kind == FigureEstimate || !f.Period.IsZero() {
		return // a period's figure (年均增长15%) stays the period's
	}
	if y := ownYear(clause); y > c.plan && y > f.Year {
		f.Year, f.Period, f.Kind = y, Period{}, FigureTarget
	}
}

// ratioWords make the year after them a ratio's base: 是2020年的1.5倍.
var ratioWords = lexicon.Words("ratio-base-words")

func hasAnySuffix(s string, suffixes []string) bool {
	for _, w := range suffixes {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// comparisonWords introduce the year compared with: 比1980年, 与2020年.
var comparisonWords = lexicon.Words("comparison-words")

// comparedWith reports whether what ends with s introduces a comparison.
func comparedWith(s string) bool {
	for _, w := range comparisonWords {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func lastYear(re *regexp.Regexp, s string) int {
	ms := re.FindAllStringSubmatch(s, -1)
	if len(ms) == 0 {
		return 0
	}
	return atoi(ms[len(ms)-1][1])
}
