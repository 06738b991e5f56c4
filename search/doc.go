// Package search answers queries over an index built by package indexer.
// A typed query (package query) is planned against both views of the text
// (plan.go), run in bleve, and its matches ranked in tiers — literal
// matches first, then word matches, then synonym matches — with sentence
// snippets as match offsets and a text citation per hit (search.go), and
// facets (facets.go).
//
// The engine is also the read side of the index for everything above it:
// a paragraph with its figures and neighbours (paragraph.go), the figures,
// commitments and target/result comparisons the data pages list
// (lists.go), the candidate figures for a question (figures.go), literal
// counts (literal.go), reading every match of a query (read.go), and the catalog of the reports and their
// places (package catalog). It produces data, never HTML, and knows
// nothing about questions, HTTP or how a citation is worded (package
// corpus words it).
package search
