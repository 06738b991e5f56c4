package web

import (
	"archive/zip"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"reportsearch/corpus"
	"reportsearch/corpus/docx"
	"reportsearch/query"
	"reportsearch/search"
)

// clipboardFlavours reads the clipboard as the async clipboard API gives
// it: every flavour of its first item.
const clipboardFlavours = `(async () => {
  const items = await navigator.clipboard.read();
  const out = {};
  for (const type of items[0].types) out[type] = await (await items[0].getType(type)).text();
  return out;
})()`

// TestBrowserCopyQuotation clicks 「复制引用」 on a hit and reads the
// clipboard back: its text is exactly the quotation the engine writes for
// that hit (the matched sentences, “…”（《题名》，…）), and its HTML holds the
// same characters with the title in 《》. The format menu switches the
// copy to Markdown.
func TestBrowserCopyQuotation(t *testing.T) {
	s := newBrowser(t, 1280, 900)
	f := setup(t)
	const q = "智慧养老"
	s.do("search", chromedp.Navigate(s.base+"/?q="+url.QueryEscape(q)), chromedp.WaitVisible(chromedp.CSS(`li.hit button.cite-copy`)))
	res, err := f.engine.Search(context.Background(), search.Request{Query: query.Words(q)})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("engine: %v, %d hits", err, len(res.Hits))
	}
	first := eval[string](s, `document.querySelector('li.hit').dataset.id`)
	var want corpus.Quotation
	for _, h := range res.Hits {
		if h.ID == first {
			want = h.Quote
		}
	}
	if want.Text == "" || !strings.Contains(want.Passage, q) {
		t.Fatalf("the engine's quotation of %s: %+v", first, want)
	}

	s.do("copy", chromedp.Click(chromedp.CSS(`li.hit button.cite-copy`)))
	s.waitCopied(`li.hit button.cite-copy`)
	clip := evalAwait[map[string]string](s, clipboardFlavours)
	if clip["text/plain"] != want.Text {
		t.Errorf("text/plain is %q\nwant        %q", clip["text/plain"], want.Text)
	}
	html := clip["text/html"]
	if !strings.Contains(html, "《"+want.Title+"》") || !strings.Contains(html, want.Passage) || strings.Contains(html, "<a") {
		t.Errorf("text/html is %q; want the quotation with 《%s》 and no link", html, want.Title)
	}

	// Without ClipboardItem (an older browser), the copy command's event
	// still puts both flavours on the clipboard.
	evalAwait[bool](s, `navigator.clipboard.writeText('').then(() => true)`)
	if cleared := evalAwait[string](s, `navigator.clipboard.readText()`); cleared != "" {
		t.Fatalf("the clipboard was not cleared: %q", cleared)
	}
	s.do("copy without ClipboardItem", chromedp.Evaluate[chromedp.Void](`window.ClipboardItem = undefined;
	  delete document.querySelector('li.hit button.cite-copy').dataset.copied`),
		chromedp.Click(chromedp.CSS(`li.hit button.cite-copy`)))
	s.waitCopied(`li.hit button.cite-copy`)
	fallback := evalAwait[map[string]string](s, clipboardFlavours)
	if fallback["text/plain"] != want.Text || !strings.Contains(fallback["text/html"], "《"+want.Title+"》") {
		t.Errorf("the fallback copied %q", fallback)
	}

	// The menu beside the button copies the Markdown form instead.
	s.do("choose Markdown", chromedp.SetValue(chromedp.CSS(`li.hit select.cite-format`), "markdown"),
		chromedp.Evaluate[chromedp.Void](`delete document.querySelector('li.hit button.cite-copy').dataset.copied`),
		chromedp.Click(chromedp.CSS(`li.hit button.cite-copy`)))
	s.waitCopied(`li.hit button.cite-copy`)
	if got, md := evalAwait[string](s, `navigator.clipboard.readText()`), want.Markdown(s.base+want.Link); got != md {
		t.Errorf("Markdown copy %q, want %q", got, md)
	}
	s.noConsoleErrors()
}

