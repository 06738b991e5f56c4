package messages

import (
	"context"
	"errors"
	"strings"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/query"
)

// Message is a sentence for the user and the stable key it was made from
// (a machine code an API answer carries beside it).
type Message struct {
	Key  string
	Text string
}

// Of says err in Chinese, when it is one the table has words for: a query's
// mistake, a report file's problem, an unknown place, an index to rebuild,
// a timeout. ok is false for an error that is none of these (a defect, a
// disk failing): the caller shows its own general sentence and logs err.
func Of(err error) (m Message, ok bool) {
	var pe *query.ParseError
	var fe *query.FilterError
	var place *catalog.PlaceError
	switch {
	case err == nil:
		return Message{}, false
	case errors.As(err, &pe):
		return Query(pe), true
	case errors.As(err, &fe):
		return Filter(fe.Field, fe.Value, fe.Code), true
	case errors.Is(err, query.ErrEmptyQuery):
		return say("query.empty"), true
	case errors.As(err, &place):
		return say("place.unknown", "place", place.Name, "loaded", List(place.Loaded), "total", place.Total), true
	case errors.Is(err, context.DeadlineExceeded):
		return say("error.timeout"), true
	case errors.Is(err, context.Canceled):
		return say("error.cancelled"), true
	}
	if m, ok := fileMessage(err); ok {
		return m, true
	}
	for _, ie := range indexErrors {
		if errors.Is(err, ie.err) {
			return say(ie.key), true
		}
	}
	return Message{}, false
}

// OrGeneral is Of(err), or the general sentence for an unexpected error.
func OrGeneral(err error) Message {
	if m, ok := Of(err); ok {
		return m
	}
	return say("error.internal")
}

func say(key string, pairs ...any) Message { return Message{Key: key, Text: Say(key, pairs...)} }

// Query says what is wrong in a query, where, and how to write it.
func Query(pe *query.ParseError) Message {
	clause := pe.Clause()
	return say("query."+string(pe.Code),
		"col", pe.Column(), "clause", clause, "query", pe.Query, "field", pe.Field,
		"fixed", strings.TrimLeft(clause, "-－"), "max", query.MaxQueryLength,
		"fields", List(query.Fields()), "example", example(pe.Field))
}

// Filter says what is wrong with a filter's value given apart from a query
// (a URL's year=, kind= …), by the filter's name as given.
func Filter(field, value string, code query.Code) Message {
	return say("filter."+string(code), "field", field, "value", value,
		"fields", List(query.Fields()), "example", example(field))
}

// example is a filter of the field written right, for a message that shows
// how; the year's for a field the language lacks.
func example(field string) string {
	if f, ok := query.CanonicalField(field); ok && Has("example."+string(f)) {
		return Say("example." + string(f))
	}
	return Say("example.year")
}

// fileMessage says a report file's problem with its path and line.
func fileMessage(err error) (Message, bool) {
	path, line := corpus.FileOf(err)
	return File(corpus.Problem(err), path, line)
}

// File says a report file's problem (corpus.Problem) with its path and
// line; ok is false for a problem without a name.
func File(problem, path string, line int) (Message, bool) {
	if problem == "" || !Has("file."+problem) {
		return Message{}, false
	}
	if path == "" {
		path = Say("file.unnamed")
	}
	return say("file."+problem, "file", path, "line", line, "max", corpus.MaxLineLength), true
}

// indexErrors are the index's problems, each said with what to run.
var indexErrors = []struct {
	err error
	key string
}{
	{indexer.ErrStale, "index.stale"},
	{indexer.ErrDamaged, "index.damaged"},
	{indexer.ErrUnlisted, "index.unlisted"},
	{indexer.ErrSourcesGone, "index.sources-gone"},
	{indexer.ErrNoIndex, "index.none"},
}
