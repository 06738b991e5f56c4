package ask

import (
	"context"
	"fmt"
	"regexp"
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
	afterCountry  = "0123456789" + lexicon.Chars("after-country-chars")
	afterProvince = "0123456789" + lexicon.Chars("after-province-chars")
)

// provinceNames are each province's full and short name (广东省, 广东).
var provinceNames = func() [][2]string {
	var out [][2]string
	for _, p := range corpus.Provinces() {
		out = append(out, [2]string{p, corpus.ShortRegionName(p)})
	}
	return out
}()

// placeIn finds the place a question names at its start (after 请问, a year
// or 今年): 广东2026年…, 2023年上城区…, 海拉尔区的…, with the reports that
// speak for it. A place that no indexed report speaks for is returned with
// none when it is a larger division of an indexed place (杭州市), one of
// China's provinces, or written with its level and then a year
// (宁波市2023年), so that the question is not answered from another place's
// report.
func placeIn(c *catalog.Catalog, q string) questionPlace {
	lead := reQuestionLead.FindString(q)
	after := q[len(lead):]
	for _, n := range c.Names() {
		if !strings.HasPrefix(after, n) {
			continue
		}
		full, _ := c.FullName(n)
		return questionPlace{Name: n, Full: full, Reports: c.ReportsOf(n), Rest: lead + after[len(n):], Generic: catalog.IsGeneric(n)}
	}
	// 国家 names the country only before a year or 的 (国家2021年…), since
	// it begins so many words (国家高新技术企业).
	if rest, ok := strings.CutPrefix(after, "国家"); ok {
		if next, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune(afterCountry, next) {
			if reports := c.ReportsOf(corpus.National); len(reports) > 0 {
				return questionPlace{Name: "国家", Full: corpus.National, Reports: reports, Rest: lead + rest, Generic: true}
			}
		}
	}
	for _, names := range provinceNames {
		for i, n := range names {
			rest, ok := strings.CutPrefix(after, n)
			if !ok {
				continue
			}
			next, _ := utf8.DecodeRuneInString(rest)
			if i == 0 || strings.ContainsRune(afterProvince, next) || strings.HasPrefix(rest, "地区") {
				return questionPlace{Name: n, Rest: lead + rest}
			}
			if rest != "" {
				// 北京城镇新增就业… names Beijing; 北京冬奥会… may not: Ask
				// decides by whether the reports write the name and what
				// follows it as one term.
				return questionPlace{Name: n, Rest: lead + rest, Term: true}
			}
		}
	}
	// A place written with its level and then a year or 的 (宁波市2023年…,
	// 余杭区的…), not a word that ends like one (社区的…, 自贸区2023年…).
	if name, rest := corpus.PlaceAt(after); name != "" && reYearAfterPlace.MatchString(rest) {
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
