package indexer

import (
	"testing"

	"reportsearch/corpus"
)

// BenchmarkLoadSegmenter measures the dictionary load, the program's main
// start-up cost.
//
//	go test ./indexer -run '^$' -bench LoadSegmenter -benchmem
func BenchmarkLoadSegmenter(b *testing.B) {
	for b.Loop() {
		s, err := loadSegmenter()
		if err != nil {
			b.Fatal(err)
		}
		if s.tokens < minDictionaryTokens {
			b.Fatalf("%d tokens", s.tokens)
		}
	}
}

// BenchmarkWords measures search-mode segmentation with offsets over the
// default report; b.SetBytes makes go test print MB/s.
func BenchmarkWords(b *testing.B) {
	s := mustSegmenter(b)
	r, err := corpus.Default()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for p := range r.Paragraphs() {
		texts = append(texts, p.Text)
		size += len(p.Text)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		n := 0
		for _, t := range texts {
			n += len(s.Words(t))
		}
		if n < size/10 {
			b.Fatalf("only %d words in %d bytes", n, size)
		}
	}
}
