// Package search answers a user's query over an index built by package
// indexer: it parses the query language into a typed AST, runs it against
// both views of the text, ranks paragraphs in tiers (literal matches first,
// then word matches, then synonym matches), and returns sentence snippets
// with match offsets, facets and citations. It produces data, never HTML,
// and knows nothing about HTTP.
package search
