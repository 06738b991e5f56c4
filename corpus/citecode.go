package corpus

import (
	"crypto/sha256"
	"regexp"
	"strings"
)

// A citation code names a paragraph in a few characters a reader can type
// back, as a legal database's citation code (法宝引证码) does:
//
//	K7M3Q2XD.2.4.2.3
//
// is paragraph 3 of section 2.4.2 of the report whose code is K7M3Q2XD. The
// report's code is the first 40 bits of the SHA-256 of its ID in Crockford's
// base32 (digits and capitals without I, L, O, U, read without case and
// with I, L as 1 and O as 0); the rest is the paragraph ID's path with "."
// for "/p" and "-" for "~". So a code is derived from the paragraph ID
// alone: it survives rebuilds as the permalink does, needs no field in the
// index, and decodes back to the ID once the report's code is looked up
// among the reports (catalog.ReportsWithCode). Forty bits make two reports
// of a 100,000-report library share a code with a chance of 1 in 200; when
// they do, the code names a paragraph in each and the reader is shown both.

// CodeLabel is the name of a citation code where it is shown.
const CodeLabel = "引用码"

// reportCodeLen is the length of a report's code: 8 characters, 40 bits.
const reportCodeLen = 8

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// ReportCode is the citation code of a report: 8 characters of Crockford
// base32 from the SHA-256 of its ID.
func ReportCode(reportID string) string {
	sum := sha256.Sum256([]byte(reportID))
	var v uint64
	for _, b := range sum[:5] {
		v = v<<8 | uint64(b)
	}
	out := make([]byte, reportCodeLen)
	for i := reportCodeLen - 1; i >= 0; i-- {
		out[i] = crockford[v&31]
		v >>= 5
	}
	return string(out)
}

// CiteCode is the citation code of a paragraph, from its ID
// (<report>/<section path>/p<n>, or <report>/p<n> before the first
// heading); "" for something that is not a paragraph ID.
func CiteCode(paragraphID string) string {
	report, rest, ok := strings.Cut(paragraphID, "/")
	if !ok || report == "" {
		return ""
	}
	path, n := "", rest
	if i := strings.LastIndex(rest, "/"); i >= 0 {
		path, n = rest[:i], rest[i+1:]
	}
	n, ok = strings.CutPrefix(n, "p")
	if !ok || n == "" {
		return ""
	}
	return codeOf(ReportCode(report), path, n)
}

// codeOf writes a code from its parts: the report's code, the section
// path (2.4.2, or "" before the first heading) and the paragraph's number.
func codeOf(report, path, n string) string {
	if path != "" {
		report += "." + strings.ReplaceAll(path, "~", "-")
	}
	return report + "." + n
}

// CodeRef is a parsed citation code: a report's code and the paragraph's
// place in the report.
type CodeRef struct {
	Report string // the report's code, canonical: K7M3Q2XD
	tail   string // the paragraph ID after the report ID: 2.4.2/p3
}

// String is the code in its canonical form.
func (c CodeRef) String() string {
	path, n, ok := strings.Cut(c.tail, "/p")
	if !ok {
		path, n = "", strings.TrimPrefix(c.tail, "p")
	}
	return codeOf(c.Report, path, n)
}

// ParagraphID is the ID of the paragraph the code names in the report
// reportID, whose code is c.Report.
func (c CodeRef) ParagraphID(reportID string) string { return reportID + "/" + c.tail }

var (
	reCodeReport = regexp.MustCompile(`^[0-9A-Za-z]{8}$`)
	reCodePart   = regexp.MustCompile(`^[xXaA]?[0-9]{1,4}(?:-[0-9]{1,3})?$`)
	reCodeOrd    = regexp.MustCompile(`^[0-9]{1,4}$`)
)

// crockfordRead reads the look-alike letters Crockford's base32 reads as
// digits, and lower case as upper.
var crockfordRead = strings.NewReplacer("I", "1", "L", "1", "O", "0", "i", "1", "l", "1", "o", "0")

// ParseCiteCode reads a citation code as a reader types it: with or
// without 引用码 before it, in either case, with spaces around it. It
// reports false for text that is not one, which the search box then
// searches for.
func ParseCiteCode(s string) (CodeRef, bool) {
	s = strings.TrimSpace(s)
	if t, ok := strings.CutPrefix(s, CodeLabel); ok {
		s = strings.TrimLeft(t, " ：:")
	}
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return CodeRef{}, false
	}
	report := strings.ToUpper(crockfordRead.Replace(parts[0]))
	if !reCodeReport.MatchString(report) || strings.ContainsRune(report, 'U') {
		return CodeRef{}, false
	}
	ord := parts[len(parts)-1]
	if !reCodeOrd.MatchString(ord) || strings.TrimLeft(ord, "0") == "" {
		return CodeRef{}, false
	}
	path := parts[1 : len(parts)-1]
	for i, p := range path {
		if !reCodePart.MatchString(p) {
			return CodeRef{}, false
		}
		path[i] = strings.ReplaceAll(strings.ToLower(p), "-", "~")
	}
	tail := "p" + strings.TrimLeft(ord, "0")
	if len(path) > 0 {
		tail = strings.Join(path, ".") + "/" + tail
	}
	return CodeRef{Report: report, tail: tail}, true
}
