package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf16"
)

// testReports returns the paths of the real reports in testdata.
func testReports(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/reports/*.txt")
	more, err2 := filepath.Glob("testdata/reports/*/*.txt")
	files = append(files, more...)
	if err != nil || err2 != nil || len(files) < 16 {
		t.Fatalf("testdata reports: %v %v (%d files)", err, err2, len(files))
	}
	return files
}

// sharedReports are the test reports as read once for all the tests that
// only look at them: parsing every report again for each such test costs
// most of the package's test time under the race detector.
var sharedReports sync.Map // path → *sharedReport

type sharedReport struct {
	once sync.Once
	r    *Report
	err  error
}

// readShared is ReadFile(path), read once per test binary. The report must
// not be modified.
func readShared(path string) (*Report, error) {
	v, _ := sharedReports.LoadOrStore(path, &sharedReport{})
	sr := v.(*sharedReport)
	sr.once.Do(func() { sr.r, sr.err = ReadFile(path) })
	return sr.r, sr.err
}

// linesOf makes lines of texts, numbered from 1, for the tests of the steps
// that read lines.
func linesOf(texts ...string) []line {
	var out []line
	for i, s := range texts {
		out = append(out, newLine(i+1, s))
	}
	return out
}

func mustDefault(t testing.TB) *Report {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestDefaultReportMetadata(t *testing.T) {
	r := mustDefault(t)
	checks := []struct{ field, got, want string }{
		{"ID", r.ID, "shangcheng-2022-plan-report"},
		{"Title", r.Title, "关于上城区2022年国民经济和社会发展计划执行情况及2023年国民经济和社会发展计划草案"},
		{"Issuer", r.Issuer, "上城区发展改革和经济信息化局"},
		{"Date", r.Date, "2023-01-17"},
		{"Meeting", r.Meeting, "杭州市上城区第一届人民代表大会第二次会议"},
		{"Encoding", r.Encoding, "UTF-8"},
		{"Source", r.Source, DefaultName},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if fmt.Sprint(r.Years) != "[2022 2023]" {
		t.Errorf("Years = %v, want [2022 2023]", r.Years)
	}
}

func TestDefaultReportStructure(t *testing.T) {
	r := mustDefault(t)
	if len(r.Sections) != 4 {
		t.Fatalf("%d parts, want 4", len(r.Sections))
	}
	wantPeriod := []struct {
		year int
		kind Kind
	}{{2022, KindResult}, {2022, KindResult}, {2023, KindTarget}, {2023, KindTarget}}
	for i, part := range r.Sections {
		if part.Number != i+1 || part.Level != 1 {
			t.Errorf("part %d: number %d level %d", i+1, part.Number, part.Level)
		}
		if part.Year != wantPeriod[i].year || part.Kind != wantPeriod[i].kind {
			t.Errorf("part %s: period %d %s, want %d %s", part.Label, part.Year, part.Kind, wantPeriod[i].year, wantPeriod[i].kind)
		}
	}
	for _, i := range []int{1, 3} { // parts 二 and 四
		part := r.Sections[i]
		if len(part.Sections) != 5 {
			t.Fatalf("part %s has %d chapters, want 5", part.Label, len(part.Sections))
		}
		for j, ch := range part.Sections {
			if ch.Number != j+1 || ch.Level != 2 || !strings.HasPrefix(ch.Label, "（") {
				t.Errorf("%s: number %d level %d label %q", ch.ID, ch.Number, ch.Level, ch.Label)
			}
			if len(ch.Sections) != 3 {
				t.Errorf("chapter %s has %d items, want 3", ch.ID, len(ch.Sections))
			}
			for k, item := range ch.Sections {
				if item.Number != k+1 || item.Level != 3 || len(item.Paragraphs) == 0 || item.Title == "" {
					t.Errorf("item %s: number %d level %d paragraphs %d title %q", item.ID, item.Number, item.Level, len(item.Paragraphs), item.Title)
				}
			}
		}
	}
	if len(r.Sections[0].Sections) != 0 || len(r.Sections[2].Sections) != 0 {
		t.Errorf("parts 一 and 三 should have no chapters")
	}
	// Spot checks of run-in headings and of inherited periods.
	item := r.Section("shangcheng-2022-plan-report/2.3.1")
	if item == nil || item.Title != "城区空间更新发展" || !strings.HasPrefix(item.Paragraphs[0].Text, "深化概念性战略规划编制") {
		t.Fatalf("section 2.3.1 = %+v", item)
	}
	for p := range r.Paragraphs() {
		if strings.Contains(p.Text, "加装电梯80台") && (p.Year != 2023 || p.Kind != KindTarget) {
			t.Errorf("%s: period %d %s, want 2023 target", p.ID, p.Year, p.Kind)
		}
		if strings.Contains(p.Text, "加装电梯127台") && (p.Year != 2022 || p.Kind != KindResult) {
			t.Errorf("%s: period %d %s, want 2022 result", p.ID, p.Year, p.Kind)
		}
	}
}

// contentRunes counts the letters and digits of s: what must survive parsing
// exactly once, whatever happens to punctuation and spaces.
func contentRunes(s string, into map[rune]int, sign int) {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			into[r] += sign
		}
	}
}

