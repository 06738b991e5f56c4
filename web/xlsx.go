package web

import (
	"bytes"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"reportsearch/corpus/xlsx"
)

// maxSheetRows bounds a spreadsheet download: a workbook is written whole
// before it is sent (a zip's directory comes last), so, unlike a CSV, it
// cannot stream to the client; past this many rows the CSV is the way.
const maxSheetRows = 100_000

// errTooManyRows stops reading rows for a spreadsheet.
var errTooManyRows = errors.New("too many rows")

// sendXLSX sends every row that passes the filter as a workbook: the
// table's columns with Chinese titles and widths, number cells as numbers
// (package corpus/xlsx). The rows wait in excelize's temporary file; the
// finished workbook, at most maxSheetRows rows, is held to be sent.
func sendXLSX[T any](s *Server, c *gin.Context, name string, f listFilter, l list[T]) {
	w, err := xlsx.New(l.table, l.sheet)
	if err != nil {
		s.fail(c, err)
		return
	}
	rows := 0
	err = l.each(c.Request.Context(), f, func(v T) error {
		if rows++; rows > maxSheetRows {
			return errTooManyRows
		}
		return w.Write(v)
	})
	var buf bytes.Buffer
	if err == nil {
		err = w.Close(&buf)
	} else {
		w.Abort()
	}
	if errors.Is(err, errTooManyRows) {
		err = newError(http.StatusUnprocessableEntity, "too many rows", "web.too-many-rows", "max", maxSheetRows)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Data(http.StatusOK, xlsx.ContentType, buf.Bytes())
}
