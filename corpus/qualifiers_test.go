package corpus

import (
	"slices"
	"testing"

	"reportsearch/lexicon"
)

// Every change to a level (回落到2.6%, 降至2.1%) is a qualifier that makes
// the number the level reached, not the change: a verb of
// change-to-verbs.txt with 到 or 至 after it must be in qualifiers.tsv, or
// 回落到2.6% reads as a decline of 2.6%.
func TestChangeToVerbsAreQualifiers(t *testing.T) {
	var words []string
	for _, q := range qualifiers {
		words = append(words, q.Word)
	}
	for _, v := range lexicon.Words("change-to-verbs") {
		for _, to := range []string{"到", "至"} {
			if !slices.Contains(words, v+to) {
				t.Errorf("%s%s is a change to a level but not a qualifier (lexicon/data/qualifiers.tsv)", v, to)
			}
		}
	}
	for text, want := range map[string]Measure{"居民消费价格涨幅回落到2.6%。": MeasureRate, "居民消费价格涨幅回落2.6个百分点。": MeasureDecline} {
		r, err := Parse("t.txt", []byte("一、测试\n"+text+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		var got []Measure
		for f := range r.Figures() {
			got = append(got, f.Measure)
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s: measures %v, want one figure of measure %s", text, got, want)
		}
	}
}
