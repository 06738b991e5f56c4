package web

import (
	"fmt"

	"reportsearch/lexicon"
)

// labelsFile holds what the pages call the program's values in Chinese,
// beside the templates that show them; its header describes the sets.
const labelsFile = "templates/labels.tsv"

// labels are the labels by set and value ("kind.result" → 完成情况), read
// once, in lexicon's table format.
var labels = func() map[string]string {
	data, err := assets.ReadFile(labelsFile)
	if err != nil {
		panic("web: " + err.Error()) // the file is embedded: a build defect
	}
	rows, err := lexicon.ParseTable(labelsFile, data, "name", "label")
	if err != nil {
		panic("web: " + err.Error()) // a build defect, caught by every test
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r[0]] = r[1]
	}
	return out
}()

// label returns what the pages call a value of a set (kind, measure, match,
// filter, error), or the value itself when it has no label. Templates call
// it as {{label "kind" .Kind}}; the value may be of any string type.
func label(set string, value any) string {
	v := fmt.Sprint(value)
	if l, ok := labels[set+"."+v]; ok {
		return l
	}
	return v
}
