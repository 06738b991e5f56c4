package web

import (
	"bytes"
	_ "embed"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
	"reportsearch/query"
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
	c.JSON(http.StatusOK, searchResponse{Result: res, Repairs: req.Query.Repairs, Note: req.Query.Note()})
}

// searchResponse is /api/search's answer: the result and, when the query
// had an unpaired quote or bracket, what was read past and the note the
// page shows (引号未配对，已按 … 搜索).
type searchResponse struct {
	*search.Result
	Repairs []query.Repair `json:"repairs,omitempty"`
	Note    string         `json:"note,omitempty"`
}

// apiAsk is GET /api/ask: the same answer as `ask --json`.
func (s *Server) apiAsk(c *gin.Context) {
	q, err := queryText(c, "q")
	if err == nil && q == "" {
		err = badRequest("web.question-empty")
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
		return nil, notFound("web.no-paragraph", "id", id)
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

// apiTrack is GET /api/track: each target beside the result a later report
// gives for it, with the verdict.
func (s *Server) apiTrack(c *gin.Context) { listAPI(s, c, "tracked", s.trackList()) }

// apiCommitments is GET /api/commitments.
func (s *Server) apiCommitments(c *gin.Context) { listAPI(s, c, "commitments", s.commitmentList()) }

// listAPI answers a listing endpoint: a page of the rows that pass the
// URL's filter (offset, limit), as {"total": N, "offset": …, "limit": …,
// name: [...]}, or, with format=csv, every row as name.csv, streamed, or
// with format=xlsx as a spreadsheet (xlsx.go).
func listAPI[T any](s *Server, c *gin.Context, name string, l list[T]) {
	f, err := readListFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	switch c.Query("format") {
	case "csv":
		streamCSV(s, c, name+".csv", f, l)
		return
	case "xlsx":
		sendXLSX(s, c, name+".xlsx", f, l)
		return
	case "", "json":
	default:
		s.fail(c, badRequest("web.param-format", "value", c.Query("format")))
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
// read, so a server holds one chunk of a long list at a time. Nothing is
// sent until csvHold bytes are ready (or the list is done), so a failure
// before that is an error response like any other; a failure after the
// status was sent resets the connection (http.ErrAbortHandler), so that
// the client sees a broken download, never a short file that looks whole.
func streamCSV[T any](s *Server, c *gin.Context, name string, f listFilter, l list[T]) {
	w := &heldWriter{c: c, name: name}
	cw, err := corpus.NewCSVWriter(w, l.table)
	if err == nil {
		err = l.each(c.Request.Context(), f, cw.Write)
	}
	if err == nil {
		err = cw.Flush()
	}
	if err == nil {
		err = w.release()
	}
	switch {
	case err == nil:
	case !w.sent:
		s.fail(c, err)
	default:
		s.cfg.Logger.Warn("csv download cut short", "path", c.Request.URL.Path, "err", err)
		panic(http.ErrAbortHandler) // the recoverer lets it through
	}
}

// csvHold is how much of a download is held back before its status is
// sent: most lists fit, and fail, if they fail, as an error response.
const csvHold = 256 << 10

// heldWriter holds a download's first csvHold bytes, then sends the
// headers and writes through.
type heldWriter struct {
	c    *gin.Context
	name string
	buf  bytes.Buffer
	sent bool
}

func (w *heldWriter) Write(p []byte) (int, error) {
	if w.sent {
		return w.c.Writer.Write(p)
	}
	w.buf.Write(p)
	if w.buf.Len() >= csvHold {
		return len(p), w.release()
	}
	return len(p), nil
}

// release sends the headers and what is held.
func (w *heldWriter) release() error {
	if w.sent {
		return nil
	}
	w.sent = true
	w.c.Header("Content-Disposition", `attachment; filename="`+w.name+`"`)
	w.c.Header("Content-Type", "text/csv; charset=utf-8")
	w.c.Status(http.StatusOK)
	_, err := w.c.Writer.Write(w.buf.Bytes())
	w.buf = bytes.Buffer{}
	return err
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
