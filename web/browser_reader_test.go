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

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"reportsearch/corpus"
)

// screenshotDirEnv names a directory for the screenshots of the reading
// view and the keyboard tests, to look at: REPORTSEARCH_SCREENSHOTS=/tmp/shots.
const screenshotDirEnv = "REPORTSEARCH_SCREENSHOTS"

// screenshot saves what the browser shows as name.png under
// $REPORTSEARCH_SCREENSHOTS (or a temporary directory), and fails on an
// empty capture.
func (s *browserSession) screenshot(name string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil || len(png) < 1000 {
		s.t.Fatalf("screenshot %s: %d bytes, %v", name, len(png), err)
	}
	dir := os.Getenv(screenshotDirEnv)
	if dir == "" {
		dir = s.t.TempDir()
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// colorScheme emulates the system's light or dark setting.
func (s *browserSession) colorScheme(scheme string) {
	s.t.Helper()
	_, err := chromedp.Call(s.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
	if err != nil {
		s.t.Fatalf("emulate prefers-color-scheme: %s: %v", scheme, err)
	}
}

type readState struct {
	Count, Title, Current, Para string
	Marks                       int
}

const readStateJS = `(() => { const m = document.querySelector('p.para mark.current');
  return {Count: document.querySelector('.match-count').textContent, Title: document.title,
    Current: m ? m.textContent : '', Para: m ? m.closest('p.para').id : '',
    Marks: document.querySelectorAll('p.para mark').length} })()`

// TestBrowserReadingFromHit: a hit's 「全文」 link opens the report at the
// hit's paragraph with the query marked; 「下一处 / 上一处」 move through the
// marks, the count and the tab title follow.
func TestBrowserReadingFromHit(t *testing.T) {
	for _, size := range [][2]int{{1280, 900}, {390, 844}} {
		t.Run(itoaSize(size), func(t *testing.T) {
			s := newBrowser(t, size[0], size[1])
			const query = "经济"
			s.do("search", chromedp.Navigate(s.base+"/?q="+url.QueryEscape(query)), chromedp.WaitVisible(chromedp.CSS(`li.hit`)))
			// The second hit, so that the view does not open at the top.
			hitID := eval[string](s, `document.querySelectorAll('li.hit')[1].dataset.id`)
			s.clickAndLoad("open the reading view from a hit", `li.hit:nth-child(2) a.read-link`)
			s.do("wait for the reading view", chromedp.WaitVisible(chromedp.CSS(`.match-bar`)))
			if path := eval[string](s, `location.pathname`); !strings.HasPrefix(path, pathRead) {
				t.Fatalf("the hit's link led to %s", path)
			}
			st := eval[readState](s, readStateJS)
			if st.Marks < 3 || st.Current != query || st.Para != anchorOf(hitID) {
				t.Fatalf("opened with %+v; want the current mark %q in %s", st, query, anchorOf(hitID))
			}
			if !strings.HasPrefix(st.Count, "第 ") || !strings.HasSuffix(st.Count, " / "+strconv.Itoa(st.Marks)+" 处") {
				t.Errorf("count %q with %d marks", st.Count, st.Marks)
			}
			label := setup(t).engine.Catalog().Label(corpus.ReportOfID(hitID))
			heading := eval[string](s, `(() => { const p = document.querySelector('p.para mark.current').closest('p.para');
			  return p.dataset.section ? document.getElementById(p.dataset.section).textContent.trim() : '' })()`)
			if !strings.Contains(st.Title, label) || heading == "" || !strings.HasPrefix(st.Title, heading) {
				t.Errorf("tab title %q; want the section %q and the report %q", st.Title, heading, label)
			}
			// The hit's mark is in the viewport.
			if in := eval[bool](s, `(() => { const r = document.querySelector('mark.current').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`); !in {
				t.Error("the current mark is not in view")
			}
			s.screenshot("read-" + itoaSize(size))

			// 「下一处」 moves on, further down, and the count says so.
			start := countAt(st.Count)
			s.do("next match", chromedp.Click(chromedp.CSS(`.match-next`)))
			after := eval[readState](s, readStateJS)
			if countAt(after.Count) != start+1 && !(start == st.Marks && countAt(after.Count) == 1) {
				t.Errorf("next: count %q → %q", st.Count, after.Count)
			}
			// Jump well past the start, into other sections: the title follows.
			titles := map[string]bool{after.Title: true}
			for range 12 {
				s.do("next match", chromedp.Click(chromedp.CSS(`.match-next`)))
				titles[eval[string](s, `document.title`)] = true
			}
			if len(titles) < 2 {
				t.Errorf("the tab title did not change over 13 matches: %v", titles)
			}
			at := countAt(eval[string](s, `document.querySelector('.match-count').textContent`))
			s.do("previous match", chromedp.Click(chromedp.CSS(`.match-prev`)))
			if back := countAt(eval[string](s, `document.querySelector('.match-count').textContent`)); back != at-1 && !(at == 1 && back == st.Marks) {
				t.Errorf("previous: %d → %d", at, back)
			}
			// n, the keyboard's 「下一处」.
			s.do("press n", chromedp.KeyEvent("n"))
			if n := countAt(eval[string](s, `document.querySelector('.match-count').textContent`)); n != at {
				t.Errorf("n: %d, want %d", n, at)
			}
			s.screenshot("read-jumped-" + itoaSize(size))
			// A scroll back to the top names the report alone or its first section.
			s.do("scroll to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`), chromedp.Sleep(200*time.Millisecond))
			if top := eval[string](s, `document.title`); !strings.Contains(top, label) {
				t.Errorf("title at the top %q", top)
			}
			if overflow := eval[int](s, `document.documentElement.scrollWidth - window.innerWidth`); overflow > 0 {
				t.Errorf("the reading view scrolls sideways by %d px", overflow)
			}
			s.noConsoleErrors()
		})
	}
}

// TestBrowserReadingFromParagraphPage: the paragraph page's link opens the
// report at the paragraph, with the query the page was opened with.
func TestBrowserReadingFromParagraphPage(t *testing.T) {
	s := newBrowser(t, 1280, 900)
	f := setup(t)
	var id string
	n := 0
	for p := range f.defaultR.Paragraphs() {
		if n++; n >= 10 && strings.Contains(p.Text, "经济") {
			id = p.ID
			break
		}
	}
	// The paragraph page as a hit's link opens it: with the query.
	s.do("open a paragraph", chromedp.Navigate(s.base+"/p/"+id+"?q="+url.QueryEscape("经济")), chromedp.WaitVisible(chromedp.CSS(`.read-in-report a`)))
	s.clickAndLoad("open the report", `.read-in-report a`)
	s.do("wait", chromedp.WaitVisible(chromedp.CSS(`#reading`)))
	if hash := eval[string](s, `decodeURIComponent(location.hash.slice(1))`); hash != anchorOf(id) {
		t.Errorf("opened at #%s, want #%s", hash, anchorOf(id))
	}
	if in := eval[bool](s, `(() => { const r = document.getElementById(decodeURIComponent(location.hash.slice(1))).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight })()`); !in {
		t.Error("the paragraph is not in view")
	}
	if st := eval[readState](s, readStateJS); st.Current != "经济" || st.Para != anchorOf(id) || !strings.HasPrefix(st.Count, "第 ") {
		t.Errorf("opened with %+v; want the query's mark in %s current", st, anchorOf(id))
	}
	s.noConsoleErrors()
}

// TestBrowserKeyboard: / focuses the search box, j/k move a visible focus
// between hits, arrows do so only from a focused hit, Enter opens the hit.
func TestBrowserKeyboard(t *testing.T) {
	s := newBrowser(t, 1280, 900)
	s.do("search", chromedp.Navigate(s.base+"/?q="+url.QueryEscape("经济")), chromedp.WaitVisible(chromedp.CSS(`li.hit`)))
	active := func() string {
		return eval[string](s, `(() => { const a = document.activeElement; return a.matches('li.hit') ? 'hit:' + a.dataset.id : a.tagName + ':' + (a.name || '') })()`)
	}
	s.do("press /", chromedp.KeyEvent("/"))
	if a := active(); a != "INPUT:q" {
		t.Fatalf("after /, the focus is on %s", a)
	}
	// The shortcut's / is not typed into the box (a page's keydown cannot
	// stop the protocol's own char event, so the page is asked directly).
	if !eval[bool](s, `(() => { document.activeElement.blur(); const e = new KeyboardEvent('keydown', {key: '/', bubbles: true, cancelable: true});
	  document.body.dispatchEvent(e); return e.defaultPrevented && document.activeElement.name === 'q' })()`) {
		t.Error("the / shortcut does not take the key for itself")
	}
	// Typed in the box, / is a character, not a shortcut.
	s.do("type / in the box", chromedp.Evaluate[chromedp.Void](`document.querySelector('input[name="q"]').value = ''`), chromedp.KeyEvent("/"))
	if v := eval[string](s, `document.querySelector('input[name="q"]').value`); v != "/" {
		t.Errorf("the box holds %q after typing /", v)
	}
	s.do("leave the box", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
	ids := eval[[]string](s, `Array.from(document.querySelectorAll('li.hit')).map(h => h.dataset.id)`)
	if len(ids) < 3 {
		t.Fatalf("%d hits", len(ids))
	}
	s.do("press j", chromedp.KeyEvent("j"))
	if a := active(); a != "hit:"+ids[0] {
		t.Fatalf("j: focus on %s, want the first hit", a)
	}
	s.do("press j", chromedp.KeyEvent("j"))
	s.do("press ↓", chromedp.KeyEvent(kb.ArrowDown))
	if a := active(); a != "hit:"+ids[2] {
		t.Errorf("j, ↓: focus on %s, want the third hit", a)
	}
	s.do("press k", chromedp.KeyEvent("k"))
	if a := active(); a != "hit:"+ids[1] {
		t.Errorf("k: focus on %s, want the second hit", a)
	}
	// The focus is visible: an outline of some width.
	if w := eval[string](s, `getComputedStyle(document.activeElement).outlineWidth`); w == "0px" || w == "" {
		t.Errorf("the focused hit has outline width %q", w)
	}
	s.screenshot("keys-hit-focus-1280")
	href := eval[string](s, `document.activeElement.querySelector('a.locator').getAttribute('href')`)
	if _, err := chromedp.Run(s.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
		t.Fatalf("Enter: %v", err)
	}
	if loc := eval[string](s, `location.pathname + location.search`); loc != href {
		t.Errorf("Enter opened %s, want %s", loc, href)
	}
	// Off a hit, the arrow scrolls as ever: the focus stays put.
	s.do("back to the hits", chromedp.Navigate(s.base+"/?q="+url.QueryEscape("经济")), chromedp.WaitVisible(chromedp.CSS(`li.hit`)))
	s.do("press ↓ on the page", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent(kb.ArrowDown))
	if a := active(); strings.HasPrefix(a, "hit:") {
		t.Errorf("↓ off a hit moved the focus to %s", a)
	}
	// The skip link is the first stop of Tab and leads to the main text.
	s.do("reload", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`li.hit`)))
	s.do("press Tab", chromedp.KeyEvent(kb.Tab))
	if a := eval[string](s, `document.activeElement.textContent`); a != "跳到正文" {
		t.Errorf("the first Tab stop is %q", a)
	}
	if _, err := chromedp.Run(s.ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if a := eval[string](s, `document.activeElement.id`); a != "main" {
		t.Errorf("the skip link moved the focus to #%s", a)
	}
	s.noConsoleErrors()
}

// TestBrowserCopyAnnounced: 「已复制」 is said in the page's live region.
func TestBrowserCopyAnnounced(t *testing.T) {
	s := newBrowser(t, 1280, 900)
	s.do("search", chromedp.Navigate(s.base+"/?q="+url.QueryEscape("经济")), chromedp.WaitVisible(chromedp.CSS(`li.hit button.copy`)))
	if live := eval[string](s, `document.getElementById('announcer').getAttribute('aria-live')`); live != "polite" {
		t.Fatalf("the announcer is aria-live=%q", live)
	}
	s.do("copy", chromedp.Click(chromedp.CSS(`li.hit button.copy`)))
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	said, err := chromedp.Run(ctx, chromedp.Poll[string](`document.getElementById('announcer').textContent || null`))
	if err != nil || said != "已复制" {
		t.Errorf("the live region says %q (%v)", said, err)
	}
	s.noConsoleErrors()
}

// TestBrowserThemesNoErrors opens every page this work touches at both
// widths in both themes: no console or CSP error, no sideways scroll, and
// in the dark theme the text and marks are light on dark, as the system
// asked.
func TestBrowserThemesNoErrors(t *testing.T) {
	f := setup(t)
	var para string
	for p := range f.defaultR.Paragraphs() {
		para = p.ID
		break
	}
	targets := map[string]string{
		"search":    "/?q=" + url.QueryEscape("经济"),
		"read":      readURL(f.defaultR.ID, "经济", ""),
		"paragraph": "/p/" + para,
		"reports":   "/reports",
		"compare":   "/compare",
		"track":     "/track",
		// Pages the dark theme and the focus rings reach without other change.
		"figures":     "/figures",
		"commitments": "/commitments",
		"basket":      "/basket",
	}
	for _, size := range [][2]int{{1280, 900}, {390, 844}} {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(itoaSize(size)+"-"+scheme, func(t *testing.T) {
				s := newBrowser(t, size[0], size[1])
				s.colorScheme(scheme)
				for name, target := range targets {
					s.do("open "+target, chromedp.Navigate(s.base+target), chromedp.WaitVisible(chromedp.CSS(`main`)))
					if overflow := eval[int](s, `document.documentElement.scrollWidth - window.innerWidth`); overflow > 0 {
						t.Errorf("%s scrolls sideways by %d px", target, overflow)
					}
					dark := eval[bool](s, `(() => { const c = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g).map(Number);
					  return c[0] + c[1] + c[2] < 3 * 80 })()`)
					if dark != (scheme == "dark") {
						t.Errorf("%s in the %s theme: dark background %v", target, scheme, dark)
					}
					if scheme == "dark" || name == "read" || name == "search" {
						s.screenshot(name + "-" + scheme + "-" + itoaSize(size))
					}
				}
				s.noConsoleErrors()
			})
		}
	}
}

func countAt(s string) int {
	var n int
	for _, r := range strings.TrimPrefix(s, "第 ") {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

func itoaSize(size [2]int) string { return strconv.Itoa(size[0]) }

// TestBrowserPrint: printed, the paragraph page and the reading view are
// the text with its citation under it, without the navigation.
func TestBrowserPrint(t *testing.T) {
	f := setup(t)
	var para string
	for p := range f.defaultR.Paragraphs() {
		para = p.ID
	}
	s := newBrowser(t, 1280, 900)
	for name, target := range map[string]string{"paragraph": "/p/" + para, "read": readURL(f.defaultR.ID, "经济", "")} {
		s.do("open "+target, chromedp.Navigate(s.base+target), chromedp.WaitVisible(chromedp.CSS(`main`)))
		if _, err := chromedp.Call(s.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		hidden := eval[[]string](s, `['.top', 'footer', '.toc', '.match-bar', 'button.copy', '.skip-link', '.search-in-report', '.read-in-report'].filter(sel => {
		  const el = document.querySelector(sel); return el && getComputedStyle(el).display !== 'none' })`)
		if len(hidden) > 0 {
			t.Errorf("%s printed shows %v", name, hidden)
		}
		cite := eval[string](s, `(() => { const c = document.querySelector('.print-cite'); return getComputedStyle(c).display === 'none' ? '' : c.textContent })()`)
		title := f.engine.Catalog().Meta(f.defaultR.ID).Title
		if !strings.Contains(cite, "《"+title+"》") || !strings.Contains(cite, s.base) {
			t.Errorf("%s printed cites %q; want the report's title and an absolute link", name, cite)
		}
		// Under the text: after every paragraph of it.
		if below := eval[bool](s, `(() => { const c = document.querySelector('.print-cite').getBoundingClientRect().top;
		  return Array.from(document.querySelectorAll('.paragraph-text, p.para')).every(p => p.getBoundingClientRect().bottom <= c) })()`); !below {
			t.Errorf("%s printed: the citation is not under the text", name)
		}
		s.screenshot("print-" + name)
		if _, err := chromedp.Call(s.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
			t.Fatal(err)
		}
	}
	s.noConsoleErrors()
}
