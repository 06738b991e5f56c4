//go:build !race

// The race detector multiplies memory and time; .ci/run runs this without.

package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"reportsearch/ask"
	"reportsearch/internal/testengine"
	"reportsearch/internal/testindex"
)

// TestListsUnderLoadKeepMemoryBounded: 64 clients download every figure,
// commitment and comparison of 51 reports as CSV and as pages of 1,000,
// for a few seconds, against a real server. The live heap stays within a
// bound of the idle heap — lists stream in chunks and at most two per core
// run at once — and every response is 200 or 503 with Retry-After. With
// the bound lifted (MaxInFlight 1000), the live heap peaked at 320 MB
// against 23 MB idle; with it, at 64 MB.
func TestListsUnderLoadKeepMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a server of 51 reports for seconds")
	}
	engine := testengine.Engine(t, testindex.Copies(3))
	asker, err := ask.New(engine, ask.DefaultWeights)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Index: engine, Asker: asker})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	paths := []string{"/api/figures?format=csv", "/api/commitments?format=csv", "/api/comparisons?format=csv",
		"/api/figures?limit=1000", "/api/commitments?limit=1000", "/api/comparisons?limit=1000"}
	runtime.GC()
	idle := liveHeap()
	var peak atomic.Uint64
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Go(func() {
		for {
			if h := liveHeap(); h > peak.Load() {
				peak.Store(h)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
	deadline := time.Now().Add(3 * time.Second)
	var ok, busy, bad atomic.Int64
	var clients sync.WaitGroup
	for i := range 64 {
		clients.Go(func() {
			for j := i; time.Now().Before(deadline); j++ {
				resp, err := client.Get(ts.URL + paths[j%len(paths)])
				if err != nil {
					bad.Add(1)
					continue
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				switch {
				case err == nil && resp.StatusCode == http.StatusOK:
					ok.Add(1)
				case err == nil && resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "":
					busy.Add(1)
				default:
					bad.Add(1)
				}
			}
		})
	}
	clients.Wait()
	close(stop)
	sampler.Wait()
	t.Logf("%d answered, %d busy; live heap %d MB idle, %d MB peak", ok.Load(), busy.Load(), idle>>20, peak.Load()>>20)
	if bad.Load() > 0 || ok.Load() == 0 {
		t.Errorf("%d responses neither 200 nor 503 with Retry-After (%d were 200)", bad.Load(), ok.Load())
	}
	if limit := 2*idle + 64<<20; peak.Load() > limit {
		t.Errorf("live heap peaked at %d MB against %d MB idle: more than twice idle and 64 MB", peak.Load()>>20, idle>>20)
	}
}

// liveHeap is the live heap the last collection marked.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
