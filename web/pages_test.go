package web

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"reportsearch/corpus"
	"reportsearch/query"
	"reportsearch/search"
)

func wantPage(t *testing.T, f *fixture, target string, status int, contains ...string) string {
	t.Helper()
	rec := f.get(t, target)
	body := rec.Body.String()
	if rec.Code != status {
		t.Fatalf("%s: status %d, want %d: %.300s", target, rec.Code, status, body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("%s: Content-Type %q", target, ct)
	}
	for _, s := range contains {
		if !strings.Contains(body, s) {
			t.Errorf("%s: the page lacks %q", target, s)
		}
	}
	return body
}

func TestHomeListsReportsAndDomains(t *testing.T) {
	f := setup(t)
	body := wantPage(t, f, "/", http.StatusOK, f.defaultR.Title, `href="/?domain=`)
	if n := strings.Count(body, `<a href="/?report=`); n != 3 {
		t.Errorf("home lists %d reports, want 3", n)
	}
}

func TestSearchPage(t *testing.T) {
	f := setup(t)
	body := wantPage(t, f, q("/", "q", "楼宇经济"), http.StatusOK,
		"<mark>楼宇经济</mark>", `class="copy cite-copy"`, `class="basket-add"`, `data-facet="year"`, `data-facet="domain"`, `value="楼宇经济"`)
	if n := strings.Count(body, `<li class="hit"`); n == 0 {
		t.Fatal("no hits shown")
	}
	// A facet link narrows the search and marks itself active.
	link := regexp.MustCompile(`data-facet="year">\s*<h2>[^<]*</h2>\s*<ul><li><a href="([^"]+)"`).FindStringSubmatch(body)
	if link == nil {
		t.Fatal("no year facet link")
	}
	target := strings.ReplaceAll(link[1], "&amp;", "&")
	narrowed := wantPage(t, f, target, http.StatusOK, `class="active"`, "✕", `<input type="hidden" name="year"`)
	if total(t, narrowed) > total(t, body) {
		t.Errorf("a facet widened the result: %d > %d", total(t, narrowed), total(t, body))
	}
}

// TestSearchPageRegionFacet: with reports of several places the sidebar
// counts matches by place, and a place's link keeps the search to its
// reports; a search within one place shows no region facet.
func TestSearchPageRegionFacet(t *testing.T) {
	f := setup(t)
	body := wantPage(t, f, q("/", "q", "发展"), http.StatusOK, `data-facet="region"`, "全国", "杭州市上城区")
	link := regexp.MustCompile(`<a href="(/\?[^"]*region=[^"]+)"`).FindStringSubmatch(body)
	if link == nil {
		t.Fatal("no region facet link")
	}
	narrowed := wantPage(t, f, strings.ReplaceAll(link[1], "&amp;", "&"), http.StatusOK, `<input type="hidden" name="region"`)
	if total(t, narrowed) >= total(t, body) {
		t.Errorf("a region did not narrow the result: %d of %d", total(t, narrowed), total(t, body))
	}
	within := wantPage(t, f, q("/", "q", "发展", "report", f.defaultR.ID), http.StatusOK)
	if strings.Contains(within, `data-facet="region"`) {
		t.Error("a search within one report shows a region facet")
	}
}

// TestSearchPageUnindexedPlace: a question about a place with no report
// says so instead of answering with another place's figure.
func TestSearchPageUnindexedPlace(t *testing.T) {
	f := setup(t)
	body := wantPage(t, f, q("/", "q", "北京2024年地区生产总值增长目标是多少？"), http.StatusOK, "已索引的报告中没有北京的报告")
	if strings.Contains(body, `class="figure-answer"`) {
		t.Error("a figure is given for a place without a report")
	}
}

// TestSearchPageSeveralPlaces: a question that names no place, answered
// by figures of several places, says which place the answer is of.
func TestSearchPageSeveralPlaces(t *testing.T) {
	f := setup(t)
	body := wantPage(t, f, q("/", "q", "城镇新增就业多少人"), http.StatusOK, `class="figure-answer"`, "个地区的报告都有相符的数字", "全国")
	// Each place with its own figure, a row each: 全国's 1186万人 and
	// 上城区's 3.4万人, with a citation of its report.
	table := regexp.MustCompile(`(?s)<table class="data by-place">.*?</table>`).FindString(body)
	rows := regexp.MustCompile(`(?s)<tr><td>([^<]+)</td><td class="num">([^<]+)</td>.*?<a href="/p/([^"/]+)/`).FindAllStringSubmatch(table, -1)
	if len(rows) != 2 {
		t.Fatalf("%d rows in the table of places: %s", len(rows), table)
	}
	for _, r := range rows {
		report := f.reports.report(r[3])
		if report == nil || !strings.HasSuffix(report.Region.String(), r[1]) || r[2] == "" {
			t.Errorf("row %s %s cites report %s", r[1], r[2], r[3])
		}
	}
	body = wantPage(t, f, q("/", "q", "全国城镇新增就业多少人"), http.StatusOK, `class="figure-answer"`)
	if strings.Contains(body, "个地区的报告都有相符的数字") || strings.Contains(body, "by-place") {
		t.Error("a question that names its place is told to name one")
	}
}

// TestSearchPageAnswerOfAPlace: below the answer to a question that names
// a place, the paragraphs are that place's.
func TestSearchPageAnswerOfAPlace(t *testing.T) {
	f := setup(t)
	body := wantPage(t, f, q("/", "q", "全国2020年城镇新增就业多少人？"), http.StatusOK, `class="figure-answer"`, "全国的报告中包含")
	ids := regexp.MustCompile(`<li class="hit" data-id="([^"/]+)/`).FindAllStringSubmatch(body, -1)
	if len(ids) == 0 {
		t.Fatal("no hits below the answer")
	}
	for _, id := range ids {
		if r := f.reports.report(id[1]); r == nil || r.Region.String() != corpus.National {
			t.Errorf("hit of report %s below an answer about 全国", id[1])
		}
	}
}

func TestSearchPagePaginates(t *testing.T) {
	f := setup(t)
	body := wantPage(t, f, q("/", "q", "发展"), http.StatusOK, `rel="next"`)
	page2 := wantPage(t, f, q("/", "q", "发展", "page", "2"), http.StatusOK, `rel="prev"`)
	first := regexp.MustCompile(`<li class="hit" data-id="([^"]+)"`)
	a, b := first.FindStringSubmatch(body), first.FindStringSubmatch(page2)
	if a == nil || b == nil || a[1] == b[1] {
		t.Errorf("page 2 starts like page 1: %v %v", a, b)
	}
}

func TestSearchPageAnswersQuestions(t *testing.T) {
	f := setup(t)
	wantPage(t, f, q("/", "q", "2022年城镇新增就业多少人？"), http.StatusOK, `id="answer"`, `class="figure-answer"`, "<mark>", "复制引用")
	wantPage(t, f, q("/", "q", "2031年上城区的出生人口是多少？"), http.StatusOK, `id="answer"`, "没有找到确切答案")
	for _, keywords := range []string{"楼宇经济", "几代人", "几乎"} {
		if body := wantPage(t, f, q("/", "q", keywords), http.StatusOK); strings.Contains(body, `id="answer"`) {
			t.Errorf("%s got an answer card", keywords)
		}
	}
	// Below a question with no answer, the hits are for what was typed.
	body := wantPage(t, f, q("/", "q", "2031年上城区的出生人口是多少？"), http.StatusOK)
	if strings.Contains(body, "包含“") {
		t.Error("an unanswered question searched an indicator instead of the question")
	}
}

func TestSearchPagePastTheEnd(t *testing.T) {
	f := setup(t)
	body := wantPage(t, f, q("/", "q", "发展", "page", "500"), http.StatusOK, "回到最后一页")
	if strings.Contains(body, "page=499") {
		t.Error("the previous-page link points past the end")
	}
}

func TestSearchPageBadQuery(t *testing.T) {
	f := setup(t)
	wantPage(t, f, q("/", "q", "color:red"), http.StatusBadRequest, "查询有误", "“color”不是筛选字段")
	wantPage(t, f, q("/", "q", "教育", "year", "abc"), http.StatusBadRequest, "year")
	wantPage(t, f, "/nowhere", http.StatusNotFound, "404", "未找到")
}

func TestParagraphPage(t *testing.T) {
	f := setup(t)
	var withFigures *corpus.Paragraph
	for p := range f.defaultR.Paragraphs() {
		if len(p.Figures) > 1 {
			withFigures = p
			break
		}
	}
	e := f.reports.paragraph(withFigures.ID)
	body := wantPage(t, f, "/p/"+withFigures.ID, http.StatusOK,
		"GB/T 7714", "Markdown", `href="/p/`+e.Prev+`"`, `href="/p/`+e.Next+`"`, "<mark>"+withFigures.Figures[0].Text+"</mark>",
		`class="permalink" href="/p/`+withFigures.ID+`"`, "](http://example.com/p/"+withFigures.ID+")")
	var part string // the heading of the part the paragraph is in
	for _, sec := range f.defaultR.Sections {
		if strings.HasPrefix(withFigures.SectionID+".", sec.ID+".") {
			part = sec.Label + sec.Title
		}
	}
	if part == "" || !strings.Contains(body, part) {
		t.Errorf("no heading path %q", part)
	}
	wantPage(t, f, "/p/"+f.defaultR.ID+"/9.9/p9", http.StatusNotFound, "9.9/p9")
}

func TestListPages(t *testing.T) {
	f := setup(t)
	figs := corpus.SelectFigures(f.reports.all, corpus.FigureFilter{Year: 2023})
	body := wantPage(t, f, q("/figures", "year", "2023"), http.StatusOK, "下载 CSV", `/api/figures?format=csv&amp;year=2023`)
	if got := total(t, body); got != len(figs) {
		t.Errorf("figures page total %d, want %d", got, len(figs))
	}
	if n := strings.Count(body, `<tr><td class="indicator"`); n != min(len(figs), maxRows) {
		t.Errorf("figures page shows %d rows, want %d", n, len(figs))
	}
	cs := corpus.SelectCommitments(f.reports.all, corpus.CommitmentFilter{})
	body = wantPage(t, f, "/commitments", http.StatusOK, "commitment-group")
	if got := total(t, body); got != len(cs) {
		t.Errorf("commitments page total %d, want %d", got, len(cs))
	}
	body = wantPage(t, f, q("/compare", "report", f.defaultR.ID), http.StatusOK, "<svg", `class="bar target"`)
	var cmp []corpus.Comparison // the pairs whose target is the default report's
	for _, c := range corpus.Compare(f.reports.all) {
		if corpus.ReportOfID(c.Target.ParagraphID) == f.defaultR.ID {
			cmp = append(cmp, c)
		}
	}
	if n := strings.Count(body, `<li class="cmp-row">`); n != len(cmp) || n == 0 {
		t.Errorf("chart rows %d, want %d", n, len(cmp))
	}
}

var totalRe = regexp.MustCompile(`id="total">(\d+)<`)

func total(t *testing.T, body string) int {
	t.Helper()
	m := totalRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no total on the page")
	}
	var n int
	fmt.Sscan(m[1], &n)
	return n
}

