package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"reportsearch/indexer"
	"reportsearch/internal/testindex"
	"reportsearch/query"
)

// TestSuggestRanksPrefixesThenCounts: for prefixes of real vocabulary
// entries, every suggestion contains what was typed, those that start
// with it come first, each group by paragraphs, and taking any of them
// searches paragraphs with all its words.
func TestSuggestRanksPrefixesThenCounts(t *testing.T) {
	for _, set := range []testindex.Set{testindex.Default, testindex.Unseen} {
		t.Run(string(set), func(t *testing.T) {
			e := mustEngineOf(t, set)
			ctx := context.Background()
			v, err := e.vocab()
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[SuggestKind]int{}
			for i := 0; i < len(v.entries); i += len(v.entries) / 60 {
				typed := string([]rune(v.entries[i].text)[:min(2, v.entries[i].runes)])
				got, err := e.Suggest(ctx, typed, DefaultSuggestions)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) == 0 {
					t.Fatalf("%s: no suggestion, though %s is in the vocabulary", typed, v.entries[i].text)
				}
				inside := false
				for j, s := range got {
					kinds[s.Kind]++
					text, want := strings.ToLower(s.Text), strings.ToLower(typed)
					prefix := strings.HasPrefix(text, want)
					if !strings.Contains(text, want) || s.Paragraphs < 1 {
						t.Errorf("%s: suggested %+v", typed, s)
					}
					if prefix && inside {
						t.Errorf("%s: prefix match %s after a match inside", typed, s.Text)
					}
					sameGroup := j > 0 && strings.HasPrefix(strings.ToLower(got[j-1].Text), want) == prefix
					if sameGroup && got[j-1].Paragraphs < s.Paragraphs {
						t.Errorf("%s: %s (%d) after %s (%d)", typed, s.Text, s.Paragraphs, got[j-1].Text, got[j-1].Paragraphs)
					}
					inside = inside || !prefix
				}
				// Taking the first finds what it promised.
				res, err := e.Search(ctx, Request{Query: query.Words(got[0].Query)})
				if err != nil {
					t.Fatal(err)
				}
				if res.Total == 0 || res.Hits[0].Match == MatchPartial {
					t.Errorf("%s: taking %+v finds %d paragraphs (first %s)", typed, got[0], res.Total, firstMatch(res))
				}
			}
			if set == testindex.Unseen && (kinds[KindTerm] == 0 || kinds[KindIndicator] == 0 || kinds[KindHeading] == 0) {
				t.Errorf("kinds suggested: %v; want terms, indicators and headings", kinds)
			}
		})
	}
}

func firstMatch(r *Result) string {
	if len(r.Hits) == 0 {
		return "none"
	}
	return r.Hits[0].Match
}

// TestVocabularyCountsAreDocumentCounts: a term's count is the number of
// paragraphs a search for it in the word view finds — on the index of
// every test report, whose merged segments give bleve's dictionary wrong
// counts (vocabTerms).
func TestVocabularyCountsAreDocumentCounts(t *testing.T) {
	e := mustEngineOf(t, testindex.Unseen)
	v, _ := e.vocab()
	checked := 0
	for i := 0; i < len(v.entries) && checked < 40; i += 97 {
		en := v.entries[i]
		if en.kind != KindTerm {
			continue
		}
		res, err := e.idx.Search(bleve.NewSearchRequestOptions(termQuery(indexer.FieldText, en.text), 0, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		if int(res.Total) != en.paragraphs {
			t.Errorf("%s: counted %d paragraphs, a search finds %d", en.text, en.paragraphs, res.Total)
		}
		checked++
	}
	if checked < 20 {
		t.Fatalf("only %d terms checked", checked)
	}
}

// TestSuggestInput: empty and overlong input suggest nothing; full-width
// input is read as half-width; a limit is kept.
func TestSuggestInput(t *testing.T) {
	e := mustEngine(t)
	ctx := context.Background()
	for _, typed := range []string{"", "  ", strings.Repeat("发", maxSuggestInput+1)} {
		got, err := e.Suggest(ctx, typed, 0)
		if err != nil || len(got) != 0 {
			t.Errorf("%q: %v, %v", typed, got, err)
		}
	}
	got, err := e.Suggest(ctx, "发", 3)
	if err != nil || len(got) != 3 {
		t.Errorf("limit 3: %d suggestions, %v", len(got), err)
	}
	for _, s := range got {
		if utf8.RuneCountInString(s.Text) < minVocabRunes {
			t.Errorf("one-character suggestion %q", s.Text)
		}
	}
}

// What is typed in traditional characters suggests what the simplified
// text has, as the search finds it.
func TestSuggestTraditional(t *testing.T) {
	e := mustEngine(t)
	simplified, err := e.Suggest(t.Context(), "老旧", 5)
	if err != nil || len(simplified) == 0 {
		t.Fatalf("Suggest(老旧) = %v, %v", simplified, err)
	}
	traditional, err := e.Suggest(t.Context(), "老舊", 5)
	if err != nil || len(traditional) != len(simplified) || traditional[0] != simplified[0] {
		t.Errorf("Suggest(老舊) = %v, want %v (%v)", traditional, simplified, err)
	}
}
