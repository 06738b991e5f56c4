package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/internal/messages"
	"reportsearch/query"
)

// badParams are the parameters a user can get wrong, each tried on every
// GET route: a page, size, year, offset, limit out of range or not a
// number, values no filter has, the query's mistakes one by one, an empty
// question, text that is not UTF-8, and ids of nothing.
var badParams = []url.Values{
	{"page": {"0"}}, {"page": {"abc"}}, {"size": {"0"}}, {"size": {"100000"}},
	{"year": {"abc"}}, {"year": {"-1"}}, {"year": {"二〇二三"}},
	{"offset": {"-1"}}, {"limit": {"0"}}, {"limit": {"abc"}},
	{"kind": {"wish"}}, {"verdict": {"wish"}}, {"place": {"火星镇"}}, {"group": {"place"}}, {"format": {"pdf"}},
	{"figure": {">abc"}}, {"domain": {"\xff"}}, {"report": {"no-such-report"}},
	{"q": {`"未闭合的引号`}}, {"q": {"yaer:2023 教育"}}, {"q": {"教育 -"}}, {"q": {"OR 托育"}}, {"q": {"托育 OR"}},
	{"q": {"year:"}}, {"q": {"kind:wish"}}, {"q": {"figure:abc"}}, {"q": {"-year:2023 教育"}}, {"q": {`""`}},
	{"q": {"-疫情"}}, {"q": {strings.Repeat("经", query.MaxQueryLength+1)}}, {"q": {""}},
}

// catchAll fills a route's catch-all parameter with something that names
// nothing: a paragraph ID, a citation code, a file.
var catchAll = []string{"no-such-report/9.9.9/p1", "K7M3Q2XD.9.9", "not-a-code", "nothing.css", ""}

// walked is one request of the walk and what it answered.
type walked struct {
	route, target string
	rec           *httptest.ResponseRecorder
}

