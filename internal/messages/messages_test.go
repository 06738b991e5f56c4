package messages

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/query"
)

// TestEveryTextIsChinese: every message holds Chinese and no English
// sentence, its placeholders aside.
func TestEveryTextIsChinese(t *testing.T) {
	placeholder := regexp.MustCompile(`\{[a-z]+\}`)
	for _, k := range Keys() {
		text := placeholder.ReplaceAllString(table[k], "x")
		if strings.HasPrefix(k, "example.") {
			continue // a filter written out
		}
		if !strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: %q has no Chinese", k, text)
		}
		if s := EnglishSentence(text); s != "" {
			t.Errorf("%s: %q is English", k, s)
		}
	}
}

// TestEveryCodeHasAMessage: each of query's codes is said, in a query and
// as a filter.
func TestEveryCodeHasAMessage(t *testing.T) {
	for _, c := range query.Codes {
		if !Has("query." + string(c)) {
			t.Errorf("no message query.%s", c)
		}
	}
	for _, c := range query.FilterCodes {
		if !Has("filter." + string(c)) {
			t.Errorf("no message filter.%s", c)
		}
	}
	for _, f := range query.Fields() {
		if !Has("example." + f) {
			t.Errorf("no example.%s", f)
		}
	}
}

// TestEveryKeyUsedExists: every key the edges' code names is in the
// table (a missing one would show as 〔key〕).
func TestEveryKeyUsedExists(t *testing.T) {
	key := regexp.MustCompile(`"((?:query|filter|example|file|index|place|error|web|cli|ask)\.[a-z][a-z0-9-]*)"`)
	used := 0
	for _, dir := range []string{".", "../../web", "../../cmd/reportsearch"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range key.FindAllStringSubmatch(string(src), -1) {
				used++
				if !Has(m[1]) {
					t.Errorf("%s: no message %s", f, m[1])
				}
			}
		}
	}
	if used < 30 {
		t.Errorf("only %d keys used: is the pattern right?", used)
	}
}

// TestOfSaysTheSpecifics: each error is said with what it names — the
// part of the query, the file, the line, the place — and what to do.
func TestOfSaysTheSpecifics(t *testing.T) {
	parse := func(q string) error { _, err := query.Parse(q); return err }
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := filepath.Join(dir, "空目录")
	os.Mkdir(empty, 0o755)
	_, noReports := corpus.Sources([]string{empty})
	_, binary := corpus.ReadFile(write("二进制.txt", []byte("\x00\x01\x02\x03 not text")))
	_, longLine := corpus.ReadFile(write("长行.txt", []byte("关于计划的报告\n\n"+strings.Repeat("经", corpus.MaxLineLength)+"\n")))
	_, missing := corpus.ReadFile(filepath.Join(dir, "不存在.txt"))
	cat, err := catalog.New(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, place := cat.ReportsOfPlaces([]string{"火星镇"})
	for _, c := range []struct {
		err  error
		key  string
		says []string
	}{
		{parse(`教育 ""`), "query.empty-phrase", []string{"第 4 个字", "引号里是空的"}},
		{parse("yaer:2023 教育"), "query.unknown-field", []string{"yaer:2023", "“yaer”", "year、kind"}},
		{parse("年份:明年"), "query.bad-year", []string{"年份:明年", "year:2023"}},
		{parse("教育 kind:wish"), "query.bad-kind", []string{"第 4 个字", "kind:wish", "kind:target"}},
		{parse("figure:很多"), "query.bad-figure", []string{"figure:很多", "figure:>100亿元"}},
		{parse("托育 OR"), "query.misplaced-or", []string{"“OR”", "托育 OR 托位"}},
		{parse("教育 -"), "query.dangling-minus", []string{"第 4 个字", "-疫情"}},
		{parse("-year:2023 教育"), "query.excluded-filter", []string{"-year:2023", "写成 year:2023"}},
		{parse("domain:"), "query.missing-value", []string{"domain:", "domain:教育"}},
		{parse("-疫情"), "query.only-exclusions", []string{"-疫情", "养老 -疫情"}},
		{parse(""), "query.empty", []string{"老旧小区"}},
		{noReports, "file.no-reports", []string{"空目录", ".txt"}},
		{binary, "file.binary", []string{"二进制.txt"}},
		{longLine, "file.line-too-long", []string{"长行.txt", "第 3 行", strconv.Itoa(corpus.MaxLineLength)}},
		{missing, "file.not-exist", []string{"不存在.txt"}},
		{errors.Join(errors.New("first"), &corpus.FileError{Path: "甲.txt", Line: 7, Err: corpus.ErrLineTooLong}), "file.line-too-long", []string{"甲.txt", "第 7 行"}},
		{place, "place.unknown", []string{"火星镇"}},
	} {
		m, ok := Of(c.err)
		if !ok || m.Key != c.key {
			t.Errorf("Of(%v) = %+v, %v; want %s", c.err, m, ok, c.key)
			continue
		}
		for _, s := range c.says {
			if !strings.Contains(m.Text, s) {
				t.Errorf("%s: %q lacks %q", c.key, m.Text, s)
			}
		}
	}
	if _, ok := Of(errors.New("disk on fire")); ok {
		t.Error("an unexpected error was said as a known one")
	}
	if m := OrGeneral(errors.New("disk on fire")); m.Key != "error.internal" || strings.Contains(m.Text, "disk") {
		t.Errorf("OrGeneral: %+v", m)
	}
}
