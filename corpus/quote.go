package corpus

import (
	"strings"
	"unicode/utf8"
)

// A quotation is what 「复制引用」 puts into a draft: the quoted passage and
// its source, as Chinese official drafting writes them —
// “新建智慧养老院1家……”（《题名》，发布机关，2023年1月17日，第二部分（四）2.）.

// Ellipsis marks the sentences a passage leaves out (GB/T 15834 省略号).
const Ellipsis = "……"

// LeadRunes bounds a passage quoted without matches (a figure's paragraph
// opened from a list, a hit that matched no literal text): the whole
// paragraph when it is that short, else its first sentences within it. A
// drafter quotes a statement, not a page; 200 characters hold the two or
// three sentences a paragraph of these reports opens its point with.
const LeadRunes = 200

// Excerpt is the passage of text that holds the byte spans: the sentences
// any span touches, in order, never cut inside a sentence. Where sentences
// are left out between or after them it writes an ellipsis in place of the
// sentence's closing mark. Leading sentences are left out without one: the
// passage starts where a sentence starts, which is how a quotation starts.
// With no span inside text it is the whole text when it is at most
// LeadRunes characters, else its first sentences within LeadRunes (at least
// one).
func Excerpt(text string, spans [][2]int) string {
	sents := Sentences(text)
	if len(sents) == 0 {
		return strings.TrimSpace(text)
	}
	keep := make([]bool, len(sents))
	any := false
	for i, s := range sents {
		for _, sp := range spans {
			if sp[0] < s.End && sp[1] > s.Start {
				keep[i], any = true, true
				break
			}
		}
	}
	if !any {
		if utf8.RuneCountInString(text) <= LeadRunes {
			return strings.TrimSpace(text)
		}
		n := 0
		for i, s := range sents {
			n += utf8.RuneCountInString(text[s.Start:s.End])
			if i > 0 && n > LeadRunes {
				break
			}
			keep[i] = true
		}
	}
	var b strings.Builder
	for i, s := range sents {
		if !keep[i] {
			continue
		}
		sentence := text[s.Start:s.End]
		if i+1 < len(sents) && !keep[i+1] {
			b.WriteString(elided(sentence))
			continue
		}
		b.WriteString(sentence)
	}
	return b.String()
}

// elidedMarks are the closing marks an ellipsis takes the place of.
const elidedMarks = "。；，："

// elided is a sentence followed by left-out text: its closing mark gives
// way to the ellipsis, and a sentence that ends in one already keeps it.
func elided(sentence string) string {
	if r, n := utf8.DecodeLastRuneInString(sentence); strings.ContainsRune(elidedMarks, r) {
		sentence = sentence[:len(sentence)-n]
	}
	if strings.HasSuffix(sentence, Ellipsis) {
		return sentence
	}
	return sentence + Ellipsis
}

// innerQuotes turns the double quotation marks inside a quoted passage into
// single ones, as Chinese punctuation nests them: “打造‘就创群落’新模式”.
var innerQuotes = strings.NewReplacer("“", "‘", "”", "’")

// Quotation is a passage with its source, in the forms a drafter pastes.
type Quotation struct {
	// Passage is the quoted text, its own double quotation marks made
	// single; Source what the parentheses after it hold:
	// 《题名》，发布机关，2023年1月17日，第二部分（四）2. 第3段.
	Passage string `json:"passage"`
	Source  string `json:"source"`
	// Text is “Passage”（Source）: what 「复制引用」 copies.
	Text  string `json:"text"`
	Title string `json:"title"` // the report's title, without 《》
	ID    string `json:"id"`    // the paragraph's
	Code  string `json:"code"`  // the paragraph's citation code (CiteCode)
	Link  string `json:"permalink"`
	// SourceURL is where the report was published, when known.
	SourceURL string `json:"source_url,omitempty"`
	// GBT7714 is the report as a reference entry (Meta.CiteGBT7714).
	GBT7714 string `json:"gbt7714"`
}

// Quote is the quotation of passage from the paragraph id of the report m
// describes, standing at locator. A report the index does not know (m is
// empty) is cited by the locator alone.
func (m Meta) Quote(id, locator, passage string) Quotation {
	q := Quotation{Passage: innerQuotes.Replace(passage), Title: m.Title, ID: id, Code: CiteCode(id), Link: Permalink(id),
		SourceURL: m.SourceURL, GBT7714: m.CiteGBT7714()}
	q.Source = strings.Join(nonBlank(m.sourceParts(locator)), "，")
	q.Text = "“" + q.Passage + "”"
	if q.Source != "" {
		q.Text += "（" + q.Source + "）"
	}
	return q
}

// sourceParts are what a quotation's parentheses name, in order: the
// title in 《》, the issuer (or who delivered it), the date (or the year),
// the locator.
func (m Meta) sourceParts(locator string) []string {
	if m.ID == "" {
		return []string{locator}
	}
	return append([]string{"《" + m.Title + "》"}, append(m.issuerDate(), locator)...)
}

// Markdown is the quotation in Markdown, on one line, the title linked to
// link (the page the report was published on when it is known) and the
// citation code after the locator:
// “…”（[《题名》](link)，发布机关，2023年1月17日，第二部分（四）2.，引用码 K7M3Q2XD.2.4.2.1）.
func (q Quotation) Markdown(link string) string {
	if q.SourceURL != "" {
		link = q.SourceURL
	}
	src := q.Source
	if q.Title != "" {
		title := "《" + q.Title + "》"
		src = strings.Replace(src, title, "["+title+"]("+link+")", 1)
	}
	if q.Code != "" {
		src += "，" + CodeLabel + " " + q.Code
	}
	return "“" + markdownEscaper.Replace(q.Passage) + "”（" + src + "）"
}

// markdownEscaper escapes what Markdown would read as markup in report
// text: a passage is text, never emphasis or a link.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "`", "\\`", "<", `\<`)

func nonBlank(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
