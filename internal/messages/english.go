package messages

import (
	"regexp"
	"strings"
	"unicode"

	"reportsearch/query"
)

// The definition of an English sentence, by which the tests of the edges
// check that what a user sees is in Chinese.

// An English sentence is two or more English words in a row, separated by
// spaces only. A word is a run of two or more ASCII letters, at least one
// of them lower case, that does not touch an identifier's characters (a
// digit, '_', '-', '.', '/', ':', '=', '@', '<', '>', '[', ']', '{', '}'
// or '%'), so that code, IDs, file names, URLs, flags and the query syntax
// (year:2023, group=report, multipart/form-data, --force, a.txt) are no
// words. Words of capitals only (OR, PDF, QUERY) are names or placeholders,
// and the allowed words below are the language's keywords and the
// program's names.
var (
	wordRun = regexp.MustCompile(`[A-Za-z]{2,}`)
	// allowedWords are words that are names, not English: the query
	// syntax's keywords and field names, the program's name.
	allowedWords = func() map[string]bool {
		m := map[string]bool{"reportsearch": true}
		for _, f := range query.Fields() {
			m[f] = true
		}
		return m
	}()
)

// identifierChar reports whether r glues a word into an identifier.
func identifierChar(r rune) bool {
	return unicode.IsDigit(r) || strings.ContainsRune("_-./:=@<>[]{}%\\", r) || r > 0x7f && !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.Is(unicode.Han, r) && !unicode.IsSymbol(r)
}

// EnglishSentence returns the first English sentence in text, or "".
func EnglishSentence(text string) string {
	var run []string // the words in a row so far
	prevEnd := -1
	for _, loc := range wordRun.FindAllStringIndex(text, -1) {
		w := text[loc[0]:loc[1]]
		if !isWord(text, loc[0], loc[1]) {
			run, prevEnd = nil, -1
			continue
		}
		if prevEnd >= 0 && strings.TrimFunc(text[prevEnd:loc[0]], func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }) == "" && text[prevEnd:loc[0]] != "" {
			run = append(run, w)
		} else {
			run = []string{w}
		}
		prevEnd = loc[1]
		if len(run) >= 2 {
			return strings.Join(run, " ")
		}
	}
	return ""
}

// isWord reports whether text[i:j], a run of letters, is an English word.
func isWord(text string, i, j int) bool {
	w := text[i:j]
	if allowedWords[w] || strings.ToUpper(w) == w {
		return false
	}
	if i > 0 {
		r := rune(text[i-1])
		if r >= 0x80 { // a multi-byte rune before: find it
			r = []rune(text[:i])[len([]rune(text[:i]))-1]
		}
		if identifierChar(r) {
			return false
		}
	}
	if j < len(text) {
		rest := []rune(text[j:])
		r := rest[0]
		// A sentence's colon or full stop ends the word (Usage:, done.);
		// one followed by more of a name glues it (year:2023, a.txt).
		if strings.ContainsRune(":.", r) {
			return len(rest) == 1 || !identifierChar(rest[1]) && !unicode.IsLetter(rest[1]) || unicode.Is(unicode.Han, rest[1])
		}
		if identifierChar(r) {
			return false
		}
	}
	return true
}
