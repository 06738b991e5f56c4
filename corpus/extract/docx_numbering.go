package extract

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word keeps a list's numbers out of the text: a paragraph names a list
// (w:numPr, directly or through its style) and Word computes "一、" or
// "（二）" as it lays the page out. The corpus parser finds headings by
// those numbers, so they are computed here as Word would.

// maxDocxDefinitions bounds the styles and lists a file may define, so that a
// hostile styles.xml or numbering.xml cannot fill memory with maps.
const maxDocxDefinitions = 1 << 16

// listLevel is one w:lvl of a list: how its number is written.
type listLevel struct {
	start   int
	format  string // w:numFmt: decimal, chineseCounting, bullet …
	text    string // w:lvlText: "%1、", "（%2）", "%1.%2"
	restart int    // w:lvlRestart; -1 when absent (restart after any shallower level)
	legal   bool   // w:isLgl: every level written as decimal
	suffix  string // w:suff: tab (the default), space or nothing
	style   string // w:pStyle: the paragraph style that takes this level
	picture bool   // w:lvlPicBulletId: a picture bullet
}

// abstractList is a w:abstractNum. The running counters live here, not on
// the w:num, because Word continues one list across the nums that share
// an abstractNum unless a num restarts it with w:startOverride.
type abstractList struct {
	levels    [9]*listLevel
	styleLink string // w:numStyleLink: the levels are those of this numbering style's list
	count     [9]int
	started   [9]bool
}

// listInstance is a w:num: an abstractNum with overrides.
type listInstance struct {
	abstract string
	override [9]bool // w:startOverride given for the level
	start    [9]int
	levels   [9]*listLevel // w:lvlOverride/w:lvl
	used     bool
}

// docxStyle is a w:style as far as numbering needs it.
type docxStyle struct {
	name, basedOn    string
	numID            string
	hasNum, hasLevel bool
	level            int
}

// docxNumberer holds a document's styles and lists and numbers its paragraphs
// in document order.
type docxNumberer struct {
	styles       map[string]*docxStyle
	defaultStyle string // the paragraph style of a paragraph that names none
	abstracts    map[string]*abstractList
	nums         map[string]*listInstance
}

func newDocxNumberer() *docxNumberer {
	return &docxNumberer{styles: map[string]*docxStyle{}, abstracts: map[string]*abstractList{}, nums: map[string]*listInstance{}}
}

var errTooManyDefinitions = fmt.Errorf("%w: more than %d style or list definitions", ErrTooLarge, maxDocxDefinitions)

// readStyles reads word/styles.xml.
func (nb *docxNumberer) readStyles(d *xml.Decoder) error {
	var cur *docxStyle
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if isRevisionMark(t) {
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			}
			switch t.Name.Local {
			case "style":
				if len(nb.styles) >= maxDocxDefinitions {
					return errTooManyDefinitions
				}
				id := xmlAttr(t, "styleId")
				cur = &docxStyle{}
				if nb.styles[id] == nil {
					nb.styles[id] = cur
				}
				if xmlAttr(t, "type") == "paragraph" && xmlOn(t, "default") && nb.defaultStyle == "" {
					nb.defaultStyle = id
				}
			case "name":
				if cur != nil {
					cur.name = xmlAttr(t, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = xmlAttr(t, "val")
				}
			case "numId":
				if cur != nil {
					cur.numID, cur.hasNum = xmlAttr(t, "val"), true
				}
			case "ilvl":
				if cur != nil {
					cur.level, cur.hasLevel = xmlInt(xmlAttr(t, "val")), true
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" {
				cur = nil
			}
		}
	}
}

// readNumbering reads word/numbering.xml.
func (nb *docxNumberer) readNumbering(d *xml.Decoder) error {
	var (
		abs      *abstractList
		inst     *listInstance
		lvl      *listLevel
		override = -1 // the level of the open w:lvlOverride
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(nb.abstracts)+len(nb.nums) >= maxDocxDefinitions {
				return errTooManyDefinitions
			}
			val := xmlAttr(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				abs = &abstractList{}
				if id := xmlAttr(t, "abstractNumId"); nb.abstracts[id] == nil {
					nb.abstracts[id] = abs
				}
			case "num":
				inst = &listInstance{}
				if id := xmlAttr(t, "numId"); nb.nums[id] == nil {
					nb.nums[id] = inst
				}
			case "abstractNumId":
				if inst != nil {
					inst.abstract = val
				}
			case "lvlOverride":
				override = listLevelIndex(xmlAttr(t, "ilvl"))
			case "startOverride":
				if inst != nil && override >= 0 {
					inst.override[override], inst.start[override] = true, xmlInt(val)
				}
			case "lvl":
				lvl = &listLevel{restart: -1, suffix: "tab", format: "decimal"}
				k := listLevelIndex(xmlAttr(t, "ilvl"))
				switch {
				case k < 0:
				case inst != nil && override >= 0:
					inst.levels[override] = lvl
				case abs != nil:
					abs.levels[k] = lvl
				}
			case "numStyleLink":
				if abs != nil {
					abs.styleLink = val
				}
			}
			if lvl == nil {
				continue
			}
			switch t.Name.Local {
			case "start":
				lvl.start = xmlInt(val)
			case "numFmt":
				// Word 2010 writes a custom format as mc:Choice and a
				// plain one as mc:Fallback after it; the last one read,
				// the plain one, is the one kept.
				lvl.format = val
			case "lvlText":
				lvl.text = val
			case "lvlRestart":
				lvl.restart = xmlInt(val)
			case "isLgl":
				lvl.legal = xmlOn(t, "val")
			case "suff":
				lvl.suffix = val
			case "pStyle":
				lvl.style = val
			case "lvlPicBulletId":
				lvl.picture = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "abstractNum":
				abs = nil
			case "num":
				inst = nil
			case "lvlOverride":
				override = -1
			case "lvl":
				lvl = nil
			}
		}
	}
}

