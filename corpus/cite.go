package corpus

import (
	"fmt"
	"strings"
)

// Citations name a report and a place in it the way a drafter pastes them
// into a document. Every layer that shows one — search hits, answers, the
// paragraph page, the cite command — writes it with these functions.

// Citation formats.
const (
	CiteText     = "text"     // 《题名》（发布机关，2023年1月17日）第二部分（三）1.
	CiteQuote    = "quote"    // “……”（《题名》，发布机关，2023年1月17日，第二部分（三）1.）
	CiteMarkdown = "markdown" // the quoted paragraph and a linked citation
	CiteGBT7714  = "gbt7714"  // a reference entry in the style of GB/T 7714-2015
)

// PermalinkPrefix is the path under which every paragraph has its page.
const PermalinkPrefix = "/p/"

// Permalink is the path of a paragraph's page: /p/<paragraph ID>. IDs use
// only URL-safe characters, so the path needs no escaping.
func Permalink(paragraphID string) string { return PermalinkPrefix + paragraphID }

// Citation is everything a drafter needs to cite a paragraph.
type Citation struct {
	ID        string `json:"id"`
	Report    string `json:"report"`
	Locator   string `json:"locator"` // 第二部分（三）1.
	Text      string `json:"text"`    // the whole paragraph
	Heading   string `json:"heading"`
	Cite      string `json:"cite"`     // CiteText
	Markdown  string `json:"markdown"` // CiteMarkdown
	GBT7714   string `json:"gbt7714"`  // CiteGBT7714
	Permalink string `json:"permalink"`
	// SourceURL is where the report was published, when known: a drafter
	// cites the official page, not this server.
	SourceURL string `json:"source_url,omitempty"`
	// Code is the paragraph's citation code (CiteCode), and Quote the whole
	// paragraph quoted with its source, as 「复制引用」 copies it.
	Code  string    `json:"code"`
	Quote Quotation `json:"quote"`
}

// CiteParagraph is the citation of a paragraph of the report m describes,
// its Markdown form linking to link (a path, or an absolute URL where the
// citation leaves the site).
func CiteParagraph(m Meta, id, locator, heading, text, link string) Citation {
	return Citation{
		ID: id, Report: m.ID, Locator: locator, Text: text, Heading: heading, Permalink: Permalink(id),
		Cite:      m.Cite(locator),
		GBT7714:   m.CiteGBT7714(),
		Markdown:  "> " + text + "\n\n—— " + m.CiteLinked(locator, link),
		SourceURL: m.SourceURL,
		Code:      CiteCode(id),
		Quote:     m.Quote(id, locator, text),
	}
}

// Cite is the text citation of a place in the report:
// 《题名》（发布机关，2023年1月17日）第二部分（三）1. Without an issuer it names
// who delivered the report; without a date, the last year it covers — so
// that a citation always names its report. A report the index does not
// know (m is empty) is cited by the locator alone.
func (m Meta) Cite(locator string) string {
	if m.ID == "" {
		return locator
	}
	paren := ""
	if meta := m.issuerDate(); len(meta) > 0 {
		paren = "（" + strings.Join(meta, "，") + "）"
	}
	return "《" + m.Title + "》" + paren + locator
}

// issuerDate are who issued the report and when, as a citation names them:
// the issuer, else who delivered it; the date, else the year delivered,
// else the last year it covers — so that a citation always dates its
// report when anything does.
func (m Meta) issuerDate() []string {
	var meta []string
	switch {
	case m.Issuer != "":
		meta = append(meta, m.Issuer)
	case m.Speaker != "":
		meta = append(meta, m.Speaker)
	}
	switch d := chineseDate(m.Date); {
	case d != "":
		meta = append(meta, d)
	case m.Delivered != 0:
		meta = append(meta, fmt.Sprintf("%d年", m.Delivered))
	case len(m.Years) > 0:
		meta = append(meta, fmt.Sprintf("%d年", m.Years[len(m.Years)-1]))
	}
	return meta
}

// CiteLinked is the text citation with the title linked, in Markdown: to
// the page the report was published on when it is known, else to link.
func (m Meta) CiteLinked(locator, link string) string {
	cite := m.Cite(locator)
	if m.ID == "" {
		return cite
	}
	if m.SourceURL != "" {
		link = m.SourceURL
	}
	title := "《" + m.Title + "》"
	return strings.Replace(cite, title, "["+title+"]("+link+")", 1)
}

// CiteGBT7714 is the report as a reference entry in the style of GB/T
// 7714-2015: 发布机关. 题名[R]. 会议, 日期. — and, published online,
// 发布机关. 题名[R/OL]. 会议, 日期. URL.
func (m Meta) CiteGBT7714() string {
	if m.ID == "" {
		return ""
	}
	var b strings.Builder
	if m.Issuer != "" {
		b.WriteString(m.Issuer + ". ")
	}
	if m.SourceURL != "" {
		b.WriteString(m.Title + "[R/OL]")
	} else {
		b.WriteString(m.Title + "[R]")
	}
	if m.Meeting != "" {
		b.WriteString(". " + m.Meeting)
	}
	if m.Date != "" {
		b.WriteString(", " + m.Date)
	}
	b.WriteString(".")
	if m.SourceURL != "" {
		b.WriteString(" " + m.SourceURL + ".")
	}
	return b.String()
}

// chineseDate writes 2023-01-17 as 2023年1月17日, or "" when d is not such a
// date.
func chineseDate(d string) string {
	var y, mo, day int
	if _, err := fmt.Sscanf(d, "%d-%d-%d", &y, &mo, &day); err != nil {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", y, mo, day)
}
