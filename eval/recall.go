package eval

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// LiteralRecall samples n substrings (1–8 characters, no spaces) of the
// indexed paragraphs with a seeded generator and checks that a search for
// each returns every paragraph a plain scan finds. It returns the number of
// substrings whose results missed a paragraph and the paragraphs missed.
func LiteralRecall(ctx context.Context, e Searcher, n int, seed uint64) (checked, missedQueries, missedParagraphs int, err error) {
	texts, err := e.ParagraphTexts(ctx)
	if err != nil {
		return 0, 0, 0, err
	}
	if len(texts) == 0 {
		return 0, 0, 0, fmt.Errorf("eval: no paragraphs indexed")
	}
	ids := make([]string, 0, len(texts))
	for id := range texts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for checked < n {
		rs := []rune(texts[ids[rng.IntN(len(ids))]])
		size := 1 + rng.IntN(8)
		if len(rs) < size {
			continue
		}
		i := rng.IntN(len(rs) - size + 1)
		sub := string(rs[i : i+size])
		if strings.IndexFunc(sub, unicode.IsSpace) >= 0 {
			continue
		}
		checked++
		found, err := e.LiteralMatches(ctx, sub)
		if err != nil {
			return checked, missedQueries, missedParagraphs, err
		}
		got := map[string]bool{}
		for _, id := range found {
			got[id] = true
		}
		missed := 0
		for id, t := range texts {
			if strings.Contains(t, sub) && !got[id] {
				missed++
			}
		}
		if missed > 0 {
			missedQueries++
			missedParagraphs += missed
		}
	}
	return checked, missedQueries, missedParagraphs, nil
}
