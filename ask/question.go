package ask

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsearch/corpus"
	"reportsearch/lexicon"
	"reportsearch/t2s"
)

// QuestionType is what kind of answer a question wants.
type QuestionType string

// Question types.
const (
	AskFigure     QuestionType = "figure"     // 2022年城镇新增就业多少人？
	AskComparison QuestionType = "comparison" // 2022年完成多少，2023年计划多少？
	AskList       QuestionType = "list"       // 2023年教育方面有哪些目标？
	AskWhere      QuestionType = "where"      // 哪里提到德寿宫？
)

// Kind is whether a question asks for a result, an estimate or a target.
type Kind string

// The kinds a question may ask for; empty when it does not say.
const (
	KindResult   Kind = "result"
	KindEstimate Kind = "estimate"
	KindTarget   Kind = "target"
)

// Frame is a question analysed into what it asks about.
type Frame struct {
	Question  string       `json:"question"`
	Type      QuestionType `json:"type"`
	Indicator string       `json:"indicator"` // what is asked about: 城镇新增就业
	Years     []int        `json:"years,omitempty"`
	// ReportYear is the year of the report a question asks of (1981年报告
	// 中…): only that year's reports answer it. 0 when it names none.
	ReportYear int `json:"report_year,omitempty"`
	// Span is the years a question asks about as one period: 2003—2007年,
	// “十三五”期间. A figure of that period fits it.
	Span    corpus.Period    `json:"period,omitzero"`
	Kind    Kind             `json:"kind,omitempty"` // empty when not said
	Unit    string           `json:"unit,omitempty"` // a unit the question names: 家, 台, 亿元
	Class   corpus.UnitClass `json:"unit_class,omitempty"`
	Measure corpus.Measure   `json:"measure,omitempty"` // growth, decline or rate when asked; empty for a level
	Domain  string           `json:"domain,omitempty"`  // for list questions
	// Base is the year a question measures a change against when it names
	// one (比2006年增长多少): a change against that year answers it, and
	// one against the year before does not. 0 when it names none.
	Base int `json:"base,omitempty"`
	// Counted is the thing a question counts when it is not a unit:
	// 增加了多少学位 counts 学位.
	Counted string `json:"counted,omitempty"`
	// Region is the place the question names, as the reports know it
	// (广东 → 广东省), or as written when no indexed report speaks for it.
	Region string `json:"region,omitempty"`
	// reports are the reports of Region; none when it names no place.
	reports []string
	// relative marks a year said as 今年, 去年 …, offset years from the
	// year a report is delivered in: each report's own 今年 may answer.
	relative bool
	offset   int
	// toLevel marks a question for the level a change came to (提高到多少):
	// a figure written after 提高到 fits it best.
	toLevel bool
	// fromValue marks a question for the value a change started from
	// (从多少增加到…): a figure written after 从 or 由 fits it best.
	fromValue bool
	// startAllowed marks a question for an earlier year of a comparison:
	// the value a change started from may be that year's.
	startAllowed bool
	// mayBeFigure marks a list question that may ask for one figure:
	// Ask answers it with a figure if one fits.
	mayBeFigure bool
}

// String renders a frame for tests and logs.
func (f Frame) String() string {
	s := fmt.Sprintf("%s %q years=%v kind=%s unit=%s class=%s measure=%s domain=%s", f.Type, f.Indicator, f.Years, f.Kind, f.Unit, f.Class, f.Measure, f.Domain)
	if f.Counted != "" {
		s += " counted=" + f.Counted
	}
	if f.Base != 0 {
		s += fmt.Sprintf(" base=%d", f.Base)
	}
	if f.Region != "" {
		s += " region=" + f.Region
	}
	return s
}

