package extract

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// The walk through word/document.xml: paragraphs in document order, their
// properties (style, list), runs, breaks, tables and text boxes, into the
// lines of the Document's text.

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
