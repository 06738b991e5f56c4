package ask

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/query"
	"reportsearch/search"
	"reportsearch/t2s"
)

// Index is what answering needs of the search index; *search.Engine
// implements it.
type Index interface {
	// Search finds paragraphs, for the paragraphs shown with an answer and
	// for list and where questions.
	Search(ctx context.Context, req search.Request) (*search.Result, error)
	// FigureCandidates proposes the figures that may answer a question.
	FigureCandidates(ctx context.Context, q search.FigureQuery) ([]*corpus.Figure, error)
	// Lookup finds the paragraph an answer cites.
	Lookup(ctx context.Context, ids ...string) (map[string]*indexer.Paragraph, error)
	// CountLiteral counts the paragraphs that write a text.
	CountLiteral(ctx context.Context, s string) (int, error)
	// Catalog knows the reports and their places.
	Catalog() *catalog.Catalog
	// Taxonomy finds the domain of a list question.
	Taxonomy() *corpus.Taxonomy
	// Synonyms name what a question asks about in other words.
	Synonyms() *search.Synonyms
}

// Asker answers questions over an index. It is safe for concurrent use.
type Asker struct {
	idx Index
	w   Weights
	seg *indexer.Segmenter
}

// New returns an Asker over idx that judges figures with w (usually
// DefaultWeights).
func New(idx Index, w Weights) (*Asker, error) {
	seg, err := indexer.SharedSegmenter()
	if err != nil {
		return nil, err
	}
	return &Asker{idx: idx, w: w, seg: seg}, nil
}

// maxAlternatives is how many other figures an answer lists.
const maxAlternatives = 5

