package search

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// Answer is the reply to a question: a figure with its sentence and
// citation, or, when nothing fits well enough, found=false and the best
// paragraphs instead — never a confident wrong number.
type Answer struct {
	Question     string           `json:"question"`
	Frame        Frame            `json:"frame"`
	Found        bool             `json:"found"`
	Answer       string           `json:"answer"` // the figure as written: 2525亿元; for a comparison both
	Figures      []*corpus.Figure `json:"figures"`
	Sentence     string           `json:"sentence,omitempty"`
	Citation     *AnswerCitation  `json:"citation,omitempty"`
	Alternatives []*corpus.Figure `json:"alternatives"`
	Change       *Change          `json:"change,omitempty"` // for a comparison
	Items        []ListItem       `json:"items,omitempty"`  // for a list question
	Paragraphs   []Hit            `json:"paragraphs,omitempty"`
	Note         string           `json:"note,omitempty"` // why nothing was found, or what was assumed
	// Unindexed is the place the question names when no indexed report
	// speaks for it: the reason there is no answer.
	Unindexed string `json:"unindexed_region,omitempty"`
	// Places are the places whose figures fit a question that names none,
	// the answer's first, when there are several.
	Places []string `json:"places,omitempty"`
	// AlsoNamed is another place the question names: it is answered for
	// Frame.Region only.
	AlsoNamed string `json:"also_named,omitempty"`
}

// AnswerCitation is the paragraph an answer comes from.
type AnswerCitation struct {
	ID   string `json:"id"`
	Text string `json:"text"` // the whole paragraph
	Cite string `json:"cite"`
	Link string `json:"permalink"`
}

// Change compares two figures of a comparison.
type Change struct {
	From, To   string  `json:"-"`
	Difference float64 `json:"difference"` // in the base unit
	BaseUnit   string  `json:"base_unit"`
	Ratio      float64 `json:"ratio,omitempty"`
}

// ListItem is one commitment of a list answer.
type ListItem struct {
	Text     string `json:"text"`
	Citation string `json:"citation"`
	ID       string `json:"paragraph_id"`
}

// minFigureScore is how well a figure must fit a question to be answered
// with: below it the answer is found=false.
const minFigureScore = 0.6

// Ask answers a question.
func (e *Engine) Ask(ctx context.Context, question string) (*Answer, error) {
	if strings.TrimSpace(question) == "" {
		return nil, ErrEmptyQuery
	}
	if n := len([]rune(question)); n > MaxQueryLength {
		return nil, &ParseError{question, 0, fmt.Sprintf("question is %d characters long, the limit is %d", n, MaxQueryLength)}
	}
	text := corpus.Normalize(question)
	place := e.regions.inQuestion(text)
	if place.Term {
		term, err := e.writtenAsTerm(ctx, place)
		if err != nil {
			return nil, err
		}
		if term {
			place = questionRegion{Rest: text}
		}
	}
	// 上海和广东…: one place at a time, and the other is not part of what
	// is asked.
	var other string
	if place.Full != "" {
		var name string
		if name, other = e.regions.otherPlace(place.Rest, place.Full); name != "" {
			place.Rest = reJoinedPlace(name).ReplaceAllString(place.Rest, "")
		}
	}
	a, err := e.ask(ctx, question, text, place)
	if err == nil && other != "" {
		a.AlsoNamed = other
		a.Note = strings.TrimPrefix(a.Note+"; ", "; ") + fmt.Sprintf("the question names %s and %s: answered for %s only", place.Full, other, place.Full)
	}
	rest := strings.TrimPrefix(place.Rest, reQuestionLead.FindString(place.Rest))
	if err == nil && !a.Found && place.Generic && utf8.RuneCountInString(rest) >= 2 {
		// 全国 may begin what is asked about (全国飞盘联赛) rather than name
		// the country. Asked again with it as part of the question, the
		// answer stands if its paragraph has that word as the question
		// writes it, not if it is another place's figure.
		word := place.Name + firstRunes(rest, 2)
		if b, err := e.ask(ctx, question, text, questionRegion{Rest: text}); err == nil && b.Found && b.Citation != nil &&
			strings.Contains(b.Citation.Text, word) {
			return b, nil
		}
	}
	return a, err
}

