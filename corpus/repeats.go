package corpus

import (
	"slices"
	"strings"
)

// A crawled page sometimes holds its text twice: the page and its printable
// copy, or a page that renders the article once in a preview and once in
// full. The second copy is not more report text; kept, it would make every
// heading appear twice (the parser reads a restarted 一、 as an appended
// list) and every figure be counted twice. dropRepeats finds the second copy
// and drops it, and the page furniture (navigation, site links, licence
// notices) that stands between the copies.

// Thresholds of a repeated copy.
const (
	// minRepeatLine is the length in characters from which a line that
	// occurs twice is taken as a sign of a copy: a shorter line (a slogan,
	// a heading such as 各位代表) may well be said twice in one report.
	minRepeatLine = 20
	// minRepeatRun is how many characters of consecutive repeated lines
	// make a copy: a quotation repeats a sentence, not a page.
	minRepeatRun = 300
	// maxFurnitureLine is the longest line between two copies that is
	// dropped as page furniture; a longer one, or one with a sentence's
	// end, is kept as text (see isFurniture).
	maxFurnitureLine = 40
)

// dropRepeats drops the second copy of the text and the furniture between
// the copies. Lines of the copy that the first copy does not have are kept
// when they may be text (long lines), so that no text is lost by a copy
// that renders a paragraph differently; short ones, punctuated or not
// (是否继续？), are the copy's own page furniture.
func (p *parser) dropRepeats(lines []line) []line {
	k := repeatStart(lines)
	if k < 0 {
		return lines
	}
	first := map[string]int{} // text → index of its last occurrence before k
	for i, l := range lines[:k] {
		if l.text != "" {
			first[l.text] = i
		}
	}
	// The first copy ends after its last sentence that the copy repeats;
	// the lines of a site's footer may repeat after the end.
	end := 0
	for _, l := range lines[k:] {
		if i, ok := first[l.text]; ok && i+1 > end && strings.ContainsAny(l.text, sentenceEnds) {
			end = i + 1
		}
	}
	kept := make([]line, 0, len(lines))
	for i, l := range lines {
		switch {
		case i >= end && i < k && isFurniture(l):
			p.drop(l, "page furniture")
		case i >= k && l.text != "":
			if _, ok := first[l.text]; ok {
				p.drop(l, "repeated text")
			} else if !l.isHead && runeLen(l.text) <= maxFurnitureLine {
				p.drop(l, "page furniture")
			} else {
				kept = append(kept, l)
			}
		default:
			kept = append(kept, l)
		}
	}
	return kept
}

// repeatStart returns the index of the line where a second copy of the
// text starts, or -1: the first long line that occurs before, followed by
// consecutive lines that all occur before, minRepeatRun characters in all;
// or, from there back, the lines that occur before it too.
func repeatStart(lines []line) int {
	seen := map[string]bool{}
	for k, l := range lines {
		if runeLen(l.text) >= minRepeatLine && seen[l.text] && repeatedRun(lines[k:], seen) >= minRepeatRun {
			// The copy starts with the short lines before it that repeat
			// too: its heading, its salutation.
			for k > 0 && (lines[k-1].text == "" || slices.ContainsFunc(lines[:k-1], func(m line) bool { return m.text == lines[k-1].text })) {
				k--
			}
			return k
		}
		if l.text != "" {
			seen[l.text] = true
		}
	}
	return -1
}

// repeatedRun is the length in characters of the run of non-empty lines at
// the start of lines that all occur in seen.
func repeatedRun(lines []line, seen map[string]bool) int {
	n := 0
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if !seen[l.text] {
			break
		}
		n += runeLen(l.text)
	}
	return n
}

// isFurniture reports whether a line can be a page's furniture: short, not
// a sentence and not a heading.
func isFurniture(l line) bool {
	return !l.isHead && runeLen(l.text) <= maxFurnitureLine && !strings.ContainsAny(l.text, "。；！？")
}

// dropDoubledLines drops a line that repeats the line just before it (the
// blank lines between aside): a page that prints a heading twice, as its
// anchor and as its text. A report does not say the same line twice in a
// row. It runs after dropResidue, so that a site's doubled footer lines
// keep the reason they are dropped for.
func (p *parser) dropDoubledLines(lines []line) []line {
	kept := lines[:0:0]
	prev := ""
	for _, l := range lines {
		if l.text != "" && l.text == prev {
			p.drop(l, "repeated text")
			continue
		}
		if l.text != "" {
			prev = l.text
		}
		kept = append(kept, l)
	}
	return kept
}
