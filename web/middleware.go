package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"
)

// contentSecurityPolicy allows only the embedded script and style sheet:
// no inline script or style, no other origin, no framing. Inline SVG charts
// use attributes, not style, so they pass.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders sets the standard headers on every response.
func securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		c.Next()
	}
}

// Request sizes. The server reads headers of up to MaxHeaderBytes (serve
// sets 1 MB) so that a request that is too large gets this API's own
// error rather than net/http's plain-text 431.
const (
	MaxHeaderBytes = 1 << 20
	maxURLBytes    = 16 << 10 // a query is at most 256 characters; filters add a few hundred bytes
	maxHeadersSize = 64 << 10
)

// checkSize refuses a request whose URL or headers are too large, with the
// error shape of every other error.
func (s *Server) checkSize() gin.HandlerFunc {
	return func(c *gin.Context) {
		if n := len(c.Request.RequestURI); n > maxURLBytes {
			s.fail(c, newError(http.StatusRequestURITooLong, "URL too long", "web.url-too-long", "n", n, "max", maxURLBytes))
			return
		}
		size := 0
		for k, vs := range c.Request.Header {
			for _, v := range vs {
				size += len(k) + len(v) + 4
			}
		}
		if size > maxHeadersSize {
			s.fail(c, newError(http.StatusRequestHeaderFieldsTooLarge, "headers too large", "web.headers-too-large", "n", size, "max", maxHeadersSize))
			return
		}
		c.Next()
	}
}

// timeout bounds each request's context: the index's searches and reads
// stop when it expires.
func (s *Server) timeout() gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.Timeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// logRequests writes one structured line per request. It runs outside the
// recoverer, so a request that panicked is logged with its 500. A response
// the client did not receive whole — the connection closed, or the
// server's write timeout cut it — is logged as such (sent=false, with the
// write's error), not as the status the handler meant to send.
func (s *Server) logRequests() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		w := &sentWriter{ResponseWriter: c.Writer}
		c.Writer = w
		defer func() {
			// A response ended with http.ErrAbortHandler (recoverer) passes
			// through here on its way to net/http: logged, then let go.
			aborted := recover()
			level := slog.LevelInfo
			if c.Writer.Status() >= 500 {
				level = slog.LevelError
			}
			attrs := []slog.Attr{
				slog.String("method", c.Request.Method),
				slog.String("path", c.Request.URL.Path),
				slog.String("query", c.Request.URL.RawQuery),
				slog.Int("status", c.Writer.Status()),
				slog.Int("bytes", c.Writer.Size()),
				slog.Duration("duration", time.Since(start)),
				slog.String("remote", c.ClientIP()),
			}
			switch {
			case w.err != nil:
				level = max(level, slog.LevelWarn)
				attrs = append(attrs, slog.Bool("sent", false), slog.String("write_error", w.err.Error()))
			case aborted != nil:
				level = max(level, slog.LevelWarn)
				attrs = append(attrs, slog.Bool("sent", false), slog.String("write_error", "the response was cut short: the connection is reset"))
			}
			s.cfg.Logger.LogAttrs(c.Request.Context(), level, "request", attrs...)
			if aborted != nil {
				panic(aborted)
			}
		}()
		c.Next()
	}
}

// sentWriter remembers the first error writing a response.
type sentWriter struct {
	gin.ResponseWriter
	err error
}

func (w *sentWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.note(err)
	return n, err
}

func (w *sentWriter) WriteString(s string) (int, error) {
	n, err := w.ResponseWriter.WriteString(s)
	w.note(err)
	return n, err
}

func (w *sentWriter) note(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

// recoverer turns a panic in a handler into a 500 with a logged stack
// instead of a dropped connection — all but http.ErrAbortHandler, which a
// handler raises to end a response it cannot finish (a download cut after
// its status was sent): that one goes on to net/http, which resets the
// connection so the client sees a broken transfer. (gin's own recovery
// swallows it and ends the response as if it were whole.)
func (s *Server) recoverer() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.cfg.Logger.Error("panic", slog.String("path", c.Request.URL.Path), slog.String("value", fmt.Sprint(v)),
				slog.String("stack", string(debug.Stack())))
			s.fail(c, newError(http.StatusInternalServerError, "internal error", "error.internal"))
		}()
		c.Next()
	}
}
