// Command httpload is the HTTP side of the search benchmark (see bench/README.md).
// It lives under bench/testdata/ so that it is no package of the module: the go
// tool's ./... and the layering test (internal/arch) leave testdata alone.
// Build it with `go build -o /tmp/httpload ./bench/httpload`.
//
// It reads bench/queries.tsv (class<TAB>query[<TAB>peer query]; lines starting
// with # are comments), and runs every query sequentially against a running
// `reportsearch serve` over one keep-alive connection: /api/search?q=…&size=10,
// and for the class "question" /api/ask?q=…. One untimed warm-up pass checks
// the answers; then the set runs -n times. Every response must be 200 and JSON
// of the expected shape (search: total and hits with id, a query of the file
// must have a hit; ask: found, and paragraphs when nothing was found). It prints
// per class p50, p99 and max in ms (nearest rank; the time from sending the
// request to the last byte of the body) and every error, and exits 1 when
// there was one. Lines starting with RESULT are for bench/run.sh.
//
// Standard library only; not a dependency of the program.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"
)

type query struct {
	class, text string
	line        int
}

type searchAnswer struct {
	Total *int `json:"total"`
	Hits  []struct {
		ID string `json:"id"`
	} `json:"hits"`
}

type askAnswer struct {
	Found      *bool             `json:"found"`
	Answer     string            `json:"answer"`
	Paragraphs []json.RawMessage `json:"paragraphs"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address of the running server (host:port or URL)")
	file := flag.String("queries", "bench/queries.tsv", "query file: class<TAB>query[<TAB>peer query]")
	n := flag.Int("n", 20, "how many times to run the whole query set (after one warm-up pass)")
	timeout := flag.Duration("timeout", 15*time.Second, "timeout of one request")
	flag.Parse()
	if *n < 1 {
		fmt.Fprintln(os.Stderr, "httpload: -n must be at least 1")
		os.Exit(2)
	}
	base := *addr
	if !strings.Contains(base, "://") {
		base = "http://" + base
	}
	base = strings.TrimRight(base, "/")

	qs, err := readQueries(*file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "httpload:", err)
		os.Exit(1)
	}
	client := &http.Client{
		Timeout:   *timeout,
		Transport: &http.Transport{MaxIdleConnsPerHost: 1, DisableCompression: true},
	}

	var errs []string
	found, asked := 0, 0
	// The warm-up pass: every answer is checked, none is timed.
	for _, q := range qs {
		_, ok, err := do(client, base, q)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d %s %q: %v", *file, q.line, q.class, q.text, err))
			continue
		}
		if q.class == "question" {
			asked++
			if ok {
				found++
			}
		}
	}

	times := map[string][]float64{}
	perQuery := make([][]float64, len(qs))
	var order []string
	for range *n {
		for i, q := range qs {
			d, _, err := do(client, base, q)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s:%d %s %q: %v", *file, q.line, q.class, q.text, err))
				continue
			}
			if _, seen := times[q.class]; !seen {
				order = append(order, q.class)
			}
			ms := float64(d.Microseconds()) / 1000
			times[q.class] = append(times[q.class], ms)
			perQuery[i] = append(perQuery[i], ms)
		}
	}

	fmt.Printf("reportsearch over HTTP at %s: %d queries x %d repeats (after 1 warm-up pass)\n", base, len(qs), *n)
	fmt.Printf("%-10s %5s %9s %9s %9s\n", "class", "n", "p50 ms", "p99 ms", "max ms")
	for _, c := range order {
		ms := times[c]
		sort.Float64s(ms)
		p50, p99, mx := percentile(ms, 50), percentile(ms, 99), ms[len(ms)-1]
		fmt.Printf("%-10s %5d %9.2f %9.2f %9.2f\n", c, len(ms), p50, p99, mx)
		fmt.Printf("RESULT\tours\t%s\t%.3f\t%.3f\t%.3f\t%d\n", c, p50, p99, mx, len(ms))
	}
	slowest := make([]int, 0, len(qs))
	for i := range qs {
		if len(perQuery[i]) > 0 {
			sort.Float64s(perQuery[i])
			slowest = append(slowest, i)
		}
	}
	sort.SliceStable(slowest, func(a, b int) bool {
		return percentile(perQuery[slowest[a]], 50) > percentile(perQuery[slowest[b]], 50)
	})
	fmt.Println("slowest queries (p50 ms):")
	for _, i := range slowest[:min(8, len(slowest))] {
		fmt.Printf("  %8.2f  %-9s %s\n", percentile(perQuery[i], 50), qs[i].class, qs[i].text)
		fmt.Printf("SLOW\tours\t%s\t%s\t%.3f\n", qs[i].class, qs[i].text, percentile(perQuery[i], 50))
	}
	if asked > 0 {
		fmt.Printf("questions answered (found: true): %d of %d\n", found, asked)
		fmt.Printf("FOUND\tours\t%d\t%d\n", found, asked)
	}
	for _, e := range errs {
		fmt.Printf("ERROR\tours\t%s\n", e)
	}
	fmt.Printf("errors: %d\n", len(errs))
	if len(errs) > 0 {
		os.Exit(1)
	}
}

// do runs one query and checks its answer. For a question, ok is whether it
// was answered (found: true).
func do(client *http.Client, base string, q query) (d time.Duration, ok bool, err error) {
	u := base + "/api/search?size=10&q=" + url.QueryEscape(q.text)
	if q.class == "question" {
		u = base + "/api/ask?q=" + url.QueryEscape(q.text)
	}
	start := time.Now()
	resp, err := client.Get(u)
	if err != nil {
		return 0, false, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d = time.Since(start)
	if err != nil {
		return d, false, err
	}
	if resp.StatusCode != http.StatusOK {
		return d, false, fmt.Errorf("status %d: %.200s", resp.StatusCode, body)
	}
	if q.class == "question" {
		var a askAnswer
		if err := json.Unmarshal(body, &a); err != nil {
			return d, false, fmt.Errorf("ask: not JSON: %v", err)
		}
		if a.Found == nil {
			return d, false, errors.New("ask: no \"found\" in the answer")
		}
		if *a.Found && a.Answer == "" {
			return d, false, errors.New("ask: found but no answer")
		}
		if !*a.Found && len(a.Paragraphs) == 0 {
			return d, false, errors.New("ask: not found and no paragraphs")
		}
		return d, *a.Found, nil
	}
	var s searchAnswer
	if err := json.Unmarshal(body, &s); err != nil {
		return d, false, fmt.Errorf("search: not JSON: %v", err)
	}
	switch {
	case s.Total == nil:
		return d, false, errors.New("search: no \"total\" in the answer")
	case *s.Total == 0 || len(s.Hits) == 0:
		return d, false, errors.New("search: no hit")
	case len(s.Hits) > 10:
		return d, false, fmt.Errorf("search: %d hits for size=10", len(s.Hits))
	}
	for i, h := range s.Hits {
		if h.ID == "" {
			return d, false, fmt.Errorf("search: hit %d has no id", i)
		}
	}
	return d, true, nil
}

func readQueries(path string) ([]query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var qs []query
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cols := strings.Split(t, "\t")
		if len(cols) < 2 || cols[0] == "" || strings.TrimSpace(cols[1]) == "" {
			return nil, fmt.Errorf("%s:%d: want class<TAB>query[<TAB>peer query]", path, line)
		}
		qs = append(qs, query{class: cols[0], text: cols[1], line: line})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("%s: no queries", path)
	}
	return qs, nil
}

// percentile is the nearest-rank percentile of an ascending slice.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	k := int(math.Ceil(p / 100 * float64(len(sorted))))
	k = max(k, 1)
	return sorted[k-1]
}
