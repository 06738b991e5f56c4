package query

import (
	"strconv"
	"strings"

	"reportsearch/corpus"
)

// Words is a query for each word of text (split at spaces, normalized as
// the parser normalizes them), with no syntax: a colon, a quote or a minus
// sign in text is text. It is how a question's indicator is searched. A
// word the language would read as syntax (年份:2023, -养老, OR, 说"好")
// is an exact phrase, so that the query's String parses back to it.
func Words(text string) *Query {
	q := &Query{}
	for _, w := range strings.FieldsFunc(text, isSpace) {
		if w = corpus.Normalize(w); w != "" {
			q.Terms = append(q.Terms, Term{Alternatives: []Text{{Value: w, Phrase: !isPlainWord(w)}}})
		}
	}
	return q
}

// isPlainWord reports whether the parser reads w back as the one plain
// word w.
func isPlainWord(w string) bool {
	toks, repairs, err := lex(w)
	return err == nil && repairs == nil && len(toks) == 1 && toks[0].field == "" && !toks[0].or && !toks[0].negated &&
		toks[0].text == Text{Value: w}
}

// IsEmpty reports whether the query has nothing to search for: no term and
// no filter.
func (q *Query) IsEmpty() bool { return q == nil || len(q.Terms) == 0 && len(q.Filters) == 0 }

// With returns a copy of the query with the filters added.
func (q *Query) With(filters ...Filter) *Query {
	out := &Query{}
	if q != nil {
		*out = *q
		out.Filters = append(append([]Filter(nil), q.Filters...), filters...)
		return out
	}
	out.Filters = filters
	return out
}

// YearFilter keeps paragraphs (or figures) of a year.
func YearFilter(year int) Filter {
	return Filter{Field: FieldYear, Op: OpEqual, Value: strconv.Itoa(year)}
}

// KindFilter keeps paragraphs (and figures) of a kind: a target, a result
// (corpus.FigureActual) or an estimate.
func KindFilter(kind corpus.FigureKind) Filter {
	return Filter{Field: FieldKind, Op: OpEqual, Value: string(kind)}
}

// DomainFilter keeps paragraphs tagged with a policy domain.
func DomainFilter(domain string) Filter {
	return Filter{Field: FieldDomain, Op: OpEqual, Value: domain}
}

// RegionFilter keeps the paragraphs of the reports of a place, named as a
// user would (广东, 广东省, 上城区).
func RegionFilter(name string) Filter { return Filter{Field: FieldRegion, Op: OpEqual, Value: name} }
