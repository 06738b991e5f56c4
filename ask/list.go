package ask

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/lexicon"
	"reportsearch/query"
	"reportsearch/search"
)

// answerList lists what a report plans about a topic (保定2014年在大气污染防治
// 方面有哪些举措). The plan paragraphs that match the topic are ranked by how
// much they are about it, not by how well they match its words: a paragraph
// whose heading or first sentence names the topic, or many of whose
// sentences do, comes before a one-line list or a long general paragraph
// that mentions it once. The paragraph most about the topic is read whole
// when it is led by the topic; the others, and a paragraph that only turns
// to the topic midway, give the sentences that name it, with any one
// sentence between two of those (完成职教中心迁建项目建设 between two
// sentences on 教育 is about 教育 too). A topic that names only a domain
// (教育方面) matches by its words too, so the paragraph on 教育 comes first,
// not every sentence the domain tags.
func (a *Asker) answerList(ctx context.Context, ans *Answer) error {
	f := ans.Frame
	topic := listTopic(f.Indicator)
	q := wordsOf(topic)
	if topic == "" && f.Domain != "" {
		q = &query.Query{Filters: []query.Filter{query.DomainFilter(f.Domain)}}
	}
	if topic == "" && f.Domain == "" {
		ans.Note = "the question does not say what the list is about"
		return nil
	}
	for _, y := range f.Years[:min(1, len(f.Years))] {
		q.Filters = append(q.Filters, query.YearFilter(y))
	}
	q.Filters = append(q.Filters, query.KindFilter(corpus.FigureTarget))
	words := a.topicWords(topic)
	hits, err := a.listCandidates(ctx, q, words, scopeOf(f))
	if err != nil {
		return err
	}
	paragraphs := rankListParagraphs(hits, topic, words)
	// A list is what one report plans: the others' paragraphs, found when
	// the question names no place, are left out. With no place named, the
	// widest place's report that is about as much about the topic is the
	// one (2022年保障粮食安全有哪些举措: the country's, not a province's).
	if f.Region == "" {
		paragraphs = widestFirst(paragraphs, aboutClose, func(p listParagraph) float64 { return p.about }, listDepth(a.idx.Catalog()))
	}
	if len(paragraphs) > 0 {
		report := paragraphs[0].hit.Report
		paragraphs = slices.DeleteFunc(paragraphs, func(p listParagraph) bool { return p.hit.Report != report })
	}
	read := maxListParagraphs
	if len(paragraphs) > 0 && (words.allIn(paragraphs[0].hit.OwnHeading()) || opensSubsection(paragraphs[0], words)) {
		// The best paragraph's section is about the topic (（一）…走好工业
		// 强区之路), or its opening paragraph is (坚持农业农村优先发展，深入实施
		// 乡村振兴战略… under （三）突出产业兴旺、宜居宜业…): its paragraphs, in
		// reading order, are the list, whether or not each names the topic
		// (培树龙头立支柱。…).
		section, err := a.sectionParagraphs(ctx, paragraphs[0].hit)
		if err != nil {
			return err
		}
		if len(section) > 0 {
			paragraphs = append(section, slices.DeleteFunc(paragraphs, func(p listParagraph) bool {
				return slices.ContainsFunc(section, func(s listParagraph) bool { return s.hit.ID == p.hit.ID })
			})...)
			read = max(read, len(section))
		}
	}
	var cited []search.Hit // the paragraphs that give items, in the list's order
	for i, p := range paragraphs[:min(read, len(paragraphs))] {
		items := p.items(i == 0, words)
		for _, text := range items {
			ans.Items = append(ans.Items, ListItem{Text: text, Citation: p.hit.Citation, ID: p.hit.ID, Quote: a.quoteSentence(p.hit, text)})
		}
		if len(items) > 0 {
			cited = append(cited, p.hit)
		}
		if len(ans.Items) >= maxListItems {
			ans.Items = ans.Items[:maxListItems]
			break
		}
	}
	ans.Found = len(ans.Items) > 0
	if !ans.Found {
		ans.Note = "no plan paragraph matches the question"
		return nil
	}
	h := listCitation(cited, ans.Items, topic)
	ans.Citation = &Citation{ID: h.ID, ReportLabel: h.ReportLabel, Text: h.Text, Cite: h.Citation, Link: h.Link}
	texts := make([]string, len(ans.Items))
	for i, it := range ans.Items {
		texts[i] = it.Text
	}
	ans.Answer = fmt.Sprintf("%d项：%s", len(ans.Items), strings.Join(texts, ""))
	return nil
}

