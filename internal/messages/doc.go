// Package messages holds what the program says to its users when something
// is wrong, in Chinese, as data (messages.tsv), and says the library
// packages' errors in those words.
//
// The library packages (corpus, query, search, indexer, catalog) return
// English errors wrapped with %w, for logs and for callers; they carry
// what a message needs as typed values (query.ParseError with its Code,
// corpus.FileError with the path and line, catalog.PlaceError) or
// sentinels (corpus.ErrEncoding, indexer.ErrStale …). The edges, web and
// the command, show Of(err): a sentence that keeps the specifics — the
// file, the line, the part of the query — and says what to do, without
// translating the library's strings.
package messages
