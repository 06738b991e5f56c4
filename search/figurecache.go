package search

import (
	"sync"

	"reportsearch/corpus"
)

// A question's figures are found by a search that may return 200 of them,
// and decoding each from its stored fields costs more than the search: a
// question asked in parts, or in several places, finds many of them again.
// An engine's index does not change (a rebuilt index is a new engine), so
// a figure decoded once is kept, up to a bound.

// maxCachedFigures bounds the figures an engine keeps decoded: about a
// kilobyte each, so some tens of megabytes at most.
const maxCachedFigures = 50_000

// figureCache keeps decoded figures by document ID. It is safe for
// concurrent use; the figures it returns are shared and must not be
// modified.
type figureCache struct {
	mu   sync.Mutex
	figs map[string]*corpus.Figure
}

// get returns the figures of ids it has, by ID, and the IDs it has not.
func (c *figureCache) get(ids []string) (map[string]*corpus.Figure, []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	have := make(map[string]*corpus.Figure, len(ids))
	var missing []string
	for _, id := range ids {
		if f, ok := c.figs[id]; ok {
			have[id] = f
		} else {
			missing = append(missing, id)
		}
	}
	return have, missing
}

// put keeps figures by ID; when the bound is reached it starts afresh,
// which costs a few decodes and keeps the cache simple.
func (c *figureCache) put(figs map[string]*corpus.Figure) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.figs == nil || len(c.figs)+len(figs) > maxCachedFigures {
		c.figs = make(map[string]*corpus.Figure, len(figs))
	}
	for id, f := range figs {
		c.figs[id] = f
	}
}
