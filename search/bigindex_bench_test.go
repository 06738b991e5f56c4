package search

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// BenchmarkSearchIndexClasses runs bench/queries.tsv's search classes on the
// index named by REPORTSEARCH_BENCH_INDEX (a synthetic corpus built with
// bench/corpus.sh and `reportsearch index`), per class, with p50 and p99:
//
//	REPORTSEARCH_BENCH_INDEX=/tmp/b500/index go test ./search -run '^$' -bench IndexClasses -benchtime 20x
func BenchmarkSearchIndexClasses(b *testing.B) {
	root := os.Getenv("REPORTSEARCH_BENCH_INDEX")
	if root == "" {
		b.Skip("REPORTSEARCH_BENCH_INDEX names no index")
	}
	e, err := Open(root)
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	classes := map[string][]string{}
	var order []string
	f, err := os.Open("../bench/queries.tsv")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if strings.HasPrefix(cols[0], "#") || len(cols) < 2 || cols[0] == "question" {
			continue
		}
		if classes[cols[0]] == nil {
			order = append(order, cols[0])
		}
		classes[cols[0]] = append(classes[cols[0]], cols[1])
	}
	for _, class := range order {
		b.Run(class, func(b *testing.B) { benchmarkQueries(b, e, classes[class]) })
	}
}
