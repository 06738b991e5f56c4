package corpus

import (
	"slices"
	"strings"
	"testing"
)

func TestRegionOf(t *testing.T) {
	for _, tc := range []struct {
		issuer, meeting, title string
		want                   string // divisions joined by spaces
		names                  string // Names() joined by spaces
	}{
		{"上城区发展改革和经济信息化局", "杭州市上城区第一届人民代表大会第二次会议", "关于上城区2022年国民经济和社会发展计划执行情况", "杭州市 上城区", "杭州市上城区 上城区 上城"},
		{"广东省人民政府", "广东省第十四届人民代表大会第五次会议", "政府工作报告", "广东省", "广东省 广东"},
		{"新疆维吾尔自治区人民政府", "", "2025年新疆政府工作报告", "新疆维吾尔自治区", "新疆维吾尔自治区 新疆"},
		{"广西壮族自治区人民政府", "", "", "广西壮族自治区", "广西壮族自治区 广西"},
		{"", "延边朝鲜族自治州第十七届人民代表大会第三次会议", "", "延边朝鲜族自治州", "延边朝鲜族自治州 延边"},
		{"呼伦贝尔市海拉尔区人民政府", "", "", "呼伦贝尔市 海拉尔区", "呼伦贝尔市海拉尔区 海拉尔区 海拉尔"},
		{"国务院", "第十四届全国人民代表大会第二次会议", "政府工作报告", "全国", "全国 中国 我国"},
		{"国家发展和改革委员会", "", "", "全国", "全国 中国 我国"},
		{"", "第五届全国人民代表大会第三次会议", "", "全国", "全国 中国 我国"},
		{"", "", "2026年上海市政府工作报告", "上海市", "上海市 上海"},
		{"", "", "陕西省2026年政府工作报告", "陕西省", "陕西省 陕西"},
		{"济南市市中区人民政府", "", "", "济南市 市中区", "济南市市中区 市中区"},
		{"阿里地区行政公署", "", "", "阿里地区", "阿里地区 阿里"},
		{"锡林郭勒盟行政公署", "", "", "锡林郭勒盟", "锡林郭勒盟 锡林郭勒"},
		// Words for "this place", not places.
		{"区发展和改革局", "", "", "", ""},
		{"", "", "全市政府工作报告", "", ""},
		{"", "", "二〇二二年政府工作报告", "", ""},
		{"", "", "市政府工作报告", "", ""},
		// Words of a title that end in a level but are no place; a place
		// the title names before a year or 政府.
		{"", "", "社区服务工作报告", "", ""},
		{"", "", "关于自贸区建设情况的报告", "", ""},
		{"", "", "二〇二二年海拉尔区政府工作报告", "海拉尔区", "海拉尔区 海拉尔"},
		// 上城区, 盐城市 and 中山区 are places though they end like 城区, 城市, 山区.
		{"盐城市人民政府", "", "", "盐城市", "盐城市 盐城"},
		{"大连市中山区人民政府", "", "", "大连市 中山区", "大连市中山区 中山区 中山"},
		{"荆州市沙市区人民政府", "", "", "荆州市 沙市区", "荆州市沙市区 沙市区 沙市"},
		{"上海市浦东新区人民政府", "", "", "上海市 浦东新区", "上海市浦东新区 浦东新区 浦东"},
		{"某某经济技术开发区管委会", "", "", "", ""},
		// The issuer decides; a meeting of another place does not widen it.
		{"上城区人民政府", "余杭区第一届人民代表大会", "", "上城区", "上城区 上城"},
	} {
		r := regionOf(tc.issuer, tc.meeting, tc.title)
		if got := strings.Join(r, " "); got != tc.want {
			t.Errorf("regionOf(%q, %q, %q) = %q, want %q", tc.issuer, tc.meeting, tc.title, got, tc.want)
		}
		if got := strings.Join(r.Names(), " "); got != tc.names {
			t.Errorf("%q.Names() = %q, want %q", tc.want, got, tc.names)
		}
	}
}

func TestShortRegionName(t *testing.T) {
	for in, want := range map[string]string{
		"广东省": "广东", "黑龙江省": "黑龙江", "内蒙古自治区": "内蒙古", "宁夏回族自治区": "宁夏", "香港特别行政区": "香港",
		"驻马店市": "驻马店", "上城区": "上城", "沙市": "沙市", "黔东南苗族侗族自治州": "黔东南", "鄂温克族自治旗": "鄂温克族自治旗",
	} {
		if got := ShortRegionName(in); got != want {
			t.Errorf("ShortRegionName(%q) = %q, want %q", in, got, want)
		}
	}
	// Every province has a short name of its own.
	seen := map[string]bool{}
	for _, p := range Provinces() {
		s := ShortRegionName(p)
		if s == p || seen[s] {
			t.Errorf("province %s: short name %q", p, s)
		}
		seen[s] = true
	}
}

// TestReportRegions: every real report that names its issuer or meeting
// speaks for a region, and that region is the place the issuer or meeting
// names, not a word of the title.
func TestReportRegions(t *testing.T) {
	files := realReports(t)
	withRegion := 0
	for _, f := range files {
		r, err := readShared(f)
		if err != nil {
			t.Fatal(err)
		}
		if r.Issuer == "" && r.Meeting == "" {
			continue
		}
		if len(r.Region) == 0 {
			t.Errorf("%s: issuer %q, meeting %q, but no region", r.ID, r.Issuer, r.Meeting)
			continue
		}
		withRegion++
		own := r.Region[len(r.Region)-1]
		if own != National && !strings.Contains(r.Issuer, own) && !strings.Contains(r.Meeting, own) {
			t.Errorf("%s: region %v is not named by issuer %q or meeting %q", r.ID, r.Region, r.Issuer, r.Meeting)
		}
		if !slices.Contains(r.Region.Names(), own) {
			t.Errorf("%s: %v.Names() = %v lacks %s", r.ID, r.Region, r.Region.Names(), own)
		}
	}
	if withRegion < 10 {
		t.Errorf("only %d reports have a region", withRegion)
	}
}
