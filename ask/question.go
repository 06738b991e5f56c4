package ask

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsearch/corpus"
)

// Question types.
const (
	AskFigure     = "figure"     // 2022年城镇新增就业多少人？
	AskComparison = "comparison" // 2022年完成多少，2023年计划多少？
	AskList       = "list"       // 2023年教育方面有哪些目标？
	AskWhere      = "where"      // 哪里提到德寿宫？
)

// Frame is a question analysed into what it asks about.
type Frame struct {
	Question  string           `json:"question"`
	Type      string           `json:"type"`
	Indicator string           `json:"indicator"` // what is asked about: 城镇新增就业
	Years     []int            `json:"years,omitempty"`
	Kind      string           `json:"kind,omitempty"` // result, target or estimate; empty when not said
	Unit      string           `json:"unit,omitempty"` // a unit the question names: 家, 台, 亿元
	Class     corpus.UnitClass `json:"unit_class,omitempty"`
	Measure   string           `json:"measure,omitempty"` // growth, decline or rate when asked
	Domain    string           `json:"domain,omitempty"`  // for list questions
	// Counted is the thing a question counts when it is not a unit:
	// 增加了多少学位 counts 学位.
	Counted string `json:"counted,omitempty"`
	// Region is the place the question names, as the reports know it
	// (广东 → 广东省), or as written when no indexed report speaks for it.
	Region string `json:"region,omitempty"`
	// reports are the reports of Region; none when it names no place.
	reports []string
	// relative marks a year said as 今年, 去年 …, offset years from the
	// year a report is delivered in: each report's own 今年 may answer.
	relative bool
	offset   int
	// toLevel marks a question for the level a change came to (提高到多少):
	// a figure written after 提高到 fits it best.
	toLevel bool
	// mayBeFigure marks a list question that may ask for one figure:
	// Ask answers it with a figure if one fits.
	mayBeFigure bool
}

// String renders a frame for tests and logs.
func (f Frame) String() string {
	s := fmt.Sprintf("%s %q years=%v kind=%s unit=%s class=%s measure=%s domain=%s", f.Type, f.Indicator, f.Years, f.Kind, f.Unit, f.Class, f.Measure, f.Domain)
	if f.Counted != "" {
		s += " counted=" + f.Counted
	}
	if f.Region != "" {
		s += " region=" + f.Region
	}
	return s
}

var (
	// A year, with 年 or, typed tersely, a space after it: 河北2025 固投增速.
	reQYear    = regexp.MustCompile(`((?:19|20)\d{2}|[一二〇○零][一二三四五六七八九〇○零]{3})(?:\s*年(?:度)?|\s+)`)
	reAskUnit  = regexp.MustCompile(`(?:多少|几)(个百分点|平方公里|万平方米|平方米|万人次|人次|万人|亿元|万元|亿美元|美元|公里|千米|剂次|家次|户次|[元人名户家个项所座处幢栋台辆张套间宗条块件场次亩吨])`)
	reAskWords = regexp.MustCompile(`是多少|有多少|为多少|多少|几多|几`)
	// reDoneHowMany is 了 before 多少 or 几, which says nothing of what is
	// asked: 增加了多少学位.
	reDoneHowMany = regexp.MustCompile(`了(多少|几)`)
	// reCounted is the noun a question counts, after 多少 at its end.
	reCounted = regexp.MustCompile(`^(\p{Han}{2,4})[？?。]*$`)
	// reShareOf asks for a share of a whole: 全国占比, 占全省的比重.
	reShareOf = regexp.MustCompile(`(?:在|占)?(全国|全省|全市|全区|全县|全球)(?:的)?(?:占比|比重|比例|份额)`)
	// reHowManyWord asks for a number; the unit, if any, follows it.
	reHowManyWord = regexp.MustCompile(`多少|几`)
	// reToLevel asks what a number came to, not by how much it changed:
	// 下降到了多少, 增长到多少.
	reToLevel   = regexp.MustCompile(`(?:下降|降低|减少|增长|增加|提高|提升|上升|降|升)(?:到|至)了?|(?:降|升)为`)
	reQuestionW = regexp.MustCompile(`[？?。！!]+$`)
	reListQ     = regexp.MustCompile(`(?:有)?哪些(?:目标|任务|举措|措施|工作|承诺|计划|安排|重点)?|(?:主要)?(?:目标|任务|举措)(?:是什么|有什么)`)
	// A place the question names before what it asks about: 上城区的, 全省.
	rePlacePrefix = regexp.MustCompile(`^\p{Han}{1,8}?(?:省|市|区|县|旗|州|自治区)的`)
	reWhereQ      = regexp.MustCompile(`^(?:哪里|哪儿|什么地方|哪一段|哪些段落|在哪)(?:提到|说到|讲到|写到)|(?:在哪里|在哪儿|哪里)(?:提到|说到|讲到)?`)
)

// listSubjects are what a list question asks about when it names no
// indicator: 主要预期目标是什么.
var listSubjects = []string{"主要", "主要预期", "预期", "重点", "总体", "工作", "发展", "经济社会发展", "经济社会发展主要"}

