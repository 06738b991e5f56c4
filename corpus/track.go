package corpus

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// Targets tracked across a series: the report a government delivers in
// year N sets the targets of year N; the report of year N+1 says what year
// N achieved. Tracking pairs each target with that later result, for the
// same place, year, indicator, unit and measure, and says whether it was
// met. Compare (compare.go) looks the other way, at the year before.

// Verdict says whether a target was met.
type Verdict string

const (
	VerdictMet        Verdict = "met"        // 达成: the result is within the target
	VerdictExceeded   Verdict = "exceeded"   // 超额: clearly better than the target
	VerdictMissed     Verdict = "missed"     // 未达成: worse than the target
	VerdictUnclear    Verdict = "unclear"    // 无法判断: a result, but not one the target can be judged by
	VerdictUnreported Verdict = "unreported" // 未再提及: a later report of the place says nothing of it
	VerdictPending    Verdict = "pending"    // 待后续报告: no later report of the place is loaded
)

// Verdicts are the verdicts in the order a list shows them.
var Verdicts = []Verdict{VerdictExceeded, VerdictMet, VerdictMissed, VerdictUnclear, VerdictUnreported, VerdictPending}

// Label is the verdict in Chinese, as a page and an export show it.
func (v Verdict) Label() string {
	switch v {
	case VerdictMet:
		return "达成"
	case VerdictExceeded:
		return "超额"
	case VerdictMissed:
		return "未达成"
	case VerdictUnclear:
		return "无法判断"
	case VerdictUnreported:
		return "未再提及"
	case VerdictPending:
		return "待后续报告"
	}
	return string(v)
}

// ParseVerdict checks a verdict given on a command line or in a URL, by
// its name or its Chinese label.
func ParseVerdict(s string) (Verdict, error) {
	for _, v := range Verdicts {
		if s == string(v) || s == v.Label() {
			return v, nil
		}
	}
	if s == "" {
		return "", nil
	}
	return "", fmt.Errorf("unknown verdict %q (want met, exceeded, missed, unclear, unreported or pending)", s)
}

// Tracked is a target of one year beside the result a later report gives
// for it, with the verdict; Result is nil when no later report gives one.
type Tracked struct {
	// ID is the target figure's, with #2, #3 … for the second and later
	// indicators of one figure that names several (eachNamed).
	ID        string  `json:"id"`
	Place     string  `json:"place"`
	Indicator string  `json:"indicator"` // the target's indicator without its leading verbs
	Year      int     `json:"year"`
	Target    *Figure `json:"target"`
	Result    *Figure `json:"result,omitempty"`
	Verdict   Verdict `json:"verdict"`
	// Doubts say why a reader should check the pair before trusting it
	// (the result is an estimate, the indicators are worded differently …).
	Doubts []string `json:"doubts,omitempty"`
	Score  float64  `json:"score,omitempty"` // how alike the two indicators are, 0–1
}

// Series is what tracking reads for one place: its reports' delivery
// years and their targets and results in document order.
type Series struct {
	Place     string
	Delivered map[string]int // report ID → the year it was delivered in; 0 or absent when not known
	Figures   []*Figure
}

// minTrackScore is the indicator similarity below which a result is not
// taken for a target's: Compare's (0.65 loses more right pairs than wrong
// ones on the judged pairs).
const minTrackScore = minMatchScore

// crossMeasureScore is the similarity a decline needs to be a growth
// target's result, or a growth a decline's (增长8% against 下降2%): the same
// indicator, not one that
// contains it (单位国内生产总值能耗下降3% is not 国内生产总值增长6.1%).
const crossMeasureScore = 0.9

// trackScore is the indicator similarity at and above which a pair is not
// doubted for its wording.
const trackScore = 0.8

