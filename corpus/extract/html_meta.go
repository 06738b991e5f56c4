package extract

import (
	"fmt"
	nurl "net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The <meta> names (or properties) read for each field, best first,
// lower-cased. ArticleTitle, PubDate and ContentSource are what the
// content systems of Chinese government sites write.
var (
	titleMeta  = []string{"articletitle", "og:title"}
	dateMeta   = []string{"pubdate", "publishdate", "article:published_time"}
	urlMeta    = []string{"og:url"}
	issuerMeta = []string{"contentsource", "source"}
)

var (
	// htmlDateRe matches a date as pages write it: 2023-01-17, 2023/1/17,
	// 2023年01月17日. Only the date: a time after it is not read.
	htmlDateRe = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
	// htmlDateLabelRe is a date after a label: 发布时间：, 发布日期: …
	htmlDateLabelRe = regexp.MustCompile(`(?:时间|日期)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})`)
	// savedFromRe is the comment a browser writes atop a saved page.
	savedFromRe = regexp.MustCompile(`^\s*saved from url=\(\d+\)(\S+)`)
)

// dateLines is how many paragraphs from the top of a page, or of its
// article, are searched for a date line.
const dateLines = 40

// pageHead is what a page's markup says about it, outside its text.
type pageHead struct {
	meta      map[string]string // <meta> content by lower-cased name or property; first non-empty wins
	title     string            // <title>
	canonical string            // <link rel="canonical">
	savedFrom string            // <!-- saved from url=(…)… -->
	h1        []string          // the text of each <h1>
}

// readHead gathers the page's <meta>, <title>, canonical link, saved-from
// comment and headings, wherever in the tree the parser put them.
func readHead(doc *html.Node) pageHead {
	h := pageHead{meta: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.CommentNode:
			if m := savedFromRe.FindStringSubmatch(n.Data); m != nil && h.savedFrom == "" {
				h.savedFrom = m[1]
			}
		case n.Type == html.ElementNode && n.DataAtom == atom.Meta:
			key := strings.ToLower(strings.TrimSpace(htmlAttr(n, "name") + htmlAttr(n, "property")))
			if v := strings.TrimSpace(htmlAttr(n, "content")); key != "" && v != "" && h.meta[key] == "" {
				h.meta[key] = v
			}
		case n.Type == html.ElementNode && n.DataAtom == atom.Title:
			if h.title == "" {
				h.title = collapseSpace(nodeText(n))
			}
		case n.Type == html.ElementNode && n.DataAtom == atom.Link:
			if strings.EqualFold(strings.TrimSpace(htmlAttr(n, "rel")), "canonical") && h.canonical == "" {
				h.canonical = strings.TrimSpace(htmlAttr(n, "href"))
			}
		case n.Type == html.ElementNode && n.DataAtom == atom.H1:
			if t := collapseSpace(nodeText(n)); t != "" {
				h.h1 = append(h.h1, t)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return h
}

// sourceURL is where the page says it was published: its canonical link,
// its og:url, or the address the browser saved it from.
func (h pageHead) sourceURL() string {
	cands := []string{h.canonical}
	for _, k := range urlMeta {
		cands = append(cands, h.meta[k])
	}
	for _, u := range append(cands, h.savedFrom) {
		if absoluteHTTP(u) {
			return u
		}
	}
	return ""
}

// absoluteHTTP is true for an absolute http or https URL with a host.
func absoluteHTTP(s string) bool {
	u, err := nurl.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// pageMeta is the Meta of a page: its head, readability's reading of it,
// and for the date the page's own first lines.
func pageMeta(doc *html.Node, h pageHead, art readability.Article, body htmlText) Meta {
	var m Meta
	m.SourceURL = h.sourceURL()
	for _, k := range issuerMeta {
		if v := strings.TrimSpace(h.meta[k]); v != "" {
			m.Issuer = v
			break
		}
	}

	cands := []string{h.meta[titleMeta[0]], art.Title()}
	for _, k := range titleMeta[1:] {
		cands = append(cands, h.meta[k])
	}
	headings := append(LeadingLines(body.text, 3), h.h1...)
	for _, t := range append(cands, h.title) {
		if t = collapseSpace(t); t != "" {
			m.Title = pickTitlePart(splitTitle(t), headings)
			break
		}
	}
	if m.Title == "" && len(h.h1) > 0 {
		m.Title = h.h1[0]
	}

	for _, k := range dateMeta {
		if d := dateOf(h.meta[k]); d != "" {
			m.Date = d
			return m
		}
	}
	if t, err := art.PublishedTime(); err == nil && t.Year() > 1900 {
		m.Date = t.Format("2006-01-02")
		return m
	}
	m.Date = textDate(renderText(doc).text, body.text)
	return m
}

// textDate finds a date in a page's first lines: after a label (发布时间：)
// near the top of the page, else a bare date near the top of its article.
func textDate(page, article string) string {
	for _, line := range LeadingLines(page, dateLines) {
		if m := htmlDateLabelRe.FindStringSubmatch(line); m != nil {
			if d := dateOf(m[1]); d != "" {
				return d
			}
		}
	}
	for _, line := range LeadingLines(article, dateLines/4) {
		if d := dateOf(line); d != "" {
			return d
		}
	}
	return ""
}

// LeadingLines is the first n non-empty lines of text, trimmed.
func LeadingLines(text string, n int) []string {
	var out []string
	for line := range strings.Lines(text) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// dateOf is the first plausible date in s as YYYY-MM-DD, or "".
func dateOf(s string) string {
	for _, m := range htmlDateRe.FindAllStringSubmatch(s, -1) {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if y >= 1949 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
		}
	}
	return ""
}

// splitTitle splits a <title> at the separators sites put between an
// article's title and their own name: "_", "|", and a dash that is not
// part of a number range (2021-2025) or a Chinese dash pair (——).
func splitTitle(t string) []string {
	rs := []rune(t)
	var parts []string
	start := 0
	for i, c := range rs {
		sep := false
		switch c {
		case '_', '|', '｜':
			sep = true
		case '-', '–', '—', '－':
			prev, next := neighbour(rs, i, -1), neighbour(rs, i, 1)
			sep = !(unicode.IsDigit(prev) && unicode.IsDigit(next)) && prev != c && next != c
		}
		if sep {
			parts = append(parts, string(rs[start:i]))
			start = i + 1
		}
	}
	parts = append(parts, string(rs[start:]))
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// neighbour is the rune next to rs[i] in direction dir, spaces skipped.
func neighbour(rs []rune, i, dir int) rune {
	for j := i + dir; j >= 0 && j < len(rs); j += dir {
		if !unicode.IsSpace(rs[j]) {
			return rs[j]
		}
	}
	return 0
}

// pickTitlePart is the part of a split title that is the article's: the
// one that a heading of the page, or a first line of its article,
// repeats; else the longest (a site's name is shorter than a report's
// title).
func pickTitlePart(parts, headings []string) string {
	if len(parts) == 0 {
		return ""
	}
	for _, p := range parts {
		for _, h := range headings {
			if dropSpaces(h) == dropSpaces(p) {
				return p
			}
		}
	}
	best := parts[0]
	for _, p := range parts[1:] {
		if len([]rune(p)) > len([]rune(best)) {
			best = p
		}
	}
	return best
}

// htmlAttr is the value of n's attribute key, or "".
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodeText is all the text under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
