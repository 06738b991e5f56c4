package search

import (
	"context"

	"slices"
	"testing"
	"time"

	"reportsearch/query"
)

// benchQueries are typical analyst queries: words, phrases, filters, a
// synonym, an exclusion.
var benchQueries = []string{
	"楼宇经济", "专精特新", "公厕", "无障碍", "就业", "二次供水", "地区生产总值", "宋韵",
	`"加装电梯"`, "养老 -疫情", "托育 OR 托位", "GDP", "经济增长目标", "建设 year:2023 kind:target",
	"domain:教育", "unit:台 figure:>100", "有机更新 part:四", "营商环境",
}

// benchmarkSearch runs benchQueries.
func benchmarkSearch(b *testing.B, e *Engine) { benchmarkQueries(b, e, benchQueries) }

// benchmarkQueries runs the queries round-robin with snippets and facets
// and reports the median and 99th-percentile latency; every query must find
// something.
func benchmarkQueries(b *testing.B, e *Engine, queries []string) {
	ctx := context.Background()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		q := queries[i%len(queries)]
		i++
		start := time.Now() // parsing included: a query arrives as text
		parsed, err := query.Parse(q)
		if err != nil {
			b.Fatal(err)
		}
		res, err := e.Search(ctx, Request{Query: parsed, Size: 10, Snippets: 3})
		lat = append(lat, time.Since(start))
		if err != nil {
			b.Fatalf("%q: %v", q, err)
		}
		if res.Total == 0 {
			b.Fatalf("%q: no hits", q)
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// go test ./search -run '^$' -bench Search -benchtime 2000x
func BenchmarkSearchDefault(b *testing.B) { benchmarkSearch(b, mustEngine(b)) }

// BenchmarkSearchAllReports searches the 17 test reports of 9 places.
func BenchmarkSearchAllReports(b *testing.B) { benchmarkSearch(b, mustMultiEngine(b)) }