// modelText is everything the parser kept or dropped, for the conservation test.
func modelText(r *Report) string {
	var b strings.Builder
	for _, p := range r.Preamble {
		b.WriteString(p.Text)
	}
	for s := range r.AllSections() {
		switch {
		case s.style == styleImplicitList:
		case isBareLeaf(s):
			b.WriteString(s.Label) // its title is its paragraph's text
		default:
			b.WriteString(s.Label + s.Title)
		}
		for _, p := range s.Paragraphs {
			b.WriteString(p.Text)
		}
	}
	for _, d := range r.Dropped {
		b.WriteString(d.Text)
	}
	return b.String()
}

// isBareLeaf reports whether a section's one paragraph is its heading's
// line (see keepBareLeaves).
func isBareLeaf(s *Section) bool {
	return len(s.Sections) == 0 && len(s.Paragraphs) == 1 && s.Paragraphs[0].Line == s.Line &&
		strings.HasPrefix(s.Paragraphs[0].Text, s.Title)
}

// TestNoTextLostOrDuplicated checks, for every real report, that each
// letter and digit of the source ends up exactly once in the report (as
// paragraph text, a heading, or a dropped line), and that every paragraph is
// a piece of the source.
func TestNoTextLostOrDuplicated(t *testing.T) {
	files := realReports(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(f, data)
			if err != nil {
				t.Fatal(err)
			}
			text, _, _ := Decode(data)
			// Escaped line breaks (the letters \r\n) are line breaks, not
			// text, when the parser reads them so.
			lines := strings.Split(lineBreaks.Replace(text), "\n")
			var src strings.Builder
			for _, l := range lines {
				if escapedBreaks(text, len(lines)) {
					l = reEscapedBreak.ReplaceAllString(l, "")
				}
				src.WriteString(Normalize(l))
			}
			counts := map[rune]int{}
			contentRunes(src.String(), counts, 1)
			contentRunes(modelText(r), counts, -1)
			var diff []string
			for ch, n := range counts {
				if n != 0 {
					diff = append(diff, fmt.Sprintf("%q:%+d", ch, n))
				}
			}
			if len(diff) > 0 {
				t.Errorf("characters lost (+) or duplicated (-): %v", diff)
			}
			// A paragraph is a piece of the source, or of the source
			// without the whole lines dropped from inside it (a page
			// number, a photo caption).
			joined := stripNonContent(rePageJump.ReplaceAllString(src.String(), ""))
			droppedLine := map[int]map[string]bool{}
			for _, d := range r.Dropped {
				if droppedLine[d.Line] == nil {
					droppedLine[d.Line] = map[string]bool{}
				}
				droppedLine[d.Line][d.Text] = true
			}
			var kept strings.Builder
			for i, l := range lines {
				if l = Normalize(l); !droppedLine[i+1][strings.TrimSpace(l)] {
					kept.WriteString(l)
				}
			}
			withoutDropped := stripNonContent(rePageJump.ReplaceAllString(kept.String(), ""))
			for p := range r.Paragraphs() {
				if s := stripNonContent(p.Text); !strings.Contains(joined, s) && !strings.Contains(withoutDropped, s) {
					t.Errorf("%s is not a piece of the source: %.60s", p.ID, p.Text)
				}
			}
		})
	}
}

