package corpus

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// The data file a user may replace, the taxonomy (domains.txt, or a file
// given with --domains), has a format of its own: a record a line, '#'
// comments and blank lines ignored, lists separated by Chinese or ASCII
// commas. The program's own word data is lexicon's.

// EachDataLine calls each with every line of a data file, trimmed, that is
// neither blank nor a comment, and its line number. A read error is given
// with the file's kind (name), as each is expected to give its own.
func EachDataLine(r io.Reader, name string, each func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := each(n, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// SplitList splits s at any of the runes in seps and returns the parts,
// normalized, without empty ones.
func SplitList(s, seps string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if w = Normalize(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}
