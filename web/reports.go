package web

import (
	"slices"

	"reportsearch/catalog"
)

// reportView is a report's metadata with its counts, as the home page and
// /api/reports list it.
type reportView struct {
	ID          string `json:"id"`
	Label       string `json:"label"` // place · year and kind, unique among the reports
	Title       string `json:"title"`
	Issuer      string `json:"issuer,omitempty"`
	Date        string `json:"date,omitempty"`
	Meeting     string `json:"meeting,omitempty"`
	Years       []int  `json:"years,omitempty"`
	Source      string `json:"source"`
	Paragraphs  int    `json:"paragraphs"`
	Figures     int    `json:"figures"`
	Commitments int    `json:"commitments"`
}

// reportViews lists the catalogued reports with their counts.
func reportViews(c *catalog.Catalog) []reportView {
	reports := c.Reports()
	out := make([]reportView, 0, len(reports))
	for _, r := range reports {
		out = append(out, reportView{ID: r.ID, Label: c.Label(r.ID), Title: r.Title, Issuer: r.Issuer, Date: r.Date, Meeting: r.Meeting,
			Years: r.Years, Source: r.Source, Paragraphs: r.Paragraphs, Figures: r.Figures, Commitments: r.Commitments})
	}
	return out
}

// reportYears lists every year a report speaks of, ascending.
func reportYears(c *catalog.Catalog) []int {
	var years []int
	for _, r := range c.Reports() {
		for _, y := range r.Years {
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	slices.Sort(years)
	return years
}
