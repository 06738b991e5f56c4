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
	SourceURL   string `json:"source_url,omitempty"`
	Format      string `json:"format,omitempty"` // of the original file: text, pdf, docx, html
	FileSize    int64  `json:"file_size,omitempty"`
	Pages       int    `json:"pages,omitempty"`
	Place       string `json:"place,omitempty"`
	Year        int    `json:"year,omitempty"` // delivered in
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
			Years: r.Years, Source: r.Source, SourceURL: r.SourceURL, Format: r.Provenance.Format, FileSize: r.Provenance.FileSize,
			Pages: r.Provenance.Pages, Place: r.Region.String(), Year: r.Delivered,
			Paragraphs: r.Paragraphs, Figures: r.Figures, Commitments: r.Commitments})
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

// loaded is what the loaded reports add up to, as the home page says it.
type loaded struct {
	Reports, Paragraphs, Figures, Commitments int
	Places                                    int
}

func loadedTotals(reports []reportView) loaded {
	l := loaded{Reports: len(reports)}
	places := map[string]bool{}
	for _, r := range reports {
		l.Paragraphs += r.Paragraphs
		l.Figures += r.Figures
		l.Commitments += r.Commitments
		if r.Place != "" {
			places[r.Place] = true
		}
	}
	l.Places = len(places)
	return l
}
