package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzAPIParams sends arbitrary query strings to every API endpoint that
// reads parameters: each must answer 200 or a client error with the JSON
// error shape, never a 500 or a panic.
func FuzzAPIParams(f *testing.F) {
	for _, seed := range []string{"q=就业", "q=%22unbalanced", "q=x&year=2022&page=2&size=5", "q=养老&region=河北&domain=教育",
		"year=99999", "offset=-1&limit=0", "q=" + strings.Repeat("经", 300), "q=\x00", "kind=wish", "figure=>abc", "group=report&q=发展",
		"q=2023年地区生产总值是多少", "report=../../etc&format=csv", "q=a%ZZ"} {
		f.Add(seed)
	}
	fx := setup(f)
	f.Fuzz(func(t *testing.T, raw string) {
		for _, path := range []string{"/api/search", "/api/ask", "/api/figures", "/api/commitments", "/api/comparisons", "/api/reports"} {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.Path, req.URL.RawQuery, req.RequestURI = path, raw, path+"?"+raw
			rec := httptest.NewRecorder()
			fx.server.ServeHTTP(rec, req)
			switch {
			case rec.Code >= 500:
				t.Fatalf("%s?%s: %d %s", path, raw, rec.Code, rec.Body.String())
			case rec.Code >= 400:
				var e struct{ Error, Detail string }
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
					t.Fatalf("%s?%s: %d without the error shape: %s", path, raw, rec.Code, rec.Body.String())
				}
			}
		}
	})
}
