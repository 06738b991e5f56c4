package corpus

import (
	"slices"
	"strings"

	"reportsearch/lexicon"
)

// The rules of this file pick, among the figures of one clause, which is
// the level an indicator reached: 突破5000亿元、达5123亿元 states a mark
// passed and then the level; 增产20亿斤，达到650亿斤 an increase and then the
// level; 3项指标未完成 counts indicators and is the level of none. Each rule
// is a named step over a sentence's figures, run in clauseRules' order once
// the indicators are read.

// MeasureMilestone and MeasureIndicators extend the measures of figure.go.
const (
	// MeasureMilestone is a mark an indicator passed (突破5000亿元) stated
	// beside the level it reached (达5123亿元): a bound of that level, not
	// the level.
	MeasureMilestone Measure = "milestone"
	// MeasureIndicators is a count of indicators (3项指标未完成, 12项主要
	// 指标): about a plan's indicators, not the level of one of them.
	MeasureIndicators Measure = "indicators"
)

var (
	// milestoneWords are the qualifiers that say a mark was passed
	// (突破, 跨过, 迈上 …), a subset of the qualifiers.
	milestoneWords = lexicon.Words("milestone-words")
	// milestoneNouns follow a mark passed: 突破两亿元大关.
	milestoneNouns = lexicon.Words("milestone-nouns")
	// indicatorNouns follow a count of indicators: 3项指标, 12项主要指标.
	indicatorNouns = lexicon.Words("indicator-nouns")
	// additionWords make an indicator the year's addition to a thing
	// (新增市场主体, 净增), whose total may follow (、达到3.3万家).
	additionWords = lexicon.Words("addition-words")
)

// clauseFigure is a figure of a sentence with what was read about it.
type clauseFigure struct {
	f         *Figure
	info      indicatorInfo
	clause    int    // the clause of the sentence it is in
	inherited bool   // its indicator is the figure's before it: nothing named one between
	markNoun  bool   // a milestone noun follows its unit: 两亿元大关
	between   string // the words between the figure before and it: 、达
	rest      string // the rest of its clause after it: 项指标未完成
}

// clauseRules are the steps, in order, that settle the measures and
// indicators of a sentence's figures from their neighbours.
var clauseRules = []struct {
	name string
	run  func([]clauseFigure)
}{
	{"milestone beside its level", markMilestones},
	{"total after an addition", totalAfterAddition},
	{"count of indicators", markIndicatorCounts},
}

func applyClauseRules(figs []clauseFigure) {
	for _, r := range clauseRules {
		r.run(figs)
	}
}

// isMilestone reports whether a figure is stated as a mark passed: its
// qualifier is a milestone word, or a milestone noun follows it.
func (c clauseFigure) isMilestone() bool {
	return c.markNoun || slices.Contains(milestoneWords, c.f.Qualifier) || slices.Contains(milestoneWords, c.info.qualifier)
}

// isExact reports whether a figure states its value, not a bound of it.
func (c clauseFigure) isExact() bool {
	return !c.isMilestone() && qualifierRoles[c.f.Qualifier] != qualifierBound && !isThreshold(c.f.Qualifier)
}

// sameThing reports whether two neighbouring figures state one indicator
// in one unit: the second names nothing of its own, or the same indicator.
func sameThing(a, b clauseFigure) bool {
	if !sameUnit(a.f, b.f) || a.f.Measure != b.f.Measure {
		return false
	}
	if a.f.Measure != MeasureLevel && a.f.Measure != MeasureRate {
		return false
	}
	return b.inherited || b.f.Indicator == a.f.Indicator
}

// sameUnit reports whether two figures are in one unit: the same base
// unit and class, or a bare scale that the other's unit begins with (突破
// 10亿大关，完成11.68亿元: 亿 and 亿元).
func sameUnit(a, b *Figure) bool {
	if a.BaseUnit == b.BaseUnit && a.Class == b.Class {
		return true
	}
	bare := func(x, y *Figure) bool {
		return x.BaseUnit == "" && x.Unit != "" && y.BaseUnit != "" && strings.HasPrefix(y.Unit, x.Unit)
	}
	return bare(a, b) || bare(b, a)
}

// onlyQualifier reports whether the words between two figures are one
// qualifier, after a clause or list mark and adverbs (、达; ，首次突破): the
// second restates the first. A list (、), a change (增加到超过) or another
// indicator (，总量突破) between them says the two are different things.
func onlyQualifier(between string) bool {
	for _, n := range milestoneNouns { // the first figure's own: 突破10亿大关，完成…
		if t, ok := strings.CutPrefix(between, n); ok {
			between = t
			break
		}
	}
	s := trimLeadingAdverbs(strings.TrimLeft(between, listMarks+clauseEnds+" "))
	_, ok := qualifierRoles[s]
	return ok
}

