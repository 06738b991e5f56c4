// Package lexicon holds what the program knows about the words of Chinese
// policy reports, as data: the word lists and tables that decide what a
// figure, a year, a place and a heading mean; the regular-expression
// fragments for forms written in many patterns (a year, a Chinese year, a
// five-year plan, a division's level); and one reader for numbers, in
// Arabic digits or Chinese numerals of any size.
//
// The engines that use them live elsewhere (corpus reads figures, dates
// and headings); this package decides nothing about a report. It is a leaf:
// it imports only the standard library, so any package may use it.
//
// # Data files
//
// The lists are the files of data/, embedded in the binary and read once,
// on first use. A file is named for its list (data/units.tsv is the list
// "units") and its extension says its kind:
//
//   - .txt — a word list: one item a line (Words, Set, Alternation; Chars
//     when every item is one character);
//   - .tsv — a table: one record a line, its fields separated by tabs, as
//     many as the header's "# columns:" line names (Table);
//   - .re — a pattern list: one regular expression (RE2 syntax) a line, for
//     cues that are not plain words (Alternation).
//
// Every file starts with a comment: lines beginning with '#' that say what
// the list is for, how it is used, and any rule of order that matters (Go's
// regexp prefers the leftmost alternative, and most readers take the first
// item that fits, so file order is usually match order). Comment lines and
// blank lines may also stand between items. Spaces around an item or field
// are trimmed.
//
// A file that breaks these rules — no header, a table row with the wrong
// number of fields, an empty field, an item given twice, a pattern that
// does not compile — is a defect of the build: loading panics with the file
// and line, and the package's tests load every file.
//
// # Extending a list
//
// To teach the program a word, add a line to its file, where its comment
// says the order wants it, and run the tests: go test ./lexicon ./corpus.
// The golden files of corpus then show every figure, date or heading the
// word changes; review the diff, and update them with -update only when it
// is what you meant.
package lexicon
