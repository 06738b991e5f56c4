// Package query is the user query language of reportsearch (docs/query.md)
// as typed values: Parse turns text into a Query — terms with alternatives,
// exclusions, field filters — and String turns a Query back into canonical
// text that parses to the same Query.
//
// Layers pass these values to one another, never query text: the web page
// and the command line parse what a user typed, once, at the edge; Ask and
// the page below an answer build their queries with Words and the filter
// constructors. Nothing here knows about the index.
package query
