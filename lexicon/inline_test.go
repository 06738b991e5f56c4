package lexicon

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"
)

// maxInline is the most Chinese items a list may have in Go code; a longer
// one belongs in a data file.
const maxInline = 3

// TestNoInlineWordLists walks every non-test Go file of the module outside
// lexicon/ and fails, naming file:line, on a Chinese word list written in
// code: a composite literal, a switch case, a ||/&& chain or a call's
// arguments with more than three Chinese strings; a regular expression
// (a pattern given to regexp, or any string with a |) with more than three
// Chinese alternatives at one level or more than three Chinese characters in
// a class; a character set of more than three Chinese characters given to
// strings.ContainsRune, ContainsAny, IndexAny, LastIndexAny, Trim, TrimLeft,
// TrimRight or SplitList.
func TestNoInlineWordLists(t *testing.T) {
	files, vs, err := checkTree("..", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(files, "corpus/figure.go") || len(files) < 20 {
		t.Fatalf("checked only %d files: %v", len(files), files)
	}
	for _, v := range vs {
		t.Error(v)
	}
}

// TestInlineChecker runs the checker on a source whose lines marked
// "// inline" are violations and whose other lines are not.
func TestInlineChecker(t *testing.T) {
	const src = `package p

import (
	"regexp"
	"strings"
)

const marks = "和及与的"
const few = "和及与"
const joined = "(甲|乙" + "|丙|丁)"

var words = []string{"甲", "乙", "丙", "丁"} // inline
var three = []string{"甲", "乙", "丙", "a", "b"}
var set = map[string]bool{"甲": true, "乙": true, "丙": true, "丁": true} // inline
var pairs = []struct{ a, b string }{{"甲", "乙"}, {"丙", "丁"}} // inline
var nested = [][]string{{"甲", "乙"}, {"丙"}}
var runes = []rune{'甲', '乙', '丙', '丁'}

var (
	re1 = regexp.MustCompile(` + "`(?:甲|乙|丙|丁)`" + `) // inline
	re2 = regexp.MustCompile(` + "`(?:甲|乙|(?:丙|丁|戊))`" + `)
	re3 = regexp.MustCompile(` + "`[甲乙丙丁]+`" + `) // inline
	re4 = regexp.MustCompile(` + "`[甲乙丙]\\p{Han}[a-z]`" + `)
	re5 = regexp.MustCompile("^" + joined) // inline
	re6 = regexp.MustCompile(` + "`(甲|乙)`" + ` + x + ` + "`|丙|丁`" + `)
	re7 = regexp.MustCompile(` + "`[^以至起来底末前的]`" + `) // inline
)

var loose = "甲|乙|丙|丁" // inline

func f(s string, r rune) bool {
	switch s {
	case "甲", "乙", "丙", "丁": // inline
		return true
	case "戊", "己", "庚":
		return true
	}
	if s == "甲" || s == "乙" || strings.HasPrefix(s, "丙") || s == "丁" { // inline
		return true
	}
	if s == "甲" || s == "乙" || !(s == "丙" && s == "a") {
		return true
	}
	_ = append(words, "甲", "乙", "丙", "丁") // inline
	_ = strings.Trim(s, "、和及与以 ") // inline
	_ = strings.TrimLeft(s, few+" ")
	_ = strings.ContainsRune(marks, r) // inline
	_ = strings.ContainsAny(s, marks+few) // inline
	_ = strings.Contains(s, "甲乙丙丁戊")
	_ = SplitList(s, "甲乙丙丁") // inline
	return strings.ContainsRune("甲乙丙", r) // 甲|乙|丙|丁 in a comment
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var want []int
	for i, line := range strings.Split(src, "\n") {
		if strings.HasSuffix(line, "// inline") {
			want = append(want, i+1)
		}
	}
	var got []int
	for _, v := range checkFiles(fset, []*ast.File{f}, ".") {
		got = append(got, v.line)
	}
	if !slices.Equal(got, want) {
		t.Errorf("violations on lines %v, want %v", got, want)
		for _, v := range checkFiles(fset, []*ast.File{f}, ".") {
			t.Log(v)
		}
	}
}
