package web

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
	"reportsearch/search"
)

// apiSearch is GET /api/search: the same result as `search --json`.
func (s *Server) apiSearch(c *gin.Context) {
	req, err := searchRequest(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	res, err := s.cfg.Searcher.Search(c.Request.Context(), req)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}

// apiAsk is GET /api/ask: the same answer as `ask --json`.
func (s *Server) apiAsk(c *gin.Context) {
	q, err := queryText(c, "q")
	if err == nil && q == "" {
		err = errBadRequest("parameter q: the question is empty")
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	a, err := s.cfg.Searcher.Ask(c.Request.Context(), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}

// paragraphView is a paragraph with its context and citations.
type paragraphView struct {
	ID          string               `json:"id"`
	Report      string               `json:"report"`
	ReportTitle string               `json:"report_title"`
	SectionID   string               `json:"section_id,omitempty"`
	Headings    []string             `json:"headings"`
	Text        string               `json:"text"`
	Year        int                  `json:"year,omitempty"`
	Kind        corpus.Kind          `json:"kind,omitempty"`
	Domains     []string             `json:"domains"`
	Prev        string               `json:"prev,omitempty"`
	Next        string               `json:"next,omitempty"`
	Figures     []*corpus.Figure     `json:"figures"`
	Commitments []*corpus.Commitment `json:"commitments"`
	Citation    *search.Citation     `json:"citation"`
}

// paragraphView looks up a paragraph and cites it. The ID comes from a
// catch-all route, so it starts with a slash.
func (s *Server) paragraphView(c *gin.Context) (*paragraphView, error) {
	id := c.Param("id")
	if len(id) > 0 && id[0] == '/' {
		id = id[1:]
	}
	e := s.cfg.Library.paragraph(id)
	if e == nil {
		return nil, errNotFound(fmt.Sprintf("no paragraph with ID %q", id))
	}
	cite, err := s.cfg.Searcher.Cite(c.Request.Context(), id)
	if err != nil {
		return nil, err
	}
	p := e.Paragraph
	v := &paragraphView{
		ID: p.ID, Report: e.Report.ID, ReportTitle: e.Report.Title, SectionID: p.SectionID,
		Headings: nonNil(e.Headings), Text: p.Text, Year: p.Year, Kind: p.Kind, Domains: nonNil(p.Domains),
		Prev: e.Prev, Next: e.Next, Figures: nonNil(p.Figures), Citation: cite,
	}
	for _, cm := range e.Report.Commitments {
		if cm.ParagraphID == p.ID {
			v.Commitments = append(v.Commitments, cm)
		}
	}
	v.Commitments = nonNil(v.Commitments)
	return v, nil
}

// apiParagraph is GET /api/paragraphs/{id}.
func (s *Server) apiParagraph(c *gin.Context) {
	v, err := s.paragraphView(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}

// apiFigures is GET /api/figures.
func (s *Server) apiFigures(c *gin.Context) {
	listAPI(s, c, "figures", listFilter.figures, corpus.WriteFiguresCSV)
}

// apiComparisons is GET /api/comparisons: each target beside the result of
// the year before.
func (s *Server) apiComparisons(c *gin.Context) {
	listAPI(s, c, "comparisons", listFilter.comparisons, corpus.WriteComparisonsCSV)
}

// apiCommitments is GET /api/commitments.
func (s *Server) apiCommitments(c *gin.Context) {
	listAPI(s, c, "commitments", listFilter.commitments, corpus.WriteCommitmentsCSV)
}

// listAPI answers a listing endpoint: the rows that pass the URL's filter,
// as {"total": N, name: [...]} or, with format=csv, as name.csv.
func listAPI[T any](s *Server, c *gin.Context, name string, rows func(listFilter, *Library) []T, writeCSV func(io.Writer, []T) error) {
	f, err := readListFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	list := rows(f, s.cfg.Library)
	if c.Query("format") == "csv" {
		s.csv(c, name+".csv", func(b *bytes.Buffer) error { return writeCSV(b, list) })
		return
	}
	c.JSON(http.StatusOK, gin.H{"total": len(list), name: nonNil(list)})
}

// reportView is a report's metadata with its counts.
type reportView struct {
	ID          string `json:"id"`
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

// reportViews lists the reports with their counts.
func (l *Library) reportViews() []reportView { return l.views }

func makeReportViews(reports []*corpus.Report) []reportView {
	out := make([]reportView, 0, len(reports))
	for _, r := range reports {
		v := reportView{ID: r.ID, Title: r.Title, Issuer: r.Issuer, Date: r.Date, Meeting: r.Meeting,
			Years: r.Years, Source: r.Source, Commitments: len(r.Commitments)}
		for range r.Paragraphs() {
			v.Paragraphs++
		}
		for range r.Figures() {
			v.Figures++
		}
		out = append(out, v)
	}
	return out
}

// apiReports is GET /api/reports.
func (s *Server) apiReports(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"reports": s.cfg.Library.reportViews()})
}

//go:embed openapi.json
var openAPI []byte

// apiOpenAPI serves the OpenAPI document of this API.
func (s *Server) apiOpenAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json; charset=utf-8", openAPI)
}

// csv sends a CSV download, written in full before the status so that a
// failure is still an error response.
func (s *Server) csv(c *gin.Context, name string, write func(*bytes.Buffer) error) {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Data(http.StatusOK, "text/csv; charset=utf-8", b.Bytes())
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
