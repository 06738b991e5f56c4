package web

import (
	"errors"
	"html/template"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/query"
	"reportsearch/search"
)

// searchPage is the data of the search page.
type searchPage struct {
	layout
	Answer *answerView
	Result *search.Result
	Hits   []hitView
	Facets []facetView
	Active []activeFilter // filters in force, each with a link that removes it
	Pages  []pageLink
	Prev   string
	Next   string
	Err    *httpError // a bad query, shown above the (empty) results
	// QueryNote says what the query was read as when it had an unpaired
	// quote or bracket (query.Query.Note).
	QueryNote string
	ErrLabel  string // what Err is about, when not the query: 引用码有误
	Reports   []reportView
	Domains   []string
	Loaded    loaded       // what the reports add up to, on the home page
	Examples  homeExamples // searches and questions that work on them
	Searched  bool
	Beyond    string // the last page's link, when the page asked for is past it
	// SearchedFor is what the hits below an answer card were searched
	// for: the question's indicator.
	SearchedFor string
	// SearchedIn is the place they were kept to, when the question names one.
	SearchedIn string
	// Groups are the matches by report (group=report), each report's best
	// hit marked; Grouping links to the other view.
	Groups   []groupView
	Grouping groupLink
	// ReadQuery is what the hits' reading-view links mark: the query the
	// hits are of.
	ReadQuery string
	// Correction is 「您要找的是」, when the query found nothing with all
	// its words and a word of it is one character from one of the index
	// (didyoumean.go).
	Correction *correctionView
}

type groupView struct {
	search.ReportGroup
	Best     *hitView
	Filtered string // the search kept to this report
}

// groupLink switches between the hits and the hits by report.
type groupLink struct {
	URL     string
	Grouped bool
}

type hitView struct {
	search.Hit
	Snippets []template.HTML
}

// newHitView marks a hit's matches in its snippets.
func newHitView(h search.Hit) hitView {
	hv := hitView{Hit: h}
	for _, sn := range h.Snippets {
		hv.Snippets = append(hv.Snippets, highlight(sn.Text, sn.Matches))
	}
	return hv
}

type facetView struct {
	Name   string
	Label  string
	Values []facetLink
}

type facetLink struct {
	Label  string
	Title  string // the whole label, when Label is a part of it
	Count  int
	URL    string
	Active bool
	// Group is the place a report of the report facet speaks for, shown
	// once above its reports (NewGroup); their Labels then omit it.
	Group    string
	NewGroup bool
}

