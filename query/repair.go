package query

import (
	"strings"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// Repair is a change the parser made to read a query that was not written
// as the language wants: a quote or a bracket without its pair. The query
// is searched as the user most likely meant it, and the page says so
// (Query.Note) instead of refusing it.
type Repair struct {
	Kind RepairKind `json:"kind"`
	// Offset is the byte offset of the unpaired mark in the input.
	Offset int `json:"offset"`
	// Mark is the unpaired mark as typed: ", “, （, ) …
	Mark string `json:"mark"`
}

// RepairKind is what was unpaired.
type RepairKind string

// The kinds of repair.
const (
	// RepairQuote: an opening quote without its closing one ("老旧小区)
	// starts a phrase that runs to the end of the word (the next space,
	// or a closing quote of another kind: “数字经济"); a closing quote
	// without an opening one (老旧小区”) and an opening quote with
	// nothing after it are dropped.
	RepairQuote RepairKind = "quote"
	// RepairBracket: a bracket not paired within its word ((养老, 服务),
	// 养老 )) is dropped; the language has no grouping, and what is
	// searched is the word. A paired one (（一）) is text.
	RepairBracket RepairKind = "bracket"
)

// repairNames name the kinds in the note.
var repairNames = map[RepairKind]string{RepairQuote: "引号", RepairBracket: "括号"}

// Note says in Chinese what the parser changed and what it searched
// instead — 引号未配对，已按 "老旧小区" 搜索 — or "" when it changed nothing.
func (q *Query) Note() string {
	if q == nil || len(q.Repairs) == 0 {
		return ""
	}
	var what []string
	for _, k := range []RepairKind{RepairQuote, RepairBracket} {
		for _, r := range q.Repairs {
			if r.Kind == k {
				what = append(what, repairNames[k])
				break
			}
		}
	}
	searched := q.String()
	if searched == "" {
		return strings.Join(what, "和") + "未配对，已略去"
	}
	return strings.Join(what, "和") + "未配对，已按 " + searched + " 搜索"
}

// brackets maps each opening bracket of lexicon/data/query-brackets.tsv to
// its closing one; closers is the set of closing ones.
var (
	brackets = func() map[rune]rune {
		out := map[rune]rune{}
		for open, close := range lexicon.Pairs("query-brackets", "open", "close") {
			o, _ := utf8.DecodeRuneInString(open)
			c, _ := utf8.DecodeRuneInString(close)
			out[o] = c
		}
		return out
	}()
	closers = func() map[rune]bool {
		out := map[rune]bool{}
		for _, c := range brackets {
			out[c] = true
		}
		return out
	}()
)

// isClosingQuote reports whether r closes a phrase: the closing mark of
// any opening quote.
func isClosingQuote(r rune) bool {
	return r == '"' || r == '”' || r == '」' || r == '＂'
}

// unpairedPhrase reads the phrase of an opening quote whose closing quote
// the input lacks, from byte from on: up to the next space or closing
// quote of another kind (consumed). It returns the phrase and where
// reading goes on.
func unpairedPhrase(input string, from int) (phrase string, next int) {
	for j := from; j < len(input); {
		r, n := utf8.DecodeRuneInString(input[j:])
		switch {
		case isSpace(r):
			return input[from:j], j
		case isClosingQuote(r):
			return input[from:j], j + n
		}
		j += n
	}
	return input[from:], len(input)
}

// repairWord drops from a search word (at byte offset at of the input)
// the closing quotes that close nothing and the brackets not paired
// within it, returning what is left and the repairs.
func repairWord(word string, at int) (string, []Repair) {
	type open struct {
		r   rune
		off int // in word
	}
	var stack []open
	drop := map[int]Repair{} // by offset in word
	for i, r := range word {
		switch {
		case isClosingQuote(r) && closingQuote(r) == 0:
			// ” and 」 open nothing; " and ＂ open a phrase, so the
			// lexer never leaves them in a word.
			drop[i] = Repair{Kind: RepairQuote, Offset: at + i, Mark: string(r)}
		case brackets[r] != 0:
			stack = append(stack, open{r, i})
		case closers[r]:
			if len(stack) > 0 && sameShape(brackets[stack[len(stack)-1].r], r) {
				stack = stack[:len(stack)-1]
				continue
			}
			drop[i] = Repair{Kind: RepairBracket, Offset: at + i, Mark: string(r)}
		}
	}
	for _, o := range stack {
		drop[o.off] = Repair{Kind: RepairBracket, Offset: at + o.off, Mark: string(o.r)}
	}
	if len(drop) == 0 {
		return word, nil
	}
	var b strings.Builder
	var repairs []Repair
	for i, r := range word {
		if rep, ok := drop[i]; ok {
			repairs = append(repairs, rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String(), repairs
}

// sameShape reports whether two closing brackets are one shape, in
// full or half width: ) and ）.
func sameShape(a, b rune) bool { return halfWidth(a) == halfWidth(b) }

func halfWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}
