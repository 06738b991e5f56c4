package corpus

import "iter"

// Kind says whether a section reports what was achieved or what is planned.
type Kind string

const (
	// KindNone marks text that is neither a review nor a plan (a preamble, a
	// heading that speaks of both, a glossary).
	KindNone Kind = ""
	// KindResult marks the review of a past year: results and estimates.
	KindResult Kind = "result"
	// KindTarget marks the plan for a coming year: targets and tasks.
	KindTarget Kind = "target"
)

// YearSource says where a report's delivery year was read.
type YearSource string

// Where a delivery year is read, most trusted first.
const (
	YearFromDate     YearSource = "date"      // the date line: （2023年1月17日在…会议上）
	YearFromTitle    YearSource = "title"     // 2023年政府工作报告, 关于…2023年…计划草案的报告
	YearFromOpening  YearSource = "opening"   // the first paragraphs: 过去的2022年…, 今年是…
	YearFromHeadings YearSource = "headings"  // the years the part headings review and plan
	YearFromFileName YearSource = "file name" // the last resort: …_2023_….txt
	YearFromMeta     YearSource = "metadata"  // the date a sidecar, front matter or the page gives
)

// Meta is what identifies a report and what a citation of it names.
type Meta struct {
	ID      string `json:"id"`                // URL-safe slug, stable for a file name
	Title   string `json:"title"`             // e.g. 关于上城区2022年…计划草案
	Issuer  string `json:"issuer,omitempty"`  // the body that issues the report
	Speaker string `json:"speaker,omitempty"` // the person who delivers it, when named
	Date    string `json:"date,omitempty"`    // YYYY-MM-DD of the meeting, when known
	Meeting string `json:"meeting,omitempty"` // e.g. 杭州市上城区第一届人民代表大会第二次会议
	// Delivered is the year the report was delivered in, and DeliveredFrom
	// where that was read (see YearSource): every report has one when its
	// date, title, opening, headings or, last, its file name say it.
	Delivered     int        `json:"delivered,omitempty"`
	DeliveredFrom YearSource `json:"delivered_from,omitempty"`
	// Region is the place the report speaks for, from the largest division
	// to its own ([浙江省 杭州市 上城区]; [全国] for the State Council), and
	// RegionCode its own division's GB/T 2260 code when the gazetteer
	// knows it ("" for 全国 and for a place it does not know).
	Region     Region `json:"region,omitempty"`
	RegionCode string `json:"region_code,omitempty"`
	Years      []int  `json:"years,omitempty"` // the years the report speaks of, ascending
	Source     string `json:"source"`          // the file name it was read from
	// SourceURL is where the report was published, when the page itself,
	// a sidecar or front matter says (see usermeta.go).
	SourceURL string `json:"source_url,omitempty"`
	// Provenance is the original file: its format, size and pages.
	Provenance Provenance `json:"provenance"`
}

// Report is one parsed report.
type Report struct {
	Meta
	Encoding string       `json:"encoding"`           // "UTF-8" or "GB18030"
	Hash     string       `json:"hash"`               // sha256 of the file's bytes, hex
	Origin   string       `json:"origin,omitempty"`   // where a crawler said it came from (来源：)
	Preamble []*Paragraph `json:"preamble,omitempty"` // paragraphs before the first heading
	Sections []*Section   `json:"sections"`
	// Commitments are the sentences of plan sections that promise an action
	// or a number, in document order.
	Commitments []*Commitment `json:"commitments,omitempty"`
	// Dropped lists source lines that are not report text (crawler headers,
	// navigation residue, licence boilerplate, the salutation) with the reason.
	Dropped []DroppedLine `json:"dropped,omitempty"`
}

