package ask

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/lexicon"
	"reportsearch/search"
)

// Weights are every number by which a figure is judged as the answer to a
// question. A figure's score is how well its indicator matches what is
// asked (0–1, see indicatorMatch) plus what its year, kind, unit and
// measure add or take away (see agreement). Each weight says what it trades
// off; a change to one shows in the QA goldens.
type Weights struct {
	// MinMatch is how well a figure's indicator must match the question's
	// for the figure to be judged at all: agreement in year, unit and kind
	// must not lift a figure of another thing (新增科技型企业上市50家 for
	// 新增高新技术企业多少家) over MinScore.
	MinMatch float64
	// MinScore is how well a figure must fit to be answered with: below
	// it the answer is found=false and the best paragraphs are shown. Lower
	// answers more questions and risks a confident wrong number.
	MinScore float64
	// GoodScore is how well another place's figure must fit a question
	// that names no place to be listed beside the answer.
	GoodScore float64
	// Close is how far below the best a figure may score and still be
	// listed as an alternative.
	Close float64

	// Synonym scales the match of an indicator asked for by a synonym
	// (GDP for 地区生产总值): a little below the words the question wrote.
	Synonym float64
	// NewerReport breaks ties between reports whose own 今年 fits, per year
	// of difference, in favour of the newest: small enough never to
	// outweigh anything else.
	NewerReport float64

	// Exact is the match of an indicator equal to the one asked about.
	Exact float64
	// Contained is the match of a one-character question inside a
	// figure's indicator, and of a two-character one at the end of the
	// indicator or of the words before the number (人口 in 常住人口, not in
	// 每万人口发明专利拥有量).
	Contained float64
	// Coverage and Precision weigh the share of the question's character
	// pairs the indicator has against the share of the indicator's pairs
	// the question has: covering what is asked counts most, a much longer
	// indicator (something more specific) a little less.
	Coverage, Precision float64
	// Before is the match when the question's pairs stand in the words
	// right before the number rather than in its indicator.
	Before float64
	// Sentence is the match of a short indicator the question names in
	// full whose sentence has the rest of the question.
	Sentence float64

	// YearFits rewards a figure of the year asked about; OtherYear
	// disqualifies another year's figure (it must never answer); a
	// five-year total or average is PeriodOfYear below when the period
	// holds the year, OtherPeriod when it does not. YearUnknown is taken
	// from a figure of a report that says no year at all: it may be of
	// the year asked, but nothing says so.
	YearFits, OtherYear, PeriodOfYear, OtherPeriod, YearUnknown float64
	// PeriodEnd is the level a five-year review says a period came to
	// (五年来…农民人均纯收入2685元) for a question about the period's last
	// year: its level then, though the year's own figure fits better.
	PeriodEnd float64
	// StartValue is taken from a value a change started from (从380元提高至
	// 1000元: 380元 is not what it is); CameTo is added to the value after
	// 提高到 for a question asking what a change came to.
	StartValue, CameTo float64
	// Counted rewards a figure that counts the thing a question counts
	// (增加了多少学位: a figure of 学位).
	Counted float64
	// WrongKind is taken from a target for a question about a result and
	// from a result for a question about a target; TargetList is added to
	// a target stated in a list of targets (目标), the place to cite one from.
	WrongKind, TargetList float64
	// UnsaidTarget is taken from a target for a question that does not say
	// which kind it asks: what a year came to, when a report states it,
	// comes before what was planned for it. (An estimate is not taken
	// from: it is often the only result a report gives for its year.)
	UnsaidTarget float64
	// ReviewedTarget is taken from a target for a question of unsaid kind
	// about a year that a report of its place looks back on and states the
	// indicator of: that report is the word on what came of the year, and
	// when it does not say what is asked, the answer is that none does —
	// not the plan (below MinScore even for an exact indicator).
	ReviewedTarget float64
	// UnitFits rewards the unit asked for; WrongUnit punishes another; a
	// question that names only a class of unit (people, money) takes
	// WrongClass from a figure of another class.
	UnitFits, WrongUnit, WrongClass float64
	// WrongMeasure is taken from a level for a question about growth, a
	// decline or a rate, and the other way round; PercentForUnit from a
	// percentage when a unit was asked for; ChangeForLevel and RateForLevel
	// from a growth rate or a ratio when the question asks for the amount
	// (ChangeForLevel also from a milestone or a count of indicators).
	WrongMeasure, PercentForUnit, ChangeForLevel, RateForLevel float64
	// ModifierOnly scales the match of an indicator that has the one asked
	// about inside it, followed by a thing of its own (单位国内生产总值能耗
	// for 国内生产总值).
	ModifierOnly float64
	// Opposite, MissingScope and NotAnAddition are taken from a figure of
	// another thing than asked (see otherThing): the opposite word (收入 for
	// 支出), a whole for a part (居民 for 城镇居民), a total for an addition.
	Opposite, MissingScope, NotAnAddition float64
	// OtherBase is taken from a growth measured against a year other than
	// the one before the year asked about (比2005年增长73.8% for 2010年比上年
	// 增长多少): a growth over several years is not the year's.
	OtherBase float64
	// SameParagraph and SameSentence are added, for a question that asks
	// for several figures, to a figure in the paragraph and the sentence of
	// the first figure answered: the parts of one question are usually
	// stated together.
	SameParagraph, SameSentence float64
}

