package corpus

import (
	"strconv"
	"strings"

	"reportsearch/lexicon"
)

// A locator says where a paragraph stands in its report the way a drafter
// cites it: 第二部分（四）2. 第3段. It is built from segments, one a heading
// level, and the segments are joined by rules about how each kind reads, so
// that no label is glued to the next (附件2 1., not 附件21.) and run-in
// markers read as words (第一部分 二是, not 第一部分二是).

// PreambleLocator names the paragraphs before a report's first heading.
const PreambleLocator = "开篇"

// segmentKind says how a locator segment joins its neighbours.
type segmentKind int

const (
	// segStructural segments (第二部分, （四）, 2., （1）) delimit themselves and
	// are written together: 第二部分（四）2.
	segStructural segmentKind = iota
	// segRunIn segments are markers of running text (第一, 二是) and the
	// paragraph number (第3段): a space sets them off from what precedes.
	segRunIn
	// segTitled segments name an appendix (附件2, 名词解释) or an appended
	// list (附): what follows is set off by a space.
	segTitled
)

type segment struct {
	text string
	kind segmentKind
}

// labelPunct is what a printed label carries around its number and a
// locator does not: 二、 → 二, 第一， → 第一, ※名词解释※ → 名词解释.
const labelPunct = "、，,：:．.。 　※[]【】"

// locatorSegment is how section s is named in a locator.
func locatorSegment(s *Section) segment {
	label := strings.TrimSpace(s.Label)
	bare := strings.Trim(label, labelPunct)
	if bare == "" && s.Number > 0 {
		// A heading printed without its number (a part known by its title
		// alone) is cited by the number its place gives it.
		bare = lexicon.ChineseNumeral(s.Number)
		if s.style == styleItem || s.style == styleSubItem {
			bare = strconv.Itoa(s.Number)
		}
	}
	switch s.style {
	case stylePart:
		return segment{"第" + bare + "部分", segStructural}
	case styleChapter, styleSubItem:
		return segment{"（" + strings.Trim(bare, "（）()") + "）", segStructural}
	case styleItem:
		return segment{bare + ".", segStructural}
	case styleOrdinal, styleEnumeration:
		return segment{bare, segRunIn}
	case styleAppendix, styleImplicitList:
		// 附：名词解释 is the glossary, named by its title.
		if t, ok := strings.CutPrefix(bare, "附"); ok && (strings.HasPrefix(t, "：") || strings.HasPrefix(t, ":")) {
			bare = strings.Trim(t, labelPunct)
		}
		return segment{bare, segTitled}
	}
	return segment{bare, segRunIn}
}

// joinSegments writes segments as one locator.
func joinSegments(segs []segment) string {
	var b strings.Builder
	var prev segment
	for i, s := range segs {
		if s.text == "" {
			continue
		}
		if i > 0 && b.Len() > 0 && needsSpace(prev, s) {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
		prev = s
	}
	return b.String()
}

// needsSpace reports whether a space goes between two segments: before a
// run-in segment, after a titled one, and wherever two digits would touch.
func needsSpace(prev, next segment) bool {
	if next.kind == segRunIn || prev.kind == segTitled {
		return true
	}
	last, first := prev.text[len(prev.text)-1], next.text[0]
	return isASCIIDigit(rune(last)) && isASCIIDigit(rune(first))
}

// paragraphSegment is the paragraph's number within its section, 第3段, or
// nothing when the section has one paragraph: it cites alike either way.
func paragraphSegment(ordinal, of int) segment {
	if of < 2 || ordinal < 1 {
		return segment{}
	}
	return segment{"第" + strconv.Itoa(ordinal) + "段", segRunIn}
}

// Locators are the locators of every paragraph of the report, by paragraph
// ID: the section's segments and the paragraph's number within it
// (第二部分（四）2. 第3段; 开篇 第2段 before the first heading).
func (r *Report) Locators() map[string]string {
	out := map[string]string{}
	for _, p := range r.Preamble {
		out[p.ID] = joinSegments([]segment{{PreambleLocator, segTitled}, paragraphSegment(p.Ordinal, len(r.Preamble))})
	}
	var walk func(ss []*Section, up []segment)
	walk = func(ss []*Section, up []segment) {
		for _, s := range ss {
			segs := append(up[:len(up):len(up)], locatorSegment(s))
			for _, p := range s.Paragraphs {
				out[p.ID] = joinSegments(append(segs[:len(segs):len(segs)], paragraphSegment(p.Ordinal, len(s.Paragraphs))))
			}
			walk(s.Sections, segs)
		}
	}
	walk(r.Sections, nil)
	return out
}
