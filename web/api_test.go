package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/query"
	"reportsearch/search"
)

func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decoding %s: %v", rec.Body.String(), err)
	}
	return v
}

func q(path string, kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return path + "?" + v.Encode()
}

type apiError struct {
	Error  string `json:"error"`
	Detail string `json:"detail"`
}

func wantError(t *testing.T, rec *httptest.ResponseRecorder, status int, detail string) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d: %s", rec.Code, status, rec.Body.String())
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q, want JSON", ct)
	}
	e := decode[apiError](t, rec)
	if e.Error == "" || !strings.Contains(e.Detail, detail) {
		t.Errorf("error %+v, want a detail containing %q", e, detail)
	}
}

func TestHealth(t *testing.T) {
	f := setup(t)
	rec := f.get(t, "/healthz")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	h := decode[struct {
		Status     string
		Reports    int
		Paragraphs int
	}](t, rec)
	if h.Status != "ok" || h.Reports != 3 || h.Paragraphs != len(f.reports.paragraphs) || h.Paragraphs == 0 {
		t.Errorf("health %+v", h)
	}
}

func TestAPISearchIsTheEngineResult(t *testing.T) {
	f := setup(t)
	rec := f.get(t, q("/api/search", "q", "楼宇经济", "size", "5"))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	got := decode[search.Result](t, rec)
	want, err := f.engine.Search(context.Background(), search.Request{Query: query.Words("楼宇经济"), Size: 5})
	if err != nil {
		t.Fatal(err)
	}
	if got.Total == 0 || got.Total != want.Total || len(got.Hits) != len(want.Hits) {
		t.Fatalf("API total %d hits %d, engine total %d hits %d", got.Total, len(got.Hits), want.Total, len(want.Hits))
	}
	for i := range got.Hits {
		if got.Hits[i].ID != want.Hits[i].ID {
			t.Errorf("hit %d: API %s, engine %s", i, got.Hits[i].ID, want.Hits[i].ID)
		}
		if got.Hits[i].Match == search.MatchLiteral && !strings.Contains(got.Hits[i].Text, "楼宇经济") {
			t.Errorf("literal hit %s lacks the query", got.Hits[i].ID)
		}
	}
	if len(got.Facets["report"]) == 0 || len(got.Facets["year"]) == 0 {
		t.Errorf("facets missing: %v", got.Facets)
	}
}

func TestAPISearchFilters(t *testing.T) {
	f := setup(t)
	all := decode[search.Result](t, f.get(t, q("/api/search", "q", "建设", "size", "100")))
	filtered := decode[search.Result](t, f.get(t, q("/api/search", "q", "建设", "size", "100", "year", "2023", "kind", "target")))
	if filtered.Total == 0 || filtered.Total >= all.Total {
		t.Fatalf("year+kind filter: %d of %d", filtered.Total, all.Total)
	}
	for _, h := range filtered.Hits {
		if h.Year != 2023 || h.Kind != "target" {
			t.Errorf("hit %s: year %d kind %s", h.ID, h.Year, h.Kind)
		}
	}
	byReport := decode[search.Result](t, f.get(t, q("/api/search", "q", "建设", "report", f.defaultR.ID)))
	for _, h := range byReport.Hits {
		if h.Report != f.defaultR.ID {
			t.Errorf("report filter let %s through", h.ID)
		}
	}
	// A filter alone, without words, lists what it selects.
	if r := decode[search.Result](t, f.get(t, q("/api/search", "domain", "教育"))); r.Total == 0 {
		t.Error("domain:教育 alone found nothing")
	}
}

func TestAPISearchBadInput(t *testing.T) {
	f := setup(t)
	for _, tc := range []struct {
		target string
		detail string
	}{
		{q("/api/search", "q", "OR 养老"), "OR 要大写，写在两个词之间"},
		{q("/api/search", "q", "year:abc 教育"), "year"},
		{q("/api/search", "q", "color:red"), "“color”不是筛选字段"},
		{q("/api/search", "q", strings.Repeat("经", query.MaxQueryLength+1)), "最多 256 个"},
		{q("/api/search", "q", "教育", "size", "0"), "size"},
		{q("/api/search", "q", "教育", "page", "x"), "page"},
		{q("/api/search", "q", "教育", "year", "二〇二三"), "year"},
		{q("/api/search", "q", "教育", "figure", ">abc"), "figure"},
		{q("/api/search", "q", "教育", "kind", "bogus"), "kind"},
		{"/api/search?q=x" + distinctYears(maxValuesPerFilter+1), "最多 10 个"},
		{q("/api/search", "q", "教育", "domain", strings.Repeat("教", 100)), "最多 128 字节"},
		{"/api/search?q=x&domain=%ff", "不是有效的文字"},
	} {
		t.Run(tc.target, func(t *testing.T) { wantError(t, f.get(t, tc.target), http.StatusBadRequest, tc.detail) })
	}
	wantError(t, f.get(t, q("/api/ask", "q", "")), http.StatusBadRequest, "没有输入问题")
}

