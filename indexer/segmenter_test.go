package indexer

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"reportsearch/t2s"
)

func mustSegmenter(t testing.TB) *Segmenter {
	t.Helper()
	s, err := SharedSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPolicyTermsAreOneToken checks that every term of the policy
// dictionary comes out of the segmenter whole, alone and inside a sentence.
func TestPolicyTermsAreOneToken(t *testing.T) {
	s := mustSegmenter(t)
	terms := PolicyTerms()
	if len(terms) < 300 {
		t.Fatalf("%d policy terms, want several hundred", len(terms))
	}
	for _, term := range terms {
		if got := s.Cut(term); len(got) != 1 || got[0] != strings.ToLower(term) {
			t.Errorf("Cut(%q) = %q", term, got)
		}
	}
}

func TestWordsHaveTrueOffsets(t *testing.T) {
	s := mustSegmenter(t)
	for _, text := range []string{
		"预计全年实现地区生产总值2525亿元，同比增长3.3%。",
		"完成既有住宅加装电梯127台；GDP增长5.2%，新建5G基站。",
		"",
		"ＡＢＣ混合Text文本",
	} {
		runes := []rune(text)
		for _, w := range s.Words(text) {
			if w.Start < 0 || w.End > len(text) || w.Start >= w.End {
				t.Fatalf("%q: word %+v out of range", text, w)
			}
			if !strings.EqualFold(text[w.Start:w.End], w.Text) {
				t.Errorf("%q: word %q at [%d,%d) covers %q", text, w.Text, w.Start, w.End, text[w.Start:w.End])
			}
			if string(runes[w.Position:w.Position+len([]rune(w.Text))]) != text[w.Start:w.End] {
				t.Errorf("%q: position %d of %q is wrong", text, w.Position, w.Text)
			}
		}
	}
	var got []string
	for _, w := range s.Words("地区生产总值") {
		got = append(got, w.Text)
	}
	if strings.Join(got, " ") != "地区生产总值 地区 生产总值 生产 总值" {
		t.Errorf("search-mode words = %q", got)
	}
}

// TestSegmentationQuality measures word segmentation against the SIGHAN 2005
// MSR test set (news text, gold cuts; testdata/msr/README.md) and fails if
// F1 drops below what the shipped dictionary was chosen for.
//
//	go test ./indexer -run SegmentationQuality -v
func TestSegmentationQuality(t *testing.T) {
	s := mustSegmenter(t)
	raw, err := os.ReadFile("testdata/msr/msr_test.utf8")
	if err != nil {
		t.Fatal(err)
	}
	gold, err := os.ReadFile("testdata/msr/msr_test_gold.utf8")
	if err != nil {
		t.Fatal(err)
	}
	rawLines := strings.Split(strings.ReplaceAll(string(raw), "\r", ""), "\n")
	goldLines := strings.Split(strings.ReplaceAll(string(gold), "\r", ""), "\n")
	if len(rawLines) != len(goldLines) {
		t.Fatalf("%d raw lines, %d gold lines", len(rawLines), len(goldLines))
	}
	var correct, predicted, expected int
	for i, line := range rawLines {
		if line == "" {
			continue
		}
		pred, want := wordSpans(s.Cut(line)), wordSpans(strings.Fields(goldLines[i]))
		predicted += len(pred)
		expected += len(want)
		for span := range pred {
			if want[span] {
				correct++
			}
		}
	}
	p, r := float64(correct)/float64(predicted), float64(correct)/float64(expected)
	f1 := 2 * p * r / (p + r)
	t.Logf("MSR test set: precision %.3f recall %.3f F1 %.3f", p, r, f1)
	if f1 < 0.85 {
		t.Errorf("F1 %.3f below 0.85", f1)
	}
}

// wordSpans turns a segmentation into the set of its words' rune spans.
func wordSpans(words []string) map[[2]int]bool {
	spans := make(map[[2]int]bool, len(words))
	pos := 0
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		spans[[2]int{pos, pos + n}] = true
		pos += n
	}
	return spans
}

// TestFoldIsWidthAndCase: fold's fast paths give what its definition does
// — full-width ASCII to ASCII, then lower case, then traditional to
// simplified — for every code point.
func TestFoldIsWidthAndCase(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r
		if r >= 0xFF01 && r <= 0xFF5E {
			want -= 0xFEE0
		}
		if want = t2s.Rune(unicode.ToLower(want)); fold(r) != want {
			t.Fatalf("fold(%U) = %U, want %U", r, fold(r), want)
		}
		if unicode.IsSpace(r) && r > 0x3000 && r < 0xA000 {
			t.Fatalf("%U is a space inside the range FoldForMatch takes for none", r)
		}
	}
}