// evalAwait evaluates expr and waits for the promise it returns.
func evalAwait[T any](s *browserSession, expr string) T {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		s.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitCopied waits until the button says it copied.
func (s *browserSession) waitCopied(sel string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.querySelector(`+jsString(sel)+`).dataset.copied`)); err != nil {
		s.t.Fatalf("%s never confirmed the copy: %v", sel, err)
	}
}

func jsString(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }

// TestBrowserBasket adds two hits, an answer and a figure to the basket,
// reorders and removes on the basket page, exports the .docx by its button
// and reads the downloaded file back: item by item, what the page shows.
// It saves screenshots of the basket at 1280 and 390 px when
// REPORTSEARCH_SCREENSHOT_DIR names a folder.
func TestBrowserBasket(t *testing.T) {
	s := newBrowser(t, 1280, 900)
	downloads := t.TempDir()
	allow := true
	if _, err := chromedp.CallBrowser(s.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads, EventsEnabled: &allow}); err != nil {
		t.Fatalf("downloads: %v", err)
	}
	add := func(what, target, sel string) string {
		t.Helper()
		s.do("open "+what, chromedp.Navigate(s.base+target), chromedp.WaitVisible(chromedp.CSS(sel)))
		text := eval[string](s, `JSON.parse(document.querySelector(`+jsString(sel)+`).dataset.item).text`)
		s.do("add "+what, chromedp.Click(chromedp.CSS(sel)))
		return text
	}
	var added []string
	added = append(added, add("a hit", "/?q="+url.QueryEscape("经济"), `li.hit button.basket-add`))
	added = append(added, add("another hit", "/?q="+url.QueryEscape("就业")+"&page=2", `li.hit button.basket-add`))
	added = append(added, add("an answer", "/?q="+url.QueryEscape("2022年城镇新增就业多少人？"), `#answer .cite button.basket-add`))
	added = append(added, add("a figure", "/figures", `table.figures button.basket-add`))
	// Adding the same quotation twice keeps one.
	add("the figure again", "/figures", `table.figures button.basket-add`)

	s.do("open the basket", chromedp.Navigate(s.base+"/basket"), chromedp.WaitVisible(chromedp.CSS(`li.basket-item`)))
	shown := func() []string {
		return eval[[]string](s, `Array.from(document.querySelectorAll('li.basket-item .basket-text')).map(p => p.textContent)`)
	}
	if got := shown(); strings.Join(got, "\n") != strings.Join(added, "\n") {
		t.Fatalf("the basket shows\n%q\nwant\n%q", got, added)
	}
	if n := eval[string](s, `document.querySelector('.basket-count').textContent`); n != "（4）" {
		t.Errorf("the nav counts %q", n)
	}
	// Move the second up, remove the last.
	s.do("move up", chromedp.Click(chromedp.CSS(`li.basket-item:nth-child(2) button[data-act="up"]`)))
	s.do("remove", chromedp.Click(chromedp.CSS(`li.basket-item:nth-child(4) button[data-act="remove"]`)))
	want := []string{added[1], added[0], added[2]}
	if got := shown(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("after reordering the basket shows\n%q\nwant\n%q", got, want)
	}
	// It is kept in the browser: a reload shows the same.
	s.do("reload", chromedp.Navigate(s.base+"/basket"), chromedp.WaitVisible(chromedp.CSS(`li.basket-item`)))
	if got := shown(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after a reload the basket shows %q", got)
	}
	notes := eval[[]string](s, `basketItems().map(basketNote)`)
	screenshots(t, s, "basket")

	s.do("export .docx", chromedp.Click(chromedp.CSS(`button.export-docx`)))
	path := waitForFile(t, downloads, ".docx")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(strings.NewReader(string(data)), int64(len(data)))
	if err != nil {
		t.Fatalf("the .docx is no zip: %v", err)
	}
	paras, err := docx.Paragraphs(zr)
	if err != nil {
		t.Fatal(err)
	}
	wantParas := []string{BasketTitle}
	for i, w := range want {
		wantParas = append(wantParas, strconv.Itoa(i+1)+".\t"+w, notes[i])
	}
	if strings.Join(paras, "\n") != strings.Join(wantParas, "\n") {
		t.Errorf("the .docx holds\n%q\nwant\n%q", paras, wantParas)
	}
	s.noConsoleErrors()
}

// screenshots saves the page at 1280 and 390 px wide into
// REPORTSEARCH_SCREENSHOT_DIR, when set, and checks at 390 px that it does
// not scroll sideways.
func screenshots(t *testing.T, s *browserSession, name string) {
	t.Helper()
	dir := os.Getenv("REPORTSEARCH_SCREENSHOT_DIR")
	for _, w := range []int64{1280, 390} {
		s.do("resize", chromedp.EmulateViewport(w, 900))
		if overflow := eval[int](s, `document.documentElement.scrollWidth - window.innerWidth`); overflow > 0 {
			t.Errorf("%s scrolls sideways by %d px at %d px", name, overflow, w)
		}
		if dir == "" {
			continue
		}
		png, err := chromedp.Run(s.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+"-"+strconv.FormatInt(w, 10)+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s.do("resize back", chromedp.EmulateViewport(1280, 900))
}

// waitForFile waits for a finished download ending in ext.
func waitForFile(t *testing.T, dir, ext string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		matches, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		if len(matches) == 1 {
			return matches[0]
		}
		if time.Now().After(deadline) {
			break
		}
	}
	entries, _ := os.ReadDir(dir)
	t.Fatalf("no %s downloaded into %s (%d entries)", ext, dir, len(entries))
	return ""
}