// Section is one node of the report's outline: a part (一、), a chapter
// (（一）), an item (1.), a sub-item (（1）) or an appendix (附件1).
type Section struct {
	ID         string       `json:"id"`     // "<slug>/<path>"
	Path       string       `json:"path"`   // e.g. "2.3.1"; URL-safe
	Level      int          `json:"level"`  // 1 for parts
	Number     int          `json:"number"` // the heading's number (三 → 3); 0 when unnumbered
	Label      string       `json:"label"`  // the marker as printed, e.g. "（三）", "1.", "附件1"
	Title      string       `json:"title"`  // the heading text without marker and final punctuation
	Year       int          `json:"year,omitempty"`
	Kind       Kind         `json:"kind,omitempty"`
	Line       int          `json:"line"` // 1-based source line of the heading
	Paragraphs []*Paragraph `json:"paragraphs"`
	Sections   []*Section   `json:"sections"`

	style markerStyle
	order int // the heading's place among the report's lines (see before)
}

// Paragraph is a run of body text under one section.
type Paragraph struct {
	ID        string     `json:"id"`
	SectionID string     `json:"section_id,omitempty"` // empty for preamble paragraphs
	Ordinal   int        `json:"ordinal"`              // 1-based within its section
	Text      string     `json:"text"`                 // normalized text
	Line      int        `json:"line"`                 // 1-based source line it starts on
	Year      int        `json:"year,omitempty"`
	Kind      Kind       `json:"kind,omitempty"`
	Domains   []string   `json:"domains"`
	Sentences []Sentence `json:"sentences"`
	Figures   []*Figure  `json:"figures,omitempty"`

	order int // the paragraph's place among the report's lines (see before)
}

// Sentence is a byte span [Start, End) of its paragraph's Text.
type Sentence struct {
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Domains []string `json:"domains,omitempty"`
}

// DroppedLine is a source line that is not part of the report's text.
type DroppedLine struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Text returns the sentence's text within p.
func (s Sentence) Text(p *Paragraph) string { return p.Text[s.Start:s.End] }

// Paragraphs yields every paragraph of the report in document order. A
// section's paragraphs that follow its subsections in the text (a summary
// after the chapters) come after them here too.
func (r *Report) Paragraphs() iter.Seq[*Paragraph] {
	return func(yield func(*Paragraph) bool) {
		for _, p := range r.Preamble {
			if !yield(p) {
				return
			}
		}
		for _, s := range r.Sections {
			if !s.walkParagraphs(yield) {
				return
			}
		}
	}
}

// before reports whether the paragraph comes before the section's heading
// in the text. Several lines of a report can share a source line (a report
// crawled onto one line), so the parser's order decides when it is known.
func (p *Paragraph) before(s *Section) bool {
	if p.order > 0 && s.order > 0 {
		return p.order < s.order
	}
	return p.Line < s.Line
}

// walkParagraphs yields s's paragraphs and its subsections' in line order.
func (s *Section) walkParagraphs(yield func(*Paragraph) bool) bool {
	i := 0
	for _, sub := range s.Sections {
		for ; i < len(s.Paragraphs) && s.Paragraphs[i].before(sub); i++ {
			if !yield(s.Paragraphs[i]) {
				return false
			}
		}
		if !sub.walkParagraphs(yield) {
			return false
		}
	}
	for ; i < len(s.Paragraphs); i++ {
		if !yield(s.Paragraphs[i]) {
			return false
		}
	}
	return true
}

// AllSections yields every section depth-first, parents before children.
func (r *Report) AllSections() iter.Seq[*Section] {
	return func(yield func(*Section) bool) {
		var walk func([]*Section) bool
		walk = func(ss []*Section) bool {
			for _, s := range ss {
				if !yield(s) || !walk(s.Sections) {
					return false
				}
			}
			return true
		}
		walk(r.Sections)
	}
}

// Section returns the section with the given ID, or nil.
func (r *Report) Section(id string) *Section {
	for s := range r.AllSections() {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Paragraph returns the paragraph with the given ID, or nil.
func (r *Report) Paragraph(id string) *Paragraph {
	for p := range r.Paragraphs() {
		if p.ID == id {
			return p
		}
	}
	return nil
}
