package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
)

// Document types in the index.
const (
	TypeParagraph = "paragraph"
	TypeFigure    = "figure"
	// TypeComparison is a target beside the result of the year before
	// (pairs.go).
	TypeComparison = "comparison"
)

// Field names. The word view of a text field is the field itself; its
// character view is the same name with CharSuffix.
const (
	FieldType       = "type"
	FieldReport     = "report"
	FieldText       = "text"
	FieldHeading    = "heading"
	FieldSection    = "section"
	FieldPart       = "part"
	FieldChapter    = "chapter"
	FieldYear       = "year"
	FieldKind       = "kind"
	FieldDomains    = "domains"
	FieldOrder      = "order"
	FieldOrderKey   = "order_key" // the order as a sortable keyword (OrderKey)
	FieldIndicator  = "indicator"
	FieldNormalized = "normalized"
	FieldUnit       = "unit"
	FieldBaseUnit   = "base_unit"
	FieldMeasure    = "measure"
	FieldParagraph  = "paragraph"
	FieldData       = "data"      // a figure as JSON, stored only
	FieldDocType    = "doc_type"  // TypeParagraph or TypeFigure, for queries of filters only
	FieldLocator    = "locator"   // where a paragraph stands in its report, for citations: 第二部分（三）1.
	FieldYearTerm   = "year_term" // the year as a keyword, for the year facet
	FieldSentence   = "sentence"  // a figure's sentence, word view only
	FieldTarget     = "target"    // a comparison's target figure, by ID
	FieldResult     = "result"    // a comparison's result figure, by ID
	FieldFacets     = "facets"    // a paragraph's facet values but its domains as one keyword, for counting them
	// Stored only, for the paragraph page: the heading path one level a
	// value, the neighbouring paragraphs, the commitments as JSON.
	FieldHeadings    = "headings"
	FieldPrev        = "prev"
	FieldNext        = "next"
	FieldCommitments = "commitments"

	CharSuffix = "_chars"
)

// NewMapping returns the index mapping: paragraph and figure documents, each
// text in both views, keyword fields for filters and facets, a figure's
// normalized value for ranges. Fields not listed are not indexed.
func NewMapping() mapping.IndexMapping {
	im := mapping.NewIndexMapping()
	im.TypeField = FieldType
	im.DefaultAnalyzer = WordAnalyzer
	im.ScoringModel = "bm25"
	im.DefaultMapping = disabled()
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	p := mapping.NewDocumentStaticMapping()
	addText(p, FieldText, true)
	// The heading path ranks paragraphs whose heading names the query; its
	// literal text is the paragraph's context, not its content, so it has
	// no character view.
	heading := wordView(FieldHeading, true)
	p.AddFieldMappingsAt(FieldHeading, heading)
	for _, f := range []string{FieldReport, FieldPart, FieldChapter, FieldKind, FieldYearTerm} {
		p.AddFieldMappingsAt(f, keywordNoDocValues())
	}
	// Facets are counted on two fields (facetkey.go).
	p.AddFieldMappingsAt(FieldDomains, keyword())
	p.AddFieldMappingsAt(FieldFacets, facetKeyField())
	p.AddFieldMappingsAt(FieldSection, keywordNoDocValues())
	p.AddFieldMappingsAt(FieldDocType, keywordNoDocValues())
	for _, f := range []string{FieldLocator, FieldHeadings, FieldPrev, FieldNext, FieldCommitments} {
		p.AddFieldMappingsAt(f, storedOnly())
	}
	// The year is filtered and faceted as a keyword (FieldYearTerm); the
	// year and the order are only read from hits. A numeric field would add
	// sixteen terms a document (bleve's precision steps) for nothing.
	p.AddFieldMappingsAt(FieldYear, storedNumber())
	p.AddFieldMappingsAt(FieldOrder, storedNumber())
	p.AddFieldMappingsAt(FieldOrderKey, orderKeyField())
	// No field goes into bleve's "_all" field, so it is turned off rather
	// than built empty for every document (~5% of a build).
	p.AddSubDocumentMapping("_all", disabled())
	im.AddDocumentMapping(TypeParagraph, p)

	// Figures outnumber paragraphs three to one, so their documents stay
	// lean: the fields that questions and filters use are indexed but
	// neither stored nor given doc values (no search sorts or facets
	// figures); what is stored is the figure as one JSON value (FieldData),
	// the ID of its paragraph (FieldParagraph) and its document order
	// (FieldOrder). Its year is a keyword (FieldYearTerm), for the year
	// filter of the data page.
	f := mapping.NewDocumentStaticMapping()
	addText(f, FieldIndicator, false)
	for _, name := range []string{FieldReport, FieldUnit, FieldBaseUnit, FieldKind, FieldMeasure, FieldDomains, FieldDocType, FieldYearTerm} {
		f.AddFieldMappingsAt(name, indexOnly(keyword()))
	}
	f.AddFieldMappingsAt(FieldSentence, wordView(FieldSentence, false)) // questions often name a figure by its sentence
	f.AddFieldMappingsAt(FieldParagraph, keywordNoDocValues())
	f.AddFieldMappingsAt(FieldNormalized, indexOnly(number())) // figure:>100亿元

	f.AddFieldMappingsAt(FieldData, storedOnly())
	f.AddFieldMappingsAt(FieldOrder, storedNumber()) // figures are listed in document order
	f.AddFieldMappingsAt(FieldOrderKey, orderKeyField())
	f.AddSubDocumentMapping("_all", disabled())
	im.AddDocumentMapping(TypeFigure, f)

	// A comparison is selected by its type, its target's report and year,
	// and read whole; nothing of it is searched.
	c := mapping.NewDocumentStaticMapping()
	for _, name := range []string{FieldDocType, FieldReport, FieldYearTerm} {
		c.AddFieldMappingsAt(name, indexOnly(keyword()))
	}
	for _, name := range []string{FieldTarget, FieldResult, FieldData} {
		c.AddFieldMappingsAt(name, storedOnly())
	}
	c.AddFieldMappingsAt(FieldOrder, storedNumber())
	c.AddFieldMappingsAt(FieldOrderKey, orderKeyField())
	c.AddSubDocumentMapping("_all", disabled())
	im.AddDocumentMapping(TypeComparison, c)
	return im
}

