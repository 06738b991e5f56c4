package corpus

import (
	"slices"

	"reportsearch/lexicon"
)

// A region read from a report's words ([保定市 清苑区]) names divisions that
// the gazetteer of GB/T 2260 knows by code. The code identifies the
// division whatever it is called (清苑县 became 清苑区 in 2015) and gives
// the larger divisions a report does not name.

// nationalNames are the names of the national scope, National first.
var nationalNames = lexicon.Words("national-names")

// regionCode returns the GB/T 2260 code of a region's own division in the
// year a report was given (0: any year), or "" for the national scope, for
// a place the gazetteer does not know, and for a name it cannot tell apart
// (several divisions of that name that the region's larger ones do not
// decide between).
func regionCode(r Region, year int) string {
	if len(r) == 0 || r[0] == National {
		return ""
	}
	g := lexicon.Places()
	cands := g.Named(r[len(r)-1])
	if len(r) > 1 {
		outer := g.Named(r[len(r)-2])
		cands = slices.DeleteFunc(cands, func(d lexicon.Division) bool {
			return !slices.ContainsFunc(outer, func(o lexicon.Division) bool { return o.Level < d.Level && lexicon.Within(d, o) })
		})
	}
	if year != 0 {
		held := slices.DeleteFunc(slices.Clone(cands), func(d lexicon.Division) bool { return !d.HeldIn(year) })
		if len(held) > 0 {
			cands = held // a name the division held that year; else any it held
		}
	}
	codes := map[string]bool{}
	for _, d := range cands {
		codes[d.Code] = true
	}
	if len(codes) != 1 {
		return ""
	}
	return cands[0].Code
}
