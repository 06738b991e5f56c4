package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/lexicon"
	"reportsearch/query"
	"reportsearch/t2s"
)

// plan is a query prepared for the index: each term with the words the
// segmenter cuts it into and the synonyms it expands to.
type plan struct {
	terms    []termPlan
	expanded []Expansion
	relaxed  bool // matching any word, because nothing matched every term
}

type termPlan struct {
	alts []altPlan
}

type altPlan struct {
	text query.Text
	// forms are the term as OpenCC's phrase table writes it in the other
	// script (批覆 for 批复 and back): the index folds characters only,
	// so they are searched as literal alternatives of the term.
	forms []string
	// folded is the text folded as the character view folds it, to find
	// it in a hit's folded text (see folded).
	folded    string
	words     []string            // the term's words (folded), for the word tier
	synonyms  []string            // synonyms of the whole term
	wordSyns  map[string][]string // synonyms of single words (GDP增长: gdp → 地区生产总值 …)
	searchSub []string            // the term's words and sub-words in search mode, for partial matches
	// region are the reports of the place the term names (广东, 上城区):
	// their paragraphs speak for it without naming it, as a heading's
	// paragraphs speak of what the heading names.
	region []string
}

// Boosts of the parts of a term's match: literal occurrences rank above
// word matches, which rank above synonyms; a heading that names the term
// adds to a paragraph's score.
const (
	boostLiteral = 3.0
	boostWords   = 1.0
	boostSynonym = 0.5
	boostHeading = 2.0
	// boostAdjacent is a paragraph's that writes a query's terms as one.
	boostAdjacent = 3.0
)

func (e *Engine) plan(q *query.Query) *plan {
	p := &plan{}
	for _, t := range q.Terms {
		var tp termPlan
		for _, a := range t.Alternatives {
			ap := altPlan{text: a, folded: indexer.FoldForMatch(a.Value), forms: t2s.PhraseForms(a.Value)}
			if !a.Phrase {
				// Synonyms and place names are written in simplified
				// characters: a term typed in traditional ones (廣東,
				// 社零總額) is looked up as its simplified form. The
				// analyzers fold the text and words themselves.
				value := t2s.String(a.Value)
				ap.words = e.seg.QueryWords(value)
				if len(ap.words) > 1 && !slices.ContainsFunc(ap.words, func(w string) bool { return utf8.RuneCountInString(w) > 1 }) {
					// The segmenter cut the term into characters (社零, 固投:
					// words it does not know); any paragraph with 社 and 零
					// somewhere would match by words. Its text and synonyms
					// find it.
					ap.words = nil
				}
				if !catalog.IsGeneric(value) { // 全国 in a query is a word, not the national reports
					ap.region = e.catalog.ReportsOf(value)
				}
				for _, w := range e.seg.Words(value) {
					// One character (的, 家) or a bare number would match
					// nearly everything: they do not make a partial match.
					t := strings.ToLower(w.Text)
					if utf8.RuneCountInString(t) > 1 && strings.IndexFunc(t, unicode.IsLetter) >= 0 && !slices.Contains(ap.searchSub, t) {
						ap.searchSub = append(ap.searchSub, t)
					}
				}
				// The whole term's synonyms, and the term with a word inside
				// it replaced (社零总额 → 社会消费品零售总额: the segmenter
				// cuts 社零 into characters, so no single word has it).
				ap.synonyms = slices.Clone(e.syn.Expand(value))
				for _, r := range e.syn.Rewrite(value, ap.searchSub) {
					if !slices.Contains(ap.synonyms, r) {
						ap.synonyms = append(ap.synonyms, r)
					}
				}
				if len(ap.synonyms) > 0 {
					p.expanded = append(p.expanded, Expansion{Term: a.Value, Synonyms: ap.synonyms})
				}
				if len(ap.words) > 1 {
					for _, w := range ap.words {
						if syns := e.syn.Expand(w); len(syns) > 0 {
							if ap.wordSyns == nil {
								ap.wordSyns = map[string][]string{}
							}
							ap.wordSyns[w] = syns
							p.expanded = append(p.expanded, Expansion{Term: w, Synonyms: syns})
						}
					}
				}
			}
			tp.alts = append(tp.alts, ap)
		}
		p.terms = append(p.terms, tp)
	}
	if p.expanded == nil {
		p.expanded = []Expansion{}
	}
	return p
}

