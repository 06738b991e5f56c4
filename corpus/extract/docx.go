package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// A .docx is a zip of XML parts. Only the main text (word/document.xml),
// the styles and lists that number its headings, and the title in
// docProps/core.xml are read; headers, footers, footnotes and comments
// are not part of a report's text. Every part is read as a token stream
// through a counting reader, never whole, so a part of hundreds of
// megabytes costs no more memory than a small one.

var errEmptyDocument = errors.New("extract: the Word document holds no text")

// XML namespaces of the elements read.
const (
	nsWord       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMath       = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMC         = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsDC         = "http://purl.org/dc/elements/1.1/"
)

// The parts read, in the order read: lists are defined before the text
// that uses them.
const (
	partStyles    = "word/styles.xml"
	partNumbering = "word/numbering.xml"
	partDocument  = "word/document.xml"
	partCore      = "docProps/core.xml"
)

// readDOCX reads a Word document (.docx): its main text, list numbers
// and all, and its title.
func readDOCX(data []byte) (*Document, error) { return readDOCXLimit(data, MaxUnpacked) }

// readDOCXLimit reads a .docx whose parts read may unpack to limit bytes
// in all (a parameter so that tests can reach the limit cheaply).
func readDOCXLimit(data []byte, limit int64) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, fmt.Errorf("%w: the Word document is not a readable zip archive: %v", ErrDamaged, err)
	}
	if len(zr.File) > MaxZipParts {
		return nil, fmt.Errorf("%w: the Word document has %d parts, more than %d", ErrTooLarge, len(zr.File), MaxZipParts)
	}
	pk := &docxPackage{files: zr.File, left: limit, limit: limit}
	if pk.find(partDocument) == nil {
		return nil, fmt.Errorf("%w: the Word document has no %s", ErrDamaged, partDocument)
	}
	// What the headers declare is checked first, to refuse an honest
	// zip bomb without unpacking it; what the parts really unpack to is
	// counted as they are read, and archive/zip refuses a part that
	// unpacks to more than its header says.
	var declared uint64
	for _, name := range []string{partStyles, partNumbering, partDocument, partCore} {
		if f := pk.find(name); f != nil {
			declared += f.UncompressedSize64
		}
	}
	if declared > uint64(limit) {
		return nil, fmt.Errorf("%w: the Word document's text and styles unpack to %d bytes, more than %d", ErrTooLarge, declared, limit)
	}

	nb := newDocxNumberer()
	if err := pk.read(partStyles, nb.readStyles); err != nil {
		return nil, err
	}
	if err := pk.read(partNumbering, nb.readNumbering); err != nil {
		return nil, err
	}
	w := &docxWalker{nb: nb}
	if err := pk.read(partDocument, w.walk); err != nil {
		return nil, err
	}
	if w.out.Len() == 0 {
		return nil, errEmptyDocument
	}
	doc := &Document{Text: w.out.String(), Removed: w.removed}
	// The creation and modification dates and the author are the
	// file's, not the report's publication date or issuer; only the
	// title is taken, and a bad core.xml costs only the title.
	err = pk.read(partCore, func(d *xml.Decoder) error {
		title, err := readCoreTitle(d)
		doc.Meta.Title = docxTitle(title)
		return err
	})
	if errors.Is(err, ErrTooLarge) {
		return nil, err
	}
	return doc, nil
}

// docxPackage is an opened .docx with what its parts may still unpack to.
type docxPackage struct {
	files       []*zip.File
	left, limit int64
}

// find is the named part; part names are case-insensitive (ECMA-376 Part 2).
func (pk *docxPackage) find(name string) *zip.File {
	var fold *zip.File
	for _, f := range pk.files {
		if f.Name == name {
			return f
		}
		if fold == nil && strings.EqualFold(f.Name, name) {
			fold = f
		}
	}
	return fold
}

// read streams the named part, if there is one, to fn.
func (pk *docxPackage) read(name string, fn func(*xml.Decoder) error) error {
	f := pk.find(name)
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrDamaged, name, err)
	}
	defer rc.Close()
	err = fn(xml.NewDecoder(&docxPartReader{r: rc, name: name, pk: pk}))
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrTooLarge):
		return err
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum):
		return fmt.Errorf("%w: %s: unpacks to more than its zip header says, or is corrupt: %v", ErrDamaged, name, err)
	}
	return fmt.Errorf("%w: %s: %v", ErrDamaged, name, err)
}

// docxPartReader counts what a part unpacks to against its package's budget,
// and bounds a run of bytes without markup: encoding/xml holds a whole
// text node or tag in memory, and a text node longer than MaxText could
// not be kept anyway.
type docxPartReader struct {
	r    io.Reader
	name string
	pk   *docxPackage
	run  int // bytes since the last '<' or '>'
}

func (r *docxPartReader) Read(p []byte) (int, error) {
	if int64(len(p)) > r.pk.left+1 {
		p = p[:r.pk.left+1] // as io.LimitReader: no more than one byte past the budget
	}
	n, err := r.r.Read(p)
	r.pk.left -= int64(n)
	if r.pk.left < 0 {
		return n, fmt.Errorf("%w: %s unpacks past the %d bytes a Word document may unpack to", ErrTooLarge, r.name, r.pk.limit)
	}
	if i := max(bytes.LastIndexByte(p[:n], '<'), bytes.LastIndexByte(p[:n], '>')); i >= 0 {
		r.run = n - 1 - i
	} else {
		r.run += n
	}
	if r.run > MaxText {
		return n, fmt.Errorf("%w: %s holds a run of more than %d bytes without markup", ErrTooLarge, r.name, MaxText)
	}
	return n, err
}

// readCoreTitle is dc:title of docProps/core.xml.
func readCoreTitle(d *xml.Decoder) (string, error) {
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Space == nsDC && t.Name.Local == "title" {
			var b strings.Builder
			for {
				tok, err := d.Token()
				if err != nil {
					return "", err
				}
				switch t := tok.(type) {
				case xml.CharData:
					b.Write(t)
				case xml.EndElement:
					return b.String(), nil
				}
			}
		}
	}
}

// docxTitle keeps a title worth showing: many files carry the name Word
// gave them ("Microsoft Word - 报告.doc") or a template's English title.
func docxTitle(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= len("Microsoft Word - ") && strings.EqualFold(s[:len("Microsoft Word - ")], "Microsoft Word - ") {
		s = s[len("Microsoft Word - "):]
	}
	for _, ext := range []string{".docx", ".doc", ".wps"} {
		if len(s) >= len(ext) && strings.EqualFold(s[len(s)-len(ext):], ext) {
			s = s[:len(s)-len(ext)]
			break
		}
	}
	s = strings.TrimSpace(s)
	if strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) < 0 {
		return ""
	}
	return s
}

// docxTrim trims a paragraph: indentation typed as spaces, no-break or
// ideographic spaces, and stray zero-width marks are not text.
func docxTrim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
	})
}
