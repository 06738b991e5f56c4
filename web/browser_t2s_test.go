package web

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserTraditionalQuery: a query typed in traditional characters
// (老舊小區) finds the simplified report's 老旧小区 and marks it, and the box
// keeps what was typed.
func TestBrowserTraditionalQuery(t *testing.T) {
	s := newBrowser(t, 1280, 900)
	s.do("open the home page", chromedp.Navigate(s.base+"/"), chromedp.WaitVisible(chromedp.CSS(`input[name="q"]`)))
	s.search("老舊小區")
	s.do("wait for hits", chromedp.WaitVisible(chromedp.CSS(`li.hit`)))
	if n := eval[int](s, `document.querySelectorAll('li.hit').length`); n == 0 {
		t.Fatal("no hits for 老舊小區")
	}
	marks := eval[[]string](s, `Array.from(document.querySelectorAll('li.hit .snippet mark')).map(m => m.textContent)`)
	if len(marks) == 0 {
		t.Fatal("no marks for 老舊小區")
	}
	for _, m := range marks {
		if m != "老旧小区" {
			t.Errorf("marked %q, want 老旧小区", m)
		}
	}
	if q := eval[string](s, `document.querySelector('input[name="q"]').value`); q != "老舊小區" {
		t.Errorf("the search box holds %q, want what was typed", q)
	}
	s.noConsoleErrors()
}
