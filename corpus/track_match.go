package corpus

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// How tracking tells which result is a target's: the candidates a target
// could be paired with, how alike two indicators are, and in which unit
// they are compared.

// minTrackScore is the indicator similarity below which a result is not
// taken for a target's: Compare's (0.65 loses more right pairs than wrong
// ones on the judged pairs).
const minTrackScore = minMatchScore

// crossMeasureScore is the similarity a decline needs to be a growth
// target's result, or a growth a decline's (增长8% against 下降2%): the same
// indicator, not one that contains it (单位国内生产总值能耗下降3% is not
// 国内生产总值增长6.1%).
const crossMeasureScore = 0.9

// trackScore is the indicator similarity at and above which a pair is not
// doubted for its wording.
const trackScore = 0.8

// commonUnit is the unit a base unit is compared in and the factor to it.
type commonUnit struct {
	unit   string
	factor float64
}

// comparableUnits convert base units of one class to a common one.
var comparableUnits = func() map[string]commonUnit {
	m := map[string]commonUnit{}
	for _, r := range lexicon.Table("comparable-units", "base", "common", "factor") {
		f, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			panic("corpus: comparable-units: factor of " + r[0] + ": " + err.Error()) // a data defect, caught by tests
		}
		m[r[0]] = commonUnit{r[1], f}
	}
	return m
}()

// inCommonUnit is f, or a copy of it normalized to the common unit of its
// class when its base unit has one (吨 → 千克).
func inCommonUnit(f *Figure) *Figure {
	c, ok := comparableUnits[f.BaseUnit]
	if !ok || c.unit == f.BaseUnit {
		return f
	}
	g := *f
	g.BaseUnit, g.Normalized = c.unit, f.Normalized*c.factor
	return &g
}

// trackedName is an indicator as the tracking lists show it: without a
// list's ordinal, quotation marks or leading verbs.
func trackedName(indicator string) string { return coreIndicator(indicatorWords(indicator)) }

// candidateRank orders the results a target could be paired with.
type candidateRank struct {
	score    float64 // indicator similarity
	written  float64 // similarity of the indicators as written, verbs and all
	estimate bool    // an estimate (预计) ranks below an actual
	lag      int     // years from the target's report to the result's
	context  bool    // the indicators are alike only with a sentence's words (contextSimilarity)
	far      bool    // the numbers are far apart (farApart): a doubtful pair
	// samePlace: target and result stand at one place of two lists of
	// one name (分别从每月653元、300元 … 分别达到653元、300元).
	samePlace bool
	periodEnd bool // a level a five-year review gives for its last year
}

func (a candidateRank) better(b candidateRank) bool {
	if a.far != b.far {
		return !a.far // a result of the target's order of magnitude first
	}
	if a.score != b.score {
		return a.score > b.score
	}
	// 新增国家高新技术企业1300家 before 国家高新技术企业…1.24万家 for a
	// target of 新增国家高新技术企业: alike at their cores, the one written
	// alike says the same thing.
	if a.written != b.written {
		return a.written > b.written
	}
	if a.samePlace != b.samePlace {
		return a.samePlace
	}
	if a.periodEnd != b.periodEnd {
		return !a.periodEnd // the year's own statement before a review's
	}
	if a.estimate != b.estimate {
		return !a.estimate
	}
	return a.lag < b.lag
}

// rankCandidate says how well r, from a report delivered in year at, could
// be the result of target t, from a report delivered in year from; ok is
// false when it cannot be at all: r is of the target's own report or of
// one not later, or measures something else.
func rankCandidate(t, r *Figure, from, at int) (candidateRank, bool) {
	if t.Class != r.Class || !sameMeasure(t, r) {
		return candidateRank{}, false
	}
	return rankAlike(t, r, from, at, minTrackScore)
}

