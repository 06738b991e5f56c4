package corpus

import (
	"slices"
	"strings"
	"testing"
)

func TestSelectCommitmentsAndComparisons(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	reports := []*Report{r}
	all := SelectCommitments(reports, CommitmentFilter{})
	edu := SelectCommitments(reports, CommitmentFilter{Domain: "教育"})
	if len(edu) == 0 || len(edu) >= len(all) {
		t.Fatalf("教育: %d of %d commitments", len(edu), len(all))
	}
	for _, c := range edu {
		if !slices.Contains(c.Domains, "教育") {
			t.Errorf("%s: domains %v", c.ID, c.Domains)
		}
	}
	// Words: every one must occur in the sentence.
	word := []rune(all[0].Text)[:2]
	withWord := SelectCommitments(reports, CommitmentFilter{Words: []string{string(word)}})
	if len(withWord) == 0 {
		t.Fatalf("no commitment contains %q, which the first one does", string(word))
	}
	for _, c := range withWord {
		if !strings.Contains(c.Text, string(word)) {
			t.Errorf("%s lacks %q", c.ID, string(word))
		}
	}
	if got := SelectCommitments(reports, CommitmentFilter{Words: []string{string(word), "不存在的词语组合"}}); len(got) != 0 {
		t.Errorf("%d commitments contain a word that is nowhere", len(got))
	}

	cs := Compare(reports)
	if len(cs) == 0 {
		t.Fatal("no comparisons")
	}
	for _, year := range []int{2022, 2023} {
		got := SelectComparisons(cs, FigureFilter{Year: year, Kind: FigureActual})
		if len(got) != len(cs) {
			t.Errorf("year %d keeps %d of %d pairs (every pair has a 2022 result and a 2023 target; kind is ignored)", year, len(got), len(cs))
		}
	}
	if got := SelectComparisons(cs, FigureFilter{Year: 2030}); len(got) != 0 {
		t.Errorf("year 2030 keeps %d pairs", len(got))
	}
	ind := cs[0].Target.Indicator
	for _, c := range SelectComparisons(cs, FigureFilter{Words: []string{ind}}) {
		if !strings.Contains(c.Target.Indicator, ind) && !strings.Contains(c.Result.Indicator, ind) {
			t.Errorf("pair %s passed the words %q", c.Indicator, ind)
		}
	}
}
