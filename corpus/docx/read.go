package docx

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Paragraphs reads the text of a document's paragraphs, a tab as "\t": what
// a test reads back from a written file, with encoding/xml as Word parses
// it, to check that it holds what the page showed.
func Paragraphs(zr *zip.Reader) ([]string, error) {
	f, err := zr.Open("word/document.xml")
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var out []string
	var cur *strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("docx: document.xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == Namespace && t.Name.Local == "p":
				cur = &strings.Builder{}
			case t.Name.Space == Namespace && t.Name.Local == "t":
				inText = true
			case t.Name.Space == Namespace && t.Name.Local == "tab" && cur != nil:
				cur.WriteByte('\t')
			}
		case xml.EndElement:
			switch {
			case t.Name.Space == Namespace && t.Name.Local == "p" && cur != nil:
				out = append(out, cur.String())
				cur = nil
			case t.Name.Space == Namespace && t.Name.Local == "t":
				inText = false
			}
		case xml.CharData:
			if inText && cur != nil {
				cur.Write(t)
			}
		}
	}
}
