package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// markerStyle is the typographic form of a heading's number. Reports nest
// styles in different orders (一、 › （一） › 1. › （1） is the common one, but
// 一、 › 第一， and 一、 › 一是 occur too), so the parser assigns levels by the
// order in which styles open, not by a fixed table.
type markerStyle int

const (
	styleNone         markerStyle = iota
	stylePart                     // 一、
	styleChapter                  // （一）
	styleItem                     // 1.  1、
	styleSubItem                  // （1）
	styleOrdinal                  // 第一，
	styleEnumeration              // 一是
	styleAppendix                 // 附件1, 附录
	styleImplicitList             // a restarted list without its own heading
)

// marker is a recognised heading number at the start of a line.
type marker struct {
	style  markerStyle
	number int
	label  string // the marker as printed: "一、", "（三）", "1.", "附件2"
	rest   string // the line after the marker
}

var markerPatterns = []struct {
	style markerStyle
	re    *regexp.Regexp
}{
	// 附件1, 附件2：名词解释, 附录, 附件： — not 附件要求… or 附表所列项目.
	{styleAppendix, regexp.MustCompile(`^(附件|附录|附表)(?:\s*([0-9]{1,2}|` + lexicon.HeadingNumber + `)\s*[：:、.]?\s*|\s*[：:]\s*|\s*$)`)},
	// A glossary's title alone on its line: 名词解释, ※名词解释※, 附：名词解释.
	{styleAppendix, regexp.MustCompile(`^(?:附\s*[：:]\s*)?[※\[【]?(` + lexicon.Alternation("glossary-titles") + `)[※\]】]?\s*[：:]?\s*$`)},
	{stylePart, regexp.MustCompile(`^(` + lexicon.HeadingNumber + `)\s*、\s*`)},
	{styleChapter, regexp.MustCompile(`^（(` + lexicon.HeadingNumber + `)）\s*`)},
	{styleSubItem, regexp.MustCompile(`^[（(]([0-9]{1,2})[）)]\s*`)},
	// 1. 1、 but not 2.5 (a decimal) nor 2022、2023 (years).
	{styleItem, regexp.MustCompile(`^([0-9]{1,2})\s*[.、]\s*`)},
	{styleOrdinal, regexp.MustCompile(`^第(` + lexicon.HeadingNumber + `)\s*[，、：]\s*`)},
	{styleEnumeration, regexp.MustCompile(`^(` + lexicon.HeadingNumber + `)是`)},
}

// reNumeralList is what follows 一、 when the numeral opens a list of
// numerals in running text (一、二、三产业, 三、四季度) rather than a heading.
var reNumeralList = regexp.MustCompile(`^(?:` + lexicon.SmallNumeral + `{1,2}[、和至到])*` + lexicon.SmallNumeral + `{1,2}` + lexicon.Alternation("numeral-list-nouns"))

// parseMarker recognises a heading number at the start of line.
func parseMarker(line string) (marker, bool) {
	for _, p := range markerPatterns {
		m := p.re.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		label := strings.TrimSpace(line[:m[1]])
		rest := line[m[1]:]
		mk := marker{style: p.style, label: label, rest: rest}
		switch p.style {
		case styleAppendix:
			// 附件 must stand alone or carry a short title: "附件1", "附件：名词解释".
			if runeLen(rest) > 30 || strings.ContainsAny(rest, "。；") {
				return marker{}, false
			}
			if len(m) > 5 && m[4] >= 0 { // a numbered appendix: 附件2
				mk.number, _ = chineseNumber(line[m[4]:m[5]])
			}
			mk.label = strings.TrimRight(label, "：: ")
		default:
			n, ok := chineseNumber(line[m[2]:m[3]])
			if !ok || n == 0 {
				return marker{}, false
			}
			mk.number = n
			if p.style == styleItem && rest != "" && isASCIIDigit(rune(rest[0])) {
				return marker{}, false // 2.5 is a number, not item 2
			}
			if p.style == stylePart && reNumeralList.MatchString(rest) {
				return marker{}, false // 一、二、三产业; 三、四季度
			}
		}
		if p.style != styleAppendix && strings.TrimSpace(strings.Trim(rest, ".。…·")) == "" {
			// A bare number is not a heading, nor one the crawler cut
			// off its page's summary with dots (一、......).
			return marker{}, false
		}
		return mk, true
	}
	return marker{}, false
}

// heading is a heading line split into its title and the body text that
// follows it on the same line, if any.
type heading struct {
	marker
	title string
	body  string
}

// Thresholds in characters. A heading is a phrase: the longest headings in
// the reports we have seen are ~50 characters; a first "sentence" much longer
// than that is body text.
const (
	maxStandaloneHeading = 80
	maxRunInHeading      = 60
	maxEnumerationTitle  = 60
)

// sentenceEnds are the marks that end a Chinese sentence.
const sentenceEnds = "。！？；"

// headingKeywords end the title of a heading glued to its body with no
// punctuation between them (一、2014年工作回顾过去的一年，…). Only endings
// distinctive enough to trust are listed: 建设 or 任务 alone also occur
// inside headings (加快建设现代化产业体系).
var headingKeywords = lexicon.Words("heading-keywords")

// functionWords cannot start a body after a glued heading: text after the
// keyword that starts with one still belongs to the heading
// (2023年主要任务和措施, 总体要求和奋斗目标).
var functionWords = lexicon.Chars("function-word-chars")

