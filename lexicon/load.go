package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// The lists are the *.txt files of this directory, embedded in the binary.
//
//go:embed *.txt
var files embed.FS

// file is a data file as read: its rows, each the tab-separated fields of
// one line, with the line numbers for errors.
type file struct {
	rows  [][]string
	lines []int
}

var (
	mu     sync.Mutex
	loaded = map[string]*file{}
)

// read loads and caches a data file. A missing or malformed file is a
// defect of the build, which the package's tests load every file to catch:
// it panics with the file and line.
func read(name string) *file {
	mu.Lock()
	defer mu.Unlock()
	if f, ok := loaded[name]; ok {
		return f
	}
	data, err := files.ReadFile(name + ".txt")
	if err != nil {
		panic(fmt.Sprintf("lexicon: no list %q: %v", name, err))
	}
	f := &file{}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		for i, fl := range fields {
			fields[i] = strings.TrimSpace(fl)
			if fields[i] == "" {
				panic(fmt.Sprintf("lexicon: %s.txt:%d: an empty field", name, n))
			}
		}
		f.rows = append(f.rows, fields)
		f.lines = append(f.lines, n)
	}
	if len(f.rows) == 0 {
		panic(fmt.Sprintf("lexicon: %s.txt has no items", name))
	}
	loaded[name] = f
	return f
}

// Words returns the items of a list, one a line, in the file's order.
func Words(name string) []string {
	f := read(name)
	out := make([]string, len(f.rows))
	for i, r := range f.rows {
		if len(r) != 1 {
			panic(fmt.Sprintf("lexicon: %s.txt:%d: %d fields, a list has one item a line", name, f.lines[i], len(r)))
		}
		out[i] = r[0]
	}
	return out
}

// Table returns the rows of a table, each of exactly columns fields, in
// the file's order.
func Table(name string, columns int) [][]string {
	f := read(name)
	out := make([][]string, len(f.rows))
	for i, r := range f.rows {
		if len(r) != columns {
			panic(fmt.Sprintf("lexicon: %s.txt:%d: %d fields, want %d", name, f.lines[i], len(r), columns))
		}
		out[i] = append([]string(nil), r...)
	}
	return out
}

// Pairs returns a two-column table as a map from the first column to the
// second.
func Pairs(name string) map[string]string {
	out := map[string]string{}
	for _, r := range Table(name, 2) {
		out[r[0]] = r[1]
	}
	return out
}

// Alternation returns a list as a regular-expression group, (?:a|b|c),
// each item matched literally, in the file's order: Go's regexp prefers
// the earliest alternative that matches, so the file's order is the match
// order.
func Alternation(name string) string {
	words := Words(name)
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return "(?:" + strings.Join(quoted, "|") + ")"
}

// Chars returns a list of single characters as one string, for
// strings.ContainsRune and the like.
func Chars(name string) string {
	var b strings.Builder
	for i, w := range Words(name) {
		if len([]rune(w)) != 1 {
			panic(fmt.Sprintf("lexicon: %s.txt:%d: %q is not one character", name, read(name).lines[i], w))
		}
		b.WriteString(w)
	}
	return b.String()
}

// Names lists every data file, for the tests that load them all.
func Names() []string {
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".txt"))
	}
	return out
}

// Pattern returns a named regular expression of patterns.txt, with every
// {name} in it replaced by the pattern of that name and every {list:name}
// by the Alternation of that list, so that a pattern is written with the
// fragments it shares (a year, a Chinese-numeral year) and the word lists
// it matches.
func Pattern(name string) string {
	return expand(name, map[string]bool{})
}

var patternRefs = regexp.MustCompile(`\{(list:)?([a-z][a-z0-9-]*)\}`) // {year}, not \d{2}

func expand(name string, seen map[string]bool) string {
	if seen[name] {
		panic(fmt.Sprintf("lexicon: pattern %q refers to itself", name))
	}
	seen[name] = true
	defer delete(seen, name)
	var pattern string
	found := false
	for _, r := range Table("patterns", 2) {
		if r[0] == name {
			pattern, found = r[1], true
			break
		}
	}
	if !found {
		panic(fmt.Sprintf("lexicon: no pattern %q in patterns.txt", name))
	}
	return patternRefs.ReplaceAllStringFunc(pattern, func(ref string) string {
		m := patternRefs.FindStringSubmatch(ref)
		if m[1] != "" {
			return Alternation(m[2])
		}
		return expand(m[2], seen)
	})
}

// Labels returns the group's rows of a three-column table (group, key,
// label) as a map from key to label.
func Labels(name, group string) map[string]string {
	out := map[string]string{}
	for _, r := range Table(name, 3) {
		if r[0] == group {
			out[r[1]] = r[2]
		}
	}
	if len(out) == 0 {
		panic(fmt.Sprintf("lexicon: %s.txt has no %q rows", name, group))
	}
	return out
}
