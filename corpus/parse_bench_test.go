package corpus

import (
	"os"
	"strings"
	"testing"
	"time"
)

// BenchmarkParseAll parses every test report and the default one, from
// bytes already read: the parser, figures, domains and commitments.
//
//	go test ./corpus -run '^$' -bench ParseAll -benchtime 20x
func BenchmarkParseAll(b *testing.B) {
	files := append(testReports(b), "reports/"+DefaultName)
	data := make([][]byte, len(files))
	total := 0
	for i, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data[i], total = d, total+len(d)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		figures := 0
		for i, d := range data {
			r, err := Parse(files[i], d)
			if err != nil {
				b.Fatal(err)
			}
			for range r.Figures() {
				figures++
			}
		}
		if figures < 2000 {
			b.Fatalf("%d figures in %d reports", figures, len(files))
		}
	}
}

// BenchmarkParseIsLinear guards against quadratic work on degenerate input:
// many short unpunctuated lines (one long paragraph), a front matter of
// one-character lines, deeply nested brackets. Each is parsed at 128 KB and
// at 512 KB, the best of three runs each: four times the input must take
// well under sixteen times as long, what quadratic work would take. It is a
// benchmark, not a test, because it measures wall-clock time (CI runs it
// once: go test ./corpus -run '^$' -bench ParseIsLinear -benchtime 1x).
func BenchmarkParseIsLinear(b *testing.B) {
	body := func(size int) string {
		var s strings.Builder
		s.WriteString("一、开始\n")
		for s.Len() < size {
			s.WriteString("没有标点的短行\n")
		}
		return s.String()
	}
	front := func(size int) string {
		var s strings.Builder
		for s.Len() < size {
			s.WriteString("字\n")
		}
		return s.String() + "一、开始\n正文。\n"
	}
	brackets := func(size int) string {
		return "一、开始\n" + strings.Repeat("(", size/2) + strings.Repeat(")", size/2) + "\n"
	}
	for _, tc := range []struct {
		name string
		gen  func(int) string
	}{{"body", body}, {"front-matter", front}, {"nested-brackets", brackets}} {
		b.Run(tc.name, func(b *testing.B) {
			small, large := tc.gen(128<<10), tc.gen(512<<10)
			for b.Loop() {
				ratio := float64(minParseTime(b, large)) / float64(minParseTime(b, small))
				b.ReportMetric(ratio, "ratio-4x")
				if ratio > 10 {
					b.Errorf("%s: 4× the input took %.1f× as long", tc.name, ratio)
				}
			}
		})
	}
}

func minParseTime(b *testing.B, input string) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		r, err := Parse("big.txt", []byte(input))
		best = min(best, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		checkInvariants(b, r)
	}
	return best
}