// writtenAsTerm reports whether the reports write a province's short name
// together with the word that follows it in the question (北京冬奥会,
// 上海合作组织), so that the name begins a term there and names no place.
func (e *Engine) writtenAsTerm(ctx context.Context, place questionRegion) (bool, error) {
	words := e.seg.Cut(strings.TrimPrefix(place.Rest, reQuestionLead.FindString(place.Rest)))
	if len(words) == 0 {
		return false, nil
	}
	sr := bleve.NewSearchRequestOptions(literalQuery(indexer.FieldText, place.Name+words[0]), 0, 0, false)
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		return false, fmt.Errorf("search: %s as a term: %w", place.Name, err)
	}
	return res.Total > 0, nil
}

// reJoinedPlace is another place joined to the one a question names:
// 和广东, 、广东.
func reJoinedPlace(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?:和|与|及|、)?` + regexp.QuoteMeta(name))
}

// firstRunes is the first n characters of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// ask answers a question scoped to the place it names: that place's
// reports, with 今年 the year they are delivered in.
func (e *Engine) ask(ctx context.Context, question, text string, place questionRegion) (*Answer, error) {
	f := AnalyseQuestion(place.Rest, e.reportYear(place.Reports), e.tax)
	f.Question = text
	if place.Name != "" {
		f.Region = cmp.Or(place.Full, place.Name)
		f.reports = place.Reports
	}
	a := &Answer{Question: question, Frame: f, Figures: []*corpus.Figure{}, Alternatives: []*corpus.Figure{}}
	if place.Name != "" && place.Full == "" {
		// No report speaks for the place: that is the answer, not another
		// place's figure.
		a.Note, a.Unindexed = fmt.Sprintf("no indexed report speaks for %s", f.Region), f.Region
		return a, nil
	}
	var err error
	switch f.Type {
	case AskWhere:
		err = e.answerWhere(ctx, a)
	case AskList:
		if f.mayBeFigure {
			g := f
			g.Type, g.Domain = AskFigure, ""
			b := *a
			b.Frame = g
			if err = e.answerFigure(ctx, &b, g); err == nil && b.Found {
				a = &b
				break
			}
		}
		if err == nil {
			err = e.answerList(ctx, a)
		}
	case AskComparison:
		err = e.answerComparison(ctx, a)
	default:
		err = e.answerFigure(ctx, a, f)
	}
	return a, err
}

// reportYear is the year the newest of the given reports (all when none
// are given) was delivered in.
func (e *Engine) reportYear(reports []string) int {
	y := 0
	if len(reports) == 0 {
		for _, r := range e.manifest.Reports {
			y = max(y, deliveredYear(r))
		}
	}
	for _, id := range reports {
		y = max(y, deliveredYear(e.reports[id]))
	}
	return y
}

// deliveredYear is the year a report was delivered in, or 0 when its date
// is not known.
func deliveredYear(r indexer.ReportEntry) int {
	if len(r.Date) >= 4 {
		return atoiSafe(r.Date[:4])
	}
	return 0
}

func (e *Engine) answerFigure(ctx context.Context, a *Answer, f Frame) error {
	ranked, err := e.rankFigures(ctx, f)
	if err != nil {
		return err
	}
	if len(ranked) == 0 || ranked[0].score < minFigureScore {
		a.Note = "no figure in the reports fits the question well enough"
		return e.fallbackParagraphs(ctx, a, f)
	}
	best := ranked[0]
	a.Found = true
	a.Answer = best.fig.Text
	a.Figures = []*corpus.Figure{best.fig}
	a.Sentence = best.fig.Sentence
	a.Citation = e.answerCitation(ctx, best.fig.ParagraphID)
	close := func(r scoredFigure) bool { return r.score >= best.score-0.15 && r.score >= minFigureScore }
	// The alternatives are the next best figures, but first the best of
	// each other place that fits well: a question that names no place may
	// be about any.
	placeOf := func(fig *corpus.Figure) string {
		return e.regions.of[corpus.ReportOfID(fig.ParagraphID)]
	}
	places := []string{placeOf(best.fig)}
	chosen := map[int]bool{}
	for i, r := range ranked[1:] {
		fits := close(r) || f.Region == "" && r.score >= goodFigureScore
		if p := placeOf(r.fig); fits && p != "" && !slices.Contains(places, p) && len(chosen) < maxAlternatives {
			places = append(places, p)
			chosen[i] = true
		}
	}
	for i, r := range ranked[1:] {
		if close(r) && len(chosen) < maxAlternatives {
			chosen[i] = true
		}
	}
	for i, r := range ranked[1:] {
		if chosen[i] {
			a.Alternatives = append(a.Alternatives, r.fig)
		}
	}
	if f.Region == "" && len(places) > 1 && places[0] != "" {
		a.Places = places
		a.Note = fmt.Sprintf("figures of several places fit (%s); this one is %s's: name a place in the question to choose",
			strings.Join(places, ", "), places[0])
	}
	return nil
}

// goodFigureScore is how well another place's figure must fit a question
// that names no place to be listed beside the answer.
const goodFigureScore = 0.75

// maxAlternatives is how many other figures an answer lists.
const maxAlternatives = 5

func (e *Engine) answerComparison(ctx context.Context, a *Answer) error {
	f := a.Frame
	years := slices.Clone(f.Years)
	slices.Sort(years)
	var figs []*corpus.Figure
	for _, y := range years[:2] {
		g := f
		g.Years = []int{y}
		g.Kind = ""
		g.Type = AskFigure
		ranked, err := e.rankFigures(ctx, g)
		if err != nil {
			return err
		}
		if len(ranked) == 0 || ranked[0].score < minFigureScore {
			a.Note = fmt.Sprintf("no figure for %d fits the question well enough", y)
			return e.fallbackParagraphs(ctx, a, f)
		}
		figs = append(figs, ranked[0].fig)
	}
	a.Found = true
	a.Figures = figs
	a.Answer = fmt.Sprintf("%d年%s，%d年%s", figs[0].Year, figs[0].Text, figs[1].Year, figs[1].Text)
	a.Sentence = figs[1].Sentence
	a.Citation = e.answerCitation(ctx, figs[1].ParagraphID)
	if figs[0].BaseUnit == figs[1].BaseUnit {
		c := &Change{Difference: figs[1].Normalized - figs[0].Normalized, BaseUnit: figs[0].BaseUnit}
		if figs[0].Normalized != 0 {
			c.Ratio = figs[1].Normalized / figs[0].Normalized
		}
		a.Change = c
	}
	return nil
}

// answerWhere lists the paragraphs that mention what is asked about.
func (e *Engine) answerWhere(ctx context.Context, a *Answer) error {
	if a.Frame.Indicator == "" {
		a.Note = "the question does not say what to look for"
		return nil
	}
	res, err := e.Search(ctx, Request{Query: quoteIfNeeded(a.Frame.Indicator), scope: scopeOf(a.Frame), Size: 10, Snippets: 2})
	if err != nil {
		return err
	}
	a.Paragraphs = res.Hits
	a.Found = len(res.Hits) > 0 && res.Hits[0].Match == MatchLiteral
	if a.Found {
		a.Answer = fmt.Sprintf("%d处提到“%s”", res.Total, a.Frame.Indicator)
		h := res.Hits[0]
		a.Citation = &AnswerCitation{ID: h.ID, Text: h.Text, Cite: h.Citation, Link: h.Link}
	}
	return nil
}

// answerList lists the commitments of a domain (and year) from plan
// paragraphs: the sentences of target paragraphs tagged with the domain.
func (e *Engine) answerList(ctx context.Context, a *Answer) error {
	f := a.Frame
	var filters []Filter
	if f.Domain != "" {
		filters = append(filters, Filter{Field: "domain", Op: "=", Value: f.Domain})
	}
	for _, y := range f.Years[:min(1, len(f.Years))] {
		filters = append(filters, Filter{Field: "year", Op: "=", Value: fmt.Sprint(y)})
	}
	filters = append(filters, Filter{Field: "kind", Op: "=", Value: "target"})
	q := ""
	if f.Domain == "" && f.Indicator != "" {
		q = quoteIfNeeded(f.Indicator)
	}
	res, err := e.Search(ctx, Request{Query: q, Filters: filters, scope: scopeOf(f), Size: MaxPageSize, Snippets: 1})
	if err != nil {
		return err
	}
	tax := e.tax
	for _, h := range res.Hits {
		for _, s := range corpus.Sentences(h.Text) {
			text := h.Text[s.Start:s.End]
			if f.Domain != "" && !slices.Contains(tax.Match(text), f.Domain) {
				continue
			}
			a.Items = append(a.Items, ListItem{Text: text, Citation: h.Citation, ID: h.ID})
		}
	}
	a.Found = len(a.Items) > 0
	if a.Found {
		a.Answer = fmt.Sprintf("%d项", len(a.Items))
		h := res.Hits[0]
		a.Citation = &AnswerCitation{ID: h.ID, Text: h.Text, Cite: h.Citation, Link: h.Link}
	} else {
		a.Note = "no plan paragraph matches the question"
	}
	return nil
}

// fallbackParagraphs adds the best paragraphs for the question's words.
func (e *Engine) fallbackParagraphs(ctx context.Context, a *Answer, f Frame) error {
	if f.Indicator == "" {
		return nil
	}
	res, err := e.Search(ctx, Request{Query: quoteIfNeeded(f.Indicator), scope: scopeOf(f), Size: 5, Snippets: 2})
	if err != nil {
		return nil // the question's words need not parse as a query
	}
	a.Paragraphs = res.Hits
	return nil
}

// scopeOf is the reports a question is kept to: those of the place it
// names, or nil for all.
func scopeOf(f Frame) []string {
	if f.Region == "" {
		return nil
	}
	return f.reports
}

// quoteIfNeeded makes question text a safe query: a word with a colon or a
// quote would otherwise be read as query syntax.
func quoteIfNeeded(s string) string {
	s = strings.NewReplacer(`"`, "", "“", "", "”", "").Replace(s)
	if strings.ContainsAny(s, ":：-") || strings.HasPrefix(s, "OR") {
		return `"` + s + `"`
	}
	return s
}

