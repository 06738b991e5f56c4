package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"reportsearch/corpus"
)

// placedFigures reads a report and places each figure in its sentence.
func placedFigures(t *testing.T, file string) []PlacedFigure {
	t.Helper()
	r, err := corpus.ReadFile(filepath.Join(repoRoot, file))
	if err != nil {
		t.Fatal(err)
	}
	var out []PlacedFigure
	for p := range r.Paragraphs() {
		for _, f := range p.Figures {
			// The sentence that holds the figure's span: the last one that
			// starts at or before it.
			at := -1
			for from := 0; ; {
				i := strings.Index(p.Text[from:], f.Sentence)
				if i < 0 || from+i > f.Start {
					break
				}
				at, from = from+i, from+i+1
			}
			if at < 0 {
				t.Fatalf("%s: figure %s: sentence not in its paragraph", file, f.ID)
			}
			out = append(out, PlacedFigure{Figure: f, At: f.Start - at})
		}
	}
	return out
}

// indicatorHalf scores the parser's indicators on a judgment file.
func indicatorHalf(t *testing.T, name string) IndicatorSummary {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "indicators", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	js, err := ReadIndicatorJudgments(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	cache := map[string][]PlacedFigure{}
	return ScoreIndicators(js, func(file string) []PlacedFigure {
		if _, ok := cache[file]; !ok {
			cache[file] = placedFigures(t, file)
		}
		return cache[file]
	})
}

// TestIndicatorsJudged measures the figures' indicator names on judged
// figures of several reports (eval/testdata/indicators/README.md): the
// tuning half row by row with -v, the test half as a figure, only when
// asked (INDICATORS_TEST=1), at the start and the end of a change.
func TestIndicatorsJudged(t *testing.T) {
	halves := []string{"tune.tsv"}
	if os.Getenv("INDICATORS_TEST") != "" {
		halves = append(halves, "test.tsv")
	}
	for _, name := range halves {
		s := indicatorHalf(t, name)
		t.Logf("%s: indicator accuracy %.3f (%d/%d)", name, s.Accuracy(), s.Right, len(s.Outcomes))
		for _, o := range s.Outcomes {
			j := o.Judgment
			switch {
			case o.Figure == nil:
				t.Logf("  line %d %s %s: no figure of the quote %q", j.Line, j.File, j.Text, j.Quote)
			case !o.Right && name == "tune.tsv":
				t.Logf("  line %d %s: %q, want %q", j.Line, j.Text, o.Figure.Indicator, strings.Join(j.Right, "|"))
			}
		}
		if name == "tune.tsv" && s.Accuracy() < 0.85 {
			// A floor a little under what the parser scores, so that a
			// change that loses names fails here; the rows above say which.
			t.Errorf("%s: accuracy %.3f under its floor 0.85", name, s.Accuracy())
		}
	}
}

// TestIndicatorSample writes a sample of figures to judge when
// INDICATORS_SAMPLE names a file: perReport figures spread evenly over
// each report named in INDICATORS_REPORTS (comma-separated, relative to
// the repository), with the sentence to read in the last column.
func TestIndicatorSample(t *testing.T) {
	out, files := os.Getenv("INDICATORS_SAMPLE"), os.Getenv("INDICATORS_REPORTS")
	if out == "" || files == "" {
		t.Skip("INDICATORS_SAMPLE and INDICATORS_REPORTS not set")
	}
	const perReport = 10
	var b strings.Builder
	b.WriteString("#file\ttext\tquote\tbefore\tright\tsentence\n")
	for _, file := range strings.Split(files, ",") {
		figs := placedFigures(t, file)
		stride := max(1, len(figs)/perReport)
		for i := stride / 2; i < len(figs) && i/stride < perReport; i += stride {
			f := figs[i]
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t\t%s\n", file, f.Text, quoteAround(f), f.Indicator, f.Sentence)
		}
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// quoteAround is the figure's text with up to 10 characters before it and
// 3 after, from its sentence.
func quoteAround(f PlacedFigure) string {
	start, end := f.At, f.At+len(f.Text)
	for n := 0; n < 10 && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(f.Sentence[:start])
		start -= size
	}
	for n := 0; n < 3 && end < len(f.Sentence); n++ {
		_, size := utf8.DecodeRuneInString(f.Sentence[end:])
		end += size
	}
	return f.Sentence[start:end]
}
