package corpus

import (
	"slices"
	"strings"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// Comparison puts a target figure beside the result of the same indicator
// in the year before: 完成既有住宅加装电梯 80台 (2023 target) vs 127台 (2022).
type Comparison struct {
	Indicator string  `json:"indicator"`
	Target    *Figure `json:"target"`
	Result    *Figure `json:"result"`
	Change    float64 `json:"change"`          // Target.Normalized - Result.Normalized
	Ratio     float64 `json:"ratio,omitempty"` // Target.Normalized / Result.Normalized
	Score     float64 `json:"score"`           // how alike the two indicators are, 0–1
}

// minMatchScore is the indicator similarity below which two figures are not
// taken to measure the same thing.
const minMatchScore = 0.6

// Compare matches every target figure of the reports with the actual or
// estimated figure of the same indicator, unit, measure and place from the
// year before, when there is one. Matching uses the indicator phrases
// (without their leading verbs) and units only, so it works on any report.
func Compare(reports []*Report) []Comparison {
	var figures []*Figure
	placeOf := map[string]string{} // report ID → place
	for _, r := range reports {
		placeOf[r.ID] = r.Region.String()
		for f := range r.Figures() {
			figures = append(figures, f)
		}
	}
	return CompareFigures(figures, func(reportID string) string { return placeOf[reportID] })
}

// CompareFigures is Compare over figures in document order, with the place
// each figure's report speaks for given by placeOf (a report ID → its
// place, "" when not known). A target is paired only with a result of its
// own place — of its own report when the place is not known — so that one
// province's target never stands beside another's result.
func CompareFigures(figures []*Figure, placeOf func(reportID string) string) []Comparison {
	// Results by what a pair must share, so that a target is measured
	// against its few candidates and not against every result of the index.
	type bucket struct {
		place, unit string
		year        int
		measure     Measure
	}
	place := func(f *Figure) string {
		id := ReportOfID(f.ParagraphID)
		if p := placeOf(id); p != "" {
			return p
		}
		return "report " + id
	}
	results := map[bucket][]*Figure{}
	var targets []*Figure
	for _, f := range figures {
		switch f.Kind {
		case FigureTarget:
			if f.Indicator != "" && f.Year != 0 {
				targets = append(targets, f)
			}
		case FigureActual, FigureEstimate:
			if f.Indicator != "" {
				b := bucket{place(f), f.BaseUnit, f.Year, f.Measure}
				results[b] = append(results[b], f)
			}
		}
	}
	var out []Comparison
	for _, t := range targets {
		var best *Figure
		bestScore := 0.0
		for _, r := range results[bucket{place(t), t.BaseUnit, t.Year - 1, t.Measure}] {
			if s := indicatorSimilarity(t.Indicator, r.Indicator); s > bestScore {
				best, bestScore = r, s
			}
		}
		if best == nil || bestScore < minMatchScore {
			continue
		}
		c := Comparison{Indicator: coreIndicator(t.Indicator), Target: t, Result: best, Score: bestScore,
			Change: Difference(t, best), Ratio: Ratio(t, best)}
		out = append(out, c)
	}
	return out
}

// indicatorVerbs open an indicator without saying what it measures: 新增
// 公共泊位 and 新建停车泊位 are both 泊位; 新认定 and 新培育国家高新技术企业
// are both 国家高新技术企业.
var indicatorVerbs = lexicon.Words("indicator-verbs")

// genericHeads are nouns too general to identify an indicator alone.
var genericHeads = lexicon.Words("generic-heads")

// coreIndicator strips the verbs an indicator starts with.
func coreIndicator(s string) string {
	for changed := true; changed; {
		changed = false
		for _, v := range indicatorVerbs {
			if strings.HasPrefix(s, v) && utf8.RuneCountInString(s) > utf8.RuneCountInString(v)+1 {
				s = strings.TrimPrefix(s, v)
				changed = true
			}
		}
	}
	return s
}

// indicatorSimilarity is the Dice coefficient of the character bigrams of
// two indicators' cores, raised to 1 when one core contains the other.
func indicatorSimilarity(a, b string) float64 {
	a, b = coreIndicator(a), coreIndicator(b)
	if a == b {
		return 1
	}
	// One core inside the other (托位 in 幼儿园托位): alike in proportion to
	// how much of the longer one the shorter covers, so that a bare 面积 or
	// 项目 does not match everything that ends with it.
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	short := a
	if lb < la {
		short = b
	}
	if min(la, lb) >= 2 && !slices.Contains(genericHeads, short) && (strings.Contains(a, b) || strings.Contains(b, a)) {
		return 0.4 + 0.6*float64(min(la, lb))/float64(max(la, lb))
	}
	return diceOf(Bigrams(a), Bigrams(b))
}

// diceOf is the Dice coefficient of two lists of bigrams: twice the ones
// they share over how many there are.
func diceOf(ba, bb []string) float64 {
	if len(ba) == 0 || len(bb) == 0 {
		return 0
	}
	bb = slices.Clone(bb)
	total := len(ba) + len(bb)
	common := 0
	for _, g := range ba {
		if i := slices.Index(bb, g); i >= 0 {
			common++
			bb = slices.Delete(bb, i, i+1)
		}
	}
	return 2 * float64(common) / float64(total)
}

// Bigrams returns the pairs of adjacent characters of s, in order: the
// units by which indicator names are compared.
func Bigrams(s string) []string {
	rs := []rune(s)
	var out []string
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}