// TestEveryValueHasALabel: every value the pages label has its label in
// labels.tsv, so none shows as its English name.
func TestEveryValueHasALabel(t *testing.T) {
	sets := map[string][]string{
		"filter":  filterParams,
		"kind":    {string(corpus.KindResult), string(corpus.KindTarget), string(corpus.FigureActual), string(corpus.FigureEstimate), string(corpus.FigureTarget)},
		"measure": {string(corpus.MeasureLevel), string(corpus.MeasureGrowth), string(corpus.MeasureDecline), string(corpus.MeasureRate)},
		"match":   {search.MatchLiteral, search.MatchWords, search.MatchSynonym, search.MatchPartial},
		"error":   {"method not allowed"},
	}
	for _, err := range []error{errBadRequest(""), &query.ParseError{}, query.ErrEmptyQuery, search.ErrNotFound, context.DeadlineExceeded, context.Canceled, errors.New("other")} {
		sets["error"] = append(sets["error"], classify(err).Title)
	}
	for set, values := range sets {
		for _, v := range values {
			if _, ok := labels[set+"."+v]; !ok {
				t.Errorf("%s %q has no label in %s", set, v, labelsFile)
			}
		}
	}
	if got := label("measure", corpus.MeasureGrowth); got != "增长" {
		t.Errorf(`label("measure", growth) = %q`, got)
	}
	if got := label("kind", "unknown"); got != "unknown" {
		t.Errorf(`label("kind", "unknown") = %q, want the value itself`, got)
	}
	f := setup(t)
	wantPage(t, f, q("/figures", "kind", "target"), http.StatusOK, `<option value="target" selected>`)
}

