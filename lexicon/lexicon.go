package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data
var dataFS embed.FS

// kind is a data file's kind, given by its extension.
type kind string

const (
	kindWords    kind = ".txt" // one literal item a line
	kindTable    kind = ".tsv" // tab-separated columns, named in the header
	kindPatterns kind = ".re"  // one regular expression a line
)

// list is one data file, parsed.
type list struct {
	file    string // data/units.tsv
	kind    kind
	columns []string   // a table's column names
	rows    [][]string // one field a row for words and patterns
	lines   []int      // the line of each row, for errors about its fields
}

// store is the parsed data files by name (the file name without its
// extension).
type store map[string]*list

var (
	loadOnce sync.Once
	loaded   store
)

// lexicon returns the data files, loading every one the first time. A file
// that does not parse is a defect of the build, not of the input: it
// panics, and the tests, which load every file, catch it.
func lexicon() store {
	loadOnce.Do(func() {
		var err error
		if loaded, err = load(dataFS, "data"); err != nil {
			panic("lexicon: " + err.Error())
		}
	})
	return loaded
}

// Words returns the items of the word list name (data/<name>.txt), in file
// order. The slice is the caller's own.
func Words(name string) []string { return lexicon().words(name) }

// Set returns the items of the word list name as a set.
func Set(name string) map[string]bool { return lexicon().set(name) }

// Chars returns the items of a character list (data/<name>.txt, a name
// that ends in -chars, whose items loading checks are one character each)
// as one string, for strings.ContainsRune, strings.Trim and the like. It
// panics for a list of another name.
func Chars(name string) string { return lexicon().chars(name) }

// Table returns the rows of the table name (data/<name>.tsv), in file
// order, each with the fields of columns. The caller names the columns it
// reads by position, and Table panics unless the file's "# columns:" line
// names exactly those, in that order: a table whose columns were reordered
// or renamed must not load while its readers take the wrong fields. The
// rows are the caller's own.
func Table(name string, columns ...string) [][]string { return lexicon().table(name, columns) }

// Pairs returns a table of two columns, key and value (which the file's
// header must name, as for Table), as a map from its first column, whose
// values are unique, to its second.
func Pairs(name, key, value string) map[string]string {
	out := map[string]string{}
	for _, r := range Table(name, key, value) {
		out[r[0]] = r[1]
	}
	return out
}

// Tag is a row of a tagged table: a word and what it says, one of an
// enumeration of the reader's (a measure, a kind, a role).
type Tag[T ~string] struct {
	Word string
	Tag  T
}

// Tagged returns the rows of the table name, whose columns are "word" and
// column, in file order: each word with its tag. It panics with the file
// and line of a tag that is not one of valid, the values the reader knows,
// so that a misspelt tag fails at start-up rather than matching nothing.
func Tagged[T ~string](name, column string, valid ...T) []Tag[T] {
	return tagged(lexicon(), name, column, valid)
}

func tagged[T ~string](s store, name, column string, valid []T) []Tag[T] {
	l := s.get(name, kindTable)
	l.mustHave("word", column)
	out := make([]Tag[T], len(l.rows))
	for i, r := range l.rows {
		t := T(r[1])
		if !slices.Contains(valid, t) {
			panic(fmt.Sprintf("lexicon: %s:%d: %s %q is not one of %v", l.file, l.lines[i], column, r[1], valid))
		}
		out[i] = Tag[T]{Word: r[0], Tag: t}
	}
	return out
}

// Alternation returns a regular expression that matches any item of the
// list name: (?:a|b|c), in file order, since Go's regexp prefers the
// leftmost alternative. The items of a word list are quoted, and so are
// the first fields of a table; those of a pattern list (data/<name>.re)
// are regular expressions already.
func Alternation(name string) string { return lexicon().alternation(name) }

// Class returns a regular-expression character class that matches any
// item of the character list name: [abc].
func Class(name string) string { return lexicon().class(name, "[") }

// NotClass returns a character class that matches any character but the
// items of the character list name: [^abc].
func NotClass(name string) string { return lexicon().class(name, "[^") }

