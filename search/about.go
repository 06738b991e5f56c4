package search

import (
	"slices"
	"strings"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// Weights of what makes a paragraph about a query rather than one that
// names it in passing. A hit's rank within its tier is its bleve score times
// 1 plus the weights of the signs it shows.
const (
	// aboutHeading: its own heading names every term (（二）加快发展新质
	// 生产力 over the paragraph that carries it out).
	aboutHeading = 2.0
	// aboutLead: its first sentence names every term: the paragraph starts
	// with the topic (推进“四好农村路”建设。…).
	aboutLead = 1.0
	// aboutListed: every mention of a term is an item of an enumeration
	// (…、新质生产力、…), which names a topic without being about it.
	aboutListed = -0.6
)

// aboutness is how much more than its score says a hit is about the query.
func (p *plan) aboutness(h Hit, f folded) float64 {
	if len(p.terms) == 0 || p.relaxed {
		return 0
	}
	lead := f.text
	if s, ok := corpus.FirstSentence(h.Text); ok {
		lead = indexer.FoldForMatch(h.Text[s.Start:s.End])
	}
	a := 0.0
	if p.namesEvery(f.own, h.Report) {
		a += aboutHeading
	}
	if p.namesEvery(lead, h.Report) {
		a += aboutLead
	}
	if p.listedOnly(f.text) {
		a += aboutListed
	}
	return a
}

// namesEvery reports whether s, of a paragraph of report, names every term
// of the query: one of its alternatives literally, or all of that
// alternative's words, or, for a place, by being of that place's report.
func (p *plan) namesEvery(s, report string) bool {
	for _, t := range p.terms {
		named := false
		for _, a := range t.alts {
			if strings.Contains(s, a.folded) || len(a.words) > 1 && containsAll(s, a.words) ||
				slices.Contains(a.region, report) {
				named = true
				break
			}
		}
		if !named {
			return false
		}
	}
	return true
}

// listedOnly reports whether some term occurs in text only as an item of an
// enumeration: every occurrence has an enumeration comma (、) beside it.
func (p *plan) listedOnly(text string) bool {
	for _, t := range p.terms {
		for _, a := range t.alts {
			v := a.folded
			if v == "" || !strings.Contains(text, v) {
				continue
			}
			listed := true
			for i := 0; ; {
				j := strings.Index(text[i:], v)
				if j < 0 {
					break
				}
				start, end := i+j, i+j+len(v)
				if !beside(text, start, end, "、") {
					listed = false
					break
				}
				i = end
			}
			if listed {
				return true
			}
		}
	}
	return false
}

// beside reports whether mark stands right before text[start:end] or right
// after it, allowing one closing or opening quotation mark between.
func beside(text string, start, end int, mark string) bool {
	before := strings.TrimRight(text[:start], "“‘\"")
	after := strings.TrimLeft(text[end:], "”’\"")
	return strings.HasSuffix(before, mark) || strings.HasPrefix(after, mark)
}
