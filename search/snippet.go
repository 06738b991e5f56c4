package search

import (
	"slices"
	"strings"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// snippets picks up to max sentence-aligned fragments of text that hold the
// needles, with the matched byte spans relative to each fragment. Spans are
// merged where they overlap or touch, and a fragment is never cut inside a
// match: sentences a match spans are joined into one fragment.
func snippets(text string, needles []string, max int) []Snippet {
	spans := matchSpans(text, needles)
	units := sentenceUnits(text, spans)
	type scored struct {
		unit  [2]int
		score int
		index int
	}
	var cands []scored
	for i, u := range units {
		distinct := map[string]bool{}
		for _, sp := range spans {
			if sp[0] >= u[0] && sp[1] <= u[1] {
				distinct[indexer.FoldSameLength(text[sp[0]:sp[1]])] = true
			}
		}
		if len(distinct) > 0 {
			cands = append(cands, scored{u, len(distinct), i})
		}
	}
	if len(cands) == 0 {
		if len(units) == 0 {
			return []Snippet{}
		}
		return []Snippet{{Text: text[units[0][0]:units[0][1]], Matches: [][2]int{}}}
	}
	slices.SortStableFunc(cands, func(a, b scored) int { return b.score - a.score })
	cands = cands[:min(max, len(cands))]
	slices.SortFunc(cands, func(a, b scored) int { return a.index - b.index })
	out := make([]Snippet, 0, len(cands))
	for _, c := range cands {
		sn := Snippet{Text: text[c.unit[0]:c.unit[1]], Matches: [][2]int{}}
		for _, sp := range spans {
			if sp[0] >= c.unit[0] && sp[1] <= c.unit[1] {
				sn.Matches = append(sn.Matches, [2]int{sp[0] - c.unit[0], sp[1] - c.unit[0]})
			}
		}
		out = append(out, sn)
	}
	return out
}

// matchSpans finds every occurrence of every needle in text (ASCII letters
// compared without case, traditional characters as simplified, so that
// 老舊小區 marks 老旧小区 and back) and merges overlapping and touching
// spans. Both foldings keep byte lengths: the spans are offsets into text.
func matchSpans(text string, needles []string) [][2]int {
	folded := indexer.FoldSameLength(text)
	var spans [][2]int
	for _, n := range needles {
		n = indexer.FoldSameLength(n)
		if n == "" {
			continue
		}
		for i := 0; i < len(folded); {
			j := strings.Index(folded[i:], n)
			if j < 0 {
				break
			}
			spans = append(spans, [2]int{i + j, i + j + len(n)})
			i += j + len(n)
		}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	var merged [][2]int
	for _, s := range spans {
		if len(merged) > 0 && s[0] <= merged[len(merged)-1][1] {
			merged[len(merged)-1][1] = max(merged[len(merged)-1][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// sentenceUnits are the text's sentences, with those that a span crosses
// joined into one unit.
func sentenceUnits(text string, spans [][2]int) [][2]int {
	var units [][2]int
	for _, s := range corpus.Sentences(text) {
		units = append(units, [2]int{s.Start, s.End})
	}
	for _, sp := range spans {
		for i := 0; i+1 < len(units); i++ {
			if sp[0] < units[i][1] && sp[1] > units[i][1] {
				units[i][1] = units[i+1][1]
				units = slices.Delete(units, i+1, i+2)
				i--
			}
		}
	}
	return units
}