// get returns the list called name, of one of the kinds wanted. A name
// without a file, or of another kind, is the program's mistake: it panics.
func (s store) get(name string, want ...kind) *list {
	l := s[name]
	if l == nil {
		panic(fmt.Sprintf("lexicon: no list %q", name))
	}
	if !slices.Contains(want, l.kind) {
		panic(fmt.Sprintf("lexicon: %s is not a %v file", l.file, want))
	}
	return l
}

func (s store) words(name string) []string {
	l := s.get(name, kindWords)
	out := make([]string, len(l.rows))
	for i, r := range l.rows {
		out[i] = r[0]
	}
	return out
}

func (s store) set(name string) map[string]bool {
	l := s.get(name, kindWords)
	out := make(map[string]bool, len(l.rows))
	for _, r := range l.rows {
		out[r[0]] = true
	}
	return out
}

func (s store) chars(name string) string {
	l := s.get(name, kindWords)
	if !strings.HasSuffix(name, charsSuffix) {
		panic(fmt.Sprintf("lexicon: %s is not a character list (a *%s.txt file)", l.file, charsSuffix))
	}
	var b strings.Builder
	for _, r := range l.rows {
		b.WriteString(r[0])
	}
	return b.String()
}

func (s store) table(name string, columns []string) [][]string {
	l := s.get(name, kindTable)
	l.mustHave(columns...)
	out := make([][]string, len(l.rows))
	for i, r := range l.rows {
		out[i] = append([]string(nil), r...)
	}
	return out
}

// mustHave panics unless the table's header names exactly columns.
func (l *list) mustHave(columns ...string) {
	if !slices.Equal(l.columns, columns) {
		panic(fmt.Sprintf("lexicon: %s has the columns (%s), its reader wants (%s)", l.file, strings.Join(l.columns, " "), strings.Join(columns, " ")))
	}
}

