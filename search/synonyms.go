package search

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsearch/corpus"
)

//go:embed synonyms.txt
var defaultSynonyms []byte

// Synonyms maps a query word to the other words that find what it means:
// GDP → 地区生产总值; 养老 ↔ 为老服务 ↔ 康养.
type Synonyms struct {
	m    map[string][]string
	keys []string // the words of m, longest first, for Rewrite
}

// DefaultSynonyms returns the table embedded in the binary.
func DefaultSynonyms() *Synonyms {
	s, err := ParseSynonyms(bytes.NewReader(defaultSynonyms))
	if err != nil {
		panic("search: embedded synonyms.txt: " + err.Error()) // a build defect, caught by tests
	}
	return s
}

// ParseSynonyms reads a synonym table: "甲 → 乙、丙" (one way) or
// "甲 = 乙 = 丙" (every way); '#' comments. Errors give the line number.
func ParseSynonyms(r io.Reader) (*Synonyms, error) {
	s := &Synonyms{m: map[string][]string{}}
	err := corpus.EachDataLine(r, "synonyms", func(n int, line string) error {
		if from, to, ok := strings.Cut(line, "→"); ok {
			key := corpus.Normalize(from)
			targets := corpus.SplitList(to, "、,，")
			if key == "" || len(targets) == 0 {
				return fmt.Errorf("synonyms: line %d: want 甲 → 乙、丙", n)
			}
			s.add(key, targets...)
			return nil
		}
		group := corpus.SplitList(line, "=")
		if len(group) < 2 {
			return fmt.Errorf("synonyms: line %d: want 甲 → 乙 or 甲 = 乙", n)
		}
		for _, a := range group {
			for _, b := range group {
				if a != b {
					s.add(a, b)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
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
	return s.m[strings.ToLower(word)]
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
