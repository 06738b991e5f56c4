package arch

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// layers order the module's packages from the bottom up: a package may
// import only packages of lower layers, never one of its own layer or one
// above. Data flows one way: reports are read (corpus, with the rules of
// lexicon), indexed (indexer), searched (search, with query values and the
// catalog of reports), answered (ask), measured (eval) and served (web, the
// command).
var layers = [][]string{
	{"lexicon", "t2s", "lexicon/internal/gengazetteer", "internal/golden", "internal/arch", "indexer/internal/gendict"},
	{"corpus/extract"},
	{"corpus"},
	{"indexer", "query", "corpus/xlsx", "corpus/docx"},
	{"catalog", "internal/testindex"},
	{"search", "internal/messages"},
	{"ask"},
	{"eval", "web", "internal/testengine"},
	{"cmd/reportsearch", "bench/httpload", "bench/memload", "bench/pdfreaders"},
}

// forbidden are outside modules a package must not use: the report model
// knows no index, the engine no HTTP, the web no bleve types.
var forbidden = map[string][]string{
	"lexicon":        {"github.com/"},
	"corpus":         {"github.com/blevesearch/", "github.com/go-ego/", "github.com/gin-gonic/"},
	"corpus/extract": {"github.com/blevesearch/", "github.com/go-ego/", "github.com/gin-gonic/"},
	"corpus/xlsx":    {"github.com/blevesearch/", "github.com/go-ego/", "github.com/gin-gonic/"},
	"corpus/docx":    {"github.com/"},
	"query":          {"github.com/blevesearch/", "github.com/go-ego/", "github.com/gin-gonic/"},
	"catalog":        {"github.com/blevesearch/", "github.com/gin-gonic/"},
	"search":         {"github.com/gin-gonic/", "html/template"},
	"ask":            {"github.com/blevesearch/", "github.com/gin-gonic/", "html/template"},
	"eval":           {"github.com/blevesearch/", "github.com/gin-gonic/"},
	"web":            {"github.com/blevesearch/", "github.com/go-ego/"},
}

const module = "reportsearch/"

func TestLayers(t *testing.T) {
	for _, v := range violations(packageImports(t, filepath.Join("..", ".."))) {
		t.Error(v)
	}
}

// TestLayersCatchViolations: the check sees an import upwards, one within
// a layer, an unknown package and a forbidden module.
func TestLayersCatchViolations(t *testing.T) {
	got := violations(map[string][]string{
		"corpus": {"strings", module + "search", "github.com/blevesearch/bleve/v2"},
		"query":  {module + "indexer"},
		"plugin": {module + "corpus"},
		"web":    {module + "ask", module + "corpus"},
	})
	slices.Sort(got)
	want := []string{
		"corpus (layer 2) imports search (layer 5): a package imports only those below it",
		"corpus imports github.com/blevesearch/bleve/v2",
		"package plugin has no layer: add it to layers",
		"query (layer 3) imports indexer (layer 3): a package imports only those below it",
	}
	if !slices.Equal(got, want) {
		t.Errorf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// violations lists what breaks the layering among packages and their
// imports.
func violations(imports map[string][]string) []string {
	layerOf := map[string]int{}
	for i, ps := range layers {
		for _, p := range ps {
			layerOf[p] = i
		}
	}
	var out []string
	for dir, imps := range imports {
		layer, known := layerOf[dir]
		if !known {
			out = append(out, "package "+dir+" has no layer: add it to layers")
			continue
		}
		for _, imp := range imps {
			for _, f := range forbidden[dir] {
				if strings.HasPrefix(imp, f) {
					out = append(out, dir+" imports "+imp)
				}
			}
			dep, ok := strings.CutPrefix(imp, module)
			if !ok {
				continue
			}
			if l, ok := layerOf[dep]; !ok || l >= layer {
				out = append(out, fmt.Sprintf("%s (layer %d) imports %s (layer %d): a package imports only those below it", dir, layer, dep, l))
			}
		}
	}
	return out
}

// packageImports maps each package directory of the module (relative to
// root, slash-separated) to what its non-test files import.
func packageImports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != root && (n == "testdata" || strings.HasPrefix(n, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		dir := filepath.ToSlash(rel)
		if _, ok := out[dir]; !ok {
			out[dir] = nil
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(out[dir], p) {
				out[dir] = append(out[dir], p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 10 {
		t.Fatalf("found %d packages under %s", len(out), root)
	}
	return out
}
