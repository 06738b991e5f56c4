package eval

import (
	"context"
	"fmt"
	"io"
	"strings"

	"reportsearch/ask"
	"reportsearch/corpus"
)

// QAQuestion is a question with the answer strings that must all appear in
// the answer and a literal piece of the paragraph it must cite; or, when
// Unanswerable, a question the reports cannot answer, which must get no
// answer.
type QAQuestion struct {
	Question string
	Answers  []string
	// Evidence are alternatives: the cited paragraph must hold one.
	Evidence     []string
	Unanswerable bool
	// Report, Type and Note are what the extended format also says: the
	// report file that states the answer (or that the question is about;
	// "-" for none), the kind of question (level, growth, target, count,
	// compare, list, where, unanswerable) and the writer's note.
	Report, Type, Note string
}

// noAnswer, as a question's answers, says the reports cannot answer it.
const noAnswer = "-"

// ReadQA reads a QA TSV file, in one of two formats (lines starting with #
// are comments):
//   - question, answers separated by |, evidence;
//   - report, question, answers, evidence (alternatives separated by |),
//     type, note — with answers and evidence "-" for a question the reports
//     cannot answer.
//
// Answers and evidence are normalized as report text is (full-width digits
// and punctuation, spaces), since they are copied from the files and
// compared with the parsed paragraphs.
func ReadQA(r io.Reader) ([]QAQuestion, error) {
	var out []QAQuestion
	err := eachTSVLine(r, func(n int, line string) error {
		p := strings.Split(line, "\t")
		var q QAQuestion
		var answers, evidence string
		switch len(p) {
		case 3:
			q.Question, answers, evidence = p[0], p[1], p[2]
		case 6:
			q.Report, q.Question, answers, evidence, q.Type, q.Note = strings.TrimSpace(p[0]), p[1], p[2], p[3], strings.TrimSpace(p[4]), strings.TrimSpace(p[5])
		default:
			return fmt.Errorf("QA file: line %d: want question<TAB>answer|answer<TAB>evidence, or report<TAB>question<TAB>answers<TAB>evidence<TAB>type<TAB>note; have %d fields", n, len(p))
		}
		q.Question = strings.TrimSpace(q.Question)
		if strings.TrimSpace(answers) == noAnswer {
			q.Unanswerable = true
		} else {
			q.Answers = normalized(alternatives(answers))
			q.Evidence = normalized(alternatives(evidence))
		}
		if q.Question == "" || !q.Unanswerable && (len(q.Answers) == 0 || len(p) == 6 && len(q.Evidence) == 0) {
			return fmt.Errorf("QA file: line %d: a question needs its answers and evidence (or - for none)", n)
		}
		out = append(out, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// normalized is the strings as report text reads once parsed.
func normalized(ss []string) []string {
	for i, s := range ss {
		ss[i] = corpus.Normalize(s)
	}
	return ss
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
	// ByType counts the questions of each type of the extended format
	// ("" for the short one), and how many of them passed.
	ByType map[string]TypeCount
	// Unanswerable is how many questions the reports cannot answer, and
	// Answered how many of those got an answer all the same: the answers
	// that are wrong in the worst way.
	Unanswerable, Answered int
}

// TypeCount is how many questions of a type were asked and passed.
type TypeCount struct{ Asked, Passed int }

// JudgeAnswer checks an answer against a question's judgment: every answer
// string appears in the answer, and the cited paragraph holds one of the
// evidence strings; for an unanswerable question, no answer was found.
func JudgeAnswer(q QAQuestion, a *ask.Answer) QAResult {
	r := QAResult{Question: q.Question, Answer: a.Answer, Found: a.Found}
	if q.Unanswerable {
		r.AnswerRight, r.CitationRight = !a.Found, !a.Found
		return r
	}
	r.AnswerRight = a.Found
	for _, want := range q.Answers {
		r.AnswerRight = r.AnswerRight && strings.Contains(a.Answer, want)
	}
	if a.Found && a.Citation != nil {
		for _, ev := range q.Evidence {
			r.CitationRight = r.CitationRight || ev != "" && strings.Contains(a.Citation.Text, ev)
		}
	}
	return r
}

// QA asks every question and checks answers and citations.
func QA(ctx context.Context, e Asker, qs []QAQuestion) (*QASummary, error) {
	s := &QASummary{ByType: map[string]TypeCount{}}
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
		tc := s.ByType[q.Type]
		tc.Asked++
		if r.Passed() {
			tc.Passed++
		}
		s.ByType[q.Type] = tc
		if q.Unanswerable {
			s.Unanswerable++
			if a.Found {
				s.Answered++
			}
		}
		s.Results = append(s.Results, r)
	}
	if len(qs) > 0 {
		s.AnswerAccuracy = float64(answers) / float64(len(qs))
		s.CitationAccuracy = float64(citations) / float64(len(qs))
	}
	return s, nil
}
