// Package web serves reportsearch over HTTP with gin: a JSON API (documented
// in docs/api.md and served as OpenAPI at /api/openapi.json) and a search page
// rendered with html/template from embedded templates and static files.
//
// Handlers are thin. Everything the server shows comes from the index,
// through two small interfaces it defines: Index (searches, paragraphs,
// figures, commitments, comparisons, the catalog of reports; *search.Engine
// implements it) and Asker (*ask.Asker). The server holds no parsed report
// and never touches bleve. The engine returns match offsets; this package
// turns them into markup, escaping everything and adding only <mark>.
// Paragraph URLs come from corpus.Permalink, in code and templates alike,
// and what the pages call a kind, a measure, a filter or an error comes
// from templates/labels.tsv (the label func), in code and templates alike.
package web
