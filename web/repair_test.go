package web

import (
	"html"
	"net/http"
	"strings"
	"testing"

	"reportsearch/query"
	"reportsearch/search"
)

// TestSearchPageUnpairedMarks: a query with an unpaired quote or bracket
// is searched as the user meant it, and the page says how, instead of
// showing an error; the box keeps what was typed.
func TestSearchPageUnpairedMarks(t *testing.T) {
	f := setup(t)
	for _, tc := range []struct{ typed, note, mark string }{
		{`"老旧小区`, `引号未配对，已按 "老旧小区" 搜索`, "老旧小区"},
		{"“数字经济", `引号未配对，已按 "数字经济" 搜索`, "数字经济"},
		{"（养老", "括号未配对，已按 养老 搜索", "养老"},
		{"加装电梯 )", "括号未配对，已按 加装电梯 搜索", "加装电梯"},
	} {
		body := wantPage(t, f, q("/", "q", tc.typed), http.StatusOK,
			`<p class="query-note" role="status">`+html.EscapeString(tc.note)+"</p>",
			"<mark>"+tc.mark+"</mark>", `value="`+html.EscapeString(tc.typed)+`"`)
		if strings.Contains(body, `class="error"`) {
			t.Errorf("%s: the page shows an error", tc.typed)
		}
		if total(t, body) == 0 {
			t.Errorf("%s: nothing found", tc.typed)
		}
	}
	// A query without unpaired marks has no note.
	if body := wantPage(t, f, q("/", "q", "（一）"), http.StatusOK); strings.Contains(body, "query-note") {
		t.Error("a paired bracket got a note")
	}
}

// TestAPISearchUnpairedMarks: /api/search answers such a query with its
// result, the repairs and the note.
func TestAPISearchUnpairedMarks(t *testing.T) {
	f := setup(t)
	rec := f.get(t, q("/api/search", "q", `"老旧小区`))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	r := decode[struct {
		search.Result
		Repairs []query.Repair `json:"repairs"`
		Note    string         `json:"note"`
	}](t, rec)
	if r.Total == 0 || r.Query != `"老旧小区"` {
		t.Errorf("total %d, query %q", r.Total, r.Query)
	}
	if r.Note != `引号未配对，已按 "老旧小区" 搜索` || len(r.Repairs) != 1 || r.Repairs[0] != (query.Repair{Kind: query.RepairQuote, Offset: 0, Mark: `"`}) {
		t.Errorf("note %q, repairs %+v", r.Note, r.Repairs)
	}
	if plain := f.get(t, q("/api/search", "q", "老旧小区")).Body.String(); strings.Contains(plain, `"note"`) || strings.Contains(plain, `"repairs"`) {
		t.Error("a query without repairs has a note or repairs in its JSON")
	}
}
