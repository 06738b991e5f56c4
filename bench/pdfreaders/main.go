// Command pdfreaders measures the PDF reader reportsearch uses (PDFium in
// WebAssembly, corpus/extract) against a pure-Go PDF reader
// (github.com/ledongthuc/pdf) on the same files, with poppler's pdftotext
// as the reference text: for each file, the time each takes and how much
// of the reference's text each gives back (F1 of character bigrams, white
// space ignored), and how many of its lines end inside a sentence (lines
// broken at the page's edge that a parser must join).
//
//	go run ./bench/pdfreaders corpus/testdata/published/pdf/*.pdf
//
// pdftotext must be on the PATH (Debian: poppler-utils).
package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"reportsearch/corpus/extract"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pdfreaders FILE.pdf ...")
		os.Exit(2)
	}
	// The first PDFium call compiles the module (or loads it from the
	// cache); it is timed apart, as a server pays it once.
	start := time.Now()
	if _, err := extract.Read(context.Background(), extract.PDF, mustRead(os.Args[1])); err != nil {
		fmt.Fprintln(os.Stderr, "pdfium:", err)
	}
	fmt.Printf("PDFium start-up and first file: %.2f s\n\n", time.Since(start).Seconds())
	fmt.Println("| file | reader | seconds | bigram F1 vs pdftotext | lines | lines ending mid-sentence |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, path := range os.Args[1:] {
		data := mustRead(path)
		ref, refTime, err := pdftotext(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, path, "pdftotext:", err)
			continue
		}
		row(path, "pdftotext (reference)", ref, refTime, ref)
		t := time.Now()
		doc, err := extract.Read(context.Background(), extract.PDF, data)
		if err != nil {
			fmt.Printf("| %s | PDFium (wasm) | — | error: %v | | |\n", path, err)
		} else {
			row(path, "PDFium (wasm), reportsearch", doc.Text, time.Since(t), ref)
		}
		t = time.Now()
		text, err := pureGo(path)
		if err != nil {
			fmt.Printf("| %s | ledongthuc/pdf | — | error: %v | | |\n", path, err)
		} else {
			row(path, "ledongthuc/pdf (pure Go)", text, time.Since(t), ref)
		}
	}
}

func row(path, reader, text string, took time.Duration, ref string) {
	lines, open := 0, 0
	for l := range strings.Lines(text) {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		lines++
		r, _ := utf8.DecodeLastRuneInString(l)
		if unicode.Is(unicode.Han, r) || r == '，' || r == '、' {
			open++
		}
	}
	fmt.Printf("| %s | %s | %.3f | %.3f | %d | %d |\n", path, reader, took.Seconds(), bigramF1(text, ref), lines, open)
}

func mustRead(path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return data
}

func pdftotext(path string) (string, time.Duration, error) {
	start := time.Now()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	return string(out), time.Since(start), err
}

func pureGo(path string) (string, error) {
	f, r, err := pdf.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	plain, err := r.GetPlainText()
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	_, err = b.ReadFrom(plain)
	return b.String(), err
}

// bigramF1 compares two texts by their multisets of character bigrams,
// white space dropped: 1 when one gives back all of the other and nothing
// else.
func bigramF1(got, want string) float64 {
	bigrams := func(s string) map[string]int {
		var rs []rune
		for _, r := range s {
			if !unicode.IsSpace(r) {
				rs = append(rs, r)
			}
		}
		m := map[string]int{}
		for i := 0; i+1 < len(rs); i++ {
			m[string(rs[i:i+2])]++
		}
		return m
	}
	g, w := bigrams(got), bigrams(want)
	common, ng, nw := 0, 0, 0
	for k, n := range g {
		ng += n
		common += min(n, w[k])
	}
	for _, n := range w {
		nw += n
	}
	if ng == 0 || nw == 0 {
		return 0
	}
	p, r := float64(common)/float64(ng), float64(common)/float64(nw)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
