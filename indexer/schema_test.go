package indexer

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/mapping"
)

// TestOneSchema: the documents written (their JSON tags) and the mapping
// (its field names) are one schema: every field a document carries is
// mapped, and every mapped field is one a document carries, so that a field
// renamed in one place and not the other fails here rather than being
// silently dropped from the index.
func TestOneSchema(t *testing.T) {
	im := NewMapping().(*mapping.IndexMappingImpl)
	for _, tc := range []struct {
		typ string
		doc any
	}{{TypeParagraph, paragraphDoc{}}, {TypeFigure, figureDoc{}}, {TypeComparison, comparisonDoc{}}} {
		var tags []string
		rt := reflect.TypeOf(tc.doc)
		for i := range rt.NumField() {
			tag, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
			tags = append(tags, tag)
		}
		var mapped []string
		for name, dm := range im.TypeMapping[tc.typ].Properties {
			if dm.Enabled && len(dm.Fields) > 0 {
				mapped = append(mapped, name)
			}
		}
		slices.Sort(tags)
		slices.Sort(mapped)
		if !slices.Equal(tags, mapped) {
			t.Errorf("%s: document fields %v, mapped fields %v", tc.typ, tags, mapped)
		}
	}
	// What readers load is what documents store.
	for _, fields := range [][]string{HitFields(), ParagraphFields(), FigureFields(), FigureParagraphFields(), ComparisonFields()} {
		for _, f := range fields {
			if !slices.ContainsFunc([]any{paragraphDoc{}, figureDoc{}, comparisonDoc{}}, func(doc any) bool { return hasTag(doc, f) }) {
				t.Errorf("field %s is loaded but no document has it", f)
			}
		}
	}
}

func hasTag(doc any, name string) bool {
	rt := reflect.TypeOf(doc)
	for i := range rt.NumField() {
		if tag, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ","); tag == name {
			return true
		}
	}
	return false
}

// TestFacetKeyRoundTrip: a facet key reads back as the values it was made
// of, empty values included.
func TestFacetKeyRoundTrip(t *testing.T) {
	for _, v := range []FacetValues{
		{Year: "2023", Kind: "target", Part: "四", Chapter: "四（二）", Report: "shangcheng-2022-plan-report"},
		{Report: "r"},
		{},
	} {
		got, ok := DecodeFacetKey(v.FacetKey())
		if !ok || !reflect.DeepEqual(got, v) {
			t.Errorf("%+v: read back %+v, %v", v, got, ok)
		}
	}
	if _, ok := DecodeFacetKey("not a key"); ok {
		t.Error("a plain string read as a facet key")
	}
}
