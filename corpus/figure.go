package corpus

import (
	"iter"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// FigureKind says whether a figure is a result or a target.
type FigureKind string

const (
	FigureActual   FigureKind = "actual"   // achieved: 实现地区生产总值2525亿元
	FigureEstimate FigureKind = "estimate" // estimated for a year not yet closed: 预计…
	FigureTarget   FigureKind = "target"   // planned: 2023年…增长5.5%左右, 力争…
)

// Measure says what a figure measures.
type Measure string

const (
	MeasureLevel   Measure = "level"   // an amount or a count: 2525亿元, 62幢
	MeasureGrowth  Measure = "growth"  // a rise: 同比增长3.3%
	MeasureDecline Measure = "decline" // a fall: 下降18.4%
	MeasureRate    Measure = "rate"    // a share or rate: 参保率达99.8%
)

// Figure is a number with its unit that a report states about an
// indicator, as data: 城镇新增就业 3.4万人 (34000 人), actual, 2022.
type Figure struct {
	ID          string     `json:"id"`
	ParagraphID string     `json:"paragraph_id"`
	Indicator   string     `json:"indicator"`  // the noun phrase the figure quantifies
	Text        string     `json:"text"`       // as written: "5.5%左右", "1.63亿余元"
	Value       float64    `json:"value"`      // the number as written: 2525 for 2525亿元
	Unit        string     `json:"unit"`       // scale and unit as written: "亿元"
	Normalized  float64    `json:"normalized"` // Value in BaseUnit: 2.525e11
	BaseUnit    string     `json:"base_unit"`  // "元"; empty for a bare scale (近80万)
	Class       UnitClass  `json:"unit_class"`
	Qualifier   string     `json:"qualifier,omitempty"` // 约, 以上, 左右, 超, 余, 突破, 达 …
	Kind        FigureKind `json:"kind"`
	Measure     Measure    `json:"measure"`
	Year        int        `json:"year,omitempty"`
	Period      Period     `json:"period,omitzero"` // a five-year period ("2021-2025") for totals and averages over it; Year is then 0
	Low         *float64   `json:"low,omitempty"`   // the lower bound of a range (3~5家, 5%—6%); Value is the upper
	Domains     []string   `json:"domains,omitempty"`
	Sentence    string     `json:"sentence"`
	Start       int        `json:"start"` // byte span of Text in the paragraph
	End         int        `json:"end"`
	// ReportLabel says which report states it (上城区 ·
	// 2022年计划执行与2023年计划草案): the search engine that returns it
	// sets it from its catalog of reports; the parser leaves it empty.
	ReportLabel string `json:"report_label,omitempty"`
}

// LowNormalized is the lower end of a range figure in its base unit
// (5%—6% → 5), or the figure's own normalized value when it is no range.
func (f *Figure) LowNormalized() float64 {
	switch {
	case f.Low == nil:
		return f.Normalized
	case f.Value == 0:
		return *f.Low // 0—5: a scale that cannot be recovered from 0
	}
	return *f.Low * f.Normalized / f.Value
}

// Written is the figure as a reader quotes it: its text with a bound
// written before the number (超过23万亿元, 控制在3%), which the text leaves out.
func (f *Figure) Written() string {
	if IsBoundQualifier(f.Qualifier) && !strings.HasPrefix(f.Text, f.Qualifier) {
		return f.Qualifier + f.Text
	}
	return f.Text
}

// Figures yields every figure of the report in document order.
func (r *Report) Figures() iter.Seq[*Figure] {
	return func(yield func(*Figure) bool) {
		for p := range r.Paragraphs() {
			for _, f := range p.Figures {
				if !yield(f) {
					return
				}
			}
		}
	}
}

// Figure returns the figure with the given ID, or nil.
func (r *Report) Figure(id string) *Figure {
	for f := range r.Figures() {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// clauseEnds separate the clauses an indicator may not cross.
const clauseEnds = "，；。：！？"

// extractFigures finds the figures of every sentence of p.
func extractFigures(p *Paragraph, ctx figureContext) {
	for _, s := range p.Sentences {
		// A sentence that opens with a year or a five-year period turns
		// the paragraph to it, up to the next such sentence (“十四五”时期，…
		// 刚刚过去的2025年，…).
		if y := ctx.leadYearOf(p.Text[s.Start:]); y != 0 {
			ctx.leadYear, ctx.leadPeriod = y, Period{}
		} else if pd := ctx.leadPeriodOf(p.Text[s.Start:]); !pd.IsZero() {
			ctx.leadYear, ctx.leadPeriod = 0, pd
		}
		p.Figures = append(p.Figures, sentenceFigures(p, s, ctx)...)
	}
	for i, f := range p.Figures {
		f.ID = p.ID + "/f" + strconv.Itoa(i+1)
		f.ParagraphID = p.ID
	}
}

// found is an amount in a sentence, with its clause.
type found struct {
	amount
	clause    int  // index of the clause within the sentence
	threshold bool // part of an indicator (10亿元以上产业项目), not a figure
}

func sentenceFigures(p *Paragraph, sp Sentence, ctx figureContext) []*Figure {
	text := p.Text[sp.Start:sp.End]
	amounts := findAmounts(foldDigitTypos(text))
	var out []*Figure
	var infos []indicatorInfo  // parallel to out
	var clauses []clauseFigure // parallel to out
	for k, a := range amounts {
		if a.threshold {
			continue
		}
		// The indicator is read from the text between the previous figure of
		// the clause (or the clause start) and this one, and from the noun
		// that may follow the unit (交付使用14所学校).
		clauseStart := lastClauseEnd(text, a.start)
		from := clauseStart
		var clausePrev *Figure
		if len(out) > 0 && amounts[infos[len(infos)-1].index].clause == a.clause {
			pa := amounts[infos[len(infos)-1].index]
			from = pa.end + len(pa.post)
			clausePrev = out[len(out)-1]
			if listSeparated(text[from:a.start]) {
				from = a.start // the words between were the previous figure's noun
			}
		}
		after := a.end + len(a.post)
		next := clauseEndAfter(text, after)
		if k+1 < len(amounts) && amounts[k+1].clause == a.clause {
			// 入驻13000余名优秀教师、143所学校: the noun is the first figure's.
			// 19个项目93个点位: a short noun is the first figure's and also
			// introduces the second; a long run of words (32个市重点项目年度投资超
			// 150亿元) introduces the second only.
			if between := text[after:amounts[k+1].start]; listSeparated(between) || runeLen(between) <= 6 {
				next = min(next, amounts[k+1].start)
			} else {
				next = after
			}
		}
		f := &Figure{
			Value:      a.value,
			Unit:       a.unit,
			BaseUnit:   a.base.base,
			Class:      a.base.class,
			Text:       text[a.start:after],
			Start:      sp.Start + a.start,
			End:        sp.Start + after,
			Sentence:   text,
			Year:       p.Year,
			Normalized: a.normalized(),
			Measure:    MeasureLevel,
			Kind:       figureKind(p.Kind, text[clauseStart:a.start], p.Text[lastFullStop(p.Text, sp.Start):sp.Start+a.start]),
		}
		if f.BaseUnit == "" {
			f.Class = ClassCount // a bare scale: 近80万
		}
		full := p.Text[lastFullStop(p.Text, sp.Start) : sp.Start+a.start]
		ctx.datePeriod(f, full, text)
		if f.Year == 0 && f.Period.IsZero() {
			ctx.undated(f, text[:a.start])
		} else {
			ctx.futureYear(f, text[clauseStart:a.start])
		}
		info := readIndicator(text[from:a.start])
		info.phrase = cutBareMilestone(info.phrase)
		if len(out) > 0 && info.empty && infos[len(infos)-1].succession && amounts[infos[len(infos)-1].index].clause == a.clause {
			info.succession = true // 接连突破8万亿元、9万亿元: the list goes on
		}
		if info.succession && len(allYears(text[:a.start])) == 0 {
			ctx.successionPeriod(f)
		}
		if info.yearBefore && f.Year != 0 {
			f.Year, f.Kind = f.Year-1, FigureActual // 1979年…由上年的1.2%下降到1.17%: 1.2% is 1978's
		}
		if len(out) > 0 && info.rangeMark && amounts[infos[len(infos)-1].index].clause == a.clause && out[len(out)-1].Unit == f.Unit {
			// 5%—6%: one figure from 5 to 6, not two.
			prev := out[len(out)-1]
			low := prev.Value
			prev.Low, prev.Value, prev.Normalized = &low, f.Value, f.Normalized
			prev.Text = p.Text[prev.Start:f.End]
			prev.End = f.End
			continue
		}
		if info.low != nil {
			// 认定头雁企业3~5家: the lower bound has no unit of its own.
			f.Low = info.low
			f.Start -= info.lowLen
			f.Text = p.Text[f.Start:f.End]
		}
		info.index = k
		if from == a.start && clausePrev != nil {
			info.empty = true
		}
		f.Qualifier = pickQualifier(info.qualifier, a.infix, a.post)
		switch {
		case info.change != MeasureLevel:
			f.Measure = info.change // 增长5.2%; 比上年增加1.1万亿元; 提高20元
		case info.empty && clausePrev != nil && clausePrev.Class == f.Class && !info.fromValue:
			f.Measure = clausePrev.Measure // 下降18.4%、18.1%
		case qualifierRoles[info.qualifier] == qualifierRestates && len(out) > 0 && (out[len(out)-1].Measure == MeasureGrowth || out[len(out)-1].Measure == MeasureDecline) && !info.fromValue:
			f.Measure = out[len(out)-1].Measure // 增产二千二百万吨，即百分之七点八: the rise in percent
		case f.Class == ClassPercent, f.Class == ClassTimes:
			f.Measure = MeasureRate // 参保率达99.8%; 是2015年的1.19倍, a ratio to a base
		}
		f.Indicator = cutChangeStart(info.phrase, text[after:])
		sfx := cleanSuffix(text[after:next])
		predicateCut := false
		if f.Class != ClassPercent && !nounFollows(sfx, indicatorNouns) && !countsListedKinds(f) {
			// 1000多万高中毕业生顺利完成高考: the graduates are counted. (In
			// 100%的事项实现“网上办” the predicate is what the share is of,
			// and in 32项指标如期实现了目标 what the indicators did.)
			noun := cutPredicate(sfx)
			predicateCut = noun != sfx
			sfx = noun
		}
		if hasAnyPrefix(sfx, afterBoundVerbs) {
			sfx = "" // 3.6%以上安排: what is done with the figure, not a noun
		}
		markNoun := false
		for _, n := range milestoneNouns {
			if rest, ok := strings.CutPrefix(sfx, n); ok {
				sfx, markNoun = rest, true // 突破两亿元大关: the mark, not a thing counted
			}
		}
		if sfx != "" && f.Measure != MeasureGrowth && f.Measure != MeasureDecline {
			if info.empty && clausePrev != nil {
				f.Indicator = infos[len(infos)-1].phrase // 覆盖23万用户、755个线下学习点
			}
			if slices.Contains(leadInVerbs, f.Indicator) {
				f.Indicator = ""    // 加快推进35个省市重点项目: a lead-in, then the noun
				predicateCut = true // the noun names the thing however short
			}
			f.Indicator += sfx
		}
		if slices.Contains(leadingWords, f.Indicator) && len(out) > 0 && (f.Measure == MeasureGrowth || f.Measure == MeasureDecline) {
			// 经营主体突破1800万户、全年净增172.8万户: a change whose words
			// are only 全年 is a change of the thing before. (A level after
			// 全市 counts what follows it: 全市7个产业集聚区.)
			f.Indicator = ""
		}
		if len(out) > 0 && slices.Contains(asideTargetWords, strings.TrimLeft(f.Indicator, "（(，, ")) {
			// 增长6.5%（年度目标6%以上）: the target of the figure before.
			prev := out[len(out)-1]
			f.Indicator, f.Measure, f.Kind = prev.Indicator, prev.Measure, FigureTarget
		}
		if w := strings.TrimSuffix(f.Indicator, "的"); len(out) > 0 && slices.Contains(planCompletionWords, w) {
			// 完成年度计划的102%: the share of the plan of the thing before.
			f.Indicator = withoutPlanCompletion(out[len(out)-1].Indicator) + w
		}
		inherited := f.Indicator == "" && len(out) > 0 && !info.respectively
		if inherited {
			// 41万平方米、2275套; 同比增长3.3%; after 完成年度计划的102%, the
			// thing whose plan it was.
			f.Indicator = withoutPlanCompletion(out[len(out)-1].Indicator)
			if info.aggregate != "" {
				// 新增上市公司45家、总量达1224家: the total is not the addition.
				f.Indicator = strings.TrimPrefix(f.Indicator, "新增") + info.aggregate
			}
		}
		if isRelative(f.Indicator) && len(out) > 0 {
			// 棉花总产568.6万吨、占全国92.2%: a share of what came before;
			// 优良天数247天，超省定目标28天: its excess over a target.
			f.Indicator = out[len(out)-1].Indicator + f.Indicator
		}
		if clausePrev != nil && slices.Contains(attributeWords, f.Indicator) {
			// 粮食播种面积3320万亩、产量1285万吨: the attribute is of what
			// the figure before names (粮食产量).
			f.Indicator = HeadOf(clausePrev.Indicator) + f.Indicator
		} else if n := len(out); n > 0 && out[n-1].Measure == MeasureGrowth && out[n-1].BaseUnit == f.BaseUnit && slices.Contains(attributeWords, f.Indicator) {
			// 粮食增产42.2亿斤，总产466亿斤: the level after an increase is
			// of the thing increased, in the next clause too.
			f.Indicator = HeadOf(out[n-1].Indicator) + f.Indicator
		} else if n := len(out); n > 0 && slices.Contains(attributeWords, f.Indicator) && out[n-1].Measure == MeasureLevel &&
			(out[n-1].Class == ClassCount || out[n-1].Class == ClassOrgs) && amounts[infos[n-1].index].clause == a.clause-1 {
			// 开工171个亿元以上重点项目，总投资853.7亿元: the investment of
			// the projects counted in the clause before.
			if head := nounAfterVerbs(out[n-1].Indicator); head != "" {
				f.Indicator = head + f.Indicator
			}
		}
		if reTimePhrase.MatchString(f.Indicator) && clauseStart > 0 {
			f.Indicator = "" // 在过去四年中共增加了…: a time names no thing
		}
		// A noun cut from its predicate after the unit names the thing
		// counted however short (600多万户企业受益 counts 企业).
		nounAfter := (info.phrase == "" || slices.Contains(leadInVerbs, info.phrase)) && predicateCut
		if runeLen(f.Indicator) <= 2 && clauseStart > 0 && !info.respectively && !info.changeTarget && !nounAfter {
			// 推进老旧小区改造提升，实现开工60个: a bare verb names nothing
			// alone; the clause before says what it is about.
			prevClause := strings.TrimSpace(text[lastClauseEnd(text, clauseStart-1):clauseStart])
			prevClause = trimLeadingWords(cutBareMilestone(strings.TrimRight(prevClause, clauseEnds))) // 稳步推进…
			if runeLen(prevClause) <= 20 && len(findAmounts(prevClause)) == 0 && !strings.ContainsAny(prevClause, "0123456789") {
				f.Indicator = prevClause + f.Indicator
			}
		}
		out = append(out, f)
		infos = append(infos, info)
		between := text[:a.start]
		if len(infos) > 1 {
			pa := amounts[infos[len(infos)-2].index]
			between = text[pa.end+len(pa.post) : a.start]
		}
		clauses = append(clauses, clauseFigure{f: f, info: info, clause: a.clause, inherited: inherited, markNoun: markNoun,
			between: between, rest: text[after:clauseEndAfter(text, after)]})
	}
	assignRespectively(out, infos, amounts)
	applyClauseRules(clauses)
	markStartValues(p.Text, out)
	return out
}

// reChangeTo is all the words between the two levels of a change: 提高到,
// 增加至, 提高到每人每年 (the second level's own words may follow).
var reChangeTo = regexp.MustCompile(`^` + lexicon.Alternation("change-to-verbs") + `(?:到|至)[^` + clauseEnds + `0-9]{0,6}$`)

// markStartValues reads the first level of a planned change as the year
// before's: in 补助标准由每人每年240元提高到280元, a target of 2013, 240元
// is where 2012 left it, not a target. (A change over a period is read
// by its years, figure_period.go.)
func markStartValues(text string, figs []*Figure) {
	for i := 0; i+1 < len(figs); i++ {
		a, b := figs[i], figs[i+1]
		if a.Kind != FigureTarget || b.Kind != FigureTarget || a.Year == 0 || a.Year != b.Year || a.End > b.Start {
			continue
		}
		before := text[lastClauseEnd(text, a.Start):a.Start]
		from := strings.LastIndexAny(before, "从由")
		// 由一九五二年的六千三百五十三万吨增加到…: a year written with the
		// start says whose it is.
		if from >= 0 && len(allYears(before[from:])) == 0 && reChangeTo.MatchString(strings.TrimSpace(text[a.End:b.Start])) {
			a.Year, a.Kind = a.Year-1, FigureActual
			// 分别从每人每月217元、280元提高到…: every start of the list.
			for j := i - 1; j >= 0 && figs[j].Kind == FigureTarget && figs[j].Year == b.Year && figs[j].End <= figs[j+1].Start &&
				listSeparated(text[figs[j].End:figs[j+1].Start]); j-- {
				figs[j].Year, figs[j].Kind = b.Year-1, FigureActual
			}
		}
	}
}

// assignRespectively maps a list of values introduced by 分别 to their
// indicators: 刑事警情、治安警情分别下降18.4%、18.1% gives each value its own
// indicator; …8310元，分别增长9.7%和11.1% refers back to the figures before.
func assignRespectively(out []*Figure, infos []indicatorInfo, amounts []found) {
	for i := 0; i < len(out); i++ {
		if !infos[i].respectively {
			// 每千人床位数、执业医师数增至7.83张、3.57个: a list of names
			// followed by as many values, without 分别, pairs them too.
			names := splitList(infos[i].phrase)
			n := 1
			for j := i + 1; j < len(out) && infos[j].empty && amounts[infos[j].index].clause == amounts[infos[i].index].clause; j++ {
				n++
			}
			if n == 2 && len(names) == 1 && out[i].Unit == out[i+1].Unit && !infos[i].succession {
				names = expandPair(names[0]) // 存贷款余额达247亿元和197亿元
			}
			if n >= 2 && len(names) == n && !strings.Contains(infos[i].phrase, "等") {
				for k := range n {
					out[i+k].Indicator = names[k]
				}
				i += n - 1
			}
			continue
		}
		group := []int{i}
		for j := i + 1; j < len(out) && infos[j].empty && amounts[infos[j].index].clause == amounts[infos[i].index].clause; j++ {
			group = append(group, j)
		}
		names := infos[i].list
		if len(names) == 1 && len(group) == 2 {
			if pair := expandPair(names[0]); pair != nil {
				names = pair
			}
		}
		if len(names) != len(group) {
			names = nil
			var levels []*Figure
			for _, f := range out[:i] {
				if f.Measure == MeasureLevel && f.Indicator != "" {
					levels = append(levels, f)
				}
			}
			if len(levels) >= len(group) {
				for _, f := range levels[len(levels)-len(group):] {
					names = append(names, f.Indicator)
				}
			}
		}
		for k, j := range group {
			if k < len(names) {
				out[j].Indicator = names[k]
			}
		}
		i = group[len(group)-1]
	}
}

// findAmounts scans a sentence for amounts that can be figures.
func findAmounts(text string) []found {
	var out []found
	quote := 0 // inside “…” or 《…》: slogans and titles, not figures
	clause := 0
	prevRune, prevPrev := rune(0), rune(0)
	lastEnd := -1 // where the last amount found ends
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '“' || r == '《':
			quote++
		case (r == '”' || r == '》') && quote > 0:
			quote--
		case strings.ContainsRune(clauseEnds, r):
			clause++
		}
		// 增长-3.2%: a minus sign after Chinese text is a sign, not a code's hyphen.
		negative := prevRune == '-' && isASCIIDigit(r) && unicode.Is(unicode.Han, prevPrev)
		// 6%-6.5%: a hyphen right after an amount joins a range's bounds.
		rangeTop := prevRune == '-' && isASCIIDigit(r) && len(out) > 0 && i == lastEnd+1
		if quote > 0 || !(isASCIIDigit(r) || strings.ContainsRune(lexicon.NumeralChars, r)) || !negative && !rangeTop && !startsNumber(prevRune, r) {
			prevPrev, prevRune = prevRune, r
			i += n
			continue
		}
		a, ok := scanAmount(text, i)
		if ok && negative {
			a.start--
			a.value, a.digits = -a.value, "-"+a.digits
		}
		if !ok || !plausible(text, a, prevRune) {
			// skip the whole number so its digits do not start new ones
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !(isASCIIDigit(r2) || r2 == '.' || r2 == ',' || strings.ContainsRune(lexicon.NumeralChars, r2) || strings.ContainsRune(numeralRunChars, r2)) {
					break
				}
				j += n2
			}
			prevRune, _ = utf8.DecodeLastRuneInString(text[:j])
			prevPrev = 0
			i = j
			continue
		}
		out = append(out, found{amount: a, clause: clause})
		i = a.end + len(a.post)
		lastEnd = i
		prevRune, _ = utf8.DecodeLastRuneInString(text[:i])
		prevPrev = 0
	}
	markThresholds(text, out)
	return out
}

