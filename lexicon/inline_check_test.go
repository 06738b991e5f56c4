package lexicon

// The checker behind TestNoInlineWordLists: a walk over the module's Go
// files and the rules that find a Chinese word list written in code.

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
	"unicode"
)

// violation is an inline word list found in code.
type violation struct {
	file string
	line int
	msg  string
}

func (v violation) String() string {
	return fmt.Sprintf("%s:%d: %s; move it to a lexicon data file", v.file, v.line, v.msg)
}

// checkTree checks every non-test Go file under root but lexicon/, the
// skipped directories, testdata and hidden directories. It returns the
// files checked and the violations, in file and line order.
func checkTree(root string, skip []string) ([]string, []violation, error) {
	byDir := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			name := d.Name()
			if rel != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor" || rel == "lexicon" || slices.Contains(skip, rel)) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go") {
			byDir[filepath.Dir(path)] = append(byDir[filepath.Dir(path)], path)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var checked []string
	var out []violation
	fset := token.NewFileSet()
	for _, paths := range byDir {
		var files []*ast.File
		for _, p := range paths {
			f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
			if err != nil {
				return nil, nil, err
			}
			files = append(files, f)
			rel, _ := filepath.Rel(root, p)
			checked = append(checked, filepath.ToSlash(rel))
		}
		out = append(out, checkFiles(fset, files, root)...)
	}
	slices.SortFunc(out, func(a, b violation) int {
		if c := strings.Compare(a.file, b.file); c != 0 {
			return c
		}
		return a.line - b.line
	})
	slices.Sort(checked)
	return checked, out, nil
}

// checker finds the violations of one package.
type checker struct {
	fset   *token.FileSet
	root   string
	consts map[string]string // the package's string constants
	out    []violation
	seen   map[token.Pos]bool // literals already scanned as patterns
}

// checkFiles checks the files of one package.
func checkFiles(fset *token.FileSet, files []*ast.File, root string) []violation {
	c := &checker{fset: fset, root: root, consts: stringConsts(files), seen: map[token.Pos]bool{}}
	for _, f := range files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			c.node(n, stack)
			stack = append(stack, n)
			return true
		})
	}
	slices.SortStableFunc(c.out, func(a, b violation) int { return a.line - b.line })
	return c.out
}

func (c *checker) report(n ast.Node, format string, args ...any) {
	p := c.fset.Position(n.Pos())
	file := p.Filename
	if rel, err := filepath.Rel(c.root, file); err == nil {
		file = filepath.ToSlash(rel)
	}
	c.out = append(c.out, violation{file, p.Line, fmt.Sprintf(format, args...)})
}

func (c *checker) node(n ast.Node, stack []ast.Node) {
	switch n := n.(type) {
	case *ast.CompositeLit:
		if k := compositeStrings(n); k > maxInline {
			c.report(n, "a literal with %d Chinese strings", k)
		}
	case *ast.SwitchStmt:
		for _, s := range n.Body.List {
			if cc, ok := s.(*ast.CaseClause); ok {
				k := 0
				for _, e := range cc.List {
					k += hanStrings(e)
				}
				if k > maxInline {
					c.report(cc, "a case with %d Chinese strings", k)
				}
			}
		}
	case *ast.BinaryExpr:
		if isLogical(n) && !isLogicalParent(stack) {
			if k := hanStrings(n); k > maxInline {
				c.report(n, "a %s chain with %d Chinese strings", n.Op, k)
			}
		}
	case *ast.CallExpr:
		c.call(n)
	case *ast.BasicLit:
		if s, ok := stringLit(n); ok && strings.Contains(s, "|") && hanRunes(s) > 0 && !c.seen[n.Pos()] {
			c.pattern(n, s)
		}
	}
}

// charsetArg is the argument that is a set of characters, by function.
var charsetArg = map[string]int{
	"ContainsRune": 0, "ContainsAny": 1, "IndexAny": 1, "LastIndexAny": 1,
	"Trim": 1, "TrimLeft": 1, "TrimRight": 1,
}

