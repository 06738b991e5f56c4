package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"reportsearch/search"
)

// apiSuggest is GET /api/suggest?q=…&limit=…: the texts of the index's
// vocabulary that contain what is typed, for the list under the search
// box (static/suggest.js). It reads the index, so it is bounded like a
// search; it is cheap after the first call of an engine (search's
// vocabulary is read then).
func (s *Server) apiSuggest(c *gin.Context) {
	q, err := queryText(c, "q")
	if err != nil {
		s.fail(c, err)
		return
	}
	limit, err := queryInt(c, "limit", search.DefaultSuggestions, 1, search.MaxSuggestions)
	if err != nil {
		s.fail(c, err)
		return
	}
	list, err := s.cfg.Index.Suggest(c.Request.Context(), q, limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	// Suggestions of an index that does not change may be kept a little
	// while: typing back over a prefix asks for it again.
	c.Header("Cache-Control", "private, max-age=60")
	c.JSON(http.StatusOK, gin.H{"query": q, "suggestions": list})
}
