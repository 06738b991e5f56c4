package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"reportsearch/internal/messages"
	"reportsearch/query"
	"reportsearch/search"
)

// httpError is an error with the status and the short title it is shown
// with; Detail says what and where, in Chinese, and Code is the message's
// key (internal/messages), a stable machine code beside it.
type httpError struct {
	Status int
	Title  string // English, stable: the "error" of an API answer and the key of its Chinese title (labels.tsv)
	Detail string
	Code   string
}

func (e *httpError) Error() string { return e.Title + ": " + e.Detail }

// newError is an error of status and title whose detail is the message key
// with its placeholders filled (messages.Say).
func newError(status int, title, key string, pairs ...any) *httpError {
	return &httpError{Status: status, Title: title, Detail: messages.Say(key, pairs...), Code: key}
}

func errBadRequest(detail string) *httpError {
	return &httpError{Status: http.StatusBadRequest, Title: "bad request", Detail: detail}
}

// badRequest is a 400 said by a message of internal/messages.
func badRequest(key string, pairs ...any) *httpError {
	return newError(http.StatusBadRequest, "bad request", key, pairs...)
}

func errNotFound(detail string) *httpError {
	return &httpError{Status: http.StatusNotFound, Title: "not found", Detail: detail}
}

// notFound is a 404 said by a message of internal/messages.
func notFound(key string, pairs ...any) *httpError {
	return newError(http.StatusNotFound, "not found", key, pairs...)
}

// classify is the one place errors become statuses. What the library
// packages return is said in Chinese by internal/messages; an error it
// has no words for is the server's fault, said in general (and logged).
func classify(err error) *httpError {
	var he *httpError
	var pe *query.ParseError
	var fe *query.FilterError
	status := http.StatusInternalServerError
	title := "internal error"
	switch {
	case errors.As(err, &he):
		return he
	case errors.As(err, &pe), errors.As(err, &fe), errors.Is(err, query.ErrEmptyQuery):
		status, title = http.StatusBadRequest, "bad query"
	case errors.Is(err, search.ErrUnknownPlace):
		status, title = http.StatusBadRequest, "bad request"
	case errors.Is(err, search.ErrNotFound):
		status, title = http.StatusNotFound, "not found"
	case errors.Is(err, context.DeadlineExceeded):
		status, title = http.StatusServiceUnavailable, "timeout"
	case errors.Is(err, context.Canceled):
		status, title = 499, "cancelled"
	}
	m := messages.OrGeneral(err) // an unexpected cause is logged, not shown
	return &httpError{Status: status, Title: title, Detail: m.Text, Code: m.Key}
}

// fail answers with the error: JSON {error, title, detail, code} under /api
// and /healthz — error the English title and code the message's key, both
// stable for programs; title and detail in Chinese for people — and the
// error page elsewhere.
func (s *Server) fail(c *gin.Context, err error) {
	he := classify(err)
	if he.Status >= 500 {
		s.cfg.Logger.Error("request failed", "path", c.Request.URL.Path, "error", err)
	}
	if isAPI(c) {
		body := gin.H{"error": he.Title, "title": he.ZhTitle(), "detail": he.Detail}
		if he.Code != "" {
			body["code"] = he.Code
		}
		c.AbortWithStatusJSON(he.Status, body)
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
