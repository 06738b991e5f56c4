package messages

import "sort"

// Reason says why an answer is what it is (an ask.Reason: its code and
// what it names) in Chinese.
func Reason(code string, args map[string]string) string {
	names := make([]string, 0, len(args))
	for k := range args {
		names = append(names, k)
	}
	sort.Strings(names)
	pairs := make([]any, 0, 2*len(args))
	for _, k := range names {
		pairs = append(pairs, k, args[k])
	}
	return Say("ask."+code, pairs...)
}
