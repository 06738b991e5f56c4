package search

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsearch/corpus"
)

// Suggestion is a text of the vocabulary (vocabulary.go) that completes
// what is being typed.
type Suggestion struct {
	Text string      `json:"text"`
	Kind SuggestKind `json:"kind"`
	// Query is what taking it searches: the text, but for a heading its
	// phrases apart (推进结构调整 发展壮大龙型经济), since a heading is not
	// in the text of the paragraphs under it, its words are.
	Query string `json:"query"`
	// Paragraphs is how many paragraphs have it: for a term the paragraphs
	// whose text has the word, for an indicator those with a figure of it,
	// for a heading those under it.
	Paragraphs int `json:"paragraphs"`
	// Reports is how many reports have it, for indicators and headings; 0
	// for a term, whose reports are not counted.
	Reports int `json:"reports,omitempty"`
}

// Suggestion limits: what a list under a search box shows, and the most
// one request may ask for.
const (
	DefaultSuggestions = 8
	MaxSuggestions     = 20
	// maxSuggestInput bounds what is matched: nobody completes a sentence.
	maxSuggestInput = maxVocabRunes
)

// Suggest returns up to limit texts of the vocabulary that contain what is
// typed: those that start with it first, then the others, each group by
// how many paragraphs have them (then the shorter first). Nothing is
// suggested for empty input.
func (e *Engine) Suggest(ctx context.Context, typed string, limit int) ([]Suggestion, error) {
	if limit <= 0 {
		limit = DefaultSuggestions
	}
	limit = min(limit, MaxSuggestions)
	key := foldKey(strings.TrimSpace(corpus.Normalize(typed)))
	if key == "" || utf8.RuneCountInString(key) > maxSuggestInput {
		return []Suggestion{}, nil
	}
	v, err := e.vocab()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return v.suggest(key, limit), nil
}

// suggest matches key against the entries that have its rarest rune, which
// are in rank order: the prefix matches come out ranked, and the scan stops
// once it has limit of them, since no other match outranks a prefix match.
func (v *vocabulary) suggest(key string, limit int) []Suggestion {
	var list []int32
	first := true
	for _, r := range key {
		l := v.byRune[r]
		if first || len(l) < len(list) {
			list, first = l, false
		}
	}
	var prefix, inside []int32
	for _, i := range list {
		en := &v.entries[i]
		switch {
		case strings.HasPrefix(en.key, key):
			prefix = append(prefix, i)
		case len(inside) < limit && strings.Contains(en.key, key):
			inside = append(inside, i)
		}
		if len(prefix) == limit {
			break
		}
	}
	out := make([]Suggestion, 0, limit)
	for _, i := range append(prefix, inside...) {
		if len(out) == limit {
			break
		}
		en := &v.entries[i]
		out = append(out, Suggestion{Text: en.text, Kind: en.kind, Query: en.query(), Paragraphs: en.paragraphs, Reports: en.reports})
	}
	return out
}

// query is what taking the entry searches (Suggestion.Query).
func (en *vocabEntry) query() string {
	if en.kind != KindHeading {
		return en.text
	}
	return strings.Join(strings.FieldsFunc(en.text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }), " ")
}
