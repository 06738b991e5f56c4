// Command reportsearch makes Chinese policy reports searchable, citable and
// answerable. With no files it works on the report embedded in the binary.
//
// Usage:
//
//	reportsearch parse [--json] [FILE|DIR ...]
//
// main only wires: the commands live in run, which tests call directly.
// Exit codes: 0 success, 1 failure, 2 usage error.
package main
