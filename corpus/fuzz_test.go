package corpus

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to the reader and parser. Every input must
// give either a report or an error, never a panic, and every report must keep
// the invariants (unique URL-safe IDs, spans inside their text).
//
//	go test ./corpus -run '^$' -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/reports/*.txt")
	files = append(files, filepath.Join("reports", DefaultName))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		// Short seeds mutate fast; whole reports would spend the fuzzing
		// time being minimized. The whole reports are parsed by other tests.
		f.Add(data[:min(len(data), 4096)])
	}
	f.Add([]byte("一、回顾\n（一）甲\n1.乙。丙。\n附件1\n名词\n一、重启"))
	f.Add([]byte("\xef\xbb\xbf\r\n(一)\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.txt", data)
		if err != nil {
			if r != nil {
				t.Fatalf("Parse returned both a report and an error: %v", err)
			}
			return
		}
		if r == nil {
			t.Fatal("Parse returned neither a report nor an error")
		}
		checkInvariants(t, r)
		for p := range r.Paragraphs() {
			if !utf8.ValidString(p.Text) {
				t.Fatalf("%s: invalid UTF-8", p.ID)
			}
		}
	})
}
