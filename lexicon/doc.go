// Package lexicon holds what the program knows about the words of Chinese
// policy reports, as data: the word lists and tables that decide what a
// figure, a year, a place and a heading mean; the regular-expression
// fragments for forms written in many patterns (a year, a Chinese year, a
// five-year plan, a division's level); one reader for numbers, in Arabic
// digits or Chinese numerals of any size, and a writer of the small
// Chinese numerals of headings.
//
// The engines that use them live elsewhere: corpus reads figures, dates,
// places and headings with its lists; ask reads questions with the named
// patterns and the question-* lists; query takes its field names and kind
// values from it, and search its synonyms. This package decides nothing
// about a report. It is a leaf: it imports only the standard library, so
// any package may use it.
//
// # Data files
//
// The lists are the files of data/, embedded in the binary and read once,
// on first use. A file is named for its list (data/units.tsv is the list
// "units"), so no two files have one name and data/ has no directories;
// its extension says its kind:
//
//   - .txt — a word list: one item a line (Words, Set, Alternation). A list
//     whose name ends in -chars is a character list: every item is one
//     character, and only such lists are read with Chars, Class and
//     NotClass;
//   - .tsv — a table: one record a line, its fields separated by tabs, as
//     many as the header's "# columns:" line names (Table, Pairs, and
//     Tagged for a word and one of an enumeration). A reader names the
//     columns it expects, and reading panics unless the header names
//     exactly those, in that order, since readers take fields by position;
//     no two rows have the same first field, or the same fields that a
//     "# key:" line after the columns names;
//   - .re — a pattern list: one regular expression (RE2 syntax) a line, for
//     cues that are not plain words (Alternation). An item has no capturing
//     groups ((?:…) instead): the list is put inside other patterns, whose
//     group numbers must not depend on it.
//
// Every file starts with a comment: lines beginning with '#' that say what
// the list is for, how it is used, and any rule of order that matters (Go's
// regexp prefers the leftmost alternative, and most readers take the first
// item that fits, so file order is usually match order). Comment lines and
// blank lines may also stand between items. Spaces around an item or field
// are trimmed.
//
// A file that breaks these rules — no header, a table row with the wrong
// number of fields, an empty field, an item (or a table's first field)
// given twice, a character list with a longer item, a pattern that does
// not compile or captures — is a defect of the build: loading panics with
// the file and line, and the package's tests load every file. So does
// reading a table by columns its header does not name. The tests also fail
// on a file that no code reads: each list is named, as a string literal,
// in a call of Words, Set, Chars, Table, Pairs, Tagged, Alternation, Class
// or NotClass, or in a named pattern that code reads.
//
// # Named patterns
//
// The patterns of questions are whole regular expressions, one a row of the
// table data/question-patterns.tsv (columns name and pattern), that Pattern
// returns by name. A pattern may name what it is built from, and Pattern
// puts it in:
//
//   - {year}, {cn-year} and {five-plan}: the fragments Year, ChineseYear and FivePlan;
//   - {list:name}: the Alternation of the list name (a word list, a table's
//     first column or a pattern list);
//   - {name}: another pattern of the table, as it is written (not grouped).
//
// A pattern may refer to another before or after it, but not to itself,
// even through others.
// Unlike a pattern list, a named pattern may capture: its comment says
// which group holds what.
//
// # Word data kept elsewhere
//
// The taxonomy of policy domains (corpus/domains.txt) is word data too, but
// a user may replace it (--domains FILE), so it keeps the format a user
// writes and corpus reads it (corpus.ParseTaxonomy); an index records the
// taxonomy it was tagged with. The synonyms of search, which no option
// replaces, are lexicon's (data/synonyms.tsv). What the web pages call
// things (web/templates/labels.tsv) is no knowledge of reports but the
// pages' wording, so web keeps it beside its templates, in the format of a
// table here, and reads it with ParseTable.
//
// # Extending a list
//
// To teach the program a word, add a line to its file, where its comment
// says the order wants it, and run all the tests: go test ./... . The
// golden files then show what the word changes: corpus's every figure,
// date or heading, ask's every frame and answer, search's and web's every
// hit and page. Review the diff, and update them with -update only when it
// is what you meant.
package lexicon
