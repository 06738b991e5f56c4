package extract

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// errNoArticle is the error for a page that holds navigation and page
// furniture but no article text.
var errNoArticle = errors.New("extract: no article text in the web page")

// minArticleRunes is how many letters and digits of text outside links a
// page's article must hold. A page of menus and a footer ("主办：…", "备案号")
// has fewer once its links are dropped; the shortest notice has more.
const minArticleRunes = 40

// headScan is how far into a page a charset declaration is looked for
// when none is in the first 1024 bytes.
const headScan = 64 << 10

// readHTML reads a web page as saved from a government site: the article's
// text, without the navigation, share bars and footers around it, and what
// the page's head says about it. Nothing is fetched or run: scripts are
// dropped, links are text.
func readHTML(data []byte) (*Document, error) {
	if len(data) > MaxUnpacked {
		// Its tree would take many times that in memory.
		return nil, fmt.Errorf("%w: a web page of more than %d bytes", ErrTooLarge, MaxUnpacked)
	}
	text, err := decodeHTML(data)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// html.Parse accepts any byte soup; an error is a reader's.
		return nil, fmt.Errorf("%w: web page: %v", ErrDamaged, err)
	}
	head := readHead(doc)

	var pageURL *nurl.URL
	if u := head.sourceURL(); u != "" {
		pageURL, _ = nurl.Parse(u)
	}
	art, err := readability.FromDocument(doc, pageURL)
	if err != nil {
		art = readability.Article{}
	}

	body := articleText(art.Node, densestBlock(doc))
	meta := pageMeta(doc, head, art, body)

	if alnumCount(body.text) < minArticleRunes {
		if meta.Title != "" {
			return nil, fmt.Errorf("%w (page titled %q)", errNoArticle, meta.Title)
		}
		return nil, errNoArticle
	}
	out := body.text
	if meta.Title != "" && !startsWithTitle(out, meta.Title) {
		out = meta.Title + "\n\n" + out
	}
	return &Document{Text: out, Meta: meta, Removed: body.removed}, nil
}

// articleText renders readability's pick, unless it is clearly too short
// beside the page's densest block of text: government pages (layout
// tables, an article body in a bare div) often defeat readability, which
// then returns a fragment or nothing.
func articleText(picked, densest *html.Node) htmlText {
	r := renderText(picked)
	if densest == nil || densest == picked {
		return r
	}
	d := renderText(densest)
	if 2*hanCount(r.text) < hanCount(d.text) || alnumCount(r.text) < minArticleRunes {
		if alnumCount(d.text) > alnumCount(r.text) {
			return d
		}
	}
	return r
}

// startsWithTitle is true when title opens text, white space aside, within
// its first few lines: a title set over two lines counts.
func startsWithTitle(text, title string) bool {
	lines := strings.SplitN(text, "\n", 8)
	head := dropSpaces(strings.Join(lines[:min(len(lines), 7)], ""))
	return strings.HasPrefix(head, dropSpaces(title))
}