// DefaultWeights are the weights measured on the project's QA sets.
var DefaultWeights = Weights{
	MinMatch: 0.4, MinScore: 0.6, GoodScore: 0.75, Close: 0.15,
	Synonym: 0.9, NewerReport: 0.001,
	Exact: 1, Contained: 0.8, Coverage: 0.75, Precision: 0.25, Before: 0.85, Sentence: 0.8,
	YearFits: 0.15, OtherYear: -1, PeriodOfYear: -0.5, OtherPeriod: -1, YearUnknown: -0.3, PeriodEnd: 0,
	StartValue: -0.2, CameTo: 0.15, Counted: 0.2,
	WrongKind: -0.6, TargetList: 0.05, UnsaidTarget: -0.1, ReviewedTarget: -0.6,
	UnitFits: 0.2, WrongUnit: -0.5, WrongClass: -0.4,
	WrongMeasure: -0.3, PercentForUnit: -0.3, ChangeForLevel: -0.6, RateForLevel: -0.2,
	ModifierOnly: 0.7,
	OtherBase:    -0.5, SameParagraph: 0.1, SameSentence: 0.1,
	Opposite: -1, MissingScope: -0.6, NotAnAddition: -0.8,
}

// clauseAround is the text of a figure's sentence up to the figure, back to
// the figure before it: what the sentence says before the number is about
// the number, and what it said before the previous number is about that one.
// In 生产总值增长5%，城镇新增就业40万人 the 40万人 is not about 生产总值; in
// 加快推进35个省市重点项目，完成投资186.3亿元 the 186.3亿元 is about those 项目.
//
// A figure joined to the one before by 和 or 及 has only the words after
// the conjunction: in 完成了对195家散乱污企业的取缔和28家企业规范整治 the words
// between the two figures are about 195家.
func clauseAround(f *corpus.Figure) string {
	before := sentenceBefore(f)
	if d := strings.LastIndexAny(before, "0123456789"); d >= 0 && !reDateAfter.MatchString(before[d+1:]) {
		if j := lastConjunction(before[d:]); j >= 0 {
			return before[d+j:]
		}
	}
	for i := len(before); i > 0; {
		i = strings.LastIndexAny(before[:i], "，；：。、")
		if i < 0 {
			break
		}
		if reEndsWithFigure.MatchString(before[:i]) {
			_, size := utf8.DecodeRuneInString(before[i:])
			return before[i+size:]
		}
	}
	return before
}

// reEndsWithFigure is a clause that ends with a number and its unit and
// qualifier: 增长3%, 5%左右, 40万人以上.
var reEndsWithFigure = regexp.MustCompile(`[0-9][%‰]?\p{Han}{0,4}$`)

