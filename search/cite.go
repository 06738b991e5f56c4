package search

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/indexer"
)

// Citation formats.
const (
	CiteText     = "text"     // 《题名》（发布机关，2023年1月17日）第二部分（三）1.
	CiteMarkdown = "markdown" // the quoted paragraph and a linked citation
	CiteGBT7714  = "gbt7714"  // a reference entry in the style of GB/T 7714-2015
)

// Citation is everything a drafter needs to cite a paragraph.
type Citation struct {
	ID        string `json:"id"`
	Report    string `json:"report"`
	Place     string `json:"place"`
	Text      string `json:"text"` // the whole paragraph
	Heading   string `json:"heading"`
	Cite      string `json:"cite"`     // CiteText
	Markdown  string `json:"markdown"` // CiteMarkdown
	GBT7714   string `json:"gbt7714"`  // CiteGBT7714
	Permalink string `json:"permalink"`
}

// Cite returns the citation of a paragraph, or ErrNotFound.
func (e *Engine) Cite(ctx context.Context, id string) (*Citation, error) {
	sr := bleveDocRequest(id)
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("search: paragraph %q: %w", id, ErrNotFound)
	}
	h := e.hitFrom(res.Hits[0].ID, 0, res.Hits[0].Fields)
	h.Citation = e.citation(h.Report, h.Place, CiteText)
	return &Citation{
		ID: h.ID, Report: h.Report, Place: h.Place, Text: h.Text, Heading: h.Heading, Permalink: h.Link,
		Cite:     e.citation(h.Report, h.Place, CiteText),
		GBT7714:  e.citation(h.Report, h.Place, CiteGBT7714),
		Markdown: "> " + h.Text + "\n\n—— " + e.markdownCitation(h.Report, h.Place, h.Link),
	}, nil
}

// bleveDocRequest fetches one paragraph's stored fields.
func bleveDocRequest(id string) *bleve.SearchRequest {
	q := query.NewBooleanQuery([]query.Query{query.NewDocIDQuery([]string{id}), termQuery(indexer.FieldDocType, indexer.TypeParagraph)}, nil, nil)
	sr := bleve.NewSearchRequestOptions(q, 1, 0, false)
	sr.Fields = storedFields
	return sr
}

// markdownCitation is the text citation with the title linked to the
// paragraph's permalink.
func (e *Engine) markdownCitation(reportID, place, link string) string {
	cite := e.citation(reportID, place, CiteText)
	r, ok := e.reports[reportID]
	if !ok {
		return cite
	}
	title := "《" + r.Title + "》"
	return strings.Replace(cite, title, "["+title+"]("+link+")", 1)
}

// citation formats the citation of a place in a report.
func (e *Engine) citation(reportID, place, format string) string {
	r, ok := e.reports[reportID]
	if !ok {
		return place
	}
	// Who issued it and when; without an issuer, who delivered it; without a
	// date, the years it covers — so that a citation names its report.
	var meta []string
	switch {
	case r.Issuer != "":
		meta = append(meta, r.Issuer)
	case r.Speaker != "":
		meta = append(meta, r.Speaker)
	}
	switch d := chineseDate(r.Date); {
	case d != "":
		meta = append(meta, d)
	case len(r.Years) > 0:
		meta = append(meta, fmt.Sprintf("%d年", r.Years[len(r.Years)-1]))
	}
	paren := ""
	if len(meta) > 0 {
		paren = "（" + strings.Join(meta, "，") + "）"
	}
	switch format {
	case CiteGBT7714:
		var b strings.Builder
		if r.Issuer != "" {
			b.WriteString(r.Issuer + ". ")
		}
		b.WriteString(r.Title + "[R]")
		if r.Meeting != "" {
			b.WriteString(". " + r.Meeting)
		}
		if r.Date != "" {
			b.WriteString(", " + r.Date)
		}
		b.WriteString(".")
		return b.String()
	}
	return "《" + r.Title + "》" + paren + place
}

// chineseDate writes 2023-01-17 as 2023年1月17日.
func chineseDate(d string) string {
	var y, m, day int
	if _, err := fmt.Sscanf(d, "%d-%d-%d", &y, &m, &day); err != nil {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", y, m, day)
}