func (c *checker) call(n *ast.CallExpr) {
	k := 0
	for _, a := range n.Args {
		if s, ok := a.(*ast.BasicLit); ok {
			if v, ok := stringLit(s); ok && hanRunes(v) > 0 {
				k++
			}
		}
	}
	if k > maxInline {
		c.report(n, "a call with %d Chinese string arguments", k)
	}
	pkg, name := callee(n)
	switch {
	case pkg == "regexp" && len(n.Args) > 0 && slices.Contains([]string{"MustCompile", "Compile", "MustCompilePOSIX", "CompilePOSIX", "MatchString", "Match"}, name):
		// The whole pattern when it is constant, else each constant part.
		if s, ok := c.constant(n.Args[0]); ok {
			c.pattern(n, s)
		} else {
			for _, part := range concatParts(n.Args[0]) {
				if s, ok := c.constant(part); ok {
					c.pattern(part, s)
				}
			}
		}
		ast.Inspect(n.Args[0], func(m ast.Node) bool {
			if lit, ok := m.(*ast.BasicLit); ok {
				c.seen[lit.Pos()] = true
			}
			return true
		})
	case (pkg == "strings" || pkg == "bytes") && hasArg(n, charsetArg, name), name == "SplitList" && len(n.Args) == 2:
		i := 1
		if name != "SplitList" {
			i = charsetArg[name]
		}
		h := 0
		for _, part := range concatParts(n.Args[i]) {
			if s, ok := c.constant(part); ok {
				h += hanRunes(s)
			}
		}
		if h > maxInline {
			c.report(n, "a set of %d Chinese characters for %s", h, name)
		}
	}
}

func hasArg(n *ast.CallExpr, args map[string]int, name string) bool {
	i, ok := args[name]
	return ok && i < len(n.Args)
}

// pattern reports a regular expression with too many Chinese alternatives
// or too large a Chinese class.
func (c *checker) pattern(n ast.Node, re string) {
	alts, class := scanPattern(re)
	switch {
	case alts > maxInline:
		c.report(n, "a pattern with %d Chinese alternatives", alts)
	case class > maxInline:
		c.report(n, "a pattern with a class of %d Chinese characters", class)
	}
}

// scanPattern returns the most alternatives holding Chinese at one level
// of the regular expression re, and the most Chinese characters in one of
// its classes. It reads fragments too: unbalanced parentheses are allowed.
func scanPattern(re string) (alts, class int) {
	type level struct {
		alts int  // alternatives done that hold Chinese
		han  bool // the current alternative holds Chinese
	}
	stack := []level{{}}
	done := func(l level) int {
		if l.han {
			return l.alts + 1
		}
		return l.alts
	}
	sawHan := func() {
		for i := range stack {
			stack[i].han = true
		}
	}
	rs := []rune(re)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; {
		case r == '\\':
			i++
		case r == '[':
			j := i + 1
			if j < len(rs) && rs[j] == '^' {
				j++
			}
			if j < len(rs) && rs[j] == ']' {
				j++ // a ] first is literal
			}
			n := 0
			for ; j < len(rs) && rs[j] != ']'; j++ {
				switch {
				case rs[j] == '\\':
					j++
				case rs[j] == '[' && j+1 < len(rs) && rs[j+1] == ':':
					for j < len(rs) && !(rs[j] == ']' && rs[j-1] == ':') {
						j++
					}
				case unicode.Is(unicode.Han, rs[j]):
					n++
				}
			}
			class = max(class, n)
			if n > 0 {
				sawHan()
			}
			i = j
		case r == '(':
			stack = append(stack, level{})
		case r == ')':
			if len(stack) > 1 {
				alts = max(alts, done(stack[len(stack)-1]))
				stack = stack[:len(stack)-1]
			}
		case r == '|':
			top := &stack[len(stack)-1]
			if top.han {
				top.alts++
			}
			top.han = false
		case unicode.Is(unicode.Han, r):
			sawHan()
		}
	}
	for _, l := range stack {
		alts = max(alts, done(l))
	}
	return alts, class
}

