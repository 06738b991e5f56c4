package corpus

import "strings"

// HeadingTitle is a heading as printed (「（三）推进老旧小区改造」) without
// its number: the words a reader names the section by, and what the
// search box suggests. A heading without a number is returned as it is.
func HeadingTitle(printed string) string {
	printed = strings.TrimSpace(printed)
	mk, ok := parseMarker(printed)
	if !ok {
		return printed
	}
	title := strings.TrimSpace(mk.rest)
	// A heading printed with its closing stop (（十四）全面加强政府自身建设。)
	// is named without it.
	return strings.TrimRight(title, "。.；;：:")
}
