package indexer

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"reportsearch/corpus"
)

// The index holds two kinds of document, a paragraph and a figure. This file
// is their one schema: paragraphDoc and figureDoc are what is written (their
// JSON tags are the field names of mapping.go), Paragraph and Figure are what
// a reader gets back, and the decoders turn stored fields into them. No other
// package reads stored fields by name.

// paragraphDoc is a paragraph as indexed.
type paragraphDoc struct {
	DocType  string   `json:"doc_type"`
	Report   string   `json:"report"`
	Locator  string   `json:"locator"` // 第二部分（三）1.
	Text     string   `json:"text"`
	Heading  string   `json:"heading"`  // the heading path: 二、… › （三）… › 1. …
	Headings []string `json:"headings"` // the same, one heading a level, as printed
	Section  string   `json:"section"`
	Part     string   `json:"part"`    // the part's number as printed: 二
	Chapter  string   `json:"chapter"` // part and chapter: 二（三）
	Year     float64  `json:"year"`
	YearTerm string   `json:"year_term"`
	Kind     string   `json:"kind"`
	Domains  []string `json:"domains"`
	Order    float64  `json:"order"` // document order across the index, for a stable sort
	OrderKey string   `json:"order_key"`
	Prev     string   `json:"prev"` // the paragraphs before and after it in reading order
	Next     string   `json:"next"`
	// Commitments are the paragraph's commitments as JSON, stored only.
	Commitments string `json:"commitments"`
	// Facets are its facet values but its domains as one keyword
	// (facetkey.go), indexed with doc values only.
	Facets string `json:"facets"`
}

func (paragraphDoc) BleveType() string { return TypeParagraph }

// figureDoc is a figure as indexed: the fields questions and filters use,
// and the whole figure as stored JSON.
type figureDoc struct {
	DocType    string   `json:"doc_type"`
	Report     string   `json:"report"`
	Indicator  string   `json:"indicator"`
	Normalized float64  `json:"normalized"`
	Unit       string   `json:"unit"`
	BaseUnit   string   `json:"base_unit"`
	Kind       string   `json:"kind"`
	Measure    string   `json:"measure"`
	YearTerm   string   `json:"year_term"` // the year as a keyword, for the year filter
	Paragraph  string   `json:"paragraph"`
	Domains    []string `json:"domains"`
	Sentence   string   `json:"sentence"`
	Order      float64  `json:"order"` // document order across the index
	OrderKey   string   `json:"order_key"`
	Data       string   `json:"data"`
}

func (figureDoc) BleveType() string { return TypeFigure }

// HeadingSep separates the levels of a heading path (a paragraph's Heading).
const HeadingSep = " › "

