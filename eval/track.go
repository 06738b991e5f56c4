package eval

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"reportsearch/corpus"
)

// Tracking is judged by target→result pairs written from the report
// texts alone: for a target of report N (found by a quote of its
// sentence), the result that report N+1 gives (found the same way) and
// the verdict, or 未提及 when report N+1 gives none.

// TrackPair is one judged target of a series.
type TrackPair struct {
	Line        int
	Series      string
	TargetFile  string // as the judgment names it, relative to the repository
	Year        int
	Indicator   string
	Target      string // as written: 6.5%左右
	TargetQuote string // verbatim from the target's sentence, with its number
	ResultFile  string // "" when no later report mentions it
	Result      string
	ResultQuote string
	Verdict     string // 达成, 超额, 未达成, 无法判断 or 未提及
	Note        string
}

// notMentioned is the judged verdict of a target that report N+1 says
// nothing of.
const notMentioned = "未提及"

// judgedRecall are the verdicts of the pairs a tracker must find: those
// whose result can be compared with the target.
var judgedRecall = []string{corpus.VerdictMet.Label(), corpus.VerdictExceeded.Label(), corpus.VerdictMissed.Label()}

// judgedVerdicts are the verdicts a judgment may give: the tracker's, in
// its labels, for a target with a result.
var judgedVerdicts = append(slices.Clone(judgedRecall), corpus.VerdictUnclear.Label(), notMentioned)

