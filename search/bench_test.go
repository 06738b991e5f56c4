package search

import (
	"context"

	"slices"
	"testing"
	"time"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// benchQueries are typical analyst queries: words, phrases, filters, a
// synonym, an exclusion.
var benchQueries = []string{
	"楼宇经济", "专精特新", "公厕", "无障碍", "就业", "二次供水", "地区生产总值", "宋韵",
	`"加装电梯"`, "养老 -疫情", "托育 OR 托位", "GDP", "经济增长目标", "建设 year:2023 kind:target",
	"domain:教育", "unit:台 figure:>100", "有机更新 part:四", "营商环境",
}

// benchmarkSearch runs the queries round-robin with snippets and facets and
// reports the median and 99th-percentile latency; every query must find
// something.
func benchmarkSearch(b *testing.B, e *Engine) {
	ctx := context.Background()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		q := benchQueries[i%len(benchQueries)]
		i++
		start := time.Now()
		res, err := e.Search(ctx, Request{Query: q, Size: 10, Snippets: 3})
		lat = append(lat, time.Since(start))
		if err != nil || res.Total == 0 {
			b.Fatalf("%q: %v, %d hits", q, err, res.Total)
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// go test ./search -run '^$' -bench Search -benchtime 2000x
func BenchmarkSearchDefault(b *testing.B) { benchmarkSearch(b, mustEngine(b)) }

func BenchmarkSearchAllReports(b *testing.B) {
	srcs, err := corpus.Sources([]string{"../corpus/testdata/reports"})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, err := indexer.Build(context.Background(), dir, append([]corpus.Source{corpus.DefaultSource()}, srcs...), indexer.Options{}); err != nil {
		b.Fatal(err)
	}
	e, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	benchmarkSearch(b, e)
}

// BenchmarkAsk answers the sample questions round-robin and reports the
// median and 99th-percentile latency; every question must be answered.
//
//	go test ./search -run '^$' -bench Ask -benchtime 2000x
func BenchmarkAsk(b *testing.B) {
	e := mustEngine(b)
	qs := []string{
		"2022年新培育境内外上市企业几家?", "医疗保险参保率是多少?", "2022年治安警情下降了多少?", "2023年筹建公租房多少平方米?",
		"35个省市重点项目完成投资多少?", "2023年计划新增多少托位?", "2022年地区生产总值是多少?", "GDP是多少?",
	}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		a, err := e.Ask(context.Background(), qs[i%len(qs)])
		lat = append(lat, time.Since(start))
		if err != nil || !a.Found {
			b.Fatalf("%s: %v, found %v", qs[i%len(qs)], err, a != nil && a.Found)
		}
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}
