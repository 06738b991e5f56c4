package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus"
)

// pageNames are the templates under templates/, each rendered inside
// layout.html.
var pageNames = []string{"search", "paragraph", "read", "figures", "commitments", "compare", "track", "reports", "basket", "help", "error"}

// pages holds one parsed template set per page.
type pages struct{ sets map[string]*template.Template }

func parsePages() (*pages, error) {
	p := &pages{sets: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(templateFuncs).ParseFS(assets, "templates/layout.html", "templates/partials.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		p.sets[name] = t
	}
	return p, nil
}

// layout is what every page's frame needs.
type layout struct {
	Title string // the page title, before the site name
	Query string // echoed in the search box
	Nav   string // the active navigation entry
	// Keep are the filters in force on a search page: the search box
	// sends them again, so a new query stays within them (chips remove
	// them).
	Keep []keptFilter
	// Library is how the library's index stands, when the server follows
	// a folder: the page shows a line while an update runs.
	Library *LibraryState
	// Origin is the scheme and host the browser reached the page by: the
	// links of citations copied from it are absolute.
	Origin string
}

type keptFilter struct{ Name, Value string }

func (s *Server) layout(c *gin.Context, title string) layout {
	l := layout{Title: title, Query: c.Query("q"), Nav: c.FullPath(), Origin: origin(c)}
	if s.cfg.Library != nil {
		state := s.cfg.Library.LibraryState()
		l.Library = &state
	}
	return l
}

// yearSpan says which years a series covers: 2021—2024年（4份）, or the
// years one by one when they are few.
func yearSpan(years []int) string {
	switch n := len(years); {
	case n == 0:
		return ""
	case n <= 3:
		parts := make([]string, n)
		for i, y := range years {
			parts[i] = strconv.Itoa(y)
		}
		return strings.Join(parts, "、") + "年"
	default:
		return fmt.Sprintf("%d—%d年（%d份）", years[0], years[n-1], n)
	}
}

// render executes a page into a buffer first, so that a template error
// becomes a 500 instead of half a page.
func (s *Server) render(c *gin.Context, status int, name string, data any) {
	var b bytes.Buffer
	if err := s.pages.sets[name].ExecuteTemplate(&b, "layout", data); err != nil {
		s.cfg.Logger.Error("template", "page", name, "error", err)
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte("internal error: the page could not be rendered"))
		return
	}
	c.Data(status, "text/html; charset=utf-8", b.Bytes())
}

var templateFuncs = template.FuncMap{
	"label": label, "reasons": reasonsText, "failure": failureText,
	"formatLabel": func(f string) string {
		if l, ok := formatLabels[f]; ok {
			return l
		}
		return f
	},
	"yearLabel": func(y int) string {
		if y == 0 {
			return ""
		}
		return strconv.Itoa(y) + "年"
	},
	"add":          func(a, b int) int { return a + b },
	"changeText":   changeText,
	"list":         func(xs ...string) []string { return xs },
	"join":         strings.Join,
	"mark":         highlightAll,
	"permalink":    corpus.Permalink,
	"readAt":       readAt,
	"readReport":   func(report string) string { return readURL(report, "", "") },
	"path":         func(name string) string { return paths[name] },
	"searchFor":    searchFor,
	"trimTitle":    trimTitle,
	"yearSpan":     yearSpan,
	"verdictMark":  func(v corpus.Verdict) string { return verdictMarks[v] },
	"verdictOrder": func(v corpus.Verdict) int { return slices.Index(corpus.Verdicts, v) },
	"contains":     func(xs []string, x string) bool { return slices.Contains(xs, x) },
	"f1":           func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
	"cite":         citeOf,
}