func TestAPIAsk(t *testing.T) {
	f := setup(t)
	rec := f.get(t, q("/api/ask", "q", "2022年城镇新增就业多少人？"))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	a := decode[ask.Answer](t, rec)
	if !a.Found || a.Answer == "" || a.Citation == nil {
		t.Fatalf("answer %+v", a)
	}
	// The cited paragraph exists and states the answer.
	p := decode[paragraphView](t, f.get(t, "/api/paragraphs/"+a.Citation.ID))
	if !strings.Contains(p.Text, a.Answer) {
		t.Errorf("cited paragraph %s does not contain %q", a.Citation.ID, a.Answer)
	}
	none := decode[ask.Answer](t, f.get(t, q("/api/ask", "q", "2031年上城区的出生人口是多少？")))
	if none.Found {
		t.Errorf("an unanswerable question was answered: %q", none.Answer)
	}
}

func TestAPIParagraph(t *testing.T) {
	f := setup(t)
	var ids []string
	for p := range f.defaultR.Paragraphs() {
		ids = append(ids, p.ID)
	}
	id := ids[len(ids)/2]
	rec := f.get(t, "/api/paragraphs/"+id)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	v := decode[paragraphView](t, rec)
	want := f.defaultR.Paragraph(id)
	if v.ID != id || v.Text != want.Text || len(v.Figures) != len(want.Figures) || len(v.Headings) == 0 {
		t.Fatalf("paragraph %+v", v)
	}
	if v.Prev != ids[len(ids)/2-1] || v.Next != ids[len(ids)/2+1] {
		t.Errorf("prev %s next %s, want %s and %s", v.Prev, v.Next, ids[len(ids)/2-1], ids[len(ids)/2+1])
	}
	c := v.Citation
	if !strings.Contains(c.Cite, f.defaultR.Title) || c.Markdown == "" || c.GBT7714 == "" || c.Permalink != "/p/"+id {
		t.Errorf("citation %+v", c)
	}
	first := decode[paragraphView](t, f.get(t, "/api/paragraphs/"+ids[0]))
	if first.Prev != "" || first.Next != ids[1] {
		t.Errorf("first paragraph: prev %q next %q", first.Prev, first.Next)
	}
	wantError(t, f.get(t, "/api/paragraphs/"+f.defaultR.ID+"/9.9.9/p1"), http.StatusNotFound, "9.9.9")
}

func TestAPIFigures(t *testing.T) {
	f := setup(t)
	rec := f.get(t, q("/api/figures", "year", "2023", "kind", "target", "report", f.defaultR.ID))
	got := decode[struct {
		Total   int
		Figures []*corpus.Figure
	}](t, rec)
	want := corpus.SelectFigures([]*corpus.Report{f.defaultR}, corpus.FigureFilter{Year: 2023, Kind: corpus.FigureTarget})
	if got.Total == 0 || got.Total != len(want) || len(got.Figures) != got.Total {
		t.Fatalf("figures: total %d, %d listed, want %d", got.Total, len(got.Figures), len(want))
	}
	for _, fig := range got.Figures {
		if fig.Year != 2023 || fig.Kind != corpus.FigureTarget || !strings.HasPrefix(fig.ParagraphID, f.defaultR.ID+"/") {
			t.Errorf("figure %s: year %d kind %s", fig.ID, fig.Year, fig.Kind)
		}
	}
	rec = f.get(t, q("/api/figures", "year", "2023", "kind", "target", "report", f.defaultR.ID, "format", "csv"))
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Fatalf("Content-Type %q", ct)
	}
	if !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Error("CSV is not a download")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(rec.Body.Bytes(), []byte("\uFEFF")))).ReadAll()
	if err != nil || len(rows) != got.Total+1 {
		t.Errorf("CSV: %d rows (err %v), want %d and a header", len(rows), err, got.Total)
	}
	wantError(t, f.get(t, q("/api/figures", "year", "next")), http.StatusBadRequest, "year")
	wantError(t, f.get(t, q("/api/figures", "kind", "wish")), http.StatusBadRequest, "kind")
}

func TestAPICommitmentsAndComparisons(t *testing.T) {
	f := setup(t)
	got := decode[struct {
		Total       int
		Commitments []*corpus.Commitment
	}](t, f.get(t, q("/api/commitments", "domain", "教育")))
	if got.Total == 0 {
		t.Fatal("no education commitments")
	}
	for _, c := range got.Commitments {
		if !slices.Contains(c.Domains, "教育") {
			t.Errorf("commitment %s domains %v", c.ID, c.Domains)
		}
	}
	cmp := decode[struct {
		Total       int
		Comparisons []corpus.Comparison
	}](t, f.get(t, q("/api/comparisons", "report", f.defaultR.ID)))
	if cmp.Total == 0 {
		t.Fatal("no comparisons in the default report")
	}
	for _, c := range cmp.Comparisons {
		if c.Target.Year != c.Result.Year+1 {
			t.Errorf("comparison %s: target %d result %d", c.Indicator, c.Target.Year, c.Result.Year)
		}
	}
}

