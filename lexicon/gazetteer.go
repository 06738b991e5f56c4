package lexicon

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Level is the level of an administrative division in GB/T 2260.
type Level int

const (
	Province   Level = iota + 1 // 省, 自治区, 直辖市, 特别行政区
	Prefecture                  // 地级市, 地区, 自治州, 盟
	County                      // 市辖区, 县, 县级市, 自治县, 旗, 林区, 特区
)

// Division is one name a division of GB/T 2260 has held.
type Division struct {
	Code  string // six digits: 150702
	Name  string // 海拉尔区
	Short string // the name as people say it without its level: 海拉尔; "" when it has none
	Level Level
	// Since and Until are the years of the first and the last revision of
	// the standard that list the name; Until is 0 while the division
	// still holds it.
	Since, Until int
}

// Current reports whether the division still holds the name.
func (d Division) Current() bool { return d.Until == 0 }

// HeldIn reports whether the division held the name in a year (a year
// before the first revision, 1980, counts as held by the names of 1980).
func (d Division) HeldIn(year int) bool {
	return (year >= d.Since || d.Since == firstRevision) && (d.Until == 0 || year <= d.Until)
}

// firstRevision is the year of the oldest revision the gazetteer holds.
const firstRevision = 1980

// Gazetteer is the names of China's divisions at the province, prefecture
// and county levels since 1980 (data/gazetteer.tsv, from the public GB/T
// 2260 datasets; see lexicon/internal/gengazetteer to refresh it). It is
// read once and safe for concurrent use.
type Gazetteer struct {
	byCode map[string][]Division // every name a code held, the current first
	byName map[string][]Division // full and short names → divisions
	// longest is the longest name in bytes, the most NameAt looks ahead.
	longest int
}

var (
	gazetteerOnce sync.Once
	gazetteer     *Gazetteer
)

// Places returns the gazetteer.
func Places() *Gazetteer {
	gazetteerOnce.Do(func() { gazetteer = newGazetteer(Table("gazetteer", "code", "name", "since", "until")) })
	return gazetteer
}

func newGazetteer(rows [][]string) *Gazetteer {
	g := &Gazetteer{byCode: map[string][]Division{}, byName: map[string][]Division{}}
	for _, row := range rows {
		d := Division{Code: row[0], Name: row[1], Level: levelOf(row[0])}
		d.Since, _ = strconv.Atoi(row[2])
		d.Until, _ = strconv.Atoi(row[3]) // "-": 0, still held
		if short := ShortName(d.Name); short != d.Name {
			d.Short = short
		}
		g.byCode[d.Code] = append(g.byCode[d.Code], d)
		g.byName[d.Name] = append(g.byName[d.Name], d)
		if d.Short != "" {
			g.byName[d.Short] = append(g.byName[d.Short], d)
		}
		g.longest = max(g.longest, len(d.Name))
	}
	for _, names := range g.byCode {
		slices.SortStableFunc(names, newestFirst)
	}
	for name, divs := range g.byName {
		slices.SortStableFunc(divs, func(a, b Division) int {
			// The name in full before the short one (广西 is the region,
			// not 广西县), the current before the old, the higher level before
			// the lower (驻马店市 the city, not the old county-level city).
			if ae, be := a.Name == name, b.Name == name; ae != be {
				if ae {
					return -1
				}
				return 1
			}
			if c := newestFirst(a, b); c != 0 {
				return c
			}
			return int(a.Level) - int(b.Level)
		})
	}
	return g
}

// newestFirst orders a code's names: the current one, then by the year
// they were last held, newest first.
func newestFirst(a, b Division) int {
	ua, ub := a.Until, b.Until
	if ua == 0 {
		ua = 1 << 30
	}
	if ub == 0 {
		ub = 1 << 30
	}
	return ub - ua
}

// levelOf reads a division's level from its code: XX0000 a province,
// XXXX00 a prefecture, any other a county.
func levelOf(code string) Level {
	switch {
	case strings.HasSuffix(code, "0000"):
		return Province
	case strings.HasSuffix(code, "00"):
		return Prefecture
	}
	return County
}

