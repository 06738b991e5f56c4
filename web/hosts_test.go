package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHostIsChecked: with AllowedHosts set, a request naming another host
// (a DNS-rebinding page) is refused with 421 and how to allow it; its own
// names pass, with or without a port.
func TestHostIsChecked(t *testing.T) {
	f := setup(t)
	srv, err := New(Config{Index: f.engine, Asker: f.asker, AllowedHosts: append(LoopbackHosts, "reports.example")})
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]int{
		"127.0.0.1:8080": http.StatusOK, "localhost": http.StatusOK, "[::1]:8080": http.StatusOK, "REPORTS.example:80": http.StatusOK,
		"evil.example": http.StatusMisdirectedRequest, "evil.example:8080": http.StatusMisdirectedRequest, "127.0.0.1.evil.example": http.StatusMisdirectedRequest,
	} {
		req := httptest.NewRequest(http.MethodGet, "/api/search?q=就业", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: %d, want %d", host, rec.Code, want)
		}
		if want != http.StatusOK && !strings.Contains(rec.Body.String(), "--allow-host") {
			t.Errorf("Host %s: %s does not say how to allow it", host, rec.Body.String())
		}
	}
}

// TestHeadIsAnsweredLikeGet: every GET route answers HEAD with the same
// status and type, and no body.
func TestHeadIsAnsweredLikeGet(t *testing.T) {
	f := setup(t)
	for _, target := range []string{"/", "/?q=就业", pathHealth, "/api/search?q=就业", "/api/ask?q=" + "2022年地区生产总值是多少", "/api/figures",
		"/api/commitments", "/api/comparisons", "/api/reports", pathAPIOpenAPI, "/figures", "/commitments", "/compare", "/static/style.css", "/nowhere"} {
		get := f.get(t, target)
		head := httptest.NewRecorder()
		f.server.ServeHTTP(head, httptest.NewRequest(http.MethodHead, target, nil))
		if head.Code != get.Code || head.Header().Get("Content-Type") != get.Header().Get("Content-Type") {
			t.Errorf("HEAD %s: %d %s; GET: %d %s", target, head.Code, head.Header().Get("Content-Type"), get.Code, get.Header().Get("Content-Type"))
		}
	}
}

// TestOversizedRequestsGetTheErrorShape: a URL or headers too large are
// answered by the server with its JSON error, not net/http's plain text.
func TestOversizedRequestsGetTheErrorShape(t *testing.T) {
	f := setup(t)
	long := httptest.NewRequest(http.MethodGet, "/api/search?q=就业&region="+strings.Repeat("a", maxURLBytes), nil)
	big := httptest.NewRequest(http.MethodGet, "/api/search?q=就业", nil)
	big.Header.Set("X-Padding", strings.Repeat("b", maxHeadersSize))
	for want, req := range map[int]*http.Request{http.StatusRequestURITooLong: long, http.StatusRequestHeaderFieldsTooLarge: big} {
		rec := httptest.NewRecorder()
		f.server.ServeHTTP(rec, req)
		var e struct{ Error, Detail string }
		if rec.Code != want || json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Detail == "" {
			t.Errorf("%d: got %d %s", want, rec.Code, rec.Body.String())
		}
	}
}

// TestRepeatedFilterValuesCountOnce: a filter value given many times is
// one value, not many towards the limit of values per filter.
func TestRepeatedFilterValuesCountOnce(t *testing.T) {
	f := setup(t)
	target := "/api/search?q=就业" + strings.Repeat("&year=2022", maxValuesPerFilter+5)
	if rec := f.get(t, target); rec.Code != http.StatusOK {
		t.Errorf("%d repeats of one year: %d %s", maxValuesPerFilter+5, rec.Code, rec.Body.String())
	}
}
