package search

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsearch/corpus"
	"reportsearch/lexicon"
)

// Synonyms maps a query word to the other words that find what it means:
// GDP → 地区生产总值; 养老 ↔ 为老服务 ↔ 康养.
type Synonyms struct {
	m    map[string][]string
	keys []string // the words of m, longest first, for Rewrite
}

// DefaultSynonyms returns the program's synonym table, lexicon's synonyms
// (lexicon/data/synonyms.tsv).
func DefaultSynonyms() *Synonyms {
	s, err := synonymsOf(lexicon.Table("synonyms", "word", "way", "synonyms"))
	if err != nil {
		panic("search: lexicon synonyms: " + err.Error()) // a build defect, caught by tests
	}
	return s
}

// The ways a row of the synonym table works.
const (
	oneWay   = "→" // 甲 → 乙、丙: a query for 甲 also finds 乙 and 丙
	everyWay = "=" // 甲 = 乙、丙: each of 甲, 乙 and 丙 finds the others
)

// synonymsOf builds the synonym table from its rows: a word, its way and
// its synonyms, separated by 、 (or commas).
func synonymsOf(rows [][]string) (*Synonyms, error) {
	s := &Synonyms{m: map[string][]string{}}
	for _, r := range rows {
		word, way, targets := corpus.Normalize(r[0]), r[1], corpus.SplitList(r[2], "、,，")
		if word == "" || len(targets) == 0 {
			return nil, fmt.Errorf("%q: want a word and its synonyms", r[0])
		}
		switch way {
		case oneWay:
			s.add(word, targets...)
		case everyWay:
			group := append([]string{word}, targets...)
			for _, a := range group {
				for _, b := range group {
					if a != b {
						s.add(a, b)
					}
				}
			}
		default:
			return nil, fmt.Errorf("%s: way %q, want %s or %s", r[0], way, oneWay, everyWay)
		}
	}
	for k := range s.m {
		s.keys = append(s.keys, k)
	}
	slices.SortFunc(s.keys, func(a, b string) int {
		if d := len(b) - len(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return s, nil
}

func (s *Synonyms) add(key string, targets ...string) {
	key = strings.ToLower(key) // Expand looks Latin keys up in lower case
	for _, t := range targets {
		if t != key && !slices.Contains(s.m[key], t) {
			s.m[key] = append(s.m[key], t)
		}
	}
}

// Expand returns the synonyms of a query word, matched case-insensitively
// for Latin letters (GDP, gdp).
func (s *Synonyms) Expand(word string) []string {
	// Clipped: the slice is the table's own, shared by every request, and
	// a caller's append must copy it rather than write past its end (which
	// two answers at once did, a data race that changed the table).
	return slices.Clip(s.m[strings.ToLower(word)])
}

// Rewrite returns a text with a word of the table inside it replaced by each
// of its synonyms: 社零总额 → 社会消费品零售总额, 一般预算收入增长 →
// 一般公共预算收入增长. The segmenter may not cut such a word out (社零 is 社 +
// 零), so words of the table are found as substrings of two characters or
// more, at their first place. Words of the table that are among words — the
// text's own words, which a search expands one by one — are left alone, and
// so are synonyms that contain the word (就业 → 新增就业 widens a query for
// 就业, but 城镇新增就业 is not 城镇新增新增就业). The text itself, when it is
// a word of the table, is Expand's.
func (s *Synonyms) Rewrite(text string, words []string) []string {
	lower := strings.ToLower(text)
	var out []string
	for _, k := range s.keys {
		i := strings.Index(lower, k)
		if i < 0 || k == lower || utf8.RuneCountInString(k) < 2 || slices.Contains(words, k) {
			continue
		}
		for _, syn := range s.m[k] {
			if strings.Contains(syn, k) {
				continue
			}
			if v := lower[:i] + joinOverlapping(syn, lower[i+len(k):]); !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// joinOverlapping joins a and b, writing once what a ends with and b begins
// with when that is two characters or more: 社会消费品零售总额 + 总额 (of
// 社零总额) is 社会消费品零售总额.
func joinOverlapping(a, b string) string {
	ar := []rune(a)
	for n := min(len(ar), utf8.RuneCountInString(b)); n >= 2; n-- {
		if tail := string(ar[len(ar)-n:]); strings.HasPrefix(b, tail) {
			return a + b[len(tail):]
		}
	}
	return a + b
}