// listCitation is the paragraph a list answer cites as a whole. Each item
// cites its own paragraph; the answer's citation is what a reader checks
// first, and a section's opening line (坚持农业农村优先发展，…) states none of
// what the list lists — the paragraph of measures with their figures
// (完成1500座农村改厕任务，创建7个省级美丽乡村) does. So it is the first
// paragraph when the first item it gives names the topic written whole and
// it gives more than that one item (深入推进绿美广东生态建设。实施…“六大行动”…), and
// else, of the paragraphs that give items, the one that gives the most
// items with a figure in them, the first of those that tie.
func listCitation(cited []search.Hit, items []ListItem, topic string) search.Hit {
	first := cited[0]
	var own []string
	for _, it := range items {
		if it.ID == first.ID {
			own = append(own, it.Text)
		}
	}
	if topic != "" && len(own) > 1 && strings.Contains(own[0], topic) {
		return first
	}
	best, most := first, 0
	for _, h := range cited {
		n := 0
		for _, it := range items {
			if it.ID == h.ID && hasDigit(it.Text) {
				n++
			}
		}
		if n > most {
			best, most = h, n
		}
	}
	return best
}

// hasDigit reports whether text writes a number in digits (half- or
// full-width).
func hasDigit(text string) bool {
	return strings.IndexFunc(text, unicode.IsDigit) >= 0
}

// A list answer ranks the best listCandidates matching paragraphs, reads at
// most maxListParagraphs of them and lists at most maxListItems sentences.
const (
	listCandidates    = 20
	maxListParagraphs = 5
	maxListItems      = 30
)

// opensSubsection reports whether a paragraph whose first sentence names
// the whole topic is the first of a section below a part (2.3/p1, not 2/p1: a part's opening
// speaks of all its sections).
func opensSubsection(p listParagraph, words topicWords) bool {
	return len(p.sentences) > 0 && words.allIn(p.sentences[0]) && strings.Contains(p.hit.Path, ".") && strings.HasSuffix(p.hit.ID, "/"+p.hit.Path+"/p1")
}

// listDepth is how deep the place of a list paragraph's report lies, for
// widestFirst; a report of no known place is no wider than any.
func listDepth(c *catalog.Catalog) func(listParagraph) int {
	facts := reportFactsOf(c)
	return func(p listParagraph) int {
		if len(c.Meta(p.hit.Report).Region) == 0 {
			return math.MaxInt
		}
		return facts(p.hit.Report).depth
	}
}

// aboutClose is how much less about a topic a wider place's paragraph may
// be and still come first for a question that names no place: one sentence
// more or less that names it.
const aboutClose = aboutPerSentence

