package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"reportsearch/lexicon"
)

// The front matter is everything before the first heading: the title, the
// date and meeting, the speaker or issuing body, the salutation, crawler
// headers and site navigation, and the report's opening paragraphs.

// crawlerFields are the labels of a crawler's header fields: 标题, 来源 ….
var crawlerFields = lexicon.Alternation("crawler-fields")

// fieldRole is what a crawler field's value is to the report.
type fieldRole string

const (
	fieldTitle  fieldRole = "title"  // 标题: a candidate for the title
	fieldSource fieldRole = "source" // 来源: the report's origin
	fieldOther  fieldRole = "other"  // 发布时间, 作者 …: only dropped
)

// crawlerRoles are the crawler fields' roles by label.
var crawlerRoles = func() map[string]fieldRole {
	out := map[string]fieldRole{}
	for _, t := range lexicon.Tagged("crawler-fields", "role", fieldTitle, fieldSource, fieldOther) {
		out[t.Word] = t.Tag
	}
	return out
}()

var (
	reCrawlerField   = regexp.MustCompile(`^(` + crawlerFields + `)\s*[：:]\s*(.*)$`)
	reCrawlerBlob    = regexp.MustCompile(`(` + crawlerFields + `)[：:]`)
	reRule           = regexp.MustCompile(`^[=\-_*~—－─━·.]{3,}$`)
	reDate           = regexp.MustCompile(`(` + lexicon.DateNumeral + `{4})\s*年\s*(` + lexicon.DateNumeral + `{1,3})\s*月\s*(` + lexicon.DateNumeral + `{1,3})\s*日`)
	reMeeting        = regexp.MustCompile(`^(?:在)?(.{2,60}?会议)(?:上|通过)?`)
	reAssembly       = regexp.MustCompile(`^(?:在)?(.{2,60}?大会)(?:上|通过)?`)
	reSpeaker        = regexp.MustCompile(`^(.{0,30}?)(` + lexicon.Alternation("speaker-roles") + `)\s*(\p{Han}{2,4}|\p{Han}+(?:·\p{Han}+)+)?$`)
	reIssuerLine     = regexp.MustCompile(`^[\p{Han}（）]{2,40}(` + lexicon.Alternation("issuer-endings") + `)$`)
	reTitleWords     = regexp.MustCompile(lexicon.Alternation("title-words"))
	reAboutReport    = regexp.MustCompile(`关于[^，。；：“”]{4,60}?的报告`)
	reSalutation     = regexp.MustCompile(`^各位代表[^。！？]{0,20}?[：:！!，,]`)
	reSalutationLine = regexp.MustCompile(`^各位代表[^。！？]{0,20}[：:！!，,]?$`)
	reVersionTag     = regexp.MustCompile(`[（(](` + lexicon.Alternation("version-tags") + `)[）)]$`)
)

// isSalutation recognises a line that only addresses the assembly:
// 各位代表：, 各位代表！, 各位代表、各位委员：.
func isSalutation(s string) bool { return reSalutationLine.MatchString(s) }

// navigationWords are the labels of a news site's page furniture that
// crawlers copy along with the article.
var navigationWords = lexicon.Set("navigation-words")

// frontMatter classifies the lines before the first heading. Lines that are
// metadata fill the report's fields; text paragraphs become the preamble;
// the rest is dropped with a reason.
func (p *parser) frontMatter(lines []line) {
	var fl []line
	for _, l := range lines {
		if l.text != "" {
			fl = append(fl, l)
		}
	}
	for i := 0; i < len(fl); i++ {
		l := fl[i]
		if isNavigation(l.text) {
			p.drop(l, "site navigation")
			continue
		}
		// A crawler field whose value is on the next line (来源： / 陕西省人民政府).
		if m := reCrawlerField.FindStringSubmatch(l.text); m != nil && m[2] == "" && i+1 < len(fl) && runeLen(fl[i+1].text) <= 30 && !fl[i+1].isHead {
			p.crawlerField(m[1], fl[i+1].text)
			p.drop(l, "crawler header")
			p.drop(fl[i+1], "crawler header")
			i++
			continue
		}
		// Wrapped lines: a title broken after one or two characters, a
		// meeting line broken before 人民代表大会, a speaker's name on its own line.
		text := l.text
		for i+1 < len(fl) && runeLen(text) <= maxStandaloneHeading && wrapsInto(text, fl[i+1]) {
			text += fl[i+1].text
			i++
		}
		p.frontLine(line{no: l.no, order: l.order, text: text})
	}
}

