package indexer

import (
	"context"
	"testing"

	"reportsearch/corpus"
)

// benchmarkBuild builds an index of sources and reports MB/s of paragraph
// text; it checks that every paragraph was indexed.
func benchmarkBuild(b *testing.B, sources []corpus.Source) {
	if _, err := SharedSegmenter(); err != nil {
		b.Fatal(err)
	}
	var m *Manifest
	for b.Loop() {
		var err error
		if m, err = Build(context.Background(), b.TempDir(), sources, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	if m.Paragraphs == 0 || len(m.Reports) != len(sources) {
		b.Fatalf("manifest %+v", m)
	}
	b.SetBytes(m.TextBytes)
}

// go test ./indexer -run '^$' -bench Build -benchtime 5x
func BenchmarkBuildDefault(b *testing.B) { benchmarkBuild(b, []corpus.Source{corpus.DefaultSource()}) }
func BenchmarkBuildAll(b *testing.B)     { benchmarkBuild(b, testSources(b)) }
