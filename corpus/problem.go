package corpus

import (
	"errors"
	"io/fs"

	"reportsearch/corpus/extract"
)

// problems are what can be wrong with a report file, each with its stable
// name, in the order they are tried (a specific cause before a general
// one).
var problems = []struct {
	err  error
	name string
}{
	{ErrEmpty, "empty"},
	{ErrBinary, "binary"},
	{ErrEncoding, "encoding"},
	{ErrNotChinese, "not-chinese"},
	{ErrLineTooLong, "line-too-long"},
	{ErrTooLarge, "too-large"},
	{extract.ErrTooLarge, "too-large"},
	{ErrNoText, "no-text"},
	{ErrNoReports, "no-reports"},
	{ErrNotRegular, "not-regular"},
	{extract.ErrNoTextLayer, "no-text-layer"},
	{extract.ErrUnsupported, "unsupported"},
	{extract.ErrDamaged, "damaged"},
	{fs.ErrNotExist, "not-exist"},
	{fs.ErrPermission, "permission"},
}

// Problem names what err says is wrong with a report file — "binary",
// "encoding", "no-text" … — stably, for a caller that says it in its own
// words or keeps it (an index's list of unreadable files); "" for an
// error that is none of these.
func Problem(err error) string {
	for _, p := range problems {
		if errors.Is(err, p.err) {
			return p.name
		}
	}
	return ""
}

// FileOf is the path and line an error names, in its FileError or
// fs.PathError ("" and 0 when it names none); of errors joined, the first
// that names one.
func FileOf(err error) (path string, line int) {
	var walk func(error)
	walk = func(e error) {
		for ; e != nil && (path == "" || line == 0); e = errors.Unwrap(e) {
			switch x := e.(type) {
			case *FileError:
				if path == "" {
					path = x.Path
				}
				if line == 0 {
					line = x.Line
				}
			case *fs.PathError:
				if path == "" {
					path = x.Path
				}
			case interface{ Unwrap() []error }:
				for _, j := range x.Unwrap() {
					walk(j)
				}
				return
			}
		}
	}
	walk(err)
	return path, line
}
