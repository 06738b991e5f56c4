package web

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
	"reportsearch/query"
	"reportsearch/search"
)

// The reading view: a report whole, with its table of contents, an anchor
// on every section and paragraph, and a query's matches marked for
// 「上一处 / 下一处」 (static/reader.js walks the marks the server wrote).
//
// Anchors are the tails of the stable IDs: a section's path (2.3) and a
// paragraph's path within its report (2.3/p1, p1 before the first
// heading), so that a link to a paragraph survives re-indexing as its
// permalink does.

// readingPage is the data of the reading view.
type readingPage struct {
	layout
	ReportID    string
	Label       string // the report's label: place · year and kind
	ReportTitle string
	Cite        string // the report as a citation names it, printed at the end
	Toc         []*tocEntry
	Blocks      []readBlock
	Paragraphs  int
	// Marked counts the query's marks over the report; Searched is the
	// query they are of, QueryNote why a query marks nothing.
	Marked    int
	Searched  string
	QueryNote string
	// SearchLink is the search for the query within this report.
	SearchLink string
}

// tocEntry is a section in the table of contents.
type tocEntry struct {
	Anchor   string
	Text     string
	Marked   int // the query's marks in the section and those below it
	Children []*tocEntry
}

// readBlock is a heading or a paragraph, in reading order.
type readBlock struct {
	Heading *readHeading
	Para    *readPara
}

type readHeading struct {
	Level  int // 2 for a part (the page's h1 is the report's title)
	Anchor string
	Text   string
}

type readPara struct {
	ID      string
	Anchor  string
	Locator string
	Section string // the anchor of its section; "" before the first heading
	Text    template.HTML
	Marked  int
}

// anchorOf is the anchor of a paragraph or section ID within its report.
func anchorOf(id string) string {
	_, tail, _ := strings.Cut(id, "/")
	return tail
}

// readURL is the reading view of a report; with a paragraph ID it opens at
// that paragraph, and with a query it marks the query's matches.
func readURL(report, q, paragraphID string) string {
	u := pathRead + url.PathEscape(report)
	if q != "" {
		u += "?" + url.Values{"q": {q}}.Encode()
	}
	if paragraphID != "" {
		u += "#" + anchorOf(paragraphID)
	}
	return u
}

// readAt is readURL for a paragraph: its report at it.
func readAt(paragraphID, q string) string {
	return readURL(corpus.ReportOfID(paragraphID), q, paragraphID)
}

// pageRead is GET /read/{report}: the report whole, marked for ?q=.
func (s *Server) pageRead(c *gin.Context) {
	report := c.Param("report")
	entry, ok := s.cfg.Index.Catalog().Report(report)
	if !ok {
		s.fail(c, notFound("web.no-report", "report", report))
		return
	}
	cat := s.cfg.Index.Catalog()
	p := readingPage{layout: s.layout(c, cat.Label(report)), ReportID: report, Label: cat.Label(report), ReportTitle: entry.Title}
	p.Cite = cat.Meta(report).Cite("")
	text := strings.TrimSpace(c.Query("q"))
	var q *query.Query
	if text != "" {
		parsed, err := query.Parse(text)
		var pe *query.ParseError
		switch {
		case errors.Is(err, query.ErrEmptyQuery):
			p.QueryNote = "查询为空，未标出匹配。"
		case errors.As(err, &pe):
			p.QueryNote = "查询有误，未标出匹配：" + pe.Error()
		case err != nil:
			s.fail(c, err)
			return
		default:
			q, p.Searched = parsed, text
			p.SearchLink = searchURL(url.Values{"q": {text}, "report": {report}})
		}
	}
	rd, err := s.cfg.Index.Read(c.Request.Context(), report, q)
	if err != nil {
		s.fail(c, err)
		return
	}
	p.Marked, p.Paragraphs = rd.Marked, len(rd.Paragraphs)
	p.Toc, p.Blocks = layOutReading(rd)
	if rd.Partial && p.Marked > 0 {
		p.QueryNote = "本报告中没有段落包含查询的全部词语，标出的是其中的部分词语。"
	}
	if p.Searched != "" && p.Marked == 0 && p.QueryNote == "" {
		p.QueryNote = "本报告中没有“" + p.Searched + "”的匹配。"
	}
	s.render(c, http.StatusOK, "read", p)
}

// layOutReading turns the paragraphs in reading order into headings and
// paragraphs, a heading before the first paragraph of each section (and
// of each section above it that has not begun yet), and the table of
// contents of those sections.
func layOutReading(rd *search.Reading) ([]*tocEntry, []readBlock) {
	var toc []*tocEntry
	var open []*tocEntry // the sections the previous paragraph is in, outermost first
	var openPaths []string
	blocks := make([]readBlock, 0, len(rd.Paragraphs)*5/4)
	for i := range rd.Paragraphs {
		rp := &rd.Paragraphs[i]
		path := search.SectionPath(rp.Paragraph)
		var chain []string // the paths of its section and those above it
		if path != "" {
			parts := strings.Split(path, ".")
			for k := range parts {
				chain = append(chain, strings.Join(parts[:k+1], "."))
			}
		}
		// Keep the sections both paragraphs are in; begin the others.
		keep := 0
		for keep < len(chain) && keep < len(openPaths) && chain[keep] == openPaths[keep] {
			keep++
		}
		open, openPaths = open[:keep], openPaths[:keep]
		for k := keep; k < len(chain); k++ {
			text := ""
			if k < len(rp.Headings) {
				text = rp.Headings[k]
			}
			e := &tocEntry{Anchor: chain[k], Text: text}
			if k == 0 {
				toc = append(toc, e)
			} else {
				open[k-1].Children = append(open[k-1].Children, e)
			}
			open, openPaths = append(open, e), append(openPaths, chain[k])
			blocks = append(blocks, readBlock{Heading: &readHeading{Level: min(k+2, 6), Anchor: chain[k], Text: text}})
		}
		for _, e := range open {
			e.Marked += len(rp.Matches)
		}
		blocks = append(blocks, readBlock{Para: &readPara{
			ID: rp.ID, Anchor: anchorOf(rp.ID), Locator: rp.Locator, Section: path,
			Text: highlight(rp.Text, rp.Matches), Marked: len(rp.Matches),
		}})
	}
	return toc, blocks
}
