package indexer

import (
	"encoding/json"
	"strconv"
	"strings"

	"reportsearch/corpus"
)

// paragraphDoc is a paragraph as indexed.
type paragraphDoc struct {
	DocType  string   `json:"doc_type"`
	Report   string   `json:"report"`
	Place    string   `json:"place"` // 第二部分（三）1.
	Text     string   `json:"text"`
	Heading  string   `json:"heading"` // the heading path: 二、… › （三）… › 1. …
	Section  string   `json:"section"`
	Part     string   `json:"part"`    // the part's number as printed: 二
	Chapter  string   `json:"chapter"` // part and chapter: 二（三）
	Year     float64  `json:"year"`
	YearTerm string   `json:"year_term"`
	Kind     string   `json:"kind"`
	Domains  []string `json:"domains"`
	Order    float64  `json:"order"` // document order across the index, for a stable sort
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
	Year       float64  `json:"year"`
	Paragraph  string   `json:"paragraph"`
	Domains    []string `json:"domains"`
	Sentence   string   `json:"sentence"`
	Data       string   `json:"data"`
}

func (figureDoc) BleveType() string { return TypeFigure }

// headingSep separates the levels of a heading path.
const headingSep = " › "

// reportDocs calls add for every document of a report: its paragraphs and
// its figures. order numbers them across the index.
func reportDocs(r *corpus.Report, order *int, add func(id string, doc any) error) error {
	type context struct{ heading, part, chapter, place string }
	ctxOf := map[string]context{}
	var walk func(ss []*corpus.Section, parent context)
	walk = func(ss []*corpus.Section, parent context) {
		for _, s := range ss {
			c := context{heading: strings.TrimSpace(s.Label + s.Title), part: parent.part, chapter: parent.chapter}
			if parent.heading != "" {
				c.heading = parent.heading + headingSep + c.heading
			}
			label := strings.TrimRight(s.Label, "、.．")
			switch s.Level {
			case 1:
				c.part = label
				c.place = corpus.PlaceOf(s)
			case 2:
				c.chapter = c.part + label
				c.place = parent.place + corpus.PlaceOf(s)
			default:
				c.place = parent.place + corpus.PlaceOf(s)
			}
			ctxOf[s.ID] = c
			walk(s.Sections, c)
		}
	}
	walk(r.Sections, context{})
	for p := range r.Paragraphs() {
		c := ctxOf[p.SectionID]
		if p.SectionID == "" {
			c.place = "开篇"
		}
		*order++
		err := add(p.ID, paragraphDoc{
			DocType: TypeParagraph, Place: c.place,
			Report: r.ID, Text: p.Text, Heading: c.heading, Section: p.SectionID,
			Part: c.part, Chapter: c.chapter, Year: float64(p.Year), YearTerm: yearTerm(p.Year), Kind: string(p.Kind), Domains: p.Domains, Order: float64(*order),
		})
		if err != nil {
			return err
		}
		for _, f := range p.Figures {
			data, err := json.Marshal(f)
			if err != nil {
				return err
			}
			err = add(f.ID, figureDoc{
				DocType: TypeFigure, Report: r.ID, Indicator: f.Indicator, Normalized: f.Normalized, Unit: f.Unit, BaseUnit: f.BaseUnit,
				Kind: string(f.Kind), Measure: string(f.Measure), Year: float64(f.Year), Paragraph: p.ID,
				Domains: f.Domains, Sentence: f.Sentence, Data: string(data),
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
