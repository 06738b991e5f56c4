package lexicon

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoad parses every data file: a malformed one is a build defect.
func TestLoad(t *testing.T) {
	ls, err := load(dataFS, "data")
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) == 0 {
		t.Fatal("no data files")
	}
	for name, l := range ls {
		if l.kind == kindTable && len(l.columns) < 2 {
			t.Errorf("%s: columns %v", name, l.columns)
		}
		if l.kind != kindTable {
			// Every list can be used in a pattern.
			if _, err := regexp.Compile(ls.alternation(name)); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

// TestParseErrors checks that a malformed file is refused with its name and
// line.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ file, data, want string }{
		{"data/a.txt", "甲\n乙\n", "data/a.txt:1: a data file starts with a # comment"},
		{"data/a.txt", "# x\n甲\n\n乙\n甲\n", "data/a.txt:5: \"甲\" again (first on line 2)"},
		{"data/a.txt", "# x\n甲\t乙\n", "data/a.txt:2: a tab in a list"},
		{"data/a.txt", "# x\n", "data/a.txt: no items"},
		{"data/a.txt", "# x\n# columns: a b\n甲\n", "data/a.txt:2: only a .tsv file names its columns"},
		{"data/a.tsv", "# x\n甲\t乙\n", "data/a.tsv:2: a .tsv file names its columns"},
		{"data/a.tsv", "# x\n# columns: a b c\n甲\t乙\t丙\n甲\t乙\n", "data/a.tsv:4: 2 fields, want 3 (a b c)"},
		{"data/a.tsv", "# x\n# columns: a b\n甲\t \n", "data/a.tsv:3: empty field"},
		{"data/a.tsv", "# x\n# columns: a\n", "data/a.tsv:2: a table has two columns or more"},
		{"data/a.tsv", "# x\n# columns: a b\n甲\t乙\n甲\t丙\n", "data/a.tsv:4: \"甲\" again (first on line 3)"},
		{"data/a.tsv", "# x\n# columns: a b c\n# key: a b\n甲\t乙\t1\n甲\t丙\t1\n甲\t乙\t2\n", "data/a.tsv:6: \"甲 乙\" again (first on line 4)"},
		{"data/a.tsv", "# x\n# columns: a b\n# key: c\n甲\t乙\n", "data/a.tsv:3: the key \"c\" is not one of the columns (a b)"},
		{"data/a.tsv", "# x\n# key: a\n# columns: a b\n甲\t乙\n", "data/a.tsv:2: a table names its key after its columns"},
		{"data/a.re", "# x\n甲(乙\n", "data/a.re:2: error parsing regexp"},
		{"data/a.csv", "# x\n甲\n", "data/a.csv: unknown kind of data file"},
		{"data/a-chars.txt", "# x\n甲\n乙丙\n", "data/a-chars.txt:3: \"乙丙\" is not one character"},
		{"data/a-chars.tsv", "# x\n# columns: a b\n甲\t乙\n", "data/a-chars.tsv: a character list (*-chars) is a .txt file"},
		{"data/a.re", "# x\n甲(?:乙)?\n(丙|丁)\n", "data/a.re:3: a capturing group in a pattern list"},
	} {
		_, err := parse(c.file, c.data)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("parse(%s, %q) = %v, want %q…", c.file, c.data, err, c.want)
		}
	}
}

