package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"reportsearch/corpus"
	"reportsearch/search"
)

// failingFigures streams its figures, then fails after a number of rows.
type failingFigures struct {
	Index
	after int
}

func (f failingFigures) EachFigure(ctx context.Context, ff search.FigureFilter, visit func(*corpus.Figure) error) error {
	fig := &corpus.Figure{ID: "r/p1/f1", Indicator: strings.Repeat("地区生产总值", 20), Sentence: strings.Repeat("全年实现地区生产总值2525亿元。", 20)}
	for range f.after {
		if err := visit(fig); err != nil {
			return err
		}
	}
	return errors.New("the index failed mid-list")
}

// TestCSVDownloadNeverLooksWholeWhenCut: a download that fails before
// anything was sent is an error response; one that fails after is a broken
// transfer the client notices, never a short file with a 200.
func TestCSVDownloadNeverLooksWholeWhenCut(t *testing.T) {
	f := setup(t)
	early, err := New(Config{Index: failingFigures{Index: f.engine, after: 3}, Asker: f.asker})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	early.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/figures?format=csv", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), "error") {
		t.Errorf("a download failing early: %d %q, want a 500 error response", rec.Code, rec.Body.String())
	}

	late, err := New(Config{Index: failingFigures{Index: f.engine, after: 5000}, Asker: f.asker})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(late)
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/api/figures?format=csv")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err == nil {
		t.Errorf("a download failing after %d bytes were sent arrived as a whole file (status %d)", n, resp.StatusCode)
	}
	if n < csvHold {
		t.Errorf("only %d bytes arrived: the test wants a failure after the status was sent", n)
	}
}
