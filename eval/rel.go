package eval

import (
	"context"
	"fmt"
	"io"
	"strings"

	"reportsearch/query"
	"reportsearch/search"
)

// RelQuery is a query with the evidence of the paragraphs a user wants for
// it: each evidence string is a literal piece of one wanted paragraph.
type RelQuery struct {
	Query    string
	Evidence []string
}

// ReadRel reads the relevance TSV format: query, tab, evidence strings
// separated by |, and any further columns, which it ignores; lines starting
// with # are comments.
func ReadRel(r io.Reader) ([]RelQuery, error) {
	var out []RelQuery
	err := eachTSVLine(r, func(n int, line string) error {
		q, ev, ok := strings.Cut(line, "\t")
		// Columns after the evidence (a query's class, a note) are for
		// the people who read the file.
		ev, _, _ = strings.Cut(ev, "\t")
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
				if holdsEvidence(h, ev) {
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

// sentenceMarks are the marks a heading run into its paragraph's line loses
// when the parser takes it apart (1.都市经济质效齐升。“3+2”…).
var sentenceMarks = strings.NewReplacer("。", "", "；", "", "：", "", "，", "")

// holdsEvidence reports whether a hit is the paragraph an evidence string
// names: its text holds it, or its own heading and its text do together —
// a judge who reads the report's lines sees a heading run into the first
// paragraph of its section as one line.
func holdsEvidence(h search.Hit, ev string) bool {
	if strings.Contains(h.Text, ev) {
		return true
	}
	return strings.Contains(sentenceMarks.Replace(h.OwnHeading()+h.Text), sentenceMarks.Replace(ev))
}