// sectionParagraphs are the paragraphs of a hit's section, in reading
// order, each read whole (led). They are looked up by their IDs, which
// number a section's paragraphs from p1.
func (a *Asker) sectionParagraphs(ctx context.Context, h search.Hit) ([]listParagraph, error) {
	if h.Path == "" {
		return nil, nil
	}
	ids := make([]string, maxSectionParagraphs)
	for i := range ids {
		ids[i] = fmt.Sprintf("%s/%s/p%d", h.Report, h.Path, i+1)
	}
	found, err := a.idx.Lookup(ctx, ids...)
	if err != nil {
		return nil, err
	}
	meta := a.idx.Catalog().Meta(h.Report)
	var out []listParagraph
	for _, id := range ids {
		p := found[id]
		if p == nil || corpus.IsDefinition(p.Text) {
			continue
		}
		lp := listParagraph{hit: search.Hit{ID: p.ID, Report: p.Report, Path: h.Path, Heading: p.Heading, Text: p.Text, Locator: p.Locator,
			Citation: meta.Cite(p.Locator), Link: corpus.Permalink(p.ID), Order: p.Order}, led: true}
		for _, sp := range corpus.Sentences(p.Text) {
			lp.sentences = append(lp.sentences, p.Text[sp.Start:sp.End])
			lp.naming = append(lp.naming, true)
		}
		if len(lp.sentences) > 0 {
			out = append(out, lp)
		}
	}
	return out, nil
}

// maxSectionParagraphs is the most paragraphs a section's list reads.
const maxSectionParagraphs = 40

// listParagraph is a candidate paragraph of a list answer with what it says
// of the topic.
type listParagraph struct {
	hit       search.Hit
	sentences []string
	naming    []bool // naming[i]: sentence i names a word of the topic
	led       bool   // its heading or first sentence names the whole topic
	about     float64
}

// rankListParagraphs reads each matching hit for the topic and orders them
// by how much they are about it; ties keep the search's order. Hits that
// match only part of the topic's words are left out. A topic of no words
// (a domain's list) is named by every sentence of the domain's paragraphs.
func rankListParagraphs(hits []search.Hit, topic string, words topicWords) []listParagraph {
	var out []listParagraph
	for _, h := range hits {
		// A glossary entry explains a term; it is no part of a plan.
		if h.Match == search.MatchPartial || corpus.IsDefinition(h.Text) {
			continue
		}
		p := listParagraph{hit: h}
		for _, s := range corpus.Sentences(h.Text) {
			text := h.Text[s.Start:s.End]
			p.sentences = append(p.sentences, text)
			p.naming = append(p.naming, words.namedIn(text))
		}
		if len(p.sentences) == 0 {
			continue
		}
		// A paragraph of one sentence (a row of a table, a line of a
		// list) is led only by its heading: its one sentence naming the
		// topic says nothing of being about it.
		p.led = len(words) == 0 || words.allIn(h.Heading) ||
			len(p.sentences) > 1 && ledBy(p.sentences[:blocks(p.sentences)[0][1]], words)
		naming := 0
		for i, n := range p.naming {
			if n || len(words) == 0 {
				p.naming[i] = true
				naming++
			}
		}
		if naming == 0 && !p.led {
			// The topic's words are in the paragraph only across its
			// sentences, or in a parent heading: last, and read whole
			// only if nothing better matches.
			p.about = -1
			out = append(out, p)
			continue
		}
		p.about = float64(min(naming, aboutSentenceCap)) * aboutPerSentence
		if p.led {
			p.about += aboutLed
		}
		if topic != "" && strings.Contains(h.Text, topic) {
			p.about += aboutWhole
		}
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(x, y listParagraph) int { return cmp.Compare(y.about, x.about) })
	return out
}

// How a paragraph's being about a topic is scored: being led by it counts
// most, then the topic written whole, then each sentence that names it (up
// to aboutSentenceCap, so that a long paragraph's many passing mentions do
// not outweigh a short paragraph that is on the topic).
const (
	aboutLed          = 3
	aboutWhole        = 1
	aboutPerSentence  = 0.5
	aboutSentenceCap  = 6
	maxSentenceBridge = 1
)

