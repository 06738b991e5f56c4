package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"reportsearch/corpus"
	"reportsearch/corpus/docx"
)

// TestCiteCodeJump: every paragraph of the fixture's reports is reached from
// its citation code, typed into the search box (as shown, or in lower case
// after 引用码) or opened at /c/{code}; a code of no report, or of a
// paragraph that is not there, says so in Chinese; text that only looks
// like a code's start is searched.
func TestCiteCodeJump(t *testing.T) {
	f := setup(t)
	n := 0
	for id := range f.reports.paragraphs {
		code := corpus.CiteCode(id)
		for _, target := range []string{q("/", "q", code), q("/", "q", "引用码 "+strings.ToLower(code)), pathCode + code} {
			rec := f.get(t, target)
			if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != corpus.Permalink(id) {
				t.Errorf("%s: %d → %q, want %s", target, rec.Code, rec.Header().Get("Location"), corpus.Permalink(id))
			}
		}
		n++
	}
	if n < 100 {
		t.Fatalf("%d paragraphs", n)
	}
	report := corpus.ReportCode(f.defaultR.ID)
	for target, want := range map[string]string{
		q("/", "q", "ZZZZZZZZ.1.1"):     "不属于已收录的任何报告",
		q("/", "q", report+".9.9.9.99"): "不在索引中",
		pathCode + "not-a-code":         "不是引用码",
	} {
		rec := f.get(t, target)
		if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("%s: %d, want 404 saying %q: %.300s", target, rec.Code, want, rec.Body.String())
		}
	}
	if rec := f.get(t, q("/", "q", "经济")); rec.Code != http.StatusOK {
		t.Errorf("a plain search: %d", rec.Code)
	}
}

// TestBasketDocx posts a basket and reads the .docx back: every item
// numbered in order, with its code and link under it; bad baskets are
// refused in Chinese.
func TestBasketDocx(t *testing.T) {
	f := setup(t)
	items := []basketItem{
		{ID: "a/1/p1", Code: "K7M3Q2XD.1.1", Text: "“甲<b>乙</b>。”（《题名》，第一部分）", Link: "http://h/p/a/1/p1"},
		{ID: "a/2/p1", Text: "“丙 & 丁……”（《题名》，第二部分 第2段）"},
	}
	rec := postJSON(t, f, pathAPIBasketDocx, basketRequest{Items: items})
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != docx.ContentType || !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Fatalf("%d %v: %.300s", rec.Code, rec.Header(), rec.Body.String())
	}
	zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	got, err := docx.Paragraphs(zr)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{BasketTitle, "1.\t" + items[0].Text, "引用码 K7M3Q2XD.1.1 · http://h/p/a/1/p1", "2.\t" + items[1].Text}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the .docx holds %q, want %q", got, want)
	}
	many := make([]basketItem, maxBasketItems+1)
	for i := range many {
		many[i] = basketItem{Text: "甲"}
	}
	for name, body := range map[string]any{
		"empty":    basketRequest{},
		"too many": basketRequest{Items: many},
		"no text":  basketRequest{Items: []basketItem{{ID: "x"}}},
		"not JSON": "{",
	} {
		rec := postJSON(t, f, pathAPIBasketDocx, body)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d", name, rec.Code)
		}
		var e apiError
		if json.Unmarshal(rec.Body.Bytes(), &e) != nil || !strings.Contains(e.Detail, "引用") {
			t.Errorf("%s: %s, want a Chinese detail", name, rec.Body.String())
		}
	}
}

func postJSON(t *testing.T, f *fixture, target string, body any) *httptest.ResponseRecorder {
	t.Helper()
	var data []byte
	if s, ok := body.(string); ok {
		data = []byte(s)
	} else {
		var err error
		if data, err = json.Marshal(body); err != nil {
			t.Fatal(err)
		}
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, target, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	f.server.ServeHTTP(rec, req)
	return rec
}
