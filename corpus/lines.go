package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// line is one normalized source line, or several joined into one logical
// line; no is the 1-based number of the first source line.
type line struct {
	no   int
	text string
}

// splitLines splits decoded text on LF, CRLF or CR, normalizes every line and
// enforces MaxLineLength. Markdown syntax is stripped when markdown is set.
func splitLines(text string, markdown bool) ([]line, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")
	out := make([]line, 0, len(raw))
	for i, s := range raw {
		if len(s) > MaxLineLength {
			return nil, fmt.Errorf("%w: line %d is %d bytes, limit %d", ErrLineTooLong, i+1, len(s), MaxLineLength)
		}
		if markdown {
			s = stripMarkdown(s)
		}
		out = append(out, line{no: i + 1, text: Normalize(s)})
	}
	return out, nil
}

var (
	reMarkdownHeading = regexp.MustCompile(`^\s{0,3}(#{1,6}\s+|>\s?)`)
	reMarkdownRule    = regexp.MustCompile(`^\s*([-*_]\s*){3,}$`)
)

// stripMarkdown removes the Markdown syntax a report converted to Markdown
// carries: heading hashes, block quotes, emphasis and horizontal rules.
func stripMarkdown(s string) string {
	if reMarkdownRule.MatchString(s) {
		return ""
	}
	s = reMarkdownHeading.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	return s
}

// Trailing boilerplate: where one of these starts a line in the last part of
// a file, everything from there on is site furniture or a licence notice.
var trailerStarts = []string{
	"本作品", "相关报道", "相关新闻", "相关链接", "相关阅读", "责任编辑", "【纠错】", "扫一扫",
	"分享到", "版权所有", "Copyright", "copyright", "Public domain",
}

var (
	reFileName  = regexp.MustCompile(`(?i)^.{1,120}\.(pdf|docx?|wps|txt|html?)$`)
	reLatinOnly = regexp.MustCompile(`^[A-Za-z][A-Za-z .'-]*$`)
)

// dropResidue marks lines that are not report text wherever they are: a
// trailing licence or site block, a file-name line, Latin-only fragments. It
// returns the kept lines and the file-name line's text (a title candidate).
func (p *parser) dropResidue(lines []line) ([]line, string) {
	end := len(lines)
	for i := len(lines) * 3 / 4; i < len(lines); i++ {
		if hasAnyPrefix(lines[i].text, trailerStarts) {
			end = i
			break
		}
	}
	for _, l := range lines[end:] {
		p.drop(l, "trailing boilerplate")
	}
	var fileName string
	kept := lines[:0:0]
	for _, l := range lines[:end] {
		switch {
		case l.text == "":
			kept = append(kept, l)
		case reFileName.MatchString(l.text) && containsHan(l.text):
			fileName = l.text
			p.drop(l, "file name")
		case reLatinOnly.MatchString(l.text):
			p.drop(l, "non-Chinese residue")
		default:
			kept = append(kept, l)
		}
	}
	return kept, fileName
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, pre := range prefixes {
		if strings.HasPrefix(s, pre) {
			return true
		}
	}
	return false
}

// paragraphEnds are the marks after which a line may end a paragraph. A body
// line that ends with anything else was broken by the extraction (a page
// break, a link, a subscript) and continues on the next line.
const paragraphEnds = "。！？；：…”」』）】!?;:"

// continuation marks cannot start a paragraph: a line that starts with one
// continues the previous line.
const continuation = "》”）」』，、。；：！？%"

// openers cannot end a paragraph.
const openers = "《“（「『、，"

// joinBody merges body lines broken inside a sentence into logical lines.
// Headings are never joined to anything, except that an appendix marker
// standing alone takes the short line after it as its title (附件1 /
// 2026年省十件民生实事). It runs in time linear in the text: a file of
// millions of unpunctuated lines is one long paragraph, not a slow one.
func joinBody(lines []line) []line {
	var out []line
	var (
		open     bool // a logical line is being built
		no       int
		parts    []string
		lastPart string
	)
	blanks := 0
	flush := func() {
		if open {
			out = append(out, line{no: no, text: strings.Join(parts, "")})
			open, parts = false, parts[:0]
		}
	}
	for _, l := range lines {
		if l.text == "" {
			blanks++
			continue
		}
		h, isHeading := headingOf(l.text)
		if open {
			switch {
			case isHeading:
				flush()
			case len(parts) == 1 && isAppendixAlone(parts[0]) && runeLen(l.text) <= 40 && !strings.ContainsAny(l.text, sentenceEnds):
				parts = append(parts, "：", l.text)
				flush()
				blanks = 0
				continue
			case len(parts) == 1 && isAppendixAlone(parts[0]):
				flush() // an appendix marker followed by body text
			case shouldJoin(lastPart, l.text, blanks):
				parts = append(parts, l.text)
				lastPart = l.text
				blanks = 0
				continue
			default:
				flush()
			}
		}
		blanks = 0
		open, no, parts, lastPart = true, l.no, append(parts, l.text), l.text
		if isHeading && !(h.style == styleAppendix && h.title == "") {
			flush() // a heading line never continues
		}
	}
	flush()
	return out
}

func isAppendixAlone(s string) bool {
	h, ok := headingOf(s)
	return ok && h.style == styleAppendix && h.title == ""
}

// shouldJoin reports whether next continues the logical line whose last
// physical line is prev (never a heading: headings are flushed at once).
func shouldJoin(prev, next string, blanks int) bool {
	if blanks > 2 {
		return false
	}
	first, _ := firstRune(next)
	if strings.ContainsRune(continuation, first) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(openers, last) {
		return true
	}
	return !strings.ContainsRune(paragraphEnds, last)
}

// headingOf recognises a heading line.
func headingOf(s string) (heading, bool) {
	mk, ok := parseMarker(s)
	if !ok {
		return heading{}, false
	}
	return splitHeading(mk)
}
