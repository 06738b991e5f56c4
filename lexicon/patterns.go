package lexicon

import (
	"fmt"
	"regexp"
	"sync"
)

// fragmentNames are the fragments a named pattern may refer to.
var fragmentNames = map[string]string{"year": Year, "cn-year": ChineseYear, "five-plan": FivePlan}

// patterns are the named patterns, by name, read once. They are the
// patterns of questions (package ask); corpus's cues that are not words are
// pattern lists (.re files), which it puts in patterns of its own.
var patterns = sync.OnceValue(func() map[string]string { return Pairs("question-patterns", "name", "pattern") })

var patternRefs = regexp.MustCompile(`\{(list:)?([a-z][a-z0-9-]*)\}`) // {year}, not \d{2}

// Pattern returns the named regular expression of
// data/question-patterns.tsv, with {year} and {cn-year} replaced by the
// fragments Year and ChineseYear, {list:name} by the Alternation of a list,
// and {name} by another pattern of the file. It panics for a name the file
// lacks.
func Pattern(name string) string { return expand(name, map[string]bool{}) }

func expand(name string, seen map[string]bool) string {
	if seen[name] {
		panic(fmt.Sprintf("lexicon: pattern %q refers to itself", name))
	}
	seen[name] = true
	defer delete(seen, name)
	pattern, ok := patterns()[name]
	if !ok {
		panic(fmt.Sprintf("lexicon: no pattern %q in data/question-patterns.tsv", name))
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
