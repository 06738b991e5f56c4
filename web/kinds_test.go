package web

import (
	"net/url"
	"strings"
	"testing"
)

// TestEstimatesNamedEstimates: every figure of the default report that its
// sentence puts after 预计 is labelled 预计, on the figures page too; on the
// comparison page a result that
// is an estimate is called 预计, not 完成.
func TestEstimatesNamedEstimates(t *testing.T) {
	f := setup(t)
	estimates := 0
	for fig := range f.defaultR.Figures() {
		i := strings.Index(fig.Sentence, "预计")
		says := i >= 0 && i < strings.Index(fig.Sentence, fig.Text)
		got := label("kind", fig.Kind)
		if says && got != "预计" {
			t.Errorf("%s %s %s: labelled %s, its sentence says 预计: %s", fig.ID, fig.Indicator, fig.Text, got, fig.Sentence)
		}
		if says {
			estimates++
		}
	}
	if estimates < 5 {
		t.Fatalf("only %d figures after 预计 in the default report", estimates)
	}
	// The figures page shows them so.
	body := f.get(t, "/figures?kind=estimate&report="+url.QueryEscape(f.defaultR.ID)).Body.String()
	if n := strings.Count(body, `data-label="类型">预计`); n < estimates {
		t.Errorf("the figures page labels %d rows 预计, want %d", n, estimates)
	}
	// The comparison page names each result by its kind.
	page := f.get(t, "/compare").Body.String()
	for _, row := range strings.Split(page, `<li class="cmp-row">`)[1:] {
		if strings.Contains(row, "aria-label=") && !strings.Contains(row, "完成 ") && !strings.Contains(row, "预计 ") {
			t.Errorf("a comparison names its result neither 完成 nor 预计: %.300s", row)
		}
	}
}