// Named returns the divisions a name, in full or short, has named: the
// name in full first, then the current before the old and the higher level
// before the lower. The slice is the caller's own.
func (g *Gazetteer) Named(name string) []Division {
	return slices.Clone(g.byName[name])
}

// Division returns a code's current name (its last, for a division that
// is no more), or false for a code the gazetteer does not hold.
func (g *Gazetteer) Division(code string) (Division, bool) {
	names := g.byCode[code]
	if len(names) == 0 {
		return Division{}, false
	}
	return names[0], true
}

// Parent returns the division a division belongs to: a county's prefecture
// (its province when it has none, as 仙桃市 or the districts of a
// municipality), a prefecture's province; false for a province.
func (g *Gazetteer) Parent(d Division) (Division, bool) {
	switch d.Level {
	case County:
		if p, ok := g.Division(d.Code[:4] + "00"); ok {
			return p, true
		}
		fallthrough
	case Prefecture:
		return g.Division(d.Code[:2] + "0000")
	}
	return Division{}, false
}

// Chain returns a division with the divisions it belongs to, the province
// first: [内蒙古自治区 呼伦贝尔市 海拉尔区].
func (g *Gazetteer) Chain(d Division) []Division {
	chain := []Division{d}
	for {
		p, ok := g.Parent(chain[0])
		if !ok {
			return chain
		}
		chain = append([]Division{p}, chain...)
	}
}

// Within reports whether division d lies within division outer (or is it).
func Within(d, outer Division) bool {
	switch outer.Level {
	case Province:
		return d.Code[:2] == outer.Code[:2]
	case Prefecture:
		return d.Code[:4] == outer.Code[:4]
	}
	return d.Code == outer.Code
}

// NameAt returns the longest name, in full or short, that text starts
// with, or "".
func (g *Gazetteer) NameAt(text string) string {
	end := min(len(text), g.longest)
	for end > 0 {
		if _, ok := g.byName[text[:end]]; ok && utf8.ValidString(text[:end]) {
			return text[:end]
		}
		_, size := utf8.DecodeLastRuneInString(text[:end])
		end -= size
	}
	return ""
}

// reAutonomous is the level of an autonomous division at the end of its
// name, with the peoples it is named for (written with 族, but for 维吾尔:
// 西藏自治区 is 西藏, not 西 of the 藏族).
var reAutonomous = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:(?:` + Alternation("ethnic-groups") + `族|维吾尔)*` + autonomous + AutonomousLevel() + `)$`)
})

// shortNameLevels are the level words a short name may drop, in the order
// it tries them: the longer ones of short-name-levels, then those of
// division-levels but the autonomous ones.
var shortNameLevels = sync.OnceValue(func() []string {
	levels := Words("short-name-levels")
	for _, w := range Words("division-levels") {
		if !strings.HasPrefix(w, autonomous) {
			levels = append(levels, w)
		}
	}
	return levels
})

// ShortName is a division's name without the word for its level, as people
// say it (广东省 → 广东, 新疆维吾尔自治区 → 新疆, 浦东新区 → 浦东, 海拉尔区 →
// 海拉尔), or the name itself when that would leave a single character
// (沙市 stays) or a word that reads as a level (市中区 stays).
func ShortName(name string) string {
	if loc := reAutonomous().FindStringIndex(name); loc != nil {
		if short := name[:loc[0]]; isShortName(short) {
			return short
		}
		return name
	}
	for _, suffix := range shortNameLevels() {
		if short, ok := strings.CutSuffix(name, suffix); ok && isShortName(short) {
			return short
		}
	}
	return name
}

// isShortName: two characters or more, and not starting with one that
// reads as a level.
func isShortName(s string) bool {
	return utf8.RuneCountInString(s) >= 2 && !strings.ContainsRune(Chars("level-initial-chars"), []rune(s)[0])
}