func (e *Engine) answerCitation(ctx context.Context, paragraphID string) *AnswerCitation {
	c, err := e.Cite(ctx, paragraphID)
	if err != nil {
		return &AnswerCitation{ID: paragraphID}
	}
	return &AnswerCitation{ID: c.ID, Text: c.Text, Cite: c.Cite, Link: c.Permalink}
}

// scoredFigure is a candidate answer.
type scoredFigure struct {
	fig   *corpus.Figure
	score float64
}

// rankFigures finds the figures that may answer a frame and scores each:
// how well its indicator (or, less, its sentence) matches what is asked,
// then whether its year, kind, unit and measure agree with the question.
func (e *Engine) rankFigures(ctx context.Context, f Frame) ([]scoredFigure, error) {
	if f.Indicator == "" {
		return nil, nil
	}
	var any []query.Query
	for _, w := range e.words(f.Indicator) {
		any = append(any, termQuery(indexer.FieldIndicator, w), termQuery(indexer.FieldSentence, w))
		for _, syn := range e.syn.Expand(w) {
			any = append(any, literalQuery(indexer.FieldIndicator, syn))
		}
	}
	for _, syn := range e.syn.Expand(f.Indicator) {
		any = append(any, literalQuery(indexer.FieldIndicator, syn))
	}
	if len(any) == 0 {
		return nil, nil
	}
	must := []query.Query{query.NewDisjunctionQuery(any), termQuery(indexer.FieldDocType, indexer.TypeFigure)}
	var q query.Query = query.NewBooleanQuery(must, nil, nil)
	if f.Region != "" {
		q = scoped(q, f.reports)
	}
	sr := bleve.NewSearchRequestOptions(q, 200, 0, false)
	sr.Fields = []string{indexer.FieldData}
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: ask: %w", err)
	}
	want := fold(f.Indicator)
	wantSyns := e.synonymIndicators(f.Indicator)
	var out []scoredFigure
	for _, h := range res.Hits {
		var fig corpus.Figure
		if err := json.Unmarshal([]byte(str(h.Fields[indexer.FieldData])), &fig); err != nil {
			continue
		}
		indicator, before, sentence := fold(fig.Indicator), fold(clauseAround(&fig)), fold(fig.Sentence)
		s := indicatorMatch(want, indicator, before, sentence)
		for _, syn := range wantSyns {
			s = max(s, 0.9*indicatorMatch(fold(syn), indicator, before, sentence))
		}
		years := f.Years
		if f.relative && len(f.Years) == 1 && f.Region != "" {
			// 今年 of a place is the year of the figure's own report; of
			// several reports whose 今年 fits, the newest speaks for now.
			// Without a place, 今年 is the newest report's year.
			if delivered := e.deliveredIn(&fig); delivered != 0 {
				years = []int{delivered + f.offset}
				s -= 0.001 * float64(f.Years[0]-f.offset-delivered)
			}
		}
		s += agreement(f, years, &fig)
		out = append(out, scoredFigure{&fig, s})
	}
	slices.SortStableFunc(out, func(a, b scoredFigure) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	return out, nil
}

