package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"reportsearch/indexer"
)

// Library is a folder of reports the server follows (serve DIR): what the
// pages show of it. A server of a fixed index has none.
type Library interface {
	LibraryState() LibraryState
}

// LibraryState is how the library's index stands.
type LibraryState struct {
	Watching bool              `json:"watching"`         // the folders are watched
	Updating bool              `json:"updating"`         // an update runs now
	Since    time.Time         `json:"since,omitzero"`   // when the update began
	Updated  time.Time         `json:"updated,omitzero"` // when the last update ended
	Last     string            `json:"last,omitempty"`   // what the last update that changed something did
	Error    string            `json:"error,omitempty"`  // why the last update failed
	Failed   []indexer.Failure `json:"failed,omitempty"` // the files that cannot be read, with why
}

// formatLabels name the formats of original files for the reports page.
var formatLabels = map[string]string{"text": "文本", "pdf": "PDF", "docx": "Word", "html": "网页"}

// apiLibrary says how the library's index stands: {"watching": false} for
// a server of a fixed index.
func (s *Server) apiLibrary(c *gin.Context) {
	if s.cfg.Library == nil {
		c.JSON(http.StatusOK, LibraryState{})
		return
	}
	c.JSON(http.StatusOK, s.cfg.Library.LibraryState())
}

// reportsPage lists the library: every report indexed, with its place,
// year, format and counts, and every file that could not be read, with why.
type reportsPage struct {
	layout
	Reports []reportView
	Upload  *uploadForm // nil when adding reports is off
	Added   string      // the file just added, to say so
}

// uploadForm is what the 「添加报告」 form needs.
type uploadForm struct {
	Token    string // filled in, when the user need not type it
	Ask      bool   // the user types the token
	MaxMB    int64
	Accepted string
}

func (s *Server) pageReports(c *gin.Context) {
	p := reportsPage{layout: s.layout(c, "报告库"), Reports: reportViews(s.cfg.Index.Catalog()), Added: c.Query("added")}
	if up := s.cfg.Upload; up != nil {
		f := &uploadForm{Ask: up.Ask, MaxMB: DefaultMaxUpload >> 20, Accepted: ".pdf,.docx,.html,.htm,.txt"}
		if up.MaxBytes > 0 {
			f.MaxMB = up.MaxBytes >> 20
		}
		if !up.Ask {
			f.Token = up.Token
		}
		p.Upload = f
	}
	s.render(c, http.StatusOK, "reports", p)
}
