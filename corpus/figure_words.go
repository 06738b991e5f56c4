package corpus

// The figure reader's words that answering a question needs too: the
// bounds a figure's text leaves out, and the words of a decline.

// IsBoundQualifier reports whether q, a figure's qualifier, is a bound or
// an approximation written before its number (约, 超过, 突破, 不低于): a
// part of what the figure says, to be shown with it — 突破10亿元 is not
// 10亿元. A qualifier written after the number (以上, 左右) is in the
// figure's text already.
func IsBoundQualifier(q string) bool { return qualifierRoles[q] == qualifierBound }

// BoundQualifiers are the qualifiers that bound or approximate a figure,
// longest first: words a question may repeat from a report (约为多少).
func BoundQualifiers() []string {
	var out []string
	for _, w := range qualifierWords { // longest first
		if IsBoundQualifier(w) {
			out = append(out, w)
		}
	}
	return out
}

// DeclineWords are the words before a number that make it a decline (下降,
// 减少 …), in match order: an answer says which one a decline is.
func DeclineWords() []string {
	var out []string
	for _, c := range changeWords {
		if c.measure == MeasureDecline {
			out = append(out, c.word)
		}
	}
	return out
}
