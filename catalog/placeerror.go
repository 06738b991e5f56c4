package catalog

import (
	"fmt"
	"strings"
)

// PlaceError is ErrUnknownPlace with the name asked for and some of the
// places that are loaded, so that an edge can say it in its own words.
type PlaceError struct {
	Name   string
	Loaded []string // at most maxPlacesNamed of them
	Total  int      // how many places are loaded in all
}

func (e *PlaceError) Error() string {
	list := strings.Join(e.Loaded, ", ")
	if e.Total > len(e.Loaded) {
		list += fmt.Sprintf(" … (%d in all)", e.Total)
	}
	return fmt.Sprintf("%v: no report of the place %q is loaded (places loaded: %s)", ErrUnknownPlace, e.Name, list)
}

func (e *PlaceError) Unwrap() error { return ErrUnknownPlace }
