package eval

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"reportsearch/corpus"
)

// Paragraph domains are judged by a sample of report paragraphs, each
// found by its report, its source line and the first characters of that
// line, with the 1 to 3 domains it is about, most important first (see
// testdata/domains/README.md).

// DomainJudgment is one judged paragraph.
type DomainJudgment struct {
	Row     int    // the line of the judgment file
	Report  string // the report's path from the repository root
	Line    int    // the 1-based source line the paragraph is on
	Prefix  string // the line's first characters as stored
	Domains []string
	Note    string
}

// ReadDomainJudgments reads a judgment file: tab-separated report, line,
// prefix, domains (separated by 、) and note.
func ReadDomainJudgments(r io.Reader) ([]DomainJudgment, error) {
	var out []DomainJudgment
	err := eachTSVLine(r, func(n int, line string) error {
		f, err := tsvFields(n, line, 5)
		if err != nil {
			return err
		}
		num, err := strconv.Atoi(f[1])
		if err != nil {
			return fmt.Errorf("line %d: line number %q: %w", n, f[1], err)
		}
		out = append(out, DomainJudgment{Row: n, Report: f[0], Line: num, Prefix: f[2], Domains: strings.Split(f[3], "、"), Note: f[4]})
		return nil
	})
	return out, err
}

// DomainOutcome is how the tagger did on one judged paragraph.
type DomainOutcome struct {
	Judgment  DomainJudgment
	Paragraph *corpus.Paragraph // nil when no parsed paragraph is on the judged line
	Given     []string          // the paragraph's domains as the tagger gives them
}

// Missed are the judged domains the tagger did not give; Extra the given
// ones the judgment does not have.
func (o DomainOutcome) Missed() []string { return minus(o.Judgment.Domains, o.Given) }

// Extra are the given domains the judgment does not have.
func (o DomainOutcome) Extra() []string { return minus(o.Given, o.Judgment.Domains) }

// TopRight reports whether the first given domain is the judged first.
func (o DomainOutcome) TopRight() bool {
	return len(o.Given) > 0 && o.Given[0] == o.Judgment.Domains[0]
}

// minus lists the names of a that b lacks, in a's order.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// DomainSummary counts over judged paragraphs, micro-averaged: every tag
// weighs the same, whichever paragraph it is of.
type DomainSummary struct {
	Paragraphs int // judged
	Found      int // with a parsed paragraph on the judged line
	Given      int // tags given to found paragraphs
	GivenRight int // of those, tags the judgment has
	Judged     int // tags judged of found paragraphs
	JudgedGot  int // of those, tags the tagger gave
	TopRight   int // found paragraphs whose first given domain is the judged first
}

// Precision is the share of given tags the judgment has.
func (s DomainSummary) Precision() float64 { return ratio(s.GivenRight, s.Given) }

// Recall is the share of judged tags the tagger gives.
func (s DomainSummary) Recall() float64 { return ratio(s.JudgedGot, s.Judged) }

// Top1 is the share of found paragraphs whose first domain is the judged first.
func (s DomainSummary) Top1() float64 { return ratio(s.TopRight, s.Found) }

// TagsPerParagraph is how many domains the tagger gives a found paragraph on average.
func (s DomainSummary) TagsPerParagraph() float64 { return ratio(s.Given, s.Found) }

func (s DomainSummary) String() string {
	return fmt.Sprintf("%d paragraphs (%d found): precision %.3f (%d/%d), recall %.3f (%d/%d), top-1 %.3f (%d/%d), %.2f tags a paragraph",
		s.Paragraphs, s.Found, s.Precision(), s.GivenRight, s.Given, s.Recall(), s.JudgedGot, s.Judged,
		s.Top1(), s.TopRight, s.Found, s.TagsPerParagraph())
}

// ScoreDomains compares the tagger's paragraph domains with the
// judgments; reports maps a judgment's report path to the parsed report.
func ScoreDomains(judgments []DomainJudgment, reports map[string]*corpus.Report) (DomainSummary, []DomainOutcome) {
	var sum DomainSummary
	var outs []DomainOutcome
	for _, j := range judgments {
		sum.Paragraphs++
		o := DomainOutcome{Judgment: j}
		if r := reports[j.Report]; r != nil {
			o.Paragraph = JudgedParagraph(r, j.Line, j.Prefix)
		}
		if o.Paragraph != nil {
			o.Given = o.Paragraph.Domains
			sum.Found++
			sum.Given += len(o.Given)
			sum.GivenRight += len(o.Given) - len(o.Extra())
			sum.Judged += len(j.Domains)
			sum.JudgedGot += len(j.Domains) - len(o.Missed())
			if o.TopRight() {
				sum.TopRight++
			}
		}
		outs = append(outs, o)
	}
	return sum, outs
}

// JudgedParagraph finds the paragraph a judgment names: the one that
// starts on its line (the first whose text the line's normalized prefix
// begins, when several do; a heading fused to its body leaves the body
// alone as the paragraph), else the first paragraph whose text holds the
// prefix's normalized text after its first few characters, for a line
// whose numbering marker or heading the parser took off.
func JudgedParagraph(r *corpus.Report, line int, prefix string) *corpus.Paragraph {
	want := strings.TrimSpace(corpus.Normalize(prefix))
	var onLine []*corpus.Paragraph
	for p := range r.Paragraphs() {
		if p.Line == line {
			onLine = append(onLine, p)
		}
	}
	for _, p := range onLine {
		if strings.HasPrefix(p.Text, want) {
			return p
		}
	}
	if len(onLine) > 0 {
		return onLine[0]
	}
	tail := []rune(want)
	if len(tail) > 12 {
		tail = tail[len(tail)-12:]
	}
	for p := range r.Paragraphs() {
		if strings.Contains(p.Text, string(tail)) {
			return p
		}
	}
	return nil
}
