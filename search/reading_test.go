package search

import (
	"context"
	"errors"
	"slices"
	"testing"

	"reportsearch/query"
)

// TestReadMarksWhatSearchMarks: the reading view of a report marks, in
// every paragraph a search for the query finds there, at least what the
// hit's snippets mark; it holds every paragraph of the report in reading
// order; and an unknown report is ErrNotFound.
func TestReadMarksWhatSearchMarks(t *testing.T) {
	e := mustMultiEngine(t)
	ctx := context.Background()
	for _, text := range []string{"经济", "就业 增长", "老旧小区改造"} {
		q, err := query.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range e.Catalog().Reports() {
			rd, err := e.Read(ctx, r.ID, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(rd.Paragraphs) != r.Paragraphs {
				t.Fatalf("%s: %d paragraphs read, the catalog counts %d", r.ID, len(rd.Paragraphs), r.Paragraphs)
			}
			marked := map[string][]string{}
			total := 0
			for i, p := range rd.Paragraphs {
				if i > 0 && p.Order <= rd.Paragraphs[i-1].Order {
					t.Fatalf("%s: %s out of reading order", r.ID, p.ID)
				}
				for _, m := range p.Matches {
					marked[p.ID] = append(marked[p.ID], p.Text[m[0]:m[1]])
				}
				total += len(p.Matches)
			}
			if total != rd.Marked {
				t.Errorf("%s: Marked %d, %d marks", r.ID, rd.Marked, total)
			}
			res, err := e.Search(ctx, Request{Query: q.With(query.Filter{Field: query.FieldReport, Op: query.OpEqual, Value: r.ID}), Size: MaxPageSize})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				for _, sn := range h.Snippets {
					for _, m := range sn.Matches {
						if w := sn.Text[m[0]:m[1]]; !slices.Contains(marked[h.ID], w) {
							t.Errorf("%s %q: the hit %s marks %q, the reading view %q", r.ID, text, h.ID, w, marked[h.ID])
						}
					}
				}
			}
		}
	}
	if _, err := e.Read(ctx, "no-such-report", nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("an unknown report: %v", err)
	}
}
