package web

import (
	"net/url"

	"reportsearch/corpus"
)

// The paths of the server's pages, API and files, written once: routes()
// registers them, and every link, in code and in the templates (the path
// and searchURL functions), is made from them.
const (
	pathSearch      = "/"
	pathParagraph   = corpus.PermalinkPrefix // a paragraph's page: corpus.Permalink
	pathFigures     = "/figures"
	pathCommitments = "/commitments"
	pathCompare     = "/compare"
	pathTrack       = "/track"
	pathReports     = "/reports"
	pathRead        = "/read/" // a report whole: /read/{report}?q=…#2.3/p1 (reading.go)
	pathBasket      = "/basket"
	pathHelp        = "/help"
	pathCode        = "/c/" // a citation code's paragraph: /c/K7M3Q2XD.2.4.2.1
	pathUpload      = "/reports/add"
	pathStatic      = "/static/"
	pathHealth      = "/healthz"

	pathAPI            = "/api/"
	pathAPISearch      = pathAPI + "search"
	pathAPISuggest     = pathAPI + "suggest"
	pathAPIAsk         = pathAPI + "ask"
	pathAPIParagraphs  = pathAPI + "paragraphs/"
	pathAPIFigures     = pathAPI + "figures"
	pathAPIComparisons = pathAPI + "comparisons"
	pathAPICommitments = pathAPI + "commitments"
	pathAPITrack       = pathAPI + "track"
	pathAPIReports     = pathAPI + "reports"
	pathAPILibrary     = pathAPI + "library"
	pathAPIUpload      = pathAPI + "reports/add"
	pathAPIOpenAPI     = pathAPI + "openapi.json"
	pathAPIBasketDocx  = pathAPI + "basket.docx"
)

// paths name the paths the templates link to.
var paths = map[string]string{
	"search": pathSearch, "figures": pathFigures, "commitments": pathCommitments, "compare": pathCompare, "track": pathTrack, "reports": pathReports, "basket": pathBasket, "help": pathHelp, "apiBasketDocx": pathAPIBasketDocx, "upload": pathUpload, "apiLibrary": pathAPILibrary,
	"static": pathStatic, "openapi": pathAPIOpenAPI, "apiSuggest": pathAPISuggest,
}

// searchURL is the search page for the query parameters q.
func searchURL(q url.Values) string { return pathSearch + "?" + q.Encode() }

// searchFor is the search page for one parameter: the paragraphs of a
// report (report, ID), of a domain (domain, 教育).
func searchFor(name, value string) string { return searchURL(url.Values{name: {value}}) }
