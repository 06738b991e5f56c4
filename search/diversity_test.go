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

// TestAboutness: a paragraph led by the query, or under a heading that
// names it, is more about it than one that lists it among other things.
func TestAboutness(t *testing.T) {
	e := engineFor(t, "一、工作回顾\n（一）加快发展低空经济\n培育新兴产业。\n")
	p := e.plan(parse(t, "低空经济"))
	for _, tc := range []struct {
		name    string
		hit     Hit
		atLeast float64
		below   float64
	}{
		{"heading", Hit{Heading: "一、工作回顾 › （一）加快发展低空经济", Text: "培育新兴产业。"}, aboutHeading, 99},
		{"lead", Hit{Heading: "一、工作回顾", Text: "低空经济起步。建成机场2个。"}, aboutLead, aboutLead + 0.01},
		{"listed", Hit{Heading: "一、工作回顾", Text: "培育人工智能、低空经济、生物制造等产业，成效明显。总体平稳。"}, aboutListed + aboutLead, aboutLead},
		{"passing", Hit{Heading: "一、工作回顾", Text: "总体平稳。还发展了低空经济。"}, 0, 0.01},
	} {
		got := p.aboutness(tc.hit, tc.hit.Text)
		if got < tc.atLeast || got >= tc.below {
			t.Errorf("%s: aboutness %.2f, want in [%.2f, %.2f)", tc.name, got, tc.atLeast, tc.below)
		}
	}
}