// relativeYears are years said relative to the year a report is delivered
// in; a question's are read in the order it says them.
var relativeYears = []struct {
	word   string
	offset int
}{{"前年", -2}, {"去年", -1}, {"上年", -1}, {"今年", 0}, {"本年", 0}, {"明年", 1}}

// kindWords say whether a question asks for a result or a target.
type kindWord struct{ word, kind string }

var kindWords = []kindWord{
	{"预计", "estimate"}, {"要达到", "target"}, {"将达到", "target"}, {"力争达到", "target"},
	{"要完成", "target"}, {"将完成", "target"}, {"计划完成", "target"}, {"安排", "target"},
	{"完成了", "result"}, {"完成", "result"}, {"实现了", "result"}, {"实现", "result"},
	{"达到了", "result"}, {"实际", "result"}, {"计划", "target"}, {"目标", "target"}, {"力争", "target"},
	{"预期", "target"}, {"要求", "target"}, {"拟", "target"}, {"将要", "target"},
}

// measureWords say that a question asks for a change or a rate.
var measureWords = []struct {
	word, measure string
}{
	{"增长了多少", "growth"}, {"增长多少", "growth"}, {"增速", "growth"}, {"增幅", "growth"}, {"增长率", "growth"},
	{"提高了多少", "growth"}, {"下降了多少", "decline"}, {"下降多少", "decline"}, {"降幅", "decline"},
	{"减少了多少", "decline"}, {"减少多少", "decline"}, {"比例", "rate"}, {"占比", "rate"}, {"比重", "rate"},
}

// AnalyseQuestion turns a question into a frame. reportYear is the year the
// reports are delivered in (今年), for resolving relative years; tax finds
// the domain of a list question.
func AnalyseQuestion(q string, reportYear int, tax *corpus.Taxonomy) Frame {
	text := corpus.Normalize(q)
	f := Frame{Question: text, Type: AskFigure}
	rest := reDoneHowMany.ReplaceAllString(text, "$1") // 增加了多少 → 增加多少

	// Years, explicit or relative.
	for _, m := range reQYear.FindAllStringSubmatch(rest, -1) {
		if y := yearOf(m[1]); y != 0 {
			f.Years = append(f.Years, y)
		}
	}
	rest = reQYear.ReplaceAllString(rest, "")
	// In the order the question says them (今年…比去年: this year, then
	// last), so that a question always gets the same frame.
	type relativeAt struct{ at, offset int }
	var said []relativeAt
	for _, r := range relativeYears {
		if i := strings.Index(rest, r.word); i >= 0 {
			said = append(said, relativeAt{i, r.offset})
		}
	}
	slices.SortFunc(said, func(a, b relativeAt) int { return a.at - b.at })
	for _, r := range said {
		if reportYear != 0 {
			f.Years = append(f.Years, reportYear+r.offset)
		}
		f.relative, f.offset = true, r.offset
	}
	for _, r := range relativeYears {
		rest = strings.ReplaceAll(rest, r.word, "")
	}

	switch {
	case reWhereQ.MatchString(rest):
		f.Type = AskWhere
		rest = reWhereQ.ReplaceAllString(rest, "")
	case reListQ.MatchString(rest) && !strings.Contains(rest, "多少") && !strings.Contains(rest, "几"):
		f.Type = AskList
		// …目标是什么 may ask for one figure (生产总值增长目标是什么); …有哪些
		// and …方面 ask for a list.
		f.mayBeFigure = !strings.Contains(rest, "哪些") && !strings.Contains(rest, "方面") && !strings.Contains(rest, "领域")
		rest = reListQ.ReplaceAllString(rest, "")
		if ds := tax.Match(text); len(ds) > 0 {
			f.Domain = ds[0]
		}
	}
	if len(f.Years) >= 2 && (strings.Count(text, "多少") >= 2 || strings.Contains(text, "相比") || strings.Contains(text, "对比")) {
		f.Type = AskComparison
	}

	if reToLevel.MatchString(rest) {
		f.toLevel = true
		rest = reToLevel.ReplaceAllString(rest, "")
	}
	// 全国占比, 占全国的比重 are what the reports write 占全国: a share.
	if reShareOf.MatchString(rest) {
		rest = reShareOf.ReplaceAllString(rest, "占$1")
		f.Measure, f.Class = "rate", corpus.ClassPercent
	}
	for _, m := range measureWords {
		if strings.Contains(rest, m.word) {
			f.Measure = m.measure
			f.Class = corpus.ClassPercent
			if m.word != "增长率" { // 人口自然增长率 names a rate
				rest = strings.ReplaceAll(rest, m.word, "")
			}
			break
		}
	}
	if m := reAskUnit.FindStringSubmatch(rest); m != nil {
		f.Unit = m[1]
		f.Class = corpus.ClassOfUnit(m[1])
		rest = strings.Replace(rest, m[0], "", 1)
	} else if loc := reHowManyWord.FindStringIndex(rest); loc != nil {
		// Any other unit the figures know: 开行了多少列, 多少标准箱; else
		// the thing counted: 增加了多少学位.
		// A unit ends the question (多少列？); 多少床位 counts 床位.
		if u := corpus.UnitAt(rest[loc[1]:]); u != "" && strings.Trim(rest[loc[1]+len(u):], "？?。 ") == "" {
			f.Unit, f.Class = u, corpus.ClassOfUnit(u)
			rest = rest[:loc[0]] + rest[loc[1]+len(u):]
		} else if m := reCounted.FindStringSubmatch(rest[loc[1]:]); m != nil && !slices.ContainsFunc(kindWords, func(k kindWord) bool { return k.word == m[1] }) {
			f.Counted = m[1]
		}
	}
	// The kind is read from the whole question (目标 may have gone with a
	// list phrase); words of a plan are taken out of the indicator, words of
	// a result may belong to it (完成投资).
	for _, k := range kindWords {
		if strings.Contains(text, k.word) {
			if f.Kind == "" {
				f.Kind = k.kind
			}
			if k.kind == "target" || k.kind == "estimate" {
				rest = strings.ReplaceAll(rest, k.word, "")
			}
		}
	}
	if f.Type == AskComparison {
		// 2022年城镇新增就业完成多少，2023年计划多少: the first clause names it.
		rest, _, _ = strings.Cut(rest, "，")
		rest = reAskWords.ReplaceAllString(rest, "")
		for _, w := range []string{"完成了", "完成", "实现了", "实现", "和", "与"} {
			rest = strings.TrimSuffix(strings.TrimPrefix(rest, w), w)
		}
	}

	// What remains, without the question's scaffolding, names the indicator.
	rest = reQuestionW.ReplaceAllString(rest, "")
	rest = reAskWords.ReplaceAllString(rest, "")
	rest = rePlacePrefix.ReplaceAllString(rest, "")
	for _, w := range []string{"是什么", "有哪些", "怎么样", "如何", "情况", "吗", "呢", "有", "是", "为", "按", "了", "达到", "达",
		"全区", "全市", "全省", "我区", "我市", "方面", "的"} {
		rest = strings.TrimSuffix(rest, w)
	}
	// An indicator that ends in 增长 or 下降 asks for the change:
	// 生产总值增长(目标) is the growth rate, not the amount.
	if f.Measure == "" && f.Unit == "" {
		for _, m := range []struct{ word, measure string }{{"增长", "growth"}, {"下降", "decline"}} {
			if r, ok := strings.CutSuffix(rest, m.word); ok && r != "" {
				rest, f.Measure, f.Class = r, m.measure, corpus.ClassPercent
				break
			}
		}
	}
	for _, w := range []string{"请问", "全年", "全区", "全市", "全省", "全县", "一共", "总共", "累计", "的"} {
		rest = strings.TrimPrefix(rest, w)
	}
	f.Indicator = strings.Trim(rest, "，,、：: ")
	// Only a list question whose words name something a figure measures
	// may be answered with one: not 主要预期目标是什么, nor 生态环境目标是什么.
	if f.mayBeFigure && (slices.Contains(tax.Names(), f.Indicator) || utf8.RuneCountInString(f.Indicator) < 2 || slices.Contains(listSubjects, f.Indicator)) {
		f.mayBeFigure = false
	}
	return f
}

