package indexer

import (
	"runtime/debug"
	"sync"
)

// buildGCPercent is the garbage collector's target while a build runs. A
// build allocates tokens, postings and maps that all live until the segment
// is written; at Go's default (100) the collector runs over that live set
// again and again. Twice the default made builds ~10% faster and 200 → 400
// gained nothing more (go test ./indexer -bench BuildAll -cpu 1), while peak
// memory grows with it (one batch, see DefaultBatchSize).
const buildGCPercent = 200

var gcDuringBuilds struct {
	sync.Mutex
	builds   int
	previous int
}

// relaxGC raises the collector's target for the duration of a build and
// returns the function that restores it. Concurrent builds share one
// setting; the last to finish restores the program's own.
func relaxGC() (restore func()) {
	g := &gcDuringBuilds
	g.Lock()
	if g.builds == 0 {
		g.previous = debug.SetGCPercent(buildGCPercent)
		if g.previous < 0 || g.previous > buildGCPercent { // GC off or already relaxed: leave it
			debug.SetGCPercent(g.previous)
		}
	}
	g.builds++
	g.Unlock()
	return func() {
		g.Lock()
		defer g.Unlock()
		if g.builds--; g.builds == 0 {
			debug.SetGCPercent(g.previous)
		}
	}
}
