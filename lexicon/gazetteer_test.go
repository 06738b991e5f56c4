package lexicon

import (
	"slices"
	"testing"
)

func TestShortName(t *testing.T) {
	for name, want := range map[string]string{
		"广东省":        "广东",
		"北京市":        "北京",
		"广西壮族自治区":    "广西",
		"新疆维吾尔自治区":   "新疆",
		"西藏自治区":      "西藏",
		"内蒙古自治区":     "内蒙古",
		"宁夏回族自治区":    "宁夏",
		"香港特别行政区":    "香港",
		"延边朝鲜族自治州":   "延边",
		"湘西土家族苗族自治州": "湘西",
		"都安瑶族自治县":    "都安",
		"海拉尔区":       "海拉尔",
		"驻马店市":       "驻马店",
		"阿里地区":       "阿里",
		"锡林郭勒盟":      "锡林郭勒",
		"神农架林区":      "神农架",
		"浦东新区":       "浦东",
		"新林区":        "新林",
		"上城区":        "上城",
		"沙市区":        "沙市",
		"沙县":         "沙县", // one character left
		"城区":         "城区",
		"市中区":        "市中区", // 市中 reads as a level
	} {
		if got := ShortName(name); got != want {
			t.Errorf("ShortName(%s) = %s, want %s", name, got, want)
		}
	}
}

func TestGazetteerNames(t *testing.T) {
	g := Places()
	for _, c := range []struct {
		name  string
		first string // code of the first division the name names
	}{
		{"广西", "450000"},
		{"广西壮族自治区", "450000"},
		{"海拉尔", "150702"},  // the current district before the old city (152101)
		{"海拉尔市", "152101"}, // named in full: the old county-level city
		{"驻马店", "411700"},  // the current prefecture-level city
		{"襄樊市", "420600"},  // an old name of 襄阳市
		{"香港", "810000"},
		{"上城区", "330102"},
		{"临平区", "330113"}, // created after 2019: from the bureau's codes
	} {
		divs := g.Named(c.name)
		if len(divs) == 0 || divs[0].Code != c.first {
			t.Errorf("Named(%s) = %v, want %s first", c.name, divs, c.first)
		}
	}
	if divs := g.Named("市辖区"); len(divs) != 0 {
		t.Errorf("Named(市辖区) = %v: a placeholder is not a division", divs)
	}
	if divs := g.Named("石家庄高新技术产业开发区"); len(divs) != 0 {
		t.Errorf("a development zone is not a division: %v", divs)
	}
}

func TestGazetteerChain(t *testing.T) {
	g := Places()
	var names []string
	for _, d := range g.Chain(g.Named("海拉尔区")[0]) {
		names = append(names, d.Name)
	}
	if want := []string{"内蒙古自治区", "呼伦贝尔市", "海拉尔区"}; !slices.Equal(names, want) {
		t.Errorf("Chain(海拉尔区) = %v, want %v", names, want)
	}
	// A county a province administers directly has the province as parent.
	xiantao := g.Named("仙桃市")[0]
	if p, ok := g.Parent(xiantao); !ok || p.Name != "湖北省" {
		t.Errorf("Parent(仙桃市) = %v %v, want 湖北省", p, ok)
	}
	if d, ok := g.Division("420600"); !ok || d.Name != "襄阳市" || !d.Current() {
		t.Errorf("Division(420600) = %v %v, want the current name 襄阳市", d, ok)
	}
	old := g.Named("襄樊市")[0]
	if old.Current() || !old.HeldIn(2005) || old.HeldIn(2015) {
		t.Errorf("襄樊市 = %+v: held until 2009", old)
	}
	if !Within(g.Named("海拉尔区")[0], g.Named("内蒙古")[0]) || Within(g.Named("上城区")[0], g.Named("内蒙古")[0]) {
		t.Error("Within: 海拉尔区 lies within 内蒙古, 上城区 does not")
	}
}

func TestNameAt(t *testing.T) {
	g := Places()
	for text, want := range map[string]string{
		"广西壮族自治区2024年政府工作报告": "广西壮族自治区",
		"广西2024年地区生产总值":      "广西",
		"驻马店市第四届人民代表大会":      "驻马店市",
		"呼伦贝尔市海拉尔区":          "呼伦贝尔市",
		"各位代表":               "",
	} {
		if got := g.NameAt(text); got != want {
			t.Errorf("NameAt(%s) = %q, want %q", text, got, want)
		}
	}
}
