package ask

import "strings"

// Reason says why an answer is what it is — nothing fits, another place
// was also named, several places fit — as a stable code and what it
// names, so that the edges (web, the command) say it in their own words;
// Answer.Note says the same in English.
type Reason struct {
	Code string            `json:"code"`
	Args map[string]string `json:"args,omitempty"`
}

// setNote makes the answer's note this one reason: code with its args
// (name, value, …), english its Note.
func (a *Answer) setNote(english, code string, args ...string) {
	a.Note, a.Reasons = english, []Reason{reason(code, args)}
}

// addNote adds a reason to the answer's note.
func (a *Answer) addNote(english, code string, args ...string) {
	a.Note = strings.TrimPrefix(a.Note+"; ", "; ") + english
	a.Reasons = append(a.Reasons, reason(code, args))
}

func reason(code string, args []string) Reason {
	r := Reason{Code: code}
	if len(args) > 0 {
		r.Args = map[string]string{}
		for i := 0; i+1 < len(args); i += 2 {
			r.Args[args[i]] = args[i+1]
		}
	}
	return r
}
