package ask_test

import (
	"context"
	"strings"
	"testing"

	"reportsearch/corpus"
	"reportsearch/internal/testengine"
	"reportsearch/internal/testindex"
)

// TestAnswerQuotations: an answer quotes the sentences that hold its
// figure, a list item its own sentence and a where-answer the sentences
// that write the phrase — each “…”（《题名》，…，位置）, never the bare
// paragraph around them.
func TestAnswerQuotations(t *testing.T) {
	e := testengine.Asker(t, testindex.Default)
	ctx := context.Background()
	check := func(what string, q *corpus.Quotation, paragraph, must string) {
		t.Helper()
		if q == nil {
			t.Fatalf("%s: no quotation", what)
		}
		passage := strings.TrimSuffix(q.Passage, corpus.Ellipsis)
		if !strings.Contains(passage, must) || !strings.HasPrefix(q.Text, "“"+q.Passage+"”（《") || !strings.HasSuffix(q.Text, "）") {
			t.Errorf("%s: quotation %q, want the sentences with %q", what, q.Text, must)
		}
		if len(q.Passage) >= len(paragraph) && strings.Count(paragraph, "。") > 1 {
			t.Errorf("%s: quotes the whole paragraph %q", what, q.Passage)
		}
	}
	a, err := e.Ask(ctx, "2022年城镇新增就业多少人？")
	if err != nil || !a.Found || a.Citation == nil {
		t.Fatalf("%v %+v", err, a)
	}
	check("a figure's answer", a.Citation.Quote, a.Citation.Text, a.Figures[0].Text)
	l, err := e.Ask(ctx, "2023年教育方面有哪些目标?")
	if err != nil || len(l.Items) == 0 {
		t.Fatalf("%v %+v", err, l)
	}
	single := strings.NewReplacer("“", "‘", "”", "’") // a passage's own quotation marks
	for _, it := range l.Items {
		if !strings.Contains(it.Quote.Passage, single.Replace(strings.TrimRight(it.Text, "。；，"))) || it.Quote.Code != corpus.CiteCode(it.ID) {
			t.Errorf("list item %q quoted as %q (%s)", it.Text, it.Quote.Text, it.Quote.Code)
		}
	}
	w, err := e.Ask(ctx, "哪里提到德寿宫?")
	if err != nil || w.Citation == nil {
		t.Fatalf("%v %+v", err, w)
	}
	check("a where-answer", w.Citation.Quote, w.Citation.Text, "德寿宫")
}
