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

// docxWalker turns the token stream of word/document.xml into text: one
// line per paragraph, one per table row, blocks apart by a blank line.
type docxWalker struct {
	d       *xml.Decoder
	nb      *docxNumberer
	out     strings.Builder
	paras   []*docxParagraph // open paragraphs; a text box nests one in another
	alt     []bool           // per open mc:AlternateContent: a branch was taken
	tables  int              // depth of open tables
	rows    []string         // lines of the outermost open table
	row     []string         // cells of its open row
	cell    *strings.Builder
	hidden  bool // the open run is w:vanish
	taken   int  // bytes of text taken in, against MaxText
	removed int
}

type docxParagraph struct {
	line     strings.Builder
	style    string
	numID    string
	level    int
	hasNum   bool
	hasLevel bool
	resolved bool   // numbered (or not) and its style looked at
	label    string // the list number, still to go before the first line
	contents bool   // a table-of-contents entry: dropped
}

func (w *docxWalker) walk(d *xml.Decoder) error {
	w.d = d
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = w.start(t)
		case xml.EndElement:
			w.end(t)
		}
		if err != nil {
			return err
		}
	}
}

func isWordNS(space string) bool { return space == nsWord || space == nsWordStrict || space == "w" }

func (w *docxWalker) top() *docxParagraph {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

func (w *docxWalker) start(t xml.StartElement) error {
	if t.Name.Space == nsMC || t.Name.Space == "mc" {
		// One branch of an mc:AlternateContent, or a text box's text
		// comes twice: once as a drawing, once as VML.
		switch t.Name.Local {
		case "AlternateContent":
			w.alt = append(w.alt, false)
		case "Choice", "Fallback":
			if n := len(w.alt); n > 0 {
				if w.alt[n-1] {
					return w.d.Skip()
				}
				w.alt[n-1] = true
			}
		}
		return nil
	}
	p := w.top()
	if t.Name.Space == nsMath && t.Name.Local == "t" {
		return w.text(p)
	}
	if !isWordNS(t.Name.Space) {
		return nil
	}
	if p != nil && !p.resolved && t.Name.Local != "pPr" {
		w.resolve(p)
	}
	switch t.Name.Local {
	case "p":
		if p != nil { // a text box's paragraph: what came before it is read first
			w.flush(p)
		}
		w.paras = append(w.paras, &docxParagraph{style: w.nb.defaultStyle})
	case "pPr":
		if p != nil {
			return w.properties(p)
		}
	case "rPr":
		return w.runProperties()
	case "tbl":
		if p != nil {
			w.flush(p)
		}
		w.tables++
	case "tr":
		if w.tables == 1 {
			w.row = w.row[:0]
		}
	case "tc":
		if w.tables == 1 {
			w.cell = &strings.Builder{}
		}
	case "r":
		w.hidden = false
	case "t":
		return w.text(p)
	case "tab", "ptab":
		return w.add(p, "\t")
	case "noBreakHyphen":
		return w.add(p, "-")
	case "br", "cr":
		// Soft line breaks stand between paragraphs in many a
		// government file; page and column breaks end one too.
		if p != nil {
			w.flush(p)
		}
	case "del", "moveFrom", "delText", "delInstrText", "instrText", "footnoteReference", "endnoteReference", "sectPr":
		return w.d.Skip()
	default:
		if isRevisionMark(t) {
			return w.d.Skip()
		}
	}
	return nil
}

func (w *docxWalker) end(t xml.EndElement) {
	if t.Name.Space == nsMC || t.Name.Space == "mc" {
		if t.Name.Local == "AlternateContent" && len(w.alt) > 0 {
			w.alt = w.alt[:len(w.alt)-1]
		}
		return
	}
	if !isWordNS(t.Name.Space) {
		return
	}
	switch t.Name.Local {
	case "p":
		if p := w.top(); p != nil {
			w.paras = w.paras[:len(w.paras)-1]
			if !p.resolved {
				w.resolve(p)
			}
			w.flush(p)
		}
	case "r":
		w.hidden = false
	case "tc":
		if w.tables == 1 && w.cell != nil {
			w.row = append(w.row, strings.TrimSpace(w.cell.String()))
			w.cell = nil
		}
	case "tr":
		if w.tables == 1 {
			if line := strings.Join(w.row, "\t"); strings.Trim(line, "\t") != "" {
				w.rows = append(w.rows, line)
			}
			w.row = w.row[:0]
		}
	case "tbl":
		if w.tables--; w.tables == 0 {
			w.block(strings.Join(w.rows, "\n"))
			w.rows = w.rows[:0]
		}
	}
}

// properties reads a w:pPr: the paragraph's style and list.
func (w *docxWalker) properties(p *docxParagraph) error {
	err := eachInside(w.d, func(t xml.StartElement) {
		switch t.Name.Local {
		case "pStyle":
			p.style = xmlAttr(t, "val")
		case "numId":
			p.numID, p.hasNum = xmlAttr(t, "val"), true
		case "ilvl":
			p.level, p.hasLevel = xmlInt(xmlAttr(t, "val")), true
		}
	})
	if err != nil {
		return err
	}
	w.resolve(p)
	return nil
}

// runProperties reads a w:rPr for hidden text.
func (w *docxWalker) runProperties() error {
	return eachInside(w.d, func(t xml.StartElement) {
		if t.Name.Local == "vanish" && xmlOn(t, "val") {
			w.hidden = true
		}
	})
}

// eachInside reads the element just opened to its end and calls visit for
// every element inside it, at any depth, except what a revision mark
// (w:pPrChange, w:rPrChange: the properties before an edit) holds.
func eachInside(d *xml.Decoder, visit func(xml.StartElement)) error {
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if isRevisionMark(t) {
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			}
			depth++
			visit(t)
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// resolve numbers a paragraph once its properties are known, whether or
// not it turns out to hold text: Word counts an empty numbered paragraph.
func (w *docxWalker) resolve(p *docxParagraph) {
	p.resolved = true
	if s := w.nb.styles[p.style]; s != nil {
		// Built-in style names are stored in English whatever the
		// language of Word: "toc 1" … "toc 9", "TOC Heading".
		name := strings.ToLower(s.name)
		p.contents = strings.HasPrefix(name, "toc ") || name == "table of figures"
	}
	p.label = w.nb.label(p.style, p.numID, p.hasNum, p.level, p.hasLevel)
}

// text reads the characters of a w:t (or m:t) into p.
func (w *docxWalker) text(p *docxParagraph) error {
	for {
		tok, err := w.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if err := w.add(p, strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' {
					return ' '
				}
				return r
			}, string(t))); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

func (w *docxWalker) add(p *docxParagraph, s string) error {
	if p == nil || w.hidden {
		return nil
	}
	if w.taken += len(s); w.taken > MaxText {
		return fmt.Errorf("%w: the Word document holds more than %d bytes of text", ErrTooLarge, MaxText)
	}
	p.line.WriteString(s)
	return nil
}

// flush ends p's current line: into the open table cell, else as a block.
func (w *docxWalker) flush(p *docxParagraph) {
	text := docxTrim(p.line.String())
	p.line.Reset()
	if text == "" {
		return
	}
	if p.contents {
		w.removed++
		return
	}
	text, p.label = p.label+text, ""
	if w.cell != nil {
		if w.cell.Len() > 0 {
			w.cell.WriteByte(' ')
		}
		w.cell.WriteString(strings.ReplaceAll(text, "\t", " "))
		return
	}
	w.block(text)
}

func (w *docxWalker) block(s string) {
	if s == "" {
		return
	}
	if w.out.Len() > 0 {
		w.out.WriteString("\n\n")
	}
	w.out.WriteString(s)
}