// isNavigation recognises a line of page furniture: 下载, 【字号：, 】, >.
func isNavigation(text string) bool {
	word := strings.Trim(text, "【】[]：:>›»|/ ")
	return word == "" || runeLen(text) <= 6 && navigationWords[word]
}

func wrapsInto(cur string, next line) bool {
	if next.isHead || isNavigation(next.text) {
		return false
	}
	switch {
	case runeLen(next.text) <= 2 && !strings.ContainsAny(cur, sentenceEnds):
		return true
	case reDate.MatchString(cur) && !strings.Contains(cur, "会议") && strings.Contains(next.text, "会议") && runeLen(next.text) <= 30:
		return true
	case reSpeaker.MatchString(cur) && reSpeaker.FindStringSubmatch(cur)[3] == "" && isName(next.text):
		return true
	}
	return false
}

func isName(s string) bool {
	n := runeLen(s)
	if n < 2 || n > 15 {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && r != '·' {
			return false
		}
	}
	return true
}

func (p *parser) crawlerField(key, value string) {
	switch crawlerRoles[key] {
	case fieldTitle:
		if p.titles.crawler == "" {
			p.titles.crawler = trimHeadingEnd(value)
		}
	case fieldSource:
		if p.r.Origin == "" {
			p.r.Origin = value
		}
	}
}

func (p *parser) frontLine(l line) {
	text := l.text
	if m := reCrawlerField.FindStringSubmatch(text); m != nil {
		p.crawlerField(m[1], m[2])
		p.drop(l, "crawler header")
		return
	}
	// A page header copied whole: 发布时间：…信息来源：…打印分享到：
	if len(reCrawlerBlob.FindAllStringIndex(text, 3)) >= 2 {
		p.drop(l, "crawler header")
		return
	}
	if reRule.MatchString(text) {
		p.drop(l, "rule")
		return
	}
	if isSalutation(text) {
		p.drop(l, "salutation")
		return
	}
	if loc := reSalutation.FindStringIndex(text); loc != nil {
		p.drop(line{no: l.no, text: text[:loc[1]]}, "salutation")
		p.preamble(line{no: l.no, order: l.order, text: strings.TrimSpace(text[loc[1]:])})
		return
	}
	if p.dateLine(l) || p.speakerLine(l, true) {
		return
	}
	hasEnd := strings.ContainsAny(text, sentenceEnds)
	if !hasEnd && runeLen(text) <= 60 && reTitleWords.MatchString(text) {
		if p.titles.front == "" {
			p.titles.front = pageTitleOff(text)
		}
		p.drop(l, "title")
		return
	}
	if hasEnd || runeLen(text) > 60 {
		p.preamble(l)
		return
	}
	p.drop(l, "front matter")
}

