// Package ask answers questions about the reports from the figures they
// state — 2022年城镇新增就业多少人？ → 3.4万人, with its sentence and a citation —
// or says that it does not know, never giving a confident wrong number.
//
// A question goes through named steps: AnalyseQuestion reads it into a
// typed Frame (what indicator, which years, result or target, what unit or
// measure, which place); the place is resolved against the catalog of the
// indexed reports (place.go); the index proposes candidate figures
// (search.Engine.FigureCandidates) and each is scored against the frame
// (score.go), with every weight in one Weights struct. The same question
// always gets the same frame and the same answer.
//
// The package depends on the index only through the small Index interface,
// which search.Engine implements.
package ask
