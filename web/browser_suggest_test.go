package web

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"reportsearch/query"
	"reportsearch/search"
)

// suggestPrefix is typed into the search box: two characters that many
// terms, indicators and headings of the fixture's national report start
// with.
const suggestPrefix = "经济"

// optionView is an option of the suggestion list as the page shows it.
type optionView struct {
	ID, Text, Meta, Selected string
}

const readOptions = `Array.from(document.querySelectorAll('#suggest-list [role=option]')).map(o => ({
  ID: o.id, Text: o.querySelector('.suggest-text').textContent, Meta: o.querySelector('.suggest-meta').textContent,
  Selected: o.getAttribute('aria-selected')}))`

// countAsked counts the page's requests for suggestions from now on.
const countAsked = `window.__asked = 0; { const f = window.fetch;
  window.fetch = (u, o) => { if (String(u).includes('/api/suggest')) window.__asked++; return f(u, o); }; }`

// TestBrowserSuggestKeyboard: typing a prefix opens a list of suggestions
// with counts (a combobox with its listbox); ↓ and ↑ move the active
// option, Esc closes, Enter takes it and lands on its search; nothing is
// asked while an IME composes; no console or CSP error.
func TestBrowserSuggestKeyboard(t *testing.T) {
	f := setup(t)
	want, err := f.engine.Suggest(context.Background(), suggestPrefix, search.DefaultSuggestions)
	if err != nil || len(want) < 3 {
		t.Fatalf("the fixture suggests %d for %s (%v): too few to move through", len(want), suggestPrefix, err)
	}
	for _, width := range []int{1280, 390} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			s := newBrowser(t, width, 900)
			s.do("open the home page", chromedp.Navigate(s.base+"/"), chromedp.WaitVisible(chromedp.CSS(`input[name="q"]`)))
			box := chromedp.CSS(`input[name="q"]`)
			if role := eval[string](s, `document.querySelector('input[name="q"]').getAttribute('role')`); role != "combobox" {
				t.Errorf("the search box has role %q, want combobox", role)
			}
			s.do("type a prefix", chromedp.Click(box), chromedp.SendKeys(box, suggestPrefix),
				chromedp.WaitVisible(chromedp.CSS(`#suggest-list [role=option]`)))
			got := eval[[]optionView](s, readOptions)
			if len(got) != len(want) {
				t.Fatalf("%d options shown, the index suggests %d", len(got), len(want))
			}
			for i, o := range got {
				if o.Text != want[i].Text || !strings.Contains(o.Meta, strconv.Itoa(want[i].Paragraphs)+" 段") {
					t.Errorf("option %d: %+v, want %s with %d 段", i, o, want[i].Text, want[i].Paragraphs)
				}
			}
			if v := eval[string](s, `document.querySelector('input[name="q"]').getAttribute('aria-expanded')`); v != "true" {
				t.Errorf("aria-expanded=%q with the list open", v)
			}
			if width == 390 {
				if overflow := eval[int](s, `document.documentElement.scrollWidth - window.innerWidth`); overflow > 0 {
					t.Errorf("the page scrolls sideways by %d px with the list open", overflow)
				}
			}
			shot(t, s, "suggest", width)

			active := func() (string, []optionView) {
				return eval[string](s, `document.querySelector('input[name="q"]').getAttribute('aria-activedescendant') || ''`), eval[[]optionView](s, readOptions)
			}
			s.do("↓ ↓ ↑", chromedp.SendKeys(box, kb.ArrowDown), chromedp.SendKeys(box, kb.ArrowDown), chromedp.SendKeys(box, kb.ArrowUp))
			id, opts := active()
			if id != opts[0].ID || opts[0].Selected != "true" || opts[1].Selected != "false" {
				t.Errorf("after ↓↓↑ the active option is %q (%+v), want the first", id, opts[:2])
			}
			s.do("↓", chromedp.SendKeys(box, kb.ArrowDown))
			if id, opts = active(); id != opts[1].ID {
				t.Errorf("after ↓ the active option is %q, want the second %q", id, opts[1].ID)
			}
			s.do("Esc", chromedp.SendKeys(box, kb.Escape))
			if eval[bool](s, `!document.getElementById('suggest-list').hidden`) || eval[string](s, `document.querySelector('input[name="q"]').getAttribute('aria-expanded')`) != "false" {
				t.Error("Esc left the list open")
			}
			if v := eval[string](s, `document.querySelector('input[name="q"]').value`); v != suggestPrefix {
				t.Errorf("Esc changed the box to %q", v)
			}

			// ↓ opens the list again; ↓ ↓ Enter takes the second.
			s.do("↓ reopens", chromedp.SendKeys(box, kb.ArrowDown), chromedp.WaitVisible(chromedp.CSS(`#suggest-list [role=option]`)))
			s.do("↓ ↓", chromedp.SendKeys(box, kb.ArrowDown), chromedp.SendKeys(box, kb.ArrowDown))
			ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
			defer cancel()
			if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.SendKeys(box, kb.Enter))); err != nil {
				t.Fatalf("Enter on an option: %v", err)
			}
			u, err := url.Parse(eval[string](s, `location.href`))
			if err != nil {
				t.Fatal(err)
			}
			if q := u.Query().Get("q"); q != want[1].Query {
				t.Errorf("Enter searched %q, want the second suggestion's %q", q, want[1].Query)
			}
			if n := eval[int](s, `+(document.getElementById('total') || {}).textContent || 0`); n == 0 {
				t.Errorf("the search for %q found nothing", want[1].Query)
			}

			// An IME composing 经济 asks nothing; its commit does.
			s.do("clear the box", chromedp.Evaluate[chromedp.Void](`document.querySelector('input[name="q"]').value = ''`),
				chromedp.Evaluate[chromedp.Void](countAsked), chromedp.Click(box))
			compose := func(text string) {
				if _, err := chromedp.Call(s.ctx, input.ImeSetComposition, input.ImeSetCompositionParams{Text: text, SelectionStart: int64(len([]rune(text))), SelectionEnd: int64(len([]rune(text)))}); err != nil {
					t.Fatal(err)
				}
			}
			compose("jing")
			compose("经")
			compose("经ji")
			// Longer than the debounce: a request due would have gone.
			s.do("wait past the debounce", chromedp.Evaluate[chromedp.Void](`new Promise(r => setTimeout(r, 400))`, chromedp.EvalAwaitPromise))
			if n := eval[int](s, `window.__asked`); n != 0 {
				t.Errorf("%d suggestion requests while composing", n)
			}
			if _, err := chromedp.Call(s.ctx, input.InsertText, input.InsertTextParams{Text: suggestPrefix}); err != nil {
				t.Fatal(err)
			}
			s.do("the commit asks", chromedp.WaitVisible(chromedp.CSS(`#suggest-list [role=option]`)))
			if n := eval[int](s, `window.__asked`); n != 1 {
				t.Errorf("%d suggestion requests for one committed composition, want 1", n)
			}
			s.noConsoleErrors()
		})
	}
}

