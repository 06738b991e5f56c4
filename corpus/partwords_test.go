package corpus

import (
	"fmt"
	"strings"
	"testing"
)

func TestKindOfWords(t *testing.T) {
	tests := []struct {
		text string
		want Kind
	}{
		{"一年来，我们取得了显著成绩，生产总值比上年增长8%。", KindResult},
		{"今年要加快项目建设，力争生产总值增长7%，确保完成目标。", KindTarget},
		// 主要 and 重要 are not 要, 为了 is not the past 了.
		{"主要经验是：重要的是为了人民。", KindNone},
		// one cue is not enough.
		{"要加强领导。", KindNone},
		// a review that names the plan it fulfilled stays a review.
		{"过去一年，我们完成了计划，取得了好成绩，比上年有了提高。", KindResult},
		// as many of each: nothing is told.
		{"取得了成绩。今年要再接再厉。", KindNone},
	}
	for _, tc := range tests {
		if got := kindOfWords(tc.text); got != tc.want {
			t.Errorf("kindOfWords(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestReadPartWords(t *testing.T) {
	para := func(s string) *Paragraph { return &Paragraph{Text: s} }
	tests := []struct {
		name  string
		paras []string
		want  Kind
	}{
		{"plan", []string{"今后五年是关键性五年。要抓住机遇，力争国民经济再上一个新台阶。"}, KindTarget},
		{"review", []string{"五年来，经济蓬勃发展，取得了举世瞩目的成就。"}, KindResult},
		// the words after the part's turn to the plan are not read.
		{"turn", []string{
			"五年来取得了很大成绩，人均收入比上年增长了。",
			"对今后五年和2003年政府工作的建议新世纪头二十年，要力争今年增长9%，确保完成计划目标，今后要将……",
		}, KindResult},
	}
	for _, tc := range tests {
		part := &Section{}
		for _, p := range tc.paras {
			part.Paragraphs = append(part.Paragraphs, para(p))
		}
		if got := readPartWords(part, 2003); got != tc.want {
			t.Errorf("%s: readPartWords = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestIsPlanOpening(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"对今后五年和2003年政府工作的建议新世纪头二十年，是一个重要战略机遇期。", true},
		{"这次提交大会审议的2003年度的国家预算草案和发展国民经济计划草案的各种数字表明", true},
		// a year before the plan's is a review's.
		{"2002年工作完成情况良好，各项任务全面完成。", false},
		{"2002年的主要任务，全面完成。", false},
		// a year without a plan word is not a heading.
		{"2003年，全省人民奋发进取。", false},
		{"今年的主要任务是，加快发展。", true},
	}
	for _, tc := range tests {
		if got := isPlanOpening(tc.text, 2003); got != tc.want {
			t.Errorf("isPlanOpening(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestDatePart checks each step of datePart on whole reports of a
// 2003 report: the period of every part, in order.
func TestDatePart(t *testing.T) {
	const (
		review = "五年来，我们取得了显著成绩，生产总值比上年增长了。"
		plan   = "今年要加快发展，力争增长9%，确保完成目标。"
		none   = "政府工作千头万绪。"
	)
	tests := []struct {
		name string
		body string
		want string // year kind per part
	}{
		{"heading", "一、2002年工作回顾\n" + plan + "\n二、2003年主要任务\n" + review + "\n", "2002 result|2003 target"},
		{"words", "一、伟大的转变\n" + review + "\n二、再上新台阶\n" + plan + "\n", "2002 result|2003 target"},
		{"after a plan", "一、再上新台阶\n" + plan + "\n二、关于外交工作\n" + review + "\n", "2003 target|2003 target"},
		{"continues a review", "一、伟大的转变\n" + review + "\n二、社会事业\n" + none + "\n", "2002 result|2002 result"},
		{"first sentence", "一、社会事业\n2002年，全省经济增长。\n二、再上新台阶\n" + plan + "\n", "2002 result|2003 target"},
		{"nothing", "一、社会事业\n" + none + "\n二、政府建设\n" + none + "\n", "0 |0 "},
		{"restarted after a plan", "一、伟大的转变\n" + review + "\n二、再上新台阶\n" + plan + "\n一、加强领导\n" + none + "\n", "2002 result|2003 target|2003 target"},
		{"restarted after a review", "一、伟大的转变\n" + review + "\n二、社会事业\n" + none + "\n一、加强领导\n" + none + "\n", "2002 result|2002 result|0 "},
		{"restarted list of tasks", "一、伟大的转变\n" + review + "\n二、社会事业\n" + none + "\n一、加强领导\n" + plan + "\n", "2002 result|2002 result|2003 target"},
		{"appendix", "一、2003年主要任务\n" + plan + "\n附件1：名词解释\n" + plan + "\n", "2003 target|0 "},
	}
	for _, tc := range tests {
		text := "（2003年1月20日在某省第十届人民代表大会第一次会议上）\n" + tc.body
		r, err := Parse("t.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range r.Sections {
			got = append(got, fmt.Sprintf("%d %s", s.Year, s.Kind))
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, strings.Join(got, "|"), tc.want)
		}
	}
}

// TestPlanTurn checks that a review part's paragraphs from its turn to the
// plan on are of the plan, and those before it of the review.
func TestPlanTurn(t *testing.T) {
	text := "（2003年1月10日在某省第十届人民代表大会第一次会议上）\n" +
		"一、2002年工作回顾\n五年来取得了很大成绩。\n" +
		"二、人民生活总体上达到小康水平\n全省人均生产总值达到9047元，比上年增长了。\n" +
		"对今后五年和2003年政府工作的建议新世纪头二十年，是重要战略机遇期。\n今年国内生产总值预期增长9%。\n"
	r, err := Parse("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for p := range r.Paragraphs() {
		got = append(got, fmt.Sprintf("%d %s", p.Year, p.Kind))
	}
	if want := "2002 result|2002 result|2003 target|2003 target"; strings.Join(got, "|") != want {
		t.Errorf("paragraphs %s, want %s", strings.Join(got, "|"), want)
	}
	if p := r.Sections[1]; p.Year != 2002 || p.Kind != KindResult {
		t.Errorf("turning part %d %s, want 2002 result", p.Year, p.Kind)
	}
}
