package ask

import (
	"strings"
	"testing"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
)

// TestQuestionNamesTheCountry: without a national report, a question
// about the country names a place no report speaks for.
func TestQuestionNamesTheCountry(t *testing.T) {
	c, _ := catalog.New([]indexer.ReportEntry{entry("gd", "广东省")}, nil)
	for _, q := range []string{"1956年全国粮食产量是多少", "国家2021年赤字率", "我国粮食产量"} {
		if got := placeIn(c, q); got.Name == "" || got.Full != "" || len(got.Reports) != 0 {
			t.Errorf("placeIn(%q) = %+v, want the country, with no report", q, got)
		}
	}
}

func TestQuestionRegion(t *testing.T) {
	c, _ := catalog.New([]indexer.ReportEntry{
		entry("gd", "广东省"), entry("sc", "杭州市", "上城区"), entry("cn21", corpus.National), entry("cn24", corpus.National),
		entry("xj", "新疆维吾尔自治区"), entry("bj", "北京市", "朝阳区"), entry("cc", "长春市", "朝阳区"),
		entry("yx", "河北省", "保定市", "易县"), entry("mi", "米易县"),
	}, nil)
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
		// A word that asks for a place is not one.
		{"哪个县的报告提到品牌", "", "", "", "哪个县的报告提到品牌"},
		{"什么区的报告提到品牌", "", "", "", "什么区的报告提到品牌"},
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
		// A chain of divisions names the innermost (河北易县 is 易县, not
		// 河北), and must agree with the indexed place's region.
		{"河北易县2017年生产总值", "河北易县", "河北省保定市易县", "yx", "2017年生产总值"},
		{"保定市易县2017年生产总值", "保定市易县", "河北省保定市易县", "yx", "2017年生产总值"},
		{"四川米易县2022年地区生产总值", "四川米易县", "米易县", "mi", "2022年地区生产总值"},
		{"四川易县2022年地区生产总值", "四川", "", "", "易县2022年地区生产总值"},
		// Any division of China is a place, indexed or not, when it reads
		// as one: in full, after a larger one, or before a year or 的.
		{"广西2024年地区生产总值", "广西", "", "", "2024年地区生产总值"},
		{"广西壮族自治区地区生产总值", "广西壮族自治区", "", "", "地区生产总值"},
		{"石家庄2022年城镇新增就业", "石家庄", "", "", "2022年城镇新增就业"},
		{"河北石家庄城镇新增就业", "河北石家庄", "", "", "城镇新增就业"},
		{"唐山市城镇新增就业", "唐山市", "", "", "城镇新增就业"},
		// A county's short name before a word is not a place: 长安 of 长安街.
		{"长安街改造多少米", "", "", "", "长安街改造多少米"},
		// A level word may begin what is asked about.
		{"广东地区生产总值", "广东", "广东省", "gd", "地区生产总值"},
		// The country is a place, also when no national report is indexed.
		{"我国2021年粮食产量", "我国", "全国", "cn21 cn24", "2021年粮食产量"},
	} {
		got := placeIn(c, tc.q)
		if got.Name != tc.name || got.Full != tc.full || strings.Join(got.Reports, " ") != tc.reports || got.Rest != tc.rest {
			t.Errorf("placeIn(%q) = %+v, want name %q full %q reports %q rest %q", tc.q, got, tc.name, tc.full, tc.reports, tc.rest)
		}
	}
}

// entry is a catalogued report of a place.
func entry(id string, region ...string) indexer.ReportEntry {
	return indexer.ReportEntry{Meta: corpus.Meta{ID: id, Region: region}}
}

// A question that names no place but a national indicator is a national
// one when national reports are indexed, and only then.
func TestImpliedNational(t *testing.T) {
	with, _ := catalog.New([]indexer.ReportEntry{entry("gd", "广东省"), entry("cn", corpus.National)}, nil)
	without, _ := catalog.New([]indexer.ReportEntry{entry("gd", "广东省")}, nil)
	for _, tc := range []struct {
		c    *catalog.Catalog
		q    string
		want bool
	}{
		{with, "2022年国内生产总值增长预期目标", true},
		{with, "2022年中央预算内投资安排多少", true},
		{with, "2022年地区生产总值是多少", false},
		{with, "哪个报告提到国内生产总值翻一番", false},
		{without, "2022年国内生产总值增长预期目标", false},
	} {
		p, ok := impliedNational(tc.c, tc.q)
		if ok != tc.want || ok && (p.Full != corpus.National || len(p.Reports) != 1 || p.Rest != tc.q) {
			t.Errorf("impliedNational(%s) = %+v, %v; want %v", tc.q, p, ok, tc.want)
		}
	}
}
