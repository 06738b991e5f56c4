package ask

import (
	"strings"

	"reportsearch/corpus"
	"reportsearch/search"
)

// quote gives each citation of an answer its quotation: the sentences of
// the cited paragraph that hold the answer's figures there, so that
// 「复制引用」 on an answer copies the statement of the number, not the
// whole paragraph around it. A citation quoted already (a where-answer's,
// the sentences that write the phrase asked for) keeps its quotation when
// no figure of the answer stands in it.
func (a *Asker) quote(ans *Answer) {
	c := a.idx.Catalog()
	set := func(cite *Citation, figs ...*corpus.Figure) {
		if cite == nil || cite.Text == "" {
			return
		}
		var spans [][2]int
		for _, f := range figs {
			if f != nil && f.ParagraphID == cite.ID {
				spans = append(spans, [2]int{f.Start, f.End})
			}
		}
		if len(spans) == 0 && cite.Quote != nil {
			return
		}
		q := c.Meta(corpus.ReportOfID(cite.ID)).Quote(cite.ID, cite.Locator, corpus.Excerpt(cite.Text, spans))
		cite.Quote = &q
	}
	set(ans.Citation, ans.Figures...)
	for i := range ans.ByPlace {
		set(ans.ByPlace[i].Citation, ans.ByPlace[i].Figure)
	}
}

// quoteSentence is the quotation of a list item: the whole sentences of
// the paragraph the item's text stands in.
func (a *Asker) quoteSentence(h search.Hit, text string) corpus.Quotation {
	var spans [][2]int
	if i := strings.Index(h.Text, text); i >= 0 && text != "" {
		spans = [][2]int{{i, i + len(text)}}
	}
	return a.idx.Catalog().Meta(h.Report).Quote(h.ID, h.Locator, corpus.Excerpt(h.Text, spans))
}
