package ask

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsearch/corpus"
	"reportsearch/search"
)

// Answer is the reply to a question: a figure with its sentence and
// citation, or, when nothing fits well enough, found=false and the best
// paragraphs instead — never a confident wrong number.
type Answer struct {
	Question string           `json:"question"`
	Frame    Frame            `json:"frame"`
	Found    bool             `json:"found"`
	Answer   string           `json:"answer"` // the figure as written: 2525亿元; for a comparison both
	Figures  []*corpus.Figure `json:"figures"`
	// About says what each of Figures is: year, kind, place and report.
	About        []About          `json:"about,omitempty"`
	Sentence     string           `json:"sentence,omitempty"`
	Citation     *Citation        `json:"citation,omitempty"`
	Alternatives []*corpus.Figure `json:"alternatives"`
	// Parts are the frames of a question that asks for several figures
	// (see parts.go), one per figure, in Figures' order.
	Parts      []Frame      `json:"parts,omitempty"`
	Change     *Change      `json:"change,omitempty"` // for a comparison
	Items      []ListItem   `json:"items,omitempty"`  // for a list question
	Paragraphs []search.Hit `json:"paragraphs,omitempty"`
	Note       string       `json:"note,omitempty"` // why nothing was found, or what was assumed
	// Reasons say Note as codes with what they name (reason.go).
	Reasons []Reason `json:"reasons,omitempty"`
	// Unindexed is the place the question names when no indexed report
	// speaks for it: the reason there is no answer.
	Unindexed string `json:"unindexed_region,omitempty"`
	// Places are the places whose figures fit a question that names none,
	// the answer's first, when there are several.
	Places []string `json:"places,omitempty"`
	// ByPlace is each of Places with its own answer: its best figure that
	// fits, with the year and citation, so that a question asked of many
	// places' reports is answered for each (a table), not for one with a
	// note.
	ByPlace []PlaceAnswer `json:"by_place,omitempty"`
	// AlsoNamed is another place the question names: it is answered for
	// Frame.Region only.
	AlsoNamed string `json:"also_named,omitempty"`

	// fit is how well the figures of an answer to several parts fit, the
	// sum of their scores: of the answers in several places, the best.
	fit float64
}

// Citation is the paragraph an answer comes from: its text and the text
// citation, the part of corpus.Citation an answer card shows (the
// paragraph's page has the other forms).
type Citation struct {
	ID string `json:"id"`
	// ReportLabel says which report it cites (place · year and kind).
	ReportLabel string `json:"report_label"`
	Text        string `json:"text"` // the whole paragraph
	Cite        string `json:"cite"`
	Link        string `json:"permalink"`
	Locator     string `json:"locator"` // 第二部分（四）2. 第3段
	// Quote is the sentences of the paragraph that hold the answer's
	// figures, quoted with their source, as 「复制引用」 copies them.
	Quote *corpus.Quotation `json:"quote,omitempty"`
}

// PlaceAnswer is one place's answer to a question that names no place.
type PlaceAnswer struct {
	Place    string         `json:"place"`
	Answer   string         `json:"answer"` // the figure as an answer says it
	Figure   *corpus.Figure `json:"figure"`
	Citation *Citation      `json:"citation"`
}

// Change compares two figures of a comparison.
type Change struct {
	Difference float64 `json:"difference"` // in the base unit
	BaseUnit   string  `json:"base_unit"`
	Ratio      float64 `json:"ratio,omitempty"`
}

// ListItem is one commitment of a list answer.
type ListItem struct {
	Text     string `json:"text"`
	Citation string `json:"citation"`
	ID       string `json:"paragraph_id"`
	// Quote is the item's sentence quoted with its source.
	Quote corpus.Quotation `json:"quote"`
}

// figureText is a figure as an answer says it: its text with the bound
// written before its number (突破10亿元, 约5000亿元), which its text leaves
// out.
//
// A decline says so (下降1.2%): 1.2% alone reads as a rise.
func figureText(f *corpus.Figure) string {
	text := f.Text
	if corpus.IsBoundQualifier(f.Qualifier) && !strings.Contains(f.Text, f.Qualifier) {
		text = f.Qualifier + text
	}
	if f.Measure == corpus.MeasureDecline && !strings.HasPrefix(text, "-") {
		text = declineWordBefore(f) + text
	}
	return text
}

// declineWords are the words that make a number a decline (下降, 减少 …).
var declineWords = corpus.DeclineWords()

// declineWordBefore is the word of decline a figure's sentence writes
// right before it, or plainDecline.
func declineWordBefore(f *corpus.Figure) string {
	if i := strings.Index(f.Sentence, f.Text); i > 0 {
		before := strings.TrimRight(f.Sentence[:i], figureLeadChars)
		for _, w := range declineWords {
			if strings.HasSuffix(before, w) {
				return w
			}
		}
	}
	return plainDecline
}

// plainDecline is the word the longer words of decline are built on
// (下降 of 同比下降), said of a decline whose sentence writes none right
// before it.
var plainDecline = func() string {
	for i, w := range declineWords {
		for _, longer := range declineWords[:i] {
			if strings.HasSuffix(longer, w) {
				return w
			}
		}
	}
	return declineWords[0]
}()

// About says what a figure of an answer is, so that a user sees that 5.5%
// is a 2022 estimate and not the 2022 result: its year (or period), its
// kind, the place and the report that state it.
type About struct {
	Year   int               `json:"year,omitempty"` // 0 when the report does not say
	Period corpus.Period     `json:"period,omitzero"`
	Kind   corpus.FigureKind `json:"kind"`
	Place  string            `json:"place,omitempty"`
	Report string            `json:"report"` // its title
	// ReportLabel is the report's short label (place · year and kind).
	ReportLabel string `json:"report_label"`
	Delivered   int    `json:"report_year,omitempty"` // the year the report was delivered
}

// countedNoun is what a count's sentence writes right after it when the
// question counts it too (解决3138个贫困村的温饱问题 asked as 多少个贫困村):
// the answer says what was counted. It stops at 的 and at punctuation.
func countedNoun(f *corpus.Figure, question string) string {
	after, ok := afterCount(f)
	if !ok {
		return ""
	}
	noun := ""
	for _, r := range after {
		if !unicode.Is(unicode.Han, r) || r == '的' {
			break
		}
		if next := noun + string(r); strings.Contains(question, next) {
			noun = next
			continue
		}
		break
	}
	// The question must count it as the sentence does: 多少个贫困村, not
	// 年度投资计划是多少 for 65个年度.
	classifier, _ := utf8.DecodeLastRuneInString(f.Unit)
	// Nor a verb before another number: 55个投资3000万元以上的重大项目.
	next, _ := utf8.DecodeRuneInString(after[len(noun):])
	if utf8.RuneCountInString(noun) < 2 || !strings.Contains(question, string(classifier)+noun) || unicode.IsDigit(next) {
		return ""
	}
	return noun
}

// afterCount is what a count's sentence writes after it, where what it
// counts often stands (3138个贫困村); false for a figure that is no count.
func afterCount(f *corpus.Figure) (string, bool) {
	if f.Class != corpus.ClassCount && f.Class != corpus.ClassOrgs {
		return "", false
	}
	i := strings.Index(f.Sentence, f.Text)
	if i < 0 {
		return "", false
	}
	return f.Sentence[i+len(f.Text):], true
}
