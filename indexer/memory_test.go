//go:build !race

// The race detector makes this test take half a minute; .ci/run runs it without.

package indexer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"reportsearch/corpus"
)

// TestBuildMemoryIsBounded checks that a build's memory does not grow with
// the number of reports: indexing the test reports ten times over (seven
// batches) must not keep much more memory live than indexing them twice
// (two batches). Live memory is what batches bound; the heap's total is that
// times the collector's slack (buildGCPercent). With one batch for
// everything, as before batches were bounded, live memory grew fivefold here.
func TestBuildMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 8 MB of reports")
	}
	const few, many = 2, 10
	reports := testSources(t)[1:] // the embedded report has no file to copy
	dir := t.TempDir()
	for i := range many {
		for _, src := range reports {
			data, err := os.ReadFile(src.Path)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, fmt.Sprintf("%02d_%s", i, filepath.Base(src.Path)))
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	copies, err := corpus.Sources([]string{dir}) // in file-name order: copy 0's reports first
	if err != nil {
		t.Fatal(err)
	}
	peakFew, mFew := peakHeap(t, copies[:few*len(reports)])
	peakMany, mMany := peakHeap(t, copies)
	docsFew, docsMany := mFew.Paragraphs+mFew.Figures, mMany.Paragraphs+mMany.Figures
	if docsMany != many/few*docsFew || docsFew <= DefaultBatchSize {
		t.Fatalf("%d and %d documents: the test wants a full batch against many", docsFew, docsMany)
	}
	t.Logf("peak live heap: %d MB for %d documents, %d MB for %d", peakFew>>20, docsFew, peakMany>>20, docsMany)
	// Live heap is sampled at collections, whose timing varies from run to
	// run: on this 2-core machine the ratio measured 1.1–2.1 over runs of
	// the same code (go test ./indexer -run MemoryIsBounded -count 5 -v).
	// With one batch for everything it was 5.7. The bound lies between.
	if peakMany > 3*peakFew {
		t.Errorf("peak live heap %d MB for %d documents, %d MB for %d: memory grows with the corpus", peakMany>>20, docsMany, peakFew>>20, docsFew)
	}
}

// peakHeap builds sources and returns the largest live heap (as marked by
// the last collection) seen during the build, sampled every few
// milliseconds.
func peakHeap(t *testing.T, sources []corpus.Source) (uint64, *Manifest) {
	t.Helper()
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	m, err := Build(context.Background(), t.TempDir(), sources, Options{})
	close(done)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	return peak, m
}
