package web

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
	"reportsearch/query"
	"reportsearch/search"
)

// filterParams are the facet and figure filters a search URL may carry, in
// the order the sidebar shows them.
var filterParams = []string{"year", "kind", "part", "chapter", "domain", "region", "report", "unit", "figure"}

// Limits on the filters of one search: every value becomes a facet link
// and a chip on the page, so their number bounds the page's size.
const (
	maxValuesPerFilter  = 10
	maxFilterValueBytes = 128
)

// queryText reads a query or question parameter, refusing one that is too
// long before any work is done on it.
func queryText(c *gin.Context, name string) (string, error) {
	q := strings.TrimSpace(c.Query(name))
	if n := utf8.RuneCountInString(q); n > query.MaxQueryLength {
		return "", errBadRequest(fmt.Sprintf("parameter %s: %d characters, at most %d are allowed", name, n, query.MaxQueryLength))
	}
	if !utf8.ValidString(q) {
		return "", errBadRequest(fmt.Sprintf("parameter %s: not valid UTF-8", name))
	}
	return q, nil
}

// queryInt reads an optional integer parameter within [lo, hi].
func queryInt(c *gin.Context, name string, def, lo, hi int) (int, error) {
	s := c.Query(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, errBadRequest(fmt.Sprintf("parameter %s=%q: want a whole number from %d to %d", name, s, lo, hi))
	}
	return n, nil
}

// searchParams are what a search URL asks for: the query as typed, the
// page, and the facet and figure filters.
type searchParams struct {
	Text    string
	Filters []query.Filter
	Page    int
	Size    int
	// ByReport groups the matches by report (group=report).
	ByReport bool
}

// readSearchParams reads q, page, size, group and the filters of a search
// URL.
func readSearchParams(c *gin.Context) (searchParams, error) {
	var sp searchParams
	var err error
	if sp.Text, err = queryText(c, "q"); err != nil {
		return sp, err
	}
	if sp.Page, err = queryInt(c, "page", 1, 1, 1000); err != nil {
		return sp, err
	}
	if sp.Size, err = queryInt(c, "size", 10, 1, search.MaxPageSize); err != nil {
		return sp, err
	}
	switch g := c.Query("group"); g {
	case "":
	case "report":
		sp.ByReport = true
	default:
		return sp, errBadRequest(fmt.Sprintf("parameter group=%q: the only grouping is group=report", g))
	}
	seen := map[string]bool{}
	for _, name := range filterParams {
		values := c.QueryArray(name)
		if len(values) > maxValuesPerFilter {
			return sp, errBadRequest(fmt.Sprintf("parameter %s: %d values, at most %d are allowed", name, len(values), maxValuesPerFilter))
		}
		for _, v := range values {
			if v = strings.TrimSpace(v); v == "" || seen[name+"="+v] {
				continue
			}
			seen[name+"="+v] = true
			if len(v) > maxFilterValueBytes || !utf8.ValidString(v) {
				return sp, errBadRequest(fmt.Sprintf("parameter %s: a value must be valid UTF-8 of at most %d bytes", name, maxFilterValueBytes))
			}
			f, err := query.ParseFilter(name, v)
			if err != nil {
				return sp, errBadRequest(fmt.Sprintf("parameter %s=%q: %v", name, v, err))
			}
			sp.Filters = append(sp.Filters, f)
		}
	}
	return sp, nil
}

// request parses the query text into the search it asks for. A query of
// filters only has no text.
func (sp searchParams) request() (search.Request, error) {
	q, err := query.Parse(sp.Text)
	if errors.Is(err, query.ErrEmptyQuery) && len(sp.Filters) > 0 {
		q, err = &query.Query{}, nil
	}
	if err != nil {
		return search.Request{}, err
	}
	return search.Request{Query: q, Filters: sp.Filters, Page: sp.Page, Size: sp.Size, ByReport: sp.ByReport}, nil
}

// listFilter is the selection of the figures and commitments pages.
type listFilter struct {
	Report string
	Year   int
	Kind   corpus.FigureKind
	Domain string
	Words  string
}

// readListFilter reads report, year, kind, domain and q.
func readListFilter(c *gin.Context) (listFilter, error) {
	var f listFilter
	var err error
	if f.Year, err = queryInt(c, "year", 0, 0, 9999); err != nil {
		return f, err
	}
	if f.Words, err = queryText(c, "q"); err != nil {
		return f, err
	}
	f.Report, f.Domain = strings.TrimSpace(c.Query("report")), strings.TrimSpace(c.Query("domain"))
	if f.Kind, err = corpus.ParseFigureKind(c.Query("kind")); err != nil {
		return f, errBadRequest("parameter kind: " + err.Error())
	}
	return f, nil
}

func (f listFilter) figureFilter() search.FigureFilter {
	return search.FigureFilter{Report: f.Report, FigureFilter: corpus.FigureFilter{
		Year: f.Year, Kind: f.Kind, Domain: f.Domain, Words: strings.Fields(f.Words),
	}}
}

// figures are the figures that pass the filter.
func (s *Server) figures(ctx context.Context, f listFilter) ([]*corpus.Figure, error) {
	return s.cfg.Index.Figures(ctx, f.figureFilter())
}

// commitments are the commitments that pass the filter.
func (s *Server) commitments(ctx context.Context, f listFilter) ([]*corpus.Commitment, error) {
	return s.cfg.Index.Commitments(ctx, search.CommitmentFilter{Report: f.Report, CommitmentFilter: corpus.CommitmentFilter{
		Year: f.Year, Domain: f.Domain, Words: strings.Fields(f.Words),
	}})
}

// comparisons are the target/result pairs that pass the filter (its kind
// aside: a pair holds both); the report filter keeps the pairs whose target
// is in that report.
func (s *Server) comparisons(ctx context.Context, f listFilter) ([]corpus.Comparison, error) {
	ff := f.figureFilter()
	ff.Kind = ""
	return s.cfg.Index.Comparisons(ctx, ff)
}
