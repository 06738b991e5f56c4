package indexer

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"reportsearch/corpus"
)

// library copies real reports into a directory, as a user's library
// folder, and returns it with the names copied.
func library(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("..", "corpus", "testdata", "reports", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// shape is what must be the same whether an index was updated or built in
// full: its reports, counts and documents.
type shape struct {
	Reports                                []string
	Paragraphs, Figures, Comparisons, Docs int
	Failed                                 []string
}

func shapeOf(t *testing.T, root string) shape {
	t.Helper()
	idx, m, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	n, err := idx.DocCount()
	if err != nil {
		t.Fatal(err)
	}
	s := shape{Paragraphs: m.Paragraphs, Figures: m.Figures, Comparisons: m.Comparisons, Docs: int(n)}
	for _, r := range m.Reports {
		s.Reports = append(s.Reports, r.ID)
	}
	for _, f := range m.Failed {
		s.Failed = append(s.Failed, f.ID)
	}
	// Every report's documents are there, and no other's.
	for _, r := range m.Reports {
		res, err := idx.Search(bleve.NewSearchRequestOptions(termQuery(FieldReport, r.ID), 0, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 {
			t.Errorf("report %s has no documents", r.ID)
		}
	}
	return s
}

func fullShape(t *testing.T, dir string) shape {
	t.Helper()
	sources, err := corpus.SourcesSince([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if _, err := Build(context.Background(), root, sources, Options{SkipUnreadable: true}); err != nil {
		t.Fatal(err)
	}
	return shapeOf(t, root)
}

func update(t *testing.T, root, dir string) Change {
	t.Helper()
	sources, err := corpus.SourcesSince([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, c, err := Update(context.Background(), root, sources, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestUpdateIsABuildOfTheNewLibrary adds, changes and removes reports one
// at a time and checks after each step that the updated index is what a
// full build of the folder makes: the same reports, counts and documents
// (comparisons included, which pair reports of one place).
func TestUpdateIsABuildOfTheNewLibrary(t *testing.T) {
	dir := library(t, "014_national_2021_gwr.txt", "020_prov_guangdong_2026_gwr.txt")
	root := t.TempDir()
	if c := update(t, root, dir); !c.Full {
		t.Fatalf("first update of an empty root: %v, want a full build", c)
	}
	steps := []struct {
		name string
		do   func()
		want func(Change) bool
	}{
		{"add a report of the same place (national)", func() {
			data, _ := os.ReadFile(filepath.Join("..", "corpus", "testdata", "reports", "015_national_2024_gwr.txt"))
			os.WriteFile(filepath.Join(dir, "015_national_2024_gwr.txt"), data, 0o644)
		}, func(c Change) bool { return slices.Equal(c.Added, []string{"015-national-2024-gwr"}) && !c.Full }},
		{"change a report", func() {
			p := filepath.Join(dir, "020_prov_guangdong_2026_gwr.txt")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, []byte(strings.Replace(string(data), "。", "。\n\n", 1)), 0o644)
		}, func(c Change) bool { return len(c.Changed) == 1 && len(c.Added)+len(c.Removed) == 0 }},
		{"add a file that cannot be read", func() {
			os.WriteFile(filepath.Join(dir, "broken.txt"), []byte("\x00\x01\x02 not a report"), 0o644)
		}, func(c Change) bool { return len(c.Failed) == 1 && c.Failed[0].ID == "broken" }},
		{"nothing changed, an unreadable file still there", func() {},
			func(c Change) bool { return c.Empty() && len(c.Failed) == 1 }},
		{"a FIFO named like a report", func() {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
				t.Skip(err)
			}
		}, func(c Change) bool { return len(c.Failed) == 2 && slices.Equal(c.Added, []string{"pipe"}) }},
		{"the FIFO gone", func() { os.Remove(filepath.Join(dir, "pipe.txt")) },
			func(c Change) bool { return len(c.Failed) == 1 && slices.Equal(c.Removed, []string{"pipe"}) }},
		{"remove a report", func() {
			os.Remove(filepath.Join(dir, "014_national_2021_gwr.txt"))
		}, func(c Change) bool { return slices.Equal(c.Removed, []string{"014-national-2021-gwr"}) }},
		{"fix the broken file", func() {
			data, _ := os.ReadFile(filepath.Join("..", "corpus", "testdata", "reports", "031_prov_shanghai_2026_gwr.txt"))
			os.WriteFile(filepath.Join(dir, "broken.txt"), data, 0o644)
		}, func(c Change) bool { return slices.Equal(c.Changed, []string{"broken"}) && len(c.Failed) == 0 }},
	}
	for _, s := range steps {
		s.do()
		c := update(t, root, dir)
		if !s.want(c) {
			t.Errorf("%s: the update did %+v", s.name, c)
		}
		got, want := shapeOf(t, root), fullShape(t, dir)
		if !slices.Equal(got.Reports, want.Reports) || got.Paragraphs != want.Paragraphs || got.Figures != want.Figures ||
			got.Comparisons != want.Comparisons || got.Docs != want.Docs || !slices.Equal(got.Failed, want.Failed) {
			t.Errorf("%s: updated index %+v, a full build %+v", s.name, got, want)
		}
	}
	if c := update(t, root, dir); !c.Empty() {
		t.Errorf("an update with nothing changed did %v", c)
	}
}
