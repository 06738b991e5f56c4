package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A page's characters become lines, and lines paragraphs, by their boxes:
// PDFium gives the characters in reading order and marks the line breaks
// it infers; a line that runs to the text block's right edge is a line
// the typesetter broke, and it goes on in the next line unless that one is
// indented as a new paragraph.

// pdfLine is one line of a page: its text and the extent of its ink.
type pdfLine struct {
	text                     string
	left, right, top, bottom float64
	charWidth                float64 // the median width of its characters
}

func (l pdfLine) height() float64 { return l.top - l.bottom }

// pageLines splits a page's characters into lines at PDFium's line breaks,
// dropping the spaces PDFium generates between CJK characters and digits
// (typesetters space 增长 5.2% apart; the text has none).
func pageLines(p pdfPage) []pdfLine {
	var (
		lines  []pdfLine
		cur    strings.Builder
		widths []float64
		l      pdfLine
		inked  bool
		widest float64
	)
	flush := func() {
		text := tidySpaces(cur.String())
		if inked && strings.TrimSpace(text) != "" {
			l.text = text
			slices.Sort(widths)
			l.charWidth = widths[len(widths)/2]
			lines = append(lines, l)
		}
		cur.Reset()
		widths = widths[:0]
		inked, widest = false, 0
	}
	for _, c := range p.chars {
		switch c.text {
		case "\r":
			continue
		case "\n":
			flush()
			continue
		}
		if strings.TrimSpace(c.text) == "" || c.right <= c.left {
			cur.WriteString(c.text)
			continue // a generated space has no box
		}
		// A gap of more than two characters' width parts table cells or
		// columns: a tab, which tidySpaces keeps. (Widths are the widest
		// ink of the line so far: punctuation's ink is narrow.)
		widest = max(widest, c.right-c.left)
		if inked && c.left-l.right > 2*widest {
			cur.WriteByte('\t')
		}
		cur.WriteString(c.text)
		if !inked {
			l = pdfLine{left: c.left, right: c.right, top: c.top, bottom: c.bottom}
			inked = true
		}
		l.left, l.right = min(l.left, c.left), max(l.right, c.right)
		l.top, l.bottom = max(l.top, c.top), min(l.bottom, c.bottom)
		widths = append(widths, c.right-c.left)
	}
	flush()
	return lines
}

// tidySpaces trims a line and drops a space that has a CJK character or
// full-width punctuation on either side; spaces between Latin words stay
// (one each).
func tidySpaces(s string) string {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) && r != '\t' {
			return ' '
		}
		return r
	}, s))
	if !strings.ContainsAny(s, " \t") {
		return s
	}
	var b strings.Builder
	runes := []rune(s)
	for i, r := range runes {
		if r == ' ' {
			if i > 0 && (runes[i-1] == ' ' || runes[i-1] == '\t') || i+1 < len(runes) && runes[i+1] == '\t' {
				continue
			}
			if i > 0 && i+1 < len(runes) && (isWide(runes[i-1]) || isWide(runes[i+1])) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isWide is true for Han characters and full-width punctuation: text that
// is written without spaces.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}

// joinText joins a line broken at the right edge to the next: directly
// between CJK text, with a space between Latin words.
func joinText(a, b string) string {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	// Digits broken apart are one number; Latin words broken apart, two.
	if last < utf8.RuneSelf && first < utf8.RuneSelf && unicode.IsLetter(first) &&
		(unicode.IsLetter(last) || last == ',' || last == '.' || last == ';') {
		return a + " " + b
	}
	return a + b
}
