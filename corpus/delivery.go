package corpus

import (
	"regexp"
	"slices"
	"strings"

	"reportsearch/lexicon"
)

// A report's delivery year scopes every year question: a report given in
// 2023 reviews 2022 and plans 2023. Old and crawled reports often lack the
// date line that says it, so the year is read by a pipeline of steps, most
// trusted first, and the report says which step read it (DeliveredFrom):
// a reader can then weigh a year read from a file name less than a date.

// yearStep is one way to read the delivery year; it returns 0 when the
// report does not say it that way.
type yearStep struct {
	from YearSource
	read func(p *parser) int
}

// deliverySteps are tried in order; the first year in the range of report
// years wins.
var deliverySteps = []yearStep{
	{YearFromDate, func(p *parser) int { return yearOfDate(p.r.Date) }},
	{YearFromTitle, func(p *parser) int { return yearOfTitle(p.r.Title) }},
	{YearFromOpening, func(p *parser) int { return yearOfOpening(p.openingTexts(openingParagraphs)) }},
	{YearFromHeadings, func(p *parser) int { return yearOfHeadings(p.partTitles()) }},
	{YearFromFileName, func(p *parser) int { return yearOfFileName(p.r.Source) }},
}

// openingParagraphs is how many of the first paragraphs the opening step
// reads: the speech's header, glued to the text in a crawled page, and the
// first sentences of the review.
const openingParagraphs = 3

// readDelivery fills Meta.Delivered and Meta.DeliveredFrom.
func (p *parser) readDelivery() {
	for _, step := range deliverySteps {
		if y := step.read(p); IsReportYear(y) {
			p.r.Delivered, p.r.DeliveredFrom = y, step.from
			return
		}
	}
}

// yearOfDate is the year of a YYYY-MM-DD date.
func yearOfDate(date string) int {
	if len(date) < 4 {
		return 0
	}
	return atoi(date[:4])
}

// reYearList is a list of years before one 年 (1980、1981年): a report that
// plans several years is given in the first of them.
var reYearList = regexp.MustCompile(`(` + lexicon.Year + `)(?:[、和至到-](?:` + lexicon.Year + `))+年`)

// yearOfTitle is the last year a title names: a plan report's title names
// the year it reviews and then the year it plans (关于2022年…执行情况与2023年
// …计划草案的报告), and is given in the year it plans; a work report's
// names the year it is given in (2023年政府工作报告).
func yearOfTitle(title string) int {
	if m := reYearList.FindStringSubmatch(title); m != nil {
		return atoi(m[1])
	}
	years := allYears(title)
	if len(years) == 0 {
		return 0
	}
	return slices.Max(years)
}

// reFullDate is a date to the day inside a text (2014年3月5日, 一九七八年二月
// 二十六日): in the first paragraphs, the day the speech was given.
var reFullDate = regexp.MustCompile(`(` + lexicon.Year + `|` + lexicon.ChineseYearDigits + `)年(?:` + lexicon.DateNumeral + `){1,3}月(?:` + lexicon.DateNumeral + `){1,3}日`)

// rePastYear names the year under review in a review's first sentence
// (过去的2022年, 回顾2022年): the report is given in the year after.
var rePastYear = regexp.MustCompile(`(?:过去的|回顾)(` + lexicon.Year + `|` + lexicon.ChineseYearDigits + `)年`)

// yearOfOpening reads the first paragraphs: the date of the speech when
// the header is glued to the text, or the year the review looks back on.
func yearOfOpening(texts []string) int {
	for _, t := range texts {
		for _, m := range reFullDate.FindAllStringSubmatchIndex(t, -1) {
			if y := atoi(t[m[2]:m[3]]); IsReportYear(y) && speechDate(t[:m[0]], t[m[1]:]) {
				return y
			}
		}
	}
	for _, t := range texts {
		if m := rePastYear.FindStringSubmatch(t); m != nil {
			if y := atoi(m[1]); IsReportYear(y) {
				return y + 1
			}
		}
	}
	return 0
}

// speechDate reports whether a date, between before and after, is the
// speech's (——2019年3月5日在第十三届全国人民代表大会第二次会议上, （2023年1月
// 10日）, 政府工作报告2021年2月5日各位代表…) and not one the review tells of (2018年9月28日，省政府批准易县退出
// 贫困县序列).
func speechDate(before, after string) bool {
	before, after = strings.TrimSpace(before), strings.TrimSpace(after)
	return before == "" || strings.HasPrefix(after, "在") || strings.HasPrefix(after, "各位代表") || strings.HasSuffix(before, "报告") || strings.HasSuffix(before, "——") ||
		strings.HasSuffix(before, "（") || strings.HasSuffix(before, "(") || strings.HasPrefix(after, "）") || strings.HasPrefix(after, ")")
}

// yearOfHeadings reads the years the part headings review and plan: the
// report is given in the year it plans (see planYearOfHeadings).
func yearOfHeadings(titles []string) int { return planYearOfHeadings(titles, IsReportYear) }

// planYearOfHeadings is the year the headings' report plans for: the latest
// year a heading plans, or the year after the latest it reviews; 0 when no
// heading names a year that accept takes.
func planYearOfHeadings(titles []string, accept func(int) bool) int {
	var results, targets []int
	for _, t := range titles {
		sig := readHeading(t)
		switch {
		case !accept(sig.year):
		case sig.kind == KindResult:
			results = append(results, sig.year)
		case sig.kind == KindTarget:
			targets = append(targets, sig.year)
		}
	}
	switch {
	case len(targets) > 0:
		return slices.Max(targets)
	case len(results) > 0:
		return slices.Max(results) + 1
	}
	return 0
}

// reFileYear is a year standing alone in a file name: prov_hebei_2023_gwr.
var reFileYear = regexp.MustCompile(`(?:^|[^0-9])(` + lexicon.Year + `)(?:[^0-9]|$)`)

// yearOfFileName is the year a file name gives, the last resort.
func yearOfFileName(name string) int {
	m := reFileYear.FindStringSubmatch(stripExt(name))
	if m == nil {
		return 0
	}
	return atoi(m[1])
}

// openingTexts returns the texts of the report's first n paragraphs, the
// preamble's first.
func (p *parser) openingTexts(n int) []string {
	var out []string
	for _, para := range p.r.Preamble {
		out = append(out, para.Text)
	}
	for para := range p.r.Paragraphs() {
		if len(out) >= n {
			break
		}
		if para.SectionID != "" {
			out = append(out, para.Text)
		}
	}
	return out[:min(n, len(out))]
}

// texts returns the texts of all the report's paragraphs and headings.
func (p *parser) texts() []string {
	var out []string
	for s := range p.r.AllSections() {
		out = append(out, s.Title)
	}
	for para := range p.r.Paragraphs() {
		out = append(out, para.Text)
	}
	return out
}

// partTitles returns the headings of the report's parts.
func (p *parser) partTitles() []string {
	var out []string
	for _, s := range p.r.Sections {
		if s.style != styleAppendix && s.style != styleImplicitList {
			out = append(out, strings.TrimSpace(s.Title))
		}
	}
	return out
}