// splitHeading decides whether a line that starts with a marker is a heading
// and, if so, separates the title from body text run into the same line:
//
//	（一）全力以赴稳增长，经济发展稳进提质            → title only
//	1.都市经济质效齐升。“3+2”产业发展能级不断提升…   → title + body (run-in)
//	一、2014年工作回顾过去的一年，面对…              → title + body (glued)
func splitHeading(mk marker) (heading, bool) {
	rest := strings.TrimSpace(mk.rest)
	h := heading{marker: mk}
	if mk.style == styleAppendix {
		h.title = strings.TrimRight(rest, "：:")
		return h, true
	}
	first, after := splitFirstSentence(rest)
	standalone := strings.TrimSpace(after) == ""
	switch mk.style {
	case styleOrdinal, styleEnumeration:
		// 第一，… and 一是… open many ordinary paragraphs; only a line that is
		// nothing but a short phrase is a heading.
		if !standalone || runeLen(first) > maxEnumerationTitle {
			return heading{}, false
		}
	}
	// A part heading glued to its body (二、2015年政府工作的主要任务今年是…)
	// can look like a short first sentence or a heading ending with 。; only
	// a distinctive heading ending such as 主要任务 or 工作回顾 is trusted to
	// split it. A line with no sentence end at all is a heading as it stands.
	short := runeLen(first) <= maxRunInHeading
	hasEnd := strings.ContainsAny(rest, sentenceEnds)
	if mk.style == stylePart && hasEnd {
		if title, body, ok := splitGlued(rest); ok {
			h.title, h.body = title, body
			return h, true
		}
	}
	if standalone && runeLen(first) <= maxStandaloneHeading {
		h.title = trimHeadingEnd(first)
		return h, true
	}
	// A chapter heading glued to the lead-in of its body
	// (（一）着力保持经济平稳健康运行突出抓好项目建设。…) splits where the
	// body's first verb phrase starts.
	if mk.style == styleChapter && (!short || runeLen(firstClause(first)) >= minGluedChapter) {
		if title, body, ok := splitAtStarter(rest); ok {
			h.title, h.body = title, body
			return h, true
		}
	}
	if short {
		h.title = trimHeadingEnd(first)
		h.body = strings.TrimSpace(after)
		return h, true
	}
	if mk.style == styleChapter {
		if title, body, ok := splitGlued(rest); ok {
			h.title, h.body = title, body
			return h, true
		}
	}
	// A numbered paragraph with no title of its own.
	h.body = rest
	return h, true
}

// splitFirstSentence returns the first sentence of s (with its end mark) and
// the rest.
func splitFirstSentence(s string) (string, string) {
	i := strings.IndexAny(s, sentenceEnds)
	if i < 0 {
		return s, ""
	}
	_, n := firstRune(s[i:])
	end := i + n
	end += closingRun(s[end:])
	return s[:end], s[end:]
}

// splitGlued splits a heading glued to its body: the title ends with the
// last heading keyword inside the first clause, and the body that follows
// is a sentence of its own (at least a few characters, not starting with a
// function word).
func splitGlued(s string) (title, body string, ok bool) {
	clause := firstClause(s)
	best := -1
	for _, kw := range headingKeywords {
		if i := strings.LastIndex(clause, kw); i >= 0 && i+len(kw) > best {
			best = i + len(kw)
		}
	}
	if best < 0 || runeLen(s[:best]) > maxRunInHeading {
		return "", "", false
	}
	rest := s[best:]
	r, _ := firstRune(rest)
	if runeLen(clause[best:]) < 2 || runeLen(rest) < 6 || strings.ContainsRune(functionWords, r) {
		return "", "", false
	}
	return s[:best], rest, true
}

// bodyStarters open the first sentence of a chapter's body. A chapter title
// is itself a verb phrase (着力保持…, 继续加强…), so a starter counts only
// after the title's first few characters, and only where a real phrase
// follows it.
var bodyStarters = lexicon.Words("body-starters")

const (
	// A run-in chapter title whose first clause is this long is suspected
	// of carrying its body's lead-in.
	minGluedChapter  = 14
	minTitleBefore   = 6 // characters of title before a starter
	minPhraseAfter   = 6 // characters from the starter to the end of its clause
	maxStarterOffset = 30
)

// splitAtStarter splits a chapter heading glued to its body before the
// first body starter that follows at least minTitleBefore characters of
// title inside the first clause.
func splitAtStarter(s string) (title, body string, ok bool) {
	rs := []rune(firstClause(s))
	for i := minTitleBefore; i < len(rs) && i <= maxStarterOffset; i++ {
		tail := string(rs[i:])
		for _, st := range bodyStarters {
			if strings.HasPrefix(tail, st) && len(rs)-i >= minPhraseAfter && rs[i-1] != '可' { // not 可持续
				cut := len(string(rs[:i]))
				return s[:cut], s[cut:], true
			}
		}
	}
	return "", "", false
}

// firstClause is s up to its first clause mark.
func firstClause(s string) string {
	if i := strings.IndexAny(s, "，、：；。,？！"); i >= 0 {
		return s[:i]
	}
	return s
}

// trimHeadingEnd drops the punctuation a heading line ends with.
func trimHeadingEnd(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), "。：；:;，,？！ ")
}

// OpensItem reports whether a sentence opens with a number that makes it an
// item of a list inside its paragraph: a heading number (（三）, 1., 第一，,
// 一是) or a circled digit (①). An answer that reads a paragraph by its
// items starts a new item there.
func OpensItem(sentence string) bool {
	if _, ok := parseMarker(sentence); ok {
		return true
	}
	r, _ := utf8.DecodeRuneInString(sentence)
	return r >= '①' && r <= '⑳'
}
