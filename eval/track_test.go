package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
)

// repoRoot is where the judgments' file names start.
const repoRoot = ".."

// trackHalf reads the judged pairs of the files matching pattern and
// scores the tracker on a library of every report they name.
func trackHalf(t *testing.T, pattern string) (TrackSummary, TrackLibrary) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "track", pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no judgment files %s: %v", pattern, err)
	}
	var pairs []TrackPair
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := ReadTrackPairs(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pairs = append(pairs, ps...)
	}
	var names []string
	for _, p := range pairs {
		for _, n := range []string{p.TargetFile, p.ResultFile} {
			if n != "" && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	lib := TrackLibrary{ReportOf: map[string]string{}}
	paragraphs := map[string]string{}
	var reports []*corpus.Report
	var entries []indexer.ReportEntry
	for _, n := range names {
		r, err := corpus.ReadFile(filepath.Join(repoRoot, n))
		if err != nil {
			t.Fatal(err)
		}
		lib.ReportOf[n] = r.ID
		reports = append(reports, r)
		entries = append(entries, indexer.ReportEntry{Meta: r.Meta})
		for p := range r.Paragraphs() {
			paragraphs[p.ID] = p.Text
		}
	}
	lib.Paragraph = func(id string) string { return paragraphs[id] }
	lib.Figures = map[string][]*corpus.Figure{}
	for _, r := range reports {
		for f := range r.Figures() {
			lib.Figures[r.ID] = append(lib.Figures[r.ID], f)
		}
	}
	c, err := catalog.New(entries, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ScoreTrack(pairs, corpus.TrackReports(reports, c.PlaceOf), lib), lib
}

func logTrack(t *testing.T, name string, s TrackSummary, lib TrackLibrary, rows bool) {
	t.Helper()
	// TRACK_UNJUDGED=DIR writes the pairs of targets no judgment names, for
	// a reader to judge apart (pooling).
	if dir := os.Getenv("TRACK_UNJUDGED"); dir != "" {
		var b strings.Builder
		b.WriteString("#place\tyear\tindicator\ttarget\ttarget_sentence\tresult\tresult_sentence\tverdict\tpair_right\tverdict_right\n")
		for _, p := range s.UnjudgedPairs {
			fmt.Fprintf(&b, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\t\n", p.Place, p.Year, p.Target.Indicator, p.Target.Text, p.Target.Sentence,
				p.Result.Text, p.Result.Sentence, p.Verdict.Label())
		}
		if err := os.WriteFile(filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".tsv"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%s: %d judged targets; pair precision %.3f (%d/%d), recall %.3f (%d/%d), verdict accuracy %.3f (%d/%d); %d pairs of unjudged targets",
		name, len(s.Outcomes), s.Precision(), s.Right, s.Given, s.Recall(), s.Found, s.Wanted, s.VerdictAccuracy(), s.VerdictsRight, s.Right, s.Unjudged)
	if !rows {
		return
	}
	for _, o := range s.Outcomes {
		p := o.Pair
		switch {
		case o.Found == nil:
			t.Logf("line %d %s %d %s %s: target not tracked; there: %s", p.Line, p.Series, p.Year, p.Indicator, p.Target, explain(lib, p.TargetFile, p.TargetQuote))
		case o.Wrong:
			t.Logf("line %d %s %d %s %s (%s): paired with %s [%s %d %s %.2f] (%s), want %q [%s]; there: %s", p.Line, p.Series, p.Year, p.Indicator, p.Target,
				o.Found.Target.Indicator, o.Found.Result.Text, o.Found.Result.Indicator, o.Found.Result.Year, o.Found.Result.Kind, o.Found.Score,
				o.Found.Result.Sentence, p.ResultQuote, p.Verdict, explain(lib, p.ResultFile, p.ResultQuote))
		case o.Found.Result == nil && p.ResultQuote != "":
			t.Logf("line %d %s %d %s %s (%s %s %s %s): no result, want %q [%s]; tracker says %s; there: %s", p.Line, p.Series, p.Year, p.Indicator, p.Target,
				o.Found.Target.Indicator, o.Found.Target.Measure, o.Found.Target.BaseUnit, o.Found.Target.Class,
				p.ResultQuote, p.Verdict, o.Found.Verdict.Label(), explain(lib, p.ResultFile, p.ResultQuote))
		case o.Paired && !o.VerdictRight:
			t.Logf("line %d %s %d %s %s → %s: verdict %s, want %s", p.Line, p.Series, p.Year, p.Indicator, p.Target,
				o.Found.Result.Text, o.Found.Verdict.Label(), p.Verdict)
		}
	}
}

// TestTrackJudged measures the tracker on the judged series: the tuning
// half row by row (go test ./eval -run TrackJudged -v), the test half as
// a figure only.
func TestTrackJudged(t *testing.T) {
	tune, lib := trackHalf(t, "tune.tsv")
	logTrack(t, "tuning half", tune, lib, true)
	// Floors a little under what the tracker scores, so that a change
	// that loses pairs fails here; the rows above say which.
	if tune.Precision() < 0.95 || tune.Recall() < 0.85 || tune.VerdictAccuracy() < 0.95 {
		t.Errorf("tuning half below its floors (precision 0.95, recall 0.85, verdicts 0.95): %.3f, %.3f, %.3f",
			tune.Precision(), tune.Recall(), tune.VerdictAccuracy())
	}
	// The test half is measured when asked (TRACK_TEST=1), at the start
	// and the end of a change, not while tuning.
	if os.Getenv("TRACK_TEST") == "" {
		return
	}
	test, lib := trackHalf(t, "test_*.tsv")
	logTrack(t, "test half", test, lib, os.Getenv("TRACK_TEST") == "rows")
	// The fresh set was written after the test half had been looked at
	// (eval/testdata/track/README.md): the held-out figure since.
	if files, _ := filepath.Glob(filepath.Join("testdata", "track", "fresh_*.tsv")); len(files) > 0 {
		fresh, lib := trackHalf(t, "fresh_*.tsv")
		logTrack(t, "fresh set", fresh, lib, os.Getenv("TRACK_TEST") == "rows")
	}
	// The second fresh set was written after the first had been looked at.
	if files, _ := filepath.Glob(filepath.Join("testdata", "track", "fresh2_*.tsv")); len(files) > 0 {
		fresh, lib := trackHalf(t, "fresh2_*.tsv")
		logTrack(t, "second fresh set", fresh, lib, false)
	}
}

// explain lists the figures a quote covers in a judged file, as the
// parser read them, to tell why a pair was missed.
func explain(lib TrackLibrary, file, quote string) string {
	var out []string
	for _, f := range lib.Figures[lib.ReportOf[file]] {
		if quoteCovers(lib, f, quote) {
			out = append(out, fmt.Sprintf("[%s %s %d %s %s %s]", f.Indicator, f.Text, f.Year, f.Kind, f.Measure, f.BaseUnit))
		}
	}
	if len(out) == 0 {
		return "no figure"
	}
	return strings.Join(out, " ")
}