// indicatorMatch scores how well a figure's indicator, or the text before it
// in its sentence, matches the indicator asked about: the share of the
// question's character bigrams it contains, the indicator counting more. A
// short indicator that the question names in full, in a sentence that has
// the rest of what the question says, matches too: 新改扩建中小学校、幼儿园
// 134所，增加学位5.6万个 answers …幼儿园增加了多少学位 with 增加学位.
func (w Weights) indicatorMatch(want, indicator, before, sentence string) float64 {
	if want == "" {
		return 0
	}
	if want == indicator {
		return w.Exact
	}
	// 全国工业总产值 is 工业总产值, and no less so than 重工业总产值 is.
	if bare := neutralLeadOff(indicator); bare != "" && bare == neutralLeadOff(want) {
		return w.Exact
	}
	// 钢产量 of 钢六千六百零四万吨: a product named by one character.
	if rest, ok := strings.CutPrefix(want, indicator); ok && utf8.RuneCountInString(indicator) == 1 && slices.Contains(outputNouns, rest) {
		return w.Contained
	}
	grams := corpus.Bigrams(want)
	if len(grams) == 0 {
		if strings.Contains(indicator, want) {
			return w.Contained
		}
		return 0
	}
	if len(grams) == 1 {
		// A two-character indicator (人口, 面积) is inside many longer ones
		// (每万人口发明专利拥有量): it names a figure only as the end of the
		// figure's indicator or of the words right before the number.
		before = strings.TrimRight(before, figureLeadChars)
		if strings.HasSuffix(indicator, want) || strings.HasSuffix(before, want) {
			return w.Contained
		}
		return 0
	}
	inInd, inBefore := 0, 0
	for _, g := range grams {
		if strings.Contains(indicator, g) {
			inInd++
		}
		if strings.Contains(before, g) {
			inBefore++
		}
	}
	covInd := float64(inInd) / float64(len(grams))
	covBefore := float64(inBefore) / float64(len(grams))
	// An indicator much longer than the question names something more
	// specific: a little less likely.
	precision := 0.0
	if ig := corpus.Bigrams(indicator); len(ig) > 0 {
		precision = float64(inInd) / float64(len(ig))
	}
	score := max(w.Coverage*covInd+w.Precision*precision, w.Before*covBefore)
	if precision == 1 && inInd >= 2 {
		inSentence := 0
		for _, g := range grams {
			if strings.Contains(sentence, g) {
				inSentence++
			}
		}
		score = max(score, w.Sentence*float64(inSentence)/float64(len(grams)))
	}
	if i := strings.LastIndex(indicator, want); i >= 0 && namesOwnThing(indicator[i+len(want):]) {
		// 单位国内生产总值能耗 is the energy used per unit of 国内生产总值, not
		// the product: a figure's thing is at the end of its indicator.
		score *= w.ModifierOnly
	}
	return score
}

// namesOwnThing reports whether what follows the indicator asked about in
// a figure's indicator is a thing of its own (能耗 of 单位国内生产总值能耗):
// two characters or more, all Chinese, not opening with a preposition or a
// conjunction (森林覆盖率由“十二五”末, 〔24〕 are no things).
func namesOwnThing(tail string) bool {
	return utf8.RuneCountInString(tail) >= 2 && !hasAnyPrefix(tail, notThingStarts) &&
		strings.IndexFunc(tail, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) < 0
}

// notThingStarts cannot begin a thing after an indicator (see
// namesOwnThing): prepositions and conjunctions, and the adverbs and verbs
// that may follow an indicator (只有, 也, 新增).
var notThingStarts = slices.Concat(lexicon.Words("not-thing-starts"), lexicon.Words("change-adverbs"), lexicon.Words("indicator-verbs"))

// agreement adds to a figure's score when its year (one of years), kind,
// unit and measure agree with the question and takes away when they
// contradict it.
//
// fc says what the library knows around the figure (see figureContext).
func (w Weights) agreement(f Frame, years []int, fc figureContext, fig *corpus.Figure) float64 {
	return w.yearAgreement(f, years, fc.reportYears, fig) + w.kindUnitMeasure(f, years, fc, fig)
}

// figureContext is what the library knows around a figure that judging it
// needs.
type figureContext struct {
	// reportYears are the years the figure's report speaks of: a figure
	// whose own year is not known is of one of them, so when none is asked
	// about it is another year's figure.
	reportYears []int
	// reviewed marks a figure of a place with a report that looks back on a
	// year asked about and states the indicator asked about: what that
	// report says came of the year answers, not the plan for it.
	reviewed bool
}

