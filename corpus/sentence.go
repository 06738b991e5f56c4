package corpus

import (
	"strings"
	"unicode/utf8"
)

// closers may follow a sentence's end mark and still belong to the sentence
// (…一年。” or …了！）).
const closers = "”’」』）》】"

// Sentences splits normalized paragraph text into sentences ending with
// 。！？or ；, keeping closing quotes and brackets with the sentence they
// close. Spans never overlap, never include leading spaces and always lie
// inside text.
func Sentences(text string) []Sentence {
	var out []Sentence
	eachSentence(text, func(s Sentence) bool {
		out = append(out, s)
		return true
	})
	return out
}

// FirstSentence is the first of Sentences(text), found without splitting
// the rest; false for text with no sentence.
func FirstSentence(text string) (Sentence, bool) {
	var first Sentence
	found := false
	eachSentence(text, func(s Sentence) bool {
		first, found = s, true
		return false
	})
	return first, found
}

// eachSentence calls yield with each sentence of text in order, until
// yield returns false.
func eachSentence(text string, yield func(Sentence) bool) {
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if !strings.ContainsRune(sentenceEnds, r) {
			continue
		}
		for i < len(text) { // a run of end marks: ……, ？！
			r2, n2 := utf8.DecodeRuneInString(text[i:])
			if !strings.ContainsRune(sentenceEnds, r2) {
				break
			}
			i += n2
		}
		i += closingRun(text[i:])
		if s, ok := span(text, start, i); ok && !yield(s) {
			return
		}
		start = i
	}
	if s, ok := span(text, start, len(text)); ok {
		yield(s)
	}
}

// span trims spaces from text[start:end] and reports whether anything is left.
func span(text string, start, end int) (Sentence, bool) {
	for start < end && text[start] == ' ' {
		start++
	}
	for end > start && text[end-1] == ' ' {
		end--
	}
	return Sentence{Start: start, End: end}, end > start
}

// closingRun is the byte length of the closing quotes and brackets at the
// start of s.
func closingRun(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !strings.ContainsRune(closers, r) {
			break
		}
		n += size
	}
	return n
}

func firstRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