// bleveQuery turns the query into a bleve query over paragraph documents.
func (e *Engine) bleveQuery(ctx context.Context, q *query.Query, p *plan) (bquery.Query, error) {
	var must []bquery.Query
	for _, t := range p.terms {
		var any []bquery.Query
		for _, a := range t.alts {
			for _, s := range a.literals() {
				lit := literalQuery(indexer.FieldText, s)
				lit.(bquery.BoostableQuery).SetBoost(boostLiteral)
				any = append(any, lit)
			}
			if a.text.Phrase {
				continue
			}
			if len(a.words) > 0 {
				var ws, hs []bquery.Query
				for _, w := range a.words {
					tq := termQuery(indexer.FieldText, w)
					tq.SetBoost(boostWords)
					alts := []bquery.Query{tq}
					for _, syn := range a.wordSyns[w] {
						sq := literalQuery(indexer.FieldText, syn)
						sq.(bquery.BoostableQuery).SetBoost(boostSynonym)
						alts = append(alts, sq)
					}
					if isYearWord(w) {
						// 2026年GDP增长目标: a paragraph about 2026 says 今年.
						alts = append(alts, termQuery(indexer.FieldYearTerm, w))
					}
					if len(alts) > 1 {
						ws = append(ws, bquery.NewDisjunctionQuery(alts))
					} else {
						ws = append(ws, tq)
					}
					hq := termQuery(indexer.FieldHeading, w)
					hq.SetBoost(boostHeading)
					hs = append(hs, hq)
				}
				// The paragraph has the term's words, or its heading does
				// (推动城区有机更新 heads a paragraph that never repeats it).
				any = append(any, bquery.NewConjunctionQuery(ws), bquery.NewConjunctionQuery(hs))
			}
			if len(a.region) > 0 {
				any = append(any, scopeQuery(a.region))
			}
			for _, s := range a.synonyms {
				sq := literalQuery(indexer.FieldText, s)
				sq.(bquery.BoostableQuery).SetBoost(boostSynonym)
				any = append(any, sq)
			}
		}
		must = append(must, bquery.NewDisjunctionQuery(any))
	}
	filters, err := e.filterQueries(ctx, q.Filters)
	if err != nil {
		return nil, err
	}
	must = append(must, filters...)
	if len(must) == 0 {
		must = append(must, bquery.NewMatchAllQuery())
	}
	bq := bquery.NewBooleanQuery(must, nil, nil)
	if adjacent := p.adjacentTerms(); adjacent != "" {
		// Proximity at its closest: the terms written as one (创业 带动 就业
		// in 创业带动就业) rank a paragraph above one that has them apart.
		lit := literalQuery(indexer.FieldText, adjacent)
		lit.(bquery.BoostableQuery).SetBoost(boostAdjacent)
		bq.AddShould(lit)
	}
	p.paragraphsOnly(bq, q)
	return bq, nil
}

// filterQueries turns filters into queries on paragraph fields. Figure
// filters (unit:, figure:) select the paragraphs that state such a figure;
// clauses in one unit describe one figure (unit:台 figure:>100 is a figure
// of more than 100 台), clauses in different units may be met by different
// figures of the paragraph (figure:>100亿元 figure:<50%).
func (e *Engine) filterQueries(ctx context.Context, fs []query.Filter) ([]bquery.Query, error) {
	var out []bquery.Query
	groups := map[string][]bquery.Query{} // figure clauses by base unit; "" for bare numbers
	var units []string
	for _, f := range fs {
		switch f.Field {
		case query.FieldYear:
			out = append(out, termQuery(indexer.FieldYearTerm, f.Value))
		case query.FieldKind:
			k := f.Value
			if k == string(corpus.FigureActual) || k == string(corpus.FigureEstimate) {
				k = string(corpus.KindResult)
			}
			out = append(out, termQuery(indexer.FieldKind, k))
		case query.FieldDomain:
			out = append(out, termQuery(indexer.FieldDomains, f.Value))
		case query.FieldPart:
			out = append(out, termQuery(indexer.FieldPart, partNumeral(f.Value)))
		case query.FieldChapter:
			out = append(out, termQuery(indexer.FieldChapter, f.Value))
		case query.FieldReport:
			out = append(out, termQuery(indexer.FieldReport, f.Value))
		case query.FieldRegion:
			out = append(out, scopeQuery(e.catalog.ReportsOf(f.Value)))
		case query.FieldUnit:
			base := corpus.BaseOfUnit(f.Value)
			if base == "" {
				base = f.Value
			}
			units = append(units, base)
			groups[base] = append(groups[base], bquery.NewDisjunctionQuery([]bquery.Query{termQuery(indexer.FieldUnit, f.Value), termQuery(indexer.FieldBaseUnit, f.Value)}))
		case query.FieldFigure:
			groups[f.BaseUnit] = append(groups[f.BaseUnit], numberFilter(f))
		default:
			return nil, fmt.Errorf("search: a filter of unknown field %q", f.Field)
		}
	}
	// A bare number belongs with the one unit named, if one is.
	if bare, ok := groups[""]; ok && len(units) == 1 {
		groups[units[0]] = append(groups[units[0]], bare...)
		delete(groups, "")
	}
	for _, g := range groups {
		ids, err := e.paragraphsWithFigures(ctx, g)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			out = append(out, bquery.NewMatchNoneQuery())
		} else {
			out = append(out, bquery.NewDocIDQuery(ids))
		}
	}
	return out, nil
}

