package ask_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"

	"reportsearch/ask"
	"reportsearch/internal/testengine"
	"reportsearch/internal/testindex"
)

// copies is how many times TestAnswersOnCopies copies each report:
// REPORTSEARCH_COPIES, or 3. Three copies of 17 reports already put three
// figures where a question's candidates had one; the answers were seen to
// drift at fifty (850 reports), which REPORTSEARCH_COPIES=50 checks in a
// few minutes.
func copies(t *testing.T) int {
	n := 3
	if s := os.Getenv("REPORTSEARCH_COPIES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			t.Fatalf("REPORTSEARCH_COPIES=%q: not a number of copies", s)
		}
	}
	return n
}

// TestAnswersOnCopies: a library that holds each report several times
// answers every question of the sets over Multi as the originals do — the
// same figure, sentence and list items, cited from a copy of the same
// report and paragraph. Copies must neither crowd the answer out of the
// candidates nor change which figure wins.
func TestAnswersOnCopies(t *testing.T) {
	n := copies(t)
	orig := testengine.Asker(t, testindex.Multi)
	copied := testengine.Asker(t, testindex.Copies(n))
	for _, file := range []string{"qa_multi.tsv", "qa_more.tsv", "qa_sectors.tsv", "qa_phrasing.tsv"} {
		t.Run(file, func(t *testing.T) {
			for _, q := range readQA(t, file) {
				want, err := orig.Ask(context.Background(), q.Question)
				if err != nil {
					t.Fatal(err)
				}
				got, err := copied.Ask(context.Background(), q.Question)
				if err != nil {
					t.Fatal(err)
				}
				if w, g := copyInvariant(want), copyInvariant(got); w != g {
					t.Errorf("%s: with %d copies of each report\n got %s\nwant %s", q.Question, n, g, w)
				}
			}
		})
	}
}

// copyInvariant is what of an answer must not change with copies of its
// reports: found, the answer, its sentence, the paragraph cited and the
// list items, with every report named by its original.
func copyInvariant(a *ask.Answer) string {
	cited := ""
	if a.Citation != nil {
		cited = testindex.Original(a.Citation.ID)
	}
	var items []string
	for _, it := range a.Items {
		items = append(items, testindex.Original(it.ID)+" "+it.Text)
	}
	return fmt.Sprintf("found=%v answer=%q sentence=%q cited=%s items=%q", a.Found, a.Answer, a.Sentence, cited, items)
}
