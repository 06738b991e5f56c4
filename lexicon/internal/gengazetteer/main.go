// Command gengazetteer writes lexicon/data/gazetteer.tsv, the names of
// China's administrative divisions at the province, prefecture and county
// levels, from two public datasets:
//
//   - github.com/cn/GB2260: every revision of GB/T 2260 that the Ministry of
//     Civil Affairs published, 1980 to 2019 (mca/*.tsv), so that the names
//     older reports use (襄樊市, 海拉尔市) are known with the years they held;
//   - github.com/modood/Administrative-divisions-of-China: the National
//     Bureau of Statistics' division codes as of 2022 (dist/provinces.csv,
//     cities.csv, areas.csv), for the divisions created since 2019. Only
//     codes of GB/T 2260's form are taken: the bureau's own codes for
//     development zones (county part 71–79) and the 市辖区/县 placeholders
//     are not divisions. The bureau leaves out 台湾省, 香港 and 澳门; they
//     keep the ministry's last names.
//
// To refresh the gazetteer, clone both repositories and run, from the
// module's root:
//
//	go run ./lexicon/internal/gengazetteer -gb2260 ../GB2260 -stats ../Administrative-divisions-of-China
//
// then review the diff of lexicon/data/gazetteer.tsv and run the tests.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() {
	gb2260 := flag.String("gb2260", "", "a checkout of github.com/cn/GB2260")
	stats := flag.String("stats", "", "a checkout of github.com/modood/Administrative-divisions-of-China")
	out := flag.String("o", filepath.Join("lexicon", "data", "gazetteer.tsv"), "the file to write")
	flag.Parse()
	if *gb2260 == "" || *stats == "" {
		fmt.Fprintln(os.Stderr, "gengazetteer: both -gb2260 and -stats are needed (see the package comment)")
		os.Exit(2)
	}
	if err := run(*gb2260, *stats, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gengazetteer:", err)
		os.Exit(1)
	}
}

// name is one name a division code held, with the years it held it.
type name struct {
	code, name   string
	since, until int // until 0: still held in the latest revision
}

func run(gb2260, stats, out string) error {
	revisions, err := readMCA(gb2260)
	if err != nil {
		return err
	}
	latest, err := readStats(stats)
	if err != nil {
		return err
	}
	// The bureau's codes leave out 台湾省, 香港 and 澳门: a province the
	// bureau does not list keeps its divisions of the ministry's last
	// revision.
	for code, n := range revisions[len(revisions)-1].names {
		if _, listed := latest[code[:2]+"0000"]; !listed {
			latest[code] = n
		}
	}
	const latestYear = 2022
	revisions = append(revisions, revision{year: latestYear, names: latest})
	names := merge(revisions, latestYear)
	return write(out, names)
}

// revision is the code → name table of one published revision.
type revision struct {
	year  int
	names map[string]string
}

// readMCA reads every mca/YYYYMM.tsv of a GB2260 checkout, oldest first.
func readMCA(dir string) ([]revision, error) {
	files, err := filepath.Glob(filepath.Join(dir, "mca", "*.tsv"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("%s: no mca/*.tsv revisions (is it a checkout of github.com/cn/GB2260?)", dir)
	}
	slices.Sort(files)
	var out []revision
	for _, f := range files {
		year, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(f), ".tsv")[:4])
		if err != nil {
			return nil, fmt.Errorf("%s: the file name is not a revision (YYYYMM.tsv)", f)
		}
		names, err := readTSV(f)
		if err != nil {
			return nil, err
		}
		out = append(out, revision{year: year, names: names})
	}
	return out, nil
}

// readTSV reads one revision: Source, Revision, Code, Name.
func readTSV(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Split(sc.Text(), "\t")
		if n == 1 {
			continue // header
		}
		if len(fields) != 4 || !isCode(fields[2]) {
			return nil, fmt.Errorf("%s:%d: want Source, Revision, Code, Name; have %q", path, n, sc.Text())
		}
		names[fields[2]] = strings.TrimSpace(fields[3])
	}
	return names, sc.Err()
}

// readStats reads the bureau's provinces, cities and areas tables, with
// their codes padded to six digits.
func readStats(dir string) (map[string]string, error) {
	names := map[string]string{}
	for _, table := range []struct {
		file string
		pad  string
	}{{"provinces.csv", "0000"}, {"cities.csv", "00"}, {"areas.csv", ""}} {
		path := filepath.Join(dir, "dist", table.file)
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("%w (is it a checkout of github.com/modood/Administrative-divisions-of-China?)", err)
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		for n := 1; ; n++ {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				f.Close()
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			if n == 1 {
				continue // header
			}
			code := rec[0] + table.pad
			if !isCode(code) {
				f.Close()
				return nil, fmt.Errorf("%s:%d: %q is not a division code", path, n, rec[0])
			}
			if isDivision(code, rec[1]) {
				names[code] = rec[1]
			}
		}
		f.Close()
	}
	return names, nil
}

// isDivision tells a division of GB/T 2260 from the bureau's placeholders
// (市辖区, 县, 省直辖县级行政区划) and its codes for development zones.
func isDivision(code, name string) bool {
	if name == "市辖区" || name == "县" || strings.Contains(name, "直辖") {
		return false
	}
	county := code[4:]
	return county < "70" || county >= "80"
}

func isCode(s string) bool {
	if len(s) != 6 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// merge turns the revisions into the names each code held, with the first
// and the last year of each; a name the latest revision holds has no end.
func merge(revisions []revision, latestYear int) []name {
	type key struct{ code, name string }
	held := map[key]*name{}
	for _, rev := range revisions {
		for code, n := range rev.names {
			k := key{code, n}
			if h, ok := held[k]; ok {
				h.until = rev.year
				continue
			}
			held[k] = &name{code: code, name: n, since: rev.year, until: rev.year}
		}
	}
	var out []name
	for _, h := range held {
		if h.until == latestYear {
			h.until = 0
		}
		out = append(out, *h)
	}
	slices.SortFunc(out, func(a, b name) int {
		return strings.Compare(a.code+"\t"+strconv.Itoa(a.since)+a.name, b.code+"\t"+strconv.Itoa(b.since)+b.name)
	})
	return out
}

func write(path string, names []name) error {
	var b strings.Builder
	b.WriteString(`# China's administrative divisions at the province, prefecture and county
# levels: every name a GB/T 2260 code has held since 1980, with the years of
# the first and the last revision that lists it ("-": it still holds it).
# Generated by lexicon/internal/gengazetteer from github.com/cn/GB2260 (the
# Ministry of Civil Affairs' revisions, 1980–2019) and
# github.com/modood/Administrative-divisions-of-China (the National Bureau of
# Statistics' codes as of 2022); do not edit by hand: see that command's
# comment to refresh it. The level and the parent follow from the code
# (XX0000 a province, XXXX00 a prefecture, any other a county); short forms
# (广西, 海拉尔) follow from the rules of gazetteer-suffixes.tsv.
# columns: code name since until
# key: code name
`)
	for _, n := range names {
		until := "-"
		if n.until != 0 {
			until = strconv.Itoa(n.until)
		}
		fmt.Fprintf(&b, "%s\t%s\t%d\t%s\n", n.code, n.name, n.since, until)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
