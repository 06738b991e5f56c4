package corpus

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"reportsearch/lexicon"
)

// How tracking judges a result against its target: the bound a target's
// qualifier sets, which way is better, and the tolerance of 左右.

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
