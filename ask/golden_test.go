package ask_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/eval"
	"reportsearch/internal/golden"
	"reportsearch/internal/testengine"
	"reportsearch/internal/testindex"
)

// qaSet is a set of questions with the index they are asked of.
type qaSet struct {
	file string // under testdata
	set  testindex.Set
}

// qaSets are every QA set of testdata: the default report's, the sets over
// 17 reports of 9 places, the development sets' tuning halves over every
// test report, and each test report's own set asked of that report indexed
// alone.
func qaSets(t testing.TB) []qaSet {
	sets := []qaSet{
		{"qa_dev.tsv", testindex.Default},
		{"qa_multi.tsv", testindex.Multi},
		{"qa_more.tsv", testindex.Multi},
		{"qa_sectors.tsv", testindex.Multi},
		{"qa_phrasing.tsv", testindex.Multi},
		// The tuning half of the development corpus's questions, asked of
		// every test report; the test half is measured with eval only.
		{"unseen/tuning.tsv", testindex.Unseen},
		// The tuning halves of the later development sets and the
		// questions in the forms users type, asked of every report.
		{"fresh/tuning.tsv", testindex.All},
		{"fresh2/tuning.tsv", testindex.All},
		{"phrasing/tuning.tsv", testindex.All},
		{"phrasing2/tuning.tsv", testindex.All},
	}
	files, err := filepath.Glob("testdata/single/*.tsv")
	if err != nil || len(files) < 16 {
		t.Fatalf("%d question files, %v", len(files), err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".tsv")
		sets = append(sets, qaSet{"single/" + name + ".tsv", testindex.Single(name)})
	}
	return sets
}

// readQA reads a QA set of testdata.
func readQA(t *testing.T, file string) []eval.QAQuestion {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := eval.ReadQA(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return qs
}

// answerLine is one question's line of a QA golden file: the question, how
// the answer fares against the set's judgment (ok, or WRONG and what), then
// what Ask said: found, the answer, the cited paragraph and the frame, with
// the places it named.
func answerLine(q eval.QAQuestion, a *ask.Answer) string {
	r := eval.JudgeAnswer(q, a)
	judged := "ok"
	switch {
	case !r.AnswerRight && !r.CitationRight:
		judged = "WRONG answer+citation"
	case !r.AnswerRight:
		judged = "WRONG answer"
	case !r.CitationRight:
		judged = "WRONG citation"
	}
	cited := ""
	if a.Citation != nil {
		cited = a.Citation.ID
	}
	frame := a.Frame.String()
	if a.Unindexed != "" {
		frame += " unindexed=" + a.Unindexed
	}
	if len(a.Places) > 0 {
		frame += " places=" + strings.Join(a.Places, ",")
	}
	if a.AlsoNamed != "" {
		frame += " also_named=" + a.AlsoNamed
	}
	clean := strings.NewReplacer("\t", " ", "\n", " ")
	return strings.Join([]string{q.Question, judged, fmt.Sprint(a.Found), clean.Replace(a.Answer), cited, clean.Replace(frame)}, "\t")
}

// TestGoldenAnswers asks every question of every QA set and compares each
// answer with testdata/golden/qa/<set>: a changed answer, citation or frame
// fails with the question named, and answers the set judges wrong are
// recorded as WRONG, so that a fix shows as an improvement in the diff.
// After an intended change, run `go test ./ask -run GoldenAnswers -update`
// and review the diff.
func TestGoldenAnswers(t *testing.T) {
	for _, set := range qaSets(t) {
		t.Run(set.file, func(t *testing.T) {
			t.Parallel()
			a := testengine.Asker(t, set.set)
			var got bytes.Buffer
			got.WriteString("# question\tjudged\tfound\tanswer\tcited\tframe\n")
			for _, q := range readQA(t, set.file) {
				ans, err := a.Ask(context.Background(), q.Question)
				if err != nil {
					t.Fatalf("%s: %v", q.Question, err)
				}
				got.WriteString(answerLine(q, ans) + "\n")
			}
			golden.Check(t, filepath.Join("testdata", "golden", "qa", set.file), got.Bytes())
		})
	}
}

// determinismRepeats is how often TestDeterministicAnswers asks each
// question (fewer under the race detector, which makes each ask ~10× slower).
var determinismRepeats = 50

// TestDeterministicAnswers asks every question of every set many times: the
// frame and the answer must be the same every time (a map ranged over in
// the question's analysis once gave two years in either order).
func TestDeterministicAnswers(t *testing.T) {
	tax := corpus.DefaultTaxonomy()
	for _, set := range qaSets(t) {
		t.Run(set.file, func(t *testing.T) {
			t.Parallel()
			a := testengine.Asker(t, set.set)
			for _, q := range readQA(t, set.file) {
				first := ask.AnalyseQuestion(q.Question, 2023, tax).String()
				for range 50 {
					if f := ask.AnalyseQuestion(q.Question, 2023, tax).String(); f != first {
						t.Fatalf("%s: frame %s, then %s", q.Question, first, f)
					}
				}
				var firstLine string
				for i := range determinismRepeats {
					ans, err := a.Ask(context.Background(), q.Question)
					if err != nil {
						t.Fatal(err)
					}
					line := answerLine(q, ans)
					if i == 0 {
						firstLine = line
					} else if line != firstLine {
						t.Fatalf("asked again:\n  %s\n  %s", firstLine, line)
					}
				}
			}
		})
	}
}
