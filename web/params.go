package web

import (
	"context"
	"errors"
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
		return "", badRequest("web.param-too-long", "param", name, "n", n, "max", query.MaxQueryLength)
	}
	if !utf8.ValidString(q) {
		return "", badRequest("web.param-utf8", "param", name)
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
		return 0, badRequest("web.param-int", "param", name, "value", s, "lo", lo, "hi", hi)
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
		return sp, badRequest("web.param-group", "value", g)
	}
	for _, name := range filterParams {
		values := distinctValues(c.QueryArray(name)) // a value given twice counts once
		if len(values) > maxValuesPerFilter {
			return sp, badRequest("web.param-values", "param", name, "n", len(values), "max", maxValuesPerFilter)
		}
		for _, v := range values {
			if len(v) > maxFilterValueBytes || !utf8.ValidString(v) {
				return sp, badRequest("web.param-value", "param", name, "max", maxFilterValueBytes)
			}
			f, err := query.ParseFilter(name, v)
			if err != nil {
				return sp, filterError(name, v, err)
			}
			sp.Filters = append(sp.Filters, f)
		}
	}
	return sp, nil
}

// distinctValues are the values trimmed, without empty ones and repeats,
// in their order.
func distinctValues(values []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
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

// listFilter is the selection of the figures, commitments, comparison
// and tracking pages.
type listFilter struct {
	Report  string
	Year    int
	Kind    corpus.FigureKind
	Domain  string
	Words   string
	Places  []string       // tracking: the places chosen (place=, repeated)
	Verdict corpus.Verdict // tracking
}

// readListFilter reads report, year, kind, domain and q.
func readListFilter(c *gin.Context) (listFilter, error) {
	var f listFilter
	var err error
	if f.Year, err = queryInt(c, "year", 0, 0, 9999); err != nil {
		return f, badRequest("web.param-year", "value", c.Query("year"))
	}
	if f.Words, err = queryText(c, "q"); err != nil {
		return f, err
	}
	f.Report, f.Domain = strings.TrimSpace(c.Query("report")), strings.TrimSpace(c.Query("domain"))
	if f.Kind, err = corpus.ParseFigureKind(c.Query("kind")); err != nil {
		return f, badRequest("web.param-kind", "value", c.Query("kind"))
	}
	if p := c.FullPath(); p != pathTrack && p != pathAPITrack {
		return f, nil // place and verdict select tracked targets only
	}
	if f.Verdict, err = corpus.ParseVerdict(strings.TrimSpace(c.Query("verdict"))); err != nil {
		return f, badRequest("web.param-verdict", "value", c.Query("verdict"), "verdicts", verdictChoices())
	}
	f.Places = distinctValues(c.QueryArray("place"))
	if len(f.Places) > maxPlaces {
		return f, badRequest("web.param-places", "max", maxPlaces)
	}
	return f, nil
}

// maxPlaces bounds the places one tracking request names.
const maxPlaces = 20

func (f listFilter) figureFilter() search.FigureFilter {
	return search.FigureFilter{Report: f.Report, FigureFilter: corpus.FigureFilter{
		Year: f.Year, Kind: f.Kind, Domain: f.Domain, Words: strings.Fields(f.Words),
	}}
}

// A list endpoint's rows: a page of them, or all of them one at a time for
// a download. Each kind of row has both, as a list.
type list[T any] struct {
	page  func(context.Context, listFilter, search.Page) ([]T, int, error)
	each  func(context.Context, listFilter, func(T) error) error
	table corpus.Table[T] // the columns of a download
	sheet string          // a spreadsheet's sheet name
}

func (s *Server) figureList() list[*corpus.Figure] {
	return list[*corpus.Figure]{
		page: func(ctx context.Context, f listFilter, p search.Page) ([]*corpus.Figure, int, error) {
			return s.cfg.Index.Figures(ctx, f.figureFilter(), p)
		},
		each: func(ctx context.Context, f listFilter, visit func(*corpus.Figure) error) error {
			return s.cfg.Index.EachFigure(ctx, f.figureFilter(), visit)
		},
		table: corpus.FigureTable, sheet: "数据",
	}
}

func (f listFilter) commitmentFilter() search.CommitmentFilter {
	return search.CommitmentFilter{Report: f.Report, CommitmentFilter: corpus.CommitmentFilter{
		Year: f.Year, Domain: f.Domain, Words: strings.Fields(f.Words),
	}}
}

func (s *Server) commitmentList() list[*corpus.Commitment] {
	return list[*corpus.Commitment]{
		page: func(ctx context.Context, f listFilter, p search.Page) ([]*corpus.Commitment, int, error) {
			return s.cfg.Index.Commitments(ctx, f.commitmentFilter(), p)
		},
		each: func(ctx context.Context, f listFilter, visit func(*corpus.Commitment) error) error {
			return s.cfg.Index.EachCommitment(ctx, f.commitmentFilter(), visit)
		},
		table: corpus.CommitmentTable, sheet: "承诺",
	}
}

// comparisonList lists the target/result pairs that pass the filter (its
// kind aside: a pair holds both); the report filter keeps the pairs whose
// target is in that report.
func (s *Server) comparisonList() list[corpus.Comparison] {
	return list[corpus.Comparison]{
		page: func(ctx context.Context, f listFilter, p search.Page) ([]corpus.Comparison, int, error) {
			return s.cfg.Index.Comparisons(ctx, f.figureFilter(), p)
		},
		each: func(ctx context.Context, f listFilter, visit func(corpus.Comparison) error) error {
			return s.cfg.Index.EachComparison(ctx, f.figureFilter(), visit)
		},
		table: corpus.ComparisonTable, sheet: "目标与上年对比",
	}
}

func (f listFilter) trackFilter() search.TrackFilter {
	return search.TrackFilter{Places: f.Places, TrackFilter: corpus.TrackFilter{
		Year: f.Year, Verdict: f.Verdict, Domain: f.Domain, Words: strings.Fields(f.Words),
	}}
}

// trackList lists the tracked targets of the places chosen (all when none)
// that pass the filter.
func (s *Server) trackList() list[corpus.Tracked] {
	// A place the index does not know is the request's fault (classify).
	badPlace := func(err error) error { return err }
	return list[corpus.Tracked]{
		page: func(ctx context.Context, f listFilter, p search.Page) ([]corpus.Tracked, int, error) {
			rows, total, err := s.cfg.Index.Tracked(ctx, f.trackFilter(), p)
			return rows, total, badPlace(err)
		},
		each: func(ctx context.Context, f listFilter, visit func(corpus.Tracked) error) error {
			return badPlace(s.cfg.Index.EachTracked(ctx, f.trackFilter(), visit))
		},
		table: corpus.TrackedTable, sheet: "目标跟踪",
	}
}

// Pages of a list endpoint.
const (
	defaultListLimit = 100
	maxListLimit     = 1000
	maxListOffset    = 1_000_000
)

// readPage reads offset and limit.
func readPage(c *gin.Context) (search.Page, error) {
	offset, err := queryInt(c, "offset", 0, 0, maxListOffset)
	if err != nil {
		return search.Page{}, err
	}
	limit, err := queryInt(c, "limit", defaultListLimit, 1, maxListLimit)
	return search.Page{Offset: offset, Limit: limit}, err
}
