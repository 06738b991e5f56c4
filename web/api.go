package web

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
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
func (s *Server) apiFigures(c *gin.Context) {
	listAPI(s, c, "figures", s.figures, corpus.WriteFiguresCSV)
}

// apiComparisons is GET /api/comparisons: each target beside the result of
// the year before.
func (s *Server) apiComparisons(c *gin.Context) {
	listAPI(s, c, "comparisons", s.comparisons, corpus.WriteComparisonsCSV)
}

// apiCommitments is GET /api/commitments.
func (s *Server) apiCommitments(c *gin.Context) {
	listAPI(s, c, "commitments", s.commitments, corpus.WriteCommitmentsCSV)
}

// listAPI answers a listing endpoint: the rows that pass the URL's filter,
// as {"total": N, name: [...]} or, with format=csv, as name.csv.
func listAPI[T any](s *Server, c *gin.Context, name string, rows func(context.Context, listFilter) ([]T, error), writeCSV func(io.Writer, []T) error) {
	f, err := readListFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	list, err := rows(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	if c.Query("format") == "csv" {
		s.csv(c, name+".csv", func(b *bytes.Buffer) error { return writeCSV(b, list) })
		return
	}
	c.JSON(http.StatusOK, gin.H{"total": len(list), name: nonNil(list)})
}

// apiReports is GET /api/reports.
func (s *Server) apiReports(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"reports": reportViews(s.cfg.Index.Catalog())})
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
