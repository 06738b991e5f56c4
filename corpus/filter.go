package corpus

import (
	"fmt"
	"slices"
	"strings"
)

// FigureFilter selects figures; the zero value selects all.
type FigureFilter struct {
	Year   int        // 0: any
	Kind   FigureKind // "": any
	Domain string     // "": any
	Words  []string   // every word must occur in the indicator
}

// ParseFigureKind checks a kind given on a command line or in a URL.
func ParseFigureKind(s string) (FigureKind, error) {
	switch k := FigureKind(s); k {
	case "", FigureActual, FigureEstimate, FigureTarget:
		return k, nil
	}
	return "", fmt.Errorf("unknown figure kind %q (want actual, estimate or target)", s)
}

// Match reports whether f passes the filter.
func (ff FigureFilter) Match(f *Figure) bool {
	if ff.Year != 0 && f.Year != ff.Year || ff.Kind != "" && f.Kind != ff.Kind {
		return false
	}
	if ff.Domain != "" && !slices.Contains(f.Domains, ff.Domain) {
		return false
	}
	for _, w := range ff.Words {
		w = Normalize(w)
		if !strings.Contains(f.Indicator, w) {
			return false
		}
	}
	return true
}

// SelectFigures returns the figures of the reports that pass the filter.
func SelectFigures(reports []*Report, ff FigureFilter) []*Figure {
	var out []*Figure
	for _, r := range reports {
		for f := range r.Figures() {
			if ff.Match(f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// CommitmentFilter selects commitments; the zero value selects all.
type CommitmentFilter struct {
	Year   int
	Domain string
	Words  []string // every word must occur in the sentence
}

// SelectCommitments returns the commitments of the reports that pass the filter.
func SelectCommitments(reports []*Report, cf CommitmentFilter) []*Commitment {
	var out []*Commitment
	for c := range AllCommitments(reports) {
		if cf.Match(c) {
			out = append(out, c)
		}
	}
	return out
}

// Match reports whether c passes the filter.
func (cf CommitmentFilter) Match(c *Commitment) bool {
	return (cf.Year == 0 || c.Year == cf.Year) && (cf.Domain == "" || slices.Contains(c.Domains, cf.Domain)) &&
		containsEvery(c.Text, cf.Words)
}

// SelectComparisons keeps the pairs whose target or result passes the
// filter (year 2022 keeps the pairs of 2022's results, 2023 those of 2023's
// targets); the filter's kind is ignored, since a pair holds both kinds.
func SelectComparisons(cs []Comparison, ff FigureFilter) []Comparison {
	ff.Kind = ""
	var out []Comparison
	for _, c := range cs {
		if ff.Match(c.Target) || ff.Match(c.Result) {
			out = append(out, c)
		}
	}
	return out
}

func containsEvery(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, Normalize(w)) {
			return false
		}
	}
	return true
}

// TrackFilter selects tracked targets; the zero value selects all.
type TrackFilter struct {
	Reports []string // only targets of these reports (a place's); none: any
	Year    int      // the year the target is for; 0: any
	Verdict Verdict  // "": any
	Domain  string   // "": any
	Words   []string // every word must occur in the target's indicator
}

// Match reports whether t passes the filter.
func (tf TrackFilter) Match(t Tracked) bool {
	if len(tf.Reports) > 0 && !slices.Contains(tf.Reports, ReportOfID(t.Target.ParagraphID)) {
		return false
	}
	if tf.Year != 0 && t.Year != tf.Year || tf.Verdict != "" && t.Verdict != tf.Verdict {
		return false
	}
	if tf.Domain != "" && !slices.Contains(t.Target.Domains, tf.Domain) {
		return false
	}
	return containsEvery(t.Target.Indicator, tf.Words)
}

// SelectTracked keeps the tracked targets that pass the filter.
func SelectTracked(ts []Tracked, tf TrackFilter) []Tracked {
	var out []Tracked
	for _, t := range ts {
		if tf.Match(t) {
			out = append(out, t)
		}
	}
	return out
}
