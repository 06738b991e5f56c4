package web

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserFirstRun: at a desktop's and a phone's width, the home page
// shows what is loaded and its examples without scrolling sideways, an
// example question clicked is answered with the answer the home page
// promised, and the syntax help it links to fits the width too.
func TestBrowserFirstRun(t *testing.T) {
	for _, width := range []int{1280, 390} {
		s := newBrowser(t, width, 900)
		s.do("open the home page", chromedp.Navigate(s.base+"/"), chromedp.WaitVisible(chromedp.CSS(`#loaded`)))
		if overflow := eval[int](s, `document.documentElement.scrollWidth - window.innerWidth`); overflow > 0 {
			t.Errorf("the home page scrolls sideways by %d px at %d px", overflow, width)
		}
		promised := eval[string](s, `document.querySelector('#ex-ask + ul li .meta').textContent`)
		s.clickAndLoad("click the first example question", `#ex-ask + ul li a`)
		if got := eval[string](s, `(document.querySelector('#answer .figure-answer .value') || {}).textContent || ''`); "答："+got != promised {
			t.Errorf("at %d px the example question is answered %q, the home page promised %q", width, got, promised)
		}
		s.do("open the help", chromedp.Navigate(s.base+pathHelp), chromedp.WaitVisible(chromedp.CSS(`#fields`)))
		if overflow := eval[int](s, `document.documentElement.scrollWidth - window.innerWidth`); overflow > 0 {
			t.Errorf("the syntax help scrolls sideways by %d px at %d px", overflow, width)
		}
		s.noConsoleErrors()
	}
}
