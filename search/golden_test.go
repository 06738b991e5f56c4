package search

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsearch/internal/golden"
)

// relSets are the relevance sets with the engine that ranks them.
var relSets = []struct {
	file   string // under testdata
	engine func(testing.TB) *Engine
}{
	{"rel_dev.tsv", mustEngine},
	{"rel_more.tsv", mustEngine},
	{"rel_multi.tsv", mustMultiEngine},
}

// relQueries reads the queries of a relevance file (query, a tab, the
// evidence eval judges by; # comments).
func relQueries(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			q, _, _ := strings.Cut(line, "\t")
			qs = append(qs, strings.TrimSpace(q))
		}
	}
	return qs
}

// TestGoldenRankings compares each relevance query's first ten hits (ID and
// how each matched) and total with testdata/golden/rel/<set>, so that a
// change to ranking shows which queries it moved. After an intended
// change, run `go test ./search -run GoldenRankings -update` and review the
// diff.
func TestGoldenRankings(t *testing.T) {
	for _, set := range relSets {
		t.Run(set.file, func(t *testing.T) {
			e := set.engine(t)
			var got bytes.Buffer
			got.WriteString("# query\ttotal\tthe first ten hits: ID (match)\n")
			for _, q := range relQueries(t, set.file) {
				res, err := e.Search(context.Background(), Request{Query: parse(t, q), Size: 10, Snippets: 1})
				if err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				var hits []string
				for _, h := range res.Hits {
					hits = append(hits, h.ID+" ("+h.Match+")")
				}
				fmt.Fprintf(&got, "%s\t%d\t%s\n", q, res.Total, strings.Join(hits, " "))
			}
			golden.Check(t, filepath.Join("testdata", "golden", "rel", set.file), got.Bytes())
		})
	}
}
