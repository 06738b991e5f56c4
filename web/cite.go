package web

import (
	"context"
	"encoding/json"
	"html"

	"reportsearch/corpus"
)

// The page copies citations, it does not write them: every form a
// 「复制引用」 button or a 「加入引用」 basket item carries is made here from
// the quotation corpus wrote, and set on the button as data attributes.

// citeView is a quotation in the forms a button copies.
type citeView struct {
	Text     string // “passage”（source）: text/plain
	HTML     string // the same as text/html, for Word and WPS
	Markdown string
	GBT7714  string
	Code     string
	Item     string // the basket item, as JSON (basketItem)
}

// basketItem is a quotation as the basket keeps it in the browser's
// localStorage and posts it for a .docx.
type basketItem struct {
	ID       string `json:"id"`
	Code     string `json:"code"`
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
	GBT7714  string `json:"gbt7714"`
	Link     string `json:"link"` // absolute
}

// citeOf is the template function that turns a quotation into its forms;
// origin (scheme and host) makes the links absolute, since a citation
// leaves the site.
func citeOf(q any, origin string) *citeView {
	var qt corpus.Quotation
	switch v := q.(type) {
	case corpus.Quotation:
		qt = v
	case *corpus.Quotation:
		if v == nil {
			return nil
		}
		qt = *v
	default:
		return nil
	}
	if qt.Text == "" {
		return nil
	}
	link := origin + qt.Link
	v := &citeView{
		Text:     qt.Text,
		HTML:     quoteHTML(qt),
		Markdown: qt.Markdown(link),
		GBT7714:  qt.GBT7714,
		Code:     qt.Code,
	}
	item, err := json.Marshal(basketItem{ID: qt.ID, Code: qt.Code, Text: qt.Text, Markdown: v.Markdown, GBT7714: qt.GBT7714, Link: link})
	if err == nil {
		v.Item = string(item)
	}
	return v
}

// quoteHTML is the quotation as the HTML flavour of the clipboard: the
// same characters as the text, escaped, in one span with no style, link or
// class — so that Word and WPS paste the title in 《》 in the draft's own
// font and nothing else.
func quoteHTML(q corpus.Quotation) string {
	return "<span>" + html.EscapeString(q.Text) + "</span>"
}

// figureQuotes quote each figure's sentences with the source of its
// paragraph, read in one lookup; a figure whose paragraph is gone (an index
// changed under the page) has none.
func (s *Server) figureQuotes(ctx context.Context, figs []*corpus.Figure) (map[string]*corpus.Quotation, error) {
	ids := make([]string, 0, len(figs))
	for _, f := range figs {
		ids = append(ids, f.ParagraphID)
	}
	found, err := s.cfg.Index.Lookup(ctx, ids...)
	if err != nil {
		return nil, err
	}
	cat := s.cfg.Index.Catalog()
	out := make(map[string]*corpus.Quotation, len(figs))
	for _, f := range figs {
		p := found[f.ParagraphID]
		if p == nil {
			continue
		}
		q := cat.Meta(p.Report).Quote(p.ID, p.Locator, corpus.Excerpt(p.Text, [][2]int{{f.Start, f.End}}))
		out[f.ID] = &q
	}
	return out, nil
}
