// Package testengine opens the shared test indexes of package testindex as
// search engines and question answerers, once per test process, for the
// tests of the packages above search (ask, eval, web, the command).
package testengine

import (
	"sync"
	"testing"

	"reportsearch/ask"
	"reportsearch/internal/testindex"
	"reportsearch/search"
)

var engines sync.Map // testindex.Set → func() (*search.Engine, error)

// Engine is the engine over the shared index of a set of reports. It stays
// open for the test process.
func Engine(t testing.TB, set testindex.Set) *search.Engine {
	t.Helper()
	root := testindex.Root(t, set)
	open, _ := engines.LoadOrStore(set, sync.OnceValues(func() (*search.Engine, error) { return search.Open(root) }))
	e, err := open.(func() (*search.Engine, error))()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// Asker answers questions over the shared index of a set of reports.
func Asker(t testing.TB, set testindex.Set) *ask.Asker {
	t.Helper()
	return mustAsker(t, Engine(t, set))
}

// ForTexts builds an index of report texts by file name (see
// testindex.ForTexts) and opens it for the test.
func ForTexts(t testing.TB, texts map[string]string) *search.Engine {
	t.Helper()
	e, err := search.Open(testindex.ForTexts(t, texts))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// AskerFor answers questions over e.
func AskerFor(t testing.TB, e *search.Engine) *ask.Asker { return mustAsker(t, e) }

func mustAsker(t testing.TB, e *search.Engine) *ask.Asker {
	t.Helper()
	a, err := ask.New(e, ask.DefaultWeights)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