// Track pairs every target of the series with the result of the same
// indicator, unit, measure and year that a later report of the place
// gives, and judges it. The pairs come in the targets' order.
func Track(s Series) []Tracked {
	type key struct {
		unit string
		year int
	}
	results := map[key][]*Figure{}
	var targets []*Figure
	delivered := map[int]bool{} // the years a report of the series was delivered in
	for _, y := range s.Delivered {
		delivered[y] = true
	}
	figures := make([]*Figure, len(s.Figures))
	for i, f := range s.Figures {
		figures[i] = inCommonUnit(f)
	}
	periodEnd := map[*Figure]bool{}
	for _, f := range figures {
		switch {
		case f.Indicator == "":
		case f.Year == 0 && endOfPeriod(f):
			// 铁路通车里程达到5300公里 in a review of 2006–2010: the level
			// 2010 ended on.
			k := key{f.BaseUnit, f.Period.To}
			results[k] = append(results[k], f)
			periodEnd[f] = true
		case f.Year == 0:
		case f.Kind == FigureTarget && !describes(f):
			targets = append(targets, eachNamed(f)...)
		case f.Kind == FigureActual || f.Kind == FigureEstimate:
			k := key{f.BaseUnit, f.Year}
			results[k] = append(results[k], f)
		}
	}
	lists := listPositions(figures)
	out := make([]Tracked, 0, len(targets))
	stated := map[string]bool{} // report, key, year, value of the targets tracked
	ids := map[string]int{}
	for _, t := range targets {
		report := ReportOfID(t.ParagraphID)
		// A target restated in one report (in the summary of the year's
		// aims and again in its section) is one target.
		restated := fmt.Sprint(report, "\x00", IndicatorKey(t.Indicator), "\x00", t.Year, "\x00", t.Normalized, t.BaseUnit, t.Measure)
		if stated[restated] {
			continue
		}
		stated[restated] = true
		from := s.Delivered[report]
		tr := Tracked{ID: t.ID, Place: s.Place, Indicator: trackedName(t.Indicator), Year: t.Year, Target: t}
		if ids[t.ID]++; ids[t.ID] > 1 {
			tr.ID = fmt.Sprintf("%s#%d", t.ID, ids[t.ID])
		}
		var best *Figure
		bestRank := candidateRank{}
		for _, r := range results[key{t.BaseUnit, t.Year}] {
			rank, ok := rankCandidate(t, r, from, s.Delivered[ReportOfID(r.ParagraphID)])
			rank.samePlace, rank.periodEnd = lists.alike(t, r), periodEnd[r]
			if ok && (best == nil || rank.better(bestRank)) {
				best, bestRank = r, rank
			}
		}
		switch {
		case best != nil:
			tr.Result, tr.Score = best, bestRank.score
			tr.Verdict = judge(t, best)
			tr.Doubts = doubtsOf(t, best, bestRank)
			if bestRank.periodEnd {
				tr.Doubts = append(tr.Doubts, fmt.Sprintf("结果为%d—%d年回顾中的期末数", best.Period.From, best.Period.To))
			}
			if bestRank.far {
				// 城镇就业400万人以上 (over five years) beside the year's
				// 92.5万人: not one measure of one thing, whatever the words.
				tr.Verdict = VerdictUnclear
				tr.Doubts = append(tr.Doubts, "目标与结果数量级不同，可能口径不一")
			}
			if alike := namesakes(best, results[key{t.BaseUnit, t.Year}]); alike > 1 && !bestRank.samePlace {
				tr.Doubts = append(tr.Doubts, fmt.Sprintf("结果所在句有%d个同名数值，请核对对应关系", alike))
			}
		case from != 0 && delivered[t.Year+1]:
			// The report of the year after is loaded and says nothing of
			// it. (Without that report — a gap in the series, or 到2025年
			// of a 2021 report — the target waits.)
			tr.Verdict = VerdictUnreported
		default:
			tr.Verdict = VerdictPending
			if from != 0 && !delivered[t.Year+1] && slices.ContainsFunc(slices.Collect(maps.Keys(delivered)), func(y int) bool { return y > t.Year+1 }) {
				tr.Doubts = append(tr.Doubts, fmt.Sprintf("缺少%d年的报告", t.Year+1))
			}
		}
		out = append(out, tr)
	}
	slices.SortStableFunc(out, func(a, b Tracked) int { return cmp.Compare(a.Year, b.Year) })
	return out
}