// dateLine reads "（2023年1月17日在…会议上）", "——2021年3月5日在…会议上",
// "（二〇二三年一月十七日…）" and glued forms such as
// "政府工作报告2015年4月20日…会议通过…市长陈星".
func (p *parser) dateLine(l line) bool {
	text := strings.Trim(l.text, "（）()-—– ")
	loc := reDate.FindStringSubmatchIndex(text)
	if loc == nil || strings.ContainsAny(text, "。；") {
		return false
	}
	after := text[loc[1]:]
	mm := reMeeting.FindStringSubmatchIndex(after)
	if mm == nil {
		mm = reAssembly.FindStringSubmatchIndex(after)
	}
	if mm == nil {
		return false
	}
	if p.r.Date == "" {
		y, mo, d := atoi(text[loc[2]:loc[3]]), atoi(text[loc[4]:loc[5]]), atoi(text[loc[6]:loc[7]])
		if IsReportYear(y) && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			p.r.Date = fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
		}
		p.r.Meeting = meetingOnly(after[mm[2]:mm[3]])
	}
	if before := strings.TrimSpace(text[:loc[0]]); reTitleWords.MatchString(before) && p.titles.front == "" {
		p.titles.front = strings.TrimRight(reDateline.ReplaceAllString(before, ""), "—-– ")
	}
	if rest := strings.TrimSpace(after[mm[1]:]); rest != "" {
		p.speakerLine(line{no: l.no, text: rest}, false)
	}
	p.drop(l, "date and meeting")
	return true
}

// speakerLine reads "国务院总理李克强", "广东省省长 孟凡利", "海拉尔区人民政府区长张天喜"
// or an issuing body on its own ("上城区发展改革和经济信息化局"). The first
// speaker and issuer found stand: a later caption does not overwrite them.
// record says whether the line is recorded as dropped (it is not when it is
// part of a date line, which is recorded whole).
func (p *parser) speakerLine(l line, record bool) bool {
	text := l.text
	if m := reSpeaker.FindStringSubmatch(text); m != nil && !strings.ContainsAny(text, "，。；") {
		prefix, role, name := strings.TrimSpace(m[1]), m[2], m[3]
		if p.r.Speaker == "" {
			p.r.Speaker = name
		}
		if p.r.Issuer == "" {
			switch {
			case strings.HasSuffix(prefix, "政府") || strings.HasSuffix(prefix, "国务院"):
				p.r.Issuer = prefix
			case role == "总理" || role == "国务院总理":
				p.r.Issuer = "国务院"
			case strings.HasSuffix(role, "长") || role == "主席":
				p.issuerPrefix = prefix
			default:
				p.r.Issuer = prefix
			}
		}
		if record {
			p.drop(l, "speaker")
		}
		return true
	}
	if reIssuerLine.MatchString(text) && runeLen(text) <= 40 {
		if p.r.Issuer == "" {
			p.r.Issuer = text
		}
		if record {
			p.drop(l, "issuer")
		}
		return true
	}
	return false
}

func (p *parser) preamble(l line) {
	if p.titles.about == "" {
		p.titles.about = reAboutReport.FindString(l.text)
	}
	if p.titles.spoken == "" && reWorkReportSpoken.MatchString(l.text) {
		p.titles.spoken = workReportTitle
	}
	p.r.Preamble = append(p.r.Preamble, &Paragraph{Text: l.text, Line: l.no, order: l.order})
}

// toNationalCongress reports whether a meeting is a session of the National
// People's Congress: its speaker speaks for the country, not for a place
// his title begins with (副总理兼财政部长).
func toNationalCongress(meeting string) bool {
	chain, _ := divisions(meeting) // 广东省第十四届人民代表大会 is a province's
	return strings.Contains(meeting, "全国人民代表大会") && len(chain) == 0
}

// meetingOnly is the meeting of a dateline that names the speaker before
// it (广东省省长王伟中在广东省第十四届人民代表大会第一次会议 → 广东省第十四届
// 人民代表大会第一次会议): what comes after the last 在 before the session's 第.
func meetingOnly(meeting string) string {
	i := strings.Index(meeting, "第")
	if i < 0 {
		return meeting
	}
	if j := strings.LastIndex(meeting[:i], "在"); j >= 0 {
		return meeting[j+len("在"):]
	}
	return meeting
}

