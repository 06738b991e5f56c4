package main

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeFollowsALibrary serves a folder and changes it under the
// server: a real PDF copied in becomes searchable without a restart, a file
// that cannot be read is listed with its reason while the others are
// served, and removing the PDF removes its results.
func TestServeFollowsALibrary(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library")
	if err := os.Mkdir(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, "first.txt"), []byte("一、2022年工作回顾\n全年新建口袋公园5个。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A saved web page beside the text (corpus/testdata/published/SOURCES.md).
	html, err := os.ReadFile(filepath.Join("..", "..", "corpus", "testdata", "published", "html", "city_yichun_2022_statbulletin.html"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, "yichun.html"), html, 0o644); err != nil {
		t.Fatal(err)
	}
	// A FIFO named like a report is there from the start: listed, not fatal.
	if err := syscall.Mkfifo(filepath.Join(lib, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, base, _, stderr := startServe(t, "--index", filepath.Join(dir, "index"), lib)
	hits := func(q string) int {
		var res struct{ Total int }
		if code := getJSON(t, base+"/api/search?q="+url.QueryEscape(q), &res); code != http.StatusOK {
			t.Fatalf("search %s: %d", q, code)
		}
		return res.Total
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 60 s: %s", what, stderr.String())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	if hits("口袋公园") == 0 || hits(`"地区生产总值（GDP）3473.12亿元"`) == 0 {
		t.Fatal("the library's text report or web page is not served")
	}
	// A real published PDF (corpus/testdata/published/SOURCES.md), copied in.
	pdf, err := os.ReadFile(filepath.Join("..", "..", "corpus", "testdata", "published", "pdf", "prov_beijing_2024_gwr.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, "beijing.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("the PDF becomes searchable", func() bool { return hits(`"雁栖湖国际会都"`) > 0 })
	if hits("口袋公园") == 0 {
		t.Error("adding a report lost the one before")
	}
	if !strings.Contains(stderr.String(), "index updated") {
		t.Errorf("no log line for the update: %s", stderr.String())
	}
	// A renamed binary is listed, not fatal.
	if err := os.WriteFile(filepath.Join(lib, "broken.docx"), []byte("PK\x03\x04 not really a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	var state struct {
		Failed []struct{ Path, Error string }
	}
	waitFor("the unreadable files are listed", func() bool {
		getJSON(t, base+"/api/library", &state)
		return len(state.Failed) == 2
	})
	for _, f := range state.Failed {
		if (f.Path != "broken.docx" && f.Path != "pipe.txt") || f.Error == "" || strings.Contains(f.Error, dir) {
			t.Errorf("failed entry %+v", f)
		}
	}
	resp, err := http.Get(base + "/reports")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := readAll(resp)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "broken.docx") || !strings.Contains(page, "PDF") {
		t.Errorf("the reports page (%d) lists neither the unreadable file nor the PDF", resp.StatusCode)
	}
	if hits(`"雁栖湖国际会都"`) == 0 {
		t.Error("an unreadable file took the other reports out")
	}
	if err := os.Remove(filepath.Join(lib, "beijing.pdf")); err != nil {
		t.Fatal(err)
	}
	waitFor("the removed PDF's results go", func() bool { return hits(`"雁栖湖国际会都"`) == 0 })
	if hits("口袋公园") == 0 {
		t.Error("removing a report lost another")
	}
}

func readAll(resp *http.Response) (string, error) {
	defer resp.Body.Close()
	var b strings.Builder
	_, err := io.Copy(&b, resp.Body)
	return b.String(), err
}