// compositeStrings counts the Chinese strings of a composite literal: its
// elements, map keys and values, and the fields of struct or array
// elements written as literals.
func compositeStrings(n *ast.CompositeLit) int {
	k := 0
	count := func(e ast.Expr) {
		if lit, ok := e.(*ast.BasicLit); ok {
			if s, ok := stringLit(lit); ok && hanRunes(s) > 0 {
				k++
			}
		}
	}
	for _, e := range n.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			count(kv.Key)
			e = kv.Value
		}
		count(e)
		if inner, ok := e.(*ast.CompositeLit); ok {
			for _, f := range inner.Elts {
				if kv, ok := f.(*ast.KeyValueExpr); ok {
					f = kv.Value
				}
				count(f)
			}
		}
	}
	return k
}

// hanStrings counts the Chinese string literals anywhere in n.
func hanStrings(n ast.Node) int {
	k := 0
	ast.Inspect(n, func(m ast.Node) bool {
		if lit, ok := m.(*ast.BasicLit); ok {
			if s, ok := stringLit(lit); ok && hanRunes(s) > 0 {
				k++
			}
		}
		return true
	})
	return k
}

func isLogical(n ast.Node) bool {
	b, ok := n.(*ast.BinaryExpr)
	return ok && (b.Op == token.LOR || b.Op == token.LAND)
}

// isLogicalParent reports whether the node on top of stack's child is an
// operand of a ||/&& chain (through parentheses and !), so that a chain is
// counted once, whole.
func isLogicalParent(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			continue
		case *ast.UnaryExpr:
			if p.Op == token.NOT {
				continue
			}
		}
		return isLogical(stack[i])
	}
	return false
}

// callee returns the package (or receiver) and name of a call's function.
func callee(n *ast.CallExpr) (string, string) {
	switch f := n.Fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok {
			return x.Name, f.Sel.Name
		}
		return "", f.Sel.Name
	case *ast.Ident:
		return "", f.Name
	}
	return "", ""
}

// concatParts splits a + b + c into its operands.
func concatParts(e ast.Expr) []ast.Expr {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return concatParts(e.X)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return append(concatParts(e.X), concatParts(e.Y)...)
		}
	}
	return []ast.Expr{e}
}

// constant returns the value of a constant string expression: literals,
// the package's string constants, and sums of them.
func (c *checker) constant(e ast.Expr) (string, bool) {
	return constString(e, c.consts)
}

func constString(e ast.Expr, consts map[string]string) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		return stringLit(e)
	case *ast.Ident:
		s, ok := consts[e.Name]
		return s, ok
	case *ast.ParenExpr:
		return constString(e.X, consts)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			a, ok1 := constString(e.X, consts)
			b, ok2 := constString(e.Y, consts)
			return a + b, ok1 && ok2
		}
	}
	return "", false
}

// stringConsts collects the string constants declared anywhere in the
// files of a package, resolving those defined from others.
func stringConsts(files []*ast.File) map[string]string {
	type spec struct {
		name string
		expr ast.Expr
	}
	var specs []spec
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if d, ok := n.(*ast.GenDecl); ok && d.Tok == token.CONST {
				for _, s := range d.Specs {
					vs := s.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if i < len(vs.Values) {
							specs = append(specs, spec{name.Name, vs.Values[i]})
						}
					}
				}
			}
			return true
		})
	}
	consts := map[string]string{}
	for changed := true; changed; {
		changed = false
		for _, s := range specs {
			if _, done := consts[s.name]; done {
				continue
			}
			if v, ok := constString(s.expr, consts); ok {
				consts[s.name], changed = v, true
			}
		}
	}
	return consts
}

func stringLit(lit *ast.BasicLit) (string, bool) {
	if lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func hanRunes(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}