// markMilestones makes a mark passed a milestone when the level itself is
// stated beside it, before or after: 突破5000亿元、达5123亿元 and
// 完成20001万元，首次突破两亿元大关 are levels of 5123亿元 and 20001万元. A mark
// with no level beside it (总量突破106万户) stays the level it bounds.
func markMilestones(figs []clauseFigure) {
	for i := 0; i+1 < len(figs); i++ {
		a, b := figs[i], figs[i+1]
		if b.clause-a.clause > 1 || !sameThing(a, b) || !onlyQualifier(b.between) {
			continue
		}
		switch {
		case a.isMilestone() && b.isExact():
			a.f.Measure = MeasureMilestone
		case b.isMilestone() && a.isExact():
			b.f.Measure = MeasureMilestone
		}
	}
}

// totalAfterAddition names the total that follows an addition by the thing
// added to, not by the addition: in 净增市场主体3000家、达到3.3万家 and 注册
// 市场主体五年新增43.04万家、达到79.1万家 the second is 市场主体, 注册市场主体五年.
func totalAfterAddition(figs []clauseFigure) {
	for i := 0; i+1 < len(figs); i++ {
		a, b := figs[i], figs[i+1]
		if !b.inherited || b.info.aggregate != "" || b.f.BaseUnit != a.f.BaseUnit || b.clause-a.clause > 1 {
			continue
		}
		if role := qualifierRoles[b.info.qualifier]; b.info.qualifier == "" || role == qualifierBound && !slices.Contains(milestoneWords, b.info.qualifier) {
			continue // a total is reached (达到, 增至, 累计达到), not bounded
		}
		for _, w := range additionWords {
			if before, after, ok := strings.Cut(b.f.Indicator, w); ok && before+after != "" {
				b.f.Indicator = before + after
				b.f.Measure = MeasureLevel
				break
			}
		}
	}
}

// markIndicatorCounts makes a count followed by an indicator noun a count of
// indicators: 3项指标未完成, 5项主要指标居全市第一 are no level of the
// indicators they name.
func markIndicatorCounts(figs []clauseFigure) {
	for _, c := range figs {
		if c.f.Class != ClassCount || c.f.BaseUnit == "" || c.f.Measure != MeasureLevel {
			continue
		}
		if nounFollows(c.rest, indicatorNouns) || countsListedKinds(c.f) {
			c.f.Measure = MeasureIndicators
		}
	}
}

// countsListedKinds reports whether a count in kinds (种, 类) follows a list
// that ends with 等: 粮食、棉花、原煤、钢等三十多种主要产品产量 counts the kinds,
// and is the output of none of them.
func countsListedKinds(f *Figure) bool {
	if !slices.Contains(kindCountUnits, strings.TrimPrefix(f.Unit, "多")) {
		return false
	}
	i := strings.Index(f.Sentence, f.Text)
	return i > 0 && strings.HasSuffix(strings.TrimSpace(f.Sentence[:i]), "等")
}

// kindCountUnits count kinds of a thing (data/kind-count-units.txt).
var kindCountUnits = lexicon.Words("kind-count-units")

// nounFollows reports whether one of nouns follows the start of s after at
// most four characters of its own (主要指标, 约束性指标, 统计监测指标 after
// 3项): the count is of them. 一亿担的四项指标 counts 担, not 指标.
func nounFollows(s string, nouns []string) bool {
	for _, n := range nouns {
		if i := strings.Index(s, n); i >= 0 && runeLen(s[:i]) <= 4 && !strings.Contains(s[:i], "的") {
			return true
		}
	}
	return false
}

// cutBareMilestone cuts from the end of an indicator's words a mark passed
// that has no number of its own (城镇居民人均可支配收入突破万元 → 城镇居民人均
// 可支配收入; 首次突破万亿元): the words are the clause before a figure, and
// the mark is not part of what the figure measures.
func cutBareMilestone(s string) string {
	for _, w := range milestoneWords {
		i := strings.LastIndex(s, w)
		if i <= 0 {
			continue
		}
		rest := s[i+len(w):]
		for _, n := range milestoneNouns {
			rest = strings.TrimSuffix(rest, n)
		}
		sc, _ := matchScale(rest)
		if sc == "" {
			continue
		}
		if u := rest[len(sc):]; u != "" {
			if un, ok := matchUnit(u); !ok || un.name != u {
				continue
			}
		}
		return trimAdverbs(s[:i])
	}
	return s
}
