package web

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/internal/messages"
	"reportsearch/query"
	"reportsearch/search"
)

// homeExamples are searches and questions that work on what is loaded. The
// home page shows them so that a first-time user starts from a result, not
// from a blank box and a guess at what the reports contain: they are made
// from the index itself (its most stated indicators, their years, its most
// common unit), and each is run before it is shown.
type homeExamples struct {
	Searches  []exampleLink
	Questions []exampleLink
}

// exampleLink is one example, the search page's link for it, and what it
// shows (是一个筛选, 共12段).
type exampleLink struct {
	Text string
	URL  string
	Note string
}

// How much of the index the examples read: they are made on the first view
// of the home page, so a library of thousands of reports must not make
// that view slow. What is found within the bounds is shown.
const (
	exampleFigures = 20000           // figures read for the statistics
	questionsTried = 40              // questions tried before giving up
	exampleBudget  = 2 * time.Second // for all of it
	examplesShown  = 3               // of each kind
)

// exampleCache holds the examples of the catalog they were made from: a
// library that re-indexes swaps the catalog, and the examples follow.
type exampleCache struct {
	mu      sync.Mutex
	catalog *catalog.Catalog
	ex      homeExamples
}

// examples returns the home page's examples for the index as it is now.
func (s *Server) examples(ctx context.Context) homeExamples {
	c := &s.exampleCache
	cat := s.cfg.Index.Catalog()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.catalog != cat || cat == nil {
		ctx, cancel := context.WithTimeout(ctx, exampleBudget)
		defer cancel()
		ex, err := makeExamples(ctx, s.cfg.Index, s.cfg.Asker)
		if err != nil && ctx.Err() == nil {
			// Examples are a help, never a reason for the home page to
			// fail: without them it is the page it was before.
			s.cfg.Logger.Warn("home page examples", "err", err)
		}
		c.catalog, c.ex = cat, ex
		if ctx.Err() != nil {
			c.catalog = nil // cut short: try again on the next view
		}
	}
	return c.ex
}

// indicatorStats is what the examples know of one indicator.
type indicatorStats struct {
	name    string
	reports map[string]bool
	figures []*corpus.Figure // in index order
}

var errEnough = errors.New("enough figures read")