// Ask answers a question.
func (a *Asker) Ask(ctx context.Context, question string) (*Answer, error) {
	if strings.TrimSpace(question) == "" {
		return nil, query.ErrEmptyQuery
	}
	if n := len([]rune(question)); n > query.MaxQueryLength {
		return nil, &query.ParseError{Query: question, Offset: 0, Msg: fmt.Sprintf("question is %d characters long, the limit is %d", n, query.MaxQueryLength), Code: query.CodeTooLong}
	}
	c := a.idx.Catalog()
	// A question in traditional characters (生產總值) is read as its
	// simplified form: the question patterns and word lists are written
	// so, and the index folds the reports' text the same way.
	text := withTargetAsked(t2s.String(corpus.Normalize(question)))
	place := placeIn(c, text)
	if place.Name == "" {
		if p, ok := impliedNational(c, text); ok {
			place = p
		}
	}
	if place.Term {
		term, err := a.writtenAsTerm(ctx, place)
		if err != nil {
			return nil, err
		}
		if term {
			place = questionPlace{Rest: text}
		}
	}
	// 上海和广东…: one place at a time, and the other is not part of what
	// is asked.
	var other string
	if place.Full != "" {
		var name string
		if name, other = otherPlace(c, place.Rest, place.Full); name != "" {
			place.Rest = reJoinedPlace(name).ReplaceAllString(place.Rest, "")
		}
	}
	ans, err := a.ask(ctx, question, text, place)
	if err == nil {
		a.describe(ans)
		a.quote(ans)
	}
	if err == nil && other != "" {
		ans.AlsoNamed = other
		ans.addNote(fmt.Sprintf("the question names %s and %s: answered for %s only", place.Full, other, place.Full),
			"also-named", "place", place.Full, "other", other)
	}
	rest := strings.TrimPrefix(place.Rest, reQuestionLead.FindString(place.Rest))
	if err == nil && !ans.Found && place.Generic && utf8.RuneCountInString(rest) >= 2 {
		// 全国 may begin what is asked about (全国飞盘联赛) rather than name
		// the country. Asked again with it as part of the question, the
		// answer stands if its paragraph has that word as the question
		// writes it, not if it is another place's figure.
		word := place.Name + firstRunes(rest, 2)
		if b, err := a.ask(ctx, question, text, questionPlace{Rest: text}); err == nil && b.Found && b.Citation != nil &&
			strings.Contains(b.Citation.Text, word) {
			a.describe(b)
			return b, nil
		}
	}
	return ans, err
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
func (a *Asker) ask(ctx context.Context, question, text string, place questionPlace) (*Answer, error) {
	f := AnalyseQuestion(place.Rest, a.idx.Catalog().NewestYear(place.Reports), a.idx.Taxonomy())
	f.Question = text
	if place.Name != "" {
		f.Region = cmp.Or(place.Full, place.Name)
		f.reports = place.Reports
	}
	ans := &Answer{Question: question, Frame: f, Figures: []*corpus.Figure{}, Alternatives: []*corpus.Figure{}}
	if place.Name != "" && place.Full == "" {
		// No report speaks for the place: that is the answer, not another
		// place's figure.
		ans.setNote(fmt.Sprintf("no indexed report speaks for %s", f.Region), "unindexed", "place", f.Region)
		ans.Unindexed = f.Region
		return ans, nil
	}
	var err error
	parts := questionParts(place.Rest, f, a.idx.Catalog().NewestYear(place.Reports), a.idx.Taxonomy(), a.seg)
	if parts != nil || f.Type == AskComparison {
		// Several figures: of one place, the one named or the one that
		// answers them all best.
		answer := func(ans *Answer, region string, reports []string) error {
			if parts == nil {
				ans.Frame.Region, ans.Frame.reports = region, reports
				return a.answerComparison(ctx, ans)
			}
			ps := slices.Clone(parts)
			for i := range ps {
				ps[i].Region, ps[i].reports = region, reports
			}
			return a.answerParts(ctx, ans, ps)
		}
		if f.Region != "" {
			return ans, answer(ans, f.Region, f.reports)
		}
		first := f
		if parts != nil {
			first = parts[0].Frame
		}
		return a.answerInOnePlace(ctx, ans, first, answer)
	}
	switch f.Type {
	case AskWhere:
		err = a.answerWhere(ctx, ans)
	case AskList:
		if f.mayBeFigure {
			g := f
			g.Type, g.Domain = AskFigure, ""
			b := *ans
			b.Frame = g
			if err = a.answerFigure(ctx, &b, g); err == nil && b.Found {
				ans = &b
				break
			}
		}
		if err == nil {
			err = a.answerList(ctx, ans)
		}
	case AskComparison:
		err = a.answerComparison(ctx, ans)
	default:
		err = a.answerFigure(ctx, ans, f)
	}
	return ans, err
}

func (a *Asker) answerFigure(ctx context.Context, ans *Answer, f Frame) error {
	ranked, err := a.rankFigures(ctx, f)
	if err != nil {
		return err
	}
	if len(ranked) == 0 || ranked[0].score < a.w.MinScore {
		ans.setNote("no figure in the reports fits the question well enough", "no-fit")
		return a.fallbackParagraphs(ctx, ans, f)
	}
	if f.Region == "" {
		ranked = widestFirst(ranked, a.w.Close, scoredFigure.scoreOf, scoredFigure.depthOf)
	}
	best := ranked[0]
	ans.Found = true
	ans.Answer = figureText(best.fig) + countedNoun(best.fig, f.Question)
	ans.Figures = []*corpus.Figure{best.fig}
	ans.Sentence = best.fig.Sentence
	ans.Citation = a.citation(ctx, best.fig.ParagraphID)
	close := func(r scoredFigure) bool { return r.score >= best.score-a.w.Close && r.score >= a.w.MinScore }
	// The alternatives are the next best figures, but first the best of
	// each other place that fits well: a question that names no place may
	// be about any.
	placeOf := func(fig *corpus.Figure) string { return a.idx.Catalog().PlaceOf(corpus.ReportOfID(fig.ParagraphID)) }
	places := []string{placeOf(best.fig)}
	byPlace := []scoredFigure{best} // the best figure of each of places
	chosen := map[int]bool{}
	for i, r := range ranked[1:] {
		fits := close(r) || f.Region == "" && r.score >= a.w.GoodScore
		if p := placeOf(r.fig); fits && p != "" && !slices.Contains(places, p) && len(places) < maxPlaces {
			places = append(places, p)
			byPlace = append(byPlace, r)
			if len(chosen) < maxAlternatives {
				chosen[i] = true
			}
		}
	}
	for i, r := range ranked[1:] {
		if close(r) && len(chosen) < maxAlternatives {
			chosen[i] = true
		}
	}
	for i, r := range ranked[1:] {
		if chosen[i] {
			ans.Alternatives = append(ans.Alternatives, r.fig)
		}
	}
	if f.Region == "" && len(places) > 1 && places[0] != "" {
		ans.Places = places
		ids := make([]string, len(byPlace))
		for i, r := range byPlace {
			ids[i] = r.fig.ParagraphID
		}
		for i, cite := range a.citations(ctx, ids...) {
			r := byPlace[i]
			ans.ByPlace = append(ans.ByPlace, PlaceAnswer{Place: places[i], Answer: figureText(r.fig) + countedNoun(r.fig, f.Question), Figure: r.fig, Citation: cite})
		}
		ans.setNote(fmt.Sprintf("figures of %d places fit (%s); this one is %s's, and each place's is listed: name a place in the question to choose",
			len(places), strings.Join(places, ", "), places[0]),
			"places", "n", strconv.Itoa(len(places)), "places", strings.Join(places, "、"), "first", places[0])
	}
	return nil
}

// maxPlaces is how many places an answer to a question that names none
// lists with their own figures: every province, and then some.
const maxPlaces = 40

// answerComparison answers a question about one indicator in two years
// (2017年和2022年各是多少). The later year is answered first; the earlier
// then prefers the later figure's sentence, where a report often gives both
// (由7703元增加到13786元), and may be the value a change started from.
func (a *Asker) answerComparison(ctx context.Context, ans *Answer) error {
	f := ans.Frame
	years := slices.Clone(f.Years)
	slices.Sort(years)
	years = years[:2]
	figs := make([]*corpus.Figure, 2)
	for i := 1; i >= 0; i-- {
		g := f
		g.Years = []int{years[i]}
		g.Kind = ""
		g.Type = AskFigure
		g.startAllowed = i == 0
		ranked, err := a.rankFigures(ctx, g)
		if err != nil {
			return err
		}
		var taken []*corpus.Figure
		if i == 0 {
			taken = figs[1:]
			if start := changeStart(figs[1], ranked); start != nil {
				figs[0] = start.fig
				ans.fit += start.score
				break
			}
		}
		best, score := a.bestPart(ranked, taken)
		if best == nil || score < a.w.MinScore {
			ans.setNote(fmt.Sprintf("no figure for %d fits the question well enough", years[i]), "no-fit-year", "year", strconv.Itoa(years[i]))
			return a.fallbackParagraphs(ctx, ans, f)
		}
		figs[i] = best
		ans.fit += score
	}
	ans.Found = true
	ans.Figures = figs
	// A figure's own year may not be known; the year it answered is.
	ans.Answer = fmt.Sprintf("%d年%s，%d年%s", years[0], figureText(figs[0]), years[1], figureText(figs[1]))
	ans.Sentence = figs[1].Sentence
	ans.Citation = a.citation(ctx, figs[1].ParagraphID)
	if figs[0].BaseUnit == figs[1].BaseUnit {
		ans.Change = change(figs[0], figs[1])
	}
	return nil
}

// change is how a figure compares with an earlier one of the same base unit.
func change(from, to *corpus.Figure) *Change {
	// Rounded to the precision of the two figures: 5.4%−5.5% is −0.1,
	// not −0.09999999999999964.
	return &Change{Difference: corpus.Difference(to, from), BaseUnit: from.BaseUnit, Ratio: corpus.Ratio(to, from)}
}

// fallbackParagraphs adds the best paragraphs for the question's words.
// fallbackWindow is how many of the best-scoring paragraphs the paragraphs
// shown without an answer are chosen from: ranking every paragraph that has
// a common word (经济) would cost more than the answer.
const fallbackWindow = 30

func (a *Asker) fallbackParagraphs(ctx context.Context, ans *Answer, f Frame) error {
	if f.Indicator == "" {
		return nil
	}
	res, err := a.idx.Search(ctx, search.Request{Query: wordsOf(f.Indicator), Scope: scopeOf(f), Size: 5, Snippets: 2, Window: fallbackWindow})
	if err != nil {
		return nil // the question's words need not make a query: an empty one finds nothing
	}
	ans.Paragraphs = res.Hits
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

// wordsOf is the query for what a question asks about: its words, as they
// are, without query syntax. Quotation marks around a name (创建“无废细胞”)
// are dropped, as a user's quotes would make a phrase of it.
func wordsOf(s string) *query.Query {
	return query.Words(strings.NewReplacer(`"`, "", "“", "", "”", "").Replace(s))
}

// citation is the citation of the paragraph an answer comes from.
func (a *Asker) citation(ctx context.Context, paragraphID string) *Citation {
	return a.citations(ctx, paragraphID)[0]
}

// citations are the citations of paragraphs, in their order, read in one
// lookup.
func (a *Asker) citations(ctx context.Context, paragraphIDs ...string) []*Citation {
	found, err := a.idx.Lookup(ctx, paragraphIDs...)
	c := a.idx.Catalog()
	out := make([]*Citation, len(paragraphIDs))
	for i, id := range paragraphIDs {
		p := found[id]
		if err != nil || p == nil {
			out[i] = &Citation{ID: id}
			continue
		}
		out[i] = &Citation{ID: p.ID, ReportLabel: c.Label(p.Report), Text: p.Text, Cite: c.Meta(p.Report).Cite(p.Locator), Link: corpus.Permalink(p.ID), Locator: p.Locator}
	}
	return out
}

// describe says what each figure of an answer is.
func (a *Asker) describe(ans *Answer) {
	c := a.idx.Catalog()
	ans.About = ans.About[:0]
	for _, f := range ans.Figures {
		id := corpus.ReportOfID(f.ParagraphID)
		m := c.Meta(id)
		ans.About = append(ans.About, About{
			Year: f.Year, Period: f.Period, Kind: f.Kind,
			Place: c.PlaceOf(id), Report: m.Title, ReportLabel: c.Label(id), Delivered: c.DeliveredYear(id),
		})
	}
}

// maxPlacesTried is how many places answerInOnePlace tries.
const maxPlacesTried = 4

// answerInOnePlace answers a question that asks for several figures and
// names no place: the figures are of one place, so it is answered within
// each place whose figures fit its first part (the best few) and the
// answer that fits best overall is kept, with the places that answered
// named. first is the frame of the first part.
func (a *Asker) answerInOnePlace(ctx context.Context, ans *Answer, first Frame, answer func(*Answer, string, []string) error) (*Answer, error) {
	g := first
	g.Type, g.Kind = AskFigure, ""
	if len(g.Years) > 1 {
		g.Years = []int{slices.Max(g.Years)}
	}
	ranked, err := a.rankFigures(ctx, g)
	if err != nil {
		return nil, err
	}
	c := a.idx.Catalog()
	var places []string
	for _, r := range ranked {
		p := c.PlaceOf(corpus.ReportOfID(r.fig.ParagraphID))
		if r.score >= a.w.MinScore && p != "" && !slices.Contains(places, p) && len(places) < maxPlacesTried {
			places = append(places, p)
		}
	}
	var best *Answer
	var bestPlace string
	var answered []string
	for _, p := range places {
		b := *ans
		if err := answer(&b, p, c.ReportsOf(p)); err != nil {
			return nil, err
		}
		if !b.Found {
			continue
		}
		answered = append(answered, p)
		if best == nil || b.fit > best.fit {
			best, bestPlace = &b, p
		}
	}
	if best == nil {
		return ans, answer(ans, "", nil)
	}
	best.Frame = ans.Frame
	if len(answered) > 1 {
		if i := slices.Index(answered, bestPlace); i > 0 {
			answered[0], answered[i] = answered[i], answered[0]
		}
		best.Places = answered
		best.setNote(fmt.Sprintf("figures of several places fit (%s); these are %s's: name a place in the question to choose",
			strings.Join(answered, ", "), answered[0]),
			"places-several", "places", strings.Join(answered, "、"), "first", answered[0])
	}
	return best, nil
}

// changeStart is the value a change started from in the sentence that gives
// the level it came to (由7703元增加到13786元): the earlier year's figure of
// a comparison whose later year is that level. Nil when the later figure is
// not such a level.
func changeStart(later *corpus.Figure, ranked []scoredFigure) *scoredFigure {
	i := strings.Index(later.Sentence, later.Text)
	if i <= 0 || !reCameTo.MatchString(later.Sentence[:i]) {
		return nil
	}
	for _, r := range ranked {
		f := r.fig
		if f.ParagraphID != later.ParagraphID || f.Sentence != later.Sentence || f.Start >= later.Start || f.BaseUnit != later.BaseUnit {
			continue
		}
		if j := strings.Index(f.Sentence, f.Text); j > 0 && startsFrom(f.Sentence[:j]) {
			return &r
		}
	}
	return nil
}

// firstMention is the paragraph a where-answer cites: of the best hit's
// report, the paragraph that writes the phrase first in reading order —
// where the report brings it up, which a later mention refers back to.
func firstMention(hits []search.Hit) search.Hit {
	first := hits[0]
	for _, h := range hits[1:] {
		if h.Report == first.Report && h.Match == first.Match && h.Order < first.Order {
			first = h
		}
	}
	return first
}

// widestFirst moves to the front, of the ranked items within close of the
// best by score, the first of the widest place by depth (the country before
// a province before a county): a question that names no place
// (2004年城镇新增就业目标) is read as the country's, or the province's, when
// that fits about as well as a smaller place's figure or list. The others
// stay in their order.
func widestFirst[T any](ranked []T, close float64, score func(T) float64, depth func(T) int) []T {
	if len(ranked) < 2 {
		return ranked
	}
	j := 0
	for i, r := range ranked[1:] {
		if score(r) < score(ranked[0])-close {
			break
		}
		if depth(r) < depth(ranked[j]) {
			j = i + 1
		}
	}
	if j == 0 {
		return ranked
	}
	out := append([]T{ranked[j]}, ranked[:j]...)
	return append(out, ranked[j+1:]...)
}

// scoreOf and depthOf are what widestFirst ranks figures by.
func (r scoredFigure) scoreOf() float64 { return r.score }
func (r scoredFigure) depthOf() int     { return r.depth }
