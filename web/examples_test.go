package web

import (
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"reportsearch/corpus"
	"reportsearch/query"
)

// exampleLinks are the links of a home page section (ex-search, ex-ask):
// their href and text.
func exampleLinks(t *testing.T, page, section string) [][2]string {
	t.Helper()
	start := strings.Index(page, `id="`+section+`"`)
	if start < 0 {
		t.Fatalf("the home page has no %s section", section)
	}
	body := page[start:]
	body = body[:strings.Index(body, "</section>")]
	var out [][2]string
	for _, m := range regexp.MustCompile(`<a href="([^"]+)">(?:<code>)?([^<]+)`).FindAllStringSubmatch(body, -1) {
		out = append(out, [2]string{html.UnescapeString(m[1]), html.UnescapeString(m[2])})
	}
	return out
}

// The home page says what is loaded, and every example search and question
// it shows works: the search finds paragraphs, the question is answered
// with the figure the page says.
func TestHomeExamplesWork(t *testing.T) {
	f := setup(t)
	w := f.get(t, "/")
	if w.Code != http.StatusOK {
		t.Fatalf("GET / = %d", w.Code)
	}
	page := w.Body.String()

	var paragraphs, figures int
	for _, r := range f.engine.Catalog().Reports() {
		paragraphs += r.Paragraphs
		figures += r.Figures
	}
	reports := len(f.engine.Catalog().Reports())
	want := "已收录 <strong>" + strconv.Itoa(reports) + "</strong> 份报告"
	if !strings.Contains(page, want) || !strings.Contains(page, strconv.Itoa(paragraphs)+" 个段落、"+strconv.Itoa(figures)+" 个数据") {
		t.Errorf("the home page does not say what is loaded (%d reports, %d paragraphs, %d figures):\n%s", reports, paragraphs, figures, between(page, `id="loaded"`, "</p>"))
	}
	if !strings.Contains(page, `href="`+pathHelp+`"`) {
		t.Errorf("the home page does not link the syntax help %s", pathHelp)
	}

	searches := exampleLinks(t, page, "ex-search")
	if len(searches) != examplesShown {
		t.Errorf("%d example searches, want %d: %v", len(searches), examplesShown, searches)
	}
	for _, ex := range searches {
		w := f.get(t, ex[0])
		total := between(w.Body.String(), `<strong id="total">`, "</strong>")
		if n, _ := strconv.Atoi(total); w.Code != http.StatusOK || n == 0 {
			t.Errorf("example search %q (%s): status %d, %q paragraphs", ex[1], ex[0], w.Code, total)
		}
	}

	questions := exampleLinks(t, page, "ex-ask")
	if len(questions) < 2 {
		t.Errorf("%d example questions, want at least 2: %v", len(questions), questions)
	}
	for _, ex := range questions {
		a, err := f.asker.Ask(t.Context(), ex[1])
		if err != nil || !a.Found {
			t.Errorf("example question %q is not answered (%v)", ex[1], err)
			continue
		}
		if !strings.Contains(page, ex[1]+`</a> <span class="meta">答：`+a.Answer+"</span>") {
			t.Errorf("example question %q: the page does not show its answer %q", ex[1], a.Answer)
		}
		if w := f.get(t, ex[0]); !strings.Contains(w.Body.String(), `class="answer"`) {
			t.Errorf("example question %q: its link shows no answer card", ex[1])
		}
	}
}

// between is the text of s after the first start and before the next end.
func between(s, start, end string) string {
	_, after, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	before, _, _ := strings.Cut(after, end)
	return before
}

// The help page lists every field the parser accepts under every name it
// accepts, each with an explanation and an example that parses as that
// field.
func TestHelpListsEveryField(t *testing.T) {
	f := setup(t)
	w := f.get(t, pathHelp)
	if w.Code != http.StatusOK {
		t.Fatalf("GET %s = %d", pathHelp, w.Code)
	}
	page := w.Body.String()
	for _, fn := range query.FieldNames() {
		for _, name := range fn.Names {
			if !strings.Contains(page, "<code>"+name+"</code>") {
				t.Errorf("the help page does not name field %s as %q", fn.Field, name)
			}
		}
		if l := label("field", fn.Field); l == string(fn.Field) {
			t.Errorf("field %s has no explanation in labels.tsv (field.%s)", fn.Field, fn.Field)
		}
		ex := label("fieldex", fn.Field)
		q, err := query.Parse(ex)
		if err != nil || len(q.Filters) != 1 || q.Filters[0].Field != fn.Field {
			t.Errorf("field %s: example %q does not parse as one %s filter (%v)", fn.Field, ex, fn.Field, err)
		}
	}
}

func TestRoundDown(t *testing.T) {
	for v, want := range map[float64]string{2525: "2000", 0.37: "0.3", 9.99: "9", 100: "100", 0: "0", 12e4: "100000"} {
		if got := roundDown(v); got != want {
			t.Errorf("roundDown(%v) = %s, want %s", v, got, want)
		}
	}
}

func TestQuestionKind(t *testing.T) {
	low := 5.0
	for _, tc := range []struct {
		f    corpus.Figure
		want string
	}{
		{corpus.Figure{Kind: corpus.FigureActual, Measure: corpus.MeasureLevel}, "web.example-level"},
		{corpus.Figure{Kind: corpus.FigureActual, Measure: corpus.MeasureGrowth}, "web.example-growth"},
		{corpus.Figure{Kind: corpus.FigureTarget, Measure: corpus.MeasureGrowth}, "web.example-target"},
		{corpus.Figure{Kind: corpus.FigureEstimate, Measure: corpus.MeasureLevel}, ""},
		{corpus.Figure{Kind: corpus.FigureTarget, Measure: corpus.MeasureGrowth, Low: &low}, ""},
		{corpus.Figure{Kind: corpus.FigureActual, Measure: corpus.MeasureLevel, Period: corpus.Period{From: 2021, To: 2025}}, ""},
	} {
		if got := questionKind(&tc.f); got != tc.want {
			t.Errorf("questionKind(%s %s) = %q, want %q", tc.f.Kind, tc.f.Measure, got, tc.want)
		}
	}
}
