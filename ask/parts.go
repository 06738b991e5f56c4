package ask

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/lexicon"
)

// A question may ask for several figures at once. Each way of asking is a
// named step that turns the question into one frame per figure (a part);
// the parts are answered together (see answerParts), each by the figure
// that fits it best, preferring figures the other parts' sentences state.
//
//   - clauses: 旅游收入多少，比上年增长多少 — each clause that asks for a
//     number is a part; a clause that names no indicator of its own (增长
//     多少) asks about the one before it, and one that names no year about
//     its year;
//   - from and to: 钢产量从多少增加到多少 — the value a change started from
//     and the one it came to;
//   - each of several: 城镇和农村居民人均可支配收入各是多少 — one part per
//     indicator joined by a conjunction, the shorter ones completed by the
//     words they share (城镇 → 城镇居民人均可支配收入);
//   - each of one: 城乡居民人均可支配收入分别是多少 — the figures one
//     sentence lists for the indicator (分别达到44999元和24102元).

var (
	reFromTo         = regexp.MustCompile(lexicon.Pattern("question-from-to"))
	reEach           = regexp.MustCompile(lexicon.Pattern("question-each"))
	partSeparators   = lexicon.Chars("question-part-separators-chars")
	conjunctions     = lexicon.Words("question-conjunctions")
	reNumberQuestion = regexp.MustCompile(lexicon.Pattern("question-number-word"))
)

// part is one figure a question asks for among several.
type part struct {
	Frame
	// label names the part in the answer: 旅游综合收入, 增长.
	label string
	// sameSentence marks the later figures of one sentence's list (each of
	// one): they must stand in the first part's sentence, after it.
	sameSentence bool
	// glue joins the part's figure to the one before in the answer.
	glue string
	// again marks a part about the indicator of the part before (增长多少,
	// 2023年计划多少): with a year of its own, the two compare.
	again bool
}

// questionParts splits a question (its text without the place) into the
// figures it asks for, or returns nil when it asks for one. whole is the
// frame of the whole question; seg splits text into words.
func questionParts(rest string, whole Frame, reportYear int, tax *corpus.Taxonomy, seg *indexer.Segmenter) []part {
	if whole.Type != AskFigure && whole.Type != AskComparison {
		return nil
	}
	if ps := fromToParts(rest, whole, reportYear, tax); ps != nil {
		return ps
	}
	if ps := clauseParts(rest, reportYear, tax); len(ps) > 1 {
		return ps
	}
	if ps := levelAndMeasureParts(whole); ps != nil {
		return ps
	}
	if whole.Type == AskComparison {
		return nil // two years of one indicator: answerComparison
	}
	names := splitIndicators(whole.Indicator, seg)
	if !reEach.MatchString(rest) {
		// 粮食播种面积和产量目标: without 各 or 分别, a conjunction
		// asks for two figures when what follows it is a measure of the
		// thing before it (see attributeParts). Not when it joins two
		// indicators: 市级及以上企业研发平台, 淘汰黄标车及老旧车辆 are one.
		names = attributeParts(names)
		if len(names) < 2 {
			return nil
		}
	}
	if len(names) > 1 {
		ps := make([]part, len(names))
		for i, n := range names {
			g := whole
			g.Indicator = n
			ps[i] = part{Frame: g, label: n, glue: "，"}
		}
		return ps
	}
	// One indicator, several values: the first and what its sentence lists
	// after it.
	return []part{{Frame: whole, label: whole.Indicator}, {Frame: whole, sameSentence: true}}
}

