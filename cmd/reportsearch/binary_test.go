//go:build !race

// Under the race detector every package would be compiled again without it
// for the child go build (a minute on two cores); .ci/run runs this test
// without -race.

package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinaryHasNoGseDictionaries builds the program as the README does (a
// plain go build) and checks that gse's embedded Chinese and Japanese
// dictionaries, ~37 MB the program never loads, are not linked in. They
// come back as soon as a type converted to an interface reaches a
// gse.Segmenter through its fields (see indexer.Segmenter): the linker then
// keeps gse's LoadDictEmbed and the data it reads.
func TestBinaryHasNoGseDictionaries(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	bin := filepath.Join(t.TempDir(), "reportsearch")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(goTool, "tool", "nm", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("go tool nm: %v\n%s", err, out)
	}
	symbols := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) >= 3 {
			symbols[strings.Join(f[2:], " ")] = true
		}
	}
	const gse = "github.com/go-ego/gse."
	if !symbols[gse+"(*Segmenter).LoadDictStr"] {
		t.Fatalf("no %s(*Segmenter).LoadDictStr in the binary: gse renamed it or nm's output changed, so this test checks nothing", gse)
	}
	for _, sym := range []string{"(*Segmenter).LoadDictEmbed", "zhS", "zhT", "ja"} {
		if symbols[gse+sym] {
			t.Errorf("the binary links %s%s: gse's embedded dictionaries are back (some interface value reaches a gse.Segmenter through a field)", gse, sym)
		}
	}
}