// synonymIndicators are the indicator asked about with a synonym for the
// whole of it, or for a word inside it: GDP增长 → 地区生产总值增长,
// 社零总额 → 社会消费品零售总额.
func (e *Engine) synonymIndicators(indicator string) []string {
	return append(e.syn.Expand(indicator), e.syn.Rewrite(indicator, nil)...)
}

// clauseAround is the text of a figure's sentence up to the figure, back to
// the figure before it: what the sentence says before the number is about
// the number, and what it said before the previous number is about that one.
// In 生产总值增长5%，城镇新增就业40万人 the 40万人 is not about 生产总值; in
// 加快推进35个省市重点项目，完成投资186.3亿元 the 186.3亿元 is about those 项目.
func clauseAround(f *corpus.Figure) string {
	before := f.Sentence
	if i := strings.Index(f.Sentence, f.Text); i >= 0 {
		before = f.Sentence[:i]
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
func indicatorMatch(want, indicator, before, sentence string) float64 {
	if want == "" {
		return 0
	}
	if want == indicator {
		return 1
	}
	grams := corpus.Bigrams(want)
	if len(grams) == 0 {
		if strings.Contains(indicator, want) {
			return 0.8
		}
		return 0
	}
	if len(grams) == 1 {
		// A two-character indicator (人口, 面积) is inside many longer ones
		// (每万人口发明专利拥有量): it names a figure only as the end of the
		// figure's indicator or of the words right before the number.
		before = strings.TrimRight(before, "为达是约共")
		if strings.HasSuffix(indicator, want) || strings.HasSuffix(before, want) {
			return 0.8
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
	score := max(0.75*covInd+0.25*precision, 0.85*covBefore)
	if precision == 1 && inInd >= 2 {
		inSentence := 0
		for _, g := range grams {
			if strings.Contains(sentence, g) {
				inSentence++
			}
		}
		score = max(score, 0.8*float64(inSentence)/float64(len(grams)))
	}
	return score
}

// deliveredIn is the year a figure's report was delivered in, or 0 when
// its date is not known.
func (e *Engine) deliveredIn(fig *corpus.Figure) int {
	return deliveredYear(e.reports[corpus.ReportOfID(fig.ParagraphID)])
}

// agreement adds to a figure's score when its year (one of years), kind,
// unit and measure agree with the question and takes away when they
// contradict it.
func agreement(f Frame, years []int, fig *corpus.Figure) float64 {
	s := 0.0
	if len(years) > 0 {
		switch {
		case slices.Contains(years, fig.Year):
			s += 0.15
		case fig.Year != 0:
			s -= 1 // another year's figure never answers this year's question
		case fig.Period != "" && periodHas(fig.Period, years):
			s -= 0.5 // a five-year total or average, not the year's
		case fig.Period != "":
			s -= 1 // another period's
		}
	}
	// 从380元提高至1000元: the value it started from is not what it is; a
	// question for what it came to (提高到多少) wants the value after 提高至.
	if i := strings.Index(fig.Sentence, fig.Text); i > 0 {
		switch before := fig.Sentence[:i]; {
		case startsFrom(before):
			s -= 0.2
		case f.toLevel && reCameTo.MatchString(before):
			s += 0.15
		}
	}
	if f.Counted != "" && strings.Contains(fig.Indicator, f.Counted) {
		s += 0.2 // 增加了多少学位: the figure counts 学位
	}
	switch f.Kind {
	case "result", "estimate":
		if fig.Kind == corpus.FigureTarget {
			s -= 0.3
		}
	case "target":
		if fig.Kind != corpus.FigureTarget {
			s -= 0.3
		}
		if strings.Contains(fig.Sentence, "目标") {
			s += 0.05 // the list of main targets is the place to cite a target from
		}
	}
	if f.Unit != "" {
		switch {
		case fig.Unit == f.Unit || strings.TrimPrefix(fig.Unit, "万") == f.Unit || fig.BaseUnit == corpus.BaseOfUnit(f.Unit):
			s += 0.2
		default:
			s -= 0.5
		}
	} else if f.Class != "" && fig.Class != f.Class {
		s -= 0.4
	}
	switch {
	case f.Measure == "growth" && strings.Contains(f.Indicator, "增长率") && strings.Contains(fig.Indicator, "增长率"):
		// 人口自然增长率: the figure is the rate asked for, however it moved.
	case f.Measure == "growth" && fig.Measure != corpus.MeasureGrowth,
		f.Measure == "decline" && fig.Measure != corpus.MeasureDecline,
		f.Measure == "rate" && fig.Measure != corpus.MeasureRate:
		s -= 0.3
	case f.Measure == "" && f.Unit != "" && fig.Class == corpus.ClassPercent:
		s -= 0.3
	case f.Measure == "" && (fig.Measure == corpus.MeasureGrowth || fig.Measure == corpus.MeasureDecline):
		s -= 0.2 // 地区生产总值是多少 asks for the amount, not its growth
	case f.Measure == "" && fig.Measure == corpus.MeasureRate && !namesRatio(f.Indicator):
		s -= 0.2 // nor for a ratio of it (研发经费支出相当于生产总值的比例)
	}
	return s
}

// namesRatio reports whether an indicator is itself a rate or a share:
// 优质覆盖率, 城镇化率, 研发投入强度.
func namesRatio(indicator string) bool {
	return strings.ContainsAny(indicator, "率%") || strings.Contains(indicator, "比例") || strings.Contains(indicator, "比重") ||
		strings.Contains(indicator, "占比") || strings.Contains(indicator, "强度")
}

// reCameTo ends the words before the level a change came to: 提高到, 降为.
var reCameTo = regexp.MustCompile(`(?:到|至|降为|升为)$`)

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
	return !strings.ContainsRune("于事业此来衷而", next) && !strings.HasSuffix(before[:from], "自")
}

// periodHas reports whether a five-year period ("2021-2025") has one of
// the years.
func periodHas(period string, years []int) bool {
	lo, hi, ok := corpus.PeriodYears(period)
	return ok && slices.ContainsFunc(years, func(y int) bool { return y >= lo && y <= hi })
}
