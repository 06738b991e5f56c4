package ask

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/lexicon"
)

// questionPlace is the place a question asks about.
type questionPlace struct {
	Name    string   // as the question writes it: 广东
	Full    string   // as the reports know it: 广东省; empty for a place no report speaks for
	Reports []string // the reports that speak for it
	Rest    string   // the question without the name
	Generic bool     // the name is 全国 or 中国, which may also be part of a word
	// Term marks a province's short name that the question may use as the
	// start of a term (北京冬奥会, 上海合作组织) rather than as a place.
	Term bool
}

var (
	// reQuestionLead may come before the place a question names: 请问, a
	// year, 今年.
	reQuestionLead = regexp.MustCompile(lexicon.Pattern("question-lead"))
	// reAfterLatePlace may follow a place's short name later in a question.
	reAfterLatePlace = regexp.MustCompile(lexicon.Pattern("question-after-late-place"))
	// reYearAfterPlace is a year or 的 right after a place in a question.
	reYearAfterPlace = regexp.MustCompile(lexicon.Pattern("question-year-after-place"))
	// After 国家 or a province's short name, these make it a place rather
	// than the start of a word.
	afterCountry   = "0123456789" + lexicon.Chars("after-country-chars")
	afterProvince  = "0123456789" + lexicon.Chars("after-province-chars")
	interrogatives = lexicon.Words("question-interrogatives")
	// nationalIndicators make a question that names no place a national one.
	nationalIndicators = lexicon.Words("national-indicators")
)

// impliedNational is the country as the place of a question that names no
// place but an indicator only the national reports state of their own
// scope (国内生产总值), when national reports are indexed; not a
// where-question, which asks which reports write it.
func impliedNational(c *catalog.Catalog, q string) (questionPlace, bool) {
	reports := c.ReportsOf(corpus.National)
	if len(reports) == 0 || reWhereQ.MatchString(q) || !slices.ContainsFunc(nationalIndicators, func(w string) bool { return strings.Contains(q, w) }) {
		return questionPlace{}, false
	}
	return questionPlace{Name: corpus.National, Full: corpus.National, Reports: reports, Rest: q}, true
}

// asksWhich reports whether a name that looks like a place asks for one
// instead: 哪个县.
func asksWhich(name string) bool {
	return hasAnyPrefix(name, interrogatives)
}

// placeIn finds the place a question names at its start (after 请问, a year
// or 今年) — 广东2026年…, 2023年上城区…, 海拉尔区的…, 四川米易县2022年…,
// 1956年全国… — with the reports that speak for it. The names are those of
// the indexed places (the catalog) and of every division of China since
// 1980 (the gazetteer), read as a chain from the larger to the smaller
// (河北易县 is 易县 of 河北, not 河北). A place that no indexed report speaks
// for is returned with none, so that the question is not answered from
// another place's report.
func placeIn(c *catalog.Catalog, q string) questionPlace {
	lead := reQuestionLead.FindString(q)
	after := q[len(lead):]
	if p, ok := placeChainAt(c, lead, after); ok {
		return p
	}
	// 国家 names the country only before a year or 的 (国家2021年…), since
	// it begins so many words (国家高新技术企业).
	if rest, ok := strings.CutPrefix(after, "国家"); ok {
		if next, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune(afterCountry, next) {
			p := questionPlace{Name: "国家", Reports: c.ReportsOf(corpus.National), Rest: lead + rest, Generic: true}
			if len(p.Reports) > 0 {
				p.Full = corpus.National
			}
			return p
		}
	}
	// A place written with its level and then a year or 的 (宁波市2023年…,
	// 余杭区的…), not a word that ends like one (社区的…, 自贸区2023年…).
	if name, rest := corpus.PlaceAt(after); name != "" && reYearAfterPlace.MatchString(rest) && !asksWhich(name) {
		return questionPlace{Name: name, Rest: lead + rest}
	}
	// An indexed place later in the question, written with its level
	// (2023年城镇新增就业上城区完成多少) or before 是多少, 的 or a year
	// (城镇新增就业广东是多少); not a short name inside a word (美丽上城).
	for _, n := range c.Names() {
		i := strings.Index(after, n)
		full, _ := c.FullName(n)
		if i <= 0 || full == "" || catalog.IsGeneric(n) {
			continue
		}
		rest := after[i+len(n):]
		if corpus.ShortRegionName(n) != n || reAfterLatePlace.MatchString(rest) {
			return questionPlace{Name: n, Full: full, Reports: c.ReportsOf(n), Rest: lead + after[:i] + rest}
		}
	}
	return questionPlace{Rest: q}
}

