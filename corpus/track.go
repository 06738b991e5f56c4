package corpus

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
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

// Track pairs every target of the series with the result of the same
// indicator, unit, measure and year that a later report of the place
// gives, and judges it. The pairs come in the targets' order.
func Track(s Series) []Tracked {
	type key struct {
		unit string
		year int
	}
	results := map[key][]*Figure{}
	ofYear := map[int][]*Figure{} // the results of each year, in any unit
	var targets []*Figure
	delivered := map[int]bool{} // the years a report of the series was delivered in
	newest := 0
	for _, y := range s.Delivered {
		delivered[y], newest = true, max(newest, y)
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
			ofYear[k.year] = append(ofYear[k.year], f)
			periodEnd[f] = true
		case f.Year == 0:
		case f.Kind == FigureTarget && !describes(f):
			targets = append(targets, eachNamed(f)...)
		case f.Kind == FigureActual || f.Kind == FigureEstimate:
			k := key{f.BaseUnit, f.Year}
			results[k] = append(results[k], f)
			ofYear[k.year] = append(ofYear[k.year], f)
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
		otherMeasure := false
		if best == nil {
			// No result of the target's measure: the other side of it, if
			// the later report gives only that (rankOtherMeasure).
			for _, r := range ofYear[t.Year] {
				rank, ok := rankOtherMeasure(t, r, from, s.Delivered[ReportOfID(r.ParagraphID)])
				rank.periodEnd = periodEnd[r]
				if ok && (best == nil || rank.better(bestRank)) {
					best, bestRank, otherMeasure = r, rank, true
				}
			}
		}
		switch {
		case otherMeasure:
			tr.Result, tr.Score, tr.Verdict = best, bestRank.score, VerdictUnclear
			tr.Doubts = doubtsOf(t, best, bestRank)
		case best != nil:
			tr.Result, tr.Score = best, bestRank.score
			tr.Verdict = judge(t, best)
			tr.Doubts = doubtsOf(t, best, bestRank)
			if bestRank.far {
				// 城镇就业400万人以上 (over five years) beside the year's
				// 92.5万人: not one measure of one thing, whatever the words.
				tr.Verdict = VerdictUnclear
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
			if from != 0 && newest > t.Year+1 { // the year after's report is missing, a later one is not
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
	switch {
	case levelAndChange(t, r) && t.Measure == MeasureLevel:
		out = append(out, "目标为总量，结果只给出增减幅度，无法比较")
	case levelAndChange(t, r):
		out = append(out, "目标为增减幅度，结果只给出总量，无法比较")
	case t.Measure != r.Measure && trackedMeasure(t) != trackedMeasure(r):
		out = append(out, "目标与结果的计量方式不同")
	}
	if b, ok := targetBounds[r.Qualifier]; ok && b != boundAbout {
		out = append(out, "结果只给出界限（"+r.Qualifier+"）")
	}
	if rank.periodEnd {
		out = append(out, fmt.Sprintf("结果为%d—%d年回顾中的期末数", r.Period.From, r.Period.To))
	}
	if rank.far {
		out = append(out, "目标与结果数量级不同，可能口径不一")
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