// addText maps a text field in the word view (stored; frequencies for
// ranking, no positions: exact matching and highlighting go through the
// character view, whose positions make phrases of bigrams work).
func addText(dm *mapping.DocumentMapping, name string, store bool) {
	word := wordView(name, store)
	chars := mapping.NewTextFieldMapping()
	chars.Name = name + CharSuffix // the same property, indexed a second time
	chars.Analyzer = CharAnalyzer
	chars.Store = false
	chars.IncludeTermVectors = true // phrase queries need positions
	chars.IncludeInAll = false
	chars.DocValues = false
	dm.AddFieldMappingsAt(name, word, chars)
}

// wordView maps a text field in the word view only.
func wordView(name string, store bool) *mapping.FieldMapping {
	word := mapping.NewTextFieldMapping()
	word.Name = name
	word.Analyzer = WordAnalyzer
	word.Store = store
	word.IncludeTermVectors = false
	word.IncludeInAll = false
	word.DocValues = false
	return word
}

// keyword is an exact-match field with doc values, for facets.
func keyword() *mapping.FieldMapping {
	k := mapping.NewKeywordFieldMapping()
	k.Store = true
	k.IncludeInAll = false
	k.IncludeTermVectors = false
	k.DocValues = true
	return k
}

// facetKeyField is the facet key: doc values to count facets on, not
// stored (the values are stored in their own fields).
func facetKeyField() *mapping.FieldMapping {
	k := keyword()
	k.Store = false
	return k
}

// keywordNoDocValues is an exact-match field that is never faceted or sorted on.
func keywordNoDocValues() *mapping.FieldMapping {
	k := keyword()
	k.DocValues = false
	return k
}

func number() *mapping.FieldMapping {
	n := mapping.NewNumericFieldMapping()
	n.Store = true
	n.IncludeInAll = false
	n.DocValues = true
	return n
}

// orderKeyField is the document order as one keyword with doc values, so
// that bleve sorts a list by it and returns only the page asked for
// (search/order.go); a numeric field would give every document sixteen
// terms of precision steps where one does.
func orderKeyField() *mapping.FieldMapping {
	k := keyword()
	k.Store = false
	return k
}

// OrderKey is the keyword of a document order: zero-padded, so that the
// keywords sort as the numbers do.
func OrderKey(order int) string { return fmt.Sprintf("%012d", order) }

// storedNumber is a number that is only read back from hits.
func storedNumber() *mapping.FieldMapping {
	n := number()
	n.Index = false
	n.DocValues = false
	return n
}

// indexOnly makes a field searchable only: not stored, no doc values.
func indexOnly(m *mapping.FieldMapping) *mapping.FieldMapping {
	m.Store = false
	m.DocValues = false
	return m
}

func storedOnly() *mapping.FieldMapping {
	s := mapping.NewTextFieldMapping()
	s.Index = false
	s.Store = true
	s.IncludeInAll = false
	s.IncludeTermVectors = false
	s.DocValues = false
	return s
}

func disabled() *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	dm.Enabled = false
	return dm
}
