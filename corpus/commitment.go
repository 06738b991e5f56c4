package corpus

import (
	"iter"
	"regexp"
	"strconv"
	"strings"

	"reportsearch/lexicon"
)

// Commitment is a sentence of a plan section that promises an action or a
// number: 完成既有住宅加装电梯80台.
type Commitment struct {
	ID          string   `json:"id"` // "<paragraph ID>/c<n>"
	ParagraphID string   `json:"paragraph_id"`
	Text        string   `json:"text"` // the sentence
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Year        int      `json:"year,omitempty"`
	Strength    string   `json:"strength,omitempty"` // 确保 (a firm pledge), 力争 (an aim), or empty
	Domains     []string `json:"domains"`
	Figures     []string `json:"figures,omitempty"` // IDs of the figures it states
	// ReportLabel says which report makes it; set like Figure's.
	ReportLabel string `json:"report_label,omitempty"`
}

// actionVerbs mark a sentence that commits to doing something.
var actionVerbs = lexicon.Words("action-verbs")

// notCommitments are sentences of a plan section that frame rather than
// promise: 2023年是…开局之年; 我们必须坚持…; 各位代表….
var notCommitments = regexp.MustCompile(`^(` + lexicon.Alternation("framing-openers") + `)|^(\d{4}|今|明)年是.*之年`)

// findCommitments lists the commitments of every target paragraph.
func (r *Report) findCommitments() {
	r.Commitments = nil
	for p := range r.Paragraphs() {
		if p.Kind != KindTarget {
			continue
		}
		n := 0
		for _, s := range p.Sentences {
			text := s.Text(p)
			var figs []string
			for _, f := range p.Figures {
				if f.Start >= s.Start && f.End <= s.End {
					figs = append(figs, f.ID)
				}
			}
			if len(figs) == 0 && (notCommitments.MatchString(text) || !containsAny(text, actionVerbs)) {
				continue
			}
			n++
			r.Commitments = append(r.Commitments, &Commitment{
				ID:          p.ID + "/c" + strconv.Itoa(n),
				ParagraphID: p.ID,
				Text:        text,
				Start:       s.Start,
				End:         s.End,
				Year:        p.Year,
				Strength:    strength(text),
				Figures:     figs,
			})
		}
	}
}

func strength(s string) string {
	switch {
	case containsAny(s, []string{"确保", "务必", "坚决"}):
		return "确保"
	case containsAny(s, []string{"力争", "争取", "努力"}):
		return "力争"
	}
	return ""
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// AllCommitments yields the commitments of several reports.
func AllCommitments(reports []*Report) iter.Seq[*Commitment] {
	return func(yield func(*Commitment) bool) {
		for _, r := range reports {
			for _, c := range r.Commitments {
				if !yield(c) {
					return
				}
			}
		}
	}
}
