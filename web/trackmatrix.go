package web

import (
	"slices"

	"reportsearch/corpus"
)

// The tracking matrix is indicator × year: a line per indicator of a
// place, a column per year, each cell the year's target, its result and
// the verdict — what an analyst reads across to see whether a government
// delivers year after year.

type trackMatrix struct {
	Years []int
	Rows  []matrixRow
}

type matrixRow struct {
	Place, Indicator, Unit string
	Measure                corpus.Measure
	Cells                  []matrixCell // one a year, as Years
}

type matrixCell struct {
	Tracked *corpus.Tracked // the year's first target; nil for none
	More    int             // the row's other targets of that year
}

// The matrix's bounds: the indicators of most results, and the latest
// years, that a page can show.
const maxMatrixRows, maxMatrixYears = 60, 12

// newTrackMatrix lays out the series of two years or more.
func newTrackMatrix(series []*trackSeries) trackMatrix {
	var m trackMatrix
	var kept []*trackSeries
	for _, g := range series {
		if g.years >= minChartYears && len(kept) < maxMatrixRows {
			kept = append(kept, g)
			for _, t := range g.rows {
				if !slices.Contains(m.Years, t.Year) {
					m.Years = append(m.Years, t.Year)
				}
			}
		}
	}
	slices.Sort(m.Years)
	if len(m.Years) > maxMatrixYears {
		m.Years = m.Years[len(m.Years)-maxMatrixYears:]
	}
	for _, g := range kept {
		row := matrixRow{Place: g.place, Indicator: g.indicator, Unit: g.unit, Measure: g.measure, Cells: make([]matrixCell, len(m.Years))}
		filled := 0
		for i := range g.rows {
			t := &g.rows[i]
			j := slices.Index(m.Years, t.Year)
			switch {
			case j < 0:
			case row.Cells[j].Tracked == nil:
				row.Cells[j].Tracked = t
				filled++
			default:
				row.Cells[j].More++
			}
		}
		if filled >= minChartYears { // a line of the years shown, not of older ones
			m.Rows = append(m.Rows, row)
		}
	}
	return m
}
