package corpus

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden outlines in testdata/golden")

// TestGoldenOutlines compares each real report's outline with the one
// reviewed and committed in testdata/golden. After an intended parser change,
// run `go test ./corpus -run Golden -update` and review the diff.
func TestGoldenOutlines(t *testing.T) {
	files := append(testReports(t), filepath.Join("reports", DefaultName))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			r, err := ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := r.WriteOutline(&got); err != nil {
				t.Fatal(err)
			}
			for _, d := range r.Dropped {
				got.WriteString("dropped " + d.Reason + ": " + d.Text + "\n")
			}
			golden := filepath.Join("testdata", "golden", name+".outline")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("outline differs from %s:\n%s", golden, lineDiff(string(want), got.String()))
			}
		})
	}
}

// lineDiff lists the lines that differ, for a readable failure.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
		}
	}
	return b.String()
}
