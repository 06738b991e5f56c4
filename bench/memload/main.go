// Command memload is the memory side of the load check (see bench/README.md):
// it runs -c concurrent clients against a running `reportsearch serve` for
// -d, each looping over the paths of every list and search endpoint (pages
// and CSV downloads of every figure, commitment and comparison, searches,
// questions), while it samples the server's resident memory from
// /proc/PID/status. It prints the idle RSS, the peak, their ratio, and per
// path how many responses were 200 and how many 503 (the server's bound on
// concurrent expensive requests, with Retry-After). It exits 1 when a
// response had another status or did not arrive whole, or when the peak
// exceeds -max-ratio × idle.
//
// Standard library only; not a dependency of the program. Loopback only:
// the address must be 127.0.0.1.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// paths are what every client asks in turn: each list endpoint as a page
// and as a download, and the search and answer endpoints.
var paths = []string{
	"/api/figures?limit=1000",
	"/api/figures?format=csv",
	"/api/commitments?limit=1000",
	"/api/commitments?format=csv",
	"/api/comparisons?limit=1000",
	"/api/comparisons?format=csv",
	"/api/figures?q=" + url.QueryEscape("生产总值") + "&limit=1000",
	"/api/search?q=" + url.QueryEscape("发展") + "&size=100",
	"/api/search?q=" + url.QueryEscape("就业") + "&group=report",
	"/api/ask?q=" + url.QueryEscape("2023年地区生产总值是多少"),
	"/figures",
	"/?q=" + url.QueryEscape("教育"),
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "the server's address (loopback only)")
	pid := flag.Int("pid", 0, "the server's process ID, to read its memory")
	clients := flag.Int("c", 64, "concurrent clients")
	dur := flag.Duration("d", 20*time.Second, "how long to load it")
	maxRatio := flag.Float64("max-ratio", 2, "fail when peak RSS exceeds this × idle RSS")
	flag.Parse()
	if !strings.HasPrefix(*addr, "127.0.0.1:") || *pid <= 0 {
		fmt.Fprintln(os.Stderr, "memload: -addr must be 127.0.0.1:PORT and -pid the server's process")
		os.Exit(2)
	}
	idle, err := rss(*pid)
	if err != nil {
		fmt.Fprintln(os.Stderr, "memload:", err)
		os.Exit(1)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *dur)
	defer cancel()
	peak := idle
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for ctx.Err() == nil {
			if r, err := rss(*pid); err == nil && r > peak {
				peak = r
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	var mu sync.Mutex
	counts := map[string]map[string]int{} // path → status → responses
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *clients}, Timeout: 60 * time.Second}
	var wg sync.WaitGroup
	for i := range *clients {
		wg.Go(func() {
			for j := i; ctx.Err() == nil; j++ {
				p := paths[j%len(paths)]
				status := fetch(ctx, client, "http://"+*addr+p)
				if status == "" {
					continue // the load ended during the request
				}
				mu.Lock()
				if counts[p] == nil {
					counts[p] = map[string]int{}
				}
				counts[p][status]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	<-sampled
	failed := false
	fmt.Printf("clients %d for %v\n", *clients, *dur)
	sorted := make([]string, 0, len(counts))
	for p := range counts {
		sorted = append(sorted, p)
	}
	sort.Strings(sorted)
	for _, p := range sorted {
		var parts []string
		for s, n := range counts[p] {
			parts = append(parts, fmt.Sprintf("%s×%d", s, n))
			if s != "200" && s != "503" {
				failed = true
			}
		}
		sort.Strings(parts)
		fmt.Printf("  %-60s %s\n", p, strings.Join(parts, " "))
	}
	ratio := float64(peak) / float64(idle)
	fmt.Printf("RESULT rss_idle_mb=%.0f rss_peak_mb=%.0f ratio=%.2f\n", float64(idle)/1024, float64(peak)/1024, ratio)
	if ratio > *maxRatio {
		fmt.Printf("peak RSS is %.2f× idle, above %.2f×\n", ratio, *maxRatio)
		failed = true
	}
	if failed {
		os.Exit(1)
	}
}

// fetch asks for u and reads the whole body; it returns the status, or
// "cut" when the body did not arrive whole, or "" when ctx ended.
func fetch(ctx context.Context, c *http.Client, u string) string {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := c.Do(req)
	if ctx.Err() != nil {
		return ""
	}
	if err != nil {
		return "error"
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		if ctx.Err() != nil {
			return ""
		}
		return "cut"
	}
	return strconv.Itoa(resp.StatusCode)
}

// rss is the process's resident set size in kB.
func rss(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/%d/status", pid)
}