// dropSpaces drops all white space from s.
func dropSpaces(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// decodeHTML turns a page's bytes into UTF-8 text, in the encoding that
// its byte-order mark or <meta> declares. A declaration that the bytes
// contradict — a page saved as UTF-8 that still says gb2312 — loses to
// UTF-8 when the bytes are valid UTF-8; an undeclared page is UTF-8 if it
// can be, else GB18030 if it can be.
func decodeHTML(data []byte) (string, error) {
	enc, name, certain := charset.DetermineEncoding(data, "")
	declared := certain || name != "windows-1252"
	if !declared && len(data) > 1024 {
		// Nothing declared in the first 1024 bytes, where the standard
		// looks: saved pages often open with injected scripts and styles.
		if e, n := scanCharset(data[:min(len(data), headScan)]); e != nil {
			enc, name, declared = e, n, true
		}
	}
	switch {
	case name == "gbk":
		// GB2312 and GBK pages are decoded as GB18030, their superset: a
		// page declared gb2312 often holds GBK's rarer characters (names
		// of people and places), and x/text's GBK refuses the four-byte
		// forms of GB18030 that editors also write.
		enc = simplifiedchinese.GB18030
	case !declared || name == "utf-8":
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if utf8.Valid(data) {
			return string(data), nil
		}
		if gb, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil && !bytes.ContainsRune(gb, utf8.RuneError) {
			return string(gb), nil
		}
		if name == "utf-8" {
			return strings.ToValidUTF8(string(data), "\uFFFD"), nil
		}
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%w: web page in %s: %v", ErrDamaged, name, err)
	}
	if utf8.Valid(data) && bytes.Count(out, []byte("\uFFFD")) > bytes.Count(data, []byte("\uFFFD")) {
		return string(data), nil
	}
	return string(out), nil
}

// scanCharset finds a charset declared in a <meta> of head, the first
// bytes of a page, the way DetermineEncoding does within 1024 bytes.
func scanCharset(head []byte) (encoding.Encoding, string) {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "body":
				return nil, ""
			case "meta":
				var cs string
				for _, a := range tok.Attr {
					switch strings.ToLower(a.Key) {
					case "charset":
						cs = a.Val
					case "content":
						if i := strings.Index(strings.ToLower(a.Val), "charset="); i >= 0 && cs == "" {
							cs = strings.Trim(a.Val[i+len("charset="):], ` "';`)
						}
					}
				}
				if cs != "" {
					if e, n := charset.Lookup(cs); e != nil {
						return e, n
					}
				}
			}
		}
	}
}

// densestBlock is the element whose own paragraphs hold the most Chinese
// text outside links — the article, on a page whose other blocks are
// menus and lists of links — or nil for a page with no such text. Text is
// credited to the element that holds its paragraph (a <p>'s parent, a
// layout cell holding bare text itself) and half to that element's
// parent, as readability does; a block's score is then scaled by the share
// of its text that is not links, so a column of headlines scores little.
func densestBlock(doc *html.Node) *html.Node {
	score := map[*html.Node]float64{}
	var order []*html.Node // scored elements, in a fixed order for ties
	add := func(n *html.Node, k float64) {
		if _, ok := score[n]; !ok {
			order = append(order, n)
		}
		score[n] += k
	}
	var credit func(n *html.Node, inLink bool)
	credit = func(n *html.Node, inLink bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && !inLink:
				k := float64(hanCount(c.Data))
				if k == 0 {
					continue
				}
				holder := blockOf(n)
				if holder == nil {
					continue
				}
				if paragraphLike(holder) && holder.Parent != nil {
					holder = holder.Parent
				}
				add(holder, k)
				if holder.Parent != nil {
					add(holder.Parent, k/2)
				}
			case c.Type == html.ElementNode && !hiddenElement(c):
				credit(c, inLink || clickable(c))
			}
		}
	}
	credit(doc, false)

	var best *html.Node
	bestScore := 0.0
	for _, n := range order {
		s := score[n]
		if n.Type != html.ElementNode || n.DataAtom == atom.Html {
			continue
		}
		plain, linked := textShares(n, false)
		if plain == 0 {
			continue
		}
		s *= float64(plain) / float64(plain+linked)
		if s > bestScore {
			best, bestScore = n, s
		}
	}
	return best
}

// blockOf is n or its nearest ancestor that is a block element.
func blockOf(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && blockElement(n) {
			return n
		}
	}
	return nil
}

// paragraphLike is true for the blocks that are one paragraph, so that
// their text is credited to the element holding them.
func paragraphLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Dd, atom.Dt, atom.Blockquote, atom.Pre:
		return true
	}
	return false
}

// textShares counts the Chinese characters in n outside links and inside.
func textShares(n *html.Node, inLink bool) (plain, linked int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if inLink {
				linked += hanCount(c.Data)
			} else {
				plain += hanCount(c.Data)
			}
		case c.Type == html.ElementNode && !hiddenElement(c):
			p, l := textShares(c, inLink || clickable(c))
			plain, linked = plain+p, linked+l
		}
	}
	return plain, linked
}