func TestAccessors(t *testing.T) {
	fsys := fstest.MapFS{
		"d/words.txt":   {Data: []byte("# words\n甲乙\n# a comment among the items\n\n a.b \n丙\n")},
		"d/a-chars.txt": {Data: []byte("# chars\n甲\n乙\n")},
		"d/pairs.tsv":   {Data: []byte("# pairs\n# columns: word kind\n甲乙\tx\n丙\ty\r\n")},
		"d/pattern.re":  {Data: []byte("# patterns\n甲+\n乙[，,]\n")},
	}
	ls, err := load(fsys, "d")
	if err != nil {
		t.Fatal(err)
	}
	if got := ls.words("words"); !slices.Equal(got, []string{"甲乙", "a.b", "丙"}) {
		t.Errorf("Words = %q", got)
	}
	if got := ls.set("words"); len(got) != 3 || !got["a.b"] {
		t.Errorf("Set = %v", got)
	}
	if got := ls.chars("a-chars"); got != "甲乙" {
		t.Errorf("Chars = %q", got)
	}
	ls["mark-chars"] = &list{file: "d/mark-chars.txt", kind: kindWords, rows: [][]string{{"甲"}, {"-"}, {"]"}, {"^"}}}
	if got := ls.class("mark-chars", "["); got != `[甲\-\]\^]` || !regexp.MustCompile(got).MatchString("-") || regexp.MustCompile(got).MatchString("a") {
		t.Errorf("Class = %s", got)
	}
	if got := ls.class("mark-chars", "[^"); got != `[^甲\-\]\^]` || regexp.MustCompile(got).MatchString("^") || !regexp.MustCompile(got).MatchString("a") {
		t.Errorf("NotClass = %s", got)
	}
	if got := ls.table("pairs", []string{"word", "kind"}); len(got) != 2 || !slices.Equal(got[1], []string{"丙", "y"}) {
		t.Errorf("Table = %q", got)
	}
	if got := ls.alternation("words"); got != `(?:甲乙|a\.b|丙)` {
		t.Errorf("Alternation(words) = %s", got)
	}
	if got := ls.alternation("pattern"); got != `(?:甲+|乙[，,])` {
		t.Errorf("Alternation(pattern) = %s", got)
	}
	if got := ls.alternation("pairs"); got != `(?:甲乙|丙)` {
		t.Errorf("Alternation(pairs) = %s", got)
	}
	if got := tagged(ls, "pairs", "kind", []string{"x", "y"}); !slices.Equal(got, []Tag[string]{{"甲乙", "x"}, {"丙", "y"}}) {
		t.Errorf("Tagged = %q", got)
	}
	func() {
		defer func() {
			if r := recover(); r != `lexicon: d/pairs.tsv:4: kind "y" is not one of [x z]` {
				t.Errorf("Tagged with a bad tag: panic %v", r)
			}
		}()
		tagged(ls, "pairs", "kind", []string{"x", "z"})
	}()
	for name, f := range map[string]func(){
		"missing":       func() { ls.words("nope") },
		"kind":          func() { ls.table("words", nil) },
		"not chars":     func() { ls.chars("words") },
		"columns":       func() { ls.table("pairs", []string{"kind", "word"}) },
		"fewer columns": func() { ls.table("pairs", []string{"word"}) },
		"tag column":    func() { tagged(ls, "pairs", "measure", []string{"x", "y"}) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
	// The caller owns what it gets.
	w := ls.words("words")
	w[0] = "x"
	if ls.words("words")[0] != "甲乙" {
		t.Error("Words shares its slice")
	}
}

// TestParseTable reads a table kept outside data/ with the columns its
// reader names.
func TestParseTable(t *testing.T) {
	data := []byte("# labels\n# columns: name label\nkind.result\t完成情况\n")
	rows, err := ParseTable("web/labels.tsv", data, "name", "label")
	if err != nil || len(rows) != 1 || !slices.Equal(rows[0], []string{"kind.result", "完成情况"}) {
		t.Errorf("ParseTable = %q, %v", rows, err)
	}
	for _, c := range []struct {
		file    string
		columns []string
		want    string
	}{
		{"web/labels.tsv", []string{"label", "name"}, "web/labels.tsv: the columns are (name label), want (label name)"},
		{"web/labels.txt", []string{"name", "label"}, "web/labels.txt: a table is a .tsv file"},
		{"web/labels.tsv", nil, "web/labels.tsv: the columns are"},
	} {
		if _, err := ParseTable(c.file, data, c.columns...); err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ParseTable(%s, %q): %v, want %q…", c.file, c.columns, err, c.want)
		}
	}
	if _, err := ParseTable("web/labels.tsv", []byte("# labels\n# columns: name label\na\tb\tc\n"), "name", "label"); err == nil {
		t.Error("ParseTable: a row of three fields loaded")
	}
}

// TestLoadRefuses checks that a list has one file: two files of one name,
// or a directory among the files, are refused.
func TestLoadRefuses(t *testing.T) {
	for want, fsys := range map[string]fstest.MapFS{
		`d/units.txt: the list "units" is also d/units.tsv`: {
			"d/units.txt": {Data: []byte("# units\n元\n")},
			"d/units.tsv": {Data: []byte("# units\n# columns: unit base\n元\t元\n")},
		},
		"d/more: a directory among the data files": {
			"d/units.txt":     {Data: []byte("# units\n元\n")},
			"d/more/more.txt": {Data: []byte("# more\n人\n")},
		},
	} {
		if _, err := load(fsys, "d"); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("load: %v, want %q…", err, want)
		}
	}
}