func TestAPIReports(t *testing.T) {
	f := setup(t)
	got := decode[struct{ Reports []reportView }](t, f.get(t, "/api/reports"))
	if len(got.Reports) != 3 || got.Reports[0].ID != f.defaultR.ID || got.Reports[0].Figures == 0 || got.Reports[0].Paragraphs == 0 {
		t.Errorf("reports %+v", got.Reports)
	}
}

// TestOpenAPIListsEveryRoute keeps the OpenAPI document in step with the
// routes: every API route is documented, and nothing else is.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	f := setup(t)
	doc := decode[struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}](t, f.get(t, "/api/openapi.json"))
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for p := range doc.Paths {
		documented[p] = true
	}
	for _, r := range f.server.router.Routes() {
		if !strings.HasPrefix(r.Path, "/api/") || r.Path == "/api/openapi.json" || r.Method == http.MethodHead {
			continue // HEAD is answered wherever GET is (docs/api.md)
		}
		p := strings.Replace(r.Path, "*id", "{id}", 1)
		if !documented[p] {
			t.Errorf("route %s %s is not in openapi.json", r.Method, r.Path)
		}
		delete(documented, p)
	}
	delete(documented, "/healthz")
	for p := range documented {
		t.Errorf("openapi.json documents %s, which is not a route", p)
	}
}

func TestSecurityHeadersAndStatic(t *testing.T) {
	f := setup(t)
	for _, target := range []string{"/", "/api/reports", "/static/style.css", "/nowhere"} {
		rec := f.get(t, target)
		h := rec.Header()
		if !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") || h.Get("X-Content-Type-Options") != "nosniff" ||
			h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: security headers missing: %v", target, h)
		}
	}
	if rec := f.get(t, "/static/app.js"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "clipboard") {
		t.Errorf("app.js: %d", rec.Code)
	}
	for _, target := range []string{"/static/", "/static", "/static/..", "/static/nothing.css"} {
		if rec := f.get(t, target); rec.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404: %.200s", target, rec.Code, rec.Body.String())
		}
	}
	for _, target := range []string{"/static/../server.go", "/static/%2e%2e/server.go", "/static/templates/layout.html", "/server.go", "/static/"} {
		rec := f.get(t, target)
		if rec.Code == http.StatusOK && (strings.Contains(rec.Body.String(), "package web") || strings.Contains(rec.Body.String(), "{{define")) {
			t.Errorf("%s served a file outside the static assets", target)
		}
	}
	rec := httptest.NewRecorder()
	f.server.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/search?q=x", nil))
	wantError(t, rec, http.StatusMethodNotAllowed, "POST")
	wantError(t, f.get(t, "/api/nothing"), http.StatusNotFound, "/api/nothing")
}

// slowSearcher is the real engine behind a delay, to see the request
// timeout cut a request short.
type slowSearcher struct{ Index }

func (s slowSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-time.After(5 * time.Second):
		return s.Index.Search(ctx, req)
	}
}

func TestRequestTimeout(t *testing.T) {
	f := setup(t)
	srv, err := New(Config{Index: slowSearcher{f.engine}, Asker: f.asker, Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, q("/api/search", "q", "教育"), nil))
	wantError(t, rec, http.StatusServiceUnavailable, "处理时间过长")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("timed out after %v", d)
	}
}

func TestDuplicateFiltersCountOnce(t *testing.T) {
	f := setup(t)
	once := decode[search.Result](t, f.get(t, q("/api/search", "q", "建设", "year", "2023")))
	twice := decode[search.Result](t, f.get(t, "/api/search?q="+url.QueryEscape("建设")+"&year=2023&year=2023&year=+2023+"))
	if once.Total == 0 || once.Total != twice.Total {
		t.Errorf("year=2023 once: %d, repeated: %d", once.Total, twice.Total)
	}
}

func TestHeadHealth(t *testing.T) {
	f := setup(t)
	rec := httptest.NewRecorder()
	f.server.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("HEAD /healthz: %d", rec.Code)
	}
}

// panicSearcher is the real engine with a search that panics, to see the
// server answer 500 and log the request.
type panicSearcher struct{ Index }

func (panicSearcher) Search(context.Context, search.Request) (*search.Result, error) { panic("boom") }

func TestPanicIsA500AndLogged(t *testing.T) {
	f := setup(t)
	var logs bytes.Buffer
	srv, err := New(Config{Index: panicSearcher{f.engine}, Asker: f.asker, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, q("/api/search", "q", "教育"), nil)
	req.Header.Set("X-Forwarded-For", "6.6.6.6")
	srv.ServeHTTP(rec, req)
	wantError(t, rec, http.StatusInternalServerError, "服务器处理这个请求时出错")
	for _, want := range []string{"msg=panic", "value=boom", "stack=", "msg=request", "status=500"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("logs lack %q:\n%s", want, logs.String())
		}
	}
	if strings.Contains(logs.String(), "6.6.6.6") {
		t.Error("the log trusted X-Forwarded-For")
	}
}

// distinctYears is n year filters, all different.
func distinctYears(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "&year=%d", 2001+i)
	}
	return b.String()
}
