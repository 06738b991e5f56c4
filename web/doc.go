// Package web serves reportsearch over HTTP with gin: a JSON API (documented
// in docs/api.md and served as OpenAPI at /api/openapi.json) and a search page
// rendered with html/template from embedded templates and static files.
//
// Handlers are thin: searching, asking and citing go to a Searcher (the
// search.Engine), and the report model's figures, commitments and paragraph
// context come from a Library built once from the parsed reports. The package
// never touches bleve. The engine returns match offsets; this package turns
// them into markup, escaping everything and adding only <mark>.
package web
