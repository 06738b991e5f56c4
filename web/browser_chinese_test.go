package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"reportsearch/internal/messages"
)

// shotsEnv names a directory for the screenshots of TestBrowserChineseChrome,
// to look at: REPORTSEARCH_SHOTS=/tmp go test ./web -run TestBrowserChineseChrome
const shotsEnv = "REPORTSEARCH_SHOTS"

// chromeText is what a page shows a user, as the browser lays it out: its
// title, its text, and the attributes read out or shown on hover, inputs'
// placeholders and buttons' values — code (code, kbd, pre, samp) aside.
const chromeText = `(() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('code, kbd, pre, samp, script, style, noscript').forEach(e => e.remove());
  const attrs = Array.from(document.querySelectorAll('[title], [placeholder], [aria-label], [alt], input[type=submit], input[type=button]'))
    .flatMap(e => ['title', 'placeholder', 'aria-label', 'alt'].map(a => e.getAttribute(a)).concat(e.matches('input[type=submit], input[type=button]') ? [e.value] : []))
    .filter(Boolean);
  return [document.title, body.innerText, body.textContent].concat(attrs).join('\n');
})()`

// TestBrowserChineseChrome opens every page at 1280 px — each list page,
// a report's paragraph, a search with hits, the error pages — in a server
// that takes uploads (the reports page shows its form), and fails on an
// English sentence anywhere in what it shows.
func TestBrowserChineseChrome(t *testing.T) {
	f := setup(t)
	srv, _ := uploadServer(t, 0)
	s := newBrowserOn(t, srv, 1280, 900)
	var id string
	for p := range f.defaultR.Paragraphs() {
		id = p.ID
		break
	}
	pages := []struct{ name, path string }{
		{"home", pathSearch},
		{"search", q(pathSearch, "q", "教育")},
		{"question", q(pathSearch, "q", "2022年城镇新增就业多少人")},
		{"bad-query", q(pathSearch, "q", "yaer:2023 教育")},
		{"no-hits", q(pathSearch, "q", "火星基地")},
		{"no-answer", q(pathSearch, "q", "火星基地的面积是多少？")},
		{"paragraph", pathParagraph + id},
		{"figures", pathFigures},
		{"commitments", pathCommitments},
		{"compare", pathCompare},
		{"track", pathTrack},
		{"reports", pathReports},
		{"basket", pathBasket},
		{"not-found", "/nowhere"},
		{"bad-year", q(pathFigures, "year", "明年")},
		{"bad-code", pathCode + "not-a-code"},
	}
	shots := os.Getenv(shotsEnv)
	for _, p := range pages {
		s.do("open "+p.name, chromedp.Navigate(s.base+p.path), chromedp.WaitReady("body"))
		text := eval[string](s, chromeText)
		if len(text) < 20 {
			t.Errorf("%s: the page shows nothing: %q", p.name, text)
		}
		if e := messages.EnglishSentence(text); e != "" {
			i := strings.Index(text, e)
			t.Errorf("%s: %q in English: …%s…", p.name, e, text[max(0, i-80):min(len(text), i+len(e)+80)])
		}
		if p.name == "reports" {
			checkFilePicker(t, s)
		}
		if shots != "" {
			png, err := chromedp.Run(s.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(shots, "chinese-"+p.name+".png"), png, 0o644)
		}
	}
	// The console is not checked: the error pages answer 400 and 404 on
	// purpose, which the browser logs as errors.
}

// checkFilePicker: the upload form's file chooser, which the browser would
// label in its own language, is a Chinese button; submitting it empty says
// what is missing in Chinese.
func checkFilePicker(t *testing.T, s *browserSession) {
	t.Helper()
	if o := eval[string](s, `getComputedStyle(document.querySelector('form.upload input[type=file]')).opacity`); o != "0" {
		t.Errorf("the browser's own file input shows (opacity %s)", o)
	}
	if b := eval[string](s, `document.querySelector('form.upload .file-button').textContent`); b != "选择文件" {
		t.Errorf("the file button says %q", b)
	}
	msg := eval[string](s, `(() => { document.querySelector('form.upload').reportValidity();
	  return document.querySelector('form.upload input[type=file]').validationMessage })()`)
	if msg != "请先选择要添加的报告文件" {
		t.Errorf("an empty upload says %q", msg)
	}
}
