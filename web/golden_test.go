package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"testing"

	"reportsearch/internal/golden"
)

// TestGoldenResponses keeps what the server answers for the fixture's
// reports — every listing endpoint, every paragraph, the reports, and the
// pages built from them — in testdata/golden, one response a line keyed by
// its path, so that a change to where the server gets its data shows as a
// diff of what users see. After an intended change, run `go test ./web
// -run GoldenResponses -update` and review the diff.
func TestGoldenResponses(t *testing.T) {
	f := setup(t)
	paths := []string{
		"/api/reports", "/api/figures", "/api/commitments", "/api/comparisons",
		"/api/figures?year=2022&kind=actual", "/api/figures?q=" + "就业", "/api/commitments?domain=" + "教育",
		"/api/comparisons?year=2023", "/api/figures?report=" + f.hostile,
	}
	for _, r := range f.reports.all {
		for p := range r.Paragraphs() {
			paths = append(paths, "/api/paragraphs/"+p.ID)
		}
	}
	var got bytes.Buffer
	for _, path := range paths {
		rec := f.get(t, path)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", path, rec.Code, rec.Body.String())
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, rec.Body.Bytes()); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		got.WriteString(path + "\t" + compact.String() + "\n")
	}
	golden.Check(t, filepath.Join("testdata", "golden", "api.tsv"), got.Bytes())

	pages := map[string]string{
		"home":        "/",
		"figures":     "/figures",
		"commitments": "/commitments?year=2023",
		"compare":     "/compare",
		"paragraph":   "/p/" + f.defaultR.Sections[0].Paragraphs[0].ID,
		"search":      "/?q=" + "城镇新增就业",
		"question":    "/?q=" + "2022年城镇新增就业多少人？",
	}
	for name, path := range pages {
		rec := f.get(t, path)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		golden.CheckLines(t, filepath.Join("testdata", "golden", "pages", name+".html"), rec.Body.Bytes(), 20)
	}
}
