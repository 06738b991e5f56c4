package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// tagRe finds HTML tags in a fragment of a page.
var tagRe = regexp.MustCompile(`</?([a-zA-Z]+)[^>]*>`)

// TestQueryIsEscaped echoes a hostile query on every page that shows it.
func TestQueryIsEscaped(t *testing.T) {
	f := setup(t)
	for _, hostile := range []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `'onmouseover='alert(1)`} {
		for _, target := range []string{q("/", "q", hostile), q("/figures", "q", hostile), q("/commitments", "q", hostile), q("/", "q", hostile+"是多少")} {
			body := f.get(t, target).Body.String()
			if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || strings.Contains(body, "'onmouseover='") {
				t.Errorf("%s: the query came back unescaped", target)
			}
		}
	}
}

// TestReportTextIsEscaped searches a report whose paragraphs contain markup:
// the markup shows as text, and the only tag inside a snippet is <mark>.
func TestReportTextIsEscaped(t *testing.T) {
	f := setup(t)
	body := wantPage(t, f, q("/", "q", "加粗企业"), http.StatusOK, "&lt;b&gt;")
	if strings.Contains(body, "<b>") || strings.Contains(body, "<img src=x") {
		t.Error("report markup reached the page")
	}
	for _, m := range regexp.MustCompile(`(?s)<p class="snippet">(.*?)</p>`).FindAllStringSubmatch(body, -1) {
		for _, tag := range tagRe.FindAllStringSubmatch(m[1], -1) {
			if tag[1] != "mark" {
				t.Errorf("snippet contains <%s>: %s", tag[1], m[1])
			}
		}
	}
	var hostileIDs []string
	for p := range f.reports.report(f.hostile).Paragraphs() {
		hostileIDs = append(hostileIDs, p.ID)
	}
	if len(hostileIDs) < 2 {
		t.Fatalf("hostile report parsed into %d paragraphs", len(hostileIDs))
	}
	for _, target := range []string{"/p/" + hostileIDs[0], "/p/" + hostileIDs[1], q("/figures", "report", f.hostile),
		q("/commitments", "report", f.hostile), q("/compare", "report", f.hostile), q("/", "q", "企业", "report", f.hostile)} {
		body := f.get(t, target).Body.String()
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>加粗") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s: report markup reached the page", target)
		}
		if !strings.Contains(body, "&lt;") {
			t.Errorf("%s: the report's markup is not shown as text", target)
		}
	}
}

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		text  string
		spans [][2]int
		want  string
	}{
		{"甲<b>乙", [][2]int{{0, 3}}, "<mark>甲</mark>&lt;b&gt;乙"},
		{"甲乙丙", [][2]int{{3, 6}, {0, 3}}, "<mark>甲乙</mark>丙"}, // sorted and merged
		{"甲乙丙", [][2]int{{0, 6}, {3, 9}}, "<mark>甲乙丙</mark>"}, // overlapping
		{"甲乙丙", [][2]int{{1, 3}, {6, 99}, {5, 2}}, "甲乙丙"},     // inside a character, out of range, reversed
		{"a&b", nil, "a&amp;b"},
	} {
		if got := string(highlight(tc.text, tc.spans)); got != tc.want {
			t.Errorf("highlight(%q, %v) = %q, want %q", tc.text, tc.spans, got, tc.want)
		}
	}
}
