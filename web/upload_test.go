package web

import (
	"archive/zip"
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"reportsearch/corpus"
)

// uploadServer is the fixture's index served with uploads into a fresh
// library folder.
func uploadServer(t *testing.T, maxBytes int64) (*Server, string) {
	t.Helper()
	f := setup(t)
	dir := t.TempDir()
	srv, err := New(Config{Index: f.engine, Asker: f.asker, Upload: &Upload{Dir: dir, Token: "page-token-123", MaxBytes: maxBytes}})
	if err != nil {
		t.Fatal(err)
	}
	return srv, dir
}

// post sends one file as the page's form does.
func post(t *testing.T, srv *Server, path, fileName string, data []byte, token string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	after, late := strings.CutPrefix(token, "after:") // the token sent after the file
	if token != "" && !late {
		mw.WriteField("token", token)
	}
	if data != nil {
		w, err := mw.CreateFormFile("file", fileName)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if late {
		mw.WriteField("token", after)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec
}

func libraryFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func realFile(t *testing.T, parts ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(append([]string{"..", "corpus", "testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// zipBomb is a .docx whose document part unpacks to far more than any
// report: megabytes of one repeated byte, which compress to almost nothing.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte("报"), 1<<20)
	for range 100 { // 300 MB of text
		w.Write(chunk)
	}
	w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	return b.Bytes()
}

// withJavaScript is a real PDF with an incremental update that makes the
// document run JavaScript when opened: a reader that executed it would
// show an alert; this one only reads the text.
func withJavaScript(t *testing.T, pdf []byte) []byte {
	t.Helper()
	startxref := bytes.LastIndex(pdf, []byte("startxref"))
	var prev int
	fmt.Sscanf(string(pdf[startxref+len("startxref"):]), "%d", &prev)
	// Find the catalog's object number from the trailer's /Root.
	root := bytes.LastIndex(pdf, []byte("/Root "))
	var rootObj int
	fmt.Sscanf(string(pdf[root+len("/Root "):]), "%d", &rootObj)
	if rootObj == 0 || prev == 0 {
		t.Skip("the PDF's trailer is not in the form this test edits")
	}
	// The new catalog keeps the pages: copy the old catalog's /Pages.
	loc := regexp.MustCompile(fmt.Sprintf(`[\r\n]%d 0 obj`, rootObj)).FindIndex(pdf)
	if loc == nil {
		t.Skip("the PDF's catalog is not where this test looks")
	}
	objStart := loc[0]
	pagesAt := bytes.Index(pdf[objStart:], []byte("/Pages "))
	var pagesObj int
	fmt.Sscanf(string(pdf[objStart+pagesAt+len("/Pages "):]), "%d", &pagesObj)
	var b bytes.Buffer
	b.Write(pdf)
	b.WriteString("\n")
	off := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /Catalog /Pages %d 0 R /OpenAction << /S /JavaScript /JS (app.alert\\('pwned'\\);) >> >>\nendobj\n", rootObj, pagesObj)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", rootObj, off, rootObj+1000, rootObj, prev, xref)
	return b.Bytes()
}

// TestUploadAcceptsARealReport adds a real PDF: it lands in the library
// folder under a name of the server's making.
func TestUploadAcceptsARealReport(t *testing.T) {
	srv, dir := uploadServer(t, 0)
	pdf := realFile(t, "published", "pdf", "prov_beijing_2024_gwr.pdf")
	rec := post(t, srv, pathAPIUpload, "北京 2024 政府工作报告.pdf", pdf, "page-token-123", nil)
	if rec.Code != http.StatusCreated {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	if got := libraryFiles(t, dir); !slices.Equal(got, []string{"北京_2024_政府工作报告.pdf"}) {
		t.Errorf("library holds %v", got)
	}
	// The same name again is kept beside, not over, the first.
	if rec := post(t, srv, pathAPIUpload, "北京 2024 政府工作报告.pdf", pdf, "page-token-123", nil); rec.Code != http.StatusCreated {
		t.Fatalf("second upload: %d %s", rec.Code, rec.Body)
	}
	if got := libraryFiles(t, dir); len(got) != 2 || !slices.Contains(got, "北京_2024_政府工作报告-2.pdf") {
		t.Errorf("library holds %v", got)
	}
	// The page's form posts to its own path and is sent to the reports page.
	rec = post(t, srv, pathUpload, "beijing.pdf", pdf, "page-token-123", map[string]string{"Origin": "http://example.com", "Host": "example.com"})
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), pathReports+"?added=") {
		t.Errorf("the form's upload: %d, Location %q", rec.Code, rec.Header().Get("Location"))
	}
}

// TestUploadRefusesBadInput: each bad input gets its status and a message
// that says what is wrong, and leaves the library folder as it was.
func TestUploadRefusesBadInput(t *testing.T) {
	const limit = 2 << 20
	elf := append([]byte("\x7fELF\x02\x01\x01"), bytes.Repeat([]byte{0}, 4096)...)
	cases := []struct {
		name, file string
		data       []byte
		token      string
		header     map[string]string
		status     int
		says       string
	}{
		{"no token", "a.txt", []byte("x"), "", nil, http.StatusForbidden, "上传令牌"},
		{"a wrong token", "a.txt", []byte("x"), "guess", nil, http.StatusForbidden, "上传令牌"},
		{"posted from another site", "a.pdf", []byte("%PDF-1.4"), "page-token-123", map[string]string{"Origin": "https://evil.example"}, http.StatusForbidden, "本服务器自己的页面"},
		{"posted cross-site (fetch metadata)", "a.pdf", []byte("%PDF-1.4"), "page-token-123", map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden, "本服务器自己的页面"},
		{"an oversized file", "big.pdf", bytes.Repeat([]byte("%PDF-1.4 "), limit/8), "page-token-123", nil, http.StatusRequestEntityTooLarge, "最多 2 MB"},
		{"a renamed binary", "report.pdf", elf, "page-token-123", nil, http.StatusUnsupportedMediaType, "binary"},
		{"an empty file", "empty.txt", []byte{}, "page-token-123", nil, http.StatusBadRequest, "空"},
		{"no file", "", nil, "page-token-123", nil, http.StatusBadRequest, "没有选择文件"},
		{"the file before the token", "a.pdf", []byte("%PDF-1.4"), "after:page-token-123", nil, http.StatusForbidden, "上传令牌"},
		{"an old Word file", "old.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 600)), "page-token-123", nil, http.StatusUnsupportedMediaType, ".docx"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, dir := uploadServer(t, limit)
			rec := post(t, srv, pathAPIUpload, c.file, c.data, c.token, c.header)
			if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.says) {
				t.Errorf("%d %s; want %d saying %q", rec.Code, rec.Body, c.status, c.says)
			}
			if got := libraryFiles(t, dir); len(got) != 0 {
				t.Errorf("the library changed: %v", got)
			}
		})
	}
}

// TestUploadHostileFiles: a zip bomb named .docx is refused; a path in the
// file name names nothing outside the folder; a PDF that would run
// JavaScript and a page with <script> are read as text, never run.
func TestUploadHostileFiles(t *testing.T) {
	t.Run("zip bomb", func(t *testing.T) {
		srv, dir := uploadServer(t, 0)
		rec := post(t, srv, pathAPIUpload, "bomb.docx", zipBomb(t), "page-token-123", nil)
		if rec.Code != http.StatusUnsupportedMediaType || !strings.Contains(rec.Body.String(), "太大") {
			t.Errorf("%d %s", rec.Code, rec.Body)
		}
		if got := libraryFiles(t, dir); len(got) != 0 {
			t.Errorf("the library changed: %v", got)
		}
	})
	t.Run("path in the file name", func(t *testing.T) {
		srv, dir := uploadServer(t, 0)
		outside := filepath.Join(filepath.Dir(dir), "escaped.txt")
		report := corpus.DefaultBytes()
		for _, name := range []string{"../escaped.txt", `..\..\escaped.txt`, "/etc/escaped.txt", ".hidden.txt"} {
			if rec := post(t, srv, pathAPIUpload, name, report, "page-token-123", nil); rec.Code != http.StatusCreated {
				t.Fatalf("%s: %d %s", name, rec.Code, rec.Body)
			}
		}
		if _, err := os.Stat(outside); err == nil {
			t.Errorf("a file was written outside the library: %s", outside)
		}
		// A name the library skips, or one with another report's sidecar
		// beside it, is taken.
		if rec := post(t, srv, pathAPIUpload, "README.txt", report, "page-token-123", nil); rec.Code != http.StatusCreated {
			t.Fatalf("README.txt: %d %s", rec.Code, rec.Body)
		}
		os.WriteFile(filepath.Join(dir, "old.meta.json"), []byte(`{"title": "另一份报告"}`), 0o644)
		if rec := post(t, srv, pathAPIUpload, "old.txt", report, "page-token-123", nil); rec.Code != http.StatusCreated {
			t.Fatalf("old.txt: %d %s", rec.Code, rec.Body)
		}
		got := libraryFiles(t, dir)
		want := []string{"README-2.txt", "escaped-2.txt", "escaped-3.txt", "escaped.txt", "hidden.txt", "old-2.txt", "old.meta.json"}
		if !slices.Equal(got, want) {
			t.Errorf("library holds %v, want %v", got, want)
		}
	})
	t.Run("PDF with JavaScript", func(t *testing.T) {
		srv, dir := uploadServer(t, 0)
		pdf := withJavaScript(t, realFile(t, "published", "pdf", "prov_beijing_2024_gwr.pdf"))
		rec := post(t, srv, pathAPIUpload, "js.pdf", pdf, "page-token-123", nil)
		if rec.Code != http.StatusCreated {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
		r, err := corpus.ReadFile(filepath.Join(dir, "js.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		for p := range r.Paragraphs() {
			if strings.Contains(p.Text, "alert") || strings.Contains(p.Text, "pwned") {
				t.Errorf("the script is in the text: %s", p.Text)
			}
		}
	})
	t.Run("HTML with script", func(t *testing.T) {
		srv, dir := uploadServer(t, 0)
		page := "<!doctype html><html><head><meta charset=\"utf-8\"><title>某区2023年政府工作报告</title><script>alert('pwned')</script></head><body><article>" +
			strings.ReplaceAll(string(corpus.DefaultBytes()), "\n\n", "</p><p>") + "<script>document.write('pwned')</script></article></body></html>"
		rec := post(t, srv, pathAPIUpload, "page.html", []byte(page), "page-token-123", nil)
		if rec.Code != http.StatusCreated {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
		r, err := corpus.ReadFile(filepath.Join(dir, "page.html"))
		if err != nil {
			t.Fatal(err)
		}
		for p := range r.Paragraphs() {
			if strings.Contains(p.Text, "pwned") {
				t.Errorf("the script is in the text: %s", p.Text)
			}
		}
	})
}

// TestUploadIsOffWithoutConfig: a server without a library refuses.
func TestUploadIsOffWithoutConfig(t *testing.T) {
	f := setup(t)
	rec := post(t, f.server, pathAPIUpload, "a.txt", corpus.DefaultBytes(), "x", nil)
	if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "off") {
		t.Errorf("%d %s", rec.Code, rec.Body)
	}
}