// rankOtherMeasure says how well r could stand for target t's result when
// it measures the other side of it: the level a growth target led to
// (目标增长12%, 完成地方生产总值98.1亿元) or the growth of a level target's
// indicator (目标1500亿元以上, 成交额增长22.1%). Such a pair is no verdict —
// the number cannot be compared — but it shows what the later report says
// of the target, which a reader otherwise meets as 未再提及. It needs the
// indicators alike as written (trackScore), not completed from context: a
// number of another measure is no evidence of its own.
func rankOtherMeasure(t, r *Figure, from, at int) (candidateRank, bool) {
	if !levelAndChange(t, r) || overPeriod(r) && !overPeriod(t) {
		return candidateRank{}, false // 五年…投资完成26000亿元 is not the year's
	}
	rank, ok := rankAlike(t, r, from, at, trackScore)
	return rank, ok && !rank.context
}

// levelAndChange reports whether one of t and r is a level and the other
// a growth or decline, which trackedMeasure does not make one measure.
func levelAndChange(t, r *Figure) bool {
	change := func(m Measure) bool { return m == MeasureGrowth || m == MeasureDecline }
	if trackedMeasure(t) == trackedMeasure(r) {
		return false // 新增…1000家 and 净增…超1000家: one measure, written two ways
	}
	return t.Measure == MeasureLevel && change(r.Measure) || change(t.Measure) && r.Measure == MeasureLevel
}

// rankAlike rates r as t's result by their indicators, once their measures
// fit: minScore is the similarity it needs.
func rankAlike(t, r *Figure, from, at int, minScore float64) (candidateRank, bool) {
	if ReportOfID(r.ParagraphID) == ReportOfID(t.ParagraphID) || from != 0 && at != 0 && at <= from {
		return candidateRank{}, false
	}
	if cumulative(r) && !cumulative(t) || r.Measure != MeasureLevel && r.Measure != MeasureRate && overYears(r) ||
		yearlyAverage(r) && !yearlyAverage(t) {
		return candidateRank{}, false
	}
	s := trackSimilarity(t.Indicator, r.Indicator)
	context := false
	if s < minTrackScore {
		s, context = contextSimilarity(t, r), true
	}
	if s < minScore || opposite(t, r) && s < crossMeasureScore {
		return candidateRank{}, false
	}
	lag := 0
	if from != 0 && at != 0 {
		lag = at - from
	}
	written := indicatorWords(t.Indicator)
	return candidateRank{score: s, written: diceOf(Bigrams(written), Bigrams(indicatorWords(r.Indicator))),
		estimate: r.Kind == FigureEstimate, lag: lag, context: context, far: farApart(t, r)}, true
}

// contextScore is how alike two indicators are taken to be when the
// shorter one's sentence supplies what its words leave out.
const contextScore = 0.7

// contextSimilarity rates two indicators of which one is a bare verb or
// noun of two or three characters (新开工, 产值) that the other contains,
// when what the other adds is written in the short one's sentence: 新开工
// in 今年城镇保障性住房基本建成470万套、新开工630万套 is 新开工保障性住房;
// 实现产值 in 三大主导产业进一步发展壮大，2011年实现产值85.2亿元 is the
// 主导产业's. It is 0 otherwise.
func contextSimilarity(a, b *Figure) float64 {
	for _, pair := range [2][2]*Figure{{a, b}, {b, a}} {
		short, long := pair[0], pair[1]
		cs := coreIndicator(indicatorWords(short.Indicator))
		cl := indicatorNames.canonical(coreIndicator(indicatorWords(long.Indicator)))
		if n := utf8.RuneCountInString(cs); n < 2 || n > 3 {
			continue
		}
		i := strings.Index(cl, cs)
		if i < 0 {
			continue
		}
		rest := cl[:i] + cl[i+len(cs):]
		for _, v := range indicatorVerbs { // 县城工业园区实现: what, not what is done
			rest = strings.TrimSuffix(rest, v)
		}
		if utf8.RuneCountInString(rest) < 2 {
			continue
		}
		sentence := indicatorNames.canonical(unquoted(short.Sentence))
		if strings.Contains(sentence, rest) {
			return contextScore
		}
		if rs := []rune(rest); len(rs) >= 4 && strings.Contains(sentence, string(rs[:len(rs)-1])) {
			return contextScore // 主导产业年产值: 主导产业 is written, 年 is the unit's
		}
	}
	return 0
}

// cumulative reports whether f's clause calls it a total (累计新增城镇就业
// 5870万人, aggregateWords): of several years, never one year's result.
func cumulative(f *Figure) bool { return containsAny(clauseOf(f), aggregateWords) }

