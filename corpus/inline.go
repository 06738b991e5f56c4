package corpus

import (
	"strings"
	"unicode/utf8"
)

// A report crawled onto a few very long lines has its headings inside them:
// …更加公平、更可持续。三、2014年重点工作做好今年政府工作…. splitInlineHeadings
// finds them and starts a line at each, so that the outline is read as if
// the text had its line breaks.

// minInlineLine is the length in characters of a line that may hold
// headings inside it. A paragraph of a report with its line breaks is
// shorter; a run-in list inside one (…。1.…。2.…) stays a paragraph.
const minInlineLine = 1000

// inlineStyles are the heading styles looked for inside a line. 第一， and
// 一是 open ordinary sentences too often to be trusted there.
var inlineStyles = []markerStyle{stylePart, styleChapter, styleItem, styleSubItem}

// numbering follows the heading numbers of a report in document order, so
// that a marker inside a line is taken for a heading only where the
// numbering expects one.
type numbering struct {
	last  map[markerStyle]int
	order []markerStyle // styles in the order they first appeared: outer first
}

// see records a heading. A style that first appeared after this one is
// nested inside it and starts again at 1.
func (n *numbering) see(st markerStyle, num int) {
	if n.last == nil {
		n.last = map[markerStyle]int{}
	}
	i := -1
	for j, s := range n.order {
		if s == st {
			i = j
		}
	}
	if i < 0 {
		n.order = append(n.order, st)
		i = len(n.order) - 1
	}
	n.last[st] = num
	for _, inner := range n.order[i+1:] {
		n.last[inner] = 0
	}
}

// fits reports whether a heading of style st numbered num continues the
// numbering: the next number of its style, or the first of a style that
// has started again or never appeared.
func (n *numbering) fits(st markerStyle, num int) bool {
	return num == n.last[st]+1
}

// splitInlineHeadings starts a new line at every heading inside a long line
// that follows a sentence's end and fits the numbering.
func splitInlineHeadings(lines []line) []line {
	var seq numbering
	var out []line
	for _, l := range lines {
		if l.isHead && l.head.style != styleAppendix {
			seq.see(l.head.style, l.head.number)
		}
		if runeLen(l.text) < minInlineLine {
			out = append(out, l)
			continue
		}
		start := 0
		for _, i := range sentenceStarts(l.text) {
			mk, ok := parseMarker(l.text[i:])
			if !ok || !isInlineStyle(mk.style) || !seq.fits(mk.style, mk.number) {
				continue
			}
			if _, ok := headingOf(l.text[i:]); !ok {
				continue
			}
			out = append(out, newLine(l.no, strings.TrimSpace(l.text[start:i])))
			start = i
			seq.see(mk.style, mk.number)
		}
		if start == 0 {
			out = append(out, l)
			continue
		}
		out = append(out, newLine(l.no, strings.TrimSpace(l.text[start:])))
	}
	return out
}

func isInlineStyle(st markerStyle) bool {
	for _, s := range inlineStyles {
		if s == st {
			return true
		}
	}
	return false
}

// sentenceStarts returns the byte offsets in s where a sentence starts
// after the end of another (after 。！？； and the closing marks that follow
// them, and any spaces), but not at the end of s.
func sentenceStarts(s string) []int {
	var out []int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if !strings.ContainsRune(sentenceEnds, r) {
			continue
		}
		i += closingRun(s[i:])
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i < len(s) {
			out = append(out, i)
		}
	}
	return out
}
