package corpus

import (
	"regexp"
	"slices"
	"strings"

	"reportsearch/lexicon"
)

// A plan report and a government work report both look back on one year and
// ahead to the next. Which year a section speaks of, and whether it reports
// results or sets targets, is read from its heading.

var (
	reYear        = regexp.MustCompile(`(` + lexicon.Year + `)\s*年`)
	reChineseYear = regexp.MustCompile(`(` + lexicon.ChineseYearDigits + `)\s*年`)
)

// Words that say a heading reviews the past or plans ahead. In a Chinese
// heading the head noun comes last, so the word that ends last decides:
// 2022年主要目标任务完成情况 is a review, “十三五”时期发展成就和“十四五”时期
// 主要目标任务 a plan. A longer word beats a shorter one inside it
// (计划执行情况 is a review although it contains 计划).
var periodWords = func() []periodWord {
	var out []periodWord
	for _, t := range lexicon.Tagged("period-words", "kind", KindResult, KindTarget) {
		out = append(out, periodWord{t.Word, t.Tag})
	}
	return out
}()

// periodWord is a word that says a heading reviews or plans.
type periodWord struct {
	word string
	kind Kind
}

// headingSignal is what a heading says about its period.
type headingSignal struct {
	year     int
	kind     Kind
	relative int  // -1 for 过去一年/去年, 0 for 今年, +1 for 明年; only with hasRel
	hasRel   bool // the heading names a year relative to the report's date
}

func readHeading(title string) headingSignal {
	var sig headingSignal
	if years := allYears(title); len(years) > 0 {
		sig.year = years[len(years)-1]
	}
	switch {
	case strings.Contains(title, "过去一年"), strings.Contains(title, "去年"), strings.Contains(title, "上年"):
		sig.relative, sig.hasRel = -1, true
	case strings.Contains(title, "今年"):
		sig.relative, sig.hasRel = 0, true
	case strings.Contains(title, "明年"):
		sig.relative, sig.hasRel = 1, true
	}
	bestEnd, bestLen := -1, 0
	for _, w := range periodWords {
		i := strings.LastIndex(title, w.word)
		if i < 0 {
			continue
		}
		if end := i + len(w.word); end > bestEnd || end == bestEnd && len(w.word) > bestLen {
			bestEnd, bestLen, sig.kind = end, len(w.word), w.kind
		}
	}
	// 1993年国内工作的回顾和1994年工作的基本方针: the part is the review its
	// kind word names, so its year is the last one written before that word.
	if bestEnd >= 0 && sig.kind == KindResult {
		if y := lastYearBefore(title[:bestEnd]); y != 0 {
			sig.year = y
		}
	}
	return sig
}

// lastYearBefore is the last year written in s, or 0.
func lastYearBefore(s string) int {
	at, year := -1, 0
	for _, re := range []*regexp.Regexp{reYear, reChineseYear} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if y := atoi(s[m[2]:m[3]]); m[0] > at && y >= 1900 && y <= 2199 {
				at, year = m[0], y
			}
		}
	}
	return year
}

func (s headingSignal) any() bool { return s.year != 0 || s.kind != KindNone || s.hasRel }

func allYears(s string) []int {
	var ys []int
	for _, m := range reYear.FindAllStringSubmatch(s, -1) {
		ys = append(ys, atoi(m[1]))
	}
	for _, m := range reChineseYear.FindAllStringSubmatch(s, -1) {
		if y := atoi(m[1]); y >= 1900 && y <= 2199 {
			ys = append(ys, y)
		}
	}
	return ys
}

// assignPeriods gives every section and paragraph a year and a kind: parts
// (level 1) by datePart, deeper sections from their parent unless their
// heading names a year.
func (p *parser) assignPeriods() {
	past, plan := p.reportYears()
	resolve := func(sig headingSignal) (int, Kind) {
		year, kind := sig.year, sig.kind
		// A year far from the report's own is a typo in the source (三、2000年
		// 政府工作的主要任务 in a 2003 report): trust the words, not the number.
		if year != 0 && plan != 0 && (year < past-1 || year > plan+5) {
			year = 0
		}
		if year == 0 && sig.hasRel && plan != 0 {
			year = plan + sig.relative
		}
		if kind == KindNone && year != 0 && plan != 0 {
			switch {
			case year < plan:
				kind = KindResult
			case year >= plan:
				kind = KindTarget
			}
		}
		if year == 0 && kind == KindResult {
			year = past
		}
		if year == 0 && kind == KindTarget {
			year = plan
		}
		return year, kind
	}
	var prevYear int
	var prevKind Kind
	var turned []*Section
	for _, part := range p.r.Sections {
		part.Year, part.Kind = datePart(part, prevYear, prevKind, past, plan, resolve)
		prevYear, prevKind = part.Year, part.Kind
		p.inheritPeriods(part, resolve)
		if part.Kind == KindResult && planTurn(part, plan) >= 0 {
			turned = append(turned, part)
		}
	}
	years := map[int]bool{}
	for s := range p.r.AllSections() {
		for _, para := range s.Paragraphs {
			para.Year, para.Kind = s.Year, s.Kind
		}
		if s.Year != 0 {
			years[s.Year] = true
		}
	}
	for _, part := range turned {
		// From its turn on, a review part's paragraphs are of the plan the
		// turning paragraph names; the parts after it are dated so already
		// (datePart), by their words.
		turn, i := planTurn(part, plan), 0
		var year int
		var kind Kind
		part.walkParagraphs(func(para *Paragraph) bool {
			if i == turn {
				year, kind = resolve(readHeading(planOpening(para.Text)))
			}
			if i >= turn {
				para.Year, para.Kind = year, kind
				years[year] = true
			}
			i++
			return true
		})
	}
	if len(years) == 0 && plan != 0 {
		// A report without dated parts speaks of the year it reviews and
		// the year it plans.
		years[past], years[plan] = true, true
	}
	for y := range years {
		p.r.Years = append(p.r.Years, y)
	}
	slices.Sort(p.r.Years)
}

