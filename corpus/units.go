package corpus

import (
	"sort"
	"strings"
)

// unit is one entry of the unit table: a unit as written after a number, the
// base unit figures are normalized to, and the factor between them.
type unit struct {
	name   string
	base   string
	factor float64
	class  UnitClass
}

// UnitClass groups units by what they measure, for questions such as
// 多少人 (people) or 多少亿元 (money).
type UnitClass string

const (
	ClassMoney   UnitClass = "money"
	ClassPeople  UnitClass = "people"
	ClassOrgs    UnitClass = "organisations"
	ClassCount   UnitClass = "count"
	ClassArea    UnitClass = "area"
	ClassLength  UnitClass = "length"
	ClassWeight  UnitClass = "weight"
	ClassVolume  UnitClass = "volume"
	ClassEnergy  UnitClass = "energy"
	ClassTime    UnitClass = "time"
	ClassPercent UnitClass = "percent"
	ClassTimes   UnitClass = "times"
	ClassOther   UnitClass = "other"
)

// baseUnits is the maintained unit table. Scales written before a unit
// (万, 亿, 万亿 …) are handled separately, so 亿元 is 亿 × 元.
var baseUnits = []unit{
	{"元", "元", 1, ClassMoney}, {"美元", "美元", 1, ClassMoney}, {"欧元", "欧元", 1, ClassMoney},
	{"人", "人", 1, ClassPeople}, {"名", "人", 1, ClassPeople}, {"位", "人", 1, ClassPeople},
	{"人次", "人次", 1, ClassPeople}, {"人份", "人份", 1, ClassPeople}, {"户", "户", 1, ClassPeople},
	{"户次", "户次", 1, ClassPeople},
	{"家", "家", 1, ClassOrgs}, {"家次", "家次", 1, ClassOrgs}, {"所", "所", 1, ClassOrgs},
	{"个", "个", 1, ClassCount}, {"项", "项", 1, ClassCount}, {"座", "座", 1, ClassCount},
	{"处", "处", 1, ClassCount}, {"幢", "幢", 1, ClassCount}, {"栋", "栋", 1, ClassCount},
	{"台", "台", 1, ClassCount}, {"辆", "辆", 1, ClassCount}, {"张", "张", 1, ClassCount},
	{"套", "套", 1, ClassCount}, {"间", "间", 1, ClassCount}, {"宗", "宗", 1, ClassCount},
	{"条", "条", 1, ClassCount}, {"块", "块", 1, ClassCount}, {"件", "件", 1, ClassCount},
	{"场", "场", 1, ClassCount}, {"场次", "场次", 1, ClassCount}, {"次", "次", 1, ClassCount},
	{"剂次", "剂次", 1, ClassCount}, {"起", "起", 1, ClassCount}, {"批", "批", 1, ClassCount},
	{"款", "款", 1, ClassCount}, {"册", "册", 1, ClassCount}, {"种", "种", 1, ClassCount},
	{"棵", "棵", 1, ClassCount}, {"株", "株", 1, ClassCount}, {"头", "头", 1, ClassCount},
	{"只", "只", 1, ClassCount}, {"艘", "艘", 1, ClassCount}, {"架", "架", 1, ClassCount},
	{"床", "张", 1, ClassCount}, {"个工作日", "工作日", 1, ClassTime}, {"列", "列", 1, ClassCount},
	{"架次", "架次", 1, ClassCount}, {"批次", "批次", 1, ClassCount}, {"例", "例", 1, ClassCount},
	{"人年", "人年", 1, ClassPeople}, {"岁", "岁", 1, ClassTime},
	{"平方米", "平方米", 1, ClassArea}, {"平米", "平方米", 1, ClassArea}, {"平方公里", "平方米", 1e6, ClassArea},
	{"公顷", "平方米", 1e4, ClassArea}, {"亩", "亩", 1, ClassArea},
	{"公里", "米", 1000, ClassLength}, {"千米", "米", 1000, ClassLength}, {"米", "米", 1, ClassLength},
	{"吨", "吨", 1, ClassWeight}, {"公斤", "千克", 1, ClassWeight}, {"千克", "千克", 1, ClassWeight},
	{"斤", "斤", 1, ClassWeight},
	{"立方米", "立方米", 1, ClassVolume}, {"标准箱", "标准箱", 1, ClassVolume}, {"标箱", "标准箱", 1, ClassVolume},
	{"千瓦", "千瓦", 1, ClassEnergy}, {"兆瓦", "千瓦", 1000, ClassEnergy}, {"千瓦时", "千瓦时", 1, ClassEnergy},
	{"吨标准煤", "吨标准煤", 1, ClassEnergy},
	{"小时", "小时", 1, ClassTime}, {"天", "天", 1, ClassTime}, {"分钟", "分钟", 1, ClassTime},
	{"%", "%", 1, ClassPercent}, {"‰", "%", 0.1, ClassPercent}, {"个百分点", "个百分点", 1, ClassPercent},
	{"百分点", "个百分点", 1, ClassPercent}, {"倍", "倍", 1, ClassTimes},
	{"微克/立方米", "微克/立方米", 1, ClassOther},
}

// scales may stand between a number and its unit.
var scales = []struct {
	name   string
	factor float64
}{
	{"万亿", 1e12}, {"千亿", 1e11}, {"百亿", 1e10}, {"十亿", 1e9}, {"亿", 1e8},
	{"千万", 1e7}, {"百万", 1e6}, {"十万", 1e5}, {"万", 1e4}, {"千", 1e3}, {"百", 1e2},
}

// unitsByLength lists the table longest first, so that 个百分点 wins over 个
// and 平方公里 over 公里.
var unitsByLength = func() []unit {
	us := append([]unit(nil), baseUnits...)
	sort.SliceStable(us, func(i, j int) bool { return len(us[i].name) > len(us[j].name) })
	return us
}()

// matchUnit returns the longest unit at the start of s.
func matchUnit(s string) (unit, bool) {
	for _, u := range unitsByLength {
		if len(s) >= len(u.name) && s[:len(u.name)] == u.name {
			return u, true
		}
	}
	return unit{}, false
}

// matchScale returns the longest scale at the start of s.
func matchScale(s string) (string, float64) {
	for _, sc := range scales {
		if len(s) >= len(sc.name) && s[:len(sc.name)] == sc.name {
			return sc.name, sc.factor
		}
	}
	return "", 1
}

// ClassOfUnit returns the class of a unit as written (万人 → people,
// 亿元 → money), or "" when it is not in the table.
func ClassOfUnit(u string) UnitClass {
	for _, sc := range scales {
		u = strings.TrimPrefix(u, sc.name)
	}
	if u == "" {
		return ""
	}
	if base, ok := matchUnit(u); ok && base.name == u {
		return base.class
	}
	return ""
}

// BaseOfUnit returns the base unit of a unit as written (万平方米 → 平方米),
// or "" when it is not in the table.
func BaseOfUnit(u string) string {
	for _, sc := range scales {
		u = strings.TrimPrefix(u, sc.name)
	}
	if base, ok := matchUnit(u); ok && base.name == u {
		return base.base
	}
	return ""
}

// UnitAt returns the unit written at the start of s, with its scale (万人,
// 列, 亿元), or "" when s does not start with one.
func UnitAt(s string) string {
	scale, _ := matchScale(s)
	if u, ok := matchUnit(s[len(scale):]); ok {
		return s[:len(scale)+len(u.name)]
	}
	return ""
}
