package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"reportsearch/corpus"
)

// TestReadingViewWholeReport: the reading view shows every paragraph of a
// report, in reading order, each under an anchor that is its ID's tail,
// and every section in the table of contents.
func TestReadingViewWholeReport(t *testing.T) {
	f := setup(t)
	for _, r := range f.reports.all {
		body := wantPage(t, f, readURL(r.ID, "", ""), http.StatusOK, `<nav class="toc"`, html.EscapeString(f.server.cfg.Index.Catalog().Label(r.ID)))
		at := 0
		for p := range r.Paragraphs() {
			anchor := `<p class="para" id="` + html.EscapeString(anchorOf(p.ID)) + `"`
			i := strings.Index(body[at:], anchor)
			if i < 0 {
				t.Fatalf("%s: paragraph %s missing or out of reading order", r.ID, p.ID)
			}
			at += i
			if !strings.Contains(body, `href="`+corpus.Permalink(p.ID)+`"`) {
				t.Errorf("%s: no permalink for %s", r.ID, p.ID)
			}
		}
		var walk func(ss []*corpus.Section)
		walk = func(ss []*corpus.Section) {
			for _, s := range ss {
				if hasParagraphs(s) && !strings.Contains(body, `<li><a href="#`+s.Path+`">`) {
					t.Errorf("%s: section %s (%s) is not in the table of contents", r.ID, s.Path, s.Title)
				}
				walk(s.Sections)
			}
		}
		walk(r.Sections)
		if strings.Contains(body, "<mark>") {
			t.Errorf("%s: marks without a query", r.ID)
		}
	}
	// The report text is escaped here as everywhere.
	body := wantPage(t, f, readURL(f.hostile, "加粗企业", ""), http.StatusOK)
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || !strings.Contains(body, "&lt;b&gt;") {
		t.Error("the hostile report's markup reached the reading view unescaped")
	}
}

func hasParagraphs(s *corpus.Section) bool {
	if len(s.Paragraphs) > 0 {
		return true
	}
	for _, c := range s.Sections {
		if hasParagraphs(c) {
			return true
		}
	}
	return false
}

// TestReadingViewMarksTheQuery: with a query the view marks what the
// search page marks, counts it, and says so for a query without a match.
func TestReadingViewMarksTheQuery(t *testing.T) {
	f := setup(t)
	r := f.defaultR
	body := wantPage(t, f, readURL(r.ID, "经济", ""), http.StatusOK, `class="match-bar"`, "上一处", "下一处")
	marks := regexp.MustCompile(`<mark>([^<]*)</mark>`).FindAllStringSubmatch(body, -1)
	if len(marks) < 5 {
		t.Fatalf("%d marks for 经济", len(marks))
	}
	for _, m := range marks {
		if m[1] != "经济" {
			t.Errorf("marked %q", m[1])
		}
	}
	want := 0
	for p := range r.Paragraphs() {
		want += strings.Count(p.Text, "经济")
	}
	total := regexp.MustCompile(`data-total="(\d+)">共 (\d+) 处`).FindStringSubmatch(body)
	if total == nil || total[1] != total[2] || len(marks) != want || total[1] != strconv.Itoa(want) {
		t.Errorf("count %v, %d marks, %d occurrences of 经济 in the report", total, len(marks), want)
	}
	// A query of another report's words marks nothing, and says so.
	none := wantPage(t, f, readURL(r.ID, "zqxjkw", ""), http.StatusOK, "本报告中没有")
	if strings.Contains(none, "<mark>") || strings.Contains(none, `class="match-bar"`) {
		t.Error("a query without a match left marks or the match bar")
	}
	// A query no paragraph has whole marks the words it has, and says so.
	partial := wantPage(t, f, readURL(r.ID, "经济 zqxjkw", ""), http.StatusOK, "部分词语")
	if !strings.Contains(partial, "<mark>经济</mark>") {
		t.Error("a partial match marks nothing")
	}
	// A query that does not parse reads the report all the same.
	wantPage(t, f, readURL(r.ID, `"经济`, ""), http.StatusOK, `<p class="para"`)
	wantPage(t, f, readURL("no-such-report", "", ""), http.StatusNotFound)
}

// TestReadingViewLinked: the reports list, each search hit and the
// paragraph page link the reading view; a hit's link carries the query and
// the paragraph's anchor.
func TestReadingViewLinked(t *testing.T) {
	f := setup(t)
	wantPage(t, f, "/reports", http.StatusOK, `href="`+readURL(f.defaultR.ID, "", "")+`"`)
	body := wantPage(t, f, q("/", "q", "楼宇经济"), http.StatusOK)
	links := regexp.MustCompile(`<a class="read-link" href="([^"]+)"`).FindAllStringSubmatch(body, -1)
	ids := regexp.MustCompile(`<li class="hit" data-id="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(links) == 0 || len(links) != len(ids) {
		t.Fatalf("%d reading links for %d hits", len(links), len(ids))
	}
	for i, l := range links {
		id := html.UnescapeString(ids[i][1])
		if want := readAt(id, "楼宇经济"); html.UnescapeString(l[1]) != want {
			t.Errorf("hit %s links %s, want %s", id, html.UnescapeString(l[1]), want)
		}
	}
	// The hit's own link, to the paragraph page, carries the query on to
	// that page's reading link (html/template writes %e6 for %E6).
	for _, id := range ids {
		if want := corpus.Permalink(html.UnescapeString(id[1])) + "?q=" + url.QueryEscape("楼宇经济"); !strings.Contains(strings.ToLower(html.UnescapeString(body)), strings.ToLower(`class="locator" href="`+want+`"`)) {
			t.Errorf("hit %s: no locator link %s", id[1], want)
		}
	}
	var first *corpus.Paragraph
	for p := range f.defaultR.Paragraphs() {
		first = p
		break
	}
	page := wantPage(t, f, corpus.Permalink(first.ID)+"?q="+url.QueryEscape("经济"), http.StatusOK, `class="print-cite"`)
	if !strings.Contains(html.UnescapeString(page), `href="`+readAt(first.ID, "经济")+`"`) {
		t.Error("the paragraph page does not link the reading view at the paragraph with the query")
	}
}
