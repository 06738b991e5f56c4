package lexicon

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// accessors are the functions of this package that read a list (or a
// named pattern) by the name given as their first argument.
var accessors = []string{"Words", "Set", "Chars", "Table", "Pairs", "Tagged", "Alternation", "Class", "NotClass", "Pattern"}

// TestEveryListIsRead fails on a data file that no code reads: every list
// must be named by a call of an accessor in a non-test Go file of the
// module (lexicon.Words("units"), Table("five-year-plans", …) in this
// package), or by a named pattern that code reads ({list:name}). So does a
// named pattern that neither code nor another pattern names. Outside this
// package a list is named with a string literal, so that this test sees it.
func TestEveryListIsRead(t *testing.T) {
	calls, errs, err := accessorCalls("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Error(e)
	}
	if len(calls["Words"]) == 0 || len(calls["Pattern"]) == 0 {
		t.Fatalf("found too few accessor calls: %v", calls)
	}
	named := map[string]bool{}
	var reached []string // named patterns to follow
	for fn, names := range calls {
		for _, name := range names {
			named[name] = true
			if fn == "Pattern" {
				reached = append(reached, name)
			}
		}
	}
	pats := patterns()
	for len(reached) > 0 {
		p := reached[len(reached)-1]
		reached = reached[:len(reached)-1]
		for _, m := range patternRefs.FindAllStringSubmatch(pats[p], -1) {
			if !named[m[2]] && m[1] == "" {
				reached = append(reached, m[2])
			}
			named[m[2]] = true
		}
	}
	ls, err := load(dataFS, "data")
	if err != nil {
		t.Fatal(err)
	}
	for name, l := range ls {
		if !named[name] {
			t.Errorf("%s: no code reads the list %q: read it (lexicon.Words(%[2]q), …) or remove the file", l.file, name)
		}
	}
	for name := range pats {
		if !named[name] {
			t.Errorf("data/question-patterns.tsv: no code reads the pattern %q (lexicon.Pattern) and no pattern refers to it", name)
		}
	}
}

// accessorCalls returns the names given to each accessor in the non-test
// Go files under root, and an error for a call outside this package whose
// name is not a string literal.
func accessorCalls(root string) (map[string][]string, []string, error) {
	calls := map[string][]string{}
	var errs []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		inLexicon := f.Name.Name == "lexicon"
		local := importName(f, "reportsearch/lexicon")
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			fn := call.Fun
			if ix, ok := fn.(*ast.IndexExpr); ok { // Tagged[Kind](…)
				fn = ix.X
			}
			var name string
			switch fn := fn.(type) {
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok && local != "" && x.Name == local {
					name = fn.Sel.Name
				}
			case *ast.Ident:
				if inLexicon {
					name = fn.Name
				}
			}
			if !slices.Contains(accessors, name) {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, err := strconv.Unquote(lit.Value)
				if err == nil {
					calls[name] = append(calls[name], s)
					return true
				}
			}
			if !inLexicon {
				errs = append(errs, fmt.Sprintf("%s: lexicon.%s is given a list name that is not a string literal", fset.Position(call.Pos()), name))
			}
			return true
		})
		return nil
	})
	return calls, errs, err
}

// importName returns the name a file uses for an imported package, or ""
// when it does not import it.
func importName(f *ast.File, path string) string {
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == path {
			if imp.Name != nil {
				return imp.Name.Name
			}
			return filepath.Base(path)
		}
	}
	return ""
}
