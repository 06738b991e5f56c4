package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"reportsearch/query"
)

// helpPage is the query syntax help: the fields are made from what the
// parser accepts (query.FieldNames), each with its label (labels.tsv,
// sets field and fieldex), and the examples are the home page's, which
// work on the loaded reports.
type helpPage struct {
	layout
	Fields   []fieldHelp
	Examples homeExamples
}

type fieldHelp struct {
	Names   []string
	Finds   string
	Example string
	URL     string
}

// pageHelp is GET /help.
func (s *Server) pageHelp(c *gin.Context) {
	p := helpPage{layout: s.layout(c, "查询语法"), Examples: s.examples(c.Request.Context())}
	for _, f := range query.FieldNames() {
		ex := label("fieldex", f.Field)
		p.Fields = append(p.Fields, fieldHelp{Names: f.Names, Finds: label("field", f.Field), Example: ex, URL: searchFor("q", ex)})
	}
	s.render(c, http.StatusOK, "help", p)
}
