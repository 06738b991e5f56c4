package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// browserEnv makes a missing browser fail the run instead of skipping the
// browser tests; .ci/run sets it.
const browserEnv = "REPORTSEARCH_BROWSER_TESTS"

// screenshotEnv names a file for the screenshot of the search page that the
// README shows: REPORTSEARCH_SCREENSHOT=$PWD/docs/screenshot.png go test ./web -run Browser
const screenshotEnv = "REPORTSEARCH_SCREENSHOT"

// findBrowser looks for Chromium or Chrome on PATH.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv(browserEnv) == "required" {
		t.Fatalf("%s=required but no Chromium on PATH: apt-get install -y chromium", browserEnv)
	}
	t.Skipf("no Chromium on PATH (apt-get install -y chromium); set %s=required to fail instead", browserEnv)
	return ""
}

// browserSession is a headless Chromium on a real HTTP server over the
// shared index, with the page's console collected.
type browserSession struct {
	t       *testing.T
	ctx     context.Context
	base    string
	mu      sync.Mutex
	console []string
}

func newBrowser(t *testing.T, width, height int) *browserSession {
	return newBrowserOn(t, setup(t).server, width, height)
}

// newBrowserOn is a browser session on a server of another index.
func newBrowserOn(t *testing.T, server http.Handler, width, height int) *browserSession {
	path := findBrowser(t)
	ts := httptest.NewServer(server)
	t.Cleanup(ts.Close)

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.WindowSize(width, height),
		chromedp.UserDataDir(t.TempDir()))
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	s := &browserSession{t: t, ctx: ctx, base: ts.URL}

	// Start the browser, grant clipboard access to the test server's
	// origin, and collect console errors (a CSP violation shows there).
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: ts.URL,
		})
		if err != nil {
			t.Logf("clipboard permission %s: %v", name, err)
		}
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" || strings.Contains(m.Text, "Content Security Policy") {
				s.mu.Lock()
				s.console = append(s.console, m.String())
				s.mu.Unlock()
			}
		}
	}()
	// A headless window is 500 px wide at least: a phone's width is
	// emulated, so that the page is laid out at that width, not at 500.
	if width < 500 {
		s.do("emulate a phone's viewport", chromedp.EmulateViewport(int64(width), int64(height), chromedp.EmulateMobile))
	}
	return s
}

// do runs actions with a deadline, failing the test on error.
func (s *browserSession) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		s.t.Fatalf("%s: %v", what, err)
	}
}

func eval[T any](s *browserSession, expr string) T {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		s.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// clickAndLoad clicks sel and waits for the page it leads to.
func (s *browserSession) clickAndLoad(what, sel string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel)))); err != nil {
		s.t.Fatalf("%s: %v", what, err)
	}
}

func (s *browserSession) noConsoleErrors() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.console {
		s.t.Errorf("browser console: %s", m)
	}
}

