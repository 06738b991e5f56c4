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
	reports map[string][]string // name → the reports of the places it names; none for a parent
	full    map[string]string   // name → the place as one name: 上城 → 杭州市上城区; "" for a parent
	of      map[string]string   // report ID → its place as one name
	// unplaced are the reports whose place is not known (no issuer,
	// meeting or title names it).
	unplaced []string
}

// place is one region and the reports that speak for it.
type place struct {
	region  corpus.Region
	reports []string
}

func newRegions(entries []indexer.ReportEntry) *regions {
	g := &regions{reports: map[string][]string{}, full: map[string]string{}, of: map[string]string{}}
	// Reports of one place may name it more or less fully (海拉尔区人民政府,
	// 呼伦贝尔市海拉尔区第十五届人民代表大会): they are one place, known by
	// its fullest name. Places of one name in different cities (北京市朝阳区,
	// 长春市朝阳区) are not.
	var places []*place
	for _, r := range entries {
		if len(r.Region) == 0 {
			g.unplaced = append(g.unplaced, r.ID)
			continue
		}
		i := slices.IndexFunc(places, func(p *place) bool { return sameDivision(p.region, r.Region) })
		if i < 0 {
			places = append(places, &place{region: r.Region})
			i = len(places) - 1
		}
		if len(r.Region) > len(places[i].region) {
			places[i].region = r.Region
		}
		places[i].reports = append(places[i].reports, r.ID)
	}
	add := func(name, full string, reports []string) {
		if _, seen := g.full[name]; !seen {
			g.names = append(g.names, name)
			g.full[name] = full
		} else if full != "" && g.full[name] != full && !strings.Contains(g.full[name], full) {
			g.full[name] = strings.TrimPrefix(g.full[name]+"、"+full, "、") // 朝阳区: 北京市朝阳区、长春市朝阳区
		}
		g.reports[name] = append(g.reports[name], reports...)
	}
	for _, p := range places {
		for _, id := range p.reports {
			g.of[id] = p.region.String()
		}
		for _, n := range p.region.Names() {
			add(n, p.region.String(), p.reports)
		}
	}
	// A larger division of an indexed place (杭州市 of 杭州市上城区) is a
	// place with no report of its own: the district's figures do not answer
	// for the city.
	for _, p := range places {
		for _, parent := range p.region[:len(p.region)-1] {
			if _, known := g.full[parent]; !known {
				add(parent, "", nil)
			}
		}
	}
	slices.SortStableFunc(g.names, func(a, b string) int { return len(b) - len(a) })
	return g
}

// sameDivision reports whether two regions are one place: the same division,
// one chain the end of the other ([海拉尔区] and [呼伦贝尔市 海拉尔区]).
func sameDivision(a, b corpus.Region) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return slices.Equal(a[len(a)-len(b):], b)
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
	Reports []string // the reports that speak for it
	Rest    string   // the question without the name
	Generic bool     // the name is 全国 or 中国, which may also be part of a word
	// Term marks a province's short name that the question may use as the
	// start of a term (北京冬奥会, 上海合作组织) rather than as a place.
	Term bool
}

