package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"reportsearch/corpus/extract"
	"reportsearch/internal/golden"
)

// publishedFiles are the real published files of testdata/published (see
// its SOURCES.md): PDFs, Word documents and saved web pages.
func publishedFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"pdf/*.pdf", "docx/*.docx", "html/*.html", "html/*.htm"} {
		m, err := filepath.Glob(filepath.Join("testdata", "published", pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no published files in testdata/published")
	}
	return files
}

// rePageFurniture matches what must not be left in a paragraph of a
// published file: a page number as its own paragraph or at a paragraph's
// end (— 3 —, 第3页, - 12 -), markup, entities.
var rePageFurniture = regexp.MustCompile(`(?:^|[\s。；])(?:[—–\-－]\s*\d{1,3}\s*[—–\-－]|第\s*\d{1,3}\s*页)\s*$|</?[a-zA-Z][a-zA-Z0-9]*[\s>/]|&(?:nbsp|amp|lt|gt|#\d+);`)

// TestGoldenPublishedOutlines reads each real published file through its
// reader and compares the outline with the reviewed one in
// testdata/golden/published; every paragraph is free of page furniture and
// markup, and the file's format and size are recorded.
func TestGoldenPublishedOutlines(t *testing.T) {
	for _, f := range publishedFiles(t) {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			r, err := ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			info, err := os.Stat(f)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.TrimPrefix(filepath.Ext(f), ".")
			if want == "htm" {
				want = "html"
			}
			if r.Provenance.Format != want || r.Provenance.FileSize != info.Size() {
				t.Errorf("provenance %+v, want format %s and %d bytes", r.Provenance, want, info.Size())
			}
			paragraphs := 0
			for p := range r.Paragraphs() {
				paragraphs++
				if m := rePageFurniture.FindString(p.Text); m != "" {
					t.Errorf("paragraph %s keeps %q: %s", p.ID, m, p.Text)
				}
			}
			if paragraphs < 20 {
				t.Errorf("only %d paragraphs", paragraphs)
			}
			var got bytes.Buffer
			if err := r.WriteOutline(&got); err != nil {
				t.Fatal(err)
			}
			golden.CheckLines(t, filepath.Join("testdata", "golden", "published", name+".outline"), got.Bytes(), 40)
		})
	}
}

// TestPDFLinesAreJoined: a real PDF's text, broken at every line's right
// edge by the typesetter, comes back as paragraphs: few end inside a
// sentence, and the sentences the text version would have run across
// lines are whole.
func TestPDFLinesAreJoined(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "published", "pdf", "prov_beijing_2024_gwr.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Read(context.Background(), extract.PDF, data)
	if err != nil {
		t.Fatal(err)
	}
	lines, open := 0, 0
	for l := range strings.Lines(doc.Text) {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		lines++
		if !strings.ContainsAny(l[len(l)-3:], "。；：！？）") && !regexp.MustCompile(`^[（(]?[一二三四五六七八九十]+[）)、]`).MatchString(l) {
			open++
		}
	}
	// 13 pages of about 30 lines: joined, they are under 200 paragraphs,
	// and at most a few end without a mark (headings in other forms).
	if lines > 200 || open > 5 {
		t.Errorf("%d paragraphs, %d end inside a sentence:\n%s", lines, open, doc.Text)
	}
	for _, whole := range []string{
		// Sentences that cross a line break, and one that crosses a page.
		"全市地区生产总值增长5.2%、约4.4万亿元，一般公共预算收入增长8.2%、突破6000亿元",
		"拆除违法建设2315万平方米、腾退土地2282公顷",
		"有序处置重点企业风险，监管预付式资金",         // across pages 3 and 4
		"向各民主党派、各人民团体和各界人士，向中央和国家机关", // across pages 4 and 5
	} {
		if !strings.Contains(doc.Text, whole) {
			t.Errorf("not whole in the text: %s", whole)
		}
	}
	if doc.Pages != 13 {
		t.Errorf("pages %d, want 13", doc.Pages)
	}
}
