package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
	"reportsearch/corpus/docx"
)

// The citation basket lives in the browser (localStorage, app.js): the
// server keeps nothing of it. The page is a frame the script fills; the
// server's one part is to turn the items the page posts into a .docx,
// because Go writes and tests that file with the standard library while the
// page has no zip writer.

// Bounds of a posted basket: far more than a draft cites, small enough
// that a stray request costs nothing.
const (
	maxBasketItems     = 500
	maxBasketItemRunes = 20000
	maxBasketBytes     = 4 << 20
)

// BasketTitle heads an exported basket.
const BasketTitle = "引用清单"

// pageBasket is GET /basket: the basket, filled by the page's script.
func (s *Server) pageBasket(c *gin.Context) {
	s.render(c, http.StatusOK, "basket", s.layout(c, "引用篮"))
}

// basketRequest is what the basket page posts for a .docx.
type basketRequest struct {
	Items []basketItem `json:"items"`
}

// apiBasketDocx is POST /api/basket.docx: the posted items as a Word
// document, numbered as the page numbers them, each with its citation
// code and link under it.
func (s *Server) apiBasketDocx(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxBasketBytes)
	var req basketRequest
	if err := json.NewDecoder(c.Request.Body).Decode(&req); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			s.fail(c, &httpError{Status: http.StatusRequestEntityTooLarge, Title: "引用篮过大", Detail: fmt.Sprintf("引用篮最多 %d 字节", maxBasketBytes)})
			return
		}
		s.fail(c, errBadRequest("引用篮的内容无法读取："+err.Error()))
		return
	}
	if len(req.Items) == 0 {
		s.fail(c, errBadRequest("引用篮是空的，没有可导出的引用"))
		return
	}
	if len(req.Items) > maxBasketItems {
		s.fail(c, errBadRequest(fmt.Sprintf("引用篮有 %d 条引用，一次最多导出 %d 条", len(req.Items), maxBasketItems)))
		return
	}
	items := make([]docx.Item, len(req.Items))
	for i, it := range req.Items {
		if it.Text == "" || utf8.RuneCountInString(it.Text) > maxBasketItemRunes {
			s.fail(c, errBadRequest(fmt.Sprintf("第 %d 条引用为空或过长（最多 %d 字）", i+1, maxBasketItemRunes)))
			return
		}
		items[i] = docx.Item{Text: it.Text, Note: basketNote(it)}
	}
	var b bytes.Buffer
	if err := docx.Write(&b, BasketTitle, items); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", "attachment; filename=\"citations.docx\"; filename*=UTF-8''"+url.PathEscape(BasketTitle+".docx"))
	c.Data(http.StatusOK, docx.ContentType, b.Bytes())
}

// basketNote is the line under an exported item: its citation code and
// link, to find the paragraph again.
func basketNote(it basketItem) string {
	var parts []string
	if it.Code != "" {
		parts = append(parts, corpus.CodeLabel+" "+it.Code)
	}
	if it.Link != "" {
		parts = append(parts, it.Link)
	}
	return strings.Join(parts, " · ")
}

// pageCode is GET /c/{code}: the paragraph a citation code names.
func (s *Server) pageCode(c *gin.Context) {
	code := strings.TrimPrefix(c.Param("code"), "/")
	ref, ok := corpus.ParseCiteCode(code)
	if !ok {
		s.fail(c, errNotFound(fmt.Sprintf("“%s”不是引用码；引用码形如 %s", code, exampleCode)))
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
	p.Searched = false
	switch {
	case len(hits) == 0 && len(ids) == 0:
		p.Err = errNotFound(fmt.Sprintf("引用码 %s 不属于已收录的任何报告。", ref))
	case len(hits) == 0:
		p.Err = errNotFound(fmt.Sprintf("引用码 %s 所指的段落不在索引中（报告可能已更新）。", ref))
	default:
		p.Err = &httpError{Status: http.StatusMultipleChoices, Title: "引用码对应多个段落", Detail: fmt.Sprintf("引用码 %s 对应 %d 个段落：%s", ref, len(hits), strings.Join(hits, "、"))}
	}
	s.render(c, p.Err.Status, "search", p)
}