type activeFilter struct {
	Label string
	URL   string
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

// answerView is Ask's answer with its sentence marked up.
type answerView struct {
	*ask.Answer
	Marked template.HTML // the sentence with the figure marked
	Origin string        // for the citations' absolute links
}

// sidebarFacets are the facets the sidebar shows, in its order; their
// labels are the filter set of labels.tsv.
var sidebarFacets = []string{"year", "kind", "part", "domain", "region", "report"}

// pageSearch is GET /: the search box, and for a query the answer card (for
// a question), the hits, the facets and the pages.
func (s *Server) pageSearch(c *gin.Context) {
	p := searchPage{layout: s.layout(c, "")}
	sp, err := readSearchParams(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	// A citation code typed into the search box opens its paragraph.
	if ref, ok := corpus.ParseCiteCode(sp.Text); ok && len(sp.Filters) == 0 {
		s.jumpToCode(c, ref)
		return
	}
	if sp.Text == "" && len(sp.Filters) == 0 {
		domains, err := s.cfg.Index.Domains(ctx)
		if err != nil {
			s.fail(c, err)
			return
		}
		p.Reports, p.Domains = reportViews(s.cfg.Index.Catalog()), domains
		p.Loaded = loadedTotals(p.Reports)
		p.Examples = s.examples(ctx)
		s.render(c, http.StatusOK, "search", p)
		return
	}
	p.Title, p.Searched = sp.Text, true
	if len(sp.Filters) == 0 && sp.Page == 1 && ask.IsQuestion(sp.Text) {
		a, err := s.cfg.Asker.Ask(ctx, sp.Text)
		if err != nil {
			s.fail(c, err)
			return
		}
		p.Answer = &answerView{Answer: a, Marked: highlightAll(a.Sentence), Origin: p.Origin}
		if a.Found && len(a.Figures) > 0 {
			p.Answer.Marked = highlightAll(a.Sentence, a.Figures[0].Text)
		}
	}
	var req search.Request
	if p.Answer != nil && p.Answer.Found && p.Answer.Frame.Indicator != "" {
		// The paragraphs below an answer are those about what was asked,
		// not those that share the question's function words…
		q := query.Words(p.Answer.Frame.Indicator)
		p.SearchedFor = p.Answer.Frame.Indicator
		// …and of the place the question names, when the answer is of it.
		if region := p.Answer.Frame.Region; region != "" && p.Answer.Citation != nil {
			if r, ok := s.cfg.Index.Catalog().Report(corpus.ReportOfID(p.Answer.Citation.ID)); ok && len(r.Region) > 0 && strings.HasSuffix(region, r.Region[len(r.Region)-1]) {
				q = q.With(query.RegionFilter(region))
				p.SearchedIn = region
			}
		}
		req = search.Request{Query: q, Page: sp.Page, Size: sp.Size}
	} else if req, err = sp.request(); err != nil {
		var pe *query.ParseError
		if p.Answer != nil && (errors.As(err, &pe) || errors.Is(err, query.ErrEmptyQuery)) {
			// A question need not be a valid query: the answer stands alone.
			s.render(c, http.StatusOK, "search", p)
			return
		}
		he := classify(err)
		p.Err = he
		s.render(c, he.Status, "search", p)
		return
	}
	res, err := s.cfg.Index.Search(ctx, req)
	if err != nil {
		s.fail(c, err)
		return
	}
	p.QueryNote = req.Query.Note()
	s.fillResult(c, &p, res, req.Query.String())
	s.render(c, http.StatusOK, "search", p)
}

// fillResult lays out a result; its links carry query, which is the
// indicator rather than the question below an answer.
func (s *Server) fillResult(c *gin.Context, p *searchPage, res *search.Result, query string) {
	p.Result, p.ReadQuery = res, query
	p.Correction = correctionOf(c, p, res)
	for _, h := range res.Hits {
		p.Hits = append(p.Hits, newHitView(h))
	}
	q := c.Request.URL.Query()
	q.Set("q", query)
	p.Grouping = groupLink{Grouped: q.Get("group") == "report"}
	other := cloneValues(q)
	other.Del("page")
	if p.Grouping.Grouped {
		other.Del("group")
	} else {
		other.Set("group", "report")
	}
	p.Grouping.URL = searchURL(other)
	ungrouped := cloneValues(q)
	ungrouped.Del("group")
	for _, g := range res.Reports {
		gv := groupView{ReportGroup: g, Filtered: toggled(ungrouped, "report", g.Report)}
		if g.Best != nil {
			hv := newHitView(*g.Best)
			gv.Best = &hv
		}
		p.Groups = append(p.Groups, gv)
	}
	for _, name := range sidebarFacets {
		fv := facetView{Name: name, Label: label("filter", name)}
		for _, v := range res.Facets[name] {
			active := slices.Contains(q[name], v.Value)
			link := facetLink{
				Label: s.facetValueLabel(name, v.Value), Count: v.Count, Active: active,
				URL: toggled(q, name, v.Value),
			}
			if v.Group != "" {
				link.Title, link.Group = link.Label, v.Group
				link.Label = strings.TrimPrefix(v.Label, v.Group+" · ")
				n := len(fv.Values)
				link.NewGroup = n == 0 || fv.Values[n-1].Group != v.Group
			}
			fv.Values = append(fv.Values, link)
		}
		// One place offers no choice, and the report facet below names it.
		if len(fv.Values) > 0 && !(name == "region" && len(fv.Values) == 1 && !fv.Values[0].Active) {
			p.Facets = append(p.Facets, fv)
		}
	}
	for _, name := range filterParams {
		for _, v := range q[name] {
			if v != "" {
				p.Keep = append(p.Keep, keptFilter{name, v})
				p.Active = append(p.Active, activeFilter{Label: label("filter", name) + "：" + s.facetValueLabel(name, v), URL: toggled(q, name, v)})
			}
		}
	}
	pages := (res.Total + res.Size - 1) / res.Size
	for n := max(1, res.Page-3); n <= min(pages, res.Page+3); n++ {
		p.Pages = append(p.Pages, pageLink{N: n, URL: withPage(q, n), Current: n == res.Page})
	}
	if res.Page > 1 {
		p.Prev = withPage(q, min(res.Page-1, max(pages, 1)))
	}
	if res.Page > pages && pages > 0 {
		p.Beyond = withPage(q, pages) // a stale or edited link: offer the last page
	}
	if res.Page < pages {
		p.Next = withPage(q, res.Page+1)
	}
}

// facetValueLabel is how the sidebar shows a facet value.
func (s *Server) facetValueLabel(name, v string) string {
	switch name {
	case "year":
		return v + "年"
	case "kind":
		return label("kind", v)
	case "part":
		return "第" + v + "部分"
	case "report":
		if l := s.cfg.Index.Catalog().Label(v); l != "" {
			return l
		}
	}
	return v
}

// toggled is the search URL with name=value added, or removed when present;
// the page goes back to 1 because the results change.
func toggled(q url.Values, name, value string) string {
	q2 := cloneValues(q)
	q2.Del("page")
	vs := q2[name]
	if i := slices.Index(vs, value); i >= 0 {
		q2[name] = slices.Delete(slices.Clone(vs), i, i+1)
	} else {
		q2[name] = append(slices.Clone(vs), value)
	}
	return searchURL(q2)
}

func withPage(q url.Values, n int) string {
	q2 := cloneValues(q)
	q2.Set("page", strconv.Itoa(n))
	return searchURL(q2)
}

func cloneValues(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = slices.Clone(v)
	}
	return out
}

// paragraphPage is a paragraph with the paragraphs around it.
type paragraphPage struct {
	layout
	*paragraphView
	Markdown   string        // the Markdown citation with an absolute link
	Text       template.HTML // with its figures marked
	Prev, Next *indexer.Paragraph
}

// pageParagraph is GET /p/{id}: the permalink of a paragraph.
func (s *Server) pageParagraph(c *gin.Context) {
	v, err := s.paragraphView(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	p := paragraphPage{layout: s.layout(c, v.Citation.Locator), paragraphView: v}
	// A citation pasted into a draft leaves this site: its link must be
	// absolute. The host is the one the browser used to reach the page.
	p.Markdown = "> " + v.Text + "\n\n—— " + v.meta.CiteLinked(v.Citation.Locator, origin(c)+corpus.Permalink(v.ID))
	var spans [][2]int
	for _, f := range v.Figures {
		spans = append(spans, [2]int{f.Start, f.End})
	}
	p.Text = highlight(v.Text, spans)
	// The neighbours' text, for the links before and after; one that is
	// gone (an index changed under the page) leaves its link out.
	near, err := s.cfg.Index.Lookup(c.Request.Context(), nonEmpty(v.Prev, v.Next)...)
	if err != nil {
		s.fail(c, err)
		return
	}
	p.Prev, p.Next = near[v.Prev], near[v.Next]
	s.render(c, http.StatusOK, "paragraph", p)
}

// listPage is the frame of the figures, commitments and comparison pages:
// the filter form and its choices.
type listPage struct {
	layout
	Filter  listFilter
	Reports []reportView
	Years   []int
	Domains []string
	CSV     string // the download link for what is shown
}

func (s *Server) listPage(c *gin.Context, title, api string) (listPage, error) {
	f, err := readListFilter(c)
	if err != nil {
		return listPage{}, err
	}
	domains, err := s.cfg.Index.Domains(c.Request.Context())
	if err != nil {
		return listPage{}, err
	}
	cat := s.cfg.Index.Catalog()
	p := listPage{layout: s.layout(c, title), Filter: f, Reports: reportViews(cat), Domains: domains, Years: reportYears(cat)}
	p.CSV = downloadLink(api, c.Request.URL.Query(), "csv")
	return p, nil
}

// maxRows bounds a table on a page; the CSV download has every row.
const maxRows = 1000

type figuresPage struct {
	listPage
	Figures []*corpus.Figure
	Total   int
	// Quotes are the figures' sentences quoted with their sources, by
	// figure ID, for the rows' 「复制引用」 and 「加入引用」.
	Quotes map[string]*corpus.Quotation
}

// pageFigures is GET /figures: the figures table with filters.
func (s *Server) pageFigures(c *gin.Context) {
	lp, err := s.listPage(c, "数据", pathAPIFigures)
	if err != nil {
		s.fail(c, err)
		return
	}
	figs, total, err := s.figureList().page(c.Request.Context(), lp.Filter, search.Page{Limit: maxRows})
	if err != nil {
		s.fail(c, err)
		return
	}
	quotes, err := s.figureQuotes(c.Request.Context(), figs)
	if err != nil {
		s.fail(c, err)
		return
	}
	p := figuresPage{listPage: lp, Figures: figs, Total: total, Quotes: quotes}
	s.render(c, http.StatusOK, "figures", p)
}

type commitmentsPage struct {
	listPage
	Groups []commitmentGroup
	Total  int
	Shown  int
}

type commitmentGroup struct {
	Domain      string
	Commitments []*corpus.Commitment
}

// pageCommitments is GET /commitments: what the reports promise, by domain.
// A commitment is listed under its first domain, so none is shown twice.
func (s *Server) pageCommitments(c *gin.Context) {
	lp, err := s.listPage(c, "承诺", pathAPICommitments)
	if err != nil {
		s.fail(c, err)
		return
	}
	cs, total, err := s.commitmentList().page(c.Request.Context(), lp.Filter, search.Page{Limit: maxRows})
	if err != nil {
		s.fail(c, err)
		return
	}
	p := commitmentsPage{listPage: lp, Total: total, Shown: len(cs)}
	byDomain := map[string][]*corpus.Commitment{}
	for _, cm := range cs {
		d := "综合"
		if lp.Filter.Domain != "" {
			d = lp.Filter.Domain
		} else if len(cm.Domains) > 0 {
			d = cm.Domains[0]
		}
		byDomain[d] = append(byDomain[d], cm)
	}
	order := append(slices.Clone(lp.Domains), "综合")
	for _, d := range order {
		if len(byDomain[d]) > 0 {
			p.Groups = append(p.Groups, commitmentGroup{Domain: d, Commitments: byDomain[d]})
			delete(byDomain, d)
		}
	}
	rest := slices.Sorted(maps.Keys(byDomain)) // domains the taxonomy order does not know
	for _, d := range rest {
		p.Groups = append(p.Groups, commitmentGroup{Domain: d, Commitments: byDomain[d]})
	}
	s.render(c, http.StatusOK, "commitments", p)
}

type comparePage struct {
	listPage
	Chart chart
	Total int
}

// pageCompare is GET /compare: each target beside the result of the year
// before, as a bar chart.
func (s *Server) pageCompare(c *gin.Context) {
	lp, err := s.listPage(c, "目标与完成对比", pathAPIComparisons)
	if err != nil {
		s.fail(c, err)
		return
	}
	cs, total, err := s.comparisonList().page(c.Request.Context(), lp.Filter, search.Page{Limit: maxRows})
	if err != nil {
		s.fail(c, err)
		return
	}
	p := comparePage{listPage: lp, Chart: newChart(cs), Total: total}
	s.render(c, http.StatusOK, "compare", p)
}

// nonEmpty drops the empty strings of ss.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// errorPage shows an error.
type errorPage struct {
	layout
	Err *httpError
}

// trimTitle shortens a long report title for a sidebar.
func trimTitle(s string) string {
	if r := []rune(s); len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return strings.TrimSpace(s)
}

// origin is the scheme and host the client reached the server by.
func origin(c *gin.Context) string {
	scheme := "http"
	if c.Request.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + c.Request.Host
}
