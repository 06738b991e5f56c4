package web

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
	"reportsearch/search"
)

// trackPage is the 目标跟踪 page: for the places chosen, each target beside
// the result a later report gives for it, with the verdict, and a chart
// per indicator over the years.
type trackPage struct {
	listPage
	Places   []search.TrackPlace // the places with a series, to choose from
	Single   int                 // places with one report only
	Series   bool                // some place has a series (Places lists only those)
	Chosen   []string
	Rows     []corpus.Tracked
	Total    int
	Counts   []verdictCount
	Charts   []trackChart
	Matrix   trackMatrix
	Verdicts []corpus.Verdict
	Estimate corpus.FigureKind // for the template: an estimate is marked 预计
	Level    corpus.Measure    // for the template: a level needs no measure word
	XLSX     string
}

type verdictCount struct {
	Verdict corpus.Verdict
	N       int
}

// pageTrack is GET /track. Without a place chosen it shows the place with
// the longest series, so that the page opens on something to read. A
// place may be named as a user writes it (河北); the page ticks the place
// it names (河北省).
func (s *Server) pageTrack(c *gin.Context) {
	lp, err := s.listPage(c, "目标跟踪", pathAPITrack)
	if err != nil {
		s.fail(c, err)
		return
	}
	p := trackPage{listPage: lp, Verdicts: corpus.Verdicts, Estimate: corpus.FigureEstimate, Level: corpus.MeasureLevel}
	var single []search.TrackPlace
	for _, pl := range s.cfg.Index.TrackPlaces() {
		switch {
		case pl.Name == "": // a report of no known place is no series to choose
		case len(pl.Years) < 2:
			single = append(single, pl)
		default:
			p.Places = append(p.Places, pl)
		}
	}
	p.Single, p.Series = len(single), len(p.Places) > 0
	if !p.Series { // no series: the single reports, whose targets wait
		p.Places = single
	}
	cat := s.cfg.Index.Catalog()
	for _, name := range lp.Filter.Places {
		if full, ok := cat.FullName(name); ok && full != "" {
			name = full
		}
		if !slices.Contains(p.Chosen, name) {
			p.Chosen = append(p.Chosen, name)
		}
	}
	if len(p.Chosen) == 0 && len(p.Places) > 0 {
		p.Chosen = []string{p.Places[0].Name}
	}
	f := lp.Filter
	f.Places = p.Chosen
	q := c.Request.URL.Query()
	q["place"] = p.Chosen
	p.CSV, p.XLSX = downloadLink(pathAPITrack, q, "csv"), downloadLink(pathAPITrack, q, "xlsx")
	counts := map[corpus.Verdict]int{}
	// The matrix and charts read every row of the places chosen (at most
	// maxPlaces places, each a series of its own reports); the table
	// shows maxRows.
	var all []corpus.Tracked
	err = s.trackList().each(c.Request.Context(), f, func(t corpus.Tracked) error {
		counts[t.Verdict]++
		all = append(all, t)
		p.Total++
		return nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	p.Rows = all[:min(len(all), maxRows)]
	for _, v := range corpus.Verdicts {
		if counts[v] > 0 {
			p.Counts = append(p.Counts, verdictCount{v, counts[v]})
		}
	}
	series := seriesOfTracked(all)
	p.Charts, p.Matrix = trackCharts(series), newTrackMatrix(series)
	s.render(c, http.StatusOK, "track", p)
}

// downloadLink is an API path with the page's query and format.
func downloadLink(api string, q url.Values, format string) string {
	out := url.Values{}
	for k, v := range q {
		out[k] = slices.Clone(v)
	}
	out.Set("format", format)
	return api + "?" + out.Encode()
}

// verdictMarks let a verdict be read without its colour.
var verdictMarks = map[corpus.Verdict]string{
	corpus.VerdictExceeded: "↑", corpus.VerdictMet: "✓", corpus.VerdictMissed: "✗",
	corpus.VerdictUnclear: "?", corpus.VerdictUnreported: "—", corpus.VerdictPending: "…",
}