// yearAgreement is what a figure's year or period adds or takes away.
func (w Weights) yearAgreement(f Frame, years, reportYears []int, fig *corpus.Figure) float64 {
	s := 0.0
	if !f.Span.IsZero() {
		switch {
		case fig.Period == f.Span, f.Span.Has(fig.Year), fig.Year == f.Span.From-1:
			// The period asked about, a year of it, or the year it
			// started from (由4.14亿元增长到8.56亿元).
			s += w.YearFits
		case fig.Year != 0 || !fig.Period.IsZero():
			s += w.OtherYear
		}
		return s
	}
	if len(years) > 0 {
		switch {
		case slices.Contains(years, fig.Year):
			s += w.YearFits
		case fig.Year != 0:
			s += w.OtherYear // another year's figure never answers this year's question
		case !fig.Period.IsZero() && fig.Measure == corpus.MeasureLevel && slices.Contains(years, fig.Period.To):
			s += w.PeriodEnd // the level a period came to is its last year's
		case !fig.Period.IsZero() && slices.ContainsFunc(years, fig.Period.Has):
			s += w.PeriodOfYear // a five-year total or average, not the year's
		case !fig.Period.IsZero():
			s += w.OtherPeriod // another period's
		case len(reportYears) == 0:
			s += w.YearUnknown
		case !slices.ContainsFunc(years, func(y int) bool { return slices.Contains(reportYears, y) }):
			s += w.OtherYear // a report about other years
		}
	}
	return s
}

// kindUnitMeasure is what a figure's kind, unit and measure, and the words
// before it, add or take away.
func (w Weights) kindUnitMeasure(f Frame, years []int, fc figureContext, fig *corpus.Figure) float64 {
	s := 0.0
	// 从380元提高至1000元: the value it started from is not what it is; a
	// question for what it came to (提高到多少) wants the value after 提高至.
	if i := strings.Index(fig.Sentence, fig.Text); i > 0 {
		switch before := fig.Sentence[:i]; {
		case startsFrom(before) && f.fromValue:
			s += w.CameTo // 从多少增加到…: the value it started from is asked
		case startsFrom(before) && !f.startAllowed:
			s += w.StartValue
		case f.toLevel && reCameTo.MatchString(before):
			s += w.CameTo
		case f.fromValue && reCameTo.MatchString(before):
			s += w.StartValue
		}
	}
	if f.Counted != "" && strings.Contains(fig.Indicator, f.Counted) {
		s += w.Counted // 增加了多少学位: the figure counts 学位
	}
	switch f.Kind {
	case "":
		switch {
		case fig.Kind != corpus.FigureTarget:
		case fc.reviewed:
			// A later report looks back on the year: the question asks
			// what came of it, and the plan for it does not answer.
			s += w.ReviewedTarget
		default:
			s += w.UnsaidTarget
		}
	case KindResult, KindEstimate:
		if fig.Kind == corpus.FigureTarget {
			s += w.WrongKind
		}
	case KindTarget:
		if fig.Kind != corpus.FigureTarget {
			s += w.WrongKind
		}
		if strings.Contains(fig.Sentence, "目标") {
			s += w.TargetList // the list of main targets is the place to cite a target from
		}
	}
	if f.Unit != "" {
		switch {
		case fig.Unit == f.Unit || strings.TrimPrefix(fig.Unit, "万") == f.Unit || fig.BaseUnit == corpus.BaseOfUnit(f.Unit):
			s += w.UnitFits
		default:
			s += w.WrongUnit
		}
	} else if f.Class != "" && fig.Class != f.Class {
		s += w.WrongClass
	}
	switch {
	case f.Measure == corpus.MeasureGrowth && strings.Contains(f.Indicator, "增长率") && strings.Contains(fig.Indicator, "增长率"):
		// 人口自然增长率: the figure is the rate asked for, however it moved.
	case (f.Measure == corpus.MeasureGrowth || f.Measure == corpus.MeasureDecline) && fig.Measure == f.Measure && measuredAgainstOther(fig, years, f.Base):
		s += w.OtherBase
	case f.Measure == corpus.MeasureGrowth && fig.Measure != corpus.MeasureGrowth,
		f.Measure == corpus.MeasureDecline && fig.Measure != corpus.MeasureDecline,
		f.Measure == corpus.MeasureRate && fig.Measure != corpus.MeasureRate:
		s += w.WrongMeasure
	case f.Measure == "" && f.Unit != "" && fig.Class == corpus.ClassPercent:
		s += w.PercentForUnit
	case f.Measure == "" && (fig.Measure == corpus.MeasureGrowth || fig.Measure == corpus.MeasureDecline):
		s += w.ChangeForLevel // 地区生产总值是多少 asks for the amount, not its growth
	case f.Measure == "" && (fig.Measure == corpus.MeasureMilestone || fig.Measure == corpus.MeasureIndicators):
		s += w.ChangeForLevel // nor for a mark passed beside it (突破3000亿元) or a count of indicators (5项主要指标)
	case f.Measure == "" && (fig.Measure == corpus.MeasureRate || fig.Class == corpus.ClassTimes && f.Class != corpus.ClassTimes) && !namesRatio(f.Indicator):
		s += w.RateForLevel // nor for a ratio of it (研发经费支出相当于生产总值的比例, 是2015年的1.19倍)
	}
	return s
}

