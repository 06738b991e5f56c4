package corpus

import (
	"regexp"

	"reportsearch/lexicon"
)

// reDefinition is the opening of a glossary entry: an optional number, a
// short term, a colon or the closing mark of a quoted or bracketed term,
// and a verb of definition-verbs (a bare 指 after anything else begins
// words such as 指标).
var reDefinition = regexp.MustCompile(`^(?:\d{1,3}[.．、]\s*)?[^，。；、]{1,32}?[：:”"】\]）)]\s*(?:` +
	lexicon.Alternation("definition-verbs") + `)`)

// IsDefinition reports whether a paragraph is an entry of a glossary
// (14.“双减”政策：是指有效减轻…): it explains a term of the report rather
// than saying what was done or will be.
func IsDefinition(text string) bool { return reDefinition.MatchString(text) }