// startsNumber reports whether r, after prev, begins a number: not the
// middle of a number, not an ordinal (第13位), not part of a Latin code
// (S2, G12-03, PM2.5, 5G).
func startsNumber(prev, r rune) bool {
	switch {
	case isASCIIDigit(prev), prev == '.', prev == '-', prev == '+', prev == '/', prev == '第', prev == '每':
		return false
	case prev < 0x80 && unicode.IsLetter(prev):
		return false
	case !isASCIIDigit(r) && (strings.ContainsRune(lexicon.NumeralChars, prev) || strings.ContainsRune(numeralRunChars, prev)):
		return false // inside a Chinese numeral: 二千万 of 三百五十六亿二千万
	}
	return true
}

// unitWords are words that begin with a unit's character: in 上千万家庭
// the 家 is not a unit.
var unitWords = lexicon.Words("unit-words")

// plausible rejects amounts that are names, not quantities.
func plausible(text string, a amount, prev rune) bool {
	after := text[a.end:]
	if strings.HasPrefix(after, "级") {
		return false // 千亿级产业集群: a class, not an amount
	}
	if a.base.name == "" && (a.unit == "千" || a.unit == "百" || a.unit == "十") {
		return false // 750千伏: a bare 千 or 百 is not an amount the way 万 and 亿 are
	}
	if r, _ := utf8.DecodeRuneInString(after); r < 0x80 && unicode.IsLetter(r) {
		return false // 5G, 3D
	}
	if a.base.name != "" {
		tail := text[a.end-len(a.base.name):]
		for _, w := range unitWords {
			if strings.HasPrefix(tail, w) {
				return false
			}
		}
	}
	if a.chinese {
		// 十件民生实事, 百条韵味街巷, 十亿元: a Chinese numeral is a figure only
		// when it is large and not part of an idiom (千家万户, 一个中心).
		// 增长一点三倍, 增加了一倍: a multiple is a figure however small.
		if a.value < 10 && a.factor < 1e4 && !a.percent && a.base.class != ClassTimes {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(after); strings.ContainsRune(lexicon.UnitChars, r) {
			return false
		}
	}
	return true
}

// classNouns follow an amount of money that names a class of things
// (税收十亿元楼宇, 5亿元的项目), not an amount spent.
var classNouns = lexicon.Words("class-nouns")

// afterBoundVerbs follow a bound that is the figure's own (3.6%以上安排),
// not a class's (8座以下小汽车).
var afterBoundVerbs = lexicon.Words("after-bound-verbs")

// markAgeThresholds flags ages that bound a group (65岁以上老年人), which are
// part of an indicator whether or not another figure follows.
func markAgeThresholds(text string, amounts []found) {
	for k := range amounts {
		a := &amounts[k]
		if a.base.name == "岁" && a.post != "" {
			if r, _ := utf8.DecodeRuneInString(text[a.end+len(a.post):]); unicode.Is(unicode.Han, r) {
				a.threshold = true
			}
		}
	}
}

// markThresholds flags amounts that name a class of things rather than
// count them: in 10亿元以上产业项目11个 and 税收十亿元楼宇11幢, the first
// amount is part of the indicator of the second.
func markThresholds(text string, amounts []found) {
	markAgeThresholds(text, amounts)
	for k := range amounts {
		a := &amounts[k]
		if k+1 >= len(amounts) || amounts[k+1].clause != a.clause {
			continue
		}
		after := text[a.end+len(a.post):]
		r, _ := utf8.DecodeRuneInString(after)
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		switch {
		case isThreshold(a.post):
			a.threshold = true
		case a.base.class == ClassMoney && a.post == "" && hasAnyPrefix(after, classNouns):
			a.threshold = true
		}
	}
	// A bound followed directly by what it bounds names a class even when no
	// figure follows: 8座以下小汽车, 5000万元以上的项目.
	for k := range amounts {
		a := &amounts[k]
		if !isThreshold(a.post) {
			continue
		}
		after := text[a.end+len(a.post):]
		if hasAnyPrefix(after, afterBoundVerbs) {
			continue // 拟按3.6%以上安排: the figure's own bound
		}
		if r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(after, "的")); unicode.Is(unicode.Han, r) {
			a.threshold = true
		}
	}
}

