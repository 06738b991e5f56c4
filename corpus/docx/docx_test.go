package docx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// TestWrite reads a written document back as Word would find its parts,
// and its text paragraph by paragraph, markup in the text escaped.
func TestWrite(t *testing.T) {
	var b bytes.Buffer
	items := []Item{{Text: "“新建<b>智慧养老院</b>1家……”（《题名》，第二部分）", Note: "引用码 K7M3Q2XD.2.4.2.1"}, {Text: "“甲 & 乙。”（《题名》）"}}
	if err := Write(&b, "引用清单", items); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml"} {
		if !strings.Contains(strings.Join(names, " "), want) {
			t.Errorf("no part %s in %v", want, names)
		}
	}
	got, err := Paragraphs(zr)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"引用清单", "1.\t" + items[0].Text, items[0].Note, "2.\t" + items[1].Text}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}
