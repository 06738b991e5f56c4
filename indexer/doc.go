// Package indexer turns parsed reports into a bleve index that never misses
// literal text and ranks by words.
//
// It owns the Chinese segmenter (gse, loaded once from a dictionary embedded
// in the binary), the analyzers registered with bleve by name, the index
// mapping, the schema of the stored documents — what is written and how a
// reader gets it back (docs.go; search reads stored fields only through
// it) — and building an index into a temporary directory that replaces the
// old one only when complete. The manifest records what an index holds and
// was made with (sources, program versions, the taxonomy its reports were
// tagged with, the domains that tag them); Ensure decides, from it, whether
// an index is current or must be built (ensure.go).
//
// Building is bleve's offline builder fed by a pipeline (pipeline.go): one
// goroutine parses the reports in order, workers analyse their documents,
// and the builder, which would otherwise do all of it on one goroutine, only
// writes segments. Where the time goes, on one core, for the 17 test
// reports: bleve writing segments ~55%, analysis (gse above all) ~22%,
// parsing ~13%, the rest garbage collection. The segment writer's cost is
// per indexed term occurrence, so what is indexed is kept to what searches
// use: a figure's fields are index-only, numbers that are only read back are
// stored only.
//
// The dictionary is a measured trade-off. gse's full simplified dictionary
// (352k words) loads in ~0.9 s into ~130 MB, which would be the whole
// start-up cost of the program. The 60k most frequent words load in ~60 ms
// into ~20 MB and segment the SIGHAN 2005 MSR test set better (F1 0.856
// against 0.824: the full dictionary over-merges). Policy terms that a
// general dictionary splits (老旧小区, 专精特新, 地区生产总值 …) are added
// from dict/policy_terms.txt. Regenerate the base with `go generate
// ./indexer`; measure with `go test ./indexer -run Segmentation -v`.
package indexer

//go:generate go run ./internal/gendict -n 60000 -out dict/zh_top.txt
