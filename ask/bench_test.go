package ask_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"reportsearch/internal/testengine"
	"reportsearch/internal/testindex"
)

// BenchmarkAsk answers the sample questions round-robin and reports the
// median and 99th-percentile latency; every question must be answered.
//
//	go test ./ask -run '^$' -bench Ask -benchtime 2000x
func BenchmarkAsk(b *testing.B) {
	a := testengine.Asker(b, testindex.Default)
	qs := []string{
		"2022年新培育境内外上市企业几家?", "医疗保险参保率是多少?", "2022年治安警情下降了多少?", "2023年筹建公租房多少平方米?",
		"35个省市重点项目完成投资多少?", "2023年计划新增多少托位?", "2022年地区生产总值是多少?", "GDP是多少?",
	}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		ans, err := a.Ask(context.Background(), qs[i%len(qs)])
		lat = append(lat, time.Since(start))
		if err != nil || !ans.Found {
			b.Fatalf("%s: %v, found %v", qs[i%len(qs)], err, ans != nil && ans.Found)
		}
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}