// The patterns and words of questions are data (lexicon/data/
// question-patterns.tsv and the other question-* lists), read once.
var (
	reQYear       = regexp.MustCompile(lexicon.Pattern("question-year"))
	reAskUnit     = regexp.MustCompile(lexicon.Pattern("question-unit"))
	reAskWords    = regexp.MustCompile(lexicon.Pattern("question-how-many"))
	reDoneHowMany = regexp.MustCompile(lexicon.Pattern("question-done-how-many"))
	// reCounted is the noun a question counts, after 多少 at its end.
	reCounted       = regexp.MustCompile(`^(\p{Han}{2,4})[？?。]*$`)
	reShareOf       = regexp.MustCompile(lexicon.Pattern("question-share-of"))
	reHowManyWord   = regexp.MustCompile(lexicon.Pattern("question-number-word")) // the unit, if any, follows it
	reToLevel       = regexp.MustCompile(lexicon.Pattern("question-to-level"))
	reTargetMet     = regexp.MustCompile(lexicon.Pattern("question-target-met"))
	reSetTo         = regexp.MustCompile(lexicon.Pattern("question-set-to"))
	reTargetDone    = regexp.MustCompile(lexicon.Pattern("question-target-done"))
	reQuestionW     = regexp.MustCompile(`[？?。！!]+$`)
	reListQ         = regexp.MustCompile(lexicon.Pattern("question-list"))
	rePlacePrefix   = regexp.MustCompile(lexicon.Pattern("question-place-prefix"))
	reWhereQ        = regexp.MustCompile(lexicon.Pattern("question-where"))
	reWhereAbout    = regexp.MustCompile(lexicon.Pattern("question-where-about"))
	listOnlyWords   = lexicon.Words("question-list-only-words")
	reBaseline      = regexp.MustCompile(lexicon.Pattern("question-baseline"))
	rePercentNumber = regexp.MustCompile(lexicon.Pattern("question-percent-number"))
	reYearRange     = regexp.MustCompile(lexicon.Pattern("question-year-range"))
	reReportYear    = regexp.MustCompile(lexicon.Pattern("question-report-year"))
	reFivePlanQ     = regexp.MustCompile(lexicon.Pattern("question-five-plan"))

	listSubjects    = lexicon.Words("question-list-subjects")
	indicatorEnds   = lexicon.Words("question-indicator-ends")
	boundWords      = corpus.BoundQualifiers()
	indicatorStarts = lexicon.Words("question-indicator-starts")
	comparisonWords = lexicon.Words("question-comparison-words")
	relativeYears   = readRelativeYears()
	// kindWords and measureWords say what kind of figure a question asks
	// for (result, estimate, target) and what it measures (growth, decline,
	// rate).
	kindWords    = lexicon.Tagged("question-kinds", "kind", KindResult, KindEstimate, KindTarget)
	measureWords = lexicon.Tagged("question-measures", "measure", corpus.MeasureGrowth, corpus.MeasureDecline, corpus.MeasureRate)
	// changeEnds end an indicator whose change is asked for.
	changeEnds = lexicon.Tagged("question-change-ends", "measure", corpus.MeasureGrowth, corpus.MeasureDecline)
	// amountChangeWords ask for a change in the indicator's own unit.
	amountChangeWords = longestFirst(lexicon.Tagged("question-amount-changes", "measure", corpus.MeasureGrowth, corpus.MeasureDecline))
)

// relativeYear is a year said relative to the year a report is delivered
// in: 去年 is the year before.
type relativeYear struct {
	word   string
	offset int
}

func readRelativeYears() []relativeYear {
	var out []relativeYear
	for _, r := range lexicon.Table("question-relative-years", "word", "offset") {
		n, err := strconv.Atoi(r[1])
		if err != nil {
			panic("ask: question-relative-years: " + err.Error()) // a defect of the data, caught by tests
		}
		out = append(out, relativeYear{r[0], n})
	}
	return out
}

// reTrailingNote is a bracketed note that ends a question.
var reTrailingNote = regexp.MustCompile(`[（(][^（）()]*[）)][\s？?。]*$`)

