package query

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsearch/corpus"
	"reportsearch/lexicon"
	"reportsearch/t2s"
)

// Query is a parsed query: every clause must hold.
type Query struct {
	Terms   []Term   // positive text clauses; each may have alternatives (OR)
	Exclude []Term   // text that must not occur
	Filters []Filter // field filters
	// Repairs are the unpaired quotes and brackets the parser read past
	// (repair.go); they are not part of the query's String.
	Repairs []Repair
}

// Term is one text clause: a word or phrase, with alternatives joined by OR.
type Term struct {
	Alternatives []Text
}

// Text is a word or an exact phrase.
type Text struct {
	Value  string
	Phrase bool // written in quotes: matched literally only
}

// Filter restricts results by a field: year:2023, kind:target, domain:教育,
// part:四, report:slug, region:广东, unit:台, figure:>100亿元. Make one with
// ParseFilter (or a constructor such as YearFilter), which validates it and
// puts its value in canonical form.
type Filter struct {
	Field Field
	Op    Op     // OpEqual for keyword and year filters; any for figure
	Value string // canonical: 2023, target, 教育 …
	// For figure filters: the bound in its base unit.
	Number   float64
	BaseUnit string
}

// Field is what a filter restricts.
type Field string

// The fields a filter may name.
const (
	FieldYear    Field = "year"
	FieldKind    Field = "kind"
	FieldDomain  Field = "domain"
	FieldPart    Field = "part"
	FieldChapter Field = "chapter"
	FieldReport  Field = "report"
	FieldRegion  Field = "region"
	FieldUnit    Field = "unit"
	FieldFigure  Field = "figure"
)

// allFields lists every filter field, in the order help texts name them.
var allFields = []Field{FieldYear, FieldKind, FieldDomain, FieldPart, FieldChapter, FieldReport, FieldRegion, FieldUnit, FieldFigure}

// Op compares a figure with a filter's bound.
type Op string

// The comparisons of a figure filter; keyword filters are OpEqual.
const (
	OpEqual        Op = "="
	OpLess         Op = "<"
	OpLessEqual    Op = "<="
	OpGreater      Op = ">"
	OpGreaterEqual Op = ">="
)

// fieldNames are the names a user may type for each field, English and
// Chinese (lexicon/data/query-fields.tsv); kindValues the values a kind: filter
// accepts (lexicon/data/query-kinds.tsv).
var (
	fieldNames = func() map[string]Field {
		out := map[string]Field{}
		for _, t := range lexicon.Tagged("query-fields", "field", allFields...) {
			out[t.Word] = t.Tag
		}
		return out
	}()
	kindValues = func() map[string]string {
		out := map[string]string{}
		for _, t := range lexicon.Tagged("query-kinds", "kind", "target", "actual", "estimate") {
			out[t.Word] = t.Tag
		}
		return out
	}()
)

// fieldNamed is the field a name typed before a colon names, in any case,
// in simplified or traditional characters (年份, 領域).
func fieldNamed(name string) (Field, bool) {
	f, ok := fieldNames[t2s.String(strings.ToLower(name))]
	return f, ok
}

// ErrEmptyQuery is returned for a query with nothing to search for.
var ErrEmptyQuery = errors.New("query: empty query")

// MaxQueryLength bounds a query, in characters.
const MaxQueryLength = 256