// TestFivePlans checks that the FivePlan fragment and the table of plans
// name the same plans.
func TestFivePlans(t *testing.T) {
	re := regexp.MustCompile(`^` + FivePlan + `$`)
	rows := Table("five-year-plans", "plan", "years")
	for _, r := range rows {
		if !re.MatchString(r[0]) {
			t.Errorf("%s is in the table but not matched by FivePlan", r[0])
		}
		if !regexp.MustCompile(`^` + Year + `-` + Year + `$`).MatchString(r[1]) {
			t.Errorf("%s: years %q", r[0], r[1])
		}
	}
	n := 0
	for _, r := range "一二三四五六七八九" {
		if re.MatchString("十" + string(r) + "五") {
			n++
		}
	}
	if n != len(rows) {
		t.Errorf("FivePlan matches %d plans, the table has %d", n, len(rows))
	}
}

func TestFragmentsCompile(t *testing.T) {
	for _, f := range []string{Year, ChineseYear, ChineseYearDigits, DateNumeral, HeadingNumber, SmallNumeral, FivePlan, DivisionLevel(), AutonomousLevel()} {
		regexp.MustCompile(f)
	}
}

// TestDivisionLevels checks the levels built from division-levels: the
// list is longest first where one level ends another, and the autonomous
// levels are those after 自治.
func TestDivisionLevels(t *testing.T) {
	if got, want := AutonomousLevel(), `(?:区|州|县|旗)`; got != want {
		t.Errorf("AutonomousLevel = %s, want %s", got, want)
	}
	re := regexp.MustCompile(DivisionLevel() + `$`)
	for name, level := range map[string]string{"广东省": "省", "新疆维吾尔自治区": "自治区", "阿里地区": "地区", "香港特别行政区": "特别行政区", "上城区": "区"} {
		if got := re.FindString(name); got != level {
			t.Errorf("%s: level %q, want %q", name, got, level)
		}
	}
	checkLongestFirst(t, "division-levels")
}

// checkLongestFirst fails when an item of the list comes after another
// that it ends or starts with, which an alternation would take first.
func checkLongestFirst(t *testing.T, name string) {
	t.Helper()
	words := Words(name)
	for i, w := range words {
		for _, earlier := range words[:i] {
			if strings.HasPrefix(w, earlier) || strings.HasSuffix(w, earlier) {
				t.Errorf("%s: %s comes after %s, which it contains", name, w, earlier)
			}
		}
	}
}

// TestSubsets checks the lists whose headers say they are drawn from
// another: every question unit is a unit of the table, with or without a
// scale, and every list mark is a list separator.
func TestSubsets(t *testing.T) {
	units := map[string]bool{}
	for _, r := range Table("units", "unit", "base", "factor", "class") {
		units[r[0]] = true
	}
	scales := Table("scales", "scale", "factor")
	for _, u := range Words("question-units") {
		ok := units[u]
		for _, s := range scales {
			ok = ok || strings.HasPrefix(u, s[0]) && units[strings.TrimPrefix(u, s[0])]
		}
		if !ok {
			t.Errorf("question-units: %s is no unit of units.tsv, with or without a scale", u)
		}
	}
	checkLongestFirst(t, "question-units")
	separators := Set("list-separators")
	for _, r := range Chars("list-mark-chars") {
		if !separators[string(r)] {
			t.Errorf("list-mark-chars: %c is not a list separator", r)
		}
	}
}

// BenchmarkLoad measures reading and checking every data file, which a
// program does once at start-up.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		ls, err := load(dataFS, "data")
		if err != nil || len(ls) == 0 {
			b.Fatal(err)
		}
	}
}
