package web

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/internal/messages"
	"reportsearch/query"
)

// The web layer's errors in Chinese: the helpers that fill the messages of
// internal/messages with what a request got wrong.

// filterError is a 400 for a facet parameter's bad value (year=abc): the
// filter's own message when query says what is wrong, else the general one.
func filterError(param, value string, err error) error {
	var fe *query.FilterError
	if errors.As(err, &fe) {
		m := messages.Filter(param, value, fe.Code)
		return &httpError{Status: 400, Title: "bad request", Detail: m.Text, Code: m.Key}
	}
	return err
}

// verdictChoices lists the verdicts a URL may name, each with its label:
// met（达成）、exceeded（超额）…
func verdictChoices() string {
	out := make([]string, len(corpus.Verdicts))
	for i, v := range corpus.Verdicts {
		out[i] = string(v) + "（" + v.Label() + "）"
	}
	return messages.List(out)
}

// allowedMethods are the methods the path answers, as gin found them for
// its 405 (the Allow header).
func allowedMethods(c *gin.Context) string {
	allow := c.Writer.Header().Get("Allow")
	if allow == "" {
		return "GET"
	}
	return messages.List(strings.Split(allow, ", "))
}

// unreadableUpload is a 415 for a file that is not a report, said by what
// corpus found wrong with it (its encoding, its line, no paragraphs …).
func unreadableUpload(clientName string, err error) error {
	if m, ok := messages.Of(err); ok {
		return &httpError{Status: 415, Title: "unsupported file", Detail: m.Text, Code: m.Key}
	}
	return errUnsupportedFile("web.upload-unreadable", "file", displayName(clientName))
}

// reasonsText says why an answer is what it is, in Chinese (the reasons
// of ask.Answer), for the templates.
func reasonsText(rs []ask.Reason) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = messages.Reason(r.Code, r.Args)
	}
	return strings.Join(out, "")
}

// failureText says why a library file could not be read, in Chinese when
// the index named the problem (an older index only has the English).
func failureText(f indexer.Failure) string {
	if m, ok := messages.File(f.Problem, filepath.Base(f.Path), f.Line); ok {
		return m.Text
	}
	return messages.Say("web.unreadable", "reason", f.Error)
}
