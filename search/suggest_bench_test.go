package search

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"reportsearch/internal/testindex"
)

// BenchmarkSuggest types real vocabulary entries character by character,
// as a user does (each prefix one request), on the embedded report and on
// the index of every test report, and reports p50 and p99 per request; it
// fails when a prefix of an entry does not suggest entries containing it,
// or when p99 exceeds the budget of 20 ms. The vocabulary is read before
// the clock starts; BenchmarkVocabulary measures reading it.
//
//	go test ./search -run '^$' -bench Suggest -benchtime 2000x
func BenchmarkSuggest(b *testing.B) {
	for _, set := range []testindex.Set{testindex.Default, testindex.Unseen} {
		b.Run(string(set), func(b *testing.B) {
			e := mustEngineOf(b, set)
			v, err := e.vocab()
			if err != nil {
				b.Fatal(err)
			}
			var typed []string
			for i := 0; i < len(v.entries); i += max(1, len(v.entries)/200) {
				rs := []rune(v.entries[i].text)
				for n := 1; n <= min(len(rs), 6); n++ {
					typed = append(typed, string(rs[:n]))
				}
			}
			ctx := context.Background()
			var lat []time.Duration
			i := 0
			for b.Loop() {
				q := typed[i%len(typed)]
				i++
				start := time.Now()
				got, err := e.Suggest(ctx, q, DefaultSuggestions)
				lat = append(lat, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				if len(got) == 0 || !strings.Contains(strings.ToLower(got[0].Text), strings.ToLower(q)) {
					b.Fatalf("%q: suggested %v", q, got)
				}
			}
			slices.Sort(lat)
			p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
			b.ReportMetric(float64(p50.Microseconds()), "p50-µs")
			b.ReportMetric(float64(p99.Microseconds()), "p99-µs")
			if p99 > 20*time.Millisecond {
				b.Errorf("p99 %v over the 20 ms budget", p99)
			}
		})
	}
}

// BenchmarkVocabulary reads the vocabulary of an index, as the first
// suggestion or correction of an engine does, and reports its entries and
// the heap it keeps.
//
//	go test ./search -run '^$' -bench Vocabulary -benchtime 5x
func BenchmarkVocabulary(b *testing.B) {
	for _, set := range []testindex.Set{testindex.Default, testindex.Unseen} {
		b.Run(string(set), func(b *testing.B) {
			e := mustEngineOf(b, set)
			var v *vocabulary
			var kept uint64
			for b.Loop() {
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				var err error
				if v, err = e.buildVocabulary(); err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				kept = after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
			}
			if len(v.entries) == 0 {
				b.Fatal("an empty vocabulary")
			}
			b.ReportMetric(float64(len(v.entries)), "entries")
			b.ReportMetric(float64(kept)/(1<<20), "heap-MB")
			runtime.KeepAlive(v)
		})
	}
}
