package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"reportsearch/lexicon"
)

// parser holds the state of one Parse call.
type parser struct {
	r            *Report
	titles       titleCandidates
	issuerPrefix string     // 广东省 from 广东省省长…, settled in finishMetadata
	stack        []*Section // open sections, outermost first
	// headingLines are the lines of headings with no body run into them,
	// for the leaves that stay without paragraphs (see keepBareLeaves).
	headingLines map[*Section]line
}

type titleCandidates struct {
	crawler  string // 标题：…
	fileName string // a trailing line naming the source file (…草案（公开稿）.pdf)
	front    string // a title line before the first heading
	about    string // 关于…的报告 in the opening paragraph
	spoken   string // 政府工作报告 when the opening says it is one (我代表…向大会作工作报告)
}

// Parse decodes and parses one report. name is the file name the report was
// read from: it gives the report's ID and, for .md files, turns on Markdown
// stripping. Errors name the file and say what is wrong.
func Parse(name string, data []byte) (*Report, error) {
	r, err := parse(name, data)
	if err != nil {
		return nil, &FileError{Path: name, Err: err}
	}
	return r, nil
}

func parse(name string, data []byte) (*Report, error) {
	text, enc, err := Decode(data)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	p := &parser{
		r: &Report{
			Meta:     Meta{ID: Slug(filepath.Base(name)), Source: filepath.Base(name)},
			Encoding: enc,
			Hash:     hex.EncodeToString(sum[:]),
		},
	}
	lines, err := p.splitLines(text, isMarkdown(name))
	if err != nil {
		return nil, err
	}
	lines, p.titles.fileName = p.dropResidue(lines)
	lines = p.dropDoubledLines(lines)
	markAnnouncedParts(lines)
	markDatedParts(lines)

	start := len(lines)
	for i, l := range lines {
		if l.isHead && l.head.style != styleOrdinal && l.head.style != styleEnumeration {
			start = i
			break
		}
	}
	p.frontMatter(lines[:start])
	for _, l := range joinBody(lines[start:]) {
		p.bodyLine(l)
	}
	p.keepBareLeaves()
	p.finishMetadata(stripExt(p.r.Source))
	p.assignIDs()
	p.readDelivery()
	if len(p.r.Region) == 0 {
		p.r.Region = regionInText(p.texts(), p.r.Delivered)
	}
	p.r.RegionCode = regionCode(p.r.Region, p.r.Delivered)
	p.assignPeriods()
	n := 0
	past, plan := p.reportYears()
	periods := p.sectionPeriods()
	for para := range p.r.Paragraphs() {
		para.Sentences = Sentences(para.Text)
		extractFigures(para, figureContext{past: past, plan: plan, delivered: p.r.Delivered, period: periods[para.SectionID]})
		n++
	}
	if n == 0 {
		return nil, fmt.Errorf("%w: %d lines, none of them report paragraphs", ErrNoText, len(lines))
	}
	p.r.findCommitments()
	p.r.Tag(DefaultTaxonomy())
	if p.r.Sections == nil {
		p.r.Sections = []*Section{}
	}
	return p.r, nil
}

func (p *parser) drop(l line, reason string) {
	if strings.TrimSpace(l.text) == "" {
		return
	}
	p.r.Dropped = append(p.r.Dropped, DroppedLine{Line: l.no, Text: l.text, Reason: reason})
}

// partTransitions open a paragraph that speaks for a whole part, not for
// the last chapter or item before it: the summary after a review's chapters
// (过去一年…, 在充分肯定成绩的同时…), an address to the assembly (各位代表).
var partTransitions = regexp.MustCompile(`^(` + lexicon.Alternation("part-transitions") + `)`)

// bodyLine places one logical line after the front matter: a heading opens a
// section, anything else is a paragraph of the innermost open section.
func (p *parser) bodyLine(l line) {
	if l.isHead {
		s := p.open(l.head, l)
		if l.head.body != "" {
			p.addParagraph(s, l, l.head.body)
		} else {
			if p.headingLines == nil {
				p.headingLines = map[*Section]line{}
			}
			p.headingLines[s] = l
		}
		return
	}
	if len(p.stack) == 0 {
		p.preamble(l)
		return
	}
	if partTransitions.MatchString(l.text) {
		p.stack = p.stack[:1]
	}
	if isSalutation(l.text) {
		p.drop(l, "salutation")
		return
	}
	p.addParagraph(p.stack[len(p.stack)-1], l, l.text)
}

// keepBareLeaves makes the heading of a section that has neither paragraphs
// nor sections of its own its paragraph too: only paragraphs are searched,
// and such a heading is often the text itself — an entry of a glossary
// (14.“双减”政策：是指…), an item of a list written one a line. A heading
// with something under it is searched with its paragraphs.
func (p *parser) keepBareLeaves() {
	for s, l := range p.headingLines {
		if len(s.Paragraphs) == 0 && len(s.Sections) == 0 && s.Title != "" {
			p.addParagraph(s, l, strings.TrimSpace(l.head.marker.rest))
		}
	}
}

func (p *parser) addParagraph(s *Section, l line, text string) {
	s.Paragraphs = append(s.Paragraphs, &Paragraph{Text: text, Line: l.no, order: l.order})
}

// open starts a section for heading h. Levels follow the order in which
// marker styles open: a style already open closes everything inside it and
// starts a sibling; a new style nests. An appendix closes everything. A list
// that restarts at 1 (一、 after 三、 with no 附件 line between) is an
// appended list, not new parts: it goes into an implicit appendix so that the
// report's parts stay as they are.
func (p *parser) open(h heading, l line) *Section {
	s := &Section{Number: h.number, Label: h.label, Title: h.title, Line: l.no, order: l.order, style: h.style}
	if h.style == styleAppendix {
		p.stack = p.stack[:0]
	} else if i := p.openIndex(h.style); i >= 0 {
		if h.number == 1 && i == 0 {
			group := &Section{Label: "附", Level: 1, style: styleImplicitList, Line: l.no, order: l.order}
			p.r.Sections = append(p.r.Sections, group)
			p.stack = []*Section{group}
		} else {
			p.stack = p.stack[:i]
		}
	}
	if len(p.stack) == 0 {
		p.r.Sections = append(p.r.Sections, s)
	} else {
		parent := p.stack[len(p.stack)-1]
		parent.Sections = append(parent.Sections, s)
	}
	p.stack = append(p.stack, s)
	s.Level = len(p.stack)
	return s
}

func (p *parser) openIndex(st markerStyle) int {
	for i, s := range p.stack {
		if s.style == st {
			return i
		}
	}
	return -1
}

// sectionPeriods maps section IDs to the five-year period their headings
// speak of, when they name only that.
func (p *parser) sectionPeriods() map[string]Period {
	out := map[string]Period{}
	var walk func(ss []*Section, titles []string)
	walk = func(ss []*Section, titles []string) {
		for _, s := range ss {
			ts := append(titles[:len(titles):len(titles)], s.Title)
			if period := sectionPeriod(ts); !period.IsZero() {
				out[s.ID] = period
			}
			walk(s.Sections, ts)
		}
	}
	walk(p.r.Sections, nil)
	return out
}
