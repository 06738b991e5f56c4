package web

import (
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"
)

// highlight escapes text and wraps the byte spans in <mark>, the only markup
// the server adds to report text. Spans are sorted and merged; a span that
// is out of range or not on character boundaries is dropped rather than
// allowed to cut a character in half.
func highlight(text string, spans [][2]int) template.HTML {
	spans = cleanSpans(text, spans)
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		b.WriteString(template.HTMLEscapeString(text[at:sp[0]]))
		b.WriteString("<mark>")
		b.WriteString(template.HTMLEscapeString(text[sp[0]:sp[1]]))
		b.WriteString("</mark>")
		at = sp[1]
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}

func cleanSpans(text string, spans [][2]int) [][2]int {
	var ok [][2]int
	for _, sp := range spans {
		if sp[0] < 0 || sp[1] > len(text) || sp[0] >= sp[1] || !boundary(text, sp[0]) || !boundary(text, sp[1]) {
			continue
		}
		ok = append(ok, sp)
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i][0] < ok[j][0] })
	var merged [][2]int
	for _, sp := range ok {
		if n := len(merged); n > 0 && sp[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], sp[1])
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// highlightAll marks every occurrence of each word in text.
func highlightAll(text string, words ...string) template.HTML {
	var spans [][2]int
	for _, w := range words {
		if w == "" {
			continue
		}
		for at := 0; ; {
			i := strings.Index(text[at:], w)
			if i < 0 {
				break
			}
			spans = append(spans, [2]int{at + i, at + i + len(w)})
			at += i + len(w)
		}
	}
	return highlight(text, spans)
}
