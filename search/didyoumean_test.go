package search

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"reportsearch/internal/testindex"
	"reportsearch/query"
)

// perturbation is a real term of an index with one character changed.
type perturbation struct {
	term, typed string
	how         string // replaced, added or dropped
}

// perturbations takes up to n Han terms and indicators of the engine's
// vocabulary of the given length that are in the text as written (in rank order, every step-th, so common and rare ones) and
// changes one character of each: replaced by, or with an added, character
// of the vocabulary, or one left out. The random source is seeded: the
// cases are the same on every run of the same index.
func perturbations(t testing.TB, e *Engine, runes func(int) bool, n int) []perturbation {
	t.Helper()
	v, err := e.vocab()
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	for _, en := range v.entries {
		if runes(en.runes) && isHanOnly(en.text) && en.kind != KindHeading && e.occurs(context.Background(), &en) {
			terms = append(terms, en.text)
		}
	}
	if len(terms) == 0 {
		t.Fatal("no terms of that length in the vocabulary")
	}
	alphabet := make([]rune, 0, len(v.byRune))
	for r := range v.byRune {
		if unicode.Is(unicode.Han, r) {
			alphabet = append(alphabet, r)
		}
	}
	slices.Sort(alphabet)
	rng := rand.New(rand.NewPCG(17, 2))
	step := max(1, len(terms)/n)
	var out []perturbation
	for i := 0; i < len(terms) && len(out) < n; i += step {
		rs := []rune(terms[i])
		at := rng.IntN(len(rs))
		other := alphabet[rng.IntN(len(alphabet))]
		var typed []rune
		how := []string{"replaced", "added", "dropped"}[i/step%3]
		switch how {
		case "replaced":
			if other == rs[at] {
				continue
			}
			typed = slices.Clone(rs)
			typed[at] = other
		case "added":
			typed = slices.Insert(slices.Clone(rs), at, other)
		case "dropped":
			typed = slices.Delete(slices.Clone(rs), at, at+1)
		}
		out = append(out, perturbation{term: terms[i], typed: string(typed), how: how})
	}
	return out
}