// namesRatio reports whether an indicator is itself a rate or a share:
// 优质覆盖率, 城镇化率, 研发投入强度.
func namesRatio(indicator string) bool {
	return slices.ContainsFunc(ratioWords, func(w string) bool { return strings.Contains(indicator, w) })
}

var (
	// figureLeadChars may stand between an indicator and its number.
	figureLeadChars = lexicon.Chars("figure-lead-chars")
	// startValueWordChars make a word of 从 or 由 before them: 由于, 从事.
	startValueWordChars = lexicon.Chars("start-value-word-chars")
	ratioWords          = lexicon.Words("ratio-words")
	outputNouns         = lexicon.Words("output-nouns")
	// reCameTo ends the words before the level a change came to: 提高到, 降为.
	reCameTo = regexp.MustCompile(lexicon.Pattern("question-came-to"))
)

// startsFrom reports whether the text before a value makes it the value a
// change started from: 从380元, 由上年的1.2%, 从每人每月2375元 — a 从 or 由
// in its clause with no 到 or 至 after it.
func startsFrom(before string) bool {
	if i := strings.LastIndexAny(before, "，；：。"); i >= 0 {
		before = before[i:]
	}
	from := max(strings.LastIndex(before, "从"), strings.LastIndex(before, "由"))
	if from < 0 || strings.ContainsAny(before[from:], "到至") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(before[from+len("从"):]) // 从 and 由 are both 3 bytes
	// 由于, 从事, 自由 are words, not a starting value.
	return !strings.ContainsRune(startValueWordChars, next) && !strings.HasSuffix(before[:from], "自")
}

// scoredFigure is a candidate answer.
type scoredFigure struct {
	fig   *corpus.Figure
	score float64
	depth int // of its report's place, for ties (see reportFacts)
}