// items is what a paragraph contributes to a list. A paragraph led by the
// topic (its heading, or its first block, see ledBy) gives all its
// sentences, and so does the best
// paragraph when most of its sentences name it. Else the paragraph is read
// by its blocks (see blocks): a block led by the topic gives all its
// sentences, any other the sentences that name the topic and at most
// maxSentenceBridge sentences between two of those. The best paragraph
// gives all its sentences when nothing else of it is kept.
func (p listParagraph) items(best bool, words topicWords) []string {
	naming := 0
	for _, n := range p.naming {
		if n {
			naming++
		}
	}
	if p.led || best && 2*naming >= len(p.sentences) {
		return p.sentences
	}
	keep := make([]bool, len(p.sentences))
	for _, b := range blocks(p.sentences) {
		if ledBy(p.sentences[b[0]:b[1]], words) {
			for i := b[0]; i < b[1]; i++ {
				keep[i] = true
			}
			continue
		}
		last := -1
		for i := b[0]; i < b[1]; i++ {
			if !p.naming[i] {
				continue
			}
			keep[i] = true
			if last >= 0 && i-last-1 <= maxSentenceBridge {
				for j := last + 1; j < i; j++ {
					keep[j] = true
				}
			}
			last = i
		}
	}
	// A kept sentence that announces a list (重点办好十件民生实事：一是…) keeps
	// the items that follow it (二是…。三是…).
	for i := 0; i < len(p.sentences); i++ {
		if !keep[i] || !strings.ContainsAny(p.sentences[i], "：:") {
			continue
		}
		for j := i + 1; j < len(p.sentences) && corpus.OpensItem(p.sentences[j]); j++ {
			keep[j] = true
		}
	}
	var out []string
	for i, s := range p.sentences {
		if keep[i] {
			out = append(out, s)
		}
	}
	if len(out) == 0 && best {
		return p.sentences
	}
	return out
}

// blocks splits a paragraph's sentences into the runs that its inline
// leads open, as [start, end) of sentence indexes. A lead is a sentence
// that opens an item (一是, ①, 第二，) or a short one that names a subject
// and nothing else (加快县城开发。坚持科学规划。: reports print these bold
// inside a paragraph). Once a sentence has announced a list with a colon
// (办好10件民生实事：①…), the items that follow are its own, not new blocks.
func blocks(sentences []string) [][2]int {
	var out [][2]int
	start, announced := 0, false
	for i, s := range sentences {
		if i > 0 && !announced && isLead(s) {
			out = append(out, [2]int{start, i})
			start = i
		}
		if strings.ContainsAny(s, "：:") {
			announced = true
		}
	}
	return append(out, [2]int{start, len(sentences)})
}

// isLead reports whether a sentence opens a block of its paragraph.
func isLead(s string) bool {
	if corpus.OpensItem(s) {
		return true
	}
	body := strings.TrimRight(s, "。！ \u3000")
	return utf8.RuneCountInString(body) <= maxLeadRunes && !strings.ContainsAny(body, "，,、；;：:0123456789")
}

// maxLeadRunes is the longest a short lead sentence is (without its full
// stop): 加快县城开发 has 6 characters, an ordinary short sentence of a
// report (做好退役军人安置和就业保障) more than 10.
const maxLeadRunes = 10

// ledBy reports whether a block is about the topic from its start: its
// first sentence names the whole topic, or it opens with a lead and the
// next sentence does (民生是执政之本。今年我们将继续办好10件民生实事：…;
// 加快县城开发。大力实施“11244”工程…). That takes a paragraph whose lead
// names a wider subject (让社会事业更贴心。坚持教育优先发展…) whole as well:
// a few sentences too many, rather than a list that misses its items.
func ledBy(block []string, words topicWords) bool {
	if len(block) == 0 {
		return false
	}
	if words.allIn(block[0]) {
		return true
	}
	return len(block) > 1 && isLead(block[0]) && words.allIn(block[1])
}

// topicWord is a word of a list's topic with the dictionary sub-words of
// two characters or more that also name it when written apart: 稳就业 is
// named by 就业, 城中村改造 by 城中村 and 改造 in one sentence.
type topicWord struct {
	text       string
	parts      []string
	start, end int // its bytes in the topic, to know its sub-words
}

