package search

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// regions knows which indexed reports speak for which place, so that a
// question or a region: filter naming 广东, 上城区 or 海拉尔 is answered from
// that place's reports.
type regions struct {
	names   []string            // every name, longest first
	reports map[string][]string // name → report IDs, in index order
	full    map[string]string   // name → the region as one name: 上城 → 杭州市上城区
	of      map[string]string   // report ID → its region as one name
	// unplaced are the reports whose place is not known (no issuer,
	// meeting or title names it): they may speak for any place.
	unplaced []string
}

func newRegions(entries []indexer.ReportEntry) *regions {
	g := &regions{reports: map[string][]string{}, full: map[string]string{}, of: map[string]string{}}
	// Reports of one place may name it more or less fully (海拉尔区人民政府,
	// 呼伦贝尔市海拉尔区第十五届人民代表大会): they are one region, known by
	// its fullest name.
	fullest := map[string]corpus.Region{} // own division → the longest chain
	for _, r := range entries {
		if len(r.Region) == 0 {
			continue
		}
		own := r.Region[len(r.Region)-1]
		if len(r.Region) > len(fullest[own]) {
			fullest[own] = r.Region
		}
	}
	for _, r := range entries {
		if len(r.Region) == 0 {
			g.unplaced = append(g.unplaced, r.ID)
			continue
		}
		place := fullest[r.Region[len(r.Region)-1]]
		g.of[r.ID] = place.String()
		for _, n := range append(place.Names(), r.Region.Names()...) {
			if _, seen := g.full[n]; !seen {
				g.names = append(g.names, n)
				g.full[n] = place.String()
			}
			if !slices.Contains(g.reports[n], r.ID) {
				g.reports[n] = append(g.reports[n], r.ID)
			}
		}
	}
	slices.SortStableFunc(g.names, func(a, b string) int { return len(b) - len(a) })
	return g
}

// reportsOf returns the reports of the region a name names, or nil.
func (g *regions) reportsOf(name string) []string {
	return g.reports[name]
}

// facet counts matches by region from their counts by report: the region
// facet, whose values a region: filter takes.
func (g *regions) facet(byReport []FacetValue) []FacetValue {
	counts := map[string]int{}
	for _, v := range byReport {
		if r, ok := g.of[v.Value]; ok {
			counts[r] += v.Count
		}
	}
	out := make([]FacetValue, 0, len(counts))
	for r, n := range counts {
		out = append(out, FacetValue{Value: r, Count: n})
	}
	sortFacet(out)
	return out
}

// scoped keeps a query to the documents of the given reports (all when
// reports is nil) without changing their scores.
func scoped(q query.Query, reports []string) query.Query {
	if reports == nil {
		return q
	}
	bq := query.NewBooleanQuery([]query.Query{q}, nil, nil)
	bq.AddFilter(scopeQuery(reports))
	return bq
}

// scopeQuery selects the documents of the given reports.
func scopeQuery(reports []string) query.Query {
	if len(reports) == 0 {
		return query.NewMatchNoneQuery()
	}
	var any []query.Query
	for _, id := range reports {
		any = append(any, termQuery(indexer.FieldReport, id))
	}
	return query.NewDisjunctionQuery(any)
}

// questionRegion is the place a question asks about.
type questionRegion struct {
	Name    string   // as the question writes it: 广东
	Full    string   // as the reports know it: 广东省; empty for a place no report speaks for
	Reports []string // the reports that speak for it, or may: those of unknown place too
	Rest    string   // the question without the name
	Generic bool     // the name is 全国 or 中国, which may also be part of a word
}

var (
	// reQuestionLead may come before the place a question names: a year.
	reQuestionLead = regexp.MustCompile(`^(?:(?:19|20)\d{2}年(?:度)?)?`)
	// reNamedDivision is a place written with its level (宁波市, 余杭区)
	// that is followed by a year or 的, so that it is read as a place and
	// not as the start of a word (市场, 区域).
	reNamedDivision = regexp.MustCompile(`^(\p{Han}{1,8}?(?:特别行政区|自治区|自治州|省|市|区|县|旗))(?:[0-9的]|今年|去年|明年)`)
	// genericRegionNames name the whole country, but also begin words
	// (全国文明城区, 中国式现代化).
	genericRegionNames = []string{corpus.National, "中国"}
)

// provinceNames are each province's full and short name (广东省, 广东).
var provinceNames = func() [][2]string {
	var out [][2]string
	for _, p := range corpus.Provinces() {
		out = append(out, [2]string{p, corpus.ShortRegionName(p)})
	}
	return out
}()

// inQuestion finds the place a question names at its start (after an
// optional year): 广东2026年…, 2023年上城区…, 海拉尔区的…, with the reports
// that speak for it and those whose place is unknown. A place that no
// indexed report speaks for is returned with only the latter when it is one
// of China's provinces or is written with its level and then a year
// (宁波市2023年), so that the question is not answered from another place's
// report.
func (g *regions) inQuestion(q string) questionRegion {
	lead := reQuestionLead.FindString(q)
	after := q[len(lead):]
	for _, n := range g.names {
		if !strings.HasPrefix(after, n) {
			continue
		}
		return questionRegion{Name: n, Full: g.full[n], Reports: g.withUnplaced(g.reports[n]), Rest: lead + after[len(n):],
			Generic: slices.Contains(genericRegionNames, n)}
	}
	// 国家 names the country only before a year or 的 (国家2021年…), since
	// it begins so many words (国家高新技术企业).
	if rest, ok := strings.CutPrefix(after, "国家"); ok {
		if next, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune("0123456789的今去明", next) {
			if reports := g.reports[corpus.National]; len(reports) > 0 {
				return questionRegion{Name: "国家", Full: corpus.National, Reports: g.withUnplaced(reports), Rest: lead + rest, Generic: true}
			}
		}
	}
	for _, names := range provinceNames {
		for i, n := range names {
			rest, ok := strings.CutPrefix(after, n)
			if !ok {
				continue
			}
			next, _ := utf8.DecodeRuneInString(rest)
			if i == 0 || strings.ContainsRune("0123456789的全今去明", next) || strings.HasPrefix(rest, "地区") {
				return questionRegion{Name: n, Reports: g.withUnplaced(nil), Rest: lead + rest}
			}
		}
	}
	if m := reNamedDivision.FindStringSubmatch(after); m != nil && !corpus.IsGenericPlace(m[1]) {
		return questionRegion{Name: m[1], Reports: g.withUnplaced(nil), Rest: lead + after[len(m[1]):]}
	}
	return questionRegion{Rest: q}
}

// withUnplaced adds the reports of unknown place to a place's reports.
func (g *regions) withUnplaced(reports []string) []string {
	return append(slices.Clone(reports), g.unplaced...)
}
