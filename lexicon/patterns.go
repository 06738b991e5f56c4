package lexicon

import (
	"fmt"
	"regexp"
)

// fragmentNames are the fragments a named pattern may refer to.
var fragmentNames = map[string]string{"year": Year, "cn-year": ChineseYear}

var patternRefs = regexp.MustCompile(`\{(list:)?([a-z][a-z0-9-]*)\}`) // {year}, not \d{2}

// Pattern returns the named regular expression of data/patterns.tsv, with
// {year} and {cn-year} replaced by the fragments Year and ChineseYear,
// {list:name} by the Alternation of a word list, and {name} by another
// pattern of the file. It panics for a name the file lacks.
func Pattern(name string) string { return expand(name, map[string]bool{}) }

func expand(name string, seen map[string]bool) string {
	if seen[name] {
		panic(fmt.Sprintf("lexicon: pattern %q refers to itself", name))
	}
	seen[name] = true
	defer delete(seen, name)
	pattern, ok := Pairs("patterns")[name]
	if !ok {
		panic(fmt.Sprintf("lexicon: no pattern %q in data/patterns.tsv", name))
	}
	return patternRefs.ReplaceAllStringFunc(pattern, func(ref string) string {
		m := patternRefs.FindStringSubmatch(ref)
		if m[1] != "" {
			return Alternation(m[2])
		}
		if f, ok := fragmentNames[m[2]]; ok {
			return f
		}
		return expand(m[2], seen)
	})
}

// Pairs returns a two-column table as a map from its first column, whose
// values are unique, to its second.
func Pairs(name string) map[string]string {
	out := map[string]string{}
	for _, r := range Table(name) {
		if len(r) != 2 {
			panic(fmt.Sprintf("lexicon: %s is not a two-column table", name))
		}
		out[r[0]] = r[1]
	}
	return out
}
