package eval

import (
	"context"
	"fmt"
	"io"
	"strings"

	"reportsearch/ask"
)

// QAQuestion is a question with the answer strings that must all appear in
// the answer and a literal piece of the paragraph it must cite.
type QAQuestion struct {
	Question string
	Answers  []string
	Evidence string
}

// ReadQA reads the QA TSV format: question, tab, answers separated by |,
// tab, evidence; lines starting with # are comments.
func ReadQA(r io.Reader) ([]QAQuestion, error) {
	var out []QAQuestion
	err := eachTSVLine(r, func(n int, line string) error {
		p := strings.Split(line, "\t")
		if len(p) != 3 || strings.TrimSpace(p[0]) == "" || strings.TrimSpace(p[1]) == "" {
			return fmt.Errorf("QA file: line %d: want question<TAB>answer|answer<TAB>evidence", n)
		}
		out = append(out, QAQuestion{Question: strings.TrimSpace(p[0]), Answers: alternatives(p[1]), Evidence: strings.TrimSpace(p[2])})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// QAResult is how one question fared.
type QAResult struct {
	Question      string
	Answer        string
	Found         bool
	AnswerRight   bool // every answer string appears in the answer
	CitationRight bool // the cited paragraph contains the evidence
}

// Passed reports whether both the answer and the citation are right.
func (r QAResult) Passed() bool { return r.AnswerRight && r.CitationRight }

// QASummary aggregates a QA evaluation.
type QASummary struct {
	Results                          []QAResult
	AnswerAccuracy, CitationAccuracy float64
	Passed, Failed                   int
}

// JudgeAnswer checks an answer against a question's judgment: every answer
// string appears in the answer, and the cited paragraph holds the evidence.
func JudgeAnswer(q QAQuestion, a *ask.Answer) QAResult {
	r := QAResult{Question: q.Question, Answer: a.Answer, Found: a.Found, AnswerRight: a.Found}
	for _, want := range q.Answers {
		r.AnswerRight = r.AnswerRight && strings.Contains(a.Answer, want)
	}
	r.CitationRight = a.Found && a.Citation != nil && q.Evidence != "" && strings.Contains(a.Citation.Text, q.Evidence)
	return r
}

// QA asks every question and checks answers and citations.
func QA(ctx context.Context, e Asker, qs []QAQuestion) (*QASummary, error) {
	s := &QASummary{}
	var answers, citations int
	for _, q := range qs {
		a, err := e.Ask(ctx, q.Question)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", q.Question, err)
		}
		r := JudgeAnswer(q, a)
		if r.AnswerRight {
			answers++
		}
		if r.CitationRight {
			citations++
		}
		if r.Passed() {
			s.Passed++
		} else {
			s.Failed++
		}
		s.Results = append(s.Results, r)
	}
	if len(qs) > 0 {
		s.AnswerAccuracy = float64(answers) / float64(len(qs))
		s.CitationAccuracy = float64(citations) / float64(len(qs))
	}
	return s, nil
}