// class writes the character list name as a class that opens with open
// ([ or [^), escaping the characters that mean something inside one.
func (s store) class(name, open string) string {
	var b strings.Builder
	b.WriteString(open)
	for _, r := range s.chars(name) {
		if strings.ContainsRune(`\]^-[`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte(']')
	return b.String()
}

func (s store) alternation(name string) string {
	l := s.get(name, kindWords, kindTable, kindPatterns)
	items := make([]string, len(l.rows))
	for i, r := range l.rows {
		items[i] = r[0]
		if l.kind != kindPatterns {
			items[i] = regexp.QuoteMeta(r[0])
		}
	}
	return "(?:" + strings.Join(items, "|") + ")"
}

// charsSuffix ends the name of a character list: every item is one
// character, and Chars, Class and NotClass read only such lists.
const charsSuffix = "-chars"

// load reads every data file in dir. A list is named by its file alone, so
// two files of one name (units.txt, units.tsv) are refused, and so is a
// directory, whose files no name could reach.
func load(fsys fs.FS, dir string) (store, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	out := store{}
	for _, e := range entries {
		file := path.Join(dir, e.Name())
		if e.IsDir() {
			return nil, fmt.Errorf("%s: a directory among the data files (a list is a file of %s)", file, dir)
		}
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, err
		}
		l, err := parse(file, string(data))
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(e.Name(), string(l.kind))
		if prev := out[name]; prev != nil {
			return nil, fmt.Errorf("%s: the list %q is also %s", file, name, prev.file)
		}
		out[name] = l
	}
	return out, nil
}

// ParseTable reads a table in the format of the data files (see the
// package doc) that another package keeps beside its own files (web's
// labels, beside its templates), and checks, as Table does, that its header
// names exactly columns. file names the table in errors.
func ParseTable(file string, data []byte, columns ...string) ([][]string, error) {
	if path.Ext(file) != string(kindTable) {
		return nil, fmt.Errorf("%s: a table is a .tsv file", file)
	}
	l, err := parse(file, string(data))
	if err != nil {
		return nil, err
	}
	if !slices.Equal(l.columns, columns) {
		return nil, fmt.Errorf("%s: the columns are (%s), want (%s)", file, strings.Join(l.columns, " "), strings.Join(columns, " "))
	}
	return l.rows, nil
}

// parse reads one data file. The format is described in doc.go.
func parse(file, data string) (*list, error) {
	l := &list{file: file, kind: kind(path.Ext(file))}
	chars := strings.HasSuffix(strings.TrimSuffix(path.Base(file), string(l.kind)), charsSuffix)
	if chars && l.kind != kindWords {
		return nil, fmt.Errorf("%s: a character list (*%s) is a .txt file", file, charsSuffix)
	}
	switch l.kind {
	case kindWords, kindTable, kindPatterns:
	default:
		return nil, fmt.Errorf("%s: unknown kind of data file (want .txt, .tsv or .re)", file)
	}
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "#") {
		return nil, fmt.Errorf("%s:1: a data file starts with a # comment that says what it is for", file)
	}
	seen := map[string]int{}
	key := []int{0} // the fields that tell one row from another
	header := true
	for i, line := range lines {
		n := i + 1
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, "#") {
			if cols, ok := strings.CutPrefix(line, "# columns:"); ok && header {
				if l.kind != kindTable || l.columns != nil {
					return nil, fmt.Errorf("%s:%d: only a .tsv file names its columns, once", file, n)
				}
				l.columns = strings.Fields(cols)
				if len(l.columns) < 2 {
					return nil, fmt.Errorf("%s:%d: a table has two columns or more", file, n)
				}
			}
			if names, ok := strings.CutPrefix(line, "# key:"); ok && header {
				if l.columns == nil {
					return nil, fmt.Errorf("%s:%d: a table names its key after its columns", file, n)
				}
				key = nil
				for _, name := range strings.Fields(names) {
					k := slices.Index(l.columns, name)
					if k < 0 {
						return nil, fmt.Errorf("%s:%d: the key %q is not one of the columns (%s)", file, n, name, strings.Join(l.columns, " "))
					}
					key = append(key, k)
				}
			}
			continue
		}
		header = false
		if strings.TrimSpace(line) == "" {
			continue
		}
		var fields []string
		switch l.kind {
		case kindTable:
			if l.columns == nil {
				return nil, fmt.Errorf("%s:%d: a .tsv file names its columns in its header (# columns: a b …)", file, n)
			}
			fields = strings.Split(line, "\t")
			if len(fields) != len(l.columns) {
				return nil, fmt.Errorf("%s:%d: %d fields, want %d (%s)", file, n, len(fields), len(l.columns), strings.Join(l.columns, " "))
			}
		default:
			if strings.Contains(line, "\t") {
				return nil, fmt.Errorf("%s:%d: a tab in a list (a table is a .tsv file)", file, n)
			}
			fields = []string{line}
		}
		for k, f := range fields {
			fields[k] = strings.TrimSpace(f)
			if fields[k] == "" {
				return nil, fmt.Errorf("%s:%d: empty field", file, n)
			}
			if !utf8.ValidString(f) {
				return nil, fmt.Errorf("%s:%d: invalid UTF-8", file, n)
			}
		}
		if chars && utf8.RuneCountInString(fields[0]) != 1 {
			return nil, fmt.Errorf("%s:%d: %q is not one character (a *%s list holds characters)", file, n, fields[0], charsSuffix)
		}
		if l.kind == kindPatterns {
			re, err := regexp.Compile(fields[0])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", file, n, err)
			}
			if re.NumSubexp() > 0 {
				return nil, fmt.Errorf("%s:%d: a capturing group in a pattern list (write (?:…)): it would shift the groups of every pattern the list is put in", file, n)
			}
		}
		id := make([]string, len(key))
		for k, field := range key {
			id[k] = fields[field]
		}
		if prev, dup := seen[strings.Join(id, "\t")]; dup {
			return nil, fmt.Errorf("%s:%d: %q again (first on line %d)", file, n, strings.Join(id, " "), prev)
		}
		seen[strings.Join(id, "\t")] = n
		l.rows = append(l.rows, fields)
		l.lines = append(l.lines, n)
	}
	if l.kind == kindTable && l.columns == nil {
		return nil, fmt.Errorf("%s: a .tsv file names its columns in its header (# columns: a b …)", file)
	}
	if len(l.rows) == 0 {
		return nil, fmt.Errorf("%s: no items", file)
	}
	return l, nil
}