// baseYearMarks stand before the year a change is measured from.
var baseYearMarks = lexicon.Words("base-year-marks")

// overYears reports whether f is a change measured from a year other than
// the one before its own (比2005年增长73.8% of 2010).
func overYears(f *Figure) bool {
	clause := clauseOf(f)
	for _, y := range allYears(clause) {
		if y == f.Year-1 || y == f.Year {
			continue
		}
		for _, m := range baseYearMarks {
			if strings.Contains(clause, m+strconv.Itoa(y)) {
				return true
			}
		}
	}
	return false
}

// yearlyAverage reports whether f's clause makes it an average over years
// (年均增长11.7%), which a year's target is not met by.
func yearlyAverage(f *Figure) bool { return strings.Contains(clauseOf(f), "年均") }

// clauseOf is the text of f's sentence from the clause it is in up to it.
func clauseOf(f *Figure) string {
	i := strings.Index(f.Sentence, f.Text)
	if i < 0 {
		return ""
	}
	return f.Sentence[lastClauseEnd(f.Sentence, i):i]
}

// indicatorWords is an indicator as tracking compares it: without
// quotation marks, which a report writes or leaves out at will (“专精特新”
// 企业, 专精特新企业), and without what a figure reader may leave before
// it — a list's ordinal (九是新增县城集中供热面积), the examples before 等
// (天威大型变压器等重点项目).
func indicatorWords(s string) string {
	s = unquoted(s)
	if loc := reListOrdinal.FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	}
	if i := strings.LastIndex(s, "等"); i >= 0 && utf8.RuneCountInString(s[i+len("等"):]) >= 2 {
		s = s[i+len("等"):]
	}
	return s
}

// unquoted is s without quotation marks.
func unquoted(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(indicatorQuotes, r) {
			return -1
		}
		return r
	}, s)
}

// reListOrdinal is the ordinal of an item of a spoken list: 一是, 九是.
var reListOrdinal = regexp.MustCompile(`^` + lexicon.HeadingNumber + `是`)

// indicatorQuotes are the marks indicatorWords drops.
const indicatorQuotes = "“”‘’\"'《》「」"

// growthRateWords make a rate of an indicator a growth: a price's 涨幅 is
// read as a rate in a target and as a growth in a result (上涨2.9%).
var growthRateWords = lexicon.Words("growth-rate-words")

// sameMeasure reports whether t and r measure alike: a growth against a
// growth, a level against a level, or a rise written once as a rate and
// once as a growth.
func sameMeasure(t, r *Figure) bool {
	if t.Measure == r.Measure || trackedMeasure(t) == trackedMeasure(r) {
		return true
	}
	pair := []Measure{t.Measure, r.Measure}
	switch {
	case slices.Contains(pair, MeasureGrowth) && slices.Contains(pair, MeasureDecline):
		return true // 增长8% against 下降2%: a growth of -2% (signedValue)
	case slices.Contains(pair, MeasureGrowth) && slices.Contains(pair, MeasureRate):
		return containsAny(t.Indicator, growthRateWords) || containsAny(r.Indicator, growthRateWords)
	}
	return false
}

// signedValue is r's value as t measures it: a decline against a growth
// target is a negative growth, a growth against a decline target a
// negative decline.
func signedValue(t, r *Figure) float64 {
	if opposite(t, r) {
		return -r.Normalized
	}
	return r.Normalized
}

// opposite reports whether one of t and r is a growth and the other a
// decline.
func opposite(t, r *Figure) bool {
	if t.Measure == r.Measure {
		return false
	}
	tm, rm := trackedMeasure(t), trackedMeasure(r)
	return tm == MeasureGrowth && rm == MeasureDecline || tm == MeasureDecline && rm == MeasureGrowth
}

