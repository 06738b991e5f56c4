package corpus

import (
	"strings"

	"reportsearch/lexicon"
)

// A part whose heading names neither a year nor a review or a plan
// (二、争取国民经济再上一个新台阶) is read from its words: a review tells what
// was done (取得了, 一年来, 比上年), a plan what is to be done (要, 今年, 力争).
// The cues are data (lexicon/data/part-cues.tsv); words that contain a cue
// without meaning it (主要, 为了) are blanked out first
// (part-cue-masks.txt).

var (
	partCues = func() []periodWord {
		var out []periodWord
		for _, t := range lexicon.Tagged("part-cues", "kind", KindResult, KindTarget) {
			out = append(out, periodWord{t.Word, t.Tag})
		}
		return out
	}()
	partCueMasks = func() *strings.Replacer {
		var args []string
		for _, w := range lexicon.Words("part-cue-masks") {
			args = append(args, w, strings.Repeat("□", len([]rune(w))))
		}
		return strings.NewReplacer(args...)
	}()
)

// partCueRule weighs the cues of a part's words.
var partCueRule = struct {
	// window is how many runes of the part's text, from its start, are
	// read: enough for a part's opening paragraphs, not so much that a
	// part which turns from review to plan near its end (a badly split
	// report's last review part holding the plan's preamble) is read as
	// the plan.
	window int
	// margin is how many times the other kind's cues one kind's must
	// number to decide: a review names its year's plan (完成了计划) and a
	// plan its starting point (比上年), so a bare majority is noise.
	margin float64
	// least is the fewest cues of the winning kind: a short part with
	// one 要 says nothing.
	least int
}{window: 4000, margin: 1.5, least: 2}

// readPartWords is the kind a part's words tell, or KindNone when they do
// not clearly tell one. Words after the part's turn to the plan (planTurn)
// are not read: they would make a review part a plan.
func readPartWords(part *Section, plan int) Kind {
	var b strings.Builder
	n, i, turn := 0, 0, planTurn(part, plan)
	part.walkParagraphs(func(para *Paragraph) bool {
		if i == turn {
			return false
		}
		i++
		for _, r := range para.Text {
			if n >= partCueRule.window {
				return false
			}
			b.WriteRune(r)
			n++
		}
		return true
	})
	return kindOfWords(b.String())
}

// kindOfWords is the kind the cues of a text tell, or KindNone.
func kindOfWords(text string) Kind {
	text = partCueMasks.Replace(text)
	counts := map[Kind]int{}
	for _, c := range partCues {
		counts[c.kind] += strings.Count(text, c.word)
	}
	review, plan := float64(counts[KindResult]), float64(counts[KindTarget])
	switch {
	case counts[KindResult] >= partCueRule.least && review > partCueRule.margin*plan:
		return KindResult
	case counts[KindTarget] >= partCueRule.least && plan > partCueRule.margin*review:
		return KindTarget
	}
	return KindNone
}

// turnOpening is how many runes of a paragraph's start are read as the
// heading the outline missed when a crawl glued it to the body text
// (对今后五年和2003年政府工作的建议新世纪头二十年，…).
const turnOpening = 40

// planTurn is the index, in reading order, of the paragraph of a review
// part at which the report turns to its plan, or -1: the first paragraph
// after the part's first whose opening, up to its first clause mark, reads
// as a plan heading that names its year (对今后五年和2003年政府工作的建议).
// A report split badly keeps its plan's preamble in the last review part;
// from there on the paragraphs are of the plan.
func planTurn(part *Section, plan int) int {
	turn, i := -1, 0
	part.walkParagraphs(func(para *Paragraph) bool {
		if i > 0 && isPlanOpening(para.Text, plan) {
			turn = i
			return false
		}
		i++
		return true
	})
	return turn
}

// isPlanOpening reports whether a paragraph opens with a plan heading that
// names the plan year or one after it.
func isPlanOpening(text string, plan int) bool {
	sig := readHeading(planOpening(text))
	return sig.kind == KindTarget && plan != 0 && (sig.year >= plan || sig.hasRel && sig.relative >= 0)
}

// planOpening is the start of a paragraph that may be a glued heading: up
// to its first clause mark, at most turnOpening runes.
func planOpening(text string) string {
	opening := text
	if i := strings.IndexAny(opening, "，。；：,;:"); i >= 0 {
		opening = opening[:i]
	}
	if r := []rune(opening); len(r) > turnOpening {
		opening = string(r[:turnOpening])
	}
	return opening
}