func stripNonContent(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

var reURLSafe = regexp.MustCompile(`^[a-z0-9-]+(/[a-z0-9.~-]+)*$`)

// headingless are the real reports whose text has no headings at all, so
// that their outline is rightly flat: the parser must not invent parts for
// them, and a report that gains headings must leave this list.
var headingless = map[string]string{
	"national_1954_gwr.txt": "printed in 人民日报 without headings: the parts are marked by the text alone",
	"national_1975_gwr.txt": "printed in 人民日报 without headings: the parts are marked by 各位代表！ alone",
}

// TestInvariants checks, for every real report, what the rest of the
// program relies on: unique URL-safe IDs, spans inside the text, sentences
// that cover the paragraph, and headings that are not body text.
func TestInvariants(t *testing.T) {
	files := realReports(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			r, err := readShared(f)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, r)
			if _, flat := headingless[r.Source]; len(r.Sections) < 2 && !flat {
				t.Errorf("%d top-level parts, want at least 2", len(r.Sections))
			}
			if r.Title == "" || r.Title == strings.TrimSuffix(r.Source, ".txt") && r.ID != "005-national-1980-plan-report" {
				t.Errorf("title %q", r.Title)
			}
			for s := range r.AllSections() {
				if runeLen(s.Title) > maxStandaloneHeading {
					t.Errorf("%s: heading swallowed body text: %q", s.ID, s.Title)
				}
			}
		})
	}
}

func checkInvariants(t testing.TB, r *Report) {
	t.Helper()
	seen := map[string]bool{}
	for s := range r.AllSections() {
		if !reURLSafe.MatchString(s.ID) || seen[s.ID] {
			t.Errorf("section ID %q not URL-safe or not unique", s.ID)
		}
		seen[s.ID] = true
		if depth := strings.Count(s.Path, ".") + 1; s.Level != depth {
			t.Errorf("section %s: level %d at depth %d", s.ID, s.Level, depth)
		}
	}
	n := 0
	for p := range r.Paragraphs() {
		n++
		if !reURLSafe.MatchString(p.ID) || seen[p.ID] {
			t.Errorf("paragraph ID %q not URL-safe or not unique", p.ID)
		}
		seen[p.ID] = true
		if strings.TrimSpace(p.Text) == "" {
			t.Errorf("%s: empty paragraph", p.ID)
		}
		end := 0
		for _, s := range p.Sentences {
			if s.Start < end || s.End > len(p.Text) || s.Start >= s.End {
				t.Fatalf("%s: sentence span %v out of order or out of range (len %d)", p.ID, s, len(p.Text))
			}
			if strings.TrimSpace(p.Text[end:s.Start]) != "" {
				t.Errorf("%s: text between sentences lost: %q", p.ID, p.Text[end:s.Start])
			}
			end = s.End
		}
		if strings.TrimSpace(p.Text[end:]) != "" {
			t.Errorf("%s: text after the last sentence: %q", p.ID, p.Text[end:])
		}
	}
	if n == 0 {
		t.Errorf("no paragraphs")
	}
}

func TestGB18030Report(t *testing.T) {
	r, err := ReadFile("testdata/reports/046_district_hailar_2012_gwr.gb18030.txt")
	if err != nil {
		t.Fatal(err)
	}
	if r.Encoding != encGB18030 || r.Issuer != "海拉尔区人民政府" || r.Date != "2012-02-29" || r.Speaker != "张天喜" {
		t.Errorf("metadata: %s %q %q %q", r.Encoding, r.Issuer, r.Date, r.Speaker)
	}
	p := r.Paragraph("046-district-hailar-2012-gwr/1.1/p1")
	if p == nil || !strings.HasPrefix(p.Text, "2011年，地区生产总值完成198.5亿元") {
		t.Fatalf("paragraph 1.1/p1 = %+v", p)
	}
	if s := r.Sections[0]; s.Year != 2011 || s.Kind != KindResult {
		t.Errorf("过去一年工作回顾: %d %s, want 2011 result", s.Year, s.Kind)
	}
}

// TestIDsAreStable edits one part of the report and checks that the IDs and
// texts of every other part are unchanged.
func TestIDsAreStable(t *testing.T) {
	orig := DefaultBytes()
	before := mustDefault(t)
	edited := bytes.Replace(orig, []byte("1.持续深耕都市经济。"), []byte("1.持续深耕都市经济。新增一句话。\n\n另起一段新的内容。\n\n1.持续深耕都市经济。"), 1)
	edited = bytes.Replace(edited, []byte("各位代表:\n"), []byte("各位代表:\n\n前面插入的一段说明文字，用来检验编号。\n"), 1)
	if bytes.Equal(edited, orig) {
		t.Fatal("edit did not apply")
	}
	after, err := Parse(DefaultName, edited)
	if err != nil {
		t.Fatal(err)
	}
	afterText := map[string]string{}
	for p := range after.Paragraphs() {
		afterText[p.ID] = p.Text
	}
	stable := 0
	for p := range before.Paragraphs() {
		if strings.Contains(p.ID, "/4.1.") || strings.Contains(p.ID, "/p") && p.SectionID == "" {
			continue // the edited section and the preamble
		}
		if afterText[p.ID] != p.Text {
			t.Errorf("%s changed after an unrelated edit", p.ID)
		}
		stable++
	}
	if stable < 30 {
		t.Errorf("only %d paragraphs compared", stable)
	}
}

