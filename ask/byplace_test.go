package ask_test

import (
	"context"
	"testing"

	"reportsearch/corpus"
	"reportsearch/internal/testengine"
	"reportsearch/internal/testindex"
)

// TestAnswersByPlace: a question that names no place, asked of the reports
// of many places, is answered for each place whose figures fit — its own
// figure of one of its reports, with the citation — the answer's place
// first.
func TestAnswersByPlace(t *testing.T) {
	e := testengine.Engine(t, testindex.Multi)
	a := testengine.AskerFor(t, e)
	for _, q := range []string{"地区生产总值是多少？", "城镇新增就业多少人？"} {
		ans, err := a.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !ans.Found || len(ans.ByPlace) < 3 {
			t.Fatalf("%s: found %v, %d places answered: %+v", q, ans.Found, len(ans.ByPlace), ans.Places)
		}
		if ans.ByPlace[0].Figure != ans.Figures[0] || ans.ByPlace[0].Answer != ans.Answer {
			t.Errorf("%s: the first place's answer %q is not the answer %q", q, ans.ByPlace[0].Answer, ans.Answer)
		}
		for i, pa := range ans.ByPlace {
			if pa.Place != ans.Places[i] {
				t.Errorf("%s: row %d is %s, places[%d] %s", q, i, pa.Place, i, ans.Places[i])
			}
			report := corpus.ReportOfID(pa.Figure.ParagraphID)
			if got := e.Catalog().PlaceOf(report); got != pa.Place {
				t.Errorf("%s: %s's figure is of %s, a report of %s", q, pa.Place, report, got)
			}
			if pa.Citation == nil || pa.Citation.ID != pa.Figure.ParagraphID || pa.Citation.Cite == "" || pa.Answer == "" {
				t.Errorf("%s: %s: answer %q, citation %+v", q, pa.Place, pa.Answer, pa.Citation)
			}
		}
	}
}
