package corpus

import (
	"regexp"
	"slices"
	"strings"
)

// A plan report and a government work report both look back on one year and
// ahead to the next. Which year a section speaks of, and whether it reports
// results or sets targets, is read from its heading.

var (
	reYear        = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	reChineseYear = regexp.MustCompile(`([一二〇○O零三四五六七八九]{4})\s*年`)
)

// resultWords mark a review of the past; they are checked first, so that
// 计划执行情况 reads as a result although it contains 计划.
var resultWords = []string{"计划执行情况", "执行情况", "完成情况", "工作回顾", "回顾", "发展情况", "发展成就", "成就", "成绩", "进展"}

var targetWords = []string{"计划草案", "草案", "计划", "主要任务", "目标任务", "重点任务", "工作任务", "任务",
	"重点工作", "工作安排", "安排", "总体要求", "要求", "预期目标", "主要目标", "目标", "总体思路", "思路",
	"政策取向", "主要指标", "部署"}

// headingSignal is what a heading says about its period.
type headingSignal struct {
	year     int
	kind     Kind
	relative int  // -1 for 过去一年/去年, 0 for 今年, +1 for 明年; only with hasRel
	hasRel   bool // the heading names a year relative to the report's date
	mixed    bool // both a review and a plan (“十三五”时期发展成就和“十四五”时期主要目标任务)
}

func readHeading(title string) headingSignal {
	var sig headingSignal
	years := allYears(title)
	if len(years) > 0 {
		sig.year = years[len(years)-1]
	}
	switch {
	case strings.Contains(title, "过去一年"), strings.Contains(title, "去年"), strings.Contains(title, "上年"):
		sig.relative, sig.hasRel = -1, true
	case strings.Contains(title, "今年"), strings.Contains(title, "本年"):
		sig.relative, sig.hasRel = 0, true
	case strings.Contains(title, "明年"):
		sig.relative, sig.hasRel = 1, true
	}
	masked := title
	result := false
	for _, w := range resultWords {
		if strings.Contains(masked, w) {
			result = true
			masked = strings.ReplaceAll(masked, w, "□")
		}
	}
	target := false
	for _, w := range targetWords {
		if strings.Contains(masked, w) {
			target = true
			break
		}
	}
	switch {
	case result && target:
		sig.mixed = true
	case result:
		sig.kind = KindResult
	case target:
		sig.kind = KindTarget
	}
	return sig
}

func (s headingSignal) any() bool { return s.year != 0 || s.kind != KindNone || s.hasRel || s.mixed }

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

// assignPeriods gives every section and paragraph a year and a kind.
//
// Parts (level 1) are read from their own heading; a part whose heading says
// nothing (三、切实加强政府自身建设) continues the part before it, since a
// report moves from review to plan and does not move back. Deeper sections
// inherit their parent's period unless their heading names a year.
// Appendices without a signal have no period.
func (p *parser) assignPeriods() {
	past, plan := p.reportYears()
	resolve := func(sig headingSignal) (int, Kind) {
		year, kind := sig.year, sig.kind
		if sig.mixed {
			return year, KindNone
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
	for _, part := range p.r.Sections {
		sig := readHeading(part.Title)
		switch {
		case sig.any():
			part.Year, part.Kind = resolve(sig)
		case part.style == styleAppendix || part.style == styleImplicitList:
		default:
			part.Year, part.Kind = prevYear, prevKind
		}
		prevYear, prevKind = part.Year, part.Kind
		p.inheritPeriods(part, resolve)
	}
	for para := range p.r.Paragraphs() {
		if s := p.sectionOf[para]; s != nil {
			para.Year, para.Kind = s.Year, s.Kind
		}
	}
	years := map[int]bool{}
	for s := range p.r.AllSections() {
		if s.Year != 0 {
			years[s.Year] = true
		}
	}
	for y := range years {
		p.r.Years = append(p.r.Years, y)
	}
	slices.Sort(p.r.Years)
}

func (p *parser) inheritPeriods(parent *Section, resolve func(headingSignal) (int, Kind)) {
	for _, s := range parent.Sections {
		s.Year, s.Kind = parent.Year, parent.Kind
		if sig := readHeading(s.Title); len(allYears(s.Title)) > 0 {
			s.Year, s.Kind = resolve(sig)
		}
		p.inheritPeriods(s, resolve)
	}
}

// reportYears returns the year a report looks back on and the year it plans
// for. A report delivered in year Y reviews Y-1 and plans Y; without a date,
// the years its part headings name decide.
func (p *parser) reportYears() (past, plan int) {
	if len(p.r.Date) >= 4 {
		plan = atoi(p.r.Date[:4])
		return plan - 1, plan
	}
	var results, targets []int
	for _, s := range p.r.Sections {
		sig := readHeading(s.Title)
		switch {
		case sig.year == 0 || sig.mixed:
		case sig.kind == KindResult:
			results = append(results, sig.year)
		case sig.kind == KindTarget:
			targets = append(targets, sig.year)
		}
	}
	switch {
	case len(targets) > 0:
		plan = slices.Max(targets)
		past = plan - 1
	case len(results) > 0:
		past = slices.Max(results)
		plan = past + 1
	}
	return past, plan
}
