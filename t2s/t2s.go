package t2s

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"unicode/utf8"
)

//go:embed opencc/TSCharacters.txt opencc/HKVariants.txt opencc/TWVariants.txt
var openccFS embed.FS

// firstFolded is the first code point the table folds: everything below
// (ASCII, Latin, punctuation, kana) is returned as it is without a lookup.
const firstFolded = 0x3400

// folding is the character table, built once from the embedded files and
// never changed.
type folding struct {
	// bmp[r-firstFolded] is r's simplified form, 0 for none: an array, so
	// that Rune, called for every character indexed or compared, costs
	// one load without a bounds check.
	bmp   *[0x10000 - firstFolded]uint16
	supp  map[rune]rune // characters beyond the BMP (their forms are too: same length)
	back  map[rune]rune // a simplified character's traditional form, for Traditional
	stats Stats
}

// Stats counts what building the table kept and left out.
type Stats struct {
	Lines        int // mappings in TSCharacters.txt
	Kept         int // characters folded (TSCharacters and variants)
	Identity     int // lines whose first candidate is the character itself
	OtherLength  int // lines whose first candidate has another UTF-8 length
	MultiOptions int // lines with more than one candidate (the first is taken)
	Variants     int // regional variants folded
}

var table = mustBuild()

func mustBuild() *folding {
	f, err := build()
	if err != nil {
		panic("t2s: " + err.Error())
	}
	return f
}

// Rune returns r's simplified form, or r when it has none.
func Rune(r rune) rune {
	if r < firstFolded {
		return r
	}
	if r <= 0xFFFF {
		if m := table.bmp[r-firstFolded]; m != 0 {
			return rune(m)
		}
		return r
	}
	if m, ok := table.supp[r]; ok {
		return m
	}
	return r
}

// String folds every character of s. The result has the byte length of s,
// so byte offsets into it are offsets into s; s itself is returned,
// without a copy, when no character changes.
func String(s string) string {
	for i, r := range s {
		if Rune(r) != r {
			b := []byte(s)
			for j, r := range s[i:] {
				if m := Rune(r); m != r {
					utf8.EncodeRune(b[i+j:], m)
				}
			}
			return string(b)
		}
	}
	return s
}

// Changes reports whether String(s) differs from s.
func Changes(s string) bool {
	for _, r := range s {
		if Rune(r) != r {
			return true
		}
	}
	return false
}

// Traditional writes s in traditional characters, one character at a time:
// for each simplified character, one of the traditional characters that
// fold to it (the one OpenCC converts without alternatives, else the lowest
// code point). It is folding's inverse — String(Traditional(s)) ==
// String(s) — for tests and tools that need a traditional text; it is no
// converter for reading (干部 becomes 幹部, but 头发 becomes 頭發).
func Traditional(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if t, ok := table.back[r]; ok {
			b.WriteRune(t)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TableStats returns the counts of the table as built.
func TableStats() Stats { return table.stats }

// build reads OpenCC's files into the table.
func build() (*folding, error) {
	f := &folding{bmp: new([0x10000 - firstFolded]uint16), supp: map[rune]rune{}, back: map[rune]rune{}}
	single := map[rune]bool{} // keys OpenCC converts without alternatives
	ts, err := readDict("opencc/TSCharacters.txt", func(key rune, values []rune) {
		f.stats.Lines++
		if len(values) > 1 {
			f.stats.MultiOptions++
		}
		switch to := values[0]; {
		case to == key:
			f.stats.Identity++
		case utf8.RuneLen(to) != utf8.RuneLen(key):
			f.stats.OtherLength++
		default:
			f.set(key, to)
			single[key] = len(values) == 1
		}
	})
	if err != nil {
		return nil, err
	}
	simplified := map[rune]bool{}
	for _, to := range ts {
		simplified[to] = true
	}
	// A regional variant c of a standard traditional character k (衞 of
	// 衛) folds as k does — when k folds at all, and c is neither a
	// character of the table nor a simplified form itself (著, Taiwan's
	// form of 着, is a simplified character of its own and stays).
	for _, file := range []string{"opencc/HKVariants.txt", "opencc/TWVariants.txt"} {
		_, err := readDict(file, func(key rune, values []rune) {
			to, ok := ts[key]
			if !ok {
				return
			}
			for _, c := range values {
				if _, known := ts[c]; known || simplified[c] || c == to || f.lookup(c) != c || utf8.RuneLen(c) != utf8.RuneLen(to) {
					continue
				}
				f.set(c, to)
				f.stats.Variants++
			}
		})
		if err != nil {
			return nil, err
		}
	}
	// A simplified form may itself be a traditional character of the
	// table (薴 → 苧 → 苎): folding goes to the end of the chain, so that
	// folding twice is folding once.
	for i, m := range f.bmp {
		if m != 0 {
			f.bmp[i] = uint16(f.final(rune(m)))
		}
	}
	for r, m := range f.supp {
		f.supp[r] = f.final(m)
	}
	for key := range ts {
		to := f.lookup(key)
		if old, ok := f.back[to]; !ok || preferred(key, old, single) {
			f.back[to] = key
		}
	}
	if f.stats.Kept < 2500 {
		return nil, fmt.Errorf("the table has %d characters: the embedded files are incomplete", f.stats.Kept)
	}
	return f, nil
}

// preferred reports whether key is a better traditional form to write for
// a simplified character than old.
func preferred(key, old rune, single map[rune]bool) bool {
	if single[key] != single[old] {
		return single[key]
	}
	return key < old
}

func (f *folding) set(from, to rune) {
	if from < firstFolded {
		return // the table folds nothing there (see Rune); OpenCC has nothing there either
	}
	if from <= 0xFFFF {
		f.bmp[from-firstFolded] = uint16(to)
	} else {
		f.supp[from] = to
	}
	f.stats.Kept++
}

// final follows r through the table to a character that does not fold.
func (f *folding) final(r rune) rune {
	for range 8 { // OpenCC's chains are one step long; the bound only stops a cycle
		m := f.lookup(r)
		if m == r {
			break
		}
		r = m
	}
	return r
}

func (f *folding) lookup(r rune) rune {
	switch {
	case r < firstFolded:
	case r <= 0xFFFF:
		if m := f.bmp[r-firstFolded]; m != 0 {
			return rune(m)
		}
	default:
		if m, ok := f.supp[r]; ok {
			return m
		}
	}
	return r
}

// readDict reads an OpenCC text dictionary (key, a tab, candidates
// separated by spaces; # comments) of single characters, calls each for
// every line, and returns the kept first candidates of TSCharacters-style
// use: key → first candidate, for every line whose key and first
// candidate differ and have one UTF-8 length.
func readDict(name string, each func(key rune, values []rune)) (map[rune]rune, error) {
	data, err := openccFS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	out := map[rune]rune{}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		key, kn := utf8.DecodeRuneInString(k)
		if !ok || kn != len(k) || key == utf8.RuneError {
			return nil, fmt.Errorf("%s:%d: not a character, a tab and candidates: %q", name, n, line)
		}
		var values []rune
		for _, c := range strings.Fields(v) {
			r, rn := utf8.DecodeRuneInString(c)
			if rn != len(c) || r == utf8.RuneError {
				return nil, fmt.Errorf("%s:%d: candidate %q is not one character", name, n, c)
			}
			values = append(values, r)
		}
		if len(values) == 0 {
			return nil, fmt.Errorf("%s:%d: no candidate", name, n)
		}
		each(key, values)
		if to := values[0]; to != key && utf8.RuneLen(to) == utf8.RuneLen(key) {
			out[key] = to
		}
	}
	return out, sc.Err()
}
