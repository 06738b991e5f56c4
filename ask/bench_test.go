package ask_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"reportsearch/eval"
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

// BenchmarkAskUnseen asks the tuning questions of the development corpus
// round-robin of an index of every test report (88 reports) and reports
// the median and 99th-percentile latency. Each question must get the same
// answer every time it is asked.
//
//	go test ./ask -run '^$' -bench AskUnseen -benchtime 3000x
func BenchmarkAskUnseen(b *testing.B) {
	a := testengine.Asker(b, testindex.Unseen)
	f, err := os.Open("testdata/unseen/tuning.tsv")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	qs, err := eval.ReadQA(f)
	if err != nil || len(qs) < 200 {
		b.Fatalf("%d questions, %v", len(qs), err)
	}
	first := map[string]string{}
	var lat []time.Duration
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)].Question
		start := time.Now()
		ans, err := a.Ask(context.Background(), q)
		lat = append(lat, time.Since(start))
		if err != nil {
			b.Fatalf("%s: %v", q, err)
		}
		cited := ""
		if ans.Citation != nil {
			cited = ans.Citation.ID
		}
		got := fmt.Sprint(ans.Found, ans.Answer, cited)
		if was, ok := first[q]; ok && was != got {
			b.Fatalf("%s: %s, then %s", q, was, got)
		}
		first[q] = got
		i++
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}
