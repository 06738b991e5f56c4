//go:build race

package ask_test

// Under the race detector an answer takes about ten times as long: each
// question is asked fewer times for determinism.
func init() { determinismRepeats = 5 }
