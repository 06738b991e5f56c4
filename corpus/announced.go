package corpus

import (
	"regexp"
	"strings"

	"reportsearch/lexicon"
)

// Parts without numbers. Some reports announce their parts in the opening and then head each part
// with its title alone, unnumbered: 报告分六个部分：一、三年来的斗争和新时期的
// 总任务；二、把揭批“四人帮”的斗争进行到底；… and, later, a line that reads
// 三年来的斗争和新时期的总任务. markAnnouncedParts makes those lines the
// part headings they are, numbered as announced.

// reAnnouncement is the announcement: 分N个部分, 讲两个问题, then a colon and
// the list.
var reAnnouncement = regexp.MustCompile(`(?:分|讲|谈)(?:为)?(?:` + lexicon.HeadingNumber + `|两)(?:` + lexicon.Alternation("announced-part-words") + `)[：:](.+)$`)

// reAnnouncedItem is one announced title: 一、…, up to the separator.
var reAnnouncedItem = regexp.MustCompile(lexicon.HeadingNumber + `、([^；;。]+)`)

// minAnnouncedParts is the fewest announced titles that make a list of
// parts; one is a sentence about a single subject.
const minAnnouncedParts = 2

// announcedTitles returns the part titles a line announces, in order, or
// nil.
func announcedTitles(text string) []string {
	m := reAnnouncement.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	var titles []string
	for _, it := range reAnnouncedItem.FindAllStringSubmatch(m[1], -1) {
		titles = append(titles, strings.TrimSpace(it[1]))
	}
	if len(titles) < minAnnouncedParts {
		return nil
	}
	return titles
}

// markAnnouncedParts turns the lines after an announcement that read as
// an announced title, in the announced order, into part headings. It does
// nothing to a report that numbers its own headings: the first line that
// is already a part heading ends the search for the announcement.
func markAnnouncedParts(lines []line) {
	var titles []string
	next := 0
	for i := range lines {
		l := &lines[i]
		if titles == nil {
			if l.isHead && l.head.style == stylePart {
				return
			}
			titles = announcedTitles(l.text)
			continue
		}
		if next < len(titles) && strings.TrimRight(l.text, "。：:") == titles[next] {
			next++
			l.isHead = true
			l.head = heading{marker: marker{style: stylePart, number: next}, title: titles[next-1]}
		}
	}
}

// A crawled page can lose the numbers of its part headings (一、 of 一、2003年
// 工作回顾) and keep the chapters (（一）…) under them: the chapters then
// restart under no part, and the report reads as one part and an appended
// list. markDatedParts makes the lines that read as a dated part heading
// part headings again: a short line that opens with a year and whose words
// say it reviews or plans (2003年工作回顾, 2004年主要工作及措施), followed by a
// chapter heading. It does nothing to a report that numbers its parts.

// maxDatedPartHeading is the longest such line, in characters.
const maxDatedPartHeading = 24

// reOpeningYear is a year at the start of a line.
var reOpeningYear = regexp.MustCompile(`^(?:` + lexicon.Year + `|` + lexicon.ChineseYearDigits + `)年`)

// isDatedPartHeading reports whether a line reads as a part heading
// without its number.
func isDatedPartHeading(l line) bool {
	if l.isHead || runeLen(l.text) > maxDatedPartHeading || strings.ContainsAny(l.text, sentenceEnds+"，,：:") || !reOpeningYear.MatchString(l.text) {
		return false
	}
	sig := readHeading(l.text)
	return IsReportYear(sig.year) && sig.kind != KindNone
}

func markDatedParts(lines []line) {
	for _, l := range lines {
		if l.isHead && l.head.style == stylePart {
			return
		}
	}
	n := 0
	for i := range lines {
		if !isDatedPartHeading(lines[i]) || !nextIsChapter(lines[i+1:]) {
			continue
		}
		n++
		lines[i].isHead = true
		lines[i].head = heading{marker: marker{style: stylePart, number: n}, title: lines[i].text}
	}
}

// nextIsChapter reports whether the next heading among lines is a chapter
// (（一）), before any other heading.
func nextIsChapter(lines []line) bool {
	for _, l := range lines {
		if l.isHead {
			return l.head.style == styleChapter
		}
	}
	return false
}
