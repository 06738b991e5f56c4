package corpus

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// Region is the administrative region a report speaks for, from the largest
// division to the smallest: [杭州市 上城区], [广东省], [全国]. It is read from
// the issuer, the meeting and the title, so that a question or a filter that
// names a place (广东, 上城区, 海拉尔) can be answered from that place's
// report and not from another's.
type Region []string

// National is the region of a report of the State Council or one of its
// commissions.
const National = "全国"

// reDivision is one administrative division at the start of a text: a name
// and the word for its level. The name is matched lazily, so 杭州市上城区 is
// two divisions; 市中区 is one because a name has at least one character. A
// bare 州 is not a level (杭州, 广州 are names; prefectures are 自治州).
var reDivision = regexp.MustCompile(`^\p{Han}{1,9}?` + lexicon.DivisionLevel())

// reRegionLead is what may come before the region in a title or meeting:
// 关于, 在, a year in digits or Chinese numerals.
var reRegionLead = regexp.MustCompile(`^(?:关于|在)?(?:(?:` + lexicon.Year + `|` + lexicon.ChineseYear + `)年(?:度)?)?`)

// reTitlePlace is what follows the place in a title that names it: 上海市政府
// 工作报告, 陕西省2026年…, 上城区2022年国民经济…. A title's other words
// ending in a level (社区服务工作报告) are not places.
var reTitlePlace = regexp.MustCompile(`^(?:` + lexicon.Alternation("title-place-words") + `|\d{4}年|` + lexicon.ChineseYear + `年)`)

// nationalBodies issue national reports.
var nationalBodies = lexicon.Words("national-bodies")

// regionOf reads the region of a report from its issuer, meeting and title.
// The issuer decides (上城区发展改革和经济信息化局 → [上城区]); a longer chain
// from the meeting or the title that ends in the same division adds the
// larger ones (杭州市上城区第一届人民代表大会 → [杭州市 上城区]).
func regionOf(issuer, meeting, title string) Region {
	for _, body := range nationalBodies {
		if strings.HasPrefix(issuer, body) {
			return Region{National}
		}
	}
	if issuer == "" && strings.Contains(meeting, "全国人民代表大会") {
		return Region{National}
	}
	var best Region
	for i, text := range []string{issuer, meeting, title} {
		chain, rest := divisions(reRegionLead.ReplaceAllString(text, ""))
		if i == 2 && !reTitlePlace.MatchString(rest) {
			chain = nil
		}
		switch {
		case len(chain) == 0:
		case best == nil:
			best = chain
		case len(chain) > len(best) && chain[len(chain)-1] == best[len(best)-1]:
			best = chain
		}
	}
	return best
}

// divisions splits the administrative divisions off the start of a text and
// returns them with the text after them.
func divisions(text string) (Region, string) {
	var chain Region
	for len(chain) < 4 {
		m := reDivision.FindString(text)
		if utf8.RuneCountInString(m) == 2 && strings.HasSuffix(m, "市") && strings.HasPrefix(text[len(m):], "区") {
			m += "区" // 沙市区, 新市区: the 市 is part of the name (not 上海市区)
		}
		if m == "" || IsGenericPlace(m) || !placeName(m) {
			break
		}
		chain = append(chain, m)
		text = text[len(m):]
	}
	return chain, text
}

// placeName reports whether a match of reDivision can be a place's name:
// one the gazetteer knows, or one without a head of government's title
// (省长王伟中在广东省 of 广东省省长王伟中在广东省第十四届…) or a word no
// name holds (在, 的).
func placeName(m string) bool {
	if len(lexicon.Places().Named(m)) > 0 {
		return true
	}
	for _, role := range speakerRoles {
		if strings.Contains(m, role) {
			return false
		}
	}
	return !strings.ContainsAny(m, notNameChars)
}

// speakerRoles are the titles of heads of government (data/speaker-roles.txt).
var speakerRoles = lexicon.Words("speaker-roles")

// PlaceAt returns the administrative divisions named at the start of text
// as one name (宁波市 of 宁波市2023年…, 杭州市余杭区 of 杭州市余杭区的…) and the
// text after them, or "" and text when it starts with none.
func PlaceAt(text string) (place, rest string) {
	chain, rest := divisions(text)
	return chain.String(), rest
}

// IsGenericPlace is a word for "this place" or a kind of place rather than a
// place: 全市, 我区, 本县, 城区, 老旧小区, 开发区, 自贸区.
func IsGenericPlace(s string) bool {
	r := []rune(s)
	if len(r) == 2 && strings.ContainsRune(placeDeictics, r[0]) || slices.Contains(areaWords, s) {
		return true
	}
	for _, w := range areaWordEnds {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// placeDeictics open a two-character word for "this place": 全市, 本县, 我区.
var placeDeictics = lexicon.Chars("place-deictic-chars")

// areaWords name a kind of area, not a division. Only as whole words:
// 上城区, 盐城市, 成都市 and 中山区 end in some of them.
var areaWords = lexicon.Words("area-words")

// areaWordEnds end only words that name a kind of area.
var areaWordEnds = lexicon.Words("area-word-ends")

// Names are the names the region's own division goes by, longest first:
// [杭州市上城区 上城区 上城] for [杭州市 上城区]; [新疆维吾尔自治区 新疆]. The
// larger divisions alone are not names of it: a question about 杭州市 is not
// answered from a report of 上城区.
func (r Region) Names() []string {
	if len(r) == 0 {
		return nil
	}
	if r[0] == National {
		return slices.Clone(nationalNames)
	}
	own := r[len(r)-1]
	names := []string{own}
	if len(r) > 1 {
		names = append([]string{strings.Join(r, "")}, names...)
	}
	if short := ShortRegionName(own); short != own {
		names = append(names, short)
	}
	return names
}

// String is the region as one name: 杭州市上城区.
func (r Region) String() string { return strings.Join(r, "") }

// reLevelSuffix is the word for a division's level at the end of its name,
// with the peoples an autonomous division is named for (written with 族,
// but for 维吾尔: 西藏自治区 is 西藏, not 西 of the 藏族).
var reLevelSuffix = regexp.MustCompile(`(?:(?:` + lexicon.Alternation("ethnic-groups") + `族|维吾尔)*自治` +
	lexicon.AutonomousLevel() + `|` + lexicon.DivisionLevel() + `)$`)

// levelInitials cannot start a short name: 市中区 stays, for 市中 reads as a level.
var levelInitials = lexicon.Chars("level-initial-chars")

// ShortRegionName is a division's name without the word for its level, as
// people say it (广东省 → 广东, 新疆维吾尔自治区 → 新疆, 上城区 → 上城), or the
// name itself when that would leave a single character (沙市 stays) or a
// word that reads as a level (市中区 stays).
func ShortRegionName(name string) string {
	if short, ok := strings.CutSuffix(name, "新区"); ok && len([]rune(short)) >= 2 {
		return short // 浦东新区 → 浦东
	}
	short := reLevelSuffix.ReplaceAllString(name, "")
	if len([]rune(short)) < 2 || strings.ContainsRune(levelInitials, []rune(short)[0]) || IsGenericPlace(name) {
		return name
	}
	return short
}

// provinces are China's provincial-level divisions. A question that names
// one of them is about that province even when no report of it is indexed,
// and then has no answer rather than another province's figure.
var provinces = lexicon.Words("provinces")

// Provinces returns the full names of China's provincial-level divisions.
func Provinces() []string { return append([]string(nil), provinces...) }
