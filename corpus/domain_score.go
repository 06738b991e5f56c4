package corpus

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// A paragraph's domains are the few it is about, not every domain one of
// its words belongs to: each domain is scored by the keywords of it the
// paragraph holds, weighted by where they stand and how specific they are,
// and the best few are kept.

// DomainWeights are the weights and thresholds of domain scoring, one
// place to read and tune them (against eval/testdata/domains/tune.tsv).
type DomainWeights struct {
	// Heading multiplies a keyword in the paragraph's own heading (its
	// section's title, or the heading fused to its first line): a heading
	// names what the text under it is about.
	Heading float64
	// FirstSentence multiplies a keyword in the paragraph's first
	// sentence, which in these reports states the paragraph's theme
	// (加强社会保障和服务。…) before the measures that serve it.
	FirstSentence float64
	// LengthExponent makes a keyword of n characters weigh n^LengthExponent:
	// 保障性租赁住房 says more about its domain than 林 or 民生 do.
	LengthExponent float64
	// Repeat is what each further occurrence of the same keyword adds, as a
	// share of the first: a word repeated through a list is one topic,
	// not ten.
	Repeat float64
	// Keep keeps a domain whose score is at least this share of the best
	// domain's: the rest are mentioned, not spoken of.
	Keep float64
	// Max is the most domains a paragraph or sentence keeps.
	Max int
}

// domainWeights are the weights the tagger uses.
var domainWeights = DomainWeights{
	Heading:        2,
	FirstSentence:  2,
	LengthExponent: 1,
	Repeat:         0.6,
	Keep:           0.4,
	Max:            3,
}

// weightedText is a piece of text and what a keyword in it is worth.
type weightedText struct {
	text   string
	weight float64
}

// eachKeyword calls each with the domain and keyword of every keyword
// occurrence in text, reading leftmost-longest without overlaps: a keyword
// inside a longer keyword of another domain (卫生 in 卫生服务站, 产业 in
// 产业项目) is not counted beside it.
func (t *Taxonomy) eachKeyword(text string, each func(domain int, keyword string)) {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		best := keywordRef{domain: -1}
		for _, k := range t.byFirst[r] {
			if len(k.keyword) > len(best.keyword) && strings.HasPrefix(text[i:], k.keyword) {
				best = k
			}
		}
		if best.domain < 0 {
			i += size
			continue
		}
		each(best.domain, best.keyword)
		i += len(best.keyword)
	}
}

// scores adds up, per domain (in taxonomy order), the weight of its
// keywords' occurrences in the pieces.
func (t *Taxonomy) scores(w DomainWeights, pieces ...weightedText) []float64 {
	out := make([]float64, len(t.Domains))
	seen := map[string]int{}
	for _, p := range pieces {
		t.eachKeyword(p.text, func(d int, kw string) {
			v := p.weight * math.Pow(float64(utf8.RuneCountInString(kw)), w.LengthExponent)
			if n := seen[kw]; n > 0 {
				v *= w.Repeat
			}
			seen[kw]++
			out[d] += v
		})
	}
	return out
}

// top names the domains of scores worth keeping, best first (taxonomy
// order between equals): at most w.Max, each at least w.Keep of the best.
// Only the domains allowed says yes to are considered; nil when none of
// them scores.
func (t *Taxonomy) top(scores []float64, w DomainWeights, allowed func(name string) bool) []string {
	var idx []int
	for i, s := range scores {
		if s > 0 && (allowed == nil || allowed(t.Domains[i].Name)) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case scores[a] > scores[b]:
			return -1
		case scores[a] < scores[b]:
			return 1
		}
		return 0
	})
	best := scores[idx[0]]
	var out []string
	for _, i := range idx {
		if len(out) == w.Max || scores[i] < w.Keep*best {
			break
		}
		out = append(out, t.Domains[i].Name)
	}
	return out
}

// Best names the few domains text is about, best first, scored as a
// paragraph's body; nil when it holds no keyword.
func (t *Taxonomy) Best(text string) []string {
	return t.top(t.scores(domainWeights, weightedText{text, 1}), domainWeights, nil)
}

// paragraphDomains scores a paragraph: its own heading, its first
// sentence and the rest, each with its weight. Nil when none holds a
// keyword.
func (t *Taxonomy) paragraphDomains(p *Paragraph, heading string) []string {
	w := domainWeights
	pieces := []weightedText{{heading, w.Heading}}
	for i, s := range p.Sentences {
		weight := 1.0
		if i == 0 {
			weight = w.FirstSentence
		}
		pieces = append(pieces, weightedText{s.Text(p), weight})
	}
	if len(p.Sentences) == 0 {
		pieces = append(pieces, weightedText{p.Text, w.FirstSentence})
	}
	return t.top(t.scores(w, pieces...), w, nil)
}

// sentenceDomains are a sentence's domains. Where the sentence's own
// keywords speak of some of its paragraph's domains, those, best first: a
// sentence is part of what its paragraph is about, and one keyword in one
// sentence of a list (防控 beside a housing-risk measure) is weaker evidence
// than the paragraph's, so a figure or commitment stays filed where its
// paragraph is. Where they speak only of other domains, the sentence's own
// best (a 公园绿地 target in a paragraph about streets and housing is about
// 生态环境: filing it under its paragraph's domains would hide it from a
// user who looks for green-space commitments). A sentence without a
// keyword speaks of what its paragraph does.
func (t *Taxonomy) sentenceDomains(text string, paragraph []string) []string {
	w := domainWeights
	scores := t.scores(w, weightedText{text, 1})
	if own := t.top(scores, w, func(name string) bool { return slices.Contains(paragraph, name) }); len(own) > 0 {
		return own
	}
	if own := t.top(scores, w, nil); len(own) > 0 {
		return own
	}
	return slices.Clone(paragraph)
}
