// Package catalog knows the reports an index holds: what the manifest
// records of each (title, issuer, date, years), and which places they speak
// for — the names a question or a region: filter may call a place by (广东,
// 广东省, 上城区, 海拉尔), the reports of each, and the place of a report whose
// text alone says where it is from.
//
// Search (the region: filter and facet, a query word that names a place),
// question answering (the place a question asks about, its 今年) and the web
// pages (report titles and places) read it; it runs no query itself: the
// paragraph counts that place a report of unknown origin are given to it.
package catalog