var (
	// reQuestionLead may come before the place a question names: 请问, a
	// year, 今年.
	reQuestionLead = regexp.MustCompile(`^(?:请问)?(?:(?:(?:19|20)\d{2}|[一二〇○零][一二三四五六七八九〇○零]{3})年(?:度)?|今年|去年|明年|前年)?`)
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

// inQuestion finds the place a question names at its start (after 请问, a
// year or 今年): 广东2026年…, 2023年上城区…, 海拉尔区的…, with the reports
// that speak for it. A place that no indexed report speaks for is returned
// with none when it is a larger division of an indexed place (杭州市), one
// of China's provinces, or written with its level and then a year
// (宁波市2023年), so that the question is not answered from another place's
// report.
func (g *regions) inQuestion(q string) questionRegion {
	lead := reQuestionLead.FindString(q)
	after := q[len(lead):]
	for _, n := range g.names {
		if !strings.HasPrefix(after, n) {
			continue
		}
		return questionRegion{Name: n, Full: g.full[n], Reports: g.reports[n], Rest: lead + after[len(n):],
			Generic: slices.Contains(genericRegionNames, n)}
	}
	// 国家 names the country only before a year or 的 (国家2021年…), since
	// it begins so many words (国家高新技术企业).
	if rest, ok := strings.CutPrefix(after, "国家"); ok {
		if next, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune("0123456789的今去明", next) {
			if reports := g.reports[corpus.National]; len(reports) > 0 {
				return questionRegion{Name: "国家", Full: corpus.National, Reports: reports, Rest: lead + rest, Generic: true}
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
				return questionRegion{Name: n, Rest: lead + rest}
			}
			if rest != "" {
				// 北京城镇新增就业… names Beijing; 北京冬奥会… may not: Ask
				// decides by whether the reports write the name and what
				// follows it as one term.
				return questionRegion{Name: n, Rest: lead + rest, Term: true}
			}
		}
	}
	// A place written with its level and then a year or 的 (宁波市2023年…,
	// 余杭区的…), not a word that ends like one (社区的…, 自贸区2023年…).
	if name, rest := corpus.PlaceAt(after); name != "" && reYearAfterPlace.MatchString(rest) {
		return questionRegion{Name: name, Rest: lead + rest}
	}
	// An indexed place later in the question, written with its level
	// (2023年城镇新增就业上城区完成多少) or before 是多少, 的 or a year
	// (城镇新增就业广东是多少); not a short name inside a word (美丽上城).
	for _, n := range g.names {
		i := strings.Index(after, n)
		if i <= 0 || g.full[n] == "" || slices.Contains(genericRegionNames, n) {
			continue
		}
		rest := after[i+len(n):]
		if corpus.ShortRegionName(n) != n || reAfterLatePlace.MatchString(rest) {
			return questionRegion{Name: n, Full: g.full[n], Reports: g.reports[n], Rest: lead + after[:i] + rest}
		}
	}
	return questionRegion{Rest: q}
}

// reAfterLatePlace may follow a place's short name later in a question.
var reAfterLatePlace = regexp.MustCompile(`^(?:是|的|今年|去年|明年|(?:19|20)\d{2}|[？?]|$)`)

// reYearAfterPlace is a year or 的 right after a place in a question.
var reYearAfterPlace = regexp.MustCompile(`^(?:(?:19|20)\d{2}年|今年|去年|明年|的)`)

// otherPlace returns an indexed place, other than full, that text names,
// as named and as the reports know it, or "".
func (g *regions) otherPlace(text, full string) (name, other string) {
	for _, n := range g.names {
		if f := g.full[n]; f != "" && f != full && !slices.Contains(genericRegionNames, n) && strings.Contains(text, n) &&
			utf8.RuneCountInString(n) >= 2 {
			return n, f
		}
	}
	return "", ""
}

// placeOfUnplaced gives each report whose place could not be read the
// indexed place its text names most (驻马店 in a report that says only
// 我代表市人民政府), if it names that place in more paragraphs than any other,
// and in two at least. The country (全国) is named by every report and is
// never inferred. count returns, for names of a place, the number of
// paragraphs of each report that has one.
func (g *regions) placeOfUnplaced(count func(names []string) (map[string]int, error)) error {
	if len(g.unplaced) == 0 {
		return nil
	}
	byPlace := map[string][]string{} // place → its names
	var places []string
	for _, n := range g.names {
		if f := g.full[n]; f != "" && f != corpus.National && !strings.Contains(f, "、") {
			if _, ok := byPlace[f]; !ok {
				places = append(places, f)
			}
			byPlace[f] = append(byPlace[f], n)
		}
	}
	best := map[string]string{} // report → place
	most, second := map[string]int{}, map[string]int{}
	for _, f := range places {
		counts, err := count(byPlace[f])
		if err != nil {
			return err
		}
		for report, c := range counts {
			switch {
			case c > most[report]:
				second[report], most[report], best[report] = most[report], c, f
			case c > second[report]:
				second[report] = c
			}
		}
	}
	var still []string
	for _, id := range g.unplaced {
		f := best[id]
		if f == "" || most[id] < 2 || most[id] == second[id] {
			still = append(still, id)
			continue
		}
		g.of[id] = f
		for _, n := range g.names {
			if g.full[n] == f {
				g.reports[n] = append(g.reports[n], id)
			}
		}
	}
	g.unplaced = still
	return nil
}