func lastClauseEnd(text string, i int) int {
	j := strings.LastIndexAny(text[:i], clauseEnds)
	if j < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(text[j:])
	return j + n
}

func clauseEndAfter(text string, i int) int {
	j := strings.IndexAny(text[i:], clauseEnds)
	if j < 0 {
		return len(text)
	}
	return i + j
}

// lastFullStop is where the full sentence around byte i starts: after the
// last 。！？ before it. A ；-separated list is one statement for 预计.
func lastFullStop(text string, i int) int {
	j := strings.LastIndexAny(text[:i], "。！？")
	if j < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(text[j:])
	return j + n
}

// asideTargetWords open an aside that gives the target of the figure
// before (data/aside-target-words.txt).
var asideTargetWords = lexicon.Words("aside-target-words")

// reTimePhrase is an indicator that says only when (data/time-phrases.re).
var reTimePhrase = regexp.MustCompile(`^(?:` + lexicon.Alternation("time-phrases") + `)$`)

// targetWords make a figure in a review a target when its clause has one.
var targetWords = lexicon.Words("target-words")

// figureKind reads a figure's kind from its section and from the words
// before it: 预计 anywhere before it in the full sentence (预计全年实现…；
// 固定资产投资同比增长5.5%) makes an estimate; a commitment word in its own
// clause makes a target.
func figureKind(section Kind, clause, sentence string) FigureKind {
	// 比1980年预计增加25万吨 compares with an estimate; it is not one.
	if strings.Contains(sentence, "预计") {
		clause = reComparedEstimate.ReplaceAllString(clause, "")
		sentence = reComparedEstimate.ReplaceAllString(sentence, "")
	}
	if strings.Contains(clause, "预计") {
		return FigureEstimate // 预计今年高校毕业生超过1170万人, even in a plan
	}
	if section == KindTarget {
		return FigureTarget
	}
	if strings.Contains(sentence, "预计") {
		return FigureEstimate
	}
	// 争取 in a review means "secured" (争取资金120亿元), not "strive for".
	for _, w := range targetWords { // not 预期 alone: 人均预期寿命
		if strings.Contains(clause, w) && !strings.Contains(clause, "全力争") {
			return FigureTarget
		}
	}
	if announcesTargets(sentence) {
		return FigureTarget
	}
	return FigureActual
}

