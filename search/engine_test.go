package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"reportsearch/corpus"
	"reportsearch/internal/testindex"
	"reportsearch/query"
)

// engines opens each shared test index once for the package's tests.
var engines sync.Map // testindex.Set → func() (*Engine, error)

// mustEngineOf opens the shared index of a set of reports (see testindex).
func mustEngineOf(t testing.TB, set testindex.Set) *Engine {
	t.Helper()
	root := testindex.Root(t, set)
	open, _ := engines.LoadOrStore(set, sync.OnceValues(func() (*Engine, error) { return Open(root) }))
	e, err := open.(func() (*Engine, error))()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// mustEngine serves the embedded report; mustMultiEngine it and every test
// report: 17 reports of 9 places.
func mustEngine(t testing.TB) *Engine      { return mustEngineOf(t, testindex.Default) }
func mustMultiEngine(t testing.TB) *Engine { return mustEngineOf(t, testindex.Multi) }

// parse parses a query the test writes.
func parse(t testing.TB, q string) *query.Query {
	t.Helper()
	parsed, err := query.Parse(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return parsed
}

// TestUnknownAbbreviation: a term the segmenter cuts into characters (社零,
// 固投) does not match every paragraph that has those characters as words;
// its synonyms find what it means.
func TestUnknownAbbreviation(t *testing.T) {
	e := mustMultiEngine(t)
	for q, means := range map[string]string{"社零": "社会消费品零售总额", "固投": "固定资产投资"} {
		res, err := e.Search(context.Background(), Request{Query: parse(t, q), Size: MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total < 10 {
			t.Errorf("%s: %d hits", q, res.Total)
		}
		for _, h := range res.Hits {
			if !strings.Contains(h.Text, q) && !strings.Contains(h.Text, means) {
				t.Errorf("%s: hit %s (%s) has neither %s nor %s: %.60s", q, h.ID, h.Match, q, means, h.Text)
			}
		}
	}
}

// TestYearWord: a year in a query is met by a paragraph about that year,
// which says 今年 rather than the year.
func TestYearWord(t *testing.T) {
	e := mustMultiEngine(t)
	res, err := e.Search(context.Background(), Request{Query: parse(t, "2026年GDP增长目标"), Size: MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	places := map[string]bool{}
	for _, h := range res.Hits {
		if h.Year != 2026 && !strings.Contains(h.Text, "2026") {
			t.Errorf("hit %s of %d without 2026", h.ID, h.Year)
		}
		places[h.Report] = true
	}
	if len(places) < 3 {
		t.Errorf("2026年GDP增长目标: hits of %d reports, want the 2026 targets of several", len(places))
	}
}

func TestSearchTiersAndSnippets(t *testing.T) {
	e := mustEngine(t)
	ctx := context.Background()
	res, err := e.Search(ctx, Request{Query: parse(t, "加装电梯")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Hits) != 2 {
		t.Fatalf("加装电梯: %d hits", res.Total)
	}
	for _, h := range res.Hits {
		if h.Match != MatchLiteral || len(h.Snippets) == 0 {
			t.Errorf("hit %s: match %s, %d snippets", h.ID, h.Match, len(h.Snippets))
		}
		for _, s := range h.Snippets {
			for _, m := range s.Matches {
				if m[0] < 0 || m[1] > len(s.Text) || s.Text[m[0]:m[1]] != "加装电梯" {
					t.Errorf("snippet %q: match %v", s.Text, m)
				}
			}
		}
	}
	// Words, not the literal string: 经济增长目标 is not in the text.
	res, err = e.Search(ctx, Request{Query: parse(t, "经济增长目标")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || res.Hits[0].Match != MatchWords {
		t.Errorf("经济增长目标: %d hits, first %+v", res.Total, res.Hits)
	}
	// A synonym: GDP is not in the text, 地区生产总值 is.
	res, err = e.Search(ctx, Request{Query: parse(t, "GDP")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || res.Hits[0].Match != MatchSynonym || len(res.Expanded) == 0 || !strings.Contains(res.Hits[0].Text, "地区生产总值") {
		t.Errorf("GDP: %d hits, expanded %v", res.Total, res.Expanded)
	}
}

func TestFiltersAndFacets(t *testing.T) {
	e := mustEngine(t)
	ctx := context.Background()
	all, err := e.Search(ctx, Request{Query: parse(t, "建设")})
	if err != nil {
		t.Fatal(err)
	}
	y2023, err := e.Search(ctx, Request{Query: parse(t, "建设 year:2023")})
	if err != nil {
		t.Fatal(err)
	}
	count := func(r *Result, facet, value string) int {
		for _, v := range r.Facets[facet] {
			if v.Value == value {
				return v.Count
			}
		}
		return 0
	}
	if y2023.Total == 0 || y2023.Total != count(all, "year", "2023") || count(y2023, "year", "2022") != 0 {
		t.Errorf("year filter: %d of %d; facet 2023=%d", y2023.Total, all.Total, count(all, "year", "2023"))
	}
	for _, h := range y2023.Hits {
		if h.Year != 2023 {
			t.Errorf("year:2023 returned %s of %d", h.ID, h.Year)
		}
	}
	part4, err := e.Search(ctx, Request{Query: parse(t, "建设"), Filters: []query.Filter{mustFilter(t, "part", "4")}})
	if err != nil {
		t.Fatal(err)
	}
	if part4.Total != count(all, "part", "四") {
		t.Errorf("part:4 gave %d, facet 四 says %d", part4.Total, count(all, "part", "四"))
	}
	lifts, err := e.Search(ctx, Request{Query: parse(t, "unit:台 figure:>100")})
	if err != nil {
		t.Fatal(err)
	}
	if lifts.Total != 1 || !strings.Contains(lifts.Hits[0].Text, "加装电梯127台") {
		t.Errorf("unit:台 figure:>100: %d hits", lifts.Total)
	}
	money, err := e.Search(ctx, Request{Query: parse(t, "figure:>1000亿元")})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range money.Hits {
		if !strings.Contains(h.Text, "2525亿元") && !strings.Contains(h.Text, "1.2万亿元") && !strings.Contains(h.Text, "1860亿元") && !strings.Contains(h.Text, "1069亿元") {
			t.Errorf("figure:>1000亿元 returned %s", h.ID)
		}
	}
	if money.Total < 2 {
		t.Errorf("figure:>1000亿元: %d hits", money.Total)
	}
	// An exclusion removes some of the matches, not all.
	with, err := e.Search(ctx, Request{Query: parse(t, "建设")})
	if err != nil {
		t.Fatal(err)
	}
	without, err := e.Search(ctx, Request{Query: parse(t, "建设 -亚运")})
	if err != nil {
		t.Fatal(err)
	}
	if without.Total == 0 || without.Total >= with.Total {
		t.Errorf("建设: %d hits, 建设 -亚运: %d", with.Total, without.Total)
	}
	for _, h := range without.Hits {
		if strings.Contains(h.Text, "亚运") {
			t.Errorf("exclusion let through %s", h.ID)
		}
	}
	// Figure clauses in different units may be met by different figures of
	// a paragraph; in one unit they describe one figure.
	both, err := e.Search(ctx, Request{Query: parse(t, "figure:>100亿元 figure:<50%")})
	if err != nil || both.Total == 0 {
		t.Errorf("figure:>100亿元 figure:<50%%: %v, %d hits", err, both.Total)
	}
	one, err := e.Search(ctx, Request{Query: parse(t, "unit:台 figure:<100")})
	if err != nil || one.Total != 1 || !strings.Contains(one.Hits[0].Text, "加装电梯80台") {
		t.Errorf("unit:台 figure:<100: %v, %+v", err, one)
	}
	k, err := e.Search(ctx, Request{Filters: []query.Filter{mustFilter(t, "kind", "目标")}})
	if err != nil || k.Total == 0 || k.Hits[0].Kind != "target" {
		t.Errorf("kind 目标 as a filter: %v, %d hits", err, k.Total)
	}
	if _, err := e.Search(ctx, Request{}); err != query.ErrEmptyQuery {
		t.Errorf("an empty request: %v, want ErrEmptyQuery", err)
	}
}

func mustFilter(t testing.TB, field, value string) query.Filter {
	t.Helper()
	f, err := query.ParseFilter(field, value)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestPaginationIsStable(t *testing.T) {
	e := mustEngine(t)
	ctx := context.Background()
	full, err := e.Search(ctx, Request{Query: parse(t, "建设"), Size: 50})
	if err != nil {
		t.Fatal(err)
	}
	var paged []string
	for page := 1; ; page++ {
		r, err := e.Search(ctx, Request{Query: parse(t, "建设"), Size: 7, Page: page})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 {
			break
		}
		for _, h := range r.Hits {
			paged = append(paged, h.ID)
		}
	}
	if len(paged) != len(full.Hits) {
		t.Fatalf("%d paged hits, %d in one page", len(paged), len(full.Hits))
	}
	for i := range paged {
		if paged[i] != full.Hits[i].ID {
			t.Fatalf("hit %d: %s paged, %s in one page", i, paged[i], full.Hits[i].ID)
		}
	}
}

func TestParagraph(t *testing.T) {
	e := mustEngine(t)
	ctx := context.Background()
	p, err := e.Paragraph(ctx, "shangcheng-2022-plan-report/2.3.1/p1")
	if err != nil {
		t.Fatal(err)
	}
	r, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := r.Paragraph(p.ID)
	if p.Text != want.Text || p.Locator != "第二部分（三）1." || p.Report != r.ID || len(p.Figures) != len(want.Figures) ||
		!slices.Equal(p.Headings, []string{"二、2022年国民经济和社会发展情况", "（三）规建并重强功能，城区品质迭代升级", "1.城区空间更新发展"}) {
		t.Errorf("paragraph %+v", p)
	}
	for i, f := range p.Figures {
		if f.ID != want.Figures[i].ID || f.Text != want.Figures[i].Text {
			t.Errorf("figure %d: %s %s, want %s %s", i, f.ID, f.Text, want.Figures[i].ID, want.Figures[i].Text)
		}
	}
	var ids []string
	for q := range r.Paragraphs() {
		ids = append(ids, q.ID)
	}
	i := slices.Index(ids, p.ID)
	if p.Prev != ids[i-1] || p.Next != ids[i+1] {
		t.Errorf("prev %s next %s, want %s %s", p.Prev, p.Next, ids[i-1], ids[i+1])
	}
	if _, err := e.Paragraph(ctx, "no/such/p1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown ID: %v", err)
	}
	pre, err := e.Paragraph(ctx, "shangcheng-2022-plan-report/p1")
	if err != nil || pre.Locator != "开篇" || pre.Prev != "" {
		t.Errorf("preamble %+v %v", pre, err)
	}
}

// TestNeverNothingWhenWordsOccur: a query whose words occur in the report,
// though never together, returns the paragraphs that have some of them.
func TestNeverNothingWhenWordsOccur(t *testing.T) {
	e := mustEngine(t)
	res, err := e.Search(context.Background(), Request{Query: parse(t, "德寿宫 电梯")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Fatal("nothing for words that occur in the report")
	}
	for _, h := range res.Hits {
		if h.Match != MatchPartial || !strings.Contains(h.Text, "德寿宫") && !strings.Contains(h.Text, "电梯") {
			t.Errorf("hit %s: %s", h.ID, h.Match)
		}
	}
	none, err := e.Search(context.Background(), Request{Query: parse(t, "量子计算机")})
	if err != nil || none.Total != 0 {
		t.Errorf("a query with no word in the report: %d hits, %v", none.Total, err)
	}
}

// TestFacetsMatchBleve checks the facets counted from candidates' stored
// fields against bleve's counts of the facet keys of the same matches.
func TestFacetsMatchBleve(t *testing.T) {
	e := mustEngine(t)
	ctx := context.Background()
	for _, q := range []string{"建设", "domain:教育", "发展 year:2022", "养老 OR 托育"} {
		res, err := e.Search(ctx, Request{Query: parse(t, q)})
		if err != nil {
			t.Fatal(err)
		}
		parsed := parse(t, q)
		bq, err := e.bleveQuery(ctx, parsed, e.plan(parsed))
		if err != nil {
			t.Fatal(err)
		}
		counts, err := e.countMatches(ctx, bq)
		if err != nil {
			t.Fatal(err)
		}
		if counts.total != res.Total {
			t.Errorf("%q: total %d, counted by facet key %d", q, res.Total, counts.total)
		}
		for name := range facets {
			want := counts.facets.values(name, maxFacetValues)
			if name == "report" {
				e.labelReportFacet(want)
			}
			if got := res.Facets[name]; !slices.Equal(got, want) {
				t.Errorf("%q facet %s: %v, counted by facet key %v", q, name, got, want)
			}
		}
	}
}

// engineFor builds an index of one report text and opens it.
func engineFor(t *testing.T, text string) *Engine {
	t.Helper()
	return engineForReports(t, map[string]string{"report.txt": text})
}

// engineForReports builds an index of report texts by file name and opens it.
func engineForReports(t *testing.T, texts map[string]string) *Engine {
	t.Helper()
	e, err := Open(testindex.ForTexts(t, texts))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// TestTiersAgreeWithTheIndex: what the character view matches literally is
// labelled literal, however the text is spaced or cased.
func TestTiersAgreeWithTheIndex(t *testing.T) {
	e := engineFor(t, "一、2022年工作回顾\n细颗粒物（PM 2.5）浓度下降，ΑΒΓ指数上升。\n二、2023年主要任务\n推进城市大脑2.0建设。\n")
	for _, q := range []string{"PM2.5", `"PM2.5"`, "αβγ", "pm 2.5"} {
		res, err := e.Search(context.Background(), Request{Query: parse(t, q)})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 || res.Hits[0].Match != MatchLiteral {
			t.Errorf("%s: %d hits, %+v", q, res.Total, res.Hits)
		}
	}
	// Partial matches ignore one-character words and bare numbers inside
	// a term.
	for _, q := range []string{"火星的", "火星2"} {
		res, err := e.Search(context.Background(), Request{Query: parse(t, q)})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 0 {
			t.Errorf("%s matched %d paragraphs through 的 or 2", q, res.Total)
		}
	}
}