// clauseParts is a part per clause that asks for a number.
func clauseParts(rest string, reportYear int, tax *corpus.Taxonomy) []part {
	clauses := strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune(partSeparators, r) })
	var asking []string
	lead := ""
	for _, c := range clauses {
		if !reNumberQuestion.MatchString(c) {
			lead += c // 1981年报告中，…: what it says belongs to the next clause
			continue
		}
		asking = append(asking, lead+c)
		lead = ""
	}
	if len(asking) < 2 {
		return nil
	}
	var out []part
	for i, c := range asking {
		g := AnalyseQuestion(c, reportYear, tax)
		if g.Type != AskFigure && g.Type != AskComparison {
			return nil
		}
		g.Type = AskFigure
		p := part{Frame: g, label: g.Indicator, glue: "，"}
		if i > 0 {
			prev := out[i-1].Frame
			if len(g.Years) == 0 {
				g.Years, g.relative, g.offset = prev.Years, prev.relative, prev.offset
			}
			if strings.HasPrefix(g.Indicator, "占") && prev.Indicator != "" {
				// 研发经费支出多少？占地区生产总值比重多少: a share of the
				// thing the clause before asks about.
				p.label, g.Indicator = g.Indicator, prev.Indicator+g.Indicator
				if g.Kind == "" {
					g.Kind = prev.Kind
				}
			} else if asksAboutBefore(g.Indicator, prev.Indicator) {
				p.label, p.again = cmp.Or(changeLabel(g), g.Indicator), true
				if g.Kind == KindTarget && g.Kind != prev.Kind {
					p.label = "目标" + strings.TrimPrefix(p.label, "目标") // 增长6.5%，目标6%以上
				}
				if g.Base != 0 {
					p.label = fmt.Sprintf("比%d年%s", g.Base, p.label) // 比2006年增长3230元
				}
				g.Indicator = prev.Indicator
				if g.Kind == "" {
					g.Kind = prev.Kind
				}
				if g.Kind == KindTarget && prev.Kind != KindTarget && g.Measure == "" && g.Unit == "" && g.Class == "" {
					// 增长多少，年度目标是多少: the target of that growth.
					g.Measure = prev.Measure
				}
				if g.Measure == prev.Measure && g.Unit == "" && g.Class == "" {
					g.Unit, g.Class = prev.Unit, prev.Class
				}
			}
			p.Frame = g
		}
		out = append(out, p)
	}
	// Parts of different years say their year: 2022年…，2023年….
	for i := range out {
		if !slices.Equal(out[i].Years, out[0].Years) {
			for j := range out {
				if len(out[j].Years) == 1 {
					out[j].label = fmt.Sprintf("%d年", out[j].Years[0]) + out[j].label
				}
			}
			break
		}
	}
	return out
}

// asksAboutBefore reports whether a later clause's indicator is the
// earlier one's: none of its own (增长多少), or a word of it (接待多少
// after 接待游客多少人次).
func asksAboutBefore(indicator, before string) bool {
	return utf8.RuneCountInString(indicator) < 2 || strings.Contains(before, indicator)
}

// measureLabel names a part that asks how its indicator changed.
func measureLabel(m corpus.Measure) string {
	switch m {
	case corpus.MeasureGrowth:
		return "增长"
	case corpus.MeasureDecline:
		return "下降"
	}
	return ""
}

// changeLabel names a part that asks how its indicator changed, by an
// amount in its own unit (增加, 减少: 比上年增加多少) or else by a rate.
func changeLabel(f Frame) string {
	if f.Class == "" {
		switch f.Measure {
		case corpus.MeasureGrowth:
			return "增加"
		case corpus.MeasureDecline:
			return "减少"
		}
	}
	return measureLabel(f.Measure)
}

// fromToParts is the value a change started from and the one it came to.
func fromToParts(rest string, whole Frame, reportYear int, tax *corpus.Taxonomy) []part {
	loc := reFromTo.FindStringIndex(rest)
	if loc == nil {
		return nil
	}
	g := AnalyseQuestion(rest[:loc[0]]+"多少"+rest[loc[1]:], reportYear, tax)
	g.Type, g.Years, g.Measure, g.Class = AskFigure, whole.Years, "", ""
	from, to := g, g
	if len(g.Years) == 1 {
		// 1958年钢产量从多少增长到多少: from the year before's level
		// (由一九五七年的五百三十五万吨) or one stated for the year itself.
		from.Years = []int{g.Years[0] - 1, g.Years[0]}
	}
	from.fromValue = true
	to.toLevel = true
	return []part{{Frame: from, label: "从"}, {Frame: to, label: "到", glue: ""}}
}

// splitIndicators splits indicators joined by conjunctions, completing each
// shorter one by the words it shares with the last: 城镇和农村居民人均可支
// 配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入. It splits only at a
// conjunction that seg makes a word of its own (not the 及 of 普及率), and
// completes a shorter name with what follows its own last word in the last
// name (城镇居民 → 城镇居民人均可支配收入), or else by putting it in place of
// the word that begins the last name (see leadingWord). It returns one name
// when there is nothing to split.
func splitIndicators(s string, seg *indexer.Segmenter) []string {
	var names []string
	var lastWords []string // the last word of each name
	name, lastWord := "", ""
	for _, w := range seg.Cut(s) {
		if slices.Contains(conjunctions, w) {
			if name != "" {
				names, lastWords = append(names, name), append(lastWords, lastWord)
			}
			name = ""
			continue
		}
		name, lastWord = name+w, w
	}
	if name != "" {
		names, lastWords = append(names, name), append(lastWords, lastWord)
	}
	if len(names) < 2 {
		return []string{s}
	}
	last := names[len(names)-1]
	for i, n := range names[:len(names)-1] {
		if sharesEnd([]rune(n), []rune(last)) || utf8.RuneCountInString(n) >= utf8.RuneCountInString(last) {
			continue // 全部财政收入和一般预算收入, 普及率和巩固率: complete
		}
		// 城镇居民和农村居民…: the last name has the shorter one's last
		// word, and what follows it completes the shorter.
		// 城镇和农村居民…: a name of one word stands for the word that
		// begins the last. A name of several words that the last does not
		// continue (旅游人数和旅游业总收入) is complete.
		if j := strings.Index(last, lastWords[i]); j > 0 {
			names[i] = n + last[j+len(lastWords[i]):]
		} else if lastWords[i] == n {
			if lead := leadingWord(last, utf8.RuneCountInString(n), seg); lead != "" {
				names[i] = n + last[len(lead):]
			}
		}
	}
	return names
}