// placeChainAt reads the place names at the start of after, the larger
// first (四川米易县, 河北省保定市徐水区, 广西), each within the one before it,
// and returns the innermost as the place: an indexed one with its reports,
// or one the gazetteer knows, with none. A name the catalog knows stands at
// the start of a question whatever follows; a name only the gazetteer
// knows must be written in full (石家庄市), follow a larger division
// (河北石家庄), or be followed by a year or 的 (石家庄2022年) — a county's short
// name is too often a word (和平, 长安) — but for a province's, which may
// begin a term (北京冬奥会): Ask then looks it up in the reports (Term).
func placeChainAt(c *catalog.Catalog, lead, after string) (questionPlace, bool) {
	for _, n := range catalog.NationalNames() {
		if rest, ok := strings.CutPrefix(after, n); ok {
			// The country, indexed or not: a national question is never
			// answered from a province's figure.
			p := questionPlace{Name: n, Reports: c.ReportsOf(n), Rest: lead + rest, Generic: true}
			if len(p.Reports) > 0 {
				p.Full = corpus.National
			}
			return p, true
		}
	}
	g := lexicon.Places()
	var names []string
	var divs [][]lexicon.Division // the divisions each name may be, within the one before
	rest := after
	for {
		n, known := c.NameAt(rest), false
		if gn := g.NameAt(rest); len(gn) > len(n) && !corpus.IsGenericPlace(gn) {
			n = gn
		} else if n != "" {
			known = true
		}
		n = beforeLevelLedTerm(rest, n)
		if n == "" {
			break
		}
		cands := g.Named(n)
		if len(names) > 0 {
			outer := divs[len(divs)-1]
			cands = slices.DeleteFunc(cands, func(d lexicon.Division) bool {
				return !slices.ContainsFunc(outer, func(o lexicon.Division) bool { return lexicon.Within(d, o) })
			})
			if len(cands) == 0 && !(known && withinIndexed(c, n, names[len(names)-1])) {
				break
			}
		}
		names, divs = append(names, n), append(divs, cands)
		rest = rest[len(n):]
	}
	if len(names) == 0 {
		return questionPlace{}, false
	}
	own := names[len(names)-1]
	written := strings.Join(names, "")
	p := questionPlace{Name: written, Rest: lead + rest, Generic: catalog.IsGeneric(written)}
	for _, n := range []string{written, own} {
		full, known := c.FullName(n)
		if !known || n == own && len(names) > 1 && !consistent(c.RegionOf(own), divs[:len(divs)-1]) {
			continue
		}
		p.Full, p.Reports = full, c.ReportsOf(n)
		return p, true
	}
	// Only the gazetteer knows it: a place no indexed report speaks for,
	// if it reads as one.
	next, _ := utf8.DecodeRuneInString(rest)
	full := slices.ContainsFunc(divs[len(divs)-1], func(d lexicon.Division) bool { return d.Name == own })
	switch {
	case full || len(names) > 1 || strings.ContainsRune(afterProvince, next) || strings.HasPrefix(rest, "地区"):
		return p, true
	case rest != "" && slices.ContainsFunc(divs[0], func(d lexicon.Division) bool { return d.Level == lexicon.Province }):
		// 北京冬奥会… may not name Beijing: Ask decides by whether the
		// reports write the name and what follows it as one term.
		p.Term = true
		return p, true
	}
	return questionPlace{}, false
}

// levelLedTerms begin with a level word: 地区生产总值, 省级.
var levelLedTerms = lexicon.Words("level-led-terms")

// beforeLevelLedTerm is a place name at the start of text cut before a
// term that begins with its level word: 驻马店 of 驻马店地区生产总值, since 地区
// begins the indicator.
func beforeLevelLedTerm(text, name string) string {
	short := corpus.ShortRegionName(name)
	if short == name {
		return name
	}
	for _, t := range levelLedTerms {
		if strings.HasPrefix(text[len(short):], t) {
			return short
		}
	}
	return name
}

// withinIndexed reports whether an indexed place's region, which the
// catalog names inner, holds outer as a larger division: 杭州市上城区.
func withinIndexed(c *catalog.Catalog, inner, outer string) bool {
	r := c.RegionOf(inner)
	return len(r) > 1 && slices.ContainsFunc(r[:len(r)-1], func(d string) bool { return d == outer || corpus.ShortRegionName(d) == outer })
}

// consistent reports whether an indexed place's region agrees with the
// larger divisions a question names before it: a region that names a
// division of the same level must name one of those (四川米易县 is not a
// 米易县 of Hebei); a region that names none is taken to agree.
func consistent(r corpus.Region, outers [][]lexicon.Division) bool {
	g := lexicon.Places()
	for _, outer := range outers {
		for _, name := range r {
			for _, d := range g.Named(name) {
				same := slices.ContainsFunc(outer, func(o lexicon.Division) bool { return o.Level == d.Level })
				if same && !slices.ContainsFunc(outer, func(o lexicon.Division) bool { return o.Code == d.Code || lexicon.Within(d, o) }) {
					return false
				}
			}
		}
	}
	return true
}

// otherPlace returns an indexed place, other than full, that text names,
// as named and as the reports know it, or "".
func otherPlace(c *catalog.Catalog, text, full string) (name, other string) {
	for _, n := range c.Names() {
		if f, _ := c.FullName(n); f != "" && f != full && !catalog.IsGeneric(n) && strings.Contains(text, n) &&
			utf8.RuneCountInString(n) >= 2 {
			return n, f
		}
	}
	return "", ""
}

// writtenAsTerm reports whether the reports write a province's short name
// together with the word that follows it in the question (北京冬奥会,
// 上海合作组织), so that the name begins a term there and names no place.
func (a *Asker) writtenAsTerm(ctx context.Context, place questionPlace) (bool, error) {
	words := a.seg.Cut(strings.TrimPrefix(place.Rest, reQuestionLead.FindString(place.Rest)))
	if len(words) == 0 {
		return false, nil
	}
	n, err := a.idx.CountLiteral(ctx, place.Name+words[0])
	if err != nil {
		return false, fmt.Errorf("ask: %s as a term: %w", place.Name, err)
	}
	return n > 0, nil
}

// reJoinedPlace is another place joined to the one a question names:
// 和广东, 、广东.
func reJoinedPlace(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?:和|与|及|、)?` + regexp.QuoteMeta(name))
}