func isHanOnly(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// TestDidYouMeanOnPerturbedTerms: a real term with one character changed,
// when it then occurs nowhere, is offered a correction one character from
// what was typed, at least as frequent as the term it was made from, whose
// search finds paragraphs with all its words; and most of the time the
// correction is that term.
func TestDidYouMeanOnPerturbedTerms(t *testing.T) {
	for _, set := range []testindex.Set{testindex.Default, testindex.Unseen} {
		t.Run(string(set), func(t *testing.T) {
			e := mustEngineOf(t, set)
			ctx := context.Background()
			v, _ := e.vocab()
			paragraphsOf := map[string]int{}
			for _, en := range v.entries {
				paragraphsOf[en.text] = en.paragraphs
			}
			tried, back := 0, 0
			for _, p := range perturbations(t, e, func(n int) bool { return n >= minCorrectRunes }, 200) {
				if !correctable(utf8.RuneCountInString(p.typed), utf8.RuneCountInString(p.term)) {
					continue // not a correction this makes (TestCorrectionAccuracyByLength)
				}
				if n, err := e.CountLiteral(ctx, p.typed); err != nil || n > 0 {
					continue // the change made another word of the index: not a miss
				}
				res, err := e.Search(ctx, Request{Query: query.Words(p.typed)})
				if err != nil {
					t.Fatal(err)
				}
				if res.Total > 0 && (len(res.Hits) == 0 || res.Hits[0].Match != MatchPartial) {
					continue // found by its words: a match, not a miss
				}
				tried++
				c := res.DidYouMean
				if c == nil || len(c.Terms) != 1 {
					t.Errorf("%s (%s from %s): no correction: %+v", p.typed, p.how, p.term, c)
					continue
				}
				to := c.Terms[0].To
				if !oneEdit([]rune(p.typed), to) {
					t.Errorf("%s: correction %s is not one character away", p.typed, to)
				}
				if c.Terms[0].Paragraphs < paragraphsOf[p.term] {
					t.Errorf("%s: correction %s (%d paragraphs) is rarer than %s (%d)", p.typed, to, c.Terms[0].Paragraphs, p.term, paragraphsOf[p.term])
				}
				if to == p.term {
					back++
				}
				fixed, err := e.Search(ctx, Request{Query: parse(t, c.Query)})
				if err != nil {
					t.Fatal(err)
				}
				if fixed.Total == 0 || fixed.Hits[0].Match == MatchPartial || fixed.DidYouMean != nil {
					t.Errorf("%s: the corrected query %q finds %d, correction %+v", p.typed, c.Query, fixed.Total, fixed.DidYouMean)
				}
			}
			if tried < 50 {
				t.Fatalf("only %d perturbed terms missed", tried)
			}
			rate := float64(back) / float64(tried)
			t.Logf("%s: %d misses corrected, %.0f%% back to the term they were made from", set, tried, 100*rate)
			if rate < 0.8 {
				t.Errorf("only %.0f%% of the corrections are the term the miss was made from", 100*rate)
			}
		})
	}
}

// TestDidYouMeanNotOnMatches: a query that finds paragraphs with all its
// words is offered no correction — every term and heading of the
// vocabulary, sampled.
func TestDidYouMeanNotOnMatches(t *testing.T) {
	e := mustEngine(t)
	v, _ := e.vocab()
	ctx := context.Background()
	for i := 0; i < len(v.entries); i += 7 {
		en := v.entries[i]
		res, err := e.Search(ctx, Request{Query: query.Words(en.text)})
		if err != nil {
			t.Fatal(err)
		}
		if res.DidYouMean != nil {
			t.Errorf("%s (%s, %d paragraphs) matched %d and was corrected to %+v", en.text, en.kind, en.paragraphs, res.Total, res.DidYouMean)
		}
	}
}

// TestCorrectionAccuracyByLength is why the lengths of correctable are what
// they are. On the index of every test report it perturbs real terms and
// measures, by the length of what is typed, how often the correction is
// the term it was made from: for two characters (were they corrected to
// two-character words) seldom, for three (to three) and more mostly. And
// a two-character miss is offered nothing.
func TestCorrectionAccuracyByLength(t *testing.T) {
	e := mustEngineOf(t, testindex.Unseen)
	v, _ := e.vocab()
	ctx := context.Background()
	tried, back := map[int]int{}, map[int]int{}
	for _, p := range perturbations(t, e, func(n int) bool { return n >= 2 && n <= 8 }, 3000) {
		typed := min(4, utf8.RuneCountInString(p.typed)) // 4 stands for 4 and more
		if typed < 2 || typed == 2 && p.how != "replaced" {
			continue // two-character words with one replaced: like with like
		}
		if n, _ := e.CountLiteral(ctx, p.typed); n > 0 {
			continue
		}
		allowed := correctable
		if typed >= minCorrectRunes && !correctable(utf8.RuneCountInString(p.typed), utf8.RuneCountInString(p.term)) {
			continue // the term cannot be the correction: not a case of getting it right
		}
		if typed < minCorrectRunes {
			allowed = func(typed, entry int) bool { return entry == typed } // what correcting it would propose
			res, err := e.Search(ctx, Request{Query: query.Words(p.typed)})
			if err != nil {
				t.Fatal(err)
			}
			if res.DidYouMean != nil {
				t.Errorf("%s (%d characters) corrected to %+v", p.typed, typed, res.DidYouMean)
			}
		}
		if en, ok := v.closest(p.typed, allowed); ok {
			tried[typed]++
			if en.text == p.term {
				back[typed]++
			}
		}
	}
	rate := map[int]float64{}
	for n := 2; n <= 4; n++ {
		rate[n] = float64(back[n]) / float64(max(1, tried[n]))
		t.Logf("%d characters typed%s: %d corrected, %.0f%% to the term they were made from", n, map[bool]string{true: " or more"}[n == 4], tried[n], 100*rate[n])
	}
	if tried[2] < 20 || tried[3] < 50 || tried[4] < 100 {
		t.Fatalf("too few cases: %v", tried)
	}
	if rate[2] > 0.3 || rate[3] < 0.8 || rate[4] < 0.9 {
		t.Errorf("rates %v: two characters should be a guess, three and more mostly right", rate)
	}
}