// endOfPeriod reports whether f, a result dated by a period rather than a
// year, is the rate the period ended on (参合率达到94.5% in a review of
// 2006–2010): a rate, never a total over it (an amount a five-year review
// gives is most often its sum: 五年城镇新增就业265.8万人) nor an average.
func endOfPeriod(f *Figure) bool {
	return (f.Kind == FigureActual || f.Kind == FigureEstimate) && !f.Period.IsZero() && f.Period.To != 0 &&
		f.Measure == MeasureRate && !cumulative(f) && !overPeriod(f)
}

// overPeriod reports whether f's clause makes it a figure across its
// period (年均, 五年来 …: lexicon's five-year cues).
func overPeriod(f *Figure) bool { return reOverPeriod.MatchString(clauseOf(f)) }

var reOverPeriod = regexp.MustCompile(lexicon.Alternation("five-year-cues"))

// comparableUnits convert base units of one class to a common one.
var comparableUnits = func() map[string]struct {
	common string
	factor float64
} {
	m := map[string]struct {
		common string
		factor float64
	}{}
	for _, r := range lexicon.Table("comparable-units", "base", "common", "factor") {
		f, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			panic("corpus: comparable-units: factor of " + r[0] + ": " + err.Error()) // a data defect, caught by tests
		}
		m[r[0]] = struct {
			common string
			factor float64
		}{r[1], f}
	}
	return m
}()

// inCommonUnit is f, or a copy of it normalized to the common unit of its
// class when its base unit has one (吨 → 千克).
func inCommonUnit(f *Figure) *Figure {
	c, ok := comparableUnits[f.BaseUnit]
	if !ok || c.common == f.BaseUnit {
		return f
	}
	g := *f
	g.BaseUnit, g.Normalized = c.common, f.Normalized*c.factor
	return &g
}

// describes reports whether a target's number describes a thing rather
// than sets an aim (总投资8.1亿元的…项目: the size of a project).
func describes(f *Figure) bool { return containsAny(trackedName(f.Indicator), describingWords) }

// describingWords end the indicators of figures that describe
// (lexicon/data/describing-indicators.txt).
var describingWords = lexicon.Words("describing-indicators")

// namesakes counts the results of r's paragraph with r's indicator and
// unit: 分别从每月653元、300元 lists two of one name, and which is whose is
// for a reader to check.
func namesakes(r *Figure, results []*Figure) int {
	n := 0
	for _, o := range results {
		if o.ParagraphID == r.ParagraphID && o.Indicator == r.Indicator && o.BaseUnit == r.BaseUnit {
			n++
		}
	}
	return n
}

// listPlaces say where a figure stands among the figures of its sentence
// that share its unit and side (targets or results): a list of values, as
// 分别 writes it, whose names the figure reader may not have told apart.
type listPlaces struct {
	at   map[*Figure]int // a figure's place in its list
	size map[*Figure]int // how many its list has
}

func listPositions(figs []*Figure) listPlaces {
	type key struct {
		paragraph, sentence, unit string
		target                    bool
	}
	lists := map[key][]*Figure{}
	for _, f := range figs {
		k := key{f.ParagraphID, f.Sentence, f.BaseUnit, f.Kind == FigureTarget}
		lists[k] = append(lists[k], f)
	}
	l := listPlaces{at: map[*Figure]int{}, size: map[*Figure]int{}}
	for _, list := range lists {
		for i, f := range list {
			l.at[f], l.size[f] = i, len(list)
		}
	}
	return l
}

// alike reports whether t and r stand at one place of two lists of as many
// values, two at least. A target copied for each indicator it names
// (eachNamed) is not the figure the lists were made of, and stands nowhere.
func (l listPlaces) alike(t, r *Figure) bool {
	n, ok := l.size[t]
	return ok && n > 1 && l.size[r] == n && l.at[t] == l.at[r]
}

// trackedName is an indicator as the tracking lists show it: without a
// list's ordinal, quotation marks or leading verbs.
func trackedName(indicator string) string { return coreIndicator(indicatorWords(indicator)) }

