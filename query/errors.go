package query

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Code names what is wrong in a query, stably: the edges (web, the
// command) show their own sentence for each, in Chinese, and Msg stays the
// library's English for logs.
type Code string

// The codes of ParseError and FilterError.
const (
	CodeTooLong        Code = "too-long"        // longer than MaxQueryLength
	CodeMisplacedOr    Code = "misplaced-or"    // OR not between two terms
	CodeOnlyExclusions Code = "only-exclusions" // -a -b and nothing to find
	CodeDanglingMinus  Code = "dangling-minus"  // '-' with nothing after it
	CodeEmptyPhrase    Code = "empty-phrase"    // ""
	CodeExcludedFilter Code = "excluded-filter" // -year:2023
	CodeUnknownField   Code = "unknown-field"   // yaer:2023
	CodeMissingValue   Code = "missing-value"   // year:
	CodeBadYear        Code = "bad-year"        // year:abc
	CodeBadKind        Code = "bad-kind"        // kind:abc
	CodeBadFigure      Code = "bad-figure"      // figure:abc
)

// ParseError says where and what is wrong in a query.
type ParseError struct {
	Query  string
	Offset int // byte offset of the problem in Query
	Msg    string
	Code   Code
	// Field is the filter's field as typed, for the codes about a filter.
	Field string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("query: at character %d: %s", e.Column(), e.Msg)
}

// Column is the problem's place in the query, in characters from 1.
func (e *ParseError) Column() int {
	off := min(max(e.Offset, 0), len(e.Query))
	return utf8.RuneCountInString(e.Query[:off]) + 1
}

// Clause is the part of the query the problem is in, as typed: from the
// problem's offset to the next space. (An unpaired quote is no error: the
// parser repairs it, repair.go.)
func (e *ParseError) Clause() string {
	off := min(max(e.Offset, 0), len(e.Query))
	rest := e.Query[off:]
	if i := strings.IndexFunc(rest, isSpace); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// FilterError says what is wrong with one filter's value (ParseFilter).
type FilterError struct {
	Field string // as typed
	Value string
	Code  Code
	Msg   string
}

func (e *FilterError) Error() string { return e.Msg }

// Fields are the field names of the language, in its order, for messages
// that list them.
func Fields() []string {
	names := make([]string, len(allFields))
	for i, f := range allFields {
		names[i] = string(f)
	}
	return names
}

// CanonicalField is the field a name names, as typed in a query (year,
// 年份, YEAR), and whether the language has it.
func CanonicalField(name string) (Field, bool) {
	f, ok := fieldNames[strings.ToLower(name)]
	return f, ok
}

// Codes are all the codes, for a caller that has a message for each.
var Codes = []Code{
	CodeTooLong, CodeMisplacedOr, CodeOnlyExclusions, CodeDanglingMinus, CodeEmptyPhrase,
	CodeExcludedFilter, CodeUnknownField, CodeMissingValue, CodeBadYear, CodeBadKind, CodeBadFigure,
}

// FilterCodes are the codes a FilterError may have.
var FilterCodes = []Code{CodeUnknownField, CodeMissingValue, CodeBadYear, CodeBadKind, CodeBadFigure}