// search types a query into the box on the current page and submits it.
func (s *browserSession) search(query string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector('input[name="q"]').value = ''`),
		chromedp.SendKeys(chromedp.CSS(`input[name="q"]`), query),
	); err != nil {
		s.t.Fatalf("typing %q: %v", query, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.SendKeys(chromedp.CSS(`input[name="q"]`), kb.Enter))); err != nil {
		s.t.Fatalf("submitting %q: %v", query, err)
	}
}

type facetCount struct {
	Facet, Label string
	Count        int
}

const readFacets = `Array.from(document.querySelectorAll('.facet')).flatMap(f =>
  Array.from(f.querySelectorAll('li a')).map(a => ({Facet: f.dataset.facet,
    Label: a.querySelector('.facet-label').textContent, Count: +a.querySelector('.count').textContent})))`

func TestBrowserSearchFacetsCopy(t *testing.T) {
	s := newBrowser(t, 1280, 900)
	s.do("open the home page", chromedp.Navigate(s.base+"/"), chromedp.WaitVisible(chromedp.CSS(`input[name="q"]`)))
	s.search("经济")
	s.do("wait for hits", chromedp.WaitVisible(chromedp.CSS(`li.hit`)))

	marks := eval[[]string](s, `Array.from(document.querySelectorAll('.snippet mark')).map(m => m.textContent)`)
	if len(marks) == 0 {
		t.Fatal("no highlighted matches")
	}
	for _, m := range marks {
		if !strings.Contains(m, "经济") {
			t.Errorf("highlighted %q, which is not the query", m)
		}
	}
	before := eval[[]facetCount](s, readFacets)
	totalBefore := eval[int](s, `+document.getElementById('total').textContent`)

	// Click the year facet value with the fewest matches: the counts change.
	years := eval[int](s, `document.querySelectorAll('.facet[data-facet="year"] li a').length`)
	if years < 2 {
		t.Fatalf("year facet has %d values", years)
	}
	s.clickAndLoad("click a year facet", `.facet[data-facet="year"] li:last-child a`)
	after := eval[[]facetCount](s, readFacets)
	totalAfter := eval[int](s, `+document.getElementById('total').textContent`)
	if totalAfter >= totalBefore || totalAfter == 0 {
		t.Errorf("facet click: total %d → %d", totalBefore, totalAfter)
	}
	if sameCounts(before, after) {
		t.Error("facet counts did not change after a facet click")
	}
	if active := eval[int](s, `document.querySelectorAll('.facets a.active').length`); active != 1 {
		t.Errorf("%d active facet values, want 1", active)
	}
	if loc := eval[string](s, `location.search`); !strings.Contains(loc, "year=") {
		t.Errorf("the facet filter is not in the URL: %s", loc)
	}

	// Copy the first hit's citation (browser_cite_test.go reads both
	// clipboard flavours).
	want := eval[string](s, `document.querySelector('li.hit button.copy').dataset.copy`)
	s.do("click copy citation", chromedp.Click(chromedp.CSS(`li.hit button.copy`)))
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	label, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const b = document.querySelector('li.hit button.copy');
	  return b.dataset.copied ? b.textContent : null })()`))
	if err != nil {
		t.Fatalf("the copy button never confirmed: %v", err)
	}
	if label != "已复制" {
		t.Errorf("copy button says %q", label)
	}
	copied := eval[string](s, `document.querySelector('li.hit button.copy').dataset.copied`)
	if copied != want || !strings.Contains(copied, "《") || !strings.HasPrefix(copied, "“") {
		t.Errorf("copied %q, want the quotation %q", copied, want)
	}

	// A new query from the box stays within the facet filter.
	s.search("建设")
	if loc := eval[string](s, `location.search`); !strings.Contains(loc, "year=") || !strings.Contains(loc, "q=") {
		t.Errorf("a new search dropped the filter: %s", loc)
	}
	s.noConsoleErrors()
}

