package eval

import (
	"fmt"
	"io"
	"strings"

	"reportsearch/corpus"
)

// Indicator names are judged figure by figure: for a figure of a report
// (found by its text and a quote of its sentence), the names a reader
// accepts for what it counts, read from the sentence alone.

// IndicatorJudgment is one judged figure.
type IndicatorJudgment struct {
	Line   int
	File   string   // the report, relative to the repository
	Text   string   // the figure as written: 93个, 5.5%左右
	Quote  string   // verbatim from its sentence, with the figure's text
	Before string   // the indicator the parser gave when the row was judged
	Right  []string // the names accepted, best first
}

// ReadIndicatorJudgments reads a judgment file: file, text, quote,
// indicator before, right names (|-separated), note.
func ReadIndicatorJudgments(r io.Reader) ([]IndicatorJudgment, error) {
	var out []IndicatorJudgment
	err := eachTSVLine(r, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			return fmt.Errorf("line %d: %d fields, want file, text, quote, before, right[, note]", n, len(f))
		}
		j := IndicatorJudgment{Line: n, File: f[0], Text: f[1], Quote: f[2], Before: f[3], Right: alternatives(f[4])}
		if !strings.Contains(j.Quote, j.Text) {
			return fmt.Errorf("line %d: quote %q does not hold the figure %q", n, j.Quote, j.Text)
		}
		if len(j.Right) == 0 {
			return fmt.Errorf("line %d: no right name", n)
		}
		out = append(out, j)
		return nil
	})
	return out, err
}

// IndicatorOutcome is what the parser gives for one judged figure.
type IndicatorOutcome struct {
	Judgment IndicatorJudgment
	Figure   *corpus.Figure // nil when no figure of the report matches
	Right    bool
}

// IndicatorSummary scores the parser's indicators on judged figures.
type IndicatorSummary struct {
	Outcomes []IndicatorOutcome
	Right    int
}

// Accuracy is the share of judged figures whose indicator is one of the
// accepted names; a figure not found counts as wrong.
func (s IndicatorSummary) Accuracy() float64 {
	if len(s.Outcomes) == 0 {
		return 0
	}
	return float64(s.Right) / float64(len(s.Outcomes))
}

// PlacedFigure is a figure with the byte offset of its text in its
// sentence, which tells apart two figures of one text in a sentence.
type PlacedFigure struct {
	*corpus.Figure
	At int
}

// ScoreIndicators finds each judged figure among its report's figures and
// compares its indicator with the accepted names. figures gives a report's
// figures by the judgment's file name.
func ScoreIndicators(js []IndicatorJudgment, figures func(file string) []PlacedFigure) IndicatorSummary {
	var s IndicatorSummary
	for _, j := range js {
		o := IndicatorOutcome{Judgment: j}
		for _, f := range figures(j.File) {
			if figureQuoted(f, j.Text, j.Quote) {
				o.Figure = f.Figure
				break
			}
		}
		if o.Figure != nil {
			for _, r := range j.Right {
				if o.Figure.Indicator == r {
					o.Right = true
				}
			}
		}
		if o.Right {
			s.Right++
		}
		s.Outcomes = append(s.Outcomes, o)
	}
	return s
}

// figureQuoted reports whether f is the figure the quote shows: the quote
// is in f's sentence, with the figure's text where f stands.
func figureQuoted(f PlacedFigure, text, quote string) bool {
	if f.Text != text {
		return false
	}
	in := strings.Index(quote, text)
	for from := 0; ; {
		at := strings.Index(f.Sentence[from:], quote)
		if at < 0 {
			return false
		}
		if from+at+in == f.At {
			return true
		}
		from += at + 1
	}
}