// AnalyseQuestion turns a question into a frame. reportYear is the year the
// reports are delivered in (今年), for resolving relative years; tax finds
// the domain of a list question.
func AnalyseQuestion(q string, reportYear int, tax *corpus.Taxonomy) Frame {
	text := corpus.Normalize(q)
	f := Frame{Question: text, Type: AskFigure}
	// A note in brackets at the end says how the figure is counted
	// (…达到多少（按1952年价格）): neither a year asked about nor words of
	// the indicator — unless it is only a year.
	rest := reTrailingNote.ReplaceAllStringFunc(text, func(note string) string {
		// （2022年） says the year: it is kept, without its brackets.
		if inner := strings.Trim(note, "（）()？?。 "); reQYear.FindString(inner) == inner {
			return inner
		}
		return ""
	})
	// 增长了百分之几, 增长了多少% ask for a percentage: 增长了多少, in percent.
	askedPercent := rePercentNumber.MatchString(rest)
	rest = rePercentNumber.ReplaceAllString(rest, "多少")
	rest = reDoneHowMany.ReplaceAllString(rest, "$1") // 增加了多少 → 增加多少
	// 比上年增长多少, 比1957年增长多少: the year a change is measured
	// against is not a year asked about.
	if m := reBaseline.FindStringSubmatch(rest); m != nil && m[1] != "" {
		f.Base = yearOf(m[1])
	}
	rest = reBaseline.ReplaceAllString(rest, "")

	// The report's year, a span of years or a five-year plan, then single
	// years.
	if m := reReportYear.FindStringSubmatch(rest); m != nil {
		if y := yearOf(m[1]); y != 0 {
			f.ReportYear = y
			rest = strings.Replace(rest, m[0], "", 1)
		}
	}
	rest = f.readSpan(rest)
	// Years, explicit or relative.
	for _, m := range reQYear.FindAllStringSubmatch(rest, -1) {
		if y := yearOf(m[1]); y != 0 {
			f.Years = append(f.Years, y)
		}
	}
	rest = reQYear.ReplaceAllString(rest, "")
	// In the order the question says them (今年…比去年: this year, then
	// last), so that a question always gets the same frame.
	type relativeAt struct{ at, offset int }
	var said []relativeAt
	for _, r := range relativeYears {
		if i := strings.Index(rest, r.word); i >= 0 {
			said = append(said, relativeAt{i, r.offset})
		}
	}
	slices.SortFunc(said, func(a, b relativeAt) int { return a.at - b.at })
	if len(f.Years) > 0 {
		// 去年经济总量（2021年）: the year written out says which 去年.
		said = nil
	}
	for _, r := range said {
		if reportYear != 0 {
			f.Years = append(f.Years, reportYear+r.offset)
		}
		f.relative, f.offset = true, r.offset
	}
	for _, r := range relativeYears {
		rest = strings.ReplaceAll(rest, r.word, "")
	}

	switch {
	case reWhereAbout.MatchString(rest):
		f.Type = AskWhere
		f.Indicator = wherePhrase(reWhereAbout.FindStringSubmatch(rest)[1])
		return f
	case reWhereQ.MatchString(rest):
		// What to look for is the rest as written: a phrase, not an
		// indicator to trim.
		f.Type = AskWhere
		f.Indicator = wherePhrase(reWhereQ.ReplaceAllString(rest, ""))
		return f
	case reListQ.MatchString(rest) && (!strings.Contains(rest, "多少") && !strings.Contains(rest, "几") || strings.Contains(rest, "哪几")):
		f.Type = AskList
		// …目标是什么 may ask for one figure (生产总值增长目标是什么); …有哪些
		// and …方面 ask for a list.
		f.mayBeFigure = !hasAnyWord(rest, listOnlyWords)
		rest = reListQ.ReplaceAllString(rest, "")
		// The domain the question is most about, scored as a paragraph is.
		if ds := tax.Best(text); len(ds) > 0 {
			f.Domain = ds[0]
		}
	}
	if len(f.Years) >= 2 && (strings.Count(text, "多少") >= 2 || strings.Contains(text, "相比") || strings.Contains(text, "对比") || reEach.MatchString(rest)) {
		f.Type = AskComparison
	}

	if reToLevel.MatchString(rest) {
		f.toLevel = true
		rest = reToLevel.ReplaceAllString(rest, "")
	}
	// 全国占比, 占全国的比重 are what the reports write 占全国: a share.
	if reShareOf.MatchString(rest) {
		rest = reShareOf.ReplaceAllString(rest, "占$1")
		f.Measure, f.Class = corpus.MeasureRate, corpus.ClassPercent
	}
	rest = reSetTo.ReplaceAllString(rest, "${1}${2}") // 增长目标定了多少: 增长目标多少
	for _, m := range measureWords {
		if strings.Contains(rest, m.Word) {
			f.Measure = m.Tag
			f.Class = corpus.ClassPercent
			if m.Word != "增长率" { // 人口自然增长率 names a rate
				rest = strings.ReplaceAll(rest, m.Word, "")
			}
			break
		}
	}
	for _, m := range amountChangeWords {
		// Only at the end of the question: 增加了多少学位 asks how many
		// places were added, a level.
		// Not once a change to a level is taken out: 从多少增长到多少 leaves
		// 从多少多少, no 多多少.
		if before, after, ok := strings.Cut(rest, m.Word); ok && f.Measure == "" && !f.toLevel && (strings.Trim(after, "？?。 ") == "" || isUnit(after)) {
			f.Measure = m.Tag // in any unit: 增加二百七十五亿公斤
			rest = before
			break
		}
	}
	if m := reAskUnit.FindStringSubmatch(rest); m != nil {
		f.Unit = m[1]
		f.Class = corpus.ClassOfUnit(m[1])
		rest = strings.Replace(rest, m[0], "", 1)
	} else if loc := reHowManyWord.FindStringIndex(rest); loc != nil {
		// Any other unit the figures know: 开行了多少列, 多少标准箱; else
		// the thing counted: 增加了多少学位.
		// A unit ends the question (多少列？); 多少床位 counts 床位.
		if u := corpus.UnitAt(rest[loc[1]:]); u != "" && strings.Trim(rest[loc[1]+len(u):], "？?。 ") == "" {
			f.Unit, f.Class = u, corpus.ClassOfUnit(u)
			rest = rest[:loc[0]] + rest[loc[1]+len(u):]
		} else if m := reCounted.FindStringSubmatch(rest[loc[1]:]); m != nil && !slices.ContainsFunc(kindWords, func(k lexicon.Tag[Kind]) bool { return k.Word == m[1] }) {
			f.Counted = m[1]
		}
	}
	// The kind is read from the whole question (目标 may have gone with a
	// list phrase); words of a plan are taken out of the indicator, words of
	// a result may belong to it (完成投资).
	for _, k := range kindWords {
		if strings.Contains(text, k.Word) {
			if f.Kind == "" {
				f.Kind = k.Tag
			}
			if k.Tag == KindTarget || k.Tag == KindEstimate {
				rest = strings.ReplaceAll(rest, k.Word, "")
			}
		}
	}
	rest = reEach.ReplaceAllString(rest, "") // 分别是多少 asks for several figures, see parts.go
	if f.Type == AskComparison {
		// 2022年城镇新增就业完成多少，2023年计划多少: the first clause names it.
		rest, _, _ = strings.Cut(rest, "，")
		rest = reAskWords.ReplaceAllString(rest, "")
		for _, w := range comparisonWords {
			rest = strings.TrimSuffix(strings.TrimPrefix(rest, w), w)
		}
	}

	// What remains, without the question's scaffolding, names the indicator.
	rest = reQuestionW.ReplaceAllString(rest, "")
	rest = reAskWords.ReplaceAllString(rest, "")
	rest = rePlacePrefix.ReplaceAllString(rest, "")
	for _, w := range indicatorEnds {
		rest = strings.TrimSuffix(rest, w)
	}
	// 农业总产值约为多少: a bound the question repeats from the report is
	// not part of what it asks about.
	for _, w := range boundWords {
		if r, ok := strings.CutSuffix(rest, w); ok && utf8.RuneCountInString(r) >= 2 {
			rest = r
			break
		}
	}
	// An indicator that ends in 增长 or 下降 asks for the change:
	// 生产总值增长(目标) is the growth rate, not the amount.
	if f.Measure == "" && f.Unit == "" {
		for _, m := range changeEnds {
			if r, ok := strings.CutSuffix(rest, m.Word); ok && r != "" {
				rest, f.Measure, f.Class = r, m.Tag, corpus.ClassPercent
				break
			}
		}
	}
	for _, w := range indicatorStarts {
		rest = strings.TrimPrefix(rest, w)
	}
	f.Indicator = strings.Trim(rest, "，,、：: ")
	if askedPercent && f.Type == AskFigure && f.Unit == "" {
		f.Class = corpus.ClassPercent
	}
	// Only a list question whose words name something a figure measures
	// may be answered with one: not 主要预期目标是什么, nor 生态环境目标是什么.
	if f.mayBeFigure && (slices.Contains(tax.Names(), f.Indicator) || utf8.RuneCountInString(f.Indicator) < 2 || slices.Contains(listSubjects, f.Indicator)) {
		f.mayBeFigure = false
	}
	return f
}

