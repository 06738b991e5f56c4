package corpus

import (
	"os"
	"testing"
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
