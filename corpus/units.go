package corpus

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"reportsearch/lexicon"
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

// unitClasses are the classes the unit table may name.
var unitClasses = []UnitClass{ClassMoney, ClassPeople, ClassOrgs, ClassCount, ClassArea, ClassLength, ClassWeight,
	ClassVolume, ClassEnergy, ClassTime, ClassPercent, ClassTimes, ClassOther}

// baseUnits is the unit table, lexicon's units. Scales written before a
// unit (万, 亿, 万亿 …) are handled separately, so 亿元 is 亿 × 元.
var baseUnits = func() []unit {
	var us []unit
	for _, r := range lexicon.Table("units", "unit", "base", "factor", "class") {
		u := unit{name: r[0], base: r[1], factor: mustFactor("units", r[0], r[2]), class: UnitClass(r[3])}
		if !slices.Contains(unitClasses, u.class) {
			panic(fmt.Sprintf("corpus: lexicon units: %s: unknown class %q", u.name, u.class))
		}
		us = append(us, u)
	}
	return us
}()

// scale is a word for a power of ten written between a number and its
// unit: 万, 亿, 万亿.
type scale struct {
	name   string
	factor float64
}

// scales is the scale table, lexicon's scales, longest first.
var scales = func() []scale {
	var out []scale
	for _, r := range lexicon.Table("scales", "scale", "factor") {
		out = append(out, scale{r[0], mustFactor("scales", r[0], r[1])})
	}
	return out
}()

// mustFactor reads a factor of a lexicon table; a bad one is a build
// defect, which every test catches.
func mustFactor(table, name, s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !(f > 0) {
		panic(fmt.Sprintf("corpus: lexicon %s: %s: bad factor %q", table, name, s))
	}
	return f
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