// TestEveryErrorPathSaysChinese walks every route gin lists (so a new route
// cannot be missed) with a method it does not answer, every bad parameter
// and, for a catch-all route, ids of nothing; then unknown paths, a too
// large body, a bad upload, a timeout and a failing index. Every page and
// every API error's title and detail must be in Chinese: no English
// sentence (englishSentence), and an error says something in Chinese.
func TestEveryErrorPathSaysChinese(t *testing.T) {
	f := setup(t)
	upload, _ := uploadServer(t, 1<<20)
	var all []walked
	do := func(srv *Server, route string, req *http.Request) {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		all = append(all, walked{route, req.Method + " " + req.URL.String(), rec})
	}
	routes := upload.router.Routes()
	if len(routes) < 20 {
		t.Fatalf("gin lists %d routes", len(routes))
	}
	errorsOf := map[string]int{} // route → its answers of 400 and above
	for _, r := range routes {
		key := r.Method + " " + r.Path
		for _, path := range concretePaths(r.Path) {
			// A method the path does not answer.
			for _, m := range []string{http.MethodDelete, http.MethodPut, http.MethodPost, http.MethodGet} {
				if !answers(routes, m, r.Path) {
					do(upload, key, httptest.NewRequest(m, path, nil))
					break
				}
			}
			switch r.Method {
			case http.MethodGet:
				do(upload, key, httptest.NewRequest(http.MethodGet, path, nil))
				for _, p := range badParams {
					do(upload, key, httptest.NewRequest(http.MethodGet, path+"?"+p.Encode(), nil))
				}
			case http.MethodPost:
				do(upload, key, httptest.NewRequest(http.MethodPost, path, strings.NewReader("{not json")))
				do(upload, key, httptest.NewRequest(http.MethodPost, path, bytes.NewReader(make([]byte, 5<<20))))
			}
		}
	}
	// Uploads: bad files, a file too large, no token.
	for _, u := range []struct {
		name  string
		data  []byte
		token string
	}{
		{"报告.txt", []byte("\x00\x01\x02 binary"), "page-token-123"},
		{"报告.txt", []byte("only latin text, no report here"), "page-token-123"},
		{"报告.txt", bytes.Repeat([]byte("经"), 1<<20), "page-token-123"},
		{"报告.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 600)), "page-token-123"},
		{"报告.txt", []byte("关于2023年计划的报告\n\n一、执行情况\n全年增长5%。\n"), ""},
	} {
		for _, path := range []string{pathAPIUpload, pathUpload} {
			all = append(all, walked{"upload", "POST " + path + " " + u.name, post(t, upload, path, u.name, u.data, u.token, nil)})
		}
	}
	// Unknown paths, a wrong host, a URL too long.
	for _, p := range []string{"/nothing", "/api/nothing", "/p/", "/static/", "/api/paragraphs/"} {
		do(upload, "unknown", httptest.NewRequest(http.MethodGet, p, nil))
	}
	long := httptest.NewRequest(http.MethodGet, "/?q="+strings.Repeat("a", maxURLBytes), nil)
	do(upload, "long URL", long)
	// A server that times out and one whose index fails.
	slow, err := New(Config{Index: slowSearcher{f.engine}, Asker: f.asker, Timeout: 20 * time.Millisecond, AllowedHosts: []string{"example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	failing, err := New(Config{Index: panicSearcher{f.engine}, Asker: f.asker})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{q("/", "q", "教育"), q("/api/search", "q", "教育")} {
		req := httptest.NewRequest(http.MethodGet, p, nil)
		req.Host = "example.com"
		do(slow, "timeout", req)
		foreign := httptest.NewRequest(http.MethodGet, p, nil)
		foreign.Host = "rebinding.test"
		do(slow, "unknown host", foreign)
		do(failing, "500", httptest.NewRequest(http.MethodGet, p, nil))
	}

	statuses := map[int]bool{}
	for _, w := range all {
		if w.rec.Code >= 400 {
			errorsOf[w.route]++
			statuses[w.rec.Code] = true
		}
		text, ok := userText(t, w.rec)
		if !ok {
			if w.rec.Code >= 400 {
				t.Errorf("%s: %d with a body of %q that says nothing to a user", w.target, w.rec.Code, w.rec.Header().Get("Content-Type"))
			}
			continue
		}
		if s := messages.EnglishSentence(text); s != "" {
			t.Errorf("%s: %d says %q in English:\n%s", w.target, w.rec.Code, s, excerpt(text, s))
		}
		if w.rec.Code >= 400 && !hasHan(text) {
			t.Errorf("%s: %d says nothing in Chinese: %q", w.target, w.rec.Code, text)
		}
	}
	for _, r := range routes {
		if errorsOf[r.Method+" "+r.Path] == 0 {
			t.Errorf("%s %s: no request of the walk got an error from it", r.Method, r.Path)
		}
	}
	for _, want := range []int{400, 403, 404, 405, 413, 414, 415, 421, 500, 503} {
		if !statuses[want] {
			t.Errorf("the walk saw no %d", want)
		}
	}
	t.Logf("%d requests over %d routes", len(all), len(routes))
}

// concretePaths are requests' paths for a route: itself, or for a
// catch-all (/p/*id) each of catchAll.
func concretePaths(route string) []string {
	i := strings.Index(route, "*")
	if i < 0 {
		return []string{route}
	}
	var out []string
	for _, v := range catchAll {
		out = append(out, route[:i]+v)
	}
	return out
}

// answers reports whether some route answers method on path.
func answers(routes gin.RoutesInfo, method, path string) bool {
	return slices.ContainsFunc(routes, func(r gin.RouteInfo) bool { return r.Method == method && r.Path == path })
}

// excerpt is the text around s, for a failure message.
func excerpt(text, s string) string {
	i := strings.Index(text, s)
	return strings.TrimSpace(text[max(0, i-80):min(len(text), i+len(s)+80)])
}

// TestHeadAnsweredWhereverGetIs: every GET route gin lists has a HEAD
// route, and a HEAD request answers what GET does — the same status and
// content type — without a body.
func TestHeadAnsweredWhereverGetIs(t *testing.T) {
	f := setup(t)
	routes := f.server.router.Routes()
	id := f.defaultR.Sections[0].ID
	for p := range f.defaultR.Paragraphs() {
		id = p.ID
		break
	}
	fill := map[string]string{pathAPIParagraphs: id, pathParagraph: id, pathCode: corpus.CiteCode(id), pathStatic: "app.js"}
	n := 0
	for _, r := range routes {
		if r.Method != http.MethodGet {
			continue
		}
		n++
		if !answers(routes, http.MethodHead, r.Path) {
			t.Errorf("GET %s has no HEAD route", r.Path)
			continue
		}
		path := strings.ReplaceAll(r.Path, ":report", corpus.ReportOfID(id)) // a named parameter: a report
		if i := strings.Index(path, "*"); i >= 0 {
			path = path[:i] + fill[path[:i]]
		}
		if path == pathAPISearch || path == pathAPIAsk {
			path = q(path, "q", "教育")
		}
		get, head := httptest.NewRecorder(), httptest.NewRecorder()
		f.server.ServeHTTP(get, httptest.NewRequest(http.MethodGet, path, nil))
		f.server.ServeHTTP(head, httptest.NewRequest(http.MethodHead, path, nil))
		if head.Code != get.Code || head.Header().Get("Content-Type") != get.Header().Get("Content-Type") {
			t.Errorf("%s: GET %d %q, HEAD %d %q", path, get.Code, get.Header().Get("Content-Type"), head.Code, head.Header().Get("Content-Type"))
		}
		// A route this test knows how to fill must answer; another (a new
		// catch-all) is still checked to answer HEAD as it answers GET.
		prefix, catchAll, _ := strings.Cut(r.Path, "*")
		_, known := fill[prefix]
		known = known || strings.Contains(r.Path, ":")
		if (known || catchAll == "") && get.Code >= 400 {
			t.Errorf("GET %s: %d, want a route filled with something that exists", path, get.Code)
		}
	}
	if n < 15 {
		t.Errorf("only %d GET routes", n)
	}
}

// TestFailureSaysChinese: a library file the index could not read is said
// in Chinese with its name when the index named the problem, and with the
// index's own words otherwise (an index built before problems were named).
func TestFailureSaysChinese(t *testing.T) {
	got := failureText(indexer.Failure{Path: "/lib/图片.txt", Error: "图片.txt: binary file, not text", Problem: "binary"})
	if !strings.Contains(got, "“图片.txt”不是文本") || messages.EnglishSentence(got) != "" {
		t.Errorf("a named problem: %q", got)
	}
	if got := failureText(indexer.Failure{Path: "/lib/a.txt", Error: "a.txt: something"}); !strings.Contains(got, "a.txt: something") {
		t.Errorf("an unnamed problem: %q", got)
	}
}
