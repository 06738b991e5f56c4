package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
)

// A citation code (corpus.CiteCode) leads back to its paragraph: typed
// into the search box, or opened as /c/{code}. It is decoded, not looked
// up in a table: the catalog names the report of its first part, and the
// rest is the paragraph's place in that report.

// pageCode is GET /c/{code}: the paragraph a citation code names.
func (s *Server) pageCode(c *gin.Context) {
	code := strings.TrimPrefix(c.Param("code"), "/")
	ref, ok := corpus.ParseCiteCode(code)
	if !ok {
		s.fail(c, notFound("web.code-malformed", "code", code, "example", exampleCode))
		return
	}
	s.jumpToCode(c, ref)
}

// exampleCode shows the form of a citation code in messages.
const exampleCode = "K7M3Q2XD.2.4.2.1"

// jumpToCode redirects to the paragraph a citation code names; when no
// indexed paragraph has the code, or (in the rare library where two
// reports' codes are alike) two have, it says so on the search page.
func (s *Server) jumpToCode(c *gin.Context, ref corpus.CodeRef) {
	var ids []string
	for _, r := range s.cfg.Index.Catalog().ReportsWithCode(ref.Report) {
		ids = append(ids, ref.ParagraphID(r))
	}
	found, err := s.cfg.Index.Lookup(c.Request.Context(), ids...)
	if err != nil {
		s.fail(c, err)
		return
	}
	var hits []string
	for _, id := range ids {
		if found[id] != nil {
			hits = append(hits, id)
		}
	}
	if len(hits) == 1 {
		c.Redirect(http.StatusSeeOther, corpus.Permalink(hits[0]))
		return
	}
	p := searchPage{layout: s.layout(c, ref.String())}
	p.ErrLabel = "引用码有误"
	switch {
	case len(hits) == 0 && len(ids) == 0:
		p.Err = notFound("web.code-no-report", "code", ref)
	case len(hits) == 0:
		p.Err = notFound("web.code-gone", "code", ref)
	default:
		p.Err = newError(http.StatusMultipleChoices, "ambiguous code", "web.code-many", "code", ref, "n", len(hits), "ids", strings.Join(hits, "、"))
	}
	s.render(c, p.Err.Status, "search", p)
}
