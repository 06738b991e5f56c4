package corpus

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"reportsearch/lexicon"
)

// citedReports are every report the tests hold: the real reports, the
// embedded one and the fresh sets kept apart for judging.
func citedReports(t *testing.T) []*Report {
	t.Helper()
	files := realReports(t)
	fresh, err := filepath.Glob("testdata/fresh*/*.txt")
	if err != nil || len(fresh) == 0 {
		t.Fatalf("fresh reports: %v (%d files)", err, len(fresh))
	}
	var out []*Report
	for _, f := range append(files, fresh...) {
		r, err := readShared(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// A locator is a sequence of segments separated by single spaces. A
// segment is either structural parts written together (第二部分（四）2.（1）)
// or one run-in or titled segment: an ordinal (第一), an enumeration (二是),
// an appendix (附件2, 附录, 名词解释), the appended list (附), the preamble
// (开篇) or the paragraph's number (第3段, last).
var (
	num           = lexicon.HeadingNumber
	reStructural  = regexp.MustCompile(`^(?:第` + num + `部分|（` + num + `）|[0-9]{1,2}\.|（[0-9]{1,2}）)+$`)
	reRunIn       = regexp.MustCompile(`^(?:第` + num + `|` + num + `是|(?:附件|附录|附表)(?:[0-9]{1,2}|` + num + `)?|附|` + PreambleLocator + `|` + lexicon.Alternation("glossary-titles") + `)$`)
	reParagraphNo = regexp.MustCompile(`^第[1-9][0-9]*段$`)
)

// artefacts are the label faults a citation must not show, each with the
// pattern that finds it anywhere in the citation's source.
var artefacts = []struct {
	what string
	re   *regexp.Regexp
}{
	{"a part numbered by something not a numeral (第附件2部分)", regexp.MustCompile(`第[^第部]*[^零〇一二三四五六七八九十百第部][^第部]*部分`)},
	{"a part without its number (第部分)", regexp.MustCompile(`第部分`)},
	{"a doubled label (部分部分, 附件附件)", regexp.MustCompile(`部分部分|附件附件|段段|是是`)},
	{"doubled punctuation", regexp.MustCompile(`[，、。；：,.．:;]{2}|（（|））|《《|》》|，）|（，`)},
	{"an empty part (（）, 《》, ，，)", regexp.MustCompile(`（\s*）|《\s*》|“\s*”`)},
	{"a bare paragraph number (第段, 第0段)", regexp.MustCompile(`第0*段`)},
	{"a label's own punctuation left in (二、 第一， ※)", regexp.MustCompile(`[、※【】\[\]]|第` + num + `[，：]`)},
	{"a run-in marker glued to what precedes (第一部分二是)", regexp.MustCompile(`(?:部分|）|\.)(?:` + num + `是|第` + num + `[^部0-9]|第[0-9]+段)`)},
	{"digits of two labels glued (附件21.)", regexp.MustCompile(`附件[0-9]{2,}\.|附件` + num + `[0-9]`)},
	{"doubled or stray spaces", regexp.MustCompile(`  |^ | $|\s（|\s）`)},
}

// checkLocator checks a locator segment by segment.
func checkLocator(loc string) string {
	if loc == "" {
		return "an empty locator"
	}
	segs := strings.Split(loc, " ")
	for i, s := range segs {
		switch {
		case s == "":
			return "an empty segment"
		case reParagraphNo.MatchString(s):
			if i != len(segs)-1 {
				return "a paragraph number not last: " + s
			}
		case reStructural.MatchString(s), reRunIn.MatchString(s):
		default:
			// Structural parts may follow a run-in segment: 第一（二）.
			if m := regexp.MustCompile(`^(第` + num + `|` + num + `是)(.+)$`).FindStringSubmatch(s); m != nil && reStructural.MatchString(m[2]) {
				continue
			}
			return "a segment that is no label (a heading number glued to text?): " + s
		}
	}
	return ""
}

// balanced reports whether every bracket and quotation mark of s closes,
// in order.
func balanced(s string) bool {
	pairs := map[rune]rune{'）': '（', '》': '《', '”': '“', '’': '‘', '】': '【', ')': '('}
	var stack []rune
	for _, r := range s {
		switch r {
		case '（', '《', '“', '‘', '【', '(':
			stack = append(stack, r)
		case '）', '》', '”', '’', '】', ')':
			if len(stack) == 0 || stack[len(stack)-1] != pairs[r] {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return len(stack) == 0
}

// TestEveryCitation checks the citation of every paragraph of every test
// report, paragraph by paragraph: its locator is labels only, joined as
// they read (checkLocator), its quotation shows none of the artefacts,
// the brackets and quotation marks of its source balance, the passage
// carries no double quotation marks of its own (they become single), and
// the quotation is “passage”（source）exactly. A locator numbers its
// paragraph exactly when its section has more than one.
func TestEveryCitation(t *testing.T) {
	n := 0
	for _, r := range citedReports(t) {
		locs := r.Locators()
		counts := map[string]int{}
		for p := range r.Paragraphs() {
			counts[p.SectionID]++
		}
		for p := range r.Paragraphs() {
			n++
			loc := locs[p.ID]
			if why := checkLocator(loc); why != "" {
				t.Errorf("%s: locator %q: %s", p.ID, loc, why)
			}
			numbered := reParagraphNo.MatchString(loc[strings.LastIndex(loc, " ")+1:])
			if numbered != (counts[p.SectionID] > 1) {
				t.Errorf("%s: locator %q for a section of %d paragraphs", p.ID, loc, counts[p.SectionID])
			}
			q := r.Meta.Quote(p.ID, loc, Excerpt(p.Text, nil))
			// The title is the report's own words; the labels are ours.
			labels := strings.Replace(q.Source, "《"+r.Title+"》", "《题名》", 1)
			for _, a := range artefacts {
				if m := a.re.FindString(labels); m != "" {
					t.Errorf("%s: %s: %q in %q", p.ID, a.what, m, q.Source)
				}
			}
			if !balanced(q.Source) {
				t.Errorf("%s: unbalanced brackets or quotes in %q", p.ID, q.Source)
			}
			if strings.ContainsAny(q.Passage, "“”") {
				t.Errorf("%s: double quotation marks inside the passage %q", p.ID, q.Passage)
			}
			if want := "“" + q.Passage + "”（" + q.Source + "）"; q.Text != want || !strings.HasPrefix(q.Source, "《"+r.Title+"》，") || !strings.HasSuffix(q.Source, "，"+loc) {
				t.Errorf("%s: quotation %q", p.ID, q.Text)
			}
		}
	}
	if n < 5000 {
		t.Errorf("checked %d paragraphs; the test reports hold more", n)
	}
}

// TestLocatorSegments is the table of how labels read in a locator.
func TestLocatorSegments(t *testing.T) {
	sec := func(st markerStyle, label string, number int) *Section {
		return &Section{style: st, Label: label, Number: number}
	}
	for _, tc := range []struct {
		secs []*Section
		want string
	}{
		{[]*Section{sec(stylePart, "二、", 2), sec(styleChapter, "（四）", 4), sec(styleItem, "2.", 2)}, "第二部分（四）2."},
		{[]*Section{sec(stylePart, "二、", 2), sec(styleEnumeration, "二是", 2)}, "第二部分 二是"},
		{[]*Section{sec(stylePart, "三、", 3), sec(styleOrdinal, "第一，", 1)}, "第三部分 第一"},
		{[]*Section{sec(styleAppendix, "附件2", 2), sec(styleItem, "1.", 1)}, "附件2 1."},
		{[]*Section{sec(styleAppendix, "附件1", 1), sec(stylePart, "一、", 1)}, "附件1 第一部分"},
		{[]*Section{sec(styleAppendix, "※名词解释※", 0)}, "名词解释"},
		{[]*Section{sec(styleAppendix, "附：名词解释", 0)}, "名词解释"},
		{[]*Section{sec(stylePart, "", 3)}, "第三部分"},
		{[]*Section{sec(stylePart, "一、", 1), sec(styleChapter, "(二)", 2), sec(styleSubItem, "(3)", 3)}, "第一部分（二）（3）"},
		{[]*Section{sec(styleImplicitList, "附", 0), sec(stylePart, "四、", 4)}, "附 第四部分"},
	} {
		var segs []segment
		for _, s := range tc.secs {
			segs = append(segs, locatorSegment(s))
		}
		if got := joinSegments(segs); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.secs[len(tc.secs)-1].Label, got, tc.want)
		}
		if why := checkLocator(tc.want); why != "" {
			t.Errorf("%q: the check refuses it: %s", tc.want, why)
		}
	}
	if got := joinSegments([]segment{{"第二部分", segStructural}, paragraphSegment(3, 19)}); got != "第二部分 第3段" {
		t.Errorf("paragraph number: %q", got)
	}
	if got := joinSegments([]segment{{"第二部分", segStructural}, paragraphSegment(1, 1)}); got != "第二部分" {
		t.Errorf("the one paragraph of a section: %q", got)
	}
	// The check finds what it is for.
	for _, bad := range []string{"第一部分二是", "附件21.", "第附件2部分", "第二部分 第段", "第二部分  第3段", "第一部分，", "2.民生保障更有温度"} {
		failed := checkLocator(bad) != ""
		for _, a := range artefacts {
			failed = failed || a.re.MatchString(bad)
		}
		if !failed {
			t.Errorf("%q passes the artefact checks", bad)
		}
	}
}
