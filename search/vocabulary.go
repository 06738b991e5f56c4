package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/t2s"
)

// The vocabulary is what the search box suggests and what 「您要找的是」
// corrects to: the index's own words, with how many paragraphs have them.
// It is read from the index once per engine, when first asked for
// (Engine.vocabulary is a sync.OnceValues): an engine's index does not
// change, and a rebuilt index is a new engine. Three sources, each counted
// in paragraphs:
//
//   - the terms of the word view of the paragraphs' text (bleve's field
//     dictionary: every term with the number of documents that have it),
//   - the indicators of the figures (a paragraph counts once however many
//     of its figures name it),
//   - the headings of the section tree without their numbers (a paragraph
//     counts for every heading above it).
//
// Reading it costs one pass over the paragraphs' stored headings and one
// over the figures: BenchmarkVocabulary (suggest_bench_test.go) measures
// it on the test indexes.

// SuggestKind says where a suggestion comes from.
type SuggestKind string

// The kinds of vocabulary entry, in the order a text that is several is
// named by: an indicator or a heading says more than "a word".
const (
	KindIndicator SuggestKind = "indicator"
	KindHeading   SuggestKind = "heading"
	KindTerm      SuggestKind = "term"
)

// vocabEntry is one text of the vocabulary.
type vocabEntry struct {
	text       string
	key        string // text folded for matching (lower case)
	runes      int    // length of key in runes
	kind       SuggestKind
	paragraphs int // how many paragraphs have it
	reports    int // in how many reports; 0 where not counted (terms)
}

// vocabulary is the entries, best first (most paragraphs, then shortest),
// and for each rune the entries whose key has it, in the same order.
type vocabulary struct {
	entries []vocabEntry
	byRune  map[rune][]int32
}

// Limits of what enters the vocabulary: a one-character term is not a
// suggestion, and a heading of more than a line is read, not typed.
const (
	minVocabRunes = 2
	maxVocabRunes = 40
)

// buildVocabulary reads the vocabulary from the index. It runs once per
// engine, for whichever request comes first, so it does not take that
// request's context: a cancelled request must not leave the engine
// without a vocabulary.
func (e *Engine) buildVocabulary() (*vocabulary, error) {
	ctx := context.Background()
	seen := map[string]*vocabEntry{}
	// One entry per folded text: a text that is a term and an indicator
	// (地区生产总值) is named by the kind that says more, written as the
	// figures or headings print it (GDP, not the word view's gdp), and
	// counted by the source that counts more paragraphs, with that
	// source's report count (none for a term).
	add := func(text string, kind SuggestKind, paragraphs, reports int) {
		text = strings.TrimSpace(text)
		n := utf8.RuneCountInString(text)
		if n < minVocabRunes || n > maxVocabRunes || paragraphs <= 0 {
			return
		}
		key := foldKey(text)
		v, ok := seen[key]
		if !ok {
			seen[key] = &vocabEntry{text: text, key: key, runes: n, kind: kind, paragraphs: paragraphs, reports: reports}
			return
		}
		if kindRank(kind) < kindRank(v.kind) {
			v.kind, v.text = kind, text
		}
		switch {
		case paragraphs > v.paragraphs:
			v.paragraphs, v.reports = paragraphs, reports
		case paragraphs == v.paragraphs:
			v.reports = max(v.reports, reports)
		}
	}
	if err := e.vocabTerms(ctx, add); err != nil {
		return nil, err
	}
	if err := e.vocabIndicators(ctx, add); err != nil {
		return nil, err
	}
	if err := e.vocabHeadings(ctx, add); err != nil {
		return nil, err
	}
	v := &vocabulary{entries: make([]vocabEntry, 0, len(seen)), byRune: map[rune][]int32{}}
	for _, en := range seen {
		v.entries = append(v.entries, *en)
	}
	slices.SortFunc(v.entries, func(a, b vocabEntry) int {
		return cmp.Or(b.paragraphs-a.paragraphs, a.runes-b.runes, strings.Compare(a.text, b.text))
	})
	for i, en := range v.entries {
		for j, r := range en.key {
			if strings.ContainsRune(en.key[:j], r) {
				continue // each entry once per rune
			}
			v.byRune[r] = append(v.byRune[r], int32(i))
		}
	}
	return v, nil
}

func kindRank(k SuggestKind) int {
	switch k {
	case KindIndicator:
		return 0
	case KindHeading:
		return 1
	}
	return 2
}

// foldKey is the form texts are matched in: as the word view folds Latin
// letters and traditional characters (老舊 → 老旧), so does the vocabulary,
// so that what is typed in either script suggests the same entries.
func foldKey(s string) string { return t2s.String(strings.ToLower(s)) }

