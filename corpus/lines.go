package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// line is one normalized source line, or several joined into one logical
// line; no is the 1-based number of the first source line. head is the
// line's heading, classified once (see headingOf).
type line struct {
	no     int
	order  int // the line's place among the logical lines: several share a no when a physical line holds them
	text   string
	head   heading
	isHead bool
}

func newLine(no int, text string) line {
	l := line{no: no, text: text}
	l.head, l.isHead = headingOf(text)
	return l
}

// lineBreaks are the characters that end a line: LF, CR, CRLF, and the
// vertical tab, form feed, and Unicode line and paragraph separators that
// word processors and PDF extractors emit.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\v", "\n", "\f", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n")

// rePageJump is a newspaper's jump marker inside a paragraph:
// （下转第四版）（紧接第一版）.
var rePageJump = regexp.MustCompile(`[（(]` + lexicon.Alternation("page-jump-words") + `第?(?:[0-9]|` + lexicon.SmallNumeral + `){1,3}版[）)]`)

// splitLines splits decoded text into normalized lines, enforcing
// MaxLineLength. A physical line is cut into pieces first (see pieces.go):
// at escaped line breaks when the text is evidently escaped, at the
// crawler's residue and at paragraph indents; and a long line at the
// headings inside it (splitInlineHeadings). A second copy of the text is
// dropped (dropRepeats). Markdown syntax is stripped
// when markdown is set; page jump markers are cut out of the text and
// recorded as dropped.
func (p *parser) splitLines(text string, markdown bool) ([]line, error) {
	raw := strings.Split(lineBreaks.Replace(text), "\n")
	escaped := escapedBreaks(text, len(raw))
	out := make([]line, 0, len(raw))
	for i, s := range raw {
		if len(s) > MaxLineLength {
			return nil, &FileError{Line: i + 1, Err: fmt.Errorf("%w: line %d is %d bytes, limit %d", ErrLineTooLong, i+1, len(s), MaxLineLength)}
		}
		for _, pc := range p.pieces(piece{i + 1, s}, escaped) {
			s := pc.text
			if markdown {
				s = stripMarkdown(s)
			}
			s = Normalize(s)
			if jumps := rePageJump.FindAllString(s, -1); jumps != nil {
				p.drop(line{no: pc.no, text: strings.Join(jumps, "")}, "page residue")
				s = strings.TrimSpace(rePageJump.ReplaceAllString(s, ""))
			}
			out = append(out, newLine(pc.no, s))
		}
	}
	// A repeated copy is found before the headings inside lines are split:
	// the split follows the numbering, which the copy restarts.
	out = splitInlineHeadings(p.dropRepeats(out))
	for i := range out {
		out[i].order = i + 1
	}
	return out, nil
}