// eachNamed is a target for each indicator its words list (全部财政收入和
// 一般预算收入增长17%以上 is a target of each), or the target itself: a
// result names one of them. The copies keep the figure's ID; Tracked.ID
// tells them apart.
func eachNamed(f *Figure) []*Figure {
	names := splitList(f.Indicator)
	// One amount is not each one's (宝凯电器和双帆蓄电池1.2亿元): only a
	// growth or a rate is said of each thing a list names.
	if len(names) < 2 || f.Measure == MeasureLevel {
		return []*Figure{f}
	}
	for _, n := range names {
		if utf8.RuneCountInString(n) < 3 { // 研究与试验发展经费 is one name
			return []*Figure{f}
		}
	}
	out := make([]*Figure, len(names))
	for i, n := range names {
		c := *f
		c.Indicator = n
		out[i] = &c
	}
	return out
}

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
	if ReportOfID(r.ParagraphID) == ReportOfID(t.ParagraphID) || from != 0 && at != 0 && at <= from {
		return candidateRank{}, false
	}
	if t.Class != r.Class || !sameMeasure(t, r) || cumulative(r) && !cumulative(t) || r.Measure != MeasureLevel && r.Measure != MeasureRate && overYears(r) ||
		yearlyAverage(r) && !yearlyAverage(t) {
		return candidateRank{}, false
	}
	s := trackSimilarity(t.Indicator, r.Indicator)
	context := false
	if s < minTrackScore {
		s, context = contextSimilarity(t, r), true
	}
	if s < minTrackScore || opposite(t, r) && s < crossMeasureScore {
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
	if t.Measure == r.Measure {
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
	return t.Measure == MeasureGrowth && r.Measure == MeasureDecline || t.Measure == MeasureDecline && r.Measure == MeasureGrowth
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

// targetBound is how a target's qualifier bounds what meets it.
type targetBound string

const (
	boundFloor   targetBound = "floor"
	boundCeiling targetBound = "ceiling"
	boundAbout   targetBound = "about"
)

var targetBounds = func() map[string]targetBound {
	m := map[string]targetBound{}
	for w, b := range lexicon.Pairs("target-bounds", "word", "bound") {
		switch tb := targetBound(b); tb {
		case boundFloor, boundCeiling, boundAbout:
			m[w] = tb
		default:
			panic("corpus: target-bounds: unknown bound " + b + " of " + w) // a data defect, caught by tests
		}
	}
	return m
}()

// boundSuffixes are the bounding words, longest first (及以上 before 以上).
var boundSuffixes = func() []string {
	ws := slices.Collect(maps.Keys(targetBounds))
	slices.SortFunc(ws, func(a, b string) int { return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a, b)) })
	return ws
}()

// lowerBetter are the words of indicators for which less is better.
var lowerBetter = lexicon.Words("lower-better-indicators")

// lessIsBetter reports whether a smaller value of f is the better one: a
// level or rate of an indicator such as 失业率 or 居民消费价格涨幅, not a
// decline (下降3%), whose number is how much less.
func lessIsBetter(f *Figure) bool {
	return f.Measure != MeasureDecline && containsAny(f.Indicator, lowerBetter)
}

// boundOf is how target t bounds what meets it: by its qualifier, and
// when it has none by which way is better.
func boundOf(t *Figure) targetBound {
	if b, ok := targetBounds[t.Qualifier]; ok {
		return b
	}
	for _, w := range boundSuffixes { // a qualifier written after the number stays in the text: 5.5%左右
		if strings.HasSuffix(t.Text, w) {
			return targetBounds[w]
		}
	}
	if lessIsBetter(t) {
		return boundCeiling
	}
	return boundFloor
}

// tolerance is how far from an "about" target (左右) a result may be and
// still meet it: half a percentage point of a percentage, 5 % of an amount.
func tolerance(t *Figure) float64 {
	if t.BaseUnit == "%" {
		return 0.5
	}
	return math.Abs(t.Normalized) * 0.05 // 提高1个百分点左右 too: 0.05 of a point
}

