package search

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"reportsearch/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// qaSet is a set of questions with the engine that answers them.
type qaSet struct {
	file   string // under testdata
	engine func(testing.TB) *Engine
}

// qaSets are every QA set of testdata: the default report's, the sets over
// 17 reports of 9 places, and each test report's own set asked of that
// report indexed alone.
func qaSets(t testing.TB) []qaSet {
	sets := []qaSet{
		{"qa_dev.tsv", mustEngine},
		{"qa_multi.tsv", mustMultiEngine},
		{"qa_more.tsv", mustMultiEngine},
		{"qa_sectors.tsv", mustMultiEngine},
		{"qa_phrasing.tsv", mustMultiEngine},
	}
	files, err := filepath.Glob("testdata/single/*.tsv")
	if err != nil || len(files) < 16 {
		t.Fatalf("%d question files, %v", len(files), err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".tsv")
		sets = append(sets, qaSet{"single/" + name + ".tsv", func(t testing.TB) *Engine { return mustSingleEngine(t, name) }})
	}
	return sets
}

// singleEngines index each test report alone, once for the package's tests.
var singleEngines sync.Map // report name → func() (*Engine, error)

func mustSingleEngine(t testing.TB, name string) *Engine {
	t.Helper()
	open, _ := singleEngines.LoadOrStore(name, onceEngine(func() ([]corpus.Source, error) {
		reports, _ := filepath.Glob("../corpus/testdata/reports/" + name + ".txt")
		batch2, _ := filepath.Glob("../corpus/testdata/reports/batch2/" + name + ".txt")
		if reports = append(reports, batch2...); len(reports) != 1 {
			return nil, fmt.Errorf("%s: %d reports", name, len(reports))
		}
		return corpus.Sources(reports)
	}))
	return mustOpen(t, open.(func() (*Engine, error)))
}

// answerLine is one question's line of a QA golden file: the question, how
// the answer fares against the set's judgment (ok, or WRONG and what), then
// what Ask said: found, the answer, the cited paragraph and the frame, with
// the places it named.
func answerLine(q QAQuestion, a *Answer) string {
	r := JudgeAnswer(q, a)
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
// After an intended change, run `go test ./search -run GoldenAnswers
// -update` and review the diff.
func TestGoldenAnswers(t *testing.T) {
	for _, set := range qaSets(t) {
		t.Run(set.file, func(t *testing.T) {
			e := set.engine(t)
			var got bytes.Buffer
			got.WriteString("# question\tjudged\tfound\tanswer\tcited\tframe\n")
			for _, q := range readTestdata(t, set.file, ReadQA) {
				a, err := e.Ask(context.Background(), q.Question)
				if err != nil {
					t.Fatalf("%s: %v", q.Question, err)
				}
				got.WriteString(answerLine(q, a) + "\n")
			}
			compareGolden(t, filepath.Join("testdata", "golden", "qa", set.file), got.Bytes())
		})
	}
}

// relSets are the relevance sets with the engine that ranks them.
var relSets = []qaSet{
	{"rel_dev.tsv", mustEngine},
	{"rel_more.tsv", mustEngine},
	{"rel_multi.tsv", mustMultiEngine},
}

// TestGoldenRankings compares each relevance query's first ten hits (ID and
// how each matched) and total with testdata/golden/rel/<set>, so that a
// change to ranking shows which queries it moved.
func TestGoldenRankings(t *testing.T) {
	for _, set := range relSets {
		t.Run(set.file, func(t *testing.T) {
			e := set.engine(t)
			var got bytes.Buffer
			got.WriteString("# query\ttotal\tthe first ten hits: ID (match)\n")
			for _, q := range readTestdata(t, set.file, ReadRel) {
				res, err := e.Search(context.Background(), Request{Query: q.Query, Size: 10, Snippets: 1})
				if err != nil {
					t.Fatalf("%s: %v", q.Query, err)
				}
				var hits []string
				for _, h := range res.Hits {
					hits = append(hits, h.ID+" ("+h.Match+")")
				}
				fmt.Fprintf(&got, "%s\t%d\t%s\n", q.Query, res.Total, strings.Join(hits, " "))
			}
			compareGolden(t, filepath.Join("testdata", "golden", "rel", set.file), got.Bytes())
		})
	}
}

// compareGolden writes got to the golden file under -update; otherwise it
// fails for each line keyed by its first field that changed, appeared or
// went.
func compareGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if bytes.Equal(want, got) {
		return
	}
	wantLines := map[string]string{}
	for _, l := range strings.Split(string(want), "\n") {
		k, _, _ := strings.Cut(l, "\t")
		wantLines[k] = l
	}
	seen := map[string]bool{}
	for _, l := range strings.Split(string(got), "\n") {
		k, _, _ := strings.Cut(l, "\t")
		seen[k] = true
		switch w, ok := wantLines[k]; {
		case !ok:
			t.Errorf("new in %s: %s", golden, l)
		case w != l:
			t.Errorf("changed in %s:\n- %s\n+ %s", golden, w, l)
		}
	}
	for k, l := range wantLines {
		if !seen[k] {
			t.Errorf("gone from %s: %s", golden, l)
		}
	}
}

// determinismRepeats is how often TestDeterministicAnswers asks each
// question (fewer under the race detector, which makes each ask ~10× slower).
var determinismRepeats = 50

// TestDeterministicAnswers asks every question of every set many times: the
// frame and the answer must be the same every time (a map ranged over in
// the question's analysis once gave two years in either order).
func TestDeterministicAnswers(t *testing.T) {
	for _, set := range qaSets(t) {
		t.Run(set.file, func(t *testing.T) {
			e := set.engine(t)
			tax := corpus.DefaultTaxonomy()
			for _, q := range readTestdata(t, set.file, ReadQA) {
				first := AnalyseQuestion(q.Question, 2023, tax).String()
				for range 50 {
					if f := AnalyseQuestion(q.Question, 2023, tax).String(); f != first {
						t.Fatalf("%s: frame %s, then %s", q.Question, first, f)
					}
				}
				var firstLine string
				for i := range determinismRepeats {
					a, err := e.Ask(context.Background(), q.Question)
					if err != nil {
						t.Fatal(err)
					}
					line := answerLine(q, a)
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