// Parse parses the query language (docs/query.md):
//
//	词语 "精确短语" -排除 甲 OR 乙 year:2023 kind:target domain:教育 part:四
//	report:<slug> unit:台 figure:>100亿元
//
// Terms are combined with AND. Quotes may be ASCII or Chinese (“…”); a
// colon may be ASCII or full-width. A word that is not a known field name
// before a colon (2.50:1) is text.
func Parse(input string) (*Query, error) {
	if n := utf8.RuneCountInString(input); n > MaxQueryLength {
		return nil, &ParseError{Query: input, Msg: fmt.Sprintf("query is %d characters long, the limit is %d", n, MaxQueryLength), Code: CodeTooLong}
	}
	toks, repairs, err := lex(input)
	if err != nil {
		return nil, err
	}
	q := &Query{Repairs: repairs}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.or {
			return nil, &ParseError{Query: input, Offset: t.offset, Msg: "OR must stand between two terms", Code: CodeMisplacedOr}
		}
		if t.field != "" {
			f, err := parseFilter(input, t)
			if err != nil {
				return nil, err
			}
			q.Filters = append(q.Filters, f)
			continue
		}
		if t.negated {
			q.Exclude = append(q.Exclude, Term{Alternatives: []Text{t.text}})
			continue
		}
		term := Term{Alternatives: []Text{t.text}}
		for i+1 < len(toks) && toks[i+1].or {
			if i+2 >= len(toks) || toks[i+2].or || toks[i+2].field != "" || toks[i+2].negated {
				return nil, &ParseError{Query: input, Offset: toks[i+1].offset, Msg: "OR must stand between two terms", Code: CodeMisplacedOr}
			}
			term.Alternatives = append(term.Alternatives, toks[i+2].text)
			i += 2
		}
		q.Terms = append(q.Terms, term)
	}
	if len(q.Terms) == 0 && len(q.Filters) == 0 {
		if len(q.Exclude) > 0 {
			return nil, &ParseError{Query: input, Msg: "a query of exclusions only finds nothing: add a term or a filter", Code: CodeOnlyExclusions}
		}
		return nil, ErrEmptyQuery
	}
	return q, nil
}

// token is a lexical unit of a query.
type token struct {
	offset  int
	text    Text
	negated bool
	or      bool
	field   string // a filter's field, as typed
	value   string // a filter's value
}

// lex splits the input into tokens. An unpaired quote or bracket is no
// error: lex reads past it as repair.go says and returns what it did.
func lex(input string) ([]token, []Repair, error) {
	var toks []token
	var repairs []Repair
	i := 0
	for i < len(input) {
		r, n := utf8.DecodeRuneInString(input[i:])
		if isSpace(r) {
			i += n
			continue
		}
		start := i
		negated := false
		if r == '-' || r == '－' {
			negated = true
			i += n
			if i >= len(input) {
				return nil, nil, &ParseError{Query: input, Offset: start, Msg: "'-' must be followed by a term to exclude", Code: CodeDanglingMinus}
			}
			r, n = utf8.DecodeRuneInString(input[i:])
			if isSpace(r) {
				return nil, nil, &ParseError{Query: input, Offset: start, Msg: "'-' must be followed by a term to exclude", Code: CodeDanglingMinus}
			}
		}
		if close := closingQuote(r); close != 0 {
			end := strings.IndexRune(input[i+n:], close)
			if end < 0 {
				// Unpaired: a phrase to the end of the word, or nothing.
				body, next := unpairedPhrase(input, i+n)
				repairs = append(repairs, Repair{Kind: RepairQuote, Offset: i, Mark: string(r)})
				if phrase := corpus.Normalize(body); phrase != "" {
					toks = append(toks, token{offset: start, text: Text{Value: phrase, Phrase: true}, negated: negated})
				}
				i = next
				continue
			}
			phrase := corpus.Normalize(input[i+n : i+n+end])
			if phrase == "" {
				return nil, nil, &ParseError{Query: input, Offset: i, Msg: "empty phrase", Code: CodeEmptyPhrase}
			}
			toks = append(toks, token{offset: start, text: Text{Value: phrase, Phrase: true}, negated: negated})
			i += n + end + utf8.RuneLen(close)
			continue
		}
		j := i
		for j < len(input) {
			r2, n2 := utf8.DecodeRuneInString(input[j:])
			if isSpace(r2) || closingQuote(r2) != 0 && j > i {
				break
			}
			j += n2
		}
		word := input[i:j]
		i = j
		if word == "OR" && !negated {
			toks = append(toks, token{offset: start, or: true})
			continue
		}
		if field, value, ok := splitField(word); ok && looksLikeFilter(field, value) {
			if negated {
				return nil, nil, &ParseError{Query: input, Offset: start, Msg: "a filter cannot be excluded with '-'", Code: CodeExcludedFilter, Field: field}
			}
			if _, known := fieldNamed(field); !known {
				return nil, nil, &ParseError{Query: input, Offset: start, Msg: unknownField(field), Code: CodeUnknownField, Field: field}
			}
			if value == "" {
				return nil, nil, &ParseError{Query: input, Offset: start, Msg: fmt.Sprintf("%s: needs a value", field), Code: CodeMissingValue, Field: field}
			}
			toks = append(toks, token{offset: start, field: strings.ToLower(field), value: value})
			continue
		}
		word, fixed := repairWord(word, j-len(word))
		repairs = append(repairs, fixed...)
		text := corpus.Normalize(word)
		if text == "" {
			continue
		}
		// What is left of a repaired word may read as syntax ((-养老 →
		// -养老, （OR）… ): it is then a phrase, which String writes so
		// that it parses back to this word.
		toks = append(toks, token{offset: start, text: Text{Value: text, Phrase: fixed != nil && !isPlainWord(text)}, negated: negated})
	}
	return toks, repairs, nil
}