// judge says whether result r meets target t.
func judge(t, r *Figure) Verdict {
	got, want := signedValue(t, r), t.Normalized
	better := func(a, b float64) bool { // a is better than b
		if lessIsBetter(t) {
			return a < b
		}
		return a > b
	}
	// Amounts are compared to a thousandth of the target, so that the
	// same number written in other units is the same.
	eps := math.Max(math.Abs(want)*1e-3, 1e-9)
	if t.BaseUnit == "%" {
		eps = 0.05 // one decimal, as reports round a percentage
	}
	if t.Low != nil {
		low := t.LowNormalized()
		lo, hi := min(low, want), max(low, want)
		switch {
		case got >= lo-eps && got <= hi+eps, lessIsBetter(t) && got < lo:
			return VerdictMet
		case !lessIsBetter(t) && got > hi:
			return VerdictExceeded
		}
		return VerdictMissed
	}
	switch boundOf(t) {
	case boundAbout:
		tol := tolerance(t)
		switch {
		case math.Abs(got-want) <= tol+eps:
			return VerdictMet
		case lessIsBetter(t) && got < want:
			return VerdictMet // under a ceiling approached from below
		case better(got, want):
			return VerdictExceeded
		}
		return VerdictMissed
	case boundCeiling:
		if got <= want+eps {
			return VerdictMet
		}
		return VerdictMissed
	}
	switch {
	case got < want-eps:
		return VerdictMissed
	case math.Abs(got-want) <= eps || atPrecision(t, got) == t.Value && (t.BaseUnit == "%" || got-want <= math.Abs(want)*roundingShare):
		return VerdictMet
	}
	return VerdictExceeded
}

// roundingShare bounds how far above an amount's target a result may be
// and still be the target as rounded: 3.71万头 meets 3.7万头, but 1.23万亿元
// exceeds 1万亿元 though it rounds to it.
const roundingShare = 0.02

// atPrecision is a result's value in the target's unit, rounded to as
// many decimals as the target is written with: 12.1% meets a target of
// 12%, 3.71万头 one of 3.7万头, as a report rounds them.
func atPrecision(t *Figure, got float64) float64 {
	if t.Value == 0 || t.Normalized == 0 {
		return got
	}
	v := got * t.Value / t.Normalized
	decimals := 0
	if _, frac, ok := strings.Cut(strconv.FormatFloat(t.Value, 'f', -1, 64), "."); ok {
		decimals = len(frac)
	}
	scale := math.Pow(10, float64(decimals))
	return math.Round(v*scale) / scale
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

// doubtsOf says why a pair may be wrong or its verdict uncertain.
func doubtsOf(t, r *Figure, rank candidateRank) []string {
	var out []string
	if r.Kind == FigureEstimate {
		out = append(out, "结果为预计数")
	}
	switch {
	case rank.context:
		out = append(out, fmt.Sprintf("指标由上下文补足：%s／%s", t.Indicator, r.Indicator))
	case rank.score < trackScore:
		out = append(out, fmt.Sprintf("指标表述不同：%s／%s", t.Indicator, r.Indicator))
	}
	if rank.lag > 1 {
		out = append(out, fmt.Sprintf("结果见%d年后的报告", rank.lag))
	}
	if t.Measure != r.Measure {
		out = append(out, "目标与结果的计量方式不同")
	}
	if b, ok := targetBounds[r.Qualifier]; ok && b != boundAbout {
		out = append(out, "结果只给出界限（"+r.Qualifier+"）")
	}
	return out
}

// TrackReports tracks the targets of reports, place by place: placeOf
// gives the place a report speaks for ("" when not known, and then the
// report is a series alone). The pairs come by place in the order the
// places first appear, and by target order within a place.
func TrackReports(reports []*Report, placeOf func(reportID string) string) []Tracked {
	var order []string
	series := map[string]*Series{}
	for _, r := range reports {
		place := placeOf(r.ID)
		key := place
		if key == "" {
			key = "report " + r.ID
		}
		s := series[key]
		if s == nil {
			s = &Series{Place: place, Delivered: map[string]int{}}
			series[key] = s
			order = append(order, key)
		}
		s.Delivered[r.ID] = r.Delivered
		for f := range r.Figures() {
			s.Figures = append(s.Figures, f)
		}
	}
	var out []Tracked
	for _, key := range order {
		out = append(out, Track(*series[key])...)
	}
	return out
}

// IndicatorKey is an indicator as tracking compares it: without its
// leading verbs and quotation marks, written with the first of its names
// (地区生产总值 for 国内生产总值 and GDP). Two targets of one key over the
// years are one line of a chart.
func IndicatorKey(indicator string) string {
	return indicatorNames.canonical(trackedName(indicator))
}
