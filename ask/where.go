package ask

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsearch/corpus"
	"reportsearch/lexicon"
	"reportsearch/query"
	"reportsearch/search"
)

// answerWhere finds the reports and paragraphs that write what a
// where-question looks for: the phrases it quotes (哪个报告提到了“洗城净天”),
// else the whole of what it says, as written, else all its words. The
// answer names each report that has it — its place, year and title — and
// cites the first paragraph.
func (a *Asker) answerWhere(ctx context.Context, ans *Answer) error {
	phrase := ans.Frame.Indicator
	if phrase == "" {
		ans.Note = "the question does not say what to look for"
		return nil
	}
	var tries []*query.Query
	if quoted := reQuoted.FindAllStringSubmatch(phrase, -1); len(quoted) > 0 {
		q := &query.Query{}
		for _, m := range quoted {
			q.Terms = append(q.Terms, query.Term{Alternatives: []query.Text{{Value: m[1], Phrase: true}}})
		}
		tries = append(tries, q)
	}
	plain := strings.NewReplacer("“", "", "”", "").Replace(phrase)
	tries = append(tries, &query.Query{Terms: []query.Term{{Alternatives: []query.Text{{Value: plain, Phrase: true}}}}}, wordsOf(plain))
	for i, q := range tries {
		res, err := a.idx.Search(ctx, search.Request{Query: q, Scope: scopeOf(ans.Frame), Size: 10, Snippets: 2})
		if err != nil {
			return err
		}
		lastTry := i == len(tries)-1
		var hits []search.Hit
		var written string
		for _, h := range res.Hits {
			switch {
			case h.Match == search.MatchLiteral, h.Match == search.MatchWords && len(q.Terms) > 1:
				hits = append(hits, h)
			case h.Match == search.MatchWords && lastTry:
				if span, ok := writtenApart(h.Text, a.phraseWords(plain), utf8.RuneCountInString(plain)); ok {
					hits = append(hits, h)
					if written == "" {
						written = span
					}
				}
			}
		}
		if len(hits) == 0 {
			continue
		}
		ans.Found, ans.Paragraphs = true, hits
		h := firstMention(hits)
		quote := h.Quote // the sentences that write the phrase
		ans.Citation = &Citation{ID: h.ID, ReportLabel: h.ReportLabel, Text: h.Text, Cite: h.Citation, Link: h.Link, Locator: h.Locator, Quote: &quote}
		ans.Answer = a.whereAnswer(phrase, hits)
		if written != "" && !strings.Contains(h.Text, plain) {
			ans.Answer += fmt.Sprintf("（原文写作“%s”）", written)
		}
		return nil
	}
	ans.Note = fmt.Sprintf("no paragraph writes “%s”", plain)
	return a.fallbackParagraphs(ctx, ans, ans.Frame)
}

// reQuoted is a phrase a question quotes: “洗城净天”.
var reQuoted = regexp.MustCompile(`“([^“”]+)”`)

// whereAnswer names the reports that write a phrase, in the order of
// their best paragraph: 见于河北省保定市徐水区2024年《政府工作报告》第一部分….
func (a *Asker) whereAnswer(phrase string, hits []search.Hit) string {
	c := a.idx.Catalog()
	var reports []string
	where := map[string][]string{}
	for _, h := range hits {
		if !slices.Contains(reports, h.Report) {
			reports = append(reports, h.Report)
		}
		where[h.Report] = append(where[h.Report], h.Locator)
	}
	var parts []string
	for _, id := range reports {
		m := c.Meta(id)
		label := c.PlaceOf(id)
		if y := c.DeliveredYear(id); y != 0 {
			label += fmt.Sprintf("%d年", y)
		}
		label += "《" + m.Title + "》"
		if locs := slices.Compact(where[id]); len(locs) > 0 && locs[0] != "" {
			label += strings.Join(locs, "、")
		}
		parts = append(parts, label)
	}
	return fmt.Sprintf("%s见于%s", phrase, strings.Join(parts, "；"))
}

// writtenApart finds a phrase that a paragraph writes with something put
// between its words (黄河·釜山文化研讨会 as 黄河·釜山文化（2009·徐水）研讨会): one
// sentence that has all its words in the phrase's order, spanning at most
// twice the phrase's length. It returns the span as the text writes it. A
// paragraph that only has the words scattered over its sentences does not
// write the phrase, and a where-question must not be answered by it.
func writtenApart(text string, words []string, phraseRunes int) (string, bool) {
	if len(words) < 2 {
		return "", false
	}
	for _, s := range corpus.Sentences(text) {
		sentence := text[s.Start:s.End]
		for from := 0; ; {
			i := strings.Index(sentence[from:], words[0])
			if i < 0 {
				break
			}
			start := from + i
			end, ok := start+len(words[0]), true
			for _, w := range words[1:] {
				j := strings.Index(sentence[end:], w)
				if j < 0 {
					ok = false
					break
				}
				end += j + len(w)
			}
			if !ok {
				break
			}
			// A closing bracket or quote after the last word is the
			// phrase's own (题为《我呼吁》).
			for end < len(sentence) {
				r, n := utf8.DecodeRuneInString(sentence[end:])
				if !unicode.In(r, unicode.Pe, unicode.Pf) {
					break
				}
				end += n
			}
			if span := sentence[start:end]; utf8.RuneCountInString(span) <= maxApartFactor*phraseRunes {
				return span, true
			}
			from = start + len(words[0])
		}
	}
	return "", false
}

// maxApartFactor bounds how much longer than the phrase its words written
// apart may stand.
const maxApartFactor = 2

// phraseWords are a phrase's words as the segmenter cuts it, without
// punctuation and one-character function words: the pieces writtenApart
// looks for. A question joins the words of what it quotes with 的 where the
// text may not (叶圣陶的《我呼吁》 for 叶圣陶代表发表了题为《我呼吁》的文章).
func (a *Asker) phraseWords(phrase string) []string {
	var out []string
	for _, w := range a.seg.Cut(phrase) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			continue
		}
		if r, n := utf8.DecodeRuneInString(w); n == len(w) && strings.ContainsRune(phraseFunctionWords, r) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// phraseFunctionWords are the one-character words phraseWords leaves out.
var phraseFunctionWords = lexicon.Chars("phrase-function-word-chars")
