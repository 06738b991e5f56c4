package corpus

import (
	"regexp"
	"strings"
)

// A file's lines are not always the report's lines. Text taken from a
// spreadsheet cell or a database field may hold its line breaks escaped
// (the letters \r\n), and a crawled page may hold a whole report on one
// line, its paragraphs marked only by the full-width spaces that indent
// them, or by the residue of a character the crawler could not encode
// (????, <U+00A0>, &nbsp;). The steps here cut each physical line into
// the pieces the parser reads as lines; every piece keeps the number of
// the physical line it comes from, so that a reader can find it in the
// file.

// piece is a part of one physical line, before normalization.
type piece struct {
	no   int
	text string
}

// reEscapedBreak is a line break written as its escape: \r\n, \n, \r.
var reEscapedBreak = regexp.MustCompile(`\\r\\n|\\n|\\r`)

// Thresholds for evidently escaped text: at least minEscapes escaped
// breaks, and more escaped breaks than real ones (by escapeRatio), so that
// a report that quotes a \n once keeps it.
const (
	minEscapes  = 3
	escapeRatio = 4
)

// escapedBreaks reports whether text holds its line breaks escaped: many
// escapes, few real line breaks.
func escapedBreaks(text string, lines int) bool {
	n := len(reEscapedBreak.FindAllStringIndex(text, -1))
	return n >= minEscapes && n > escapeRatio*lines
}

// unescapeBreaks cuts a line at its escaped line breaks.
func unescapeBreaks(p piece) []piece {
	var out []piece
	for _, s := range reEscapedBreak.Split(p.text, -1) {
		out = append(out, piece{p.no, s})
	}
	return out
}

// reInlineResidue is what a crawler leaves inside a line for a character
// it could not keep: a run of question marks where full-width spaces were
// (时间：2024-04-02????作者：…), the name of a no-break space (<U+00A0>),
// an HTML entity for one (&nbsp;). It is cut out and recorded as dropped.
var reInlineResidue = regexp.MustCompile(`\?{2,}|<U\+00A0>|&nbsp;`)

// minBreakingQuestionMarks is the shortest run of question marks that
// stands for a paragraph's indent rather than a space (县长??杨曙光 is a
// space; ????各位代表 an indent).
const minBreakingQuestionMarks = 4

// reIndent separates paragraphs inside a line: a run of full-width spaces
// (the indent of crawled Chinese text, 　　), or of tabs between fields.
var reIndent = regexp.MustCompile(`[\x{3000}\x{00A0}]{2,}|\t{2,}`)

// splitResidue cuts the crawler's residue out of a line. A long run of
// question marks, a no-break space's name or entity, breaks the line: they
// stand for a paragraph's indent or a gap between a page's fields, and a
// sentence broken by one is joined again as any broken line is (joinBody).
// A short run of question marks stands for a space.
func (p *parser) splitResidue(pc piece) []piece {
	locs := reInlineResidue.FindAllStringIndex(pc.text, -1)
	if locs == nil {
		return []piece{pc}
	}
	var out []piece
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		m := pc.text[loc[0]:loc[1]]
		p.drop(line{no: pc.no, text: m}, "crawler residue")
		b.WriteString(pc.text[last:loc[0]])
		last = loc[1]
		if strings.HasPrefix(m, "?") && len(m) < minBreakingQuestionMarks {
			b.WriteByte(' ')
			continue
		}
		out = append(out, piece{pc.no, b.String()})
		b.Reset()
	}
	b.WriteString(pc.text[last:])
	return append(out, piece{pc.no, b.String()})
}

// splitIndents cuts a line at the indents of the paragraphs it holds. A
// line without a sentence's end holds no paragraphs: its wide spaces lay
// out a name (区长　　张天喜), they do not separate texts.
func splitIndents(pc piece) []piece {
	if !strings.ContainsAny(pc.text, sentenceEnds) {
		return []piece{pc}
	}
	var out []piece
	for _, s := range reIndent.Split(pc.text, -1) {
		out = append(out, piece{pc.no, s})
	}
	return out
}
