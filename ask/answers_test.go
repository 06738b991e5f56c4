package ask_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/internal/testengine"
	"reportsearch/internal/testindex"
)

func TestAskUnanswerable(t *testing.T) {
	e := testengine.Asker(t, testindex.Default)
	for _, q := range []string{
		"2022年上城区的出生人口是多少?",
		"2030年地区生产总值目标是多少?",
		"2022年上城区的人均寿命是多少岁?",
		"2023年新建地铁线路多少公里?",
		"2021年城镇新增就业多少人?",
	} {
		a, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Found {
			t.Errorf("%s → %q from %q: should not be answered", q, a.Answer, a.Sentence)
		}
	}
}

func TestAskKinds(t *testing.T) {
	e := testengine.Asker(t, testindex.Default)
	tests := []struct{ q, want string }{
		{"2022年地区生产总值是多少?", "2525亿元"},
		{"去年地区生产总值增长了多少?", "3.3%"},
		{"今年地区生产总值预期增长多少?", "5.5%"},
		{"2023年计划新增多少托位?", "600个"},
		{"2022年城镇新增就业多少人?", "3.4万人"},
		{"2023年城镇新增就业目标是多少?", "3.2万人"},
		{"GDP是多少?", "2525亿元"},
		{"2023年加装电梯多少台?", "80台"},
		{"2022年完成既有住宅加装电梯多少台?", "127台"},
	}
	for _, tc := range tests {
		a, err := e.Ask(context.Background(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Found || !strings.Contains(a.Answer, tc.want) {
			t.Errorf("%s → %q (found %v, %s), want %q", tc.q, a.Answer, a.Found, a.Frame, tc.want)
		}
	}
}

func TestAskComparisonListWhere(t *testing.T) {
	e := testengine.Asker(t, testindex.Default)
	ctx := context.Background()
	a, err := e.Ask(ctx, "2022年城镇新增就业完成多少，2023年计划多少?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Frame.Type != ask.AskComparison || !a.Found || len(a.Figures) != 2 || a.Figures[0].Value != 3.4 || a.Figures[1].Value != 3.2 ||
		a.Change == nil || a.Change.Difference != -2000 {
		t.Errorf("comparison: %+v", a)
	}
	l, err := e.Ask(ctx, "2023年教育方面有哪些目标?")
	if err != nil {
		t.Fatal(err)
	}
	if l.Frame.Type != ask.AskList || l.Frame.Domain != "教育" || !l.Found || len(l.Items) < 3 {
		t.Fatalf("list: %s, %d items", l.Frame, len(l.Items))
	}
	joined := ""
	for _, it := range l.Items {
		joined += it.Text
		if !strings.Contains(it.ID, "/4.") {
			t.Errorf("list item from %s, not part 四", it.ID)
		}
	}
	if !strings.Contains(joined, "新增托位600个") || !strings.Contains(joined, "建成新校新园9所") {
		t.Errorf("list lacks education targets: %s", joined)
	}
	// …目标是什么 lists a domain's or the main targets, but asks for one
	// figure when it names what a figure measures.
	for q, list := range map[string]bool{"2023年教育目标是什么": true, "今年的主要预期目标是什么": true, "2023年地区生产总值增长目标是什么": false} {
		a, err := e.Ask(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Found || (len(a.Items) > 0) != list || (len(a.Figures) > 0) == list {
			t.Errorf("%s: %d items, %d figures (%q); want a list: %v", q, len(a.Items), len(a.Figures), a.Answer, list)
		}
	}
	w, err := e.Ask(ctx, "哪里提到德寿宫?")
	if err != nil {
		t.Fatal(err)
	}
	if w.Frame.Type != ask.AskWhere || !w.Found || len(w.Paragraphs) != 2 {
		t.Errorf("where: %s, %d paragraphs", w.Frame, len(w.Paragraphs))
	}
}

// TestAskNamesAPlace: a question that names a place is answered from that
// place's reports (or one whose place is unknown), whichever reports of
// other places state a figure for the same indicator; a place no report
// speaks for gets no answer.
func TestAskNamesAPlace(t *testing.T) {
	e := testengine.Asker(t, testindex.Multi)
	engine := testengine.Engine(t, testindex.Multi)
	ctx := context.Background()
	// Reports of one place may name it more or less fully ([海拉尔区],
	// [呼伦贝尔市 海拉尔区]): the place is its own division.
	own := func(r corpus.Region) string { return r[len(r)-1] }
	regionOf := map[string]string{} // report ID → its place
	fullest := map[string]string{}  // place → its fullest name
	for _, r := range engine.Manifest().Reports {
		if len(r.Region) > 0 {
			regionOf[r.ID] = own(r.Region)
			if len(r.Region.String()) > len(fullest[own(r.Region)]) {
				fullest[own(r.Region)] = r.Region.String()
			}
		}
	}
	// The two Zhumadian reports that name no issuer or meeting are
	// Zhumadian's by what their text names most: the parser reads it so
	// (corpus.regionInText), and the catalog agrees.
	for _, id := range []string{"batch2-city-zhumadian-2003-gwr", "batch2-city-zhumadian-2010-gwr"} {
		r, _ := engine.Catalog().Report(id)
		if r.Region.String() != "驻马店市" || engine.Catalog().PlaceOf(id) != "驻马店市" {
			t.Errorf("%s: region %v, place %q; want 驻马店市", id, r.Region, engine.Catalog().PlaceOf(id))
		}
		regionOf[id] = "驻马店市"
	}
	answered := 0
	for _, r := range engine.Manifest().Reports {
		if len(r.Region) == 0 {
			continue
		}
		for _, name := range r.Region.Names() {
			for _, q := range []string{name + "城镇新增就业多少人", name + "地区生产总值增长多少", name + "今年的主要预期目标是什么"} {
				a, err := e.Ask(ctx, q)
				if err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				if a.Frame.Region != fullest[own(r.Region)] {
					t.Errorf("%s: region %q, want %q", q, a.Frame.Region, fullest[own(r.Region)])
				}
				cited := []string{}
				if a.Citation != nil {
					cited = append(cited, a.Citation.ID)
				}
				for _, h := range a.Paragraphs {
					cited = append(cited, h.ID)
				}
				for _, it := range a.Items {
					cited = append(cited, it.ID)
				}
				for _, f := range append(slices.Clone(a.Figures), a.Alternatives...) {
					cited = append(cited, f.ParagraphID)
				}
				for _, id := range cited {
					report := corpus.ReportOfID(id)
					if p := regionOf[report]; p != own(r.Region) {
						t.Errorf("%s: cites %s of %q", q, id, regionOf[report])
					}
				}
				if a.Found {
					answered++
				}
			}
		}
	}
	if answered < 20 {
		t.Errorf("only %d questions naming a place were answered", answered)
	}
	// A report whose place is inferred answers for that place only, not for
	// every place its text names once (广东东莞) or for the country.
	for _, q := range []string{"全国2009年生产总值是多少", "国家2009年财政收入多少", "广东2009年生产总值是多少"} {
		a, err := e.Ask(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Citation != nil && strings.Contains(a.Citation.ID, "zhumadian") {
			t.Errorf("%s → %s from %s", q, a.Answer, a.Citation.ID)
		}
	}
	// A province with no report, by its short name: a place, unless the
	// reports write the name and the next word as one term.
	if a, err := e.Ask(ctx, "北京城镇新增就业多少人"); err != nil || a.Found || a.Unindexed != "北京" {
		t.Errorf("北京城镇新增就业多少人: found %v, unindexed %q, %v", a.Found, a.Unindexed, err)
	}
	if a, err := e.Ask(ctx, "海南自由贸易港建设有哪些举措"); err != nil || a.Unindexed != "" {
		t.Errorf("海南自由贸易港…: unindexed %q, %v; want it read as a term", a.Unindexed, err)
	}
	// Two places: answered for the first, and said so.
	if a, err := e.Ask(ctx, "上海和广东城镇新增就业多少人"); err != nil || a.AlsoNamed != "广东省" || a.Frame.Region != "上海市" {
		t.Errorf("上海和广东…: region %q, note %q, %v", a.Frame.Region, a.Note, err)
	}
	// 全国 that begins what is asked about does not keep the question to
	// the national reports.
	a, err := e.Ask(ctx, "全国飞盘联赛等IP赛事举办了多少场？")
	if err != nil || !a.Found || a.Citation == nil || !strings.HasPrefix(a.Citation.ID, corpus.DefaultSource().ID) {
		t.Errorf("全国飞盘联赛…: %+v, %v; want the default report's answer", a, err)
	}
	// A two-character indicator left after the place (人口, 面积) does not
	// match every longer indicator that contains it.
	for _, q := range []string{"广东人口是多少", "上海人口多少", "全国人口", "新疆面积多少", "河北收入多少"} {
		a, err := e.Ask(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Found {
			want := strings.TrimSuffix(strings.TrimSuffix(a.Frame.Indicator, "多少"), "是")
			if f := a.Figures[0]; !strings.HasSuffix(f.Indicator, want) && !strings.Contains(f.Sentence, want+f.Text) {
				t.Errorf("%s → %s of %q", q, f.Text, f.Indicator)
			}
		}
	}
	for _, q := range []string{"北京2024年地区生产总值增长目标是多少？", "宁波市2023年城镇新增就业多少人", "2025年浙江省城镇新增就业目标"} {
		a, err := e.Ask(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Found || a.Citation != nil || len(a.Paragraphs) > 0 || !strings.Contains(a.Note, "no indexed report") || a.Unindexed == "" {
			t.Errorf("%s: found %v, note %q, %d paragraphs; want no answer for a place without a report", q, a.Found, a.Note, len(a.Paragraphs))
		}
	}
}

// TestThisYearOfEachReport: 今年 in a question about a place with reports of
// several years is each report's own 今年; where more than one fits, the
// newest report's.
func TestThisYearOfEachReport(t *testing.T) {
	report := func(year int, body string) string {
		return fmt.Sprintf("政府工作报告\n——%d年1月10日在某某市第一届人民代表大会第%d次会议上\n某某市市长 张三\n一、%d年工作回顾\n%s\n二、%d年主要任务\n%s\n",
			year, year-2019, year-1, "全年城镇新增就业1.1万人。", year, body)
	}
	e := testengine.AskerFor(t, testengine.ForTexts(t, map[string]string{
		"a-2021.txt": report(2021, "新建口袋公园5个，城镇新增就业1.2万人。"),
		"b-2023.txt": report(2023, "城镇新增就业1.5万人，新建农贸市场3个。"),
	}))
	ctx := context.Background()
	for _, tc := range []struct{ q, want string }{
		{"某某市今年新建口袋公园多少个？", "5个"},      // only the 2021 report's 今年 has it
		{"某某市今年新建农贸市场多少个？", "3个"},      // only the 2023 report's
		{"某某市今年城镇新增就业目标是多少？", "1.5万人"}, // both: the newest
		{"某某市去年城镇新增就业多少人？", "1.1万人"},
	} {
		a, err := e.Ask(ctx, tc.q)
		if err != nil || !a.Found || a.Answer != tc.want {
			t.Errorf("%s → %q (found %v, %v), want %s", tc.q, a.Answer, a.Found, err, tc.want)
		}
	}
}