func sameCounts(a, b []facetCount) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBrowserQuestionAndPermalink(t *testing.T) {
	s := newBrowser(t, 1280, 900)
	s.do("open the home page", chromedp.Navigate(s.base+"/"), chromedp.WaitVisible(chromedp.CSS(`input[name="q"]`)))
	s.search("2022年城镇新增就业多少人？")
	s.do("wait for the answer", chromedp.WaitVisible(chromedp.CSS(`#answer .figure-answer .value`)))
	value := eval[string](s, `document.querySelector('#answer .figure-answer .value').textContent`)
	if !regexp.MustCompile(`\d`).MatchString(value) {
		t.Errorf("the answer card shows %q, not a figure", value)
	}
	if sentence := eval[string](s, `document.querySelector('#answer .sentence').textContent`); !strings.Contains(sentence, value) {
		t.Errorf("the sentence %q does not contain the answer %q", sentence, value)
	}
	if path := os.Getenv(screenshotEnv); path != "" {
		png, err := chromedp.Run(s.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
	} else {
		png, err := chromedp.Run(s.ctx, chromedp.CaptureScreenshot())
		if err != nil || len(png) < 1000 {
			t.Fatalf("screenshot: %d bytes, %v", len(png), err)
		}
		os.WriteFile(filepath.Join(t.TempDir(), "search.png"), png, 0o644)
	}

	// Open the cited paragraph by its permalink, in a fresh navigation.
	href := eval[string](s, `document.querySelector('#answer .cite a').getAttribute('href')`)
	if !strings.HasPrefix(href, "/p/") {
		t.Fatalf("citation link %q", href)
	}
	s.do("open the permalink", chromedp.Navigate(s.base+href), chromedp.WaitVisible(chromedp.CSS(`.paragraph-text`)))
	text := eval[string](s, `document.querySelector('.paragraph-text').textContent`)
	id, _ := url.PathUnescape(strings.TrimPrefix(href, "/p/"))
	f := setup(t)
	if e := f.reports.paragraph(id); e == nil || e.Paragraph.Text != text {
		t.Errorf("permalink %s shows %q", href, text)
	}
	if !strings.Contains(text, value) {
		t.Errorf("the cited paragraph does not contain the answer %q", value)
	}
	// The context link leads to the next paragraph.
	if next := f.reports.paragraph(id).Next; next != "" {
		s.clickAndLoad("follow the next-paragraph link", `.context.next a`)
		if loc := eval[string](s, `location.pathname`); loc != "/p/"+next {
			t.Errorf("the next link led to %s, want /p/%s", loc, next)
		}
	} else if eval[int](s, `document.querySelectorAll('.context.next a').length`) != 0 {
		t.Error("the last paragraph links to a next one")
	}
	s.noConsoleErrors()
}

// TestBrowserPhoneWidth checks that no page scrolls sideways on a phone.
func TestBrowserPhoneWidth(t *testing.T) {
	s := newBrowser(t, 390, 844)
	for _, target := range []string{"/", "/?q=" + url.QueryEscape("经济"), "/?group=report&q=" + url.QueryEscape("经济"), "/figures", "/commitments", "/compare", "/track", "/basket",
		"/?q=" + url.QueryEscape("2022年城镇新增就业多少人？"), "/?q=" + url.QueryEscape("城镇新增就业多少人")} {
		s.do("open "+target, chromedp.Navigate(s.base+target), chromedp.WaitVisible(chromedp.CSS(`main`)))
		overflow := eval[int](s, `document.documentElement.scrollWidth - window.innerWidth`)
		if overflow > 0 {
			t.Errorf("%s scrolls sideways by %d px at 390 px", target, overflow)
		}
	}
	s.noConsoleErrors()
}

// TestBrowserProvenance: with several reports loaded, every hit and every
// row of the figures table says which report it is from, with the label
// the catalog gives that report, and the report facet lists labels under
// their places.
func TestBrowserProvenance(t *testing.T) {
	s := newBrowser(t, 1280, 900)
	cat := setup(t).engine.Catalog()
	type labelled struct{ ID, Label string }
	checkLabels := func(what string, rows []labelled) {
		t.Helper()
		distinct := map[string]bool{}
		for _, r := range rows {
			want := cat.Label(corpus.ReportOfID(r.ID))
			if r.Label == "" || r.Label != want {
				t.Errorf("%s: %s is labelled %q, want %q", what, r.ID, r.Label, want)
			}
			distinct[r.Label] = true
		}
		if len(distinct) < 2 {
			t.Errorf("%s: %d rows from %d reports; the test wants rows of several", what, len(rows), len(distinct))
		}
	}

	s.do("open the search", chromedp.Navigate(s.base+"/?q="+url.QueryEscape("就业")+"&size=20"), chromedp.WaitVisible(chromedp.CSS(`li.hit`)))
	checkLabels("hits", eval[[]labelled](s, `Array.from(document.querySelectorAll('li.hit')).map(h =>
	  ({ID: h.dataset.id, Label: (h.querySelector('.report-label') || {}).textContent || ''}))`))
	groups := eval[[]string](s, `Array.from(document.querySelectorAll('.facet[data-facet="report"] .facet-group')).map(g => g.textContent)`)
	titles := eval[[]string](s, `Array.from(document.querySelectorAll('.facet[data-facet="report"] a')).map(a => a.title)`)
	if len(groups) < 2 || len(titles) < 2 {
		t.Errorf("report facet: places %q, reports %q; want several of each", groups, titles)
	}
	for _, title := range titles {
		if !slices.ContainsFunc(cat.Reports(), func(r indexer.ReportEntry) bool { return cat.Label(r.ID) == title }) {
			t.Errorf("report facet value titled %q, which is no report's label", title)
		}
	}

	s.do("open the figures", chromedp.Navigate(s.base+"/figures"), chromedp.WaitVisible(chromedp.CSS(`table.figures`)))
	checkLabels("figures", eval[[]labelled](s, `Array.from(document.querySelectorAll('table.figures tbody tr')).map(tr =>
	  ({ID: decodeURIComponent(tr.querySelector('a').getAttribute('href').replace(/^\/p\//, '')), Label: tr.querySelector('td.report-label').textContent}))`))

	s.do("ask without a place", chromedp.Navigate(s.base+"/?q="+url.QueryEscape("城镇新增就业多少人")), chromedp.WaitVisible(chromedp.CSS(`table.by-place`)))
	checkLabels("answers by place", eval[[]labelled](s, `Array.from(document.querySelectorAll('table.by-place tbody tr')).map(tr =>
	  ({ID: decodeURIComponent(tr.querySelector('a').getAttribute('href').replace(/^\/p\//, '')), Label: tr.querySelector('a').textContent}))`))
	s.noConsoleErrors()
}