// reportDocs calls add for every document of a report: its paragraphs and
// its figures. order numbers them across the index.
func reportDocs(r *corpus.Report, order *int, add func(id string, doc any) error) error {
	type context struct {
		headings      []string
		part, chapter string
	}
	ctxOf := map[string]context{}
	var walk func(ss []*corpus.Section, parent context)
	walk = func(ss []*corpus.Section, parent context) {
		for _, s := range ss {
			c := context{headings: append(parent.headings[:len(parent.headings):len(parent.headings)], strings.TrimSpace(s.Label+s.Title)),
				part: parent.part, chapter: parent.chapter}
			label := strings.TrimRight(s.Label, "、.．")
			switch s.Level {
			case 1:
				c.part = label
			case 2:
				c.chapter = c.part + label
			}
			ctxOf[s.ID] = c
			walk(s.Sections, c)
		}
	}
	walk(r.Sections, context{})
	locators := r.Locators()           // the citations' 第二部分（四）2. 第3段
	var paragraphs []*corpus.Paragraph // in reading order
	for p := range r.Paragraphs() {
		paragraphs = append(paragraphs, p)
	}
	commitments := map[string][]*corpus.Commitment{}
	for _, c := range r.Commitments {
		commitments[c.ParagraphID] = append(commitments[c.ParagraphID], c)
	}
	for i, p := range paragraphs {
		c := ctxOf[p.SectionID]
		var prev, next string
		if i > 0 {
			prev = paragraphs[i-1].ID
		}
		if i+1 < len(paragraphs) {
			next = paragraphs[i+1].ID
		}
		var promised string
		if cs := commitments[p.ID]; len(cs) > 0 {
			data, err := json.Marshal(cs)
			if err != nil {
				return err
			}
			promised = string(data)
		}
		*order++
		doc := paragraphDoc{
			DocType: TypeParagraph, Locator: locators[p.ID],
			Report: r.ID, Text: p.Text, Heading: strings.Join(c.headings, HeadingSep), Headings: c.headings, Section: p.SectionID,
			Part: c.part, Chapter: c.chapter, Year: float64(p.Year), YearTerm: yearTerm(p.Year), Kind: string(p.Kind), Domains: p.Domains,
			Order: float64(*order), OrderKey: OrderKey(*order), Prev: prev, Next: next, Commitments: promised,
		}
		doc.Facets = FacetValues{Year: doc.YearTerm, Kind: doc.Kind, Part: doc.Part, Chapter: doc.Chapter, Report: doc.Report}.FacetKey()
		if err := add(p.ID, doc); err != nil {
			return err
		}
		for _, f := range p.Figures {
			data, err := json.Marshal(f)
			if err != nil {
				return err
			}
			*order++
			err = add(f.ID, figureDoc{
				DocType: TypeFigure, Report: r.ID, Indicator: f.Indicator, Normalized: f.Normalized, Unit: f.Unit, BaseUnit: f.BaseUnit,
				Kind: string(f.Kind), Measure: string(f.Measure), YearTerm: yearTerm(f.Year), Paragraph: p.ID,
				Domains: f.Domains, Sentence: f.Sentence, Order: float64(*order), OrderKey: OrderKey(*order), Data: string(data),
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func yearTerm(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// Paragraph is a paragraph as the index stores it, with where it stands.
type Paragraph struct {
	ID       string
	Report   string
	Locator  string   // 第二部分（三）1.
	Text     string   // normalized text
	Heading  string   // the heading path as one line: 二、… › （三）… › 1. …
	Headings []string // the same, one heading a level
	Section  string   // the section ID
	Part     string   // 二
	Chapter  string   // 二（三）
	Year     int
	YearTerm string // the year as the year filter and facet have it
	Kind     string // result, target or empty
	Domains  []string
	Order    int    // document order across the index
	Prev     string // the paragraph before in reading order; "" at the start
	Next     string
	// Commitments are the paragraph's commitments, only when
	// ParagraphFields were loaded.
	Commitments []*corpus.Commitment
}

// hitFields are the stored fields a search hit is built from.
var hitFields = []string{FieldText, FieldHeading, FieldSection, FieldReport, FieldYear, FieldKind, FieldDomains, FieldLocator,
	FieldOrder, FieldPart, FieldChapter, FieldYearTerm}

// HitFields are the stored fields a search hit is built from: all but the
// heading path by level, the neighbours and the commitments.
func HitFields() []string { return slices.Clone(hitFields) }

// ParagraphFields are every stored field of a paragraph.
func ParagraphFields() []string {
	return append(HitFields(), FieldHeadings, FieldPrev, FieldNext, FieldCommitments)
}

// DecodeParagraph reads a paragraph from the stored fields of its document
// (HitFields or ParagraphFields, as loaded).
func DecodeParagraph(id string, fields map[string]any) (*Paragraph, error) {
	p := &Paragraph{
		ID: id, Report: str(fields[FieldReport]), Locator: str(fields[FieldLocator]), Text: str(fields[FieldText]),
		Heading: str(fields[FieldHeading]), Headings: strs(fields[FieldHeadings]), Section: str(fields[FieldSection]),
		Part: str(fields[FieldPart]), Chapter: str(fields[FieldChapter]), YearTerm: str(fields[FieldYearTerm]),
		Kind: str(fields[FieldKind]), Domains: strs(fields[FieldDomains]), Prev: str(fields[FieldPrev]), Next: str(fields[FieldNext]),
	}
	if y, ok := fields[FieldYear].(float64); ok {
		p.Year = int(y)
	}
	if o, ok := fields[FieldOrder].(float64); ok {
		p.Order = int(o)
	}
	if data := str(fields[FieldCommitments]); data != "" {
		if err := json.Unmarshal([]byte(data), &p.Commitments); err != nil {
			return nil, fmt.Errorf("indexer: paragraph %s: its commitments: %w", id, err)
		}
	}
	return p, nil
}

// Figure is a figure as the index stores it, with its place in document
// order.
type Figure struct {
	*corpus.Figure
	Order int
}

// FigureFields are the stored fields of a figure.
func FigureFields() []string { return []string{FieldData, FieldOrder} }

// DecodeFigure reads a figure from the stored fields of its document.
func DecodeFigure(id string, fields map[string]any) (*Figure, error) {
	var f corpus.Figure
	if err := json.Unmarshal([]byte(str(fields[FieldData])), &f); err != nil {
		return nil, fmt.Errorf("indexer: figure %s: %w", id, err)
	}
	out := &Figure{Figure: &f}
	if o, ok := fields[FieldOrder].(float64); ok {
		out.Order = int(o)
	}
	return out, nil
}

// FigureParagraphFields are the stored fields that say which paragraph a
// figure is of.
func FigureParagraphFields() []string { return []string{FieldParagraph} }

// ParagraphOfFigure is the ID of the paragraph a figure document is of,
// from its stored fields.
func ParagraphOfFigure(fields map[string]any) string { return str(fields[FieldParagraph]) }

func str(v any) string {
	s, _ := v.(string)
	return s
}

// strs reads a stored list field: bleve returns a string for one value and
// a []any for several.
func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		out := make([]string, 0, len(x))
		for _, s := range x {
			if s, ok := s.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return []string{}
}
