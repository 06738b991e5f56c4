package lexicon

import (
	"regexp"
	"strings"
	"testing"
)

// TestEveryFileLoads reads every data file and compiles every pattern, so
// that a malformed list fails here and not when the program starts.
func TestEveryFileLoads(t *testing.T) {
	names := Names()
	if len(names) < 10 {
		t.Fatalf("%d data files", len(names))
	}
	for _, name := range names {
		f := read(name)
		if name == "patterns" {
			for _, r := range Table(name, 2) {
				if _, err := regexp.Compile(Pattern(r[0])); err != nil {
					t.Errorf("pattern %s: %v", r[0], err)
				}
			}
			continue
		}
		columns := len(f.rows[0])
		for i, r := range f.rows {
			if len(r) != columns {
				t.Errorf("%s.txt:%d: %d fields, the first row has %d", name, f.lines[i], len(r), columns)
			}
		}
		if columns == 1 {
			seen := map[string]bool{}
			for i, w := range Words(name) {
				if seen[w] {
					t.Errorf("%s.txt:%d: %q twice", name, f.lines[i], w)
				}
				seen[w] = true
			}
		}
	}
}

func TestPattern(t *testing.T) {
	if got, want := Pattern("question-lead"), "^(?:请问)?(?:(?:(?:19|20)\\d{2}|[一二〇○零][一二三四五六七八九〇○零]{3})年(?:度)?|今年|去年|明年|前年)?"; got != want {
		t.Errorf("question-lead = %s\nwant %s", got, want)
	}
	if got := Alternation("question-comparison-words"); got != "(?:完成了|完成|实现了|实现|和|与)" {
		t.Errorf("alternation %s", got)
	}
	if got := Chars("after-country-chars"); got != "的今去明" {
		t.Errorf("chars %s", got)
	}
	for _, bad := range []func(){
		func() { Words("no-such-list") },
		func() { Pattern("no-such-pattern") },
		func() { Table("question-kinds", 3) },
		func() { Words("question-kinds") },
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(r.(string), "lexicon: ") {
					t.Errorf("no lexicon panic: %v", r)
				}
			}()
			bad()
		}()
	}
}

func TestChineseNumeral(t *testing.T) {
	for n, want := range map[int]string{1: "一", 4: "四", 9: "九", 10: "十", 12: "十二", 20: "二十", 21: "二十一", 99: "九十九", 0: "", 100: ""} {
		if got := ChineseNumeral(n); got != want {
			t.Errorf("ChineseNumeral(%d) = %q, want %q", n, got, want)
		}
	}
}
