package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// eachTSVLine calls each with every line of r that is neither blank nor a
// comment (starting with #), with its number and without a carriage return.
// It is not corpus.EachDataLine, which trims a line and would drop an empty
// last field.
func eachTSVLine(r io.Reader, each func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := each(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

// tsvFields splits line n of a judgment file into its want fields, or says
// how many it has.
func tsvFields(n int, line string, want int) ([]string, error) {
	f := strings.Split(line, "\t")
	if len(f) != want {
		return nil, fmt.Errorf("line %d: %d fields, want %d", n, len(f), want)
	}
	return f, nil
}

// alternatives splits a field of |-separated values, trimmed, empty ones
// dropped.
func alternatives(field string) []string {
	var out []string
	for _, v := range strings.Split(field, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
