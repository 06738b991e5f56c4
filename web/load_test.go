package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

// The load check: real HTTP over 127.0.0.1 against the shared index, four
// concurrent clients on this 2-core machine, every response checked.
//
//	go test ./web -run '^$' -bench 'API' -benchtime 3000x -count 3
//
// It reports requests/s and the p50/p99 latency a client sees.

func BenchmarkAPISearch(b *testing.B) {
	f := setup(b)
	var targets []string
	for fig := range f.reports.all[0].Figures() {
		if n := utf8.RuneCountInString(fig.Indicator); n >= 2 && n <= 8 {
			targets = append(targets, "/api/search?q="+url.QueryEscape(fig.Indicator))
		}
	}
	loadCheck(b, f, targets)
}

func BenchmarkAPIAsk(b *testing.B) {
	f := setup(b)
	var targets []string
	for fig := range f.reports.all[0].Figures() {
		if fig.Year != 0 && fig.Indicator != "" {
			targets = append(targets, "/api/ask?q="+url.QueryEscape(fmt.Sprintf("%d年%s是多少？", fig.Year, fig.Indicator)))
		}
	}
	loadCheck(b, f, targets)
}

func loadCheck(b *testing.B, f *fixture, targets []string) {
	if len(targets) < 10 {
		b.Fatalf("only %d targets", len(targets))
	}
	ts := httptest.NewServer(f.server)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}, Timeout: 10 * time.Second}
	var (
		next      atomic.Int64
		failures  atomic.Int64
		mu        sync.Mutex
		latencies []time.Duration
		errOnce   sync.Once
		firstErr  error
	)
	b.SetParallelism(2) // 2 × GOMAXPROCS(2) = 4 clients
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			target := ts.URL + targets[int(next.Add(1))%len(targets)]
			t0 := time.Now()
			resp, err := client.Get(target)
			if err == nil {
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err == nil && resp.StatusCode != http.StatusOK {
					err = fmt.Errorf("%s: status %d", target, resp.StatusCode)
				}
			}
			mine = append(mine, time.Since(t0))
			if err != nil {
				failures.Add(1)
				errOnce.Do(func() { firstErr = err })
			}
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	if n := failures.Load(); n > 0 {
		b.Fatalf("%d of %d requests failed; first: %v", n, len(latencies), firstErr)
	}
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		return float64(latencies[min(len(latencies)-1, int(p*float64(len(latencies))))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
