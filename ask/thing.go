package ask

import (
	"strings"
	"unicode/utf8"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/lexicon"
)

// A figure whose indicator shares most words with the question's may still
// be of another thing: 一般公共预算收入 for 一般公共预算支出, 居民人均可支配收入
// for 城镇居民人均可支配收入, 高新技术企业超7.5万家 (a total) for 新增高新技术企业.
// Such a figure answers wrongly in the worst way, confidently, so each of
// these differences is a named check with a weight of its own, applied
// whatever the shared words score.

// otherThing is what the differences between the question's indicator and
// a figure take from the figure's score: the opposite word (收入 for 支出),
// a missing part of the whole (城镇), an amount for an addition (新增).
func (w Weights) otherThing(want string, fig *corpus.Figure) float64 {
	s := 0.0
	if opposed(want, fig.Indicator) || conflictingModifiers(want, fig) {
		s += w.Opposite
	}
	// A part or an addition is said once for a list: 全国农村…组成了二万六千多个
	// 人民公社; 新增科技型中小企业50家、高新技术企业7家.
	said := fig.Indicator + sentenceBefore(fig)
	if missingScope(want, said) {
		s += w.MissingScope
	}
	if asksAddition(want) && !hasAnyWord(said, additionWords) {
		s += w.NotAnAddition
	}
	return s
}

// sentenceBefore is the figure's sentence up to the figure (all of it when
// the figure's text is not found in it).
func sentenceBefore(fig *corpus.Figure) string {
	if i := strings.Index(fig.Sentence, fig.Text); i >= 0 {
		return fig.Sentence[:i]
	}
	return fig.Sentence
}

// opposed reports whether the question names one word of an opposed pair
// and the figure's indicator the other and not the first, or the question
// a sum (进出口) and the figure one of its parts.
func opposed(want, indicator string) bool {
	// 进出口总额 is a sum: 出口总额 is one part of it.
	for _, c := range sumCompounds {
		if strings.Contains(want, c[0]) && !strings.Contains(indicator, c[0]) && (strings.Contains(indicator, c[1]) || strings.Contains(indicator, c[2])) {
			return true
		}
	}
	for _, p := range opposedWords {
		a, b := p[0], p[1]
		if strings.Contains(want, a) && !strings.Contains(want, b) && strings.Contains(indicator, b) && !strings.Contains(indicator, a) ||
			strings.Contains(want, b) && !strings.Contains(want, a) && strings.Contains(indicator, a) && !strings.Contains(indicator, b) {
			return true
		}
	}
	return false
}

// conflictingModifiers reports whether two indicators that end alike are
// told apart by what comes before, each its own: 全国棉花总产量 and
// 全国粮食总产量, 货物进出口总额 and 跨境电商进出口总额. The question's
// words before the shared end must stand nowhere in the figure's sentence,
// and the figure's must have no character in common with them (粮食总产量
// and 粮食产量, 规上 and 规模以上 share theirs), once words that narrow
// nothing (全国, 地方) are taken off; both must be short (see maxModifier).
func conflictingModifiers(want string, fig *corpus.Figure) bool {
	// The words that narrow nothing come off first: 地区生产总值 and 全区
	// 生产总值 share 区生产总值, but their modifiers are not 地 and 全.
	w, f := []rune(neutralLeadOff(want)), []rune(neutralLeadOff(indexer.FoldSameLength(fig.Indicator))) // want is lower-cased: pm2.5
	n := 0
	for n < len(w) && n < len(f) && w[len(w)-1-n] == f[len(f)-1-n] {
		n++
	}
	if n < minSharedEnd {
		return false
	}
	wp, fp := string(w[:len(w)-n]), string(f[:len(f)-n])
	if wp == "" || fp == "" || utf8.RuneCountInString(wp) > maxModifier || utf8.RuneCountInString(fp) > maxModifier {
		return false
	}
	return !strings.Contains(indexer.FoldSameLength(fig.Sentence), wp) && !strings.ContainsAny(wp, fp)
}

// maxModifier is the longest a modifier is that conflictingModifiers
// compares: a kind of thing (棉花, 跨境电商), not a clause (第一个五年期间国家,
// 对经济和文化部门的), whose words say other things than what it is.
const maxModifier = 4

// minSharedEnd is how many characters two indicators must end with for
// their modifiers to be compared: 产量 of 棉花产量 and 粮食总产量.
const minSharedEnd = 2

// neutralLeadOff takes the words that narrow nothing off the start of s.
func neutralLeadOff(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range neutralLeads {
			if t, ok := strings.CutPrefix(s, w); ok {
				s, changed = t, true
			}
		}
	}
	return s
}

// missingScope reports whether the question narrows its indicator to a
// part (城镇, 规模以上) that the figure's words do not name in any form.
func missingScope(want, figureText string) bool {
	for _, forms := range scopeQualifiers {
		if hasAnyWord(want, forms) && !hasAnyWord(figureText, forms) {
			return true
		}
	}
	return false
}

// asksAddition reports whether the question asks for what was added in the
// year (新增高新技术企业多少家), not for the total.
func asksAddition(want string) bool { return hasAnyWord(want, additionWords) }

func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var (
	opposedWords = func() [][2]string {
		var out [][2]string
		for _, r := range lexicon.Table("opposed-words", "word", "opposites") {
			for _, o := range strings.Split(r[1], "、") {
				out = append(out, [2]string{r[0], o})
			}
		}
		return out
	}()
	// scopeQualifiers are sets of words that name one part of a whole
	// (规模以上, 规上): a line of the data file each.
	scopeQualifiers = func() [][]string {
		var out [][]string
		for _, line := range lexicon.Words("scope-qualifiers") {
			out = append(out, strings.Fields(line))
		}
		return out
	}()
	additionWords = lexicon.Words("addition-words")
	// sumCompounds name the sum of two things (data/sum-compounds.tsv).
	sumCompounds = func() [][3]string {
		var out [][3]string
		for _, r := range lexicon.Table("sum-compounds", "compound", "first", "second") {
			out = append(out, [3]string{r[0], r[1], r[2]})
		}
		return out
	}()
	neutralLeads = lexicon.Words("neutral-indicator-leads")
)
