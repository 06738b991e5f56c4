package extract

import (
	"context"
	"fmt"
)

// Document is a published file turned into text.
type Document struct {
	Format Format
	// Text is one paragraph per line, paragraphs apart by a blank line;
	// headings are lines of their own.
	Text string
	Meta Meta
	// Pages is how many pages a PDF has (0 for other formats).
	Pages int
	// Removed counts what the reader dropped as page furniture (page
	// numbers, running headers and footers), for the report's record.
	Removed int
}

// Meta is what a file says about itself. Every field may be empty.
type Meta struct {
	Title     string `json:"title,omitempty"`
	Issuer    string `json:"issuer,omitempty"`
	Date      string `json:"date,omitempty"`       // YYYY-MM-DD
	SourceURL string `json:"source_url,omitempty"` // where it was published
}

// Limits on what a file may unpack to, so that a hostile file (a zip bomb,
// a PDF of a million empty pages) is refused rather than read.
const (
	MaxText     = 32 << 20  // bytes of text a file may give
	MaxUnpacked = 256 << 20 // bytes a .docx may unpack to in all
	MaxZipParts = 10000     // entries in a .docx
	MaxPages    = 5000      // pages of a PDF
)

// Read turns data, whose format Sniff found to be f, into a Document. Text
// is not read here: corpus reads it.
func Read(ctx context.Context, f Format, data []byte) (*Document, error) {
	var (
		d   *Document
		err error
	)
	switch f {
	case PDF:
		d, err = readPDF(ctx, data)
	case DOCX:
		d, err = readDOCX(data)
	case HTML:
		d, err = readHTML(data)
	case Text:
		return nil, fmt.Errorf("extract: plain text is read by corpus")
	default:
		return nil, refusal(f)
	}
	if err != nil {
		return nil, err
	}
	d.Format = f
	if len(d.Text) > MaxText {
		return nil, fmt.Errorf("%w: it holds more than %d bytes of text", ErrTooLarge, MaxText)
	}
	return d, nil
}
