package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

func TestQuestionRegion(t *testing.T) {
	g := newRegions([]indexer.ReportEntry{
		{ID: "gd", Region: corpus.Region{"广东省"}},
		{ID: "sc", Region: corpus.Region{"杭州市", "上城区"}},
		{ID: "cn21", Region: corpus.Region{corpus.National}},
		{ID: "cn24", Region: corpus.Region{corpus.National}},
		{ID: "xj", Region: corpus.Region{"新疆维吾尔自治区"}},
		{ID: "bj", Region: corpus.Region{"北京市", "朝阳区"}},
		{ID: "cc", Region: corpus.Region{"长春市", "朝阳区"}},
	})
	for _, tc := range []struct {
		q, name, full, reports, rest string
	}{
		{"广东2026年地区生产总值增长目标", "广东", "广东省", "gd", "2026年地区生产总值增长目标"},
		{"2026年广东省地区生产总值", "广东省", "广东省", "gd", "2026年地区生产总值"},
		{"杭州市上城区2022年新增就业", "杭州市上城区", "杭州市上城区", "sc", "2022年新增就业"},
		{"上城区的老旧小区改造", "上城区", "杭州市上城区", "sc", "的老旧小区改造"},
		{"2024年全国城镇新增就业", "全国", "全国", "cn21 cn24", "2024年城镇新增就业"},
		{"新疆今年粮食产量", "新疆", "新疆维吾尔自治区", "xj", "今年粮食产量"},
		// Places no indexed report speaks for: named, with no reports.
		{"北京2024年地区生产总值", "北京", "", "", "2024年地区生产总值"},
		{"2023年浙江省城镇新增就业", "浙江省", "", "", "2023年城镇新增就业"},
		{"宁波市2023年城镇新增就业", "宁波市", "", "", "2023年城镇新增就业"},
		// A larger division of an indexed place has no report of its own.
		{"杭州市地区生产总值是多少", "杭州市", "", "", "地区生产总值是多少"},
		// What may come before the place: 请问, a year in Chinese numerals, 今年.
		{"请问广东城镇新增就业多少人", "广东", "广东省", "gd", "请问城镇新增就业多少人"},
		{"二〇二六年广东省地区生产总值", "广东省", "广东省", "gd", "二〇二六年地区生产总值"},
		{"今年新疆粮食产量", "新疆", "新疆维吾尔自治区", "xj", "今年粮食产量"},
		// An indexed place later in the question: with its level, or its
		// short name before 是多少; not a short name inside a word.
		{"2023年城镇新增就业上城区完成多少", "上城区", "杭州市上城区", "sc", "2023年城镇新增就业完成多少"},
		{"城镇新增就业广东是多少", "广东", "广东省", "gd", "城镇新增就业是多少"},
		{"2022年美丽上城建设投入多少", "", "", "", "2022年美丽上城建设投入多少"},
		// Places of one name in two cities are both meant by it.
		{"朝阳区2023年新增就业", "朝阳区", "北京市朝阳区、长春市朝阳区", "bj cc", "2023年新增就业"},
		{"长春市朝阳区2023年新增就业", "长春市朝阳区", "长春市朝阳区", "cc", "2023年新增就业"},
		// 全国 may begin a word (全国文明城区): read as a place, marked
		// generic so that Ask asks again without it.
		{"2022年全国文明城区", "全国", "全国", "cn21 cn24", "2022年文明城区"},
		// Not places: words for "this place", words that begin with a
		// level, a place inside a longer word, a province name that starts
		// another word.
		{"全市生产总值多少", "", "", "", "全市生产总值多少"},
		{"2022年全区城镇新增就业多少人", "", "", "", "2022年全区城镇新增就业多少人"},
		{"市场主体多少家", "", "", "", "市场主体多少家"},
		{"城区2022年", "", "", "", "城区2022年"},
		{"老旧小区改造多少个", "", "", "", "老旧小区改造多少个"},
		// A province's short name before a word may begin a term (北京冬奥会):
		// Ask looks it up in the reports.
		{"北京冬奥会场馆", "北京", "", "", "冬奥会场馆"},
		{"美丽上城建设", "", "", "", "美丽上城建设"},
		{"杭州亚运会场馆改造多少个", "", "", "", "杭州亚运会场馆改造多少个"},
		{"余杭区的人口", "余杭区", "", "", "的人口"},
		// Words that end like a division are not places.
		{"老旧小区的改造完成了多少个", "", "", "", "老旧小区的改造完成了多少个"},
		{"社区的养老服务中心有多少个", "", "", "", "社区的养老服务中心有多少个"},
		{"自贸区2023年进出口额是多少", "", "", "", "自贸区2023年进出口额是多少"},
		{"景区2023年接待游客多少人次", "", "", "", "景区2023年接待游客多少人次"},
		{"山区的造林面积是多少", "", "", "", "山区的造林面积是多少"},
	} {
		got := g.inQuestion(tc.q)
		if got.Name != tc.name || got.Full != tc.full || strings.Join(got.Reports, " ") != tc.reports || got.Rest != tc.rest {
			t.Errorf("inQuestion(%q) = %+v, want name %q full %q reports %q rest %q", tc.q, got, tc.name, tc.full, tc.reports, tc.rest)
		}
	}
}

