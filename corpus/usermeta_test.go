package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSidecarAndFrontMatter: what a user writes about a report — a sidecar
// beside it or front matter at its top — is the report's metadata, and
// reaches its citations; a sidecar that is wrong is refused by name.
func TestSidecarAndFrontMatter(t *testing.T) {
	dir := t.TempDir()
	report := DefaultBytes()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	path := write("plan.txt", string(report))
	write("plan.meta.json", `{"source_url": "https://www.hzsc.gov.cn/art/2023/1/17/art_1.html", "issuer": "杭州市上城区人民政府"}`)
	r, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.SourceURL != "https://www.hzsc.gov.cn/art/2023/1/17/art_1.html" || r.Issuer != "杭州市上城区人民政府" {
		t.Errorf("sidecar not applied: url %q, issuer %q", r.SourceURL, r.Issuer)
	}
	c := CiteParagraph(r.Meta, "x", "第一部分", "", "文本", "/p/x")
	if !strings.Contains(c.GBT7714, "[R/OL]") || !strings.HasSuffix(c.GBT7714, r.SourceURL+".") || !strings.Contains(c.Markdown, "]("+r.SourceURL+")") {
		t.Errorf("the citation does not name the source: %+v", c)
	}
	// The sidecar's hash is part of the source: editing it changes the report.
	s1, err := Sources([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	write("plan.meta.json", `{"source_url": "https://www.hzsc.gov.cn/other.html"}`)
	s2, err := Sources([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if s1[0].Sidecar == "" || s1[0].Sidecar == s2[0].Sidecar || s1[0].Hash != s2[0].Hash {
		t.Errorf("sidecar hashes %q → %q, file %q → %q", s1[0].Sidecar, s2[0].Sidecar, s1[0].Hash, s2[0].Hash)
	}

	front := write("front.txt", "---\nsource_url: https://www.gov.cn/a.html\ndate: 2023-01-18\n---\n"+string(report))
	r, err = ReadFile(front)
	if err != nil {
		t.Fatal(err)
	}
	if r.SourceURL != "https://www.gov.cn/a.html" || r.Date != "2023-01-18" || strings.Contains(r.Title, "source_url") {
		t.Errorf("front matter: url %q, date %q, title %q", r.SourceURL, r.Date, r.Title)
	}
	for p := range r.Paragraphs() {
		if strings.Contains(p.Text, "source_url") {
			t.Errorf("front matter left in a paragraph: %s", p.Text)
		}
	}

	for name, bad := range map[string]string{
		"a URL that is not http(s)": `{"source_url": "javascript:alert(1)"}`,
		"a date not YYYY-MM-DD":     `{"date": "2023年1月17日"}`,
		"a key it does not know":    `{"sourceurl": "https://x"}`,
		"not JSON":                  `source_url: https://x`,
	} {
		p := write("bad.txt", string(report))
		write("bad.meta.json", bad)
		if _, err := ReadFile(p); err == nil || !strings.Contains(err.Error(), "bad.meta.json") {
			t.Errorf("%s: error %v, want one naming the sidecar", name, err)
		}
	}
}