// longestFirst orders tagged words longer first, so that a word is found
// before the words inside it (上涨了多少 before 涨了多少).
func longestFirst[T ~string](tags []lexicon.Tag[T]) []lexicon.Tag[T] {
	slices.SortStableFunc(tags, func(a, b lexicon.Tag[T]) int {
		return utf8.RuneCountInString(b.Word) - utf8.RuneCountInString(a.Word)
	})
	return tags
}

// isUnit reports whether what follows a question's number word is a unit
// and nothing else: 多几天？.
func isUnit(s string) bool {
	s = strings.TrimRight(s, "？?。 ")
	return s != "" && corpus.UnitAt(s) == s
}

// withTargetAsked reads a question whether a target was met as one that
// asks for the result and the target, which the answer states side by
// side: GDP增长多少，完成年度目标没有 and GDP增长目标完成了吗 are asked as
// GDP增长多少，目标是多少. Other questions are returned as they are.
func withTargetAsked(q string) string {
	if reListQ.MatchString(q) || reWhereQ.MatchString(q) {
		return q // 如何完成全年目标任务, 哪里提到完成目标任务
	}
	for _, re := range []*regexp.Regexp{reTargetMet, reTargetDone} {
		loc := re.FindStringIndex(q)
		if loc == nil || loc[0] == 0 {
			continue
		}
		before := q[:loc[0]]
		if utf8.RuneCountInString(reQYear.ReplaceAllString(before, "")) < 2 {
			return q // 2024年是否完成目标: no indicator to ask of
		}
		if reNumberQuestion.MatchString(before) {
			return before + "，目标是多少"
		}
		return before + "多少，目标是多少"
	}
	return q
}