// isSpace reports whether r separates words: a space, or anything that
// normalization turns into one. unicode.IsSpace already covers U+3000, the
// no-break spaces and U+2000–U+200A; control characters are added.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r < 0x20 }

// closingQuote returns the quote that closes r, or 0 if r opens no phrase.
func closingQuote(r rune) rune {
	switch r {
	case '"':
		return '"'
	case '“':
		return '”'
	case '「':
		return '」'
	case '＂':
		return '＂'
	}
	return 0
}

// looksLikeFilter tells a mistyped filter (foo:bar, yaer:2023), which is an
// error, from text that happens to hold a colon (主要目标：, GDP：,
// http://…), which is searched as text: a known field name always filters;
// an unknown one is taken for a filter only when it is a short ASCII word
// followed by a value.
func looksLikeFilter(field, value string) bool {
	if _, known := fieldNamed(field); known {
		return true
	}
	if value == "" || strings.HasPrefix(value, "/") || len(field) > 12 {
		return false
	}
	for _, r := range field {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// splitField splits field:value where field is a run of letters (ASCII or
// Chinese) — a word like 2.50:1 or 3:2 is text, not a filter.
func splitField(word string) (field, value string, ok bool) {
	i := strings.IndexAny(word, ":：")
	if i <= 0 {
		return "", "", false
	}
	field = word[:i]
	for _, r := range field {
		if !unicode.IsLetter(r) {
			return "", "", false
		}
	}
	_, n := utf8.DecodeRuneInString(word[i:])
	return field, strings.TrimSpace(word[i+n:]), true
}

func parseFilter(input string, t token) (Filter, error) {
	f, err := ParseFilter(t.field, t.value)
	var fe *FilterError
	if errors.As(err, &fe) {
		return Filter{}, &ParseError{Query: input, Offset: t.offset, Msg: fe.Msg, Code: fe.Code, Field: fe.Field}
	}
	if err != nil {
		return Filter{}, err
	}
	return f, nil
}

// ParseFilter parses one filter as written after its field name: ("year",
// "2023"), ("kind", "目标"), ("figure", ">100亿元"). Field names may be the
// Chinese ones.
func ParseFilter(field, value string) (Filter, error) {
	name, ok := fieldNamed(field)
	if !ok {
		return Filter{}, &FilterError{Field: field, Value: value, Code: CodeUnknownField, Msg: unknownField(field)}
	}
	// Values are compared with what the reports were tagged with, in
	// simplified characters: 領域:數字經濟 is domain:数字经济, 單位:臺 unit:台.
	value = t2s.String(corpus.Normalize(value))
	if value == "" {
		return Filter{}, &FilterError{Field: field, Code: CodeMissingValue, Msg: fmt.Sprintf("%s: needs a value", field)}
	}
	f := Filter{Field: name, Op: OpEqual, Value: value}
	code := map[Field]Code{FieldYear: CodeBadYear, FieldKind: CodeBadKind, FieldFigure: CodeBadFigure}[name]
	bad := func(msg string) (Filter, error) {
		return Filter{}, &FilterError{Field: field, Value: value, Code: code, Msg: msg}
	}
	switch name {
	case FieldYear:
		y, err := strconv.Atoi(strings.TrimSuffix(value, "年"))
		if err != nil || !corpus.IsReportYear(y) {
			return bad(fmt.Sprintf("year: %q is not a year", value))
		}
		f.Value = strconv.Itoa(y)
	case FieldKind:
		k, ok := kindValues[strings.ToLower(value)]
		if !ok {
			return bad(fmt.Sprintf("kind: %q is not one of target, actual, estimate", value))
		}
		f.Value = k
	case FieldFigure:
		op, rest := figureOp(value)
		if rest == "" {
			return bad("figure: needs a number, e.g. figure:>100亿元")
		}
		num, base, err := corpus.ParseAmount(rest)
		if err != nil {
			return bad(fmt.Sprintf("figure: %q is not a number with a unit (%v)", rest, err))
		}
		f.Op, f.Number, f.BaseUnit = op, num, base
	}
	return f, nil
}

// figureOp splits a comparison operator off a figure filter's value.
func figureOp(v string) (Op, string) {
	for _, op := range []struct {
		written string
		op      Op
	}{
		{">=", OpGreaterEqual}, {"<=", OpLessEqual}, {"≥", OpGreaterEqual}, {"≤", OpLessEqual}, {">", OpGreater}, {"<", OpLess}, {"=", OpEqual},
	} {
		if strings.HasPrefix(v, op.written) {
			return op.op, strings.TrimSpace(v[len(op.written):])
		}
	}
	return OpEqual, v
}

// unknownField is the message for a field name the language lacks.
func unknownField(field string) string {
	names := make([]string, len(allFields))
	for i, f := range allFields {
		names[i] = string(f)
	}
	return fmt.Sprintf("unknown field %q (known: %s)", field, strings.Join(names, ", "))
}

// String renders the query in its canonical form: the parser's tests are a
// table of input → String().
func (q *Query) String() string {
	var parts []string
	for _, t := range q.Terms {
		var alts []string
		for _, a := range t.Alternatives {
			alts = append(alts, a.String())
		}
		parts = append(parts, strings.Join(alts, " OR "))
	}
	for _, t := range q.Exclude {
		parts = append(parts, "-"+t.Alternatives[0].String())
	}
	for _, f := range q.Filters {
		parts = append(parts, f.String())
	}
	return strings.Join(parts, " ")
}

func (t Text) String() string {
	if !t.Phrase {
		return t.Value
	}
	// Quote with a pair whose closing mark the phrase does not contain, so
	// that the string parses back to the same phrase.
	for _, q := range [][2]string{{`"`, `"`}, {"「", "」"}, {"“", "”"}} {
		if !strings.Contains(t.Value, q[1]) {
			return q[0] + t.Value + q[1]
		}
	}
	// A phrase holding every closing mark: quotes are punctuation, which
	// the analyzers drop, so leaving one kind out finds the same text.
	return `"` + strings.ReplaceAll(t.Value, `"`, "") + `"`
}

func (f Filter) String() string {
	if f.Field == FieldFigure {
		return fmt.Sprintf("figure:%s%s%s", f.Op, strconv.FormatFloat(f.Number, 'f', -1, 64), f.BaseUnit)
	}
	return string(f.Field) + ":" + f.Value
}
