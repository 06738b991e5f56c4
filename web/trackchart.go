package web

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"reportsearch/corpus"
)

// A tracking chart shows one indicator of one place over the years: the
// results as a line, the targets as markers (a range as a bar from its
// low to its high). The geometry is computed here so that the template
// only places numbers; each chart has its own scale, since indicators have
// different units.

type trackChart struct {
	Title   string // place and indicator
	Measure corpus.Measure
	Unit    string
	Label   string // what a screen reader says of the chart
	Years   []chartTick
	Values  []chartTick
	Line    string // the results' polyline points
	Results []chartPoint
	Targets []chartPoint
}

type chartTick struct {
	Pos  float64
	Text string
}

type chartPoint struct {
	X, Y, Y2 float64 // Y2 is a range's other end; Y2 == Y for one value
	Text     string  // the figure as written, for the tooltip
	Link     string
	Verdict  corpus.Verdict
}

// The chart's frame, in SVG units.
const (
	chartW, chartH                = 560.0, 220.0
	chartLeft, chartRight         = 64.0, 16.0
	chartTop, chartBottom         = 16.0, 32.0
	maxTrackCharts, minChartYears = 24, 2
)

// trackSeries are the tracked targets of one indicator of one place (one
// unit, one measure) over the years: a line of the matrix, one chart.
type trackSeries struct {
	place, indicator, unit string
	measure                corpus.Measure
	rows                   []corpus.Tracked
	years, results         int // distinct years; targets with a result
}

// seriesOfTracked groups tracked targets by place and indicator, those
// with the most results first, then the most years: a series of targets
// alone says little.
func seriesOfTracked(ts []corpus.Tracked) []*trackSeries {
	type key struct{ place, indicator, unit, measure string }
	at := map[key]*trackSeries{}
	var out []*trackSeries
	seen := map[key]map[int]bool{}
	for _, t := range ts {
		k := key{t.Place, corpus.IndicatorKey(t.Indicator), t.Target.BaseUnit, string(t.Target.Measure)}
		g := at[k]
		if g == nil {
			g = &trackSeries{place: k.place, indicator: k.indicator, unit: k.unit, measure: t.Target.Measure}
			at[k], seen[k] = g, map[int]bool{}
			out = append(out, g)
		}
		g.rows = append(g.rows, t)
		if !seen[k][t.Year] {
			seen[k][t.Year] = true
			g.years++
		}
		if t.Result != nil {
			g.results++
		}
	}
	slices.SortStableFunc(out, func(a, b *trackSeries) int {
		return cmp.Or(cmp.Compare(b.results, a.results), cmp.Compare(b.years, a.years))
	})
	return out
}

// trackCharts draws each indicator of a place that has targets in two
// years at least and a result.
func trackCharts(series []*trackSeries) []trackChart {
	var out []trackChart
	for _, g := range series {
		if g.years >= minChartYears && g.results > 0 && len(out) < maxTrackCharts {
			ch := newTrackChart(g.place, g.indicator, g.unit, g.rows)
			ch.Measure = g.measure
			out = append(out, ch)
		}
	}
	return out
}

func newTrackChart(place, indicator, unit string, g []corpus.Tracked) trackChart {
	ch := trackChart{Title: place + " · " + indicator, Unit: unit}
	lo, hi := 0.0, 0.0
	first, last := 0, 0
	seen := false
	see := func(year int, vs ...float64) {
		for _, v := range vs {
			if !seen {
				lo, hi, first, last, seen = v, v, year, year, true
			}
			lo, hi = min(lo, v), max(hi, v)
		}
		first, last = min(first, year), max(last, year)
	}
	for _, t := range g {
		see(t.Year, t.Target.Normalized, t.Target.LowNormalized())
		if t.Result != nil {
			see(t.Year, t.Result.Normalized)
		}
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	pad := (hi - lo) * 0.1
	lo, hi = lo-pad, hi+pad
	plotW, plotH := chartW-chartLeft-chartRight, chartH-chartTop-chartBottom
	x := func(year int) float64 {
		if last == first {
			return chartLeft + plotW/2
		}
		return chartLeft + float64(year-first)/float64(last-first)*plotW
	}
	y := func(v float64) float64 { return chartTop + (hi-v)/(hi-lo)*plotH }
	for yr := first; yr <= last; yr++ {
		if last-first <= 12 || (yr-first)%2 == 0 {
			ch.Years = append(ch.Years, chartTick{x(yr), strconv.Itoa(yr)})
		}
	}
	for i := 0; i <= 3; i++ {
		v := lo + (hi-lo)*float64(i)/3
		ch.Values = append(ch.Values, chartTick{y(v), formatValue(v)})
	}
	// One result a year: the first tracked (a target has one result, and
	// two targets of a year share it).
	byYear := map[int]*corpus.Figure{}
	for _, t := range g {
		ch.Targets = append(ch.Targets, chartPoint{X: x(t.Year), Y: y(t.Target.Normalized), Y2: y(t.Target.LowNormalized()),
			Text: fmt.Sprintf("%d年目标 %s", t.Year, t.Target.Text), Link: corpus.Permalink(t.Target.ParagraphID), Verdict: t.Verdict})
		if t.Result != nil && byYear[t.Year] == nil {
			byYear[t.Year] = t.Result
		}
	}
	resultYears := slices.Sorted(func(yield func(int) bool) {
		for yr := range byYear {
			if !yield(yr) {
				return
			}
		}
	})
	for _, yr := range resultYears {
		r := byYear[yr]
		p := chartPoint{X: x(yr), Y: y(r.Normalized), Text: fmt.Sprintf("%d年结果 %s", yr, r.Text), Link: corpus.Permalink(r.ParagraphID)}
		p.Y2 = p.Y
		ch.Results = append(ch.Results, p)
		if ch.Line != "" {
			ch.Line += " "
		}
		ch.Line += fmt.Sprintf("%.1f,%.1f", p.X, p.Y)
	}
	ch.Label = fmt.Sprintf("%s：%d个年度目标，%d个年度结果，%d—%d年", ch.Title, len(ch.Targets), len(ch.Results), first, last)
	return ch
}

// formatValue prints an axis value shortly: 1.2亿, 3.5万, 6.5.
func formatValue(v float64) string {
	a := v
	if a < 0 {
		a = -a
	}
	short := func(v float64, scale string) string {
		digits := 1
		if math.Abs(v) >= 100 {
			digits = 0
		}
		return strconv.FormatFloat(v, 'f', digits, 64) + scale
	}
	switch {
	case a >= 1e12:
		return short(v/1e12, "万亿")
	case a >= 1e8:
		return short(v/1e8, "亿")
	case a >= 1e4:
		return short(v/1e4, "万")
	}
	return short(v, "")
}