// vocabTerms adds the terms of the word view of the paragraphs' text that
// read as words: Han characters and Latin letters or digits, not starting
// with a digit (2022年 is a year, not a term).
//
// The terms are listed from bleve's field dictionary, but counted by a
// term reader each: the dictionary's own counts are wrong on a merged
// segment (zapx reuses one postings list across its entries and does not
// clear the single-document encoding, so after the first term of one
// document every term reads 1; blevesearch/zapx#445).
// TestVocabularyCountsAreDocumentCounts holds the counts to a search's.
//
// The dictionary and the term readers are bleve's, outside guardedIndex: a
// panic of a damaged segment is recovered here into indexer.ErrDamaged, and
// the dictionary is closed on the way out, or it would hold the index's
// lock and Close would wait for ever.
func (e *Engine) vocabTerms(ctx context.Context, add func(string, SuggestKind, int, int)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: bleve failed listing its words: %v: rebuild it with `reportsearch index --force`", indexer.ErrDamaged, r)
		}
	}()
	dict, err := e.idx.FieldDict(indexer.FieldText)
	if err != nil {
		return fmt.Errorf("search: vocabulary: %w", err)
	}
	open := true
	closeDict := func() {
		if open {
			open = false
			dict.Close()
		}
	}
	defer closeDict()
	var terms []string
	for {
		de, err := dict.Next()
		if err != nil {
			return fmt.Errorf("search: vocabulary: %w", err)
		}
		if de == nil {
			break
		}
		if isWordTerm(de.Term) {
			terms = append(terms, de.Term)
		}
	}
	closeDict()
	adv, err := e.idx.Advanced()
	if err != nil {
		return fmt.Errorf("search: vocabulary: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("search: vocabulary: %w", err)
	}
	defer r.Close()
	for _, t := range terms {
		tfr, err := r.TermFieldReader(ctx, []byte(t), indexer.FieldText, false, false, false)
		if err != nil {
			return fmt.Errorf("search: vocabulary: %s: %w", t, err)
		}
		add(t, KindTerm, int(tfr.Count()), 0)
		tfr.Close()
	}
	return nil
}

// isWordTerm reports whether a term of the word view is a word a user
// would type: every rune a Han character, a Latin letter or a digit, at
// least one of them Han or a letter, and not a number first.
func isWordTerm(t string) bool {
	first, _ := utf8.DecodeRuneInString(t)
	if unicode.IsDigit(first) {
		return false
	}
	word := false
	for _, r := range t {
		switch {
		case unicode.Is(unicode.Han, r), r < utf8.RuneSelf && unicode.IsLetter(r):
			word = true
		case r < utf8.RuneSelf && unicode.IsDigit(r):
		default:
			return false
		}
	}
	return word
}

// vocabIndicators adds the figures' indicators, each counted in the
// paragraphs and reports that have a figure of it.
func (e *Engine) vocabIndicators(ctx context.Context, add func(string, SuggestKind, int, int)) error {
	type count struct{ paragraphs, reports map[string]bool }
	counts := map[string]*count{}
	err := e.each(ctx, termQuery(indexer.FieldDocType, indexer.TypeFigure), indexer.FigureFields(), func(id string, fields map[string]any) error {
		f, err := indexer.DecodeFigure(id, fields)
		if err != nil {
			return err
		}
		name := strings.TrimSpace(f.Indicator)
		if name == "" {
			return nil
		}
		c := counts[name]
		if c == nil {
			c = &count{map[string]bool{}, map[string]bool{}}
			counts[name] = c
		}
		c.paragraphs[f.ParagraphID] = true
		c.reports[corpus.ReportOfID(f.ParagraphID)] = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("search: vocabulary: %w", err)
	}
	for name, c := range counts {
		add(name, KindIndicator, len(c.paragraphs), len(c.reports))
	}
	return nil
}

// vocabHeadings adds the headings of the section tree, without their
// numbers, each counted in the paragraphs under it and the reports that
// have it.
func (e *Engine) vocabHeadings(ctx context.Context, add func(string, SuggestKind, int, int)) error {
	type count struct {
		paragraphs int
		reports    map[string]bool
	}
	counts := map[string]*count{}
	err := e.each(ctx, termQuery(indexer.FieldDocType, indexer.TypeParagraph), []string{indexer.FieldHeadings, indexer.FieldReport}, func(id string, fields map[string]any) error {
		p, err := indexer.DecodeParagraph(id, fields)
		if err != nil {
			return err
		}
		var done []string // a title printed twice in one path counts once
		for _, h := range p.Headings {
			title := corpus.HeadingTitle(h)
			if title == "" || slices.Contains(done, title) {
				continue
			}
			done = append(done, title)
			c := counts[title]
			if c == nil {
				c = &count{reports: map[string]bool{}}
				counts[title] = c
			}
			c.paragraphs++
			c.reports[p.Report] = true
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("search: vocabulary: %w", err)
	}
	for title, c := range counts {
		add(title, KindHeading, c.paragraphs, len(c.reports))
	}
	return nil
}
