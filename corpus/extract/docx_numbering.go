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

// listNumber writes n as w:numFmt format does. Formats not listed, and
// numbers past a format's range, are written in decimal.
func listNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperRoman", "lowerRoman":
		if n > 0 && n < 4000 {
			s := romanNumeral(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperLetter", "lowerLetter": // 27 is AA, 28 BB
		if n > 0 {
			c := byte('A')
			if format == "lowerLetter" {
				c = 'a'
			}
			return strings.Repeat(string(c+byte((n-1)%26)), (n-1)/26+1)
		}
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
		if n >= 0 && n < 10000 {
			return chineseNumeral(n, "〇一二三四五六七八九", "十百千", true)
		}
	case "chineseLegalSimplified":
		if n >= 0 && n < 10000 {
			return chineseNumeral(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", false)
		}
	case "ideographLegalTraditional":
		if n >= 0 && n < 10000 {
			return chineseNumeral(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟", false)
		}
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		if n >= 0 {
			digits := []rune("〇一二三四五六七八九")
			return strings.Map(func(r rune) rune { return digits[r-'0'] }, strconv.Itoa(n))
		}
	case "ideographTraditional": // the ten heavenly stems, in a cycle
		if n > 0 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[(n-1)%10])
		}
	case "ideographZodiac": // the twelve earthly branches
		if n > 0 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[(n-1)%12])
		}
	case "ideographZodiacTraditional": // the sixty-year cycle: 甲子, 乙丑 …
		if n > 0 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[(n-1)%10]) + string([]rune("子丑寅卯辰巳午未申酉戌亥")[(n-1)%12])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		switch {
		case n >= 1 && n <= 20:
			return string(rune(0x2460 + n - 1))
		case n >= 21 && n <= 35:
			return string(rune(0x3251 + n - 21))
		case n >= 36 && n <= 50:
			return string(rune(0x32B1 + n - 36))
		}
	case "ideographEnclosedCircle":
		if n >= 1 && n <= 10 {
			return string(rune(0x3220 + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r - '0' + '０'
			}
			return r
		}, strconv.Itoa(n))
	}
	return strconv.Itoa(n)
}

// chineseNumeral writes 0 ≤ n < 10000 with the digits 0–9 and the units
// ten, hundred, thousand given: 十一, 一百零一, 一千零一十. When shortTen,
// 10–19 drop their leading one (十一, not 一十一), as the counting
// numerals do and the legal ones (壹拾壹) do not.
func chineseNumeral(n int, digits, units string, shortTen bool) string {
	d, u := []rune(digits), []rune(units)
	if n == 0 {
		return string(d[0])
	}
	s := strconv.Itoa(n)
	var b strings.Builder
	zero := false
	for i, c := range s {
		v, pos := int(c-'0'), len(s)-1-i
		if v == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteRune('零')
			zero = false
		}
		if !(shortTen && v == 1 && pos == 1 && i == 0) {
			b.WriteRune(d[v])
		}
		if pos > 0 {
			b.WriteRune(u[pos-1])
		}
	}
	return b.String()
}

func romanNumeral(n int) string {
	var b strings.Builder
	for _, r := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for ; n >= r.v; n -= r.v {
			b.WriteString(r.s)
		}
	}
	return b.String()
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
