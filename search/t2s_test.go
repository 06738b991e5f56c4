package search

import (
	"context"
	"strings"
	"testing"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/internal/testindex"
	"reportsearch/t2s"
)

// TestTraditionalAndSimplified: an index of the default report as written
// (simplified) and the same report in traditional characters. A query in
// either form finds both, the same number of paragraphs in each, and marks
// in each what its text writes: 老舊小區 in the traditional report, 老旧小区
// in the simplified one.
func TestTraditionalAndSimplified(t *testing.T) {
	simplified := string(corpus.DefaultBytes())
	traditional := t2s.Traditional(simplified)
	if traditional == simplified || !strings.Contains(traditional, "老舊小區") {
		t.Fatal("the traditional copy of the report is not traditional")
	}
	root := testindex.ForTexts(t, map[string]string{"jian.txt": simplified, "fan.txt": traditional})
	e, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	ctx := context.Background()
	for _, simple := range []string{"老旧小区", "地区生产总值", "加装电梯", "数字经济", "“幸福邻里坊”"} {
		trad := t2s.Traditional(simple)
		if trad == simple {
			t.Fatalf("%s has no traditional form to test", simple)
		}
		var totals []int
		for _, q := range []string{simple, trad} {
			res, err := e.Search(ctx, Request{Query: parse(t, q), Size: 50, Snippets: 10})
			if err != nil {
				t.Fatal(err)
			}
			byReport := map[string]int{}
			for _, h := range res.Hits {
				byReport[h.Report]++
				if h.Match != MatchLiteral {
					t.Errorf("%s: hit %s matched by %s, want literally", q, h.ID, h.Match)
				}
				want := strings.Trim(simple, "“”")
				if h.Report == "fan" {
					want = t2s.Traditional(want)
				}
				marks := 0
				for _, s := range h.Snippets {
					for _, m := range s.Matches {
						marks++
						if got := s.Text[m[0]:m[1]]; got != want {
							t.Errorf("%s: hit %s marks %q, want %q", q, h.ID, got, want)
						}
					}
				}
				if marks == 0 {
					t.Errorf("%s: hit %s has no mark", q, h.ID)
				}
			}
			if len(byReport) != 2 {
				t.Errorf("%s: hits in %d reports (%v), want both", q, len(byReport), byReport)
			}
			var counts []int
			for _, n := range byReport {
				counts = append(counts, n)
			}
			if len(counts) == 2 && counts[0] != counts[1] {
				t.Errorf("%s: %v hits by report, want as many in each", q, byReport)
			}
			totals = append(totals, res.Total)
		}
		if totals[0] != totals[1] {
			t.Errorf("%s finds %d paragraphs, %s %d", simple, totals[0], trad, totals[1])
		}
	}
}

// TestFoldSameLengthKeepsOffsets: a match found in folded text is at the
// same bytes of the text as written.
func TestFoldSameLengthKeepsOffsets(t *testing.T) {
	text := "推進老舊小區綜合改造，加裝電梯42台。PM2.5下降"
	spans := matchSpans(text, []string{"老旧小区", "加装电梯", "pm2.5"})
	var got []string
	for _, sp := range spans {
		got = append(got, text[sp[0]:sp[1]])
	}
	if want := "老舊小區|加裝電梯|PM2.5"; strings.Join(got, "|") != want {
		t.Errorf("marks %q, want %q", strings.Join(got, "|"), want)
	}
	if s := indexer.FoldSameLength(text); len(s) != len(text) {
		t.Errorf("folded text has %d bytes, the text %d", len(s), len(text))
	}
}

// TestPhraseForms: a phrase that the two scripts write with different
// characters (批复 and 批覆, 反复 and 反覆), which character folding cannot
// join, is found and marked in either form by a query in either.
func TestPhraseForms(t *testing.T) {
	const simplified = "关于城市更新工作的报告\n\n一、总体情况\n\n经省政府批复同意，项目经反复论证后实施。\n"
	traditional := "關於城市更新工作的報告\n\n一、總體情況\n\n經省政府批覆同意，項目經反覆論證後實施。\n"
	e, err := Open(testindex.ForTexts(t, map[string]string{"jian.txt": simplified, "fan.txt": traditional}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	for _, tc := range []struct{ query, jian, fan string }{
		{"批复", "批复", "批覆"},
		{"批覆", "批复", "批覆"},
		{"“反覆论证”", "反复论证", "反覆論證"},
	} {
		res, err := e.Search(context.Background(), Request{Query: parse(t, tc.query)})
		if err != nil {
			t.Fatal(err)
		}
		marked := map[string]string{}
		for _, h := range res.Hits {
			if h.Match != MatchLiteral {
				t.Errorf("%s: %s matched by %s", tc.query, h.ID, h.Match)
			}
			for _, s := range h.Snippets {
				for _, m := range s.Matches {
					marked[h.Report] += s.Text[m[0]:m[1]]
				}
			}
		}
		if marked["jian"] != tc.jian || marked["fan"] != tc.fan {
			t.Errorf("%s marks %q in the simplified report, %q in the traditional one; want %q and %q", tc.query, marked["jian"], marked["fan"], tc.jian, tc.fan)
		}
	}
}
