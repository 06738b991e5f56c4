package testindex

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// ForTexts builds an index of report texts by file name in a temporary
// directory of the test and returns its root.
func ForTexts(t testing.TB, texts map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for name, text := range texts {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	srcs, err := corpus.Sources(files)
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(dir, "index")
	if _, err := indexer.Build(context.Background(), root, srcs, indexer.Options{}); err != nil {
		t.Fatal(err)
	}
	return root
}
