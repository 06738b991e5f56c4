package ask_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"reportsearch/ask"
	"reportsearch/internal/testengine"
	"reportsearch/internal/testindex"
	"reportsearch/t2s"
)

// TestAskTraditional: a question written in traditional characters
// (2022年地區生產總值是多少?) is read as its simplified form is (the same
// frame) and gets the same answer: the same figure from the same paragraph. The questions are the judged set's
// (testdata/qa_dev.tsv) and a few of the other kinds.
func TestAskTraditional(t *testing.T) {
	e := testengine.Asker(t, testindex.Default)
	data, err := os.ReadFile("testdata/qa_dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	questions := []string{"2022年地区生产总值是多少?", "去年地区生产总值增长了多少?", "2023年城镇新增就业目标是多少?", "2022年完成既有住宅加装电梯多少台?"}
	for _, line := range strings.Split(string(data), "\n") {
		if q, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(q, "#") {
			questions = append(questions, q)
		}
	}
	ctx := context.Background()
	changed := 0
	for _, q := range questions {
		trad := t2s.Traditional(q)
		if trad == q {
			continue
		}
		changed++
		want, err := e.Ask(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.Ask(ctx, trad)
		if err != nil {
			t.Fatal(err)
		}
		if got.Frame.String() != want.Frame.String() {
			t.Errorf("%s is read as %s, %s as %s", trad, got.Frame, q, want.Frame)
		}
		if got.Found != want.Found || got.Answer != want.Answer || citationID(got.Citation) != citationID(want.Citation) {
			t.Errorf("%s → %q from %s; %s → %q from %s", trad, got.Answer, citationID(got.Citation), q, want.Answer, citationID(want.Citation))
		}
	}
	if changed < 20 {
		t.Errorf("only %d questions have a traditional form", changed)
	}
}

func citationID(c *ask.Citation) string {
	if c == nil {
		return ""
	}
	return c.ID
}
