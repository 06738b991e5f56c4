package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"reportsearch/query"
	"reportsearch/search"
)

// httpError is an error with the status and the short title it is shown
// with; Detail says what and where.
type httpError struct {
	Status int
	Title  string
	Detail string
}

func (e *httpError) Error() string { return e.Title + ": " + e.Detail }

func errBadRequest(detail string) *httpError {
	return &httpError{Status: http.StatusBadRequest, Title: "bad request", Detail: detail}
}

func errNotFound(detail string) *httpError {
	return &httpError{Status: http.StatusNotFound, Title: "not found", Detail: detail}
}

// classify is the one place errors become statuses.
func classify(err error) *httpError {
	var he *httpError
	var pe *query.ParseError
	switch {
	case errors.As(err, &he):
		return he
	case errors.As(err, &pe):
		return &httpError{Status: http.StatusBadRequest, Title: "bad query", Detail: pe.Error()}
	case errors.Is(err, query.ErrEmptyQuery):
		return &httpError{Status: http.StatusBadRequest, Title: "bad query", Detail: "the query is empty"}
	case errors.Is(err, search.ErrNotFound):
		return errNotFound(err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		return &httpError{Status: http.StatusServiceUnavailable, Title: "timeout", Detail: "the request took too long"}
	case errors.Is(err, context.Canceled):
		return &httpError{Status: 499, Title: "cancelled", Detail: "the client went away"}
	}
	return &httpError{Status: http.StatusInternalServerError, Title: "internal error", Detail: err.Error()}
}

// fail answers with the error: JSON {error, detail} under /api and
// /healthz, the error page elsewhere.
func (s *Server) fail(c *gin.Context, err error) {
	he := classify(err)
	if he.Status >= 500 {
		s.cfg.Logger.Error("request failed", "path", c.Request.URL.Path, "error", err)
	}
	if isAPI(c) {
		c.AbortWithStatusJSON(he.Status, gin.H{"error": he.Title, "detail": he.Detail})
		return
	}
	c.Abort()
	s.render(c, he.Status, "error", errorPage{layout: s.layout(c, he.ZhTitle()), Err: he})
}

func isAPI(c *gin.Context) bool {
	p := c.Request.URL.Path
	return strings.HasPrefix(p, pathAPI) || p == pathHealth
}

// ZhTitle is the title in Chinese, for the error page (the error set of
// labels.tsv).
func (e *httpError) ZhTitle() string { return label("error", e.Title) }
