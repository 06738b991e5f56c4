package t2s

import (
	_ "embed"
	"slices"
	"strings"
	"unicode/utf8"
)

// OpenCC's phrase table: conversions that depend on the neighbouring
// characters (反覆 → 反复, 瞭解 → 了解, 批覆 → 批复), which character folding
// cannot make (覆 and 瞭 stay: 覆盖 and 瞭望 keep them). The index folds
// characters only (see the package doc); a query uses the phrases to
// search the other form as well (PhraseForms).
//
//go:embed opencc/TSPhrases.txt
var tsPhrases string

// phrasePair is a phrase of TSPhrases.txt, both forms folded by
// characters: they differ, and have one byte length.
type phrasePair struct{ traditional, simplified string }

var phrasePairs = func() []phrasePair {
	var out []phrasePair
	seen := map[phrasePair]bool{}
	for _, line := range strings.Split(tsPhrases, "\n") {
		k, v, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		first, _, _ := strings.Cut(v, " ")
		p := phrasePair{String(k), String(first)}
		if p.traditional == p.simplified || len(p.traditional) != len(p.simplified) || utf8.RuneCountInString(p.traditional) < 2 || seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}()

// PhraseForms returns the other ways the phrase table writes s, folded by
// characters: its traditional phrases converted (批覆 → 批复) and its
// simplified phrases written traditionally (批复 → 批覆). A search for s
// finds these too; none when the table has no phrase of s.
func PhraseForms(s string) []string {
	folded := String(s)
	var toSimplified, toTraditional []string
	for _, p := range phrasePairs {
		if strings.Contains(folded, p.traditional) {
			toSimplified = append(toSimplified, p.traditional, p.simplified)
		}
		if strings.Contains(folded, p.simplified) {
			toTraditional = append(toTraditional, p.simplified, p.traditional)
		}
	}
	var out []string
	for _, pairs := range [][]string{toSimplified, toTraditional} {
		if len(pairs) == 0 {
			continue
		}
		if f := strings.NewReplacer(pairs...).Replace(folded); f != folded && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// PhrasePairs is how many phrases of OpenCC's table fold differently from
// their characters.
func PhrasePairs() int { return len(phrasePairs) }
