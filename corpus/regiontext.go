package corpus

import (
	"regexp"
	"slices"
	"unicode/utf8"

	"reportsearch/lexicon"
)

// A county's report often names its place nowhere in its front matter: its
// speaker speaks 我代表县政府, its title is 政府工作报告. Its text names the
// place all along (和谐清苑, 全县…清苑县…). regionInText reads the region
// from there: the division of the report's level that the text names most.

// reOwnLevel is the level of the government a speaker speaks for without
// naming it: 我代表县政府, 我代表市人民政府, 我代表区政府.
var reOwnLevel = regexp.MustCompile(`我代表(` + lexicon.DivisionLevel() + `)(?:人民)?政府`)

// Thresholds of regionInText: the division named most must be named at
// least minPlaceMentions times and twice as often as any other, so that a
// report that speaks of its neighbours as much as of itself gets none.
const (
	minPlaceMentions = 3
	placeLead        = 2
)

// ownLevels are the gazetteer levels of the level words a speaker uses
// for his own government (data/own-levels.tsv); a word that may be several
// levels (市: a prefecture or a county-level city) is not among them.
var ownLevels = func() map[string]lexicon.Level {
	levels := map[string]lexicon.Level{"province": lexicon.Province, "prefecture": lexicon.Prefecture, "county": lexicon.County}
	out := map[string]lexicon.Level{}
	for word, level := range lexicon.Pairs("own-levels", "word", "level") {
		l, ok := levels[level]
		if !ok {
			panic("corpus: own-levels: unknown level " + level)
		}
		out[word] = l
	}
	return out
}()

// regionInText returns the division the texts name most, of the level the
// opening gives when it gives one and held in year when year is known, as
// a one-division region; nil when no division stands out.
func regionInText(texts []string, year int) Region {
	var level lexicon.Level
	for _, t := range texts {
		if m := reOwnLevel.FindStringSubmatch(t); m != nil {
			level = ownLevels[m[1]] // 0, any level, for 市
			break
		}
	}
	g := lexicon.Places()
	counts := map[string]int{} // code → mentions
	full := map[string]bool{}  // codes the text names in full
	short := map[string]int{}  // code → mentions by a two-character short name
	named := map[string]bool{} // codes of every division the text names, of any level
	names := map[string]string{}
	for _, t := range texts {
		for i := 0; i < len(t); {
			n := g.NameAt(t[i:])
			if n == "" || insideWord(t, i, n) {
				_, size := utf8.DecodeRuneInString(t[i:])
				i += size
				continue
			}
			i += len(n)
			if IsGenericPlace(n) {
				continue // 城区, 新区: words for a kind of place first
			}
			for _, d := range g.Named(n) {
				named[d.Code] = true
			}
			for _, d := range g.Named(n) {
				if (level == 0 || d.Level == level) && (year == 0 || d.HeldIn(year)) {
					names[d.Code] = d.Name
					switch {
					case n == d.Name:
						full[d.Code] = true
						counts[d.Code]++
					case utf8.RuneCountInString(n) > 2:
						counts[d.Code]++
					default:
						short[d.Code]++
					}
				}
			}
		}
	}
	// A two-character short name is often a word as well (合作, 资源,
	// 新建): it counts only for a division the text also names in full, or
	// when the opening says the report's level (我代表县人民政府), whose
	// prefecture or province it names (新安 of a county report that names
	// 洛阳 is 新安县; 资源 of one that never names 桂林 is a word). A city's
	// report names its counties by short names: without a level they
	// would outnumber the city.
	for code, n := range short {
		if full[code] || level != 0 && parentNamed(g, code, named) {
			counts[code] += n
		}
	}
	best, second := "", 0
	for code, n := range counts {
		switch {
		case best == "" || n > counts[best] || n == counts[best] && code < best:
			if best != "" {
				second = max(second, counts[best])
			}
			best = code
		default:
			second = max(second, n)
		}
	}
	if best == "" || counts[best] < minPlaceMentions || counts[best] < placeLead*second {
		return nil
	}
	return Region{names[best]}
}

// parentNamed reports whether the text names a division that holds the
// division of code (its prefecture or its province).
func parentNamed(g *lexicon.Gazetteer, code string, named map[string]bool) bool {
	d, ok := g.Division(code)
	if !ok {
		return false
	}
	for _, outer := range g.Chain(d) {
		if outer.Code != d.Code && named[outer.Code] {
			return true
		}
	}
	return false
}

// insideWord reports whether the name at byte i of t, a division named by
// one character and its level (范县), is the end of a word there instead
// (示范县): the character before it and the name's first make one of
// placeNameMasks.
func insideWord(t string, i int, name string) bool {
	if utf8.RuneCountInString(name) != 2 || i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	first, _ := utf8.DecodeRuneInString(name)
	return slices.Contains(placeNameMasks, string([]rune{r, first}))
}

// placeNameMasks are words that end with a one-character place name's
// character (data/place-name-masks.txt).
var placeNameMasks = lexicon.Words("place-name-masks")