// datePart is the year and kind of a part, by the first of these steps that
// gives one:
//
//  1. its heading (2022年工作回顾, 今年的主要任务);
//  2. a plan part before it: a report moves from review to plan and does
//     not move back, so a part after a plan (三、切实加强政府自身建设) is
//     of the plan too;
//  3. the first sentence of a first part (1956年，我国…);
//  4. its words (readPartWords): a review part is of the year the report
//     reviews, a plan part of the year it plans;
//  5. the review part before it, which it continues.
//
// An appendix (附件2 名词解释) is dated by its heading only: a glossary
// explains words of both halves. A restarted list (附), which is most often
// the plan's list of tasks after a review's, skips steps 3 and 5: it does
// not continue a review.
func datePart(part *Section, prevYear int, prevKind Kind, past, plan int, resolve func(headingSignal) (int, Kind)) (int, Kind) {
	if sig := readHeading(part.Title); sig.any() {
		return resolve(sig)
	}
	if part.style == styleAppendix {
		return 0, KindNone
	}
	if prevKind == KindTarget && prevYear != 0 {
		return prevYear, prevKind
	}
	restarted := part.style == styleImplicitList
	if !restarted && prevYear == 0 {
		if y := openingYear(part, past, plan); y != 0 {
			return resolve(headingSignal{year: y})
		}
	}
	if kind := readPartWords(part, plan); kind != KindNone && plan != 0 {
		return resolve(headingSignal{kind: kind})
	}
	if !restarted && prevYear != 0 {
		return prevYear, prevKind
	}
	return 0, KindNone
}

// openingYear is the year the first sentence of a part's first paragraph
// names, when it is one the report can be about (from the year before the
// one it reviews to the one it plans), or 0.
func openingYear(part *Section, past, plan int) int {
	y := 0
	part.walkParagraphs(func(para *Paragraph) bool {
		if ss := Sentences(para.Text); len(ss) > 0 && plan != 0 {
			if years := allYears(ss[0].Text(para)); len(years) > 0 && years[0] >= past-1 && years[0] <= plan {
				y = years[0]
			}
		}
		return false // the first paragraph only
	})
	return y
}

// inheritPeriods passes a section's period to its subsections. A
// subsection keeps it unless its own heading names a kind (（三）2022年工作
// 完成情况 under a plan part): a year alone (（一）2022年开工项目续建) does not
// turn a task of the plan year into a result.
func (p *parser) inheritPeriods(parent *Section, resolve func(headingSignal) (int, Kind)) {
	for _, s := range parent.Sections {
		s.Year, s.Kind = parent.Year, parent.Kind
		if sig := readHeading(s.Title); sig.kind != KindNone && (sig.year != 0 || sig.hasRel) {
			s.Year, s.Kind = resolve(sig)
		}
		p.inheritPeriods(s, resolve)
	}
}

// lateMonth is the first month in which a report is given at the end of
// the year it reviews, to plan the next (the national reports of
// 1981–1982 were given in late November and December).
const lateMonth = 11

// reportYears returns the year a report looks back on and the year it plans
// for. A report delivered in year Y reviews Y-1 and plans Y. Without a
// date, the years its part headings name decide (a report of 1980 may plan
// 1980 and 1981), and without those the year readDelivery read.
func (p *parser) reportYears() (past, plan int) {
	if past, plan, ok := yearsOfDate(p.r.Date); ok {
		return past, plan
	}
	titles := make([]string, len(p.r.Sections))
	for i, s := range p.r.Sections {
		titles[i] = s.Title
	}
	if plan := planYearOfHeadings(titles, func(y int) bool { return y != 0 }); plan != 0 {
		return plan - 1, plan
	}
	if p.r.Delivered != 0 {
		return p.r.Delivered - 1, p.r.Delivered
	}
	return 0, 0
}

// yearsOfDate is the year a report dated date (2023-01-17) looks back on and
// the year it plans for: the year before and the year of its date, or, for
// a report given late in its year, that year and the next. ok is false
// when the date has no year and month.
func yearsOfDate(date string) (past, plan int, ok bool) {
	if len(date) < 7 {
		return 0, 0, false
	}
	year, month := atoi(date[:4]), atoi(date[5:7])
	switch {
	case year == 0:
		return 0, 0, false
	case month >= lateMonth:
		return year, year + 1, true // 1981-11-30: the year's results, the next year's plan
	}
	return year - 1, year, true
}