// pieces cuts one physical line into the lines it holds.
func (p *parser) pieces(pc piece, escaped bool) []piece {
	ps := []piece{pc}
	if escaped {
		ps = unescapeBreaks(pc)
	}
	var out []piece
	for _, q := range ps {
		for _, r := range p.splitResidue(q) {
			out = append(out, splitIndents(r)...)
		}
	}
	return out
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

// trailerMarkers start the site furniture or licence notice at the end of a
// crawled page. From a marker in the last quarter of a file (trailerFrom) to the end,
// nothing is report text, even when the marker is glued to the last
// sentence (…各项任务。扫一扫在手机打开当前页).
var trailerMarkers = lexicon.Words("trailer-markers")

var (
	reFileName   = regexp.MustCompile(`(?i)^.{1,120}\.(pdf|docx?|wps|txt|html?)$`)
	rePageNo     = regexp.MustCompile(`^(?:[-—－–·\s]*\d{1,4}[-—－–·\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$`)
	reCaption    = regexp.MustCompile(`(?:记者|摄影|图片来源)[\p{Han}\s·]{0,12}摄[。]?$|^图[为：:]`)
	reCSS        = regexp.MustCompile(`[.#]?[a-zA-Z-]+\s*\{[^}]*:[^}]*\}`)
	reBreadcrumb = regexp.MustCompile(`(?:首页|当前位置|您现在的位置)\s*[>›»]|[>›»].*[>›»]`)
)

// dropResidue removes what is not report text wherever it is — a trailing
// licence or site block, page numbers, photo captions, breadcrumbs and
// style sheets — and returns the kept lines and a trailing file-name line
// (…草案（公开稿）.pdf), which is a title candidate.
func (p *parser) dropResidue(lines []line) ([]line, string) {
	end := len(lines)
	for i := trailerFrom(lines); i < len(lines) && end == len(lines); i++ {
		for _, m := range trailerMarkers {
			j := strings.Index(lines[i].text, m)
			if j < 0 {
				continue
			}
			end = i
			// Glued to the last sentence: keep what comes before, unless
			// that is only the bracket the trailer opens with (（责任编辑：…）).
			if j > 0 && strings.TrimFunc(lines[i].text[:j], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) != "" {
				l := lines[i]
				p.drop(line{no: l.no, text: l.text[j:]}, "trailing boilerplate")
				lines[i] = newLine(l.no, strings.TrimSpace(l.text[:j]))
				lines[i].order = l.order
				end = i + 1
			}
			break
		}
	}
	for _, l := range lines[end:] {
		p.drop(l, "trailing boilerplate")
	}
	// A file-name line counts only among the last lines of the file.
	fileNameFrom := end
	for seen := 0; fileNameFrom > 0 && seen < 3; fileNameFrom-- {
		if lines[fileNameFrom-1].text != "" {
			seen++
		}
	}
	var fileName string
	kept := lines[:0:0]
	for i, l := range lines[:end] {
		switch {
		case l.text == "":
			kept = append(kept, l)
		case i >= fileNameFrom && !l.isHead && reFileName.MatchString(l.text) && containsHan(l.text):
			fileName = l.text
			p.drop(l, "file name")
		case rePageNo.MatchString(l.text):
			p.drop(l, "page number")
		case reCaption.MatchString(l.text) && runeLen(l.text) <= 40:
			p.drop(l, "photo caption")
		case reCSS.MatchString(l.text) || reBreadcrumb.MatchString(l.text) && !l.isHead && !strings.ContainsAny(l.text, "。；"):
			p.drop(l, "site navigation")
		default:
			kept = append(kept, l)
		}
	}
	return kept, fileName
}

// trailerFrom is the first line of a file's last quarter, by lines or by
// characters, whichever starts first: a crawled page whose report is a few
// long lines has its trailer (（责任编辑：…）, a site's links) in its last
// quarter of text, but not of lines.
func trailerFrom(lines []line) int {
	total := 0
	for _, l := range lines {
		total += len(l.text)
	}
	from, rest := len(lines)*3/4, total
	for i, l := range lines {
		if i >= from || rest <= total/4 {
			return i
		}
		rest -= len(l.text)
	}
	return from
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
		first    line
		parts    []string
		lastPart string
	)
	blanks := 0
	flush := func() {
		if !open {
			return
		}
		if len(parts) == 1 {
			out = append(out, first)
		} else {
			joined := newLine(first.no, strings.Join(parts, ""))
			joined.order = first.order
			out = append(out, joined)
		}
		open, parts = false, parts[:0]
	}
	for _, l := range lines {
		if l.text == "" {
			blanks++
			continue
		}
		if open {
			appendixAlone := len(parts) == 1 && first.isHead && first.head.style == styleAppendix && first.head.title == ""
			// A glossary's title after a bare 附件1 is that appendix's
			// title, though it would open an appendix of its own.
			glossaryTitle := l.isHead && l.head.style == styleAppendix && l.head.number == 0 && !strings.HasPrefix(l.text, "附")
			switch {
			case l.isHead && !(appendixAlone && glossaryTitle):
				flush()
			case appendixAlone && runeLen(l.text) <= 40 && !strings.ContainsAny(l.text, sentenceEnds):
				parts = append(parts, "：", l.text)
				flush()
				blanks = 0
				continue
			case appendixAlone:
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
		open, first, parts, lastPart = true, l, append(parts, l.text), l.text
		if l.isHead && !(l.head.style == styleAppendix && l.head.title == "") {
			flush() // a heading line never continues
		}
	}
	flush()
	return out
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
