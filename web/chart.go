package web

import "reportsearch/corpus"

// chart is the geometry of the comparison bar chart, computed here so that
// the template only places numbers. Each row is drawn in its own small SVG
// scaled to the larger of its two values: the indicators have different
// units, so one common axis would flatten all but the largest.
type chart struct {
	Rows      []chartRow
	BarsWidth int // the width the longer bar of a row spans, in SVG units
}

type chartRow struct {
	Indicator    string
	Result       *corpus.Figure
	Target       *corpus.Figure
	ResultWidth  int
	TargetWidth  int
	ResultLink   string
	TargetLink   string
	TargetHigher bool
}

const chartBarsWidth = 280

func newChart(cs []corpus.Comparison) chart {
	ch := chart{BarsWidth: chartBarsWidth}
	for _, c := range cs {
		r, t := max(c.Result.Normalized, 0), max(c.Target.Normalized, 0)
		top := max(r, t)
		row := chartRow{
			Indicator: c.Target.Indicator, Result: c.Result, Target: c.Target,
			ResultLink: corpus.Permalink(c.Result.ParagraphID), TargetLink: corpus.Permalink(c.Target.ParagraphID),
			TargetHigher: t > r,
		}
		if top > 0 {
			row.ResultWidth = max(1, int(r/top*chartBarsWidth+0.5))
			row.TargetWidth = max(1, int(t/top*chartBarsWidth+0.5))
		}
		ch.Rows = append(ch.Rows, row)
	}
	return ch
}
