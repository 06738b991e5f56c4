// Command reportsearch makes Chinese policy reports searchable, citable and
// answerable. With no files it works on the report embedded in the binary.
//
// Usage:
//
//	reportsearch serve [--addr A] [--index DIR] [FILE|DIR ...]
//	reportsearch index [--out DIR] [--force] [FILE|DIR ...]
//	reportsearch search|ask|cite|eval …
//	reportsearch parse|figures|commitments [--json|--csv] …
//
// main only wires: the commands live in run, which tests call directly;
// an index is made current with indexer.Ensure, searched with package
// search, questions answered with package ask, measured with package eval
// and served with package web.
// Exit codes: 0 success, 1 failure, 2 usage error.
package main
