package extract

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// Page furniture is what a typesetter repeats on every page: the page
// number (— 3 —, 第3页, 3/20), a running header or footer. It sits in the
// first or last lines of a page, and is dropped before lines are joined,
// so that a sentence broken across a page break is whole again.

// rePageNumber matches a line that is only a page number.
var rePageNumber = regexp.MustCompile(`^(?:[\-—－–―~·•\s]*\d{1,3}[\-—－–―~·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)$`)

// reHeadingStart matches the start of a numbered heading: a line that
// opens one is a new paragraph after a line that ended a sentence, even
// when that line ran to the right edge.
var reHeadingStart = regexp.MustCompile(`^(?:第` + lexicon.HeadingNumber + `|` + lexicon.HeadingNumber + `、|[（(]` + lexicon.HeadingNumber + `[)）]|\d{1,2}[.．、](?:\D|$)|[（(]\d{1,2}[)）])`)

// furnitureEdge is how many lines at the top and at the bottom of a page
// may be furniture.
const furnitureEdge = 2

// dropFurniture removes page numbers and running headers and footers from
// the pages' first and last lines, and returns how many lines it dropped.
// A running header is a short line that, with its digits masked, recurs at
// the same height of at least a third of the pages (and of three or more),
// and does not end a sentence: the tail of a paragraph (比上年增长6.5%。)
// that happens to fall at a page's edge is text.
func dropFurniture(pages [][]pdfLine) ([][]pdfLine, int) {
	shape := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '#'
			}
			return r
		}, strings.Join(strings.Fields(s), ""))
	}
	edges := func(lines []pdfLine) []int {
		var out []int
		for i := range lines {
			if i < furnitureEdge || i >= len(lines)-furnitureEdge {
				out = append(out, i)
			}
		}
		return out
	}
	key := func(l pdfLine) string { return fmt.Sprintf("%s@%d", shape(l.text), int(math.Round(l.top/10))) }
	recurs := map[string]int{}
	for _, lines := range pages {
		seen := map[string]bool{}
		for _, i := range edges(lines) {
			k := key(lines[i])
			if utf8.RuneCountInString(lines[i].text) <= 40 && !endsSentence(lines[i].text) && !seen[k] {
				seen[k] = true
				recurs[k]++
			}
		}
	}
	enough := max(3, int(math.Ceil(float64(len(pages))/3)))
	removed := 0
	out := make([][]pdfLine, len(pages))
	for p, lines := range pages {
		drop := map[int]bool{}
		for _, i := range edges(lines) {
			text := strings.TrimSpace(lines[i].text)
			if rePageNumber.MatchString(text) || recurs[key(lines[i])] >= enough {
				drop[i] = true
			}
		}
		for i, l := range lines {
			if drop[i] {
				removed++
				continue
			}
			out[p] = append(out[p], l)
		}
	}
	return out, removed
}

// blockGeometry is a text block's left margin and right edge: the most
// common left and right of its lines (a paragraph's first line is
// indented, its last short; the others run from margin to edge), and the
// median character width and line height.
type blockGeometry struct{ left, right, char, height float64 }

func geometryOf(lines []pdfLine) blockGeometry {
	// mode is the most common value in 2-point buckets; of two as common,
	// the outer one (the leftmost left, the rightmost right), since the
	// indented first lines and short last lines are the inner ones.
	mode := func(values []float64, outer func(a, b int) bool) float64 {
		counts := map[int]int{}
		best, bestN := 0, 0
		for _, v := range values {
			k := int(math.Round(v / 2))
			counts[k]++
			if n := counts[k]; n > bestN || n == bestN && outer(k, best) {
				best, bestN = k, n
			}
		}
		return float64(best) * 2
	}
	var lefts, rights, chars, heights []float64
	for _, l := range lines {
		lefts = append(lefts, l.left)
		rights = append(rights, l.right)
		chars = append(chars, l.charWidth)
		heights = append(heights, l.height())
	}
	return blockGeometry{
		left:  mode(lefts, func(a, b int) bool { return a < b }),
		right: mode(rights, func(a, b int) bool { return a > b }),
		char:  median(chars), height: median(heights),
	}
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	for i := 1; i < len(s); i++ { // insertion sort: a page has few lines
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s[len(s)/2]
}

// minLinesForOwnGeometry is how many lines a page needs to have its own
// margins measured; a shorter page uses the document's.
const minLinesForOwnGeometry = 8

// paragraphsOf joins the pages' lines into paragraphs. A line continues the
// one before when that one ran to the right edge, and this one is not
// indented, does not open a numbered heading after a finished sentence, and
// (on the same page) does not stand apart by more than a line's height.
func paragraphsOf(pages [][]pdfLine) []string {
	var all []pdfLine
	for _, lines := range pages {
		all = append(all, lines...)
	}
	doc := geometryOf(all)
	var (
		out  []string
		cur  string
		prev *pdfLine
		pg   blockGeometry
	)
	for _, lines := range pages {
		g := doc
		if len(lines) >= minLinesForOwnGeometry {
			g = geometryOf(lines)
		}
		for i := range lines {
			l := &lines[i]
			if prev != nil && continues(*prev, pg, *l, g, i == 0) {
				cur = joinText(cur, l.text)
			} else {
				if cur != "" {
					out = append(out, cur)
				}
				cur = l.text
			}
			prev, pg = l, g
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// continues says whether line b goes on with line a (ga and gb are their
// pages' geometry; newPage when b opens a page).
func continues(a pdfLine, ga blockGeometry, b pdfLine, gb blockGeometry, newPage bool) bool {
	char := max(ga.char, 1)
	if a.right < ga.right-1.5*char {
		return false // a ended short of the edge: a paragraph's last line
	}
	if b.left > gb.left+0.8*max(gb.char, 1) {
		return false // b is indented: a new paragraph
	}
	if !newPage && a.bottom-b.top > 1.0*max(ga.height, 1) {
		return false // set apart
	}
	if reHeadingStart.MatchString(b.text) && endsSentence(a.text) {
		return false
	}
	return true
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune("。；：！？.;:!?", r)
}
