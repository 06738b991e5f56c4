//go:build race

package ask_test

// Under the race detector an answer takes about ten times as long, and the
// package's tests would take minutes: each question is asked twice for
// determinism (the run without -race asks it 50 times). Two asks still
// catch an answer that depends on a map's order, which changes at every
// range over it.
func init() { determinismRepeats = 2 }
