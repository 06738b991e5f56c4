package query

import "slices"

// FieldNames are the names a user may type for each filter field, in the
// order help texts list the fields; each field's canonical (English) name
// first, then the others as lexicon/data/query-fields.tsv lists them. The
// help page is made from it, so it names what the parser accepts.
func FieldNames() []FieldName {
	out := make([]FieldName, 0, len(allFields))
	for _, f := range allFields {
		names := []string{string(f)}
		for name, field := range fieldNames {
			if field == f && name != string(f) {
				names = append(names, name)
			}
		}
		slices.Sort(names[1:]) // a map's order is not the file's: make it stable
		out = append(out, FieldName{Field: f, Names: names})
	}
	return out
}

// FieldName is one filter field and the names it may be typed with.
type FieldName struct {
	Field Field
	Names []string
}