// rankFigures finds the figures that may answer a frame and scores each:
// how well its indicator (or, less, its sentence) matches what is asked,
// then whether its year, kind, unit and measure agree with the question.
func (a *Asker) rankFigures(ctx context.Context, f Frame) ([]scoredFigure, error) {
	if f.Indicator == "" {
		return nil, nil
	}
	fq := search.FigureQuery{Indicator: f.Indicator} // search.DefaultFigureLimit of them
	if f.Region != "" {
		fq.Scope = f.reports
	}
	figs, err := a.idx.FigureCandidates(ctx, fq)
	if err != nil {
		return nil, fmt.Errorf("ask: %w", err)
	}
	if len(f.Years) > 0 && len(figs) >= search.DefaultFigureLimit {
		// Many figures match the words (工业总产值 over decades of national
		// reports): those of the years asked about must not be crowded out.
		ofYears, err := a.idx.FigureCandidates(ctx, search.FigureQuery{Indicator: fq.Indicator, Scope: fq.Scope, Years: f.Years})
		if err != nil {
			return nil, fmt.Errorf("ask: %w", err)
		}
		figs = appendNewFigures(figs, ofYears)
	}
	// 经济增长了多少: the indicator stands for 国内生产总值 …, whose figures
	// the word does not find.
	var wholeSyns []string
	if ws, ok := wholeSynonyms[f.Indicator]; ok && (ws.measure == "" || ws.measure == f.Measure) {
		wholeSyns = ws.synonyms
	}
	for _, syn := range wholeSyns {
		more, err := a.idx.FigureCandidates(ctx, search.FigureQuery{Indicator: syn, Scope: fq.Scope})
		if err != nil {
			return nil, fmt.Errorf("ask: %w", err)
		}
		figs = appendNewFigures(figs, more)
	}
	c := a.idx.Catalog()
	want := indexer.FoldSameLength(f.Indicator)
	syn := a.idx.Synonyms()
	// The indicator asked about with a synonym for the whole of it, or for
	// a word inside it: GDP增长 → 地区生产总值增长, 社零总额 → 社会消费品零售总额.
	wantSyns := slices.Concat(syn.Expand(f.Indicator), syn.Rewrite(f.Indicator, nil), wholeSyns)
	type candidate struct {
		fig    *corpus.Figure
		report *reportFacts
		match  float64
	}
	var cands []candidate
	facts := reportFactsOf(c)
	// reviewedIn are the places with a report that looks back on a year
	// asked about and states the indicator (see figureContext.reviewed).
	reviewedIn := map[string]bool{}
	for _, fig := range figs {
		rf := facts(corpus.ReportOfID(fig.ParagraphID))
		if f.ReportYear != 0 && rf.delivered != 0 && rf.delivered != f.ReportYear {
			continue // 1981年报告中…: another year's report
		}
		indicator, before, sentence := withoutPlanWords(indexer.FoldSameLength(fig.Indicator)), indexer.FoldSameLength(clauseAround(fig)), indexer.FoldSameLength(fig.Sentence)
		s := a.w.indicatorMatch(want, indicator, before, sentence)
		if after := countedAfter(fig); after != "" {
			// 全区453台10蒸吨及以下燃煤锅炉已全部拆除: what is counted
			// comes after the count, and the words before it name only
			// where.
			s = max(s, a.w.indicatorMatch(want, indicator, before+indexer.FoldSameLength(after), sentence))
		}
		for _, syn := range wantSyns {
			s = max(s, a.w.Synonym*a.w.indicatorMatch(indexer.FoldSameLength(syn), indicator, before, sentence))
		}
		s += a.w.otherThing(want, fig)
		cands = append(cands, candidate{fig, rf, s})
		if rf.past != 0 && slices.Contains(f.Years, rf.past) && s >= a.w.MinMatch {
			reviewedIn[rf.place] = true
		}
	}
	out := make([]scoredFigure, 0, len(cands))
	for _, cd := range cands {
		fig, s := cd.fig, cd.match
		if s < a.w.MinMatch {
			continue
		}
		years := f.Years
		if f.relative && len(f.Years) == 1 && f.Region != "" {
			// 今年 of a place is the year of the figure's own report; of
			// several reports whose 今年 fits, the newest speaks for now.
			// Without a place, 今年 is the newest report's year.
			if delivered := cd.report.delivered; delivered != 0 {
				years = []int{delivered + f.offset}
				s -= a.w.NewerReport * float64(f.Years[0]-f.offset-delivered)
			}
		}
		fc := figureContext{reportYears: cd.report.years, reviewed: reviewedIn[cd.report.place]}
		s += a.w.agreement(f, years, fc, fig)
		out = append(out, scoredFigure{fig: fig, score: s, depth: cd.report.depth})
	}
	// Ties go to the report of the widest place (the country before a
	// province before a city: a question may name none), then by paragraph
	// and by place in it. The order bleve returns equal candidates in
	// depends on how a build happened to lay out the index, and the same
	// question must get the same answer from every build.
	slices.SortFunc(out, func(a, b scoredFigure) int {
		return cmp.Or(cmp.Compare(b.score, a.score), a.depth-b.depth,
			strings.Compare(a.fig.ParagraphID, b.fig.ParagraphID), a.fig.Start-b.fig.Start)
	})
	return out, nil
}

// reportFacts are what judging a figure needs of its report, read once per
// report for a question's candidates.
type reportFacts struct {
	delivered int    // the year it was delivered in, or 0
	past      int    // the year it looks back on, or 0
	place     string // its place as the catalog names it
	// years are those a figure whose own year is not known may be of: the
	// year the report looks back on and the year it plans for; for a
	// report whose year is not known, the years it names.
	years []int
	// depth is how deep its place lies, the country 0: ties go to the
	// widest place.
	depth int
}

