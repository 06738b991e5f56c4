package web

import (
	"github.com/gin-gonic/gin"

	"reportsearch/search"
)

// correctionView is 「您要找的是 X」 above a result that found nothing with
// all its words (search.Result.DidYouMean): the corrected query and the
// search page for it, with the page's filters kept and from its first
// page.
type correctionView struct {
	Query string
	URL   string
	Terms []search.CorrectedTerm
}

// correctionOf is the correction to offer on a search page, or nil. Below
// an answer the hits are searched for the question's indicator, not for
// what was typed, so nothing is offered there.
func correctionOf(c *gin.Context, p *searchPage, res *search.Result) *correctionView {
	if res.DidYouMean == nil || p.Answer != nil {
		return nil
	}
	q := c.Request.URL.Query()
	q.Set("q", res.DidYouMean.Query)
	q.Del("page")
	return &correctionView{Query: res.DidYouMean.Query, URL: searchURL(q), Terms: res.DidYouMean.Terms}
}
