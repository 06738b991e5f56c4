package search

import (
	"context"
	"slices"
	"unicode/utf8"

	"reportsearch/query"
)

// 「您要找的是」: a query that finds nothing, or only paragraphs with some
// of its words, because a word of it is mistyped (老就小区) is offered the
// query with that word replaced by the most frequent text of the index's
// vocabulary one character away (老旧小区): one character replaced, added
// or left out. No list of corrections is kept: the vocabulary is the
// index's own (vocabulary.go), so a correction always finds something.

// Correction is the query a user probably meant.
type Correction struct {
	Query string          `json:"query"` // the corrected query, canonical: what the link searches
	Terms []CorrectedTerm `json:"terms"`
}

// CorrectedTerm is one word of the query replaced.
type CorrectedTerm struct {
	From       string `json:"from"`
	To         string `json:"to"`
	Paragraphs int    `json:"paragraphs"` // how many paragraphs have To
}

// The lengths corrected. One character of two is half the word: a
// two-character query has a neighbour in almost any index (each of its
// characters starts or ends some common word), and the most frequent of
// them is a guess. Three characters are corrected only to three (one
// replaced): a three-character query one character from a longer or
// shorter word is as often a two-character word with a character added as
// a four-character one with one left out. From four on, all three edits.
// TestCorrectionAccuracyByLength measures it on the index of every test
// report (the figures are in its log).
const (
	minCorrectRunes    = 3 // the shortest query word corrected, and the shortest correction
	minLengthEditRunes = 4 // the shortest corrected by adding or leaving out a character
)

// correctable reports whether a word of typed runes may be corrected to an
// entry of entry runes.
func correctable(typed, entry int) bool {
	if typed < minCorrectRunes || entry < minCorrectRunes {
		return false
	}
	return entry == typed || typed >= minLengthEditRunes && entry >= minLengthEditRunes
}

// didYouMean corrects the words of q (the user's own query, without the
// filters a page adds) that occur nowhere in the paragraphs' text. It is
// asked only when q found no paragraph with all its words, and returns nil
// when no word needs or has a correction.
func (e *Engine) didYouMean(ctx context.Context, q *query.Query) (*Correction, error) {
	if q == nil || len(q.Terms) == 0 {
		return nil, nil
	}
	v, err := e.vocab()
	if err != nil {
		return nil, err
	}
	out := &query.Query{Terms: make([]query.Term, len(q.Terms)), Exclude: q.Exclude, Filters: q.Filters}
	var fixed []CorrectedTerm
	for i, t := range q.Terms {
		alts := make([]query.Text, len(t.Alternatives))
		for j, a := range t.Alternatives {
			alts[j] = a
			if utf8.RuneCountInString(a.Value) < minCorrectRunes {
				continue
			}
			n, err := e.CountLiteral(ctx, a.Value)
			if err != nil {
				return nil, err
			}
			if n > 0 {
				continue
			}
			// An indicator is read from a sentence and may be worded apart
			// from it: the correction must be in the text as it is.
			if en, ok := v.closest(foldKey(a.Value), correctable); ok && e.occurs(ctx, en) {
				alts[j].Value = en.text
				fixed = append(fixed, CorrectedTerm{From: a.Value, To: en.text, Paragraphs: en.paragraphs})
			}
		}
		out.Terms[i] = query.Term{Alternatives: alts}
	}
	if len(fixed) == 0 {
		return nil, nil
	}
	return &Correction{Query: out.String(), Terms: fixed}, nil
}

// closest is the best-ranked entry one edit from key whose length may
// replace key's (allowed, in runes). Headings are left out: a heading's
// words are the context of the paragraphs under it, not their text, so a
// heading searched for finds its words spread over paragraphs rather than
// the heading. Such an entry has every rune of key but at most one, so
// it has one of any two distinct runes of key: it is in the entry list of
// one of the two rarest, and those lists are in rank order, so the first
// match in each is its best.
func (v *vocabulary) closest(key string, allowed func(typed, entry int) bool) (*vocabEntry, bool) {
	typed := []rune(key)
	var distinct []rune
	for _, r := range typed {
		if !slices.Contains(distinct, r) {
			distinct = append(distinct, r)
		}
	}
	slices.SortFunc(distinct, func(a, b rune) int { return len(v.byRune[a]) - len(v.byRune[b]) })
	lists := make([][]int32, 0, 2)
	for _, r := range distinct[:min(2, len(distinct))] {
		lists = append(lists, v.byRune[r])
	}
	best := int32(-1)
	for _, l := range lists {
		for _, i := range l {
			if best >= 0 && i >= best {
				break
			}
			en := &v.entries[i]
			if en.kind != KindHeading && allowed(len(typed), en.runes) && en.runes-len(typed) <= 1 && len(typed)-en.runes <= 1 && oneEdit(typed, en.key) {
				best = i
				break
			}
		}
	}
	if best < 0 {
		return nil, false
	}
	return &v.entries[best], true
}

// oneEdit reports whether b is a with exactly one rune replaced, added or
// left out.
func oneEdit(a []rune, b string) bool {
	w := []rune(b)
	if len(a) > len(w) {
		a, w = w, a
	}
	switch len(w) - len(a) {
	case 0:
		diff := 0
		for i := range a {
			if a[i] != w[i] {
				diff++
			}
		}
		return diff == 1
	case 1:
		i := 0
		for i < len(a) && a[i] == w[i] {
			i++
		}
		for ; i < len(a); i++ {
			if a[i] != w[i+1] {
				return false
			}
		}
		return true
	}
	return false
}

// occurs reports whether an entry is in the paragraphs' text as written.
func (e *Engine) occurs(ctx context.Context, en *vocabEntry) bool {
	if en.kind == KindTerm {
		return true // a term of the text's own word view
	}
	n, err := e.CountLiteral(ctx, en.text)
	return err == nil && n > 0
}
