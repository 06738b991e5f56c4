package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// blankPDF is a well-formed PDF of n empty pages: what a scan's text layer
// holds (nothing), without the pictures.
func blankPDF(n int) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(s string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), s)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 3+i)
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n))
	for range n {
		obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// TestPDFRefuses: a PDF without a text layer, a damaged one and one cut
// short each get an error that says so, never a panic or a hang.
func TestPDFRefuses(t *testing.T) {
	real, err := os.ReadFile(filepath.Join("..", "testdata", "published", "pdf", "prov_beijing_2024_gwr.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"no text layer (a scan)", blankPDF(3), ErrNoTextLayer},
		{"not a PDF after its header", append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("garbage "), 500)...), ErrDamaged},
		{"cut to its first 4 KB", real[:4096], nil}, // PDFium repairs what it can: an error or text, either is fine
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(context.Background(), PDF, c.data)
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("error %v, want %v", err, c.want)
			}
			if err != nil && (errors.Is(err, ErrNoTextLayer) && !strings.Contains(err.Error(), "OCR")) {
				t.Errorf("the message does not say what to do: %v", err)
			}
		})
	}
	// The reader still works after a damaged file.
	if d, err := Read(context.Background(), PDF, real); err != nil || !strings.Contains(d.Text, "北京") {
		t.Errorf("after the bad files, a good one: %v", err)
	}
}

// TestPDFConcurrentReads reads the same PDF from several goroutines: the
// workers share nothing, and every read gives the same text.
func TestPDFConcurrentReads(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "published", "pdf", "prov_beijing_2024_gwr.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	first, err := Read(context.Background(), PDF, data)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			d, err := Read(context.Background(), PDF, data)
			if err != nil || d.Text != first.Text {
				t.Errorf("a concurrent read differs (%v)", err)
			}
		})
	}
	wg.Wait()
}

// TestPDFCancelled: a read whose context ends stops with the context's
// error, and the next read works (the closed worker is not reused).
func TestPDFCancelled(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "published", "pdf", "prov_beijing_2024_gwr.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(context.Background(), PDF, data); err != nil { // PDFium started
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, PDF, data); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled read: %v", err)
	}
	for range 3 { // more reads than workers
		if d, err := Read(context.Background(), PDF, data); err != nil || !strings.Contains(d.Text, "北京") {
			t.Fatalf("a read after the cancelled one: %v", err)
		}
	}
}
