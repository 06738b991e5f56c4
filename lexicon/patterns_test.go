package lexicon

import (
	"regexp"
	"strings"
	"testing"
)

// TestPatterns compiles every named pattern and checks how one is built
// from its fragments.
func TestPatterns(t *testing.T) {
	for name := range patterns() {
		if _, err := regexp.Compile(Pattern(name)); err != nil {
			t.Errorf("pattern %s: %v", name, err)
		}
	}
	if got, want := Pattern("question-lead"), "^(?:请问)?(?:(?:(?:19|20)\\d{2}|[一二〇○零][一二三四五六七八九〇○零]{3})(?:\\s*年?\\s*(?:—|－|-|–|~|～|到|至)\\s*(?:(?:19|20)\\d{2}|[一二〇○零][一二三四五六七八九〇○零]{3}))?年(?:度)?|今年|去年|明年|前年)?"; got != want {
		t.Errorf("question-lead = %s\nwant %s", got, want)
	}
	for _, bad := range []func(){
		func() { Pattern("no-such-pattern") },
		func() { Pairs("question-words", "a", "b") },
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