// yearOf reads a year written in digits or Chinese numerals (二〇二二).
func yearOf(s string) int {
	if y := atoiSafe(s); y != 0 {
		return y
	}
	digits := map[rune]int{'〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	y := 0
	for _, r := range s {
		d, ok := digits[r]
		if !ok {
			return 0
		}
		y = y*10 + d
	}
	if !corpus.IsReportYear(y) {
		return 0
	}
	return y
}

func atoiSafe(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// questionWords mark a question rather than keywords: 多少, 哪些 …. 几 asks
// only before a measure word (几家, 几个), since 几乎, 几代人 and 几字弯 are
// not questions; 吗 only at the end.
var (
	questionWords = []string{"多少", "哪些", "哪里", "哪儿", "哪个", "哪几", "什么", "是否", "有没有", "怎么样"}
	reHowMany     = regexp.MustCompile(`几(?:[个家项所座条台名户次位倍成处种类批栋幢辆套间场])`)
	reFinalMa     = regexp.MustCompile(`吗[?？]?$`)
)

// IsQuestion reports whether input reads as a question for Ask rather than a
// search query: it ends with a question mark or uses a question word, and it
// uses none of the query language's syntax (quotes, field filters,
// exclusions, OR), which only a search query has.
func IsQuestion(input string) bool {
	text := strings.TrimSpace(corpus.Normalize(input))
	if text == "" || strings.ContainsAny(text, "\"“”:") || strings.Contains(text, " OR ") ||
		strings.HasPrefix(text, "-") || strings.Contains(text, " -") {
		return false
	}
	if strings.HasSuffix(text, "?") || strings.HasSuffix(text, "？") {
		return true
	}
	for _, w := range questionWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return reHowMany.MatchString(text) || reFinalMa.MatchString(text)
}
