package corpus

import (
	"regexp"
	"strings"

	"reportsearch/lexicon"
)

// The steps here trim an indicator to the thing a figure counts: the
// predicate after its noun, the lead-in before it, the start of a change
// written before the number, and they give a bare attribute or a relative
// figure the thing it is of.

// predicateStarts open a predicate after the noun a figure counts.
var predicateStarts = lexicon.Words("predicate-starts")

// predicateAdverbs stand between a noun and the predicate cut after it.
var predicateAdverbs = lexicon.Words("predicate-adverbs")

// predicateStartExceptions hold a predicate start without opening one.
var predicateStartExceptions = lexicon.Words("predicate-start-exceptions")

// cutPredicate keeps the noun of the words after a figure's unit and drops
// the predicate that follows it: 高中毕业生顺利完成高考 → 高中毕业生, and the
// adverbs before it (退出指标全部完成 → 退出指标). The noun keeps at least
// two characters (在建项目 stays whole).
func cutPredicate(s string) string {
	cut := len(s)
	for _, w := range predicateStarts {
		for from := 0; from < cut; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			at := from + i
			if runeLen(s[:at]) >= 2 && !insideException(s, at) {
				cut = min(cut, at)
				break
			}
			from = at + len(w)
		}
	}
	if cut == len(s) || runeLen(s[cut:]) <= 4 && hasAnySuffix(s[cut:], classNouns) {
		return s // 计划完成项目: a verb before a class noun qualifies it
	}
	noun := s[:cut]
	for changed := true; changed; {
		changed = false
		for _, a := range predicateAdverbs {
			if t, ok := strings.CutSuffix(noun, a); ok && runeLen(t) >= 2 {
				noun, changed = t, true
			}
		}
		if t := trimAdverbs(noun); t != noun && runeLen(t) >= 2 {
			noun, changed = t, true
		}
	}
	return noun
}

// insideException reports whether the byte at of s starts a predicate word
// inside an exception word (植被, 在线).
func insideException(s string, at int) bool {
	for _, e := range predicateStartExceptions {
		for from := 0; ; {
			i := strings.Index(s[from:], e)
			if i < 0 {
				break
			}
			if start := from + i; start <= at && at < start+len(e) {
				return true
			}
			from += i + len(e)
		}
	}
	return false
}

// trimLeadingWords cuts the words that open a clause without belonging to
// its indicator (其中, 全年, 稳步推进 …), again and again while one is left.
func trimLeadingWords(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range leadingWords {
			if strings.HasPrefix(s, w) && len(s) > len(w) {
				s = strings.TrimPrefix(s, w)
				changed = true
			}
		}
	}
	return s
}

// reChangeToStart opens the words after a figure that a change starts
// from: 10万元提高到15万元.
var reChangeToStart = regexp.MustCompile(`^(?:` + lexicon.Alternation("change-to-verbs") + `)(?:到|至)`)

// cutChangeStart drops the 从… or 由… that ends an indicator when the
// figure is the level a change starts from: 增值税起征点从月销售额10万元提高
// 到15万元 is of 增值税起征点. (从业人员 is a name.)
func cutChangeStart(indicator, after string) string {
	if !reChangeToStart.MatchString(after) {
		return indicator
	}
	i := max(strings.LastIndex(indicator, "从"), strings.LastIndex(indicator, "由"))
	if i <= 0 || runeLen(indicator[:i]) < 2 || strings.HasPrefix(indicator[i:], "从业") || strings.HasPrefix(indicator[i:], "从事") {
		return indicator
	}
	return indicator[:i]
}

// nounAfterVerbs is what follows the last action verb of an indicator, the
// thing acted on, when it is a class of things (项目, 企业): 分四批集中开工亿元
// 以上重点项目 → 亿元以上重点项目. It is "" for words that name no such thing
// (形成…增长机制).
func nounAfterVerbs(indicator string) string {
	end := 0
	for _, v := range actionVerbs {
		if i := strings.LastIndex(indicator, v); i >= 0 {
			end = max(end, i+len(v))
		}
	}
	rest := strings.TrimLeft(indicator[end:], listMarks+"、 ")
	if runeLen(rest) < 2 || !hasAnySuffix(rest, classNouns) {
		return ""
	}
	return rest
}

// relativeStarts open an indicator relative to the figure before (占全国).
var relativeStarts = lexicon.Words("relative-starts")

// exceededNouns are what a figure after 超 exceeds (超省定目标).
var exceededNouns = lexicon.Words("exceeded-nouns")

// isRelative reports whether an indicator names a figure relative to the
// one before it: 占全国, 高于全省, 超省定目标.
func isRelative(indicator string) bool {
	if hasAnyPrefix(indicator, relativeStarts) {
		return true
	}
	if rest, ok := strings.CutPrefix(indicator, "超"); ok {
		for _, n := range exceededNouns {
			if strings.HasSuffix(rest, n) {
				return true
			}
		}
	}
	return false
}