// reWhereLead and reWhereEnd are what may stand around the phrase of a
// where-question once its where-words are gone: 要打造“中国香都”, 所谓“…”的.
var (
	reWhereLead = regexp.MustCompile(`^[，,、：:\s]*(?:` + lexicon.Alternation("question-where-leads") + `)*`)
	reWhereEnd  = regexp.MustCompile(`(?:` + lexicon.Alternation("question-where-ends") + `)?(?:的)?[？?。！!，,\s]*$`)
)

// wherePhrase is what a where-question looks for: the text left once the
// where-words are gone, without what may stand around it.
func wherePhrase(s string) string {
	return reWhereEnd.ReplaceAllString(reWhereLead.ReplaceAllString(s, ""), "")
}

// yearOf reads a year a question writes in digits or in Chinese digits
// (二〇二二), or 0. A year in Chinese digits must be one a report can speak
// of; the pattern that found one in digits has checked its form.
func yearOf(s string) int {
	y, ok := lexicon.Int(s)
	switch {
	case !ok:
		return 0
	case s[0] >= '0' && s[0] <= '9':
		return y
	case !corpus.IsReportYear(y):
		return 0
	}
	return y
}

// questionWords mark a question rather than keywords: 多少, 哪些 …. 几 asks
// only before a measure word (几家, 几个), since 几乎, 几代人 and 几字弯 are
// not questions; 吗 only at the end.
var (
	questionWords = lexicon.Words("question-words")
	reHowMany     = regexp.MustCompile(lexicon.Pattern("question-how-many-measure"))
	reFinalMa     = regexp.MustCompile(`吗[?？]?$`)
)

// IsQuestion reports whether input reads as a question for Ask rather than a
// search query: it ends with a question mark or uses a question word, and it
// uses none of the query language's syntax (quotes, field filters,
// exclusions, OR), which only a search query has.
func IsQuestion(input string) bool {
	text := strings.TrimSpace(t2s.String(corpus.Normalize(input)))
	if text == "" || strings.ContainsAny(text, "\"“”:") || strings.Contains(text, " OR ") ||
		strings.HasPrefix(text, "-") || strings.Contains(text, " -") {
		return false
	}
	if strings.HasSuffix(text, "?") || strings.HasSuffix(text, "？") {
		return true
	}
	for _, w := range questionWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return reHowMany.MatchString(text) || reFinalMa.MatchString(text)
}

// readSpan reads the span of years a question asks about — 2003—2007年
// (both years are asked about, and the period), “十三五”期间 (the period),
// “十三五”末 (its last year) — and returns the question without it.
func (f *Frame) readSpan(rest string) string {
	if m := reYearRange.FindStringSubmatch(rest); m != nil {
		from, to := yearOf(m[1]), yearOf(m[2])
		if from != 0 && to > from {
			f.Span = corpus.Period{From: from, To: to}
			f.Years = append(f.Years, from, to)
			return strings.Replace(rest, m[0], "", 1)
		}
	}
	if m := reFivePlanQ.FindStringSubmatch(rest); m != nil {
		p, _ := corpus.FivePlanYears(m[1]) // the pattern matches only the plans the table has
		if m[2] != "" {
			f.Years = append(f.Years, p.To)
		} else {
			f.Span = p
		}
		return strings.Replace(rest, m[0], "", 1)
	}
	return rest
}