// announcesTargets reports whether a sentence, up to a figure, has
// announced a list of targets with a colon (主要预期目标是：全县生产总值增长10%；
// …固定资产投资同比增长24%): every figure of the list is a target, even in
// a part that is not a plan, such as a preamble.
func announcesTargets(sentence string) bool {
	i := strings.LastIndexAny(sentence, "：:")
	if i < 0 {
		return false
	}
	lead := sentence[:i]
	return !containsAny(lead, targetAnnouncementMasks) && containsAny(lead, targetWords)
}

// targetAnnouncementMasks make a colon's list one of results (目标任务完成情况：).
var targetAnnouncementMasks = lexicon.Words("target-announcement-masks")

// attributeWords name a measure of a thing (its 面积, its 产量) and need the
// thing named before them.
var attributeWords = lexicon.Words("attribute-words")

// IsAttributeWord reports whether a word names only a measure of a thing
// (面积, 产量), which needs the thing named before it.
func IsAttributeWord(w string) bool { return slices.Contains(attributeWords, w) }

// headVerbs stand between a thing and its attribute (粮食播种面积).
var headVerbs = lexicon.Words("head-verbs")

// HeadOf is the thing an indicator measures: 粮食播种面积 → 粮食. An
// indicator that names no measure of a thing is its own head.
func HeadOf(indicator string) string {
	for _, a := range attributeWords {
		if h, ok := strings.CutSuffix(indicator, a); ok && h != "" {
			for _, v := range headVerbs {
				if hh, ok := strings.CutSuffix(h, v); ok && hh != "" {
					return hh
				}
			}
			return h
		}
	}
	return indicator
}

// reComparedEstimate is an estimate a figure is compared with.
var reComparedEstimate = regexp.MustCompile(`[比较](?:` + lexicon.Year + `年|上年|去年)?预计`)

// listSeparators separate the items of a list: 、, 和, 及 ….
var listSeparators = lexicon.Words("list-separators")

// listSeparated reports whether the text between two figures of a clause
// ends with a list separator (、和及), so that it names what the first counts.
func listSeparated(between string) bool {
	t := strings.TrimSpace(between)
	for _, sep := range listSeparators {
		if strings.HasSuffix(t, sep) {
			return true
		}
	}
	return t == ""
}

// planCompletionWords make a figure the share of its plan that the thing
// before it reached (完成年度计划的102%).
var planCompletionWords = lexicon.Words("plan-completion-words")

// withoutPlanCompletion is an indicator without the plan-completion word
// that ends it: 粮食总产量完成年度计划 → 粮食总产量.
func withoutPlanCompletion(indicator string) string {
	for _, w := range planCompletionWords {
		if t, ok := strings.CutSuffix(indicator, w); ok && t != "" {
			return t
		}
	}
	return indicator
}
