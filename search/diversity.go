package search

// Diversity: a page of hits from one report alone hides the other reports
// that speak of the query about as well. A report has at most
// diversityPerWindow hits among any diversityWindow consecutive ranks while
// a hit of another report of the same tier scores at least diversityClose
// of the one it would pass.
const (
	diversityWindow    = 10
	diversityPerWindow = 3
	diversityClose     = 0.75
)

// diversify reorders ranked hits (in place, returning them) so that one
// report does not fill a page while others match about as well. The order
// is a function of the ranked list alone, so pages never overlap.
func diversify(hits []Hit) []Hit {
	out := make([]Hit, 0, len(hits))
	rest := hits
	for len(rest) > 0 {
		pick := 0
		if recentFrom(out, rest[0].Report) >= diversityPerWindow {
			for i := 1; i < len(rest); i++ {
				h := rest[i]
				if h.Match != rest[0].Match || h.Score < diversityClose*rest[0].Score {
					break
				}
				if h.Report != rest[0].Report && recentFrom(out, h.Report) < diversityPerWindow {
					pick = i
					break
				}
			}
		}
		out = append(out, rest[pick])
		if pick == 0 {
			rest = rest[1:]
		} else {
			rest = append(rest[:pick:pick], rest[pick+1:]...) // a copy: rest[0] stays first
		}
	}
	return out
}

// recentFrom counts the hits of report among the last diversityWindow-1 of
// out: with the next, they make a window.
func recentFrom(out []Hit, report string) int {
	n := 0
	for _, h := range out[max(0, len(out)-diversityWindow+1):] {
		if h.Report == report {
			n++
		}
	}
	return n
}
