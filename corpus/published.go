package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"reportsearch/corpus/extract"
)

// publishedExts are the file types of reports as governments publish them:
// read through corpus/extract. The format is told by content, not by these
// names; the names only say which files of a directory are reports.
var publishedExts = []string{".pdf", ".docx", ".html", ".htm", ".xhtml"}

// refusedExts are files of a directory that are reports in a format this
// program cannot read: listed with the reason rather than skipped, so a
// user learns what to convert.
var refusedExts = []string{".doc", ".wps", ".odt", ".rtf"}

// MaxPublishedSize is the largest published file read (a PDF with its
// fonts and pictures is much larger than its text, which MaxFileSize
// bounds).
const MaxPublishedSize = 64 << 20

// Provenance is where a report's text came from: the file as published.
type Provenance struct {
	Format   string `json:"format"`            // text, pdf, docx, html
	FileSize int64  `json:"file_size"`         // bytes of the original file
	Pages    int    `json:"pages,omitempty"`   // of a PDF
	Removed  int    `json:"removed,omitempty"` // page numbers, running headers dropped
}

// ParseFile parses a report file's bytes in any format Sniff tells: plain
// text directly, a PDF, .docx or saved web page through its reader. meta
// is what the user wrote about the file (a sidecar or front matter); it
// wins over what the file says of itself.
func ParseFile(ctx context.Context, name string, data []byte, meta extract.Meta) (*Report, error) {
	format := extract.Detect(name, data)
	if format == extract.Text {
		if len(data) > MaxFileSize {
			return nil, &FileError{Path: name, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), MaxFileSize)}
		}
		front, body := splitFrontMatter(data)
		r, err := Parse(name, body)
		if err != nil {
			return nil, err
		}
		if len(body) != len(data) { // Parse hashed the text without its front matter
			sum := sha256.Sum256(data)
			r.Hash = hex.EncodeToString(sum[:])
		}
		r.Provenance = Provenance{Format: string(extract.Text), FileSize: int64(len(data))}
		r.applyMeta(front, true)
		r.applyMeta(meta, true)
		return r, nil
	}
	doc, err := extract.Read(ctx, format, data)
	if err != nil {
		return nil, &FileError{Path: name, Err: err}
	}
	text := doc.Text
	// A title the file carries but its text does not open with goes first,
	// where the parser looks for the title (the web page reader does this
	// itself, with its own test of what opens the page).
	if t := doc.Meta.Title; t != "" && !strings.Contains(strings.Join(extract.LeadingLines(text, 5), "\n"), t) {
		text = t + "\n\n" + text
	}
	r, err := Parse(name, []byte(text))
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	r.Hash = hex.EncodeToString(sum[:])
	r.Encoding = strings.ToUpper(string(format))
	r.Provenance = Provenance{Format: string(format), FileSize: int64(len(data)), Pages: doc.Pages, Removed: doc.Removed}
	fromFile := doc.Meta
	if r.Title != "" && r.Title != stripExt(filepath.Base(name)) {
		fromFile.Title = "" // the parser's reading of the text is the better title
	} else if fromFile.Title != "" {
		r.Title = "" // only the file name's: the file's own title is better
	}
	r.applyMeta(fromFile, false)
	r.applyMeta(meta, true)
	return r, nil
}

// applyMeta sets what m says over what the parser found; an empty field
// changes nothing. What the file says of itself (user false: a page's
// publish date) fills only what the text left empty; what the user wrote
// wins.
func (r *Report) applyMeta(m extract.Meta, user bool) {
	if m.Title != "" && (user || r.Title == "") {
		r.Title = m.Title
	}
	if m.Issuer != "" && (user || r.Issuer == "") {
		r.Issuer = m.Issuer
	}
	if m.SourceURL != "" {
		r.SourceURL = m.SourceURL
	}
	if m.Date != "" && (r.Date == "" || user) {
		r.Date = m.Date
		if r.Delivered == 0 || r.DeliveredFrom == YearFromFileName || user {
			var y int
			if _, err := fmt.Sscanf(m.Date, "%4d", &y); err == nil && y > 0 {
				r.Delivered, r.DeliveredFrom = y, YearFromMeta
			}
		}
	}
}

// isPublished reports whether a file of a directory is a report to read
// through extract, or one to refuse by name.
func isPublished(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return slices.Contains(publishedExts, ext) || slices.Contains(refusedExts, ext)
}

// IsReportName says whether a file of a directory is read as a report by
// its name: a text, Markdown, PDF, Word or web page file (or one of the
// formats listed to be refused), not a README-style note.
func IsReportName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if !slices.Contains(reportExts, ext) && !isPublished(name) {
		return false
	}
	return !slices.Contains(docNames, strings.ToLower(stripExt(name)))
}