// topicWords are the words that name a topic: those of two characters or
// more, or all of them when none is that long.
type topicWords []topicWord

func (a *Asker) topicWords(topic string) topicWords {
	var all, long topicWords
	for _, w := range a.seg.Words(topic) {
		if w.Text == "" || strings.TrimSpace(w.Text) == "" {
			continue
		}
		if n := len(all); n > 0 && w.Start >= all[n-1].start && w.End <= all[n-1].end {
			if utf8.RuneCountInString(w.Text) >= 2 {
				all[n-1].parts = append(all[n-1].parts, w.Text)
			}
			continue
		}
		all = append(all, topicWord{text: w.Text})
		all[len(all)-1].start, all[len(all)-1].end = w.Start, w.End
	}
	for _, w := range all {
		if utf8.RuneCountInString(w.text) >= 2 {
			long = append(long, w)
		}
	}
	if len(long) == 0 {
		return all
	}
	return long
}

// names reports whether text names the word: writes it, or all its parts.
func (w topicWord) names(text string) bool {
	if strings.Contains(text, w.text) {
		return true
	}
	for _, p := range w.parts {
		if !strings.Contains(text, p) {
			return false
		}
	}
	return len(w.parts) > 0
}

// allIn and namedIn report whether text names all, or any, of the words.
func (ws topicWords) allIn(text string) bool {
	for _, w := range ws {
		if !w.names(text) {
			return false
		}
	}
	return len(ws) > 0
}

func (ws topicWords) namedIn(text string) bool {
	for _, w := range ws {
		if w.names(text) {
			return true
		}
	}
	return false
}

// apart is the topic written with each word that has parts replaced by
// them (稳就业 → 就业), or "" when no word has parts.
func (ws topicWords) apart() string {
	var out []string
	split := false
	for _, w := range ws {
		if len(w.parts) > 0 {
			out, split = append(out, w.parts...), true
			continue
		}
		out = append(out, w.text)
	}
	if !split {
		return ""
	}
	return strings.Join(out, " ")
}

// listCandidates are the plan paragraphs a list answer ranks: those that
// match the question's topic, then those that write a dictionary word of it
// apart (a paragraph on 稳定和扩大就业 for 稳就业), which the search's word tier
// does not find since it wants the whole word.
func (a *Asker) listCandidates(ctx context.Context, q *query.Query, words topicWords, scope []string) ([]search.Hit, error) {
	res, err := a.idx.Search(ctx, search.Request{Query: q, Scope: scope, Size: listCandidates, Snippets: 1})
	if err != nil {
		return nil, err
	}
	apart := words.apart()
	if apart == "" {
		return res.Hits, nil
	}
	q2 := wordsOf(apart)
	q2.Filters = q.Filters
	more, err := a.idx.Search(ctx, search.Request{Query: q2, Scope: scope, Size: listCandidates, Snippets: 1})
	if err != nil {
		return res.Hits, nil // the parts need not make a query of their own
	}
	hits := res.Hits
	for _, h := range more.Hits {
		if !slices.ContainsFunc(hits, func(x search.Hit) bool { return x.ID == h.ID }) {
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// listTopic is what a list question is about, without the words around a
// topic: 在大气污染防治方面 → 大气污染防治, “11244”工程建设内容 → “11244”工程.
func listTopic(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range listTopicStarts {
			if t, ok := strings.CutPrefix(s, w); ok && t != "" {
				s, changed = t, true
			}
		}
		for _, w := range listTopicEnds {
			if t, ok := strings.CutSuffix(s, w); ok && t != "" {
				s, changed = t, true
			}
		}
	}
	return s
}

var (
	listTopicStarts = lexicon.Words("question-list-topic-starts")
	listTopicEnds   = lexicon.Words("question-list-topic-ends")
)
