package indexer

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"reportsearch/t2s"
)

// Names under which the analyzers are registered with bleve. An index's
// mapping refers to them by name, so every program that opens an index must
// import this package (which registers them in init).
const (
	// WordAnalyzer is the word view: gse search-mode words (a long word and
	// its sub-words), punctuation dropped, width-folded and lower-cased,
	// positioned at their rune offsets so overlapping words line up.
	WordAnalyzer = "rs_word"
	// CharAnalyzer is the character view: at every character that is not a
	// space, the bigram of it and the next such character (the last one
	// pairs with EndMark). A phrase of bigrams finds any substring of two or
	// more characters, digits and Latin letters included (3.3%, 2525亿元,
	// 5G); a prefix query finds any single character. One token per
	// character keeps the view cheap to build.
	CharAnalyzer = "rs_char"

	// EndMark pairs with the last character of a text in the character view.
	EndMark = "\u0003"

	wordTokenizer = "rs_gse"
	charTokenizer = "rs_chargrams"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic("indexer: " + err.Error())
		}
	}
	must(registry.RegisterTokenizer(wordTokenizer, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		s, err := SharedSegmenter()
		if err != nil {
			return nil, err
		}
		return wordTokens{s}, nil
	}))
	must(registry.RegisterTokenizer(charTokenizer, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) {
		return charGrams{}, nil
	}))
	for name, tok := range map[string]string{WordAnalyzer: wordTokenizer, CharAnalyzer: charTokenizer} {
		must(registry.RegisterAnalyzer(name, func(_ map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
			t, err := cache.TokenizerNamed(tok)
			if err != nil {
				return nil, fmt.Errorf("analyzer %s: %w", name, err)
			}
			return &analysis.DefaultAnalyzer{Tokenizer: t}, nil
		}))
	}
}

// fold maps a rune to the form both views index: full-width ASCII to
// half-width, letters to lower case, traditional characters to simplified
// (t2s: 舊 → 旧, so 老舊小區 finds 老旧小区 and back). The byte offsets of
// tokens stay those of the original text.
func fold(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case r > 0x3000 && r < 0xA000:
		// CJK punctuation, kana and ideographs have no case: most of a
		// report's text, so they skip unicode.ToLower's table search (a
		// fifth of a search's time went to folding candidates). A table
		// lookup is all t2s costs.
		return t2s.Rune(r)
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	}
	return t2s.Rune(unicode.ToLower(r))
}

func foldString(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = utf8.AppendRune(b, fold(r))
	}
	return string(b)
}

// wordTokens is the word view's tokenizer.
type wordTokens struct{ s *Segmenter }

func (w wordTokens) Tokenize(text []byte) analysis.TokenStream {
	words := w.s.Words(string(text)) // segmented as simplified text (Words folds t2s)
	tokens := make([]analysis.Token, 0, len(words))
	for _, wd := range words {
		if !hasWordRune(wd.Text) {
			continue
		}
		tokens = append(tokens, analysis.Token{
			Start:    wd.Start,
			End:      wd.End,
			Term:     foldBytes(text[wd.Start:wd.End:wd.End]),
			Position: wd.Position + 1,
			Type:     analysis.Ideographic,
		})
	}
	out := make(analysis.TokenStream, len(tokens))
	for i := range tokens {
		out[i] = &tokens[i]
	}
	return out
}

// foldBytes returns b folded, or b itself when folding changes nothing (a
// Chinese word), which saves an allocation per token. Such a term shares
// its bytes with the text (and with the overlapping words of search mode),
// so a token filter added to these analyzers must not change terms in place.
func foldBytes(b []byte) []byte {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if fold(r) != r {
			return []byte(foldString(string(b)))
		}
		i += n
	}
	return b
}

// hasWordRune reports whether s has a letter or a digit: punctuation-only
// words are dropped from the word view.
func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// charGrams is the character view's tokenizer.
type charGrams struct{}

func (charGrams) Tokenize(text []byte) analysis.TokenStream {
	type char struct {
		start, end int
		r          rune
	}
	chars := make([]char, 0, len(text)/2)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if !unicode.IsSpace(r) {
			chars = append(chars, char{i, i + n, fold(r)})
		}
		i += n
	}
	out := make(analysis.TokenStream, len(chars))
	tokens := make([]analysis.Token, len(chars))
	// All terms share one buffer: one allocation instead of one a character.
	terms := make([]byte, 0, 2*len(text)+len(EndMark))
	for i, c := range chars {
		from := len(terms)
		terms = utf8.AppendRune(terms, c.r)
		end := c.end
		if i+1 < len(chars) {
			terms = utf8.AppendRune(terms, chars[i+1].r)
			end = chars[i+1].end
		} else {
			terms = append(terms, EndMark...)
		}
		tokens[i] = analysis.Token{Start: c.start, End: end, Term: terms[from:len(terms):len(terms)], Position: i + 1, Type: analysis.Double}
		out[i] = &tokens[i]
	}
	return out
}

// CharBigrams returns the character view's terms for a query string of two
// or more characters, in order: a phrase of them matches exactly the texts
// that contain s. For one character it returns nil: search that as a
// prefix (CharPrefix).
func CharBigrams(s string) []string {
	toks := (charGrams{}).Tokenize([]byte(s))
	if len(toks) < 2 {
		return nil
	}
	out := make([]string, len(toks)-1) // the last pairs with EndMark
	for i := range out {
		out[i] = string(toks[i].Term)
	}
	return out
}

// CharPrefix returns the prefix that finds a single character in the
// character view, or "" when s is not exactly one non-space character.
func CharPrefix(s string) string {
	toks := (charGrams{}).Tokenize([]byte(s))
	if len(toks) != 1 {
		return ""
	}
	return strings.TrimSuffix(string(toks[0].Term), EndMark)
}

// FoldForMatch folds text the way the character view does — spaces
// dropped, full-width ASCII to half-width, letters lower-cased — so that a
// plain strings.Contains on folded text agrees with what the view matches.
func FoldForMatch(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if !(r > 0x3000 && r < 0xA000) && unicode.IsSpace(r) { // no space among CJK characters
			continue
		}
		b = utf8.AppendRune(b, fold(r))
	}
	return string(b)
}

// LowerASCII lower-cases the ASCII letters of s and leaves every other byte
// as it is, so that byte offsets into the result are offsets into s.
func LowerASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// FoldSameLength folds s as far as the index folds it without changing its
// byte length: ASCII letters lower-cased, traditional characters
// simplified (t2s keeps the UTF-8 length of every character it folds), so
// that a byte offset found in the result is the offset in s. It is how
// normalized text (already width-folded) compares with what the index
// folded, and where a match is marked.
func FoldSameLength(s string) string { return t2s.String(LowerASCII(s)) }