// ReadTrackPairs reads a judgment file: tab-separated series, target
// file, year, indicator, target, target quote, result file, result,
// result quote, verdict and note.
func ReadTrackPairs(r io.Reader) ([]TrackPair, error) {
	var out []TrackPair
	err := eachTSVLine(r, func(n int, line string) error {
		f, err := tsvFields(n, line, 11)
		if err != nil {
			return err
		}
		year, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("line %d: year %q: %w", n, f[2], err)
		}
		p := TrackPair{Line: n, Series: f[0], TargetFile: f[1], Year: year, Indicator: f[3], Target: f[4], TargetQuote: f[5],
			ResultFile: f[6], Result: f[7], ResultQuote: f[8], Verdict: f[9], Note: f[10]}
		if !slices.Contains(judgedVerdicts, p.Verdict) {
			return fmt.Errorf("line %d: verdict %q, want one of %s", n, p.Verdict, strings.Join(judgedVerdicts, ", "))
		}
		if (p.Verdict == notMentioned) != (p.ResultQuote == "") {
			return fmt.Errorf("line %d: a result quote is given exactly when the verdict is not 未提及", n)
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// TrackOutcome is how the tracker did on one judged target.
type TrackOutcome struct {
	Pair TrackPair
	// Found is the tracked target the judgment's target quote names, nil
	// when the tracker has none there.
	Found *corpus.Tracked
	// Paired: the tracker gave the judged result. Wrong: it gave a result
	// the judgment does not (another figure, or one where 未提及).
	Paired, Wrong bool
	VerdictRight  bool // the tracker's verdict is the judged one (when Paired)
}

// TrackSummary is the tracker's score on a judged set.
type TrackSummary struct {
	Outcomes []TrackOutcome
	// Pairs the tracker gave for judged targets, and how many are right:
	// precision is Right/Given. Wanted are the judged pairs with a
	// comparable result and Found how many the tracker gave: recall.
	Given, Right, Wanted, Found int
	// Verdicts right among the right pairs.
	VerdictsRight int
	// Unjudged are the pairs the tracker gave for targets of the judged
	// reports that no judgment names: neither right nor wrong.
	Unjudged      int
	UnjudgedPairs []corpus.Tracked
}

// Precision is the share of the tracker's judged pairs that are right.
func (s TrackSummary) Precision() float64 { return ratio(s.Right, s.Given) }

// Recall is the share of the wanted pairs the tracker gave.
func (s TrackSummary) Recall() float64 { return ratio(s.Found, s.Wanted) }

// VerdictAccuracy is the share of right pairs with the judged verdict.
func (s TrackSummary) VerdictAccuracy() float64 { return ratio(s.VerdictsRight, s.Right) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TrackLibrary is what ScoreTrack reads the tracker's output against: the
// reports by the file name a judgment gives, and their paragraphs' text.
type TrackLibrary struct {
	ReportOf  map[string]string // judged file → report ID
	Paragraph func(id string) string
	Figures   map[string][]*corpus.Figure // report ID → its figures, to explain a miss
}

// ScoreTrack scores tracked targets against judged pairs. A tracked
// target is the judged one when its figure's span in its paragraph
// overlaps the target quote there; its result is the judged one when it
// overlaps the result quote in the result's paragraph.
func ScoreTrack(pairs []TrackPair, tracked []corpus.Tracked, lib TrackLibrary) TrackSummary {
	var s TrackSummary
	claimed := map[string]bool{} // target figure IDs a judgment names
	for _, p := range pairs {
		o := TrackOutcome{Pair: p}
		want := lib.ReportOf[p.TargetFile]
		// The figure the quote covers; of two (生猪存栏47万头、出栏62万头),
		// the one with the judged number.
		for i := range tracked {
			t := &tracked[i]
			if corpus.ReportOfID(t.Target.ParagraphID) == want && quoteCovers(lib, t.Target, p.TargetQuote) {
				if o.Found == nil || !hasNumber(o.Found.Target, p.Target) && hasNumber(t.Target, p.Target) ||
					o.Found.Target.ID == t.Target.ID && nameLikeness(t.Target.Indicator, p.Indicator) > nameLikeness(o.Found.Target.Indicator, p.Indicator) {
					o.Found = t // of one figure tracked for two indicators (A和B增长…), the judged one
				}
			}
		}
		comparable := slices.Contains(judgedRecall, p.Verdict)
		if comparable {
			s.Wanted++
		}
		if o.Found != nil {
			claimed[o.Found.Target.ID] = true
			if r := o.Found.Result; r != nil {
				s.Given++
				o.Paired = p.ResultQuote != "" && corpus.ReportOfID(r.ParagraphID) == lib.ReportOf[p.ResultFile] && quoteCovers(lib, r, p.ResultQuote) &&
					hasNumber(r, p.Result)
				o.Wrong = !o.Paired
				if o.Paired {
					s.Right++
					if comparable {
						s.Found++
					}
					o.VerdictRight = o.Found.Verdict.Label() == p.Verdict
					if o.VerdictRight {
						s.VerdictsRight++
					}
				}
			}
		}
		s.Outcomes = append(s.Outcomes, o)
	}
	judged := map[string]bool{}
	for _, id := range lib.ReportOf {
		judged[id] = true
	}
	for _, t := range tracked {
		if t.Result != nil && !claimed[t.Target.ID] && judged[corpus.ReportOfID(t.Target.ParagraphID)] {
			s.Unjudged++
			s.UnjudgedPairs = append(s.UnjudgedPairs, t)
		}
	}
	return s
}

// quoteCovers reports whether quote, found in f's paragraph, overlaps f's
// span there.
func quoteCovers(lib TrackLibrary, f *corpus.Figure, quote string) bool {
	text := lib.Paragraph(f.ParagraphID)
	q := corpus.Normalize(quote)
	if q == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], q)
		if i < 0 {
			return false
		}
		start := from + i
		if start < f.End && f.Start < start+len(q) {
			return true
		}
		from = start + 1
	}
}

// hasNumber reports whether f's value, as written, is the first number
// written in judged (6.5 of 6.5%左右), or judged has none in digits.
func hasNumber(f *corpus.Figure, judged string) bool {
	j := corpus.Normalize(judged)
	start := strings.IndexAny(j, "0123456789")
	if start < 0 {
		return true
	}
	end := start
	for end < len(j) && (j[end] >= '0' && j[end] <= '9' || j[end] == '.') {
		end++
	}
	v, err := strconv.ParseFloat(j[start:end], 64)
	if err != nil {
		return false
	}
	return v == f.Value || f.Low != nil && v == *f.Low
}

// nameLikeness is how many of judged's characters an indicator has.
func nameLikeness(indicator, judged string) int {
	n := 0
	for _, r := range judged {
		if strings.ContainsRune(indicator, r) {
			n++
		}
	}
	return n
}