// styleNumbering is the list a paragraph style puts its paragraphs in,
// following w:basedOn.
func (nb *docxNumberer) styleNumbering(id string) (numID string, hasNum bool, level int, hasLevel bool) {
	for range 16 { // a chain of basedOn may loop
		s := nb.styles[id]
		if s == nil {
			break
		}
		if !hasNum && s.hasNum {
			numID, hasNum = s.numID, true
		}
		if !hasLevel && s.hasLevel {
			level, hasLevel = s.level, true
		}
		id = s.basedOn
	}
	return numID, hasNum, level, hasLevel
}

// label advances the counters for a paragraph of style styleID with the
// direct numbering given (numID, level when has*), and returns the number
// Word prints before it, with a space when the number ends in a letter or
// digit and Word puts a gap after it; "" for bullets and unnumbered
// paragraphs.
func (nb *docxNumberer) label(styleID, numID string, hasNum bool, level int, hasLevel bool) string {
	sNum, sHasNum, sLevel, sHasLevel := nb.styleNumbering(styleID)
	if !hasNum {
		numID, hasNum = sNum, sHasNum
	}
	if !hasLevel {
		level, hasLevel = sLevel, sHasLevel
	}
	inst := nb.nums[numID]
	if !hasNum || inst == nil { // numId 0, "no list", names no w:num
		return ""
	}
	abs := nb.abstracts[inst.abstract]
	if abs != nil && abs.styleLink != "" {
		if s := nb.styles[abs.styleLink]; s != nil && s.hasNum {
			if linked := nb.nums[s.numID]; linked != nil && nb.abstracts[linked.abstract] != nil {
				abs = nb.abstracts[linked.abstract]
			}
		}
	}
	if abs == nil {
		return ""
	}
	def := func(k int) *listLevel {
		if inst.levels[k] != nil {
			return inst.levels[k]
		}
		return abs.levels[k]
	}
	if !hasLevel { // a heading style a level names with w:pStyle
		for k := range abs.levels {
			if l := def(k); l != nil && l.style == styleID && styleID != "" {
				level = k
				break
			}
		}
	}
	level = min(max(level, 0), 8)
	lvl := def(level)
	if lvl == nil {
		return ""
	}
	startOf := func(k int) int {
		if inst.override[k] {
			return inst.start[k]
		}
		if l := def(k); l != nil {
			return l.start
		}
		return 1
	}
	if !inst.used { // a num with startOverride restarts the list it shares
		inst.used = true
		for k := range inst.override {
			if inst.override[k] {
				abs.started[k] = false
			}
		}
	}
	if abs.started[level] {
		abs.count[level]++
	} else {
		abs.count[level], abs.started[level] = startOf(level), true
	}
	for k := level + 1; k < len(abs.levels); k++ {
		restart := k
		if l := def(k); l != nil && l.restart >= 0 {
			restart = l.restart // restart after (1-based) level restart; 0: never
		}
		if level < restart {
			abs.started[k] = false
		}
	}
	if lvl.format == "bullet" || lvl.picture {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(lvl.text); i++ {
		c := lvl.text[i]
		if c != '%' || i+1 == len(lvl.text) || lvl.text[i+1] < '1' || lvl.text[i+1] > '9' {
			b.WriteByte(c)
			continue
		}
		i++
		k := int(lvl.text[i] - '1')
		n := startOf(k)
		if abs.started[k] {
			n = abs.count[k]
		}
		format := "decimal"
		if l := def(k); l != nil && !lvl.legal {
			format = l.format
		}
		b.WriteString(listNumber(n, format))
	}
	s := strings.TrimSpace(strings.Map(func(r rune) rune {
		if r >= 0xE000 && r <= 0xF8FF { // a symbol-font bullet
			return -1
		}
		return r
	}, b.String()))
	if s == "" {
		return ""
	}
	// "一、" and "（1）" end in punctuation and run into the text, as the
	// parser expects; "第一章" or "Article 1" keep the gap Word leaves.
	if last, _ := utf8.DecodeLastRuneInString(s); lvl.suffix != "nothing" && (unicode.IsLetter(last) || unicode.IsNumber(last)) {
		s += " "
	}
	return s
}

// xmlAttr is the value of the attribute named local, in any namespace
// (w:val, w:styleId).
func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// xmlOn reads an OOXML on/off property: absent or "1", "true", "on" is on.
func xmlOn(e xml.StartElement, local string) bool {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			switch a.Value {
			case "0", "false", "off":
				return false
			}
		}
	}
	return true
}

func xmlInt(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

// listLevelIndex is a w:ilvl as an index into a list's nine levels, or -1.
func listLevelIndex(s string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n >= 0 && n < 9 {
		return n
	}
	return -1
}

// isRevisionMark is true for an element that holds properties as they were
// before a tracked change (w:pPrChange, w:rPrChange …): not what the
// document says now.
func isRevisionMark(e xml.StartElement) bool {
	return strings.HasSuffix(e.Name.Local, "Change")
}
