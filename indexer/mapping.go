package indexer

import (
	"github.com/blevesearch/bleve/v2/mapping"
)

// Document types in the index.
const (
	TypeParagraph = "paragraph"
	TypeFigure    = "figure"
)

// Field names. The word view of a text field is the field itself; its
// character view is the same name with CharSuffix.
const (
	FieldType       = "type"
	FieldReport     = "report"
	FieldText       = "text"
	FieldHeading    = "heading"
	FieldSection    = "section"
	FieldPath       = "path"
	FieldPart       = "part"
	FieldChapter    = "chapter"
	FieldYear       = "year"
	FieldKind       = "kind"
	FieldDomains    = "domains"
	FieldOrder      = "order"
	FieldIndicator  = "indicator"
	FieldValue      = "value"
	FieldNormalized = "normalized"
	FieldUnit       = "unit"
	FieldBaseUnit   = "base_unit"
	FieldMeasure    = "measure"
	FieldQualifier  = "qualifier"
	FieldParagraph  = "paragraph"
	FieldSentence   = "sentence"
	FieldFigureText = "figure_text"

	CharSuffix = "_chars"
)

// NewMapping returns the index mapping: paragraph and figure documents, each
// text in both views, keyword fields for filters and facets, numbers for
// ranges and sorting. Fields not listed are not indexed.
func NewMapping() mapping.IndexMapping {
	im := mapping.NewIndexMapping()
	im.TypeField = FieldType
	im.DefaultAnalyzer = WordAnalyzer
	im.DefaultMapping = disabled()
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	p := mapping.NewDocumentStaticMapping()
	addText(p, FieldText, true)
	addText(p, FieldHeading, true)
	for _, f := range []string{FieldReport, FieldSection, FieldPath, FieldPart, FieldChapter, FieldKind, FieldDomains} {
		p.AddFieldMappingsAt(f, keyword())
	}
	p.AddFieldMappingsAt(FieldYear, number())
	p.AddFieldMappingsAt(FieldOrder, number())
	im.AddDocumentMapping(TypeParagraph, p)

	f := mapping.NewDocumentStaticMapping()
	addText(f, FieldIndicator, true)
	for _, name := range []string{FieldReport, FieldUnit, FieldBaseUnit, FieldKind, FieldMeasure, FieldQualifier, FieldParagraph, FieldDomains} {
		f.AddFieldMappingsAt(name, keyword())
	}
	for _, name := range []string{FieldValue, FieldNormalized, FieldYear, FieldOrder} {
		f.AddFieldMappingsAt(name, number())
	}
	f.AddFieldMappingsAt(FieldSentence, storedOnly())
	f.AddFieldMappingsAt(FieldFigureText, storedOnly())
	im.AddDocumentMapping(TypeFigure, f)
	return im
}

// addText maps a text field in the word view (stored, with term vectors for
// phrases and highlighting) and its character view (positions only).
func addText(dm *mapping.DocumentMapping, name string, store bool) {
	word := mapping.NewTextFieldMapping()
	word.Analyzer = WordAnalyzer
	word.Store = store
	word.IncludeTermVectors = true
	word.IncludeInAll = false
	word.DocValues = false
	chars := mapping.NewTextFieldMapping()
	chars.Name = name + CharSuffix // the same property, indexed a second time
	chars.Analyzer = CharAnalyzer
	chars.Store = false
	chars.IncludeTermVectors = true // phrase queries need positions
	chars.IncludeInAll = false
	chars.DocValues = false
	dm.AddFieldMappingsAt(name, word, chars)
}

// keyword is an exact-match field with doc values, for filters and facets.
func keyword() *mapping.FieldMapping {
	k := mapping.NewKeywordFieldMapping()
	k.Store = true
	k.IncludeInAll = false
	k.IncludeTermVectors = false
	k.DocValues = true
	return k
}

func number() *mapping.FieldMapping {
	n := mapping.NewNumericFieldMapping()
	n.Store = true
	n.IncludeInAll = false
	n.DocValues = true
	return n
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