// TestAskNamesAPlace: a question that names a place is answered from that
// place's reports (or one whose place is unknown), whichever reports of
// other places state a figure for the same indicator; a place no report
// speaks for gets no answer.
func TestAskNamesAPlace(t *testing.T) {
	e := mustMultiEngine(t)
	ctx := context.Background()
	// Reports of one place may name it more or less fully ([海拉尔区],
	// [呼伦贝尔市 海拉尔区]): the place is its own division.
	own := func(r corpus.Region) string { return r[len(r)-1] }
	regionOf := map[string]string{} // report ID → its place
	fullest := map[string]string{}  // place → its fullest name
	for _, r := range e.Manifest().Reports {
		if len(r.Region) > 0 {
			regionOf[r.ID] = own(r.Region)
			if len(r.Region.String()) > len(fullest[own(r.Region)]) {
				fullest[own(r.Region)] = r.Region.String()
			}
		}
	}
	// The two Zhumadian reports that name no issuer or meeting are
	// Zhumadian's by what their text names most.
	for _, id := range []string{"batch2-city-zhumadian-2003-gwr", "batch2-city-zhumadian-2010-gwr"} {
		if len(e.reports[id].Region) != 0 || e.regions.of[id] != "驻马店市" {
			t.Errorf("%s: region %v, inferred %q; want 驻马店市 inferred", id, e.reports[id].Region, e.regions.of[id])
		}
		regionOf[id] = "驻马店市"
	}
	answered := 0
	for _, r := range e.Manifest().Reports {
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

// TestRegionFilter: region: keeps a search to the reports of a place, by
// any of its names; a place without a report matches nothing.
func TestRegionFilter(t *testing.T) {
	e := mustMultiEngine(t)
	ctx := context.Background()
	all, err := e.Search(ctx, Request{Query: "地区生产总值", Size: MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"地区生产总值 region:广东", "地区生产总值 地区:广东省", "地区生产总值 region:新疆", "地区生产总值 region:海拉尔"} {
		res, err := e.Search(ctx, Request{Query: q, Size: MaxPageSize})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if res.Total == 0 || res.Total >= all.Total {
			t.Errorf("%s: %d hits of %d without the filter", q, res.Total, all.Total)
		}
		name := q[strings.LastIndex(q, ":")+1:]
		for _, h := range res.Hits {
			if !slices.Contains(e.reports[h.Report].Region.Names(), name) {
				t.Errorf("%s: hit %s of %v", q, h.ID, e.reports[h.Report].Region)
			}
		}
	}
	// The region facet counts what the report facet counts, by place, and
	// each of its values filters to as many matches as it counts.
	byRegion := 0
	for _, v := range all.Facets["region"] {
		byRegion += v.Count
		res, err := e.Search(ctx, Request{Query: "地区生产总值", Filters: []Filter{{Field: "region", Op: "=", Value: v.Value}}})
		if err != nil || res.Total != v.Count {
			t.Errorf("region facet %s counts %d, its filter finds %d (%v)", v.Value, v.Count, res.Total, err)
		}
	}
	byReport := 0
	for _, v := range all.Facets["report"] {
		if e.regions.of[v.Value] != "" { // the reports of a known or inferred place
			byReport += v.Count
		}
	}
	if byRegion != byReport || len(all.Facets["region"]) < 8 {
		t.Errorf("region facet %v counts %d, report facet %d", all.Facets["region"], byRegion, byReport)
	}
	res, err := e.Search(ctx, Request{Query: "地区生产总值 region:北京"})
	if err != nil || res.Total != 0 {
		t.Errorf("region:北京: %v hits, err %v; want none", res.Total, err)
	}
}

// TestPlaceAsSearchTerm: a query word that names a place matches the
// paragraphs of its reports, which speak for it without naming it, as well
// as the paragraphs that name it.
func TestPlaceAsSearchTerm(t *testing.T) {
	e := mustMultiEngine(t)
	ctx := context.Background()
	all, err := e.Search(ctx, Request{Query: "城镇新增就业", Size: MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"广东", "河北省", "海拉尔区"} {
		res, err := e.Search(ctx, Request{Query: name + " 城镇新增就业", Size: MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total == 0 || res.Total >= all.Total {
			t.Errorf("%s 城镇新增就业: %d hits of %d for 城镇新增就业", name, res.Total, all.Total)
		}
		for _, h := range res.Hits {
			names := e.reports[h.Report].Region.Names()
			if !slices.Contains(names, name) && !strings.Contains(h.Text, name) {
				t.Errorf("%s 城镇新增就业: hit %s neither of %s nor naming it", name, h.ID, name)
			}
			if h.Match == MatchPartial {
				t.Errorf("%s 城镇新增就业: hit %s is a partial match", name, h.ID)
			}
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
	e := engineForReports(t, map[string]string{
		"a-2021.txt": report(2021, "新建口袋公园5个，城镇新增就业1.2万人。"),
		"b-2023.txt": report(2023, "城镇新增就业1.5万人，新建农贸市场3个。"),
	})
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