// pageTitleOff cuts the site's and channel's names off a title line a
// crawler copied from a web page's title (2024年广东省政府工作报告_财经评论股吧_
// 东方财富网股吧 → 2024年广东省政府工作报告): the part before the first
// separator, when it names a report itself.
func pageTitleOff(title string) string {
	for _, sep := range pageTitleSeparators {
		if i := strings.Index(title, sep); i > 0 && reTitleWords.MatchString(title[:i]) {
			title = strings.TrimSpace(title[:i])
		}
	}
	return title
}

// pageTitleSeparators separate a page title from the site's name.
var pageTitleSeparators = lexicon.Words("page-title-separators")

// finishMetadata settles the title and the issuer once all lines are read.
func (p *parser) finishMetadata(fallback string) {
	t := p.titles
	for _, c := range []string{t.crawler, strings.TrimSpace(reVersionTag.ReplaceAllString(stripExt(t.fileName), "")), t.front, t.about, t.spoken} {
		if c != "" {
			p.r.Title = c
			break
		}
	}
	if p.r.Title == "" {
		p.r.Title = fallback
	}
	if p.r.Issuer == "" && p.issuerPrefix != "" && !toNationalCongress(p.r.Meeting) {
		// A head of government speaks for the people's government of the
		// place the meeting names (新疆维吾尔自治区第十四届人民代表大会 → 新疆维吾尔自治区).
		place := p.issuerPrefix
		if i := strings.Index(p.r.Meeting, "第"); i > 0 && strings.Contains(p.r.Meeting[i:], "人民代表大会") {
			place = p.r.Meeting[:i]
		}
		if place != "" {
			p.r.Issuer = place + "人民政府"
		}
	}
	if p.r.Issuer == "" && reOnBehalfOfStateCouncil.MatchString(p.openingText()) {
		p.r.Issuer = "国务院" // 我受国务院的委托，向大会提出…的报告
	}
	if p.r.Issuer == "" {
		// A report without a speaker line says whom it speaks for:
		// 现在，我代表顺平县人民政府向大会作工作报告.
		for _, t := range p.openingTexts(openingParagraphs) {
			if m := reOnBehalfOf.FindStringSubmatch(t); m != nil {
				p.r.Issuer = m[1]
				break
			}
		}
	}
	p.r.Region = regionOf(p.r.Issuer, p.r.Meeting, p.r.Title)
}

// reOnBehalfOf is the government a report's speaker speaks for, in its
// opening: 我代表顺平县人民政府, 我代表国务院, 我代表中央人民政府; not
// 我代表市人民政府, which names no place (a name has two characters).
var reOnBehalfOf = regexp.MustCompile(`我代表(\p{Han}{2,24}?人民政府|国务院)`)

// reDateline is a news agency's dateline before a reprinted report's
// title (新华社北京3月14日电政府工作报告——…): the agency (…社), the city, the
// day, 电. It is not part of the title.
var reDateline = regexp.MustCompile(`^\p{Han}{1,6}社\p{Han}{1,4}\d{1,2}月\d{1,2}日电\s*`)

// reWorkReportSpoken is how the head of a government opens a work report
// that has no title line (现在，我代表顺平县人民政府向大会作工作报告; 我代表国务院，
// 向大会报告政府工作): the report is then titled as such reports are.
var reWorkReportSpoken = regexp.MustCompile(`我代表[^，。；]{0,24}?(?:人民政府|国务院)[，,]?\s*向[^，。；]{0,16}?大会(?:作[^，。；]{0,4}工作报告|报告[^，。；]{0,12}工作)`)

// workReportTitle is the title of a government's work report.
const workReportTitle = "政府工作报告"

// reOnBehalfOfStateCouncil is how a minister opens a report made for the
// State Council.
var reOnBehalfOfStateCouncil = regexp.MustCompile(`^[^。]{0,10}(?:受国务院(?:的)?委托|代表(?:中华人民共和国)?国务院)`)

// openingText is the report's first paragraph of text.
func (p *parser) openingText() string {
	if len(p.r.Preamble) > 0 {
		return p.r.Preamble[0].Text
	}
	for para := range p.r.Paragraphs() {
		return para.Text
	}
	return ""
}
