package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Format is what kind of file a report was read from.
type Format string

// The formats Sniff tells apart.
const (
	Text Format = "text" // plain text or Markdown, read by corpus directly
	PDF  Format = "pdf"
	DOCX Format = "docx"
	HTML Format = "html"
	// Formats recognised only to be refused with advice.
	DOC Format = "doc" // OLE2 compound file: Word 97–2003 .doc, WPS .wps, .xls …
	ODT Format = "odt"
	RTF Format = "rtf"
	Zip Format = "zip" // a zip that is none of the above
)

// Errors for files that are not readable reports. Test with errors.Is;
// each comes wrapped with what was found and what to do.
var (
	ErrUnsupported = errors.New("unsupported format")
	ErrNoTextLayer = errors.New("no text layer")
	ErrDamaged     = errors.New("damaged file")
	ErrTooLarge    = errors.New("file too large")
)

// Sniff tells a file's format from its first bytes, and for a zip from the
// names inside it; the name never decides (but see Detect).
func Sniff(data []byte) Format {
	switch {
	case bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\r\n\f "), []byte("%PDF-")):
		// Readers accept a header after a little white space; so do we.
		return PDF
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return DOC
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return RTF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return sniffZip(data)
	case looksLikeHTML(data):
		return HTML
	}
	return Text
}

// Detect is Sniff with the file's name as the tie-breaker for the one case
// content leaves open: a fragment of a page (a CMS export opening with
// <div>) reads as text, but named .html and holding tags, it is a page.
func Detect(name string, data []byte) Format {
	f := Sniff(data)
	ext := strings.ToLower(filepath.Ext(name))
	if f == Text && (ext == ".html" || ext == ".htm" || ext == ".xhtml") && reTag.Match(data[:min(len(data), 4096)]) {
		return HTML
	}
	return f
}

// reTag finds an HTML tag.
var reTag = regexp.MustCompile(`(?i)<(?:div|p|span|table|article|section|script|link|br|h[1-6])[\s>/]`)

// sniffZip looks inside a zip archive for the part that names its kind.
func sniffZip(data []byte) Format {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Zip
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return DOCX
		case "mimetype":
			if rc, err := f.Open(); err == nil {
				var b [64]byte
				n, _ := rc.Read(b[:])
				rc.Close()
				if strings.HasPrefix(string(b[:n]), "application/vnd.oasis.opendocument.text") {
					return ODT
				}
			}
		}
	}
	return Zip
}

// looksLikeHTML is true for text that starts, after a byte-order mark,
// white space and comments (a browser's "saved from url" among them), with
// an HTML document's first tag.
func looksLikeHTML(data []byte) bool {
	s := data[:min(len(data), 4096)]
	s = bytes.TrimPrefix(s, []byte("\xef\xbb\xbf"))
	// What may stand before the first tag: comments and an XML declaration.
	skips := [][2]string{{"<!--", "-->"}, {"<?xml", "?>"}}
skipping:
	for {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		for _, sk := range skips {
			if bytes.HasPrefix(s, []byte(sk[0])) {
				end := bytes.Index(s, []byte(sk[1]))
				if end < 0 {
					return false
				}
				s = s[end+len(sk[1]):]
				continue skipping
			}
		}
		break
	}
	lower := bytes.ToLower(s[:min(len(s), 16)])
	for _, tag := range [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"), []byte("<meta"), []byte("<title")} {
		if bytes.HasPrefix(lower, tag) {
			return true
		}
	}
	return false
}

// refusal is the error for a format that is recognised but not read.
func refusal(f Format) error {
	switch f {
	case DOC:
		return fmt.Errorf("%w: an old binary Office or WPS file (.doc, .wps): save it as .docx or PDF and read that", ErrUnsupported)
	case ODT:
		return fmt.Errorf("%w: an OpenDocument text (.odt): save it as .docx or PDF and read that", ErrUnsupported)
	case RTF:
		return fmt.Errorf("%w: an RTF document: save it as .docx or PDF and read that", ErrUnsupported)
	case Zip:
		return fmt.Errorf("%w: a zip archive that holds no Word document: unpack it and read the reports inside", ErrUnsupported)
	}
	return fmt.Errorf("%w: %s", ErrUnsupported, f)
}
