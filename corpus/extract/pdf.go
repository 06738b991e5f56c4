package extract

import (
	"context"
	"fmt"
	"strings"
	"unicode"
)

// minTextPerPage is the fewest characters of text a page must average for
// a PDF to count as having a text layer: a scan has none, or a stray
// page number.
const minTextPerPage = 20

// readPDF reads a PDF's text layer into paragraphs.
func readPDF(ctx context.Context, data []byte) (*Document, error) {
	pdf, err := loadPDF(ctx, data)
	if err != nil {
		return nil, err
	}
	pages := make([][]pdfLine, len(pdf.pages))
	chars := 0
	for i, p := range pdf.pages {
		pages[i] = pageLines(p)
		for _, l := range pages[i] {
			chars += len([]rune(strings.TrimSpace(l.text)))
		}
	}
	if len(pages) == 0 || chars < minTextPerPage*len(pages) {
		return nil, fmt.Errorf("%w: the PDF's %d pages hold %d characters of text: it looks scanned (pictures of pages); run OCR on it first (for example with ocrmypdf), or read a text copy", ErrNoTextLayer, len(pages), chars)
	}
	pages, removed := dropFurniture(pages)
	paragraphs := paragraphsOf(pages)
	return &Document{
		Text:    strings.Join(paragraphs, "\n\n") + "\n",
		Meta:    Meta{Title: documentTitle(pdf.title)},
		Pages:   len(pdf.pages),
		Removed: removed,
	}, nil
}

// documentTitle keeps a title from a file's own metadata when it is a
// title: Chinese text, without the "Microsoft Word - x.doc" an export
// writes.
func documentTitle(t string) string {
	t = strings.TrimSpace(t)
	if i := strings.Index(t, " - "); i >= 0 && strings.HasPrefix(strings.ToLower(t), "microsoft") {
		t = t[i+3:]
	}
	for _, ext := range []string{".docx", ".doc", ".wps", ".pdf"} {
		t = strings.TrimSuffix(t, ext)
	}
	han := 0
	for _, r := range t {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han < 4 {
		return ""
	}
	return t
}
