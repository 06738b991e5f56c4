package messages

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"reportsearch/lexicon"
)

//go:embed messages.tsv
var data []byte

// file is the table's name, for lexicon's errors.
const file = "messages.tsv"

// table maps a message's key to its text, read once.
var table = func() map[string]string {
	rows, err := lexicon.ParseTable(file, data, "key", "text")
	if err != nil {
		panic("messages: " + err.Error()) // embedded: a build defect every test catches
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r[0]] = r[1]
	}
	return out
}()

// Has reports whether the table has a message for key.
func Has(key string) bool { _, ok := table[key]; return ok }

// Keys are the table's keys, sorted.
func Keys() []string {
	out := make([]string, 0, len(table))
	for k := range table {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Say returns the message key with its placeholders filled: pairs are
// name, value, … and {name} in the text is replaced by the value. A key
// the table lacks is a defect (TestEveryKeyUsedExists) and shows as
// itself in brackets.
func Say(key string, pairs ...any) string {
	text, ok := table[key]
	if !ok {
		return "〔" + key + "〕"
	}
	if len(pairs) == 0 {
		return text
	}
	args := make([]string, 0, len(pairs))
	for i := 0; i+1 < len(pairs); i += 2 {
		args = append(args, "{"+fmt.Sprint(pairs[i])+"}", fmt.Sprint(pairs[i+1]))
	}
	return strings.NewReplacer(args...).Replace(text)
}

// List joins values the Chinese way, with 、.
func List(values []string) string { return strings.Join(values, "、") }