// makeExamples reads the index's figures, ranks their indicators by how
// many reports state them (then how many figures), and keeps the searches
// and questions on them that give a result.
func makeExamples(ctx context.Context, idx Index, asker Asker) (homeExamples, error) {
	var ex homeExamples
	byName := map[string]*indicatorStats{}
	units := map[string][]float64{} // money levels' values by unit
	read := 0
	err := idx.EachFigure(ctx, search.FigureFilter{}, func(f *corpus.Figure) error {
		if read++; read > exampleFigures {
			return errEnough
		}
		if n := utf8.RuneCountInString(f.Indicator); n < 2 || n > 10 {
			return nil // a fragment or a clause, not an indicator a user types
		}
		st := byName[f.Indicator]
		if st == nil {
			st = &indicatorStats{name: f.Indicator, reports: map[string]bool{}}
			byName[f.Indicator] = st
		}
		st.reports[corpus.ReportOfID(f.ParagraphID)] = true
		st.figures = append(st.figures, f)
		// Money is what a range search is most often about (投资超亿元的项目).
		if f.Measure == corpus.MeasureLevel && f.Low == nil && f.Value > 0 && f.Unit != "" && f.Class == corpus.ClassMoney {
			units[f.Unit] = append(units[f.Unit], f.Value)
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return ex, err
	}
	ranked := slices.SortedFunc(maps.Values(byName), func(a, b *indicatorStats) int {
		return cmp.Or(cmp.Compare(len(b.reports), len(a.reports)), cmp.Compare(len(b.figures), len(a.figures)), strings.Compare(a.name, b.name))
	})
	ex.Searches = exampleSearches(ctx, idx, ranked, units)
	if asker != nil {
		ex.Questions = exampleQuestions(ctx, idx.Catalog(), asker, ranked)
	}
	return ex, ctx.Err()
}

// exampleSearches are three kinds of search, each kept when it finds
// paragraphs: the most stated indicator as words; the next one kept to the
// newest year it is stated for (a filter); and a figure range in the most
// common unit of money, at about the median of its values.
func exampleSearches(ctx context.Context, idx Index, ranked []*indicatorStats, units map[string][]float64) []exampleLink {
	var candidates []string
	for i, st := range ranked {
		if i == 0 {
			candidates = append(candidates, st.name)
			continue
		}
		if year := newestYear(st.figures); year != 0 {
			candidates = append(candidates, st.name+" year:"+strconv.Itoa(year))
			break
		}
	}
	if unit, values := commonUnit(units); unit != "" {
		candidates = append(candidates, "figure:>"+roundDown(median(values))+unit)
	}
	var out []exampleLink
	for _, text := range candidates {
		if len(out) == examplesShown || ctx.Err() != nil {
			break
		}
		q, err := query.Parse(text)
		if err != nil {
			continue
		}
		res, err := idx.Search(ctx, search.Request{Query: q, Size: 1, Snippets: 1})
		if err != nil || res.Total == 0 {
			continue
		}
		out = append(out, exampleLink{Text: text, URL: searchFor("q", text), Note: strconv.Itoa(res.Total) + " 段"})
	}
	return out
}

// exampleQuestions ask, of the most stated indicators, for a level, a
// growth and a target of one year and place, and keep a question when the
// answer is the figure it was made from: an example answered with another
// figure would teach the user the wrong thing.
func exampleQuestions(ctx context.Context, cat *catalog.Catalog, asker Asker, ranked []*indicatorStats) []exampleLink {
	var out []exampleLink
	asked, used := 0, map[string]bool{} // one question per kind of question
	for _, st := range ranked {
		for _, f := range st.figures {
			if len(out) == examplesShown || asked == questionsTried || ctx.Err() != nil {
				return out
			}
			kind := questionKind(f)
			if kind == "" || used[kind] || f.Year == 0 {
				continue
			}
			text := questionFor(kind, f, placeOf(cat, f))
			asked++
			a, err := asker.Ask(ctx, text)
			if err != nil || !a.Found || len(a.Figures) == 0 || a.Figures[0].ID != f.ID {
				continue
			}
			used[kind] = true
			out = append(out, exampleLink{Text: text, URL: searchFor("q", text), Note: a.Answer})
			break // the next question is about another indicator
		}
	}
	return out
}

// questionKind is the message that asks what a question about f asks
// (internal/messages, web.example-*), or "" when f makes no clear question.
func questionKind(f *corpus.Figure) string {
	switch {
	case f.Period != (corpus.Period{}) || f.Low != nil:
		return "" // a five-year total or a range asks a longer question
	case f.Kind == corpus.FigureTarget && f.Measure == corpus.MeasureGrowth:
		return "web.example-target"
	case f.Kind == corpus.FigureActual && f.Measure == corpus.MeasureGrowth:
		return "web.example-growth"
	case f.Kind == corpus.FigureActual && f.Measure == corpus.MeasureLevel:
		return "web.example-level"
	}
	return ""
}

// questionFor writes the question of its kind about f, from its message:
// {place}{year}年{indicator}是多少？
func questionFor(kind string, f *corpus.Figure, place string) string {
	return messages.Say(kind, "place", place, "year", f.Year, "indicator", f.Indicator)
}

// placeOf is the place of f's report as a question names it: the last
// level of its region (上城区), or "" when the report says none.
func placeOf(cat *catalog.Catalog, f *corpus.Figure) string {
	if cat == nil {
		return ""
	}
	r, ok := cat.Report(corpus.ReportOfID(f.ParagraphID))
	if !ok || len(r.Region) == 0 {
		return ""
	}
	return r.Region[len(r.Region)-1]
}

// newestYear is the newest year any of figures is stated for, or 0.
func newestYear(figures []*corpus.Figure) int {
	year := 0
	for _, f := range figures {
		year = max(year, f.Year)
	}
	return year
}

// commonUnit is the unit most level figures are stated in, with their
// values; ties go to the unit that sorts first, so the examples are the
// same on every start.
func commonUnit(units map[string][]float64) (string, []float64) {
	best := ""
	for u, vs := range units {
		if best == "" || len(vs) > len(units[best]) || len(vs) == len(units[best]) && u < best {
			best = u
		}
	}
	return best, units[best]
}

// median of values, which it sorts.
func median(values []float64) float64 {
	slices.Sort(values)
	return values[len(values)/2]
}

// roundDown writes v down to one significant digit (2525 → 2000, 0.37 →
// 0.3): a bound a person would type, below the median so the search finds
// about half the figures.
func roundDown(v float64) string {
	if v <= 0 {
		return "0"
	}
	exp := math.Floor(math.Log10(v))
	scale := math.Pow(10, exp)
	// Written with the digits of its scale: 0.3, not 0.30000000000000004.
	return strconv.FormatFloat(math.Floor(v/scale)*scale, 'f', max(0, int(-exp)), 64)
}
