package web

import (
	"bytes"
	"encoding/json"
	"errors"
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
			s.fail(c, newError(http.StatusRequestEntityTooLarge, "basket too large", "web.basket-too-large", "max", maxBasketBytes>>20))
			return
		}
		s.fail(c, badRequest("web.basket-unreadable"))
		return
	}
	if len(req.Items) == 0 {
		s.fail(c, badRequest("web.basket-empty"))
		return
	}
	if len(req.Items) > maxBasketItems {
		s.fail(c, badRequest("web.basket-too-many", "n", len(req.Items), "max", maxBasketItems))
		return
	}
	items := make([]docx.Item, len(req.Items))
	for i, it := range req.Items {
		if it.Text == "" || utf8.RuneCountInString(it.Text) > maxBasketItemRunes {
			s.fail(c, badRequest("web.basket-item", "n", i+1, "max", maxBasketItemRunes))
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