// reportFactsOf returns the facts of a report by its ID, each read once.
func reportFactsOf(c *catalog.Catalog) func(id string) *reportFacts {
	seen := map[string]*reportFacts{}
	return func(id string) *reportFacts {
		if rf, ok := seen[id]; ok {
			return rf
		}
		m := c.Meta(id)
		rf := &reportFacts{delivered: c.DeliveredYear(id), place: c.PlaceOf(id), years: m.Years, depth: len(m.Region)}
		if past, plan := corpus.ReviewAndPlan(m); plan != 0 {
			rf.past, rf.years = past, []int{past, plan}
		}
		if len(m.Region) > 0 && m.Region[0] == corpus.National {
			rf.depth = 0
		}
		seen[id] = rf
		return rf
	}
}

// reDateAfter follows the digits of a date, not of a figure: 2022年.
var reDateAfter = regexp.MustCompile(`^[年月日]`)

// figureConjunctions join two figures of a sentence: 195家…的取缔和28家.
var figureConjunctions = lexicon.Words("figure-conjunctions")

// wholeSynonyms are what a question's indicator stands for when it is only
// this word (data/question-whole-synonyms.tsv).
var wholeSynonyms = func() map[string]wholeSynonym {
	out := map[string]wholeSynonym{}
	for _, r := range lexicon.Table("question-whole-synonyms", "word", "measure", "synonyms") {
		m := corpus.Measure(r[1])
		if r[1] == "-" {
			m = ""
		}
		out[r[0]] = wholeSynonym{measure: m, synonyms: strings.Split(r[2], "、")}
	}
	return out
}()

// wholeSynonym is a row of question-whole-synonyms: what an indicator
// stands for when the question asks for measure ("" for any).
type wholeSynonym struct {
	measure  corpus.Measure
	synonyms []string
}

// countedAfter is the rest of a count's clause after it, which may name
// what it counts (453台10蒸吨及以下燃煤锅炉已全部拆除), or "" for a figure that
// is not a count.
func countedAfter(f *corpus.Figure) string {
	after, ok := afterCount(f)
	if !ok {
		return ""
	}
	if j := strings.IndexAny(after, "，；。：！？,;"); j >= 0 {
		after = after[:j]
	}
	return after
}

// lastConjunction is the byte offset just after the last of
// figureConjunctions in s, or -1.
func lastConjunction(s string) int {
	at := -1
	for _, c := range figureConjunctions {
		if i := strings.LastIndex(s, c); i >= 0 && i+len(c) > at {
			at = i + len(c)
		}
	}
	return at
}

// reFigureBase is the year a change is measured against, written before it
// in digits or Chinese digits (比2005年增长, 比一九七六年增长): group 1.
var reFigureBase = regexp.MustCompile(`(?:比|较)(` + lexicon.Year + `|` + lexicon.ChineseYear + `)年`)

// measuredAgainstOther reports whether a change's clause measures it
// against another year than the question: the year the question names
// (asked, 比2006年增长多少), else the one before a year asked about.
func measuredAgainstOther(fig *corpus.Figure, years []int, asked int) bool {
	figureBase := 0
	if m := reFigureBase.FindAllStringSubmatch(clauseAround(fig), -1); m != nil {
		figureBase = yearOf(m[len(m)-1][1])
	}
	if asked != 0 && !slices.Contains(years, asked+1) {
		// 2011年…比2006年增长多少: against 2006, not the year before (比上年
		// is the same as 比2010年, which the rule below allows).
		return figureBase != asked
	}
	if len(years) == 0 {
		return false
	}
	return figureBase != 0 && !slices.Contains(years, figureBase+1)
}

// withoutPlanWords is a figure's indicator without the words of a plan it
// may hold (拟安排财政赤字 → 财政赤字), which say its kind, not what it
// measures; the kind is judged apart. An indicator of nothing else stays.
func withoutPlanWords(indicator string) string {
	out := indicator
	for _, k := range kindWords {
		if k.Tag == KindTarget || k.Tag == KindEstimate {
			out = strings.ReplaceAll(out, k.Word, "")
		}
	}
	if utf8.RuneCountInString(out) < 2 {
		return indicator
	}
	return out
}

// appendNewFigures appends to figs the figures of more it does not hold,
// told apart by ID (the figure cache may give one figure twice as two
// values).
func appendNewFigures(figs, more []*corpus.Figure) []*corpus.Figure {
	for _, m := range more {
		if !slices.ContainsFunc(figs, func(f *corpus.Figure) bool { return f.ID == m.ID }) {
			figs = append(figs, m)
		}
	}
	return figs
}

// hasAnyPrefix reports whether s begins with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(s, p) })
}