// levelAndMeasureParts splits a question for a thing and a measure of it,
// joined by a conjunction, into a part for its level and one for the
// measure: 地区生产总值总量和增速, 社会消费品零售总额及其增速, 研发经费支出和
// 占地区生产总值比重. It returns nil when what follows the last conjunction is
// not a measure word (增速, 增幅, 比重 …) or a share of a whole (占…比重).
func levelAndMeasureParts(whole Frame) []part {
	for _, c := range conjunctions {
		i := strings.LastIndex(whole.Indicator, c)
		if i <= 0 {
			continue
		}
		thing, tail := whole.Indicator[:i], strings.TrimPrefix(whole.Indicator[i+len(c):], "其")
		measure, indicator := corpus.Measure(""), thing
		switch m, ok := measureNouns[tail]; {
		case ok:
			measure = m
		case tail == "" && whole.Measure != "":
			// The question's reading took the measure word off already:
			// 地区生产总值总量和 (增速).
			measure = whole.Measure
		case strings.HasPrefix(tail, "占") && (whole.Measure == corpus.MeasureRate || hasAnySuffix(tail, ratioWords)):
			measure, indicator = corpus.MeasureRate, thing+tail
		default:
			return nil
		}
		for _, w := range levelWords {
			if t, cut := strings.CutSuffix(thing, w); cut && t != "" {
				indicator = t + strings.TrimPrefix(indicator, thing)
				thing = t
				break
			}
		}
		level, change := whole, whole
		level.Indicator, level.Measure, level.Class, level.Unit = thing, "", "", ""
		change.Indicator, change.Measure, change.Class, change.Unit = indicator, measure, corpus.ClassPercent, ""
		label := measureLabel(measure)
		if share := strings.TrimPrefix(indicator, thing); share != "" {
			label = share // 占地区生产总值比重
		}
		return []part{{Frame: level, label: thing}, {Frame: change, label: label, glue: "，"}}
	}
	return nil
}

var (
	// measureNouns are the measure words of question-measures that are
	// nouns (增速, 比重), which a conjunction can join to a thing.
	measureNouns = func() map[string]corpus.Measure {
		out := map[string]corpus.Measure{}
		for _, t := range lexicon.Tagged("question-measures", "measure", corpus.MeasureGrowth, corpus.MeasureDecline, corpus.MeasureRate) {
			if !strings.Contains(t.Word, "多少") {
				out[t.Word] = t.Tag
			}
		}
		return out
	}()
	levelWords = lexicon.Words("level-words")
)

func hasAnySuffix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// attributeParts completes the names after the first that are only a
// measure of a thing (产量, 面积) with the thing the first measures:
// 粮食播种面积, 产量 → 粮食播种面积, 粮食产量. It returns nil unless every
// later name is such a measure: 工业和农业总产值 is one indicator.
func attributeParts(names []string) []string {
	if len(names) < 2 {
		return nil
	}
	head := corpus.HeadOf(names[0])
	if head == names[0] {
		return nil
	}
	out := []string{names[0]}
	for _, n := range names[1:] {
		if !corpus.IsAttributeWord(n) {
			return nil
		}
		out = append(out, head+n)
	}
	return out
}

// leadingWord is the word that begins name in the place of a shorter name
// of n characters: of the dictionary words name begins with (农村,
// 农村居民 of 农村居民人均可支配收入), the one of n characters, else the
// longest shorter than name; "" when name begins with none.
func leadingWord(name string, n int, seg *indexer.Segmenter) string {
	best := ""
	for _, w := range seg.Words(name) {
		if w.Start != 0 || w.End >= len(name) {
			continue
		}
		if utf8.RuneCountInString(w.Text) == n {
			return name[:w.End]
		}
		if w.End > len(best) {
			best = name[:w.End]
		}
	}
	return best
}

// sharesEnd reports whether two indicators end alike (收入 and 收入): the
// earlier one is complete.
func sharesEnd(a, b []rune) bool {
	return len(a) >= 2 && len(b) >= 2 && slices.Equal(a[len(a)-2:], b[len(b)-2:])
}

// maxListed is how many figures one sentence's list may give a part that
// asks for each of them.
const maxListed = 4

