package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"reportsearch/search"
)

// TestAPISuggest: suggestions for a prefix come as JSON with counts, at
// most limit of them; a bad limit is a 400; an empty q suggests nothing;
// HEAD is answered.
func TestAPISuggest(t *testing.T) {
	f := setup(t)
	rec := f.get(t, "/api/suggest?q="+url.QueryEscape(suggestPrefix)+"&limit=5")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	got := decode[struct {
		Query       string              `json:"query"`
		Suggestions []search.Suggestion `json:"suggestions"`
	}](t, rec)
	if got.Query != suggestPrefix || len(got.Suggestions) != 5 {
		t.Fatalf("got %+v", got)
	}
	for _, s := range got.Suggestions {
		if !strings.Contains(s.Text, suggestPrefix) || s.Paragraphs < 1 || s.Query == "" {
			t.Errorf("suggestion %+v", s)
		}
	}
	if rec := f.get(t, "/api/suggest?q=x&limit=99"); rec.Code != http.StatusBadRequest {
		t.Errorf("limit=99: status %d", rec.Code)
	}
	if rec := f.get(t, "/api/suggest?q="); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"suggestions":[]`) {
		t.Errorf("empty q: %d %s", rec.Code, rec.Body)
	}
	req, _ := http.NewRequest(http.MethodHead, "/api/suggest?q=a", nil)
	hrec := httptest.NewRecorder()
	f.server.ServeHTTP(hrec, req)
	if hrec.Code != http.StatusOK {
		t.Errorf("HEAD: status %d", hrec.Code)
	}
}

// TestAPISearchDidYouMean: /api/search carries did_you_mean for a typo of
// a real term, and none for the term itself.
func TestAPISearchDidYouMean(t *testing.T) {
	f := setup(t)
	typo, term := perturbedTerm(t, f.engine)
	res := decode[search.Result](t, f.get(t, "/api/search?q="+url.QueryEscape(typo)))
	if res.DidYouMean == nil || res.DidYouMean.Query != term {
		t.Errorf("%s: did_you_mean %+v, want %s", typo, res.DidYouMean, term)
	}
	res = decode[search.Result](t, f.get(t, "/api/search?q="+url.QueryEscape(term)))
	if res.DidYouMean != nil || res.Total == 0 {
		t.Errorf("%s: %d hits, did_you_mean %+v", term, res.Total, res.DidYouMean)
	}
}