// TestSearchPageGroupedByReport: group=report lists every matching report
// once, with its label and count as the API gives them, and links back to
// the hits; an unknown grouping is a 400.
func TestSearchPageGroupedByReport(t *testing.T) {
	f := setup(t)
	api := decode[search.Result](t, f.get(t, "/api/search?group=report&q="+url.QueryEscape("发展")))
	if len(api.Reports) < 2 {
		t.Fatalf("%d report groups from the API, want several", len(api.Reports))
	}
	rec := f.get(t, "/?group=report&q="+url.QueryEscape("发展"))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	if n := strings.Count(body, `<li class="group"`); n != len(api.Reports) {
		t.Errorf("%d groups on the page, %d from the API", n, len(api.Reports))
	}
	for _, g := range api.Reports {
		if !strings.Contains(body, `data-report="`+g.Report+`"`) || !strings.Contains(body, ">"+html.EscapeString(g.Label)+"</a> <span class=\"count\">"+strconv.Itoa(g.Count)+" 段") {
			t.Errorf("group %s (%s, %d) not shown with its label and count", g.Report, g.Label, g.Count)
		}
	}
	if !strings.Contains(body, `id="grouping">逐段显示`) || strings.Contains(body, `<li class="hit"`) {
		t.Error("the grouped page shows hits, or no link back to them")
	}
	if rec := f.get(t, "/api/search?group=place&q="+url.QueryEscape("发展")); rec.Code != http.StatusBadRequest {
		t.Errorf("group=place: status %d, want 400", rec.Code)
	}
}