// TestBrowserDidYouMean: a real term of the index with one character
// replaced finds nothing with all its words; the page offers 「您要找的是」
// the term, and the link runs the corrected search, which finds it.
func TestBrowserDidYouMean(t *testing.T) {
	f := setup(t)
	typo, term := perturbedTerm(t, f.engine)
	s := newBrowser(t, 1280, 900)
	s.do("search the typo", chromedp.Navigate(s.base+"/?q="+url.QueryEscape(typo)), chromedp.WaitVisible(chromedp.CSS(`#did-you-mean a`)))
	if got := eval[string](s, `document.querySelector('#did-you-mean a').textContent`); got != term {
		t.Errorf("您要找的是 %q, want %q", got, term)
	}
	if text := eval[string](s, `document.getElementById('did-you-mean').textContent`); !strings.HasPrefix(text, "您要找的是") {
		t.Errorf("the correction reads %q", text)
	}
	shot(t, s, "didyoumean", 1280)
	s.clickAndLoad("take the correction", `#did-you-mean a`)
	u, _ := url.Parse(eval[string](s, `location.href`))
	if u.Query().Get("q") != term {
		t.Errorf("the link searched %q, want %q", u.Query().Get("q"), term)
	}
	if n := eval[int](s, `+document.getElementById('total').textContent`); n == 0 {
		t.Error("the corrected search found nothing")
	}
	if eval[bool](s, `!!document.getElementById('did-you-mean')`) {
		t.Error("the corrected search is offered a correction too")
	}
	if partial := eval[int](s, `document.querySelectorAll('li.hit .badge.match').length`); partial == eval[int](s, `document.querySelectorAll('li.hit').length`) {
		t.Error("every hit of the corrected search is a partial or word match")
	}
	s.noConsoleErrors()
}

// perturbedTerm makes a typo of a real term of the fixture's index: a term
// or indicator of four characters or more among the suggestions for
// suggestPrefix, with its last character replaced by one of another
// suggestion, such that the typo occurs nowhere and is corrected to it.
func perturbedTerm(t *testing.T, e *search.Engine) (typo, term string) {
	t.Helper()
	ctx := context.Background()
	list, err := e.Suggest(ctx, suggestPrefix, search.MaxSuggestions)
	if err != nil {
		t.Fatal(err)
	}
	var chars []rune
	for _, s := range list {
		for _, r := range s.Text {
			if unicode.Is(unicode.Han, r) {
				chars = append(chars, r)
			}
		}
	}
	for _, s := range list {
		rs := []rune(s.Text)
		if s.Kind == search.KindHeading || len(rs) < 4 {
			continue
		}
		for _, c := range chars {
			if c == rs[len(rs)-1] {
				continue
			}
			typo := string(rs[:len(rs)-1]) + string(c)
			res, err := e.Search(ctx, search.Request{Query: query.Words(typo)})
			if err != nil {
				t.Fatal(err)
			}
			if res.DidYouMean != nil && res.DidYouMean.Query == s.Text {
				return typo, s.Text
			}
		}
	}
	t.Fatalf("no typo of the suggestions for %s is corrected", suggestPrefix)
	return "", ""
}

// shot saves a screenshot of the viewport to the temporary directory (or
// REPORTSEARCH_SCREENSHOT_DIR) for a person to look at.
func shot(t *testing.T, s *browserSession, name string, width int) {
	t.Helper()
	dir := os.Getenv("REPORTSEARCH_SCREENSHOT_DIR")
	if dir == "" {
		dir = os.TempDir()
	}
	png, err := chromedp.Run(s.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, name+"-"+strconv.Itoa(width)+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", file)
}
