package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"

	"reportsearch/ask"
	"reportsearch/query"
	"reportsearch/search"
)

// Searcher is what the relevance and recall measures need of the index;
// *search.Engine implements it.
type Searcher interface {
	Search(ctx context.Context, req search.Request) (*search.Result, error)
	LiteralMatches(ctx context.Context, s string) ([]string, error)
	ParagraphTexts(ctx context.Context) (map[string]string, error)
}

// Asker answers questions; *ask.Asker implements it.
type Asker interface {
	Ask(ctx context.Context, question string) (*ask.Answer, error)
}

// RelQuery is a query with the evidence of the paragraphs a user wants for
// it: each evidence string is a literal piece of one wanted paragraph.
type RelQuery struct {
	Query    string
	Evidence []string
}

// ReadRel reads the relevance TSV format: query, tab, evidence strings
// separated by |; lines starting with # are comments.
func ReadRel(r io.Reader) ([]RelQuery, error) {
	var out []RelQuery
	err := eachTSVLine(r, func(n int, line string) error {
		q, ev, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(q) == "" || strings.TrimSpace(ev) == "" {
			return fmt.Errorf("relevance file: line %d: want query<TAB>evidence|evidence", n)
		}
		rq := RelQuery{Query: strings.TrimSpace(q), Evidence: alternatives(ev)}
		if len(rq.Evidence) == 0 {
			return fmt.Errorf("relevance file: line %d: no evidence after the tab", n)
		}
		out = append(out, rq)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachTSVLine calls each with every line of r that is neither blank nor a
// comment (starting with #), with its number and without a carriage return.
func eachTSVLine(r io.Reader, each func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := each(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

// alternatives splits a field of |-separated values, trimmed, empty ones
// dropped.
func alternatives(field string) []string {
	var out []string
	for _, v := range strings.Split(field, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// RelResult is how one query fared.
type RelResult struct {
	Query       string
	FirstRank   int // rank of the first relevant hit, 0 if none in the top 10
	Found5      int // evidence paragraphs in the top 5
	Found10     int // evidence paragraphs in the top 10
	Wanted      int
	MissingTop  []string // evidence not found in the top 10
	ReciprocalR float64
}

// Passed reports whether every wanted paragraph is in the top 10.
func (r RelResult) Passed() bool { return r.Found10 == r.Wanted }

// RelSummary aggregates a relevance evaluation.
type RelSummary struct {
	Results           []RelResult
	MRR10             float64
	Recall5, Recall10 float64
	Passed, Failed    int
}

// Rel runs every query and measures MRR@10, recall@5 and recall@10:
// a hit is relevant when its paragraph contains one of the query's evidence
// strings.
func Rel(ctx context.Context, e Searcher, qs []RelQuery) (*RelSummary, error) {
	s := &RelSummary{}
	var found5, found10, wanted int
	for _, q := range qs {
		parsed, err := query.Parse(q.Query)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", q.Query, err)
		}
		res, err := e.Search(ctx, search.Request{Query: parsed, Size: 10, Snippets: 1})
		if err != nil {
			return nil, fmt.Errorf("%q: %w", q.Query, err)
		}
		r := RelResult{Query: q.Query, Wanted: len(q.Evidence)}
		for _, ev := range q.Evidence {
			rank := 0
			for i, h := range res.Hits {
				if strings.Contains(h.Text, ev) {
					rank = i + 1
					break
				}
			}
			switch {
			case rank == 0:
				r.MissingTop = append(r.MissingTop, ev)
			case rank <= 5:
				r.Found5++
				r.Found10++
			default:
				r.Found10++
			}
			if rank > 0 && (r.FirstRank == 0 || rank < r.FirstRank) {
				r.FirstRank = rank
			}
		}
		if r.FirstRank > 0 {
			r.ReciprocalR = 1 / float64(r.FirstRank)
		}
		s.MRR10 += r.ReciprocalR
		found5 += r.Found5
		found10 += r.Found10
		wanted += r.Wanted
		if r.Passed() {
			s.Passed++
		} else {
			s.Failed++
		}
		s.Results = append(s.Results, r)
	}
	if len(qs) > 0 {
		s.MRR10 /= float64(len(qs))
		s.Recall5 = float64(found5) / float64(wanted)
		s.Recall10 = float64(found10) / float64(wanted)
	}
	return s, nil
}

// LiteralRecall samples n substrings (1–8 characters, no spaces) of the
// indexed paragraphs with a seeded generator and checks that a search for
// each returns every paragraph a plain scan finds. It returns the number of
// substrings whose results missed a paragraph and the paragraphs missed.
func LiteralRecall(ctx context.Context, e Searcher, n int, seed uint64) (checked, missedQueries, missedParagraphs int, err error) {
	texts, err := e.ParagraphTexts(ctx)
	if err != nil {
		return 0, 0, 0, err
	}
	if len(texts) == 0 {
		return 0, 0, 0, fmt.Errorf("eval: no paragraphs indexed")
	}
	ids := make([]string, 0, len(texts))
	for id := range texts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for checked < n {
		rs := []rune(texts[ids[rng.IntN(len(ids))]])
		size := 1 + rng.IntN(8)
		if len(rs) < size {
			continue
		}
		i := rng.IntN(len(rs) - size + 1)
		sub := string(rs[i : i+size])
		if strings.IndexFunc(sub, unicode.IsSpace) >= 0 {
			continue
		}
		checked++
		found, err := e.LiteralMatches(ctx, sub)
		if err != nil {
			return checked, missedQueries, missedParagraphs, err
		}
		got := map[string]bool{}
		for _, id := range found {
			got[id] = true
		}
		missed := 0
		for id, t := range texts {
			if strings.Contains(t, sub) && !got[id] {
				missed++
			}
		}
		if missed > 0 {
			missedQueries++
			missedParagraphs += missed
		}
	}
	return checked, missedQueries, missedParagraphs, nil
}

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