// answerParts answers a question that asks for several figures: each part
// by the figure that fits it best, preferring the paragraph and sentence of
// the first part's figure and never a figure another part took. The answer
// is found only when every part is; the citation is the first part's
// paragraph.
func (a *Asker) answerParts(ctx context.Context, ans *Answer, parts []part) error {
	var figs []*corpus.Figure
	said := ""
	for i, p := range parts {
		if i > 0 && p.Kind == "" && figs[0].Kind == corpus.FigureTarget {
			// The parts of one question are of one kind: after a target,
			// the plan's other figures.
			p.Kind = KindTarget
		}
		ranked, err := a.rankFigures(ctx, p.Frame)
		if err != nil {
			return err
		}
		ans.Parts = append(ans.Parts, p.Frame)
		if p.sameSentence {
			// The figures the first's sentence lists with it, in its
			// order, joined as it joins them (分别达到22480元和8298元).
			listed := listedWith(figs[0], ranked, a.w.MinScore)
			if len(listed) > 1 {
				figs = listed
				said = parts[0].label + sentenceSpan(listed)
			} else {
				ans.Note = "the question asks for each of several figures; the sentence gives one"
			}
			continue
		}
		best, score := a.bestPart(ranked, figs)
		if best == nil || score < a.w.MinScore {
			ans.Note = fmt.Sprintf("no figure fits %q well enough", cmp.Or(p.label, p.Indicator))
			return a.fallbackParagraphs(ctx, ans, ans.Frame)
		}
		figs = append(figs, best)
		ans.fit += score
		if i > 0 {
			said += p.glue
		}
		said += p.label + figureText(best)
	}
	ans.Found = true
	ans.Figures = figs
	ans.Answer = said
	var sentences []string
	for _, f := range figs {
		if !slices.Contains(sentences, f.Sentence) {
			sentences = append(sentences, f.Sentence)
		}
	}
	ans.Sentence = strings.Join(sentences, "")
	ans.Citation = a.citation(ctx, figs[0].ParagraphID)
	if len(figs) == 2 && parts[1].again && !slices.Equal(parts[0].Years, parts[1].Years) &&
		figs[0].BaseUnit == figs[1].BaseUnit && figs[0].Measure == figs[1].Measure {
		ans.Change = change(figs[0], figs[1])
	}
	return nil
}

// bestPart is the best-fitting figure for a part not taken by an earlier
// one, with its score before the bonus for standing beside the first.
func (a *Asker) bestPart(ranked []scoredFigure, taken []*corpus.Figure) (*corpus.Figure, float64) {
	var best *corpus.Figure
	bestScore, bestRaw := 0.0, 0.0
	for _, r := range ranked {
		if slices.ContainsFunc(taken, func(f *corpus.Figure) bool { return f.ID == r.fig.ID }) {
			continue
		}
		s := r.score
		if len(taken) > 0 && r.fig.ParagraphID == taken[0].ParagraphID {
			s += a.w.SameParagraph
			if r.fig.Sentence == taken[0].Sentence {
				s += a.w.SameSentence
			}
		}
		if best == nil || s > bestScore {
			best, bestScore, bestRaw = r.fig, s, r.score
		}
	}
	return best, bestRaw
}

// listedWith is the figures first's sentence lists with it of the same
// class and measure that fit the question (分别达到22480元和8298元), first
// among them, in the sentence's order.
func listedWith(first *corpus.Figure, ranked []scoredFigure, minScore float64) []*corpus.Figure {
	out := []*corpus.Figure{first}
	for _, r := range ranked {
		f := r.fig
		if f.ID != first.ID && r.score >= minScore && f.ParagraphID == first.ParagraphID && f.Sentence == first.Sentence &&
			f.Class == first.Class && f.Measure == first.Measure && len(out) < maxListed {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b *corpus.Figure) int { return a.Start - b.Start })
	return out
}

// maxJoiner is the longest text in characters between two figures of a
// sentence's list that an answer keeps as written (和, 、, 和分别).
const maxJoiner = 3

// sentenceSpan writes figures of one sentence as the sentence does: each
// figure's text, and between two the words that join them when they are
// short (22480元和8298元), else 、.
func sentenceSpan(figs []*corpus.Figure) string {
	var b strings.Builder
	for i, f := range figs {
		if i > 0 {
			prev := figs[i-1]
			between := ""
			if f.Start >= prev.End && f.Start-prev.End <= 4*maxJoiner { // byte offsets in the paragraph
				if j := strings.Index(f.Sentence, prev.Text); j >= 0 {
					rest := f.Sentence[j+len(prev.Text):]
					if k := strings.Index(rest, f.Text); k >= 0 {
						between = rest[:k]
					}
				}
			}
			if between == "" || utf8.RuneCountInString(between) > maxJoiner {
				between = "、"
			}
			b.WriteString(between)
		}
		b.WriteString(figureText(f))
	}
	return b.String()
}
