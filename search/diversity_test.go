package search

import (
	"slices"
	"testing"
)

// TestDiversify: a report that fills the ranks gives way, after three hits in
// a window of ten, to another report's hit that scores nearly as well, and
// to no hit that scores much less or matched less well.
func TestDiversify(t *testing.T) {
	hit := func(id, report string, score float64, match string) Hit {
		return Hit{ID: id, Report: report, Score: score, Match: match}
	}
	hits := []Hit{
		hit("a1", "A", 10, MatchLiteral), hit("a2", "A", 9.5, MatchLiteral), hit("a3", "A", 9, MatchLiteral),
		hit("a4", "A", 8.9, MatchLiteral), hit("a5", "A", 8.8, MatchLiteral), hit("b1", "B", 7.5, MatchLiteral),
		hit("a6", "A", 7, MatchLiteral), hit("c1", "C", 1, MatchLiteral), hit("d1", "D", 8, MatchWords),
	}
	var got []string
	for _, h := range diversify(slices.Clone(hits)) {
		got = append(got, h.ID)
	}
	want := []string{"a1", "a2", "a3", "b1", "a4", "a5", "a6", "c1", "d1"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
