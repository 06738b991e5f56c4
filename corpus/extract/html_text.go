package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Layout tables hold an article in a cell; data tables hold one value a
// cell. A cell with more paragraphs or text than this is layout, and its
// text is read as paragraphs rather than as one row.
const (
	layoutCellParas = 3
	layoutCellRunes = 300
)

// htmlText is an element's text: paragraphs apart by a blank line, and how
// many paragraphs were dropped as made of nothing but links (menus,
// related articles, "打印本页" buttons).
type htmlText struct {
	text    string
	removed int
}

// htmlPara is one paragraph as the renderer found it; linkOnly paragraphs
// have no letter outside a link or a clickable element.
type htmlPara struct {
	text     string
	linkOnly bool
}

// renderText turns an element into text: block elements end a paragraph,
// table rows are a line of tab-separated cells, and elements that never
// show text (scripts, styles, forms, navigation) are skipped.
func renderText(n *html.Node) htmlText {
	if n == nil {
		return htmlText{}
	}
	var r htmlRenderer
	r.walk(n)
	r.flush()
	var b strings.Builder
	out := htmlText{}
	for _, p := range r.paras {
		if p.linkOnly {
			out.removed++
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.text)
	}
	out.text = b.String()
	return out
}

// htmlRenderer gathers paragraphs while walking a tree.
type htmlRenderer struct {
	paras    []htmlPara
	cur      strings.Builder
	inLink   int
	letters  int // letters in cur outside links
	linkText int // letters in cur inside links
}

func (r *htmlRenderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.cur.WriteString(n.Data)
		k := alnumCount(n.Data)
		if r.inLink > 0 {
			r.linkText += k
		} else {
			r.letters += k
		}
		return
	case html.DocumentNode:
		r.children(n)
		return
	case html.ElementNode:
	default:
		return
	}
	if hiddenElement(n) {
		return
	}
	switch {
	case n.DataAtom == atom.Br:
		r.flush()
	case n.DataAtom == atom.Table:
		r.flush()
		r.table(n)
	case clickable(n):
		r.inLink++
		r.children(n)
		r.inLink--
	case blockElement(n):
		r.flush()
		r.children(n)
		r.flush()
	default:
		r.children(n)
	}
}

func (r *htmlRenderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

// flush ends the current paragraph.
func (r *htmlRenderer) flush() {
	if s := collapseSpace(r.cur.String()); s != "" {
		r.paras = append(r.paras, htmlPara{text: s, linkOnly: r.letters == 0 && r.linkText > 0})
	}
	r.cur.Reset()
	r.letters, r.linkText = 0, 0
}

// table renders a data table as one line a row, cells apart by a tab, and
// a layout table as the paragraphs in its cells.
func (r *htmlRenderer) table(t *html.Node) {
	var rows [][][]htmlPara
	layout := false
	for _, tr := range tableRows(t) {
		var cells [][]htmlPara
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) || hiddenElement(c) {
				continue
			}
			var sub htmlRenderer
			sub.inLink = r.inLink
			sub.children(c)
			sub.flush()
			runes := 0
			for _, p := range sub.paras {
				runes += utf8.RuneCountInString(p.text)
			}
			if len(sub.paras) >= layoutCellParas || runes > layoutCellRunes || hasDescendant(c, atom.Table) {
				layout = true
			}
			cells = append(cells, sub.paras)
		}
		rows = append(rows, cells)
	}
	for _, cap := range childElements(t, atom.Caption) {
		r.walk(cap)
		r.flush()
	}
	for _, cells := range rows {
		if layout {
			for _, c := range cells {
				r.paras = append(r.paras, c...)
			}
			continue
		}
		line := make([]string, len(cells))
		for i, c := range cells {
			parts := make([]string, len(c))
			for j, p := range c {
				parts[j] = p.text
			}
			line[i] = strings.Join(parts, " ")
		}
		if s := strings.TrimRight(strings.Join(line, "\t"), "\t"); strings.TrimSpace(s) != "" {
			r.paras = append(r.paras, htmlPara{text: s})
		}
	}
}

// tableRows are the rows of t itself, not of tables nested in its cells.
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || hiddenElement(c) {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			rows = append(rows, childElements(c, atom.Tr)...)
		}
	}
	return rows
}

func childElements(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a && !hiddenElement(c) {
			out = append(out, c)
		}
	}
	return out
}

func hasDescendant(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || hasDescendant(c, a)) {
			return true
		}
	}
	return false
}

// hiddenElement is true for elements whose text a reader never sees as the
// page's text: code, styles, embedded frames, forms and their controls,
// navigation and footers, and what the page hides.
func hiddenElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Frame, atom.Frameset,
		atom.Form, atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Option,
		atom.Nav, atom.Footer, atom.Head, atom.Template, atom.Svg, atom.Math,
		atom.Object, atom.Embed, atom.Canvas, atom.Audio, atom.Video, atom.Map:
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			st := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// clickable is true for links and for elements a script makes into
// buttons (an onclick "打印本页"): their text is the page's controls, not
// its content.
func clickable(n *html.Node) bool {
	if n.DataAtom == atom.A {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "onclick" || (a.Key == "role" && a.Val == "button") {
			return true
		}
	}
	return false
}

// blockElement is true for elements that end a paragraph.
func blockElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Aside, atom.Header,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd,
		atom.Blockquote, atom.Pre, atom.Address, atom.Center, atom.Hr,
		atom.Figure, atom.Figcaption, atom.Fieldset, atom.Details, atom.Summary,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Body, atom.Html:
		return true
	}
	return false
}

// collapseSpace collapses each run of white space in a paragraph to one
// space, and drops white space at the ends: the NBSP and U+3000
// indentation of Chinese paragraphs with it. A run that breaks a line
// between two CJK characters is dropped, as browsers do: the source
// wrapped 我们 and 坚持 apart, it did not space them; a space typed between
// them (宜春市统计局 国家统计局宜春调查队) is kept.
func collapseSpace(s string) string {
	var b strings.Builder
	var prev rune
	pending, broken := false, false
	for _, c := range s {
		switch {
		case c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u200b' || c == '\ufeff':
			pending, broken = true, true
			continue
		case unicode.IsSpace(c):
			pending = true
			continue
		}
		if pending && b.Len() > 0 && !(broken && wideRune(prev) && wideRune(c)) {
			b.WriteByte(' ')
		}
		pending, broken = false, false
		b.WriteRune(c)
		prev = c
	}
	return b.String()
}

// wideRune is true for characters written without spaces between them:
// ideographs, kana, hangul and East Asian punctuation.
func wideRune(c rune) bool {
	return unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x206f)
}

// hanCount is how many Chinese characters s holds.
func hanCount(s string) int {
	n := 0
	for _, c := range s {
		if unicode.Is(unicode.Han, c) {
			n++
		}
	}
	return n
}

// alnumCount is how many letters and digits s holds.
func alnumCount(s string) int {
	n := 0
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			n++
		}
	}
	return n
}