// numberFilter selects figures whose normalized value compares with the
// filter's bound, in the same base unit.
func numberFilter(f query.Filter) bquery.Query {
	v := f.Number
	var minV, maxV *float64
	t, fl := true, false
	minIncl, maxIncl := &t, &t
	switch f.Op {
	case query.OpGreater:
		minV, minIncl = &v, &fl
	case query.OpGreaterEqual:
		minV = &v
	case query.OpLess:
		maxV, maxIncl = &v, &fl
	case query.OpLessEqual:
		maxV = &v
	default:
		// equal, allowing for the rounding of the normalization
		lo, hi := v-math.Abs(v)*1e-9, v+math.Abs(v)*1e-9
		minV, maxV = &lo, &hi
	}
	nq := bquery.NewNumericRangeInclusiveQuery(minV, maxV, minIncl, maxIncl)
	nq.SetField(indexer.FieldNormalized)
	if f.BaseUnit == "" {
		return nq // a bare number: any unit (unit: may narrow it)
	}
	return bquery.NewConjunctionQuery([]bquery.Query{nq, termQuery(indexer.FieldBaseUnit, f.BaseUnit)})
}

// paragraphsWithFigures returns the IDs of the paragraphs that state a
// figure matching every query.
func (e *Engine) paragraphsWithFigures(ctx context.Context, qs []bquery.Query) ([]string, error) {
	qs = append(qs, termQuery(indexer.FieldDocType, indexer.TypeFigure))
	seen := map[string]bool{}
	var ids []string
	err := e.each(ctx, bquery.NewConjunctionQuery(qs), indexer.FigureParagraphFields(), func(_ string, fields map[string]any) error {
		if p := indexer.ParagraphOfFigure(fields); p != "" && !seen[p] {
			seen[p] = true
			ids = append(ids, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search: figures: %w", err)
	}
	return ids, nil
}

// partNumeral writes a part number as headings print it: 4 → 四; a
// numeral already written so stays.
func partNumeral(s string) string {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 99 {
		return s
	}
	return lexicon.ChineseNumeral(n)
}

// folded are a hit's text and its own heading folded as the character view
// folds them (indexer.FoldForMatch), once for classify and aboutness.
type folded struct{ text, own string }

func foldHit(h Hit) folded {
	return folded{text: indexer.FoldForMatch(h.Text), own: indexer.FoldForMatch(h.OwnHeading())}
}

// classify says how a hit matched: literally (every term's text occurs),
// by words (every term's words occur), or through a synonym.
func (p *plan) classify(h *Hit, f folded) {
	if p.relaxed {
		h.Match = MatchPartial
		return
	}
	// Folded as the character view folds, so that a literal match the index
	// found (PM 2.5 for PM2.5, ΑΒΓ for αβγ) is recognised as one here.
	text, heading := f.text, indexer.FoldForMatch(h.Heading)
	// A paragraph under a heading that writes the term is as literal a
	// match as one that writes it itself (f.own): the heading is what it
	// is about.
	tier := MatchLiteral
	var syns []string
	for _, t := range p.terms {
		best := ""
		var used []string
		for _, a := range t.alts {
			switch {
			case a.literalIn(text), a.literalIn(f.own):
				best = MatchLiteral
			case best != MatchLiteral && len(a.words) > 0 && (containsAll(text, a.words) || containsAll(heading, a.words)),
				best != MatchLiteral && slices.Contains(a.region, h.Report):
				best = MatchWords
			}
			for _, s := range a.synonyms {
				if strings.Contains(text, indexer.FoldSameLength(s)) {
					used = append(used, s)
				}
			}
			for _, syns := range a.wordSyns {
				for _, s := range syns {
					if strings.Contains(text, indexer.FoldSameLength(s)) {
						used = append(used, s)
					}
				}
			}
		}
		if best == "" {
			// Not the term nor its words: a synonym, when one occurs; else
			// the index matched the words in a way the plain check does
			// not see (a heading's words), which is still a word match.
			best = MatchWords
			if len(used) > 0 {
				best = MatchSynonym
			}
		}
		if tierRank(best) > tierRank(tier) {
			tier = best
		}
		if best == MatchSynonym {
			syns = append(syns, used...)
		}
	}
	h.Match = tier
	if tier == MatchSynonym {
		h.Synonyms = syns
	}
}

// needles are the strings to mark in a hit: each term's text, its words
// when the hit matched by words or synonyms, its synonyms when it matched
// through them.
func (p *plan) needles(h Hit) []string {
	var out []string
	for _, t := range p.terms {
		for _, a := range t.alts {
			out = append(out, a.literals()...)
			switch {
			case p.relaxed:
				out = append(out, a.searchSub...) // not its one-character words
			case h.Match != MatchLiteral:
				out = append(out, a.words...)
			}
			if h.Match == MatchSynonym {
				out = append(out, a.synonyms...)
				for _, syns := range a.wordSyns {
					out = append(out, syns...)
				}
			}
		}
	}
	return out
}

// literals are the strings that match the alternative literally: its text
// and its phrase forms.
func (a altPlan) literals() []string { return append([]string{a.text.Value}, a.forms...) }

// literalIn reports whether folded text (indexer.FoldForMatch) holds the
// alternative literally.
func (a altPlan) literalIn(folded string) bool {
	if strings.Contains(folded, a.folded) {
		return true
	}
	for _, f := range a.forms {
		if strings.Contains(folded, indexer.FoldForMatch(f)) {
			return true
		}
	}
	return false
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// relaxedQuery matches paragraphs with any word (or literal term) of the
// query, keeping its filters and exclusions.
func (e *Engine) relaxedQuery(ctx context.Context, q *query.Query, p *plan) (bquery.Query, error) {
	var any []bquery.Query
	for _, t := range p.terms {
		for _, a := range t.alts {
			any = append(any, literalQuery(indexer.FieldText, a.text.Value))
			for _, w := range a.searchSub {
				any = append(any, termQuery(indexer.FieldText, w), termQuery(indexer.FieldHeading, w))
			}
			if len(a.region) > 0 {
				any = append(any, scopeQuery(a.region))
			}
		}
	}
	if len(p.terms) > 0 && len(any) == len(p.terms) {
		return nil, nil // nothing beyond the literal terms, which already failed
	}
	filters, err := e.filterQueries(ctx, q.Filters)
	if err != nil {
		return nil, err
	}
	bq := bquery.NewBooleanQuery(append([]bquery.Query{bquery.NewDisjunctionQuery(any)}, filters...), nil, nil)
	p.paragraphsOnly(bq, q)
	return bq, nil
}

// adjacentTerms is a query's terms written one after the other, when it
// has more than one and each has one alternative; "" otherwise.
func (p *plan) adjacentTerms() string {
	if len(p.terms) < 2 {
		return ""
	}
	var b strings.Builder
	for _, t := range p.terms {
		if len(t.alts) != 1 {
			return ""
		}
		b.WriteString(t.alts[0].text.Value)
	}
	return b.String()
}

// paragraphsOnly keeps bq to paragraphs (when it could match a figure)
// and leaves out those with the query's exclusions.
func (p *plan) paragraphsOnly(bq *bquery.BooleanQuery, q *query.Query) {
	if p.mayMatchFigures() {
		bq.AddMust(termQuery(indexer.FieldDocType, indexer.TypeParagraph))
	}
	for _, t := range q.Exclude {
		bq.AddMustNot(literalQuery(indexer.FieldText, t.Alternatives[0].Value))
	}
}

// mayMatchFigures reports whether the plan's query could match a figure
// document, so that it needs the clause that keeps it to paragraphs. Only
// paragraphs have the text and heading fields the terms are looked for in;
// a query of filters alone, or a term that stands for a place's reports
// (whose figures have the report field too), needs the clause. Walking
// the clause's postings — every paragraph of the index — is most of what a
// rare term costs, so it is left out when it selects nothing.
func (p *plan) mayMatchFigures() bool {
	if len(p.terms) == 0 {
		return true
	}
	for _, t := range p.terms {
		for _, a := range t.alts {
			if len(a.region) > 0 {
				return true
			}
		}
	}
	return false
}

// isYearWord reports whether a word of a query is a year (2026), which a
// paragraph about that year need not write.
func isYearWord(w string) bool {
	if len(w) != 4 {
		return false
	}
	y, err := strconv.Atoi(w)
	return err == nil && corpus.IsReportYear(y)
}