// trackedMeasure is f's measure as tracking compares it: as read, but a
// level whose indicator opens with a change word is that change — a
// target written verb first (再减少农村贫困人口1000万人以上) is a decline of
// 1000万人, as the result that says 农村贫困人口减少1232万人 is. The figure
// reader takes a change word only right before the number, which is
// where results write it. A change to a level (提高到, 降至) is a level.
func trackedMeasure(f *Figure) Measure {
	if f.Measure != MeasureLevel {
		return f.Measure
	}
	words := trimLeadingAdverbs(indicatorWords(f.Indicator)) // 也要再减少: the adverbs before the verb
	for _, w := range changeWords {
		rest, ok := strings.CutPrefix(words, w.word)
		if ok && utf8.RuneCountInString(rest) >= 2 && !strings.HasPrefix(rest, "到") && !strings.HasPrefix(rest, "至") {
			return w.measure
		}
	}
	return f.Measure
}

// trackSimilarity is indicatorSimilarity, also of the two indicators with
// their names written alike (国内生产总值 and 地区生产总值 as one,
// 新增城镇就业 as 城镇新增就业: indicatorNames), and without quotation marks.
func trackSimilarity(a, b string) float64 {
	a, b = indicatorWords(a), indicatorWords(b)
	s := max(indicatorSimilarity(a, b), subsequenceSimilarity(coreIndicator(a), coreIndicator(b)))
	if ca, cb := indicatorNames.canonical(a), indicatorNames.canonical(b); ca != a || cb != b {
		s = max(s, indicatorSimilarity(ca, cb))
	}
	return s
}

// subsequenceSimilarity rates two indicators of which the shorter, of four
// characters at least, is written within the longer with words between
// (棚户区改造 in 棚户区住房改造开工): alike in proportion to how much of the
// longer it covers, as a core inside another is (indicatorSimilarity).
func subsequenceSimilarity(a, b string) float64 {
	short, long := []rune(a), []rune(b)
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < 4 || slices.Contains(genericHeads, string(short)) {
		return 0
	}
	i := 0
	for _, r := range long {
		if i < len(short) && r == short[i] {
			i++
		}
	}
	if i < len(short) {
		return 0
	}
	return 0.4 + 0.6*float64(len(short))/float64(len(long))
}

// nameGroups write each name of an indicator as its first name.
type nameGroups struct {
	names []string          // every name, longest first
	first map[string]string // name → the first name of its indicator
	whole map[string]string // a name that names it only as the whole indicator → the first name
}

// indicatorNames are lexicon's names of one indicator
// (data/indicator-synonyms.txt).
var indicatorNames = func() nameGroups {
	g := nameGroups{first: map[string]string{}, whole: map[string]string{}}
	for _, line := range lexicon.Words("indicator-synonyms") {
		names := strings.Split(line, "、")
		for _, n := range names {
			whole := strings.HasPrefix(n, "=")
			if n = strings.TrimPrefix(n, "="); n == "" {
				continue
			}
			if whole {
				g.whole[n] = strings.TrimPrefix(names[0], "=")
				continue
			}
			if _, seen := g.first[n]; !seen {
				g.first[n] = strings.TrimPrefix(names[0], "=")
				g.names = append(g.names, n)
			}
		}
	}
	slices.SortStableFunc(g.names, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return g
}()

// canonical writes the first name s contains as its indicator's first
// name (a name marked whole only when it is all of s).
func (g nameGroups) canonical(s string) string {
	if f, ok := g.whole[s]; ok {
		return f
	}
	for _, n := range g.names {
		if strings.Contains(s, n) {
			return strings.Replace(s, n, g.first[n], 1)
		}
	}
	return s
}

// farApart reports whether an amount and its result differ by more than
// farRatio times either way: a percentage may (a growth of 21.5% against
// 5%), an amount of one thing for one year rarely does.
func farApart(t, r *Figure) bool {
	if t.Class == ClassPercent || t.Normalized <= 0 || r.Normalized <= 0 {
		return false
	}
	q := r.Normalized / t.Normalized
	return q > farRatio || q < 1/farRatio
}

// farRatio is how many times a result may differ from its target and
// still be judged.
const farRatio = 4

// IndicatorKey is an indicator as tracking compares it: without its
// leading verbs and quotation marks, written with the first of its names
// (地区生产总值 for 国内生产总值 and GDP). Two targets of one key over the
// years are one line of a chart.
func IndicatorKey(indicator string) string {
	return indicatorNames.canonical(trackedName(indicator))
}
