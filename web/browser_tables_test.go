package web

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// tableLayoutJS measures every cell of the page's data tables. A cell's
// lines are counted from the client rects of its text nodes (one rect per
// line fragment), grouped by their top edge; a cell whose text takes as
// many lines as it has characters is a column one character wide. It
// returns the page's sideways overflow and the cells that break.
const tableLayoutJS = `(() => {
  const out = {overflow: document.documentElement.scrollWidth - window.innerWidth, cells: 0, narrow: [], wrapped: []};
  for (const cell of document.querySelectorAll('table.data th, table.data td')) {
    if (cell.offsetParent === null) continue; // hidden (display: none)
    const text = cell.textContent.replace(/\s+/g, '');
    if (text.length === 0) continue;
    out.cells++;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const tops = [];
    const size = parseFloat(getComputedStyle(cell).fontSize);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.textContent.trim() === '' || n.parentElement.closest('select, option, button, .offscreen')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width === 0) continue;
        if (!tops.some(t => Math.abs(t - r.top) < size / 2)) tops.push(r.top);
      }
    }
    const lines = tops.length;
    const what = cell.tagName + ' ' + (cell.dataset.label || '') + ' «' + text.slice(0, 24) + '» ' + lines + ' lines';
    // A column one character wide: as many lines as characters, or
    // nearly, once the text has more than two.
    if (lines >= 3 && text.length / lines < 1.6) out.narrow.push(what);
    // A header or a short cell broken over lines (原/文, 2022/年).
    if (lines > 1 && (cell.tagName === 'TH' || text.length <= 6)) out.wrapped.push(what);
  }
  return out;
})()`

type tableLayout struct {
	Overflow int      `json:"overflow"`
	Cells    int      `json:"cells"`
	Narrow   []string `json:"narrow"`
	Wrapped  []string `json:"wrapped"`
}

// TestBrowserTables lays the data pages out at a phone's width and a
// desktop's: the page never scrolls sideways, no cell is a column one
// character wide, and on the desktop headers and short cells keep to one
// line. At the phone's width the figures table stacks into cards whose
// cells say which column they are. REPORTSEARCH_SCREENSHOT_DIR keeps
// screenshots of each page at each width.
func TestBrowserTables(t *testing.T) {
	dir := os.Getenv("REPORTSEARCH_SCREENSHOT_DIR")
	pages := []string{"/figures", "/figures?kind=estimate", "/track", "/commitments", "/compare"}
	for _, width := range []int{390, 1280} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			s := newBrowser(t, width, 900)
			for _, target := range pages {
				s.do("open "+target, chromedp.Navigate(s.base+target), chromedp.WaitVisible(chromedp.CSS(`main`)))
				got := eval[tableLayout](s, tableLayoutJS)
				if got.Overflow > 0 {
					t.Errorf("%s at %d px scrolls sideways by %d px", target, width, got.Overflow)
				}
				if len(got.Narrow) > 0 {
					t.Errorf("%s at %d px: %d cells one character wide, e.g. %q", target, width, len(got.Narrow), got.Narrow[:min(5, len(got.Narrow))])
				}
				if width >= 1000 && len(got.Wrapped) > 0 {
					t.Errorf("%s at %d px: %d headers or short cells broken over lines, e.g. %q", target, width, len(got.Wrapped), got.Wrapped[:min(5, len(got.Wrapped))])
				}
				if target == "/figures" && got.Cells < 50 {
					t.Errorf("%s at %d px: only %d cells measured", target, width, got.Cells)
				}
				if dir != "" {
					png, err := chromedp.Run(s.ctx, chromedp.CaptureScreenshot())
					if err != nil {
						t.Fatal(err)
					}
					name := filepath.Join(dir, "tables"+filepath.Clean("/"+target)+"-"+strconv.Itoa(width)+".png")
					_ = os.MkdirAll(filepath.Dir(name), 0o755)
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			if width < 500 {
				// The figures table is cards: its header row is hidden and
				// every cell names its column.
				s.do("open /figures", chromedp.Navigate(s.base+"/figures"), chromedp.WaitVisible(chromedp.CSS(`main`)))
				if v := eval[string](s, `getComputedStyle(document.querySelector('table.figures thead')).display`); v != "none" {
					t.Errorf("the figures table's header row shows at %d px (display %s)", width, v)
				}
				unlabelled := eval[int](s, `[...document.querySelectorAll('table.figures tbody td')].filter(td => !td.dataset.label).length`)
				if unlabelled > 0 {
					t.Errorf("%d cells of the figures table have no data-label", unlabelled)
				}
				label := eval[string](s, `getComputedStyle(document.querySelector('table.figures tbody td[data-label]'), '::before').content`)
				if label == "none" || label == "" {
					t.Errorf("a figures card's cell shows no column name (::before content %q)", label)
				}
			}
			s.noConsoleErrors()
		})
	}
}
