package web

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
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
	if n := utf8.RuneCountInString(q); n > search.MaxQueryLength {
		return "", errBadRequest(fmt.Sprintf("parameter %s: %d characters, at most %d are allowed", name, n, search.MaxQueryLength))
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

// searchRequest reads q, page, size and the filters of a search URL.
func searchRequest(c *gin.Context) (search.Request, error) {
	var req search.Request
	var err error
	if req.Query, err = queryText(c, "q"); err != nil {
		return req, err
	}
	if req.Page, err = queryInt(c, "page", 1, 1, 1000); err != nil {
		return req, err
	}
	if req.Size, err = queryInt(c, "size", 10, 1, search.MaxPageSize); err != nil {
		return req, err
	}
	seen := map[string]bool{}
	for _, name := range filterParams {
		values := c.QueryArray(name)
		if len(values) > maxValuesPerFilter {
			return req, errBadRequest(fmt.Sprintf("parameter %s: %d values, at most %d are allowed", name, len(values), maxValuesPerFilter))
		}
		for _, v := range values {
			if v = strings.TrimSpace(v); v == "" || seen[name+"="+v] {
				continue
			}
			seen[name+"="+v] = true
			if len(v) > maxFilterValueBytes || !utf8.ValidString(v) {
				return req, errBadRequest(fmt.Sprintf("parameter %s: a value must be valid UTF-8 of at most %d bytes", name, maxFilterValueBytes))
			}
			f, err := search.ParseFilter(name, v)
			if err != nil {
				return req, errBadRequest(fmt.Sprintf("parameter %s=%q: %v", name, v, err))
			}
			req.Filters = append(req.Filters, f)
		}
	}
	return req, nil
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

func (f listFilter) figures(l *Library) []*corpus.Figure {
	return corpus.SelectFigures(l.reportsFor(f.Report), corpus.FigureFilter{
		Year: f.Year, Kind: f.Kind, Domain: f.Domain, Words: strings.Fields(f.Words),
	})
}

func (f listFilter) commitments(l *Library) []*corpus.Commitment {
	return corpus.SelectCommitments(l.reportsFor(f.Report), corpus.CommitmentFilter{
		Year: f.Year, Domain: f.Domain, Words: strings.Fields(f.Words),
	})
}

// comparisons are the library's target/result pairs that pass the filter;
// the report filter keeps the pairs whose target is in that report.
func (f listFilter) comparisons(l *Library) []corpus.Comparison {
	cs := corpus.SelectComparisons(l.Comparisons, corpus.FigureFilter{Year: f.Year, Domain: f.Domain, Words: strings.Fields(f.Words)})
	if f.Report == "" {
		return cs
	}
	var out []corpus.Comparison
	for _, c := range cs {
		if strings.HasPrefix(c.Target.ParagraphID, f.Report+"/") {
			out = append(out, c)
		}
	}
	return out
}
