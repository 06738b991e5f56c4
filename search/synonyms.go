package search

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"

	"reportsearch/corpus"
)

//go:embed synonyms.txt
var defaultSynonyms []byte

// Synonyms maps a query word to the other words that find what it means:
// GDP → 地区生产总值; 养老 ↔ 为老服务 ↔ 康养.
type Synonyms struct {
	m map[string][]string
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
