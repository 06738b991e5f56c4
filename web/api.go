package web

import (
	_ "embed"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
	"reportsearch/search"
)

// apiSearch is GET /api/search: the same result as `search --json`.
func (s *Server) apiSearch(c *gin.Context) {
	sp, err := readSearchParams(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	req, err := sp.request()
	if err != nil {
		s.fail(c, err)
		return
	}
	res, err := s.cfg.Index.Search(c.Request.Context(), req)
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
	a, err := s.cfg.Asker.Ask(c.Request.Context(), q)
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
	ReportLabel string               `json:"report_label"`
	SectionID   string               `json:"section_id,omitempty"`
	Headings    []string             `json:"headings"`
	Text        string               `json:"text"`
	Year        int                  `json:"year,omitempty"`
	Kind        string               `json:"kind,omitempty"`
	Domains     []string             `json:"domains"`
	Prev        string               `json:"prev,omitempty"`
	Next        string               `json:"next,omitempty"`
	Figures     []*corpus.Figure     `json:"figures"`
	Commitments []*corpus.Commitment `json:"commitments"`
	Citation    corpus.Citation      `json:"citation"`

	meta corpus.Meta // the report's, for the page's own citations
}

// paragraphView looks up a paragraph and cites it. The ID comes from a
// catch-all route, so it starts with a slash.
func (s *Server) paragraphView(c *gin.Context) (*paragraphView, error) {
	id := strings.TrimPrefix(c.Param("id"), "/")
	p, err := s.cfg.Index.Paragraph(c.Request.Context(), id)
	if errors.Is(err, search.ErrNotFound) {
		return nil, errNotFound(fmt.Sprintf("no paragraph with ID %q", id))
	}
	if err != nil {
		return nil, err
	}
	meta := s.cfg.Index.Catalog().Meta(p.Report)
	return &paragraphView{
		ID: p.ID, Report: p.Report, ReportTitle: meta.Title, ReportLabel: s.cfg.Index.Catalog().Label(p.Report), SectionID: p.Section,
		Headings: nonNil(p.Headings), Text: p.Text, Year: p.Year, Kind: p.Kind, Domains: nonNil(p.Domains),
		Prev: p.Prev, Next: p.Next, Figures: nonNil(p.Figures), Commitments: nonNil(p.Commitments),
		Citation: corpus.CiteParagraph(meta, p.ID, p.Locator, p.Heading, p.Text, corpus.Permalink(p.ID)),
		meta:     meta,
	}, nil
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
func (s *Server) apiFigures(c *gin.Context) { listAPI(s, c, "figures", s.figureList()) }

// apiComparisons is GET /api/comparisons: each target beside the result of
// the year before.
func (s *Server) apiComparisons(c *gin.Context) { listAPI(s, c, "comparisons", s.comparisonList()) }

// apiCommitments is GET /api/commitments.
func (s *Server) apiCommitments(c *gin.Context) { listAPI(s, c, "commitments", s.commitmentList()) }

// listAPI answers a listing endpoint: a page of the rows that pass the
// URL's filter (offset, limit), as {"total": N, "offset": …, "limit": …,
// name: [...]}, or, with format=csv, every row as name.csv, streamed.
func listAPI[T any](s *Server, c *gin.Context, name string, l list[T]) {
	f, err := readListFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	if c.Query("format") == "csv" {
		streamCSV(s, c, name+".csv", f, l)
		return
	}
	page, err := readPage(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	rows, total, err := l.page(c.Request.Context(), f, page)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"total": total, "offset": page.Offset, "limit": page.Limit, name: nonNil(rows)})
}

// streamCSV sends every row as a CSV download, written as the rows are
// read, so a server holds one chunk of a long list at a time. The status
// is sent with the first bytes: a failure after them cannot become an
// error response, so it ends the response early and is logged.
func streamCSV[T any](s *Server, c *gin.Context, name string, f listFilter, l list[T]) {
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Status(http.StatusOK)
	cw, err := l.csv(c.Writer)
	if err == nil {
		err = l.each(c.Request.Context(), f, cw.Write)
	}
	if err == nil {
		err = cw.Flush()
	}
	if err != nil {
		s.cfg.Logger.Warn("csv download cut short", "path", c.Request.URL.Path, "err", err)
		c.Abort()
	}
}

// apiReports is GET /api/reports: a page of the indexed reports (offset,
// limit), with their number.
func (s *Server) apiReports(c *gin.Context) {
	page, err := readPage(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	all := reportViews(s.cfg.Index.Catalog())
	from := min(page.Offset, len(all))
	rows := all[from:min(from+page.Limit, len(all))]
	c.JSON(http.StatusOK, gin.H{"total": len(all), "offset": page.Offset, "limit": page.Limit, "reports": rows})
}

//go:embed openapi.json
var openAPI []byte

// apiOpenAPI serves the OpenAPI document of this API.
func (s *Server) apiOpenAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json; charset=utf-8", openAPI)
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