func TestParseStructures(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // outline lines "path label title" in order
	}{
		{
			name: "restarted numbering goes into an appendix, parts intact",
			text: "一、回顾\n正文一。\n二、任务\n正文二。\n三、建设\n正文三。\n一、附列事项甲\n说明甲。\n二、附列事项乙\n说明乙。\n",
			want: []string{"1 一、 回顾", "2 二、 任务", "3 三、 建设", "x1 附 ", "x1.1 一、 附列事项甲", "x1.2 二、 附列事项乙"},
		},
		{
			name: "appendix marker takes the next short line as title",
			text: "一、任务\n正文。\n附件1\n名词解释\n1.“四上”企业：\n指规模以上企业。\n",
			want: []string{"1 一、 任务", "a1 附件1 名词解释", "a1.1 1. “四上”企业"},
		},
		{
			name: "an appendix with its title on the same line does not swallow the next line",
			text: "一、任务\n正文。\n附件2：2026年十件民生实事\n提高低保标准\n二、其他\n正文。\n",
			want: []string{"1 一、 任务", "a2 附件2 2026年十件民生实事", "a2.2 二、 其他"},
		},
		{
			name: "an unnumbered appendix does not renumber 附件2",
			text: "一、任务\n正文。\n附录\n说明文字。\n附件2：名词解释\n解释。\n",
			want: []string{"1 一、 任务", "x1 附录 ", "a2 附件2 名词解释"},
		},
		{
			name: "a list of numerals in running text is not a part heading",
			text: "一、2022年工作回顾\n（一）经济\n全年增长5%，其中第\n一、二、三产业分别增长3%、5%、6%。\n（二）社会\n正文。\n二、2023年主要任务\n正文。\n",
			want: []string{"1 一、 2022年工作回顾", "1.1 （一） 经济", "1.2 （二） 社会", "2 二、 2023年主要任务"},
		},
		{
			name: "附件 inside a sentence is not an appendix",
			text: "一、2022年工作回顾\n我们将按照\n附件要求执行，确保完成\n二、2023年主要任务\n正文。\n",
			want: []string{"1 一、 2022年工作回顾", "2 二、 2023年主要任务"},
		},
		{
			name: "styles nest in the order they open",
			text: "一、总体\n（一）第一章\n1.条目甲\n内容。\n（1）细目\n内容。\n2.条目乙\n内容。\n（二）第二章\n内容。\n二、其他\n1.条目丙\n内容。\n",
			want: []string{"1 一、 总体", "1.1 （一） 第一章", "1.1.1 1. 条目甲", "1.1.1.1 （1） 细目", "1.1.2 2. 条目乙", "1.2 （二） 第二章", "2 二、 其他", "2.1 1. 条目丙"},
		},
		{
			name: "a repeated number gets a distinct path",
			text: "一、甲\n（一）子\n内容。\n（一）子的重复\n内容。\n",
			want: []string{"1 一、 甲", "1.1 （一） 子", "1.1~2 （一） 子的重复"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse("t.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, r)
			var got []string
			for s := range r.AllSections() {
				got = append(got, s.Path+" "+s.Label+" "+s.Title)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestFrontMatterAndResidue(t *testing.T) {
	text := "下载\n打印\n【字号：\n加大\n】\n标题：二O一五年政府工作报告\n年份：2015\n来源：某某日报\n=====\n" +
		"政 府 工 作 报 告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n广东省省长　孟凡利\n各位代表：\n" +
		"现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n过去一年，经济\u200b\n\n平稳增长，以PM\n2.5\n浓度为主线。\n" +
		"相关报道：\n某某新闻\n"
	r, err := Parse("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "二O一五年政府工作报告" || r.Date != "2026-01-26" || r.Meeting != "广东省第十四届人民代表大会第五次会议" ||
		r.Speaker != "孟凡利" || r.Issuer != "广东省人民政府" || r.Origin != "某某日报" {
		t.Errorf("metadata: title %q date %q meeting %q speaker %q issuer %q origin %q", r.Title, r.Date, r.Meeting, r.Speaker, r.Issuer, r.Origin)
	}
	if len(r.Preamble) != 1 || !strings.HasPrefix(r.Preamble[0].Text, "现在，我代表") {
		t.Errorf("preamble = %+v", r.Preamble)
	}
	body := r.Sections[0].Paragraphs
	if len(body) != 1 || body[0].Text != "过去一年，经济平稳增长，以PM2.5浓度为主线。" {
		t.Errorf("broken lines not joined: %+v", body)
	}
	reasons := map[string]bool{}
	for _, d := range r.Dropped {
		reasons[d.Reason] = true
	}
	for _, want := range []string{"crawler header", "rule", "title", "date and meeting", "speaker", "salutation", "trailing boilerplate"} {
		if !reasons[want] {
			t.Errorf("no line dropped as %q: %+v", want, r.Dropped)
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	longLine := bytes.Repeat([]byte("长"), 20<<20/3)
	tests := []struct {
		name string
		path string
		want error
	}{
		{"empty", write("empty.txt", nil), ErrEmpty},
		{"binary", write("image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00")), ErrBinary},
		{"invalid encoding", write("bad.txt", []byte("一、\xff\xfe\x80\x80")), ErrEncoding},
		{"20 MB on one line", write("huge.txt", longLine), ErrLineTooLong},
		{"only headings", write("headings.txt", []byte("标题：某报告\n=====\n")), ErrNoText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ReadFile(tc.path)
			if !errors.Is(err, tc.want) || r != nil {
				t.Fatalf("ReadFile = %v, %v; want error %v", r, err, tc.want)
			}
			if !strings.Contains(err.Error(), filepath.Base(tc.path)) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	t.Run("directory with no reports", func(t *testing.T) {
		empty := t.TempDir()
		must(t, os.WriteFile(filepath.Join(empty, "README.md"), []byte("# notes"), 0o644))
		_, err := ReadPaths([]string{empty})
		if !errors.Is(err, ErrNoReports) || !strings.Contains(err.Error(), empty) {
			t.Fatalf("ReadPaths(empty dir) = %v", err)
		}
	})
	t.Run("one bad file fails the whole read and names it", func(t *testing.T) {
		mixed := t.TempDir()
		must(t, os.WriteFile(filepath.Join(mixed, "good.txt"), DefaultBytes(), 0o644))
		must(t, os.WriteFile(filepath.Join(mixed, "bad.txt"), []byte{0, 1, 2}, 0o644))
		reports, err := ReadPaths([]string{mixed})
		if err == nil || reports != nil || !strings.Contains(err.Error(), "bad.txt") {
			t.Fatalf("ReadPaths = %d reports, %v", len(reports), err)
		}
	})
}

func TestReadPathsDirectory(t *testing.T) {
	reports, err := ReadPaths([]string{"testdata/reports"})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(testReports(t)); len(reports) != want {
		t.Fatalf("%d reports, want %d (SOURCES.md files skipped)", len(reports), want)
	}
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		must(t, os.MkdirAll(filepath.Join(dir, sub), 0o755))
		must(t, os.WriteFile(filepath.Join(dir, sub, "report.txt"), DefaultBytes(), 0o644))
	}
	twins, err := ReadPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(twins) != 2 || twins[0].ID != "a-report" || twins[1].ID != "b-report" {
		t.Fatalf("IDs %q %q, want a-report b-report (from the path below the directory)", twins[0].ID, twins[1].ID)
	}
	// The same relative path under two directories, and a file whose own
	// slug is what the first collision would become.
	other := t.TempDir()
	must(t, os.WriteFile(filepath.Join(other, "report.txt"), DefaultBytes(), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "a", "report-2.txt"), DefaultBytes(), 0o644))
	all, err := ReadPaths([]string{filepath.Join(dir, "a"), other})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range all {
		ids = append(ids, r.ID)
		for p := range r.Paragraphs() {
			if !strings.HasPrefix(p.ID, r.ID+"/") || p.SectionID != "" && !strings.HasPrefix(p.SectionID, r.ID+"/") {
				t.Fatalf("report %s has paragraph %s in %s", r.ID, p.ID, p.SectionID)
			}
			for _, f := range p.Figures {
				if !strings.HasPrefix(f.ID, p.ID+"/") || f.ParagraphID != p.ID {
					t.Fatalf("figure %s of paragraph %s", f.ID, p.ID)
				}
			}
		}
	}
	if strings.Join(ids, " ") != "report-2 report report-3" {
		t.Errorf("IDs %v, want unique: report-2 report report-3", ids)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"shangcheng-2022-plan-report.txt", "shangcheng-2022-plan-report"},
		{"046_district_hailar_2012_gwr.gb18030.txt", "046-district-hailar-2012-gwr"},
		{"2023/shangcheng.markdown", "2023-shangcheng"},
		{"Report  2024 (final).md", "report-2024-final"},
	}
	for _, tc := range tests {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	a, b := Slug("上城区2022年计划报告.txt"), Slug("拱墅区2022年计划报告.txt")
	if a == b || !reURLSafe.MatchString(a) || !strings.HasPrefix(a, "2022-") {
		t.Errorf("Chinese names: %q %q", a, b)
	}
	if s := Slug("报告.txt"); !strings.HasPrefix(s, "report-") || !reURLSafe.MatchString(s) {
		t.Errorf("Slug(报告.txt) = %q", s)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestResidueAndMetadata covers input that real crawled and converted
// reports carry: page residue, captions, breadcrumbs, crawler fields, and
// metadata written in other ways.
func TestResidueAndMetadata(t *testing.T) {
	tests := []struct {
		name, text string
		check      func(t *testing.T, r *Report)
	}{
		{"date in Chinese numerals", "（二〇二三年一月十七日在某区第一届人民代表大会第二次会议上）\n一、过去一年工作回顾\n正文。\n二、今年主要任务\n正文。\n",
			func(t *testing.T, r *Report) {
				if r.Date != "2023-01-17" || r.Meeting != "某区第一届人民代表大会第二次会议" || fmt.Sprint(r.Years) != "[2022 2023]" {
					t.Errorf("date %q meeting %q years %v", r.Date, r.Meeting, r.Years)
				}
			}},
		{"salutation with two addressees", "各位代表、各位委员：\n现在，我代表区政府作报告。\n一、回顾\n各位代表，各位委员：\n正文。\n",
			func(t *testing.T, r *Report) {
				if len(r.Preamble) != 1 || r.Preamble[0].Text != "现在，我代表区政府作报告。" || len(r.Sections[0].Paragraphs) != 1 {
					t.Errorf("preamble %+v, part %+v", r.Preamble, r.Sections[0].Paragraphs)
				}
			}},
		{"a news agency's dateline is not part of the title", "新华社北京3月14日电政府工作报告——2014年3月5日在第十二届全国人民代表大会第二次会议上\n一、2013年工作回顾\n正文。\n二、2014年工作总体部署\n正文。\n",
			func(t *testing.T, r *Report) {
				if r.Title != "政府工作报告" || r.Date != "2014-03-05" {
					t.Errorf("title %q date %q", r.Title, r.Date)
				}
			}},
		{"a report without a title line that says it is a work report", "各位代表：\n现在，我代表顺平县人民政府向大会作工作报告，请予审议。\n一、2022年工作回顾\n正文。\n二、2023年工作安排\n正文。\n",
			func(t *testing.T, r *Report) {
				if r.Title != "政府工作报告" || r.Issuer != "顺平县人民政府" || r.RegionCode != "130636" {
					t.Errorf("title %q issuer %q code %q", r.Title, r.Issuer, r.RegionCode)
				}
			}},
		{"a file name in the middle is not the title", "2023年政府工作报告\n一、回顾\n正文。\n附件：2023年重点项目清单.pdf\n二、任务\n正文。\n",
			func(t *testing.T, r *Report) {
				if r.Title != "2023年政府工作报告" {
					t.Errorf("title %q", r.Title)
				}
			}},
		{"a Latin line inside a sentence is kept", "一、回顾\n空气质量以\nPM\n2.5浓度下降为主要指标。\n",
			func(t *testing.T, r *Report) {
				if got := r.Sections[0].Paragraphs[0].Text; got != "空气质量以PM2.5浓度下降为主要指标。" {
					t.Errorf("paragraph %q", got)
				}
			}},
		{"page numbers, jump markers, captions and breadcrumbs go", "首页 > 政务公开 > 政府工作报告\n省长赵刚作政府工作报告。本报记者 霍艳恩摄\n省长 赵刚\n一、回顾\n经济运行（下转第四版）（紧接第一版）总体平稳，\n- 3 -\n全年增长5%。\n.footer {display: block !important;}\n",
			func(t *testing.T, r *Report) {
				if got := r.Sections[0].Paragraphs; len(got) != 1 || got[0].Text != "经济运行总体平稳，全年增长5%。" {
					t.Errorf("paragraphs %+v", got)
				}
				if r.Speaker != "赵刚" {
					t.Errorf("speaker %q", r.Speaker)
				}
				reasons := map[string]bool{}
				for _, d := range r.Dropped {
					reasons[d.Reason] = true
				}
				for _, want := range []string{"site navigation", "photo caption", "page residue", "page number"} {
					if !reasons[want] {
						t.Errorf("nothing dropped as %q: %+v", want, r.Dropped)
					}
				}
			}},
		{"a crawler field with its value on the next line", "来源：\n陕西省人民政府\n时间：\n2026-02-02 09:20\n一、回顾\n正文。\n",
			func(t *testing.T, r *Report) {
				if r.Origin != "陕西省人民政府" || r.Issuer != "" || len(r.Preamble) != 0 {
					t.Errorf("origin %q issuer %q preamble %+v", r.Origin, r.Issuer, r.Preamble)
				}
			}},
		{"a trailer glued to the last sentence", "一、回顾\n正文。\n二、任务\n圆满完成今年的各项任务。扫一扫在手机打开当前页【关闭当前页面】\n",
			func(t *testing.T, r *Report) {
				if got := r.Sections[1].Paragraphs[0].Text; got != "圆满完成今年的各项任务。" {
					t.Errorf("last paragraph %q", got)
				}
			}},
		{"a summary after the chapters belongs to the part and keeps its place", "一、2022年工作回顾\n（一）经济\n甲。\n（二）社会\n乙。\n过去一年，我们扎实开展各项工作。\n二、2023年主要任务\n丙。\n",
			func(t *testing.T, r *Report) {
				var order []string
				for p := range r.Paragraphs() {
					order = append(order, p.Text)
				}
				if strings.Join(order, "") != "甲。乙。过去一年，我们扎实开展各项工作。丙。" {
					t.Errorf("order %q", order)
				}
				if ps := r.Sections[0].Paragraphs; len(ps) != 1 || ps[0].ID != "t/1/p1" {
					t.Errorf("part paragraphs %+v", ps)
				}
			}},
		{"glued headings split only at a sentence boundary", "二、2010年政府工作总体要求和奋斗目标?今年是关键之年，任务繁重。\n三、2023年主要任务和措施。\n正文。\n",
			func(t *testing.T, r *Report) {
				if s := r.Sections[0]; s.Title != "2010年政府工作总体要求和奋斗目标" || s.Paragraphs[0].Text != "今年是关键之年，任务繁重。" {
					t.Errorf("part 二: %q / %+v", s.Title, s.Paragraphs)
				}
				if s := r.Sections[1]; s.Title != "2023年主要任务和措施" {
					t.Errorf("part 三: %q", s.Title)
				}
			}},
		{"vertical tabs and CR-only line ends", "一、回顾\r正文甲。\v二、任务\r正文乙。",
			func(t *testing.T, r *Report) {
				if len(r.Sections) != 2 || r.Sections[1].Paragraphs[0].Text != "正文乙。" {
					t.Errorf("sections %+v", r.Sections)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse("t.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, r)
			tc.check(t, r)
		})
	}
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		headings string
		want     string // year kind per section, depth-first
	}{
		{"一、2022年主要目标任务完成情况\n二、2023年主要任务\n", "2022 result|2023 target"},
		{"一、2022年重点工作落实情况\n二、2023年工作安排\n", "2022 result|2023 target"},
		{"一、“十三五”时期发展成就和“十四五”时期主要目标任务\n", "2021 target"},
		{"一、2022年工作回顾\n二、2023年主要任务\n（一）2022年开工项目续建\n（二）2022年目标完成情况\n", "2022 result|2023 target|2023 target|2022 result"},
		{"一、2002年工作回顾\n二、2000年政府工作的主要任务\n", "2002 result|2003 target"},
		{"一、当前的经济形势\n二、2021年主要任务\n", "2020 result|2021 target"},
	}
	for _, tc := range tests {
		text := "（2021年1月20日在某区第一届人民代表大会第一次会议上）\n" + tc.headings
		text = strings.ReplaceAll(text, "\n", "\n正文。\n")
		if strings.Contains(tc.headings, "2002年") {
			text = strings.Replace(text, "2021年1月20日", "2003年1月20日", 1)
		}
		r, err := Parse("t.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for s := range r.AllSections() {
			got = append(got, fmt.Sprintf("%d %s", s.Year, s.Kind))
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%q: %s, want %s", tc.headings, strings.Join(got, "|"), tc.want)
		}
	}
}

func TestReadingEdgeCases(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		t.Helper()
		p := filepath.Join(dir, name)
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, data, 0o644))
		return p
	}
	t.Run("markdown", func(t *testing.T) {
		for _, name := range []string{"r.md", "r.markdown"} {
			r, err := ReadFile(write(name, []byte("# 政府工作报告\n\n## 一、2022年工作回顾\n\n**经济**平稳增长。\n\n---\n\n## 二、2023年主要任务\n\n> 稳中求进。\n")))
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Sections) != 2 || r.Sections[0].Paragraphs[0].Text != "经济平稳增长。" || r.Sections[1].Paragraphs[0].Text != "稳中求进。" || r.Title != "政府工作报告" {
				t.Errorf("%s: title %q sections %+v", name, r.Title, r.Sections)
			}
		}
	})
	t.Run("utf-16", func(t *testing.T) {
		for name, enc := range map[string]func(string) []byte{"le.txt": utf16le, "be.txt": utf16be} {
			r, err := ReadFile(write(name, enc("\ufeff一、回顾\r\n正文。\r\n")))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !strings.HasPrefix(r.Encoding, "UTF-16") || r.Sections[0].Paragraphs[0].Text != "正文。" {
				t.Errorf("%s: %s %+v", name, r.Encoding, r.Sections)
			}
		}
	})
	t.Run("utf-16 without a byte-order mark", func(t *testing.T) {
		want, err := Default()
		if err != nil {
			t.Fatal(err)
		}
		for name, enc := range map[string]func(string) []byte{"nobom-le.txt": utf16le, "nobom-be.txt": utf16be} {
			r, err := ReadFile(write(name, enc(string(DefaultBytes()))))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !strings.HasPrefix(r.Encoding, "UTF-16") || countOf(r.Paragraphs()) != countOf(want.Paragraphs()) || r.Title != want.Title {
				t.Errorf("%s: %s, %d paragraphs, title %q; want those of the UTF-8 text", name, r.Encoding, countOf(r.Paragraphs()), r.Title)
			}
		}
		noise := make([]byte, 4096)
		for i := range noise {
			noise[i] = byte(i * 7919 % 251) // every byte value, NULs among them
		}
		if _, err := ReadFile(write("noise.txt", noise)); !errors.Is(err, ErrBinary) {
			t.Errorf("binary data with NULs: %v, want ErrBinary", err)
		}
		// ASCII pairs decode to CJK code points: a stray NUL in English text
		// must not make it UTF-16.
		stray := []byte(strings.Repeat("Report text in English, line by line.\n", 40) + "x\x00")
		if r, err := ReadFile(write("stray-nul.txt", stray)); !errors.Is(err, ErrBinary) {
			t.Errorf("ASCII text with one NUL: %v, read as %s; want ErrBinary", err, r.Encoding)
		}
	})
	t.Run("more than the size limit", func(t *testing.T) {
		_, err := ReadFile(write("big.txt", bytes.Repeat([]byte("一、回顾\n"), MaxFileSize/12+1)))
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.txt") {
			t.Errorf("ReadFile(33 MB) = %v", err)
		}
	})
	t.Run("directories: hidden files, notes, symlinked root", func(t *testing.T) {
		tree := filepath.Join(dir, "tree")
		write("tree/a.txt", DefaultBytes())
		write("tree/sub/b.text", DefaultBytes())
		write("tree/.hidden.txt", []byte{0})
		write("tree/.git/c.txt", []byte{0})
		write("tree/README.md", []byte("# notes"))
		write("tree/data.csv", []byte("a,b"))
		link := filepath.Join(dir, "link")
		must(t, os.Symlink(tree, link))
		for _, root := range []string{tree, link} {
			files, err := ReportFiles([]string{root})
			if err != nil || len(files) != 2 {
				t.Fatalf("ReportFiles(%s) = %v, %v", root, files, err)
			}
		}
		reports, err := ReadPaths([]string{link})
		if err != nil || len(reports) != 2 || reports[0].ID != "a" || reports[1].ID != "sub-b" {
			t.Fatalf("ReadPaths = %v", err)
		}
	})
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func countOf[T any](seq iter.Seq[T]) int {
	n := 0
	for range seq {
		n++
	}
	return n
}
