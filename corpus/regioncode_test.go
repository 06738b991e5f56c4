package corpus

import (
	"strings"
	"testing"
)

func TestRegionCode(t *testing.T) {
	tests := []struct {
		region string // divisions joined by spaces
		year   int
		want   string
	}{
		{"河北省", 2023, "130000"},
		{"保定市 清苑区", 2023, "130608"},
		// the name the division held in the year of the report
		{"清苑县", 2008, "130622"},
		{"清苑县", 1983, "132431"},
		{"呼伦贝尔市 海拉尔区", 2019, "150702"},
		{"新疆维吾尔自治区", 2025, "650000"},
		{"全国", 2022, ""},
		// several districts of that name and no larger division to decide
		{"城区", 2020, ""},
		{"不存在县", 2020, ""},
	}
	for _, tc := range tests {
		if got := regionCode(Region(strings.Fields(tc.region)), tc.year); got != tc.want {
			t.Errorf("regionCode(%q, %d) = %q, want %q", tc.region, tc.year, got, tc.want)
		}
	}
}

func TestRegionInText(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		year  int
		want  string
	}{
		{"the county the text names",
			[]string{"现在，我代表县政府向大会作工作报告。", "清苑县经济平稳增长，和谐清苑建设成效明显。", "清苑发展进入新阶段，清苑人民安居乐业。"}, 2013, "清苑县"},
		{"a short name that is a word counts only with its full name",
			[]string{"加强合作，合作共赢，深化合作，扩大合作。"}, 2020, ""},
		{"too few mentions",
			[]string{"驻马店市经济发展。"}, 2010, ""},
		{"a neighbour named as often",
			[]string{"我代表县政府。", "易县、涞水县、易县、涞水县、易县、涞水县"}, 2020, ""},
		{"a one-character name ending a word is no place",
			[]string{"我代表县人民政府。", "创建省级示范县，入选示范县名单，争创全国示范县。"}, 2024, ""},
		{"a one-character name after a verb is the place",
			[]string{"我代表县人民政府。", "支持易县发展，加快易县建设，易县人民团结奋斗。"}, 2018, "易县"},
		{"a short name with its prefecture named",
			[]string{"我代表县人民政府。", "积极承接洛阳中心城区产业转移，新安成功入选，新安经开区获评，现代化新安建设。"}, 2024, "新安县"},
		{"a short name without its prefecture stays a word",
			[]string{"我代表县人民政府。", "新安成功入选，新安经开区获评，现代化新安建设。"}, 2024, ""},
	}
	for _, tc := range tests {
		if got := regionInText(tc.texts, tc.year).String(); got != tc.want {
			t.Errorf("%s: regionInText = %q, want %q", tc.name, got, tc.want)
		}
	}
}
