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
	Places   []search.TrackPlace
	Chosen   []string
	Rows     []corpus.Tracked
	Total    int
	Counts   []verdictCount
	Charts   []trackChart
	Matrix   trackMatrix
	Verdicts []corpus.Verdict
	XLSX     string
}

type verdictCount struct {
	Verdict corpus.Verdict
	N       int
}

// pageTrack is GET /track. Without a place chosen it shows the place with
// the longest series, so that the page opens on something to read.
func (s *Server) pageTrack(c *gin.Context) {
	lp, err := s.listPage(c, "目标跟踪", pathAPITrack)
	if err != nil {
		s.fail(c, err)
		return
	}
	p := trackPage{listPage: lp, Places: s.cfg.Index.TrackPlaces(), Verdicts: corpus.Verdicts}
	p.Chosen = lp.Filter.Places
	if len(p.Chosen) == 0 && len(p.Places) > 0 {
		p.Chosen = []string{p.Places[0].Name}
	}
	f := lp.Filter
	f.Places = p.Chosen
	q := c.Request.URL.Query()
	q["place"] = p.Chosen
	p.CSV, p.XLSX = downloadLink(pathAPITrack, q, "csv"), downloadLink(pathAPITrack, q, "xlsx")
	counts := map[corpus.Verdict]int{}
	var all []corpus.Tracked // the matrix and charts read every row; the table shows maxRows
	err = s.trackList().each(c.Request.Context(), f, func(t corpus.Tracked) error {
		counts[t.Verdict]++
		all = append(all, t)
		p.Total++
		return nil
	})
	p.Rows = all[:min(len(all), maxRows)]
	if err != nil {
		s.fail(c, err)
		return
	}
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
