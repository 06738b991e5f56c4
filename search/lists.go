package search

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// The figures, commitments and comparisons of the index, as the data pages
// and their downloads list them. Each list is selected in the index and
// then filtered exactly as the corpus filters a parsed report, so that it
// holds what the reports themselves would give.

// FigureFilter selects figures: those of one report (all when Report is
// empty) that pass the corpus filter.
type FigureFilter struct {
	Report string
	corpus.FigureFilter
}

// Figures lists the figures that pass the filter, in document order.
func (e *Engine) Figures(ctx context.Context, ff FigureFilter) ([]*corpus.Figure, error) {
	var qs []bquery.Query
	if ff.Report != "" {
		qs = append(qs, termQuery(indexer.FieldReport, ff.Report))
	}
	if ff.Kind != "" {
		qs = append(qs, termQuery(indexer.FieldKind, string(ff.Kind)))
	}
	if ff.Domain != "" {
		qs = append(qs, termQuery(indexer.FieldDomains, ff.Domain))
	}
	docs, err := e.figureDocs(ctx, qs...)
	if err != nil {
		return nil, err
	}
	var out []*corpus.Figure
	for _, d := range docs {
		if ff.Match(d.Figure) {
			out = append(out, d.Figure)
		}
	}
	return out, nil
}

// CommitmentFilter selects commitments: those of one report (all when
// Report is empty) that pass the corpus filter.
type CommitmentFilter struct {
	Report string
	corpus.CommitmentFilter
}

// Commitments lists the commitments that pass the filter, in document order.
// Only plan paragraphs hold commitments.
func (e *Engine) Commitments(ctx context.Context, cf CommitmentFilter) ([]*corpus.Commitment, error) {
	qs := []bquery.Query{termQuery(indexer.FieldDocType, indexer.TypeParagraph), termQuery(indexer.FieldKind, string(corpus.KindTarget))}
	if cf.Report != "" {
		qs = append(qs, termQuery(indexer.FieldReport, cf.Report))
	}
	var paragraphs []*indexer.Paragraph
	err := e.each(ctx, bquery.NewConjunctionQuery(qs), []string{indexer.FieldOrder, indexer.FieldCommitments}, func(id string, fields map[string]any) error {
		p, err := indexer.DecodeParagraph(id, fields)
		if err == nil && len(p.Commitments) > 0 {
			paragraphs = append(paragraphs, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(paragraphs, func(a, b *indexer.Paragraph) int { return cmp.Compare(a.Order, b.Order) })
	var out []*corpus.Commitment
	for _, p := range paragraphs {
		for _, c := range p.Commitments {
			if cf.Match(c) {
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// Comparisons lists each target beside the result of the same indicator in
// the year before (see corpus.Compare), the pairs whose target or result
// passes the filter; with a report, those whose target is of that report.
func (e *Engine) Comparisons(ctx context.Context, ff FigureFilter) ([]corpus.Comparison, error) {
	all, err := e.comparisons()
	if err != nil {
		return nil, err
	}
	cs := corpus.SelectComparisons(all, ff.FigureFilter)
	if ff.Report == "" {
		return cs, nil
	}
	var out []corpus.Comparison
	for _, c := range cs {
		if corpus.ReportOfID(c.Target.ParagraphID) == ff.Report {
			out = append(out, c)
		}
	}
	return out, nil
}

// compareAll pairs the targets and results of the whole index, once: the
// pairing looks at every figure of the years before each target.
func (e *Engine) compareAll() ([]corpus.Comparison, error) {
	docs, err := e.figureDocs(context.Background())
	if err != nil {
		return nil, err
	}
	figs := make([]*corpus.Figure, len(docs))
	for i, d := range docs {
		figs[i] = d.Figure
	}
	return corpus.CompareFigures(figs), nil
}

// Domains lists every policy domain that tags a paragraph of the index, in
// the order of the taxonomy the index was tagged with.
func (e *Engine) Domains(ctx context.Context) ([]string, error) { return e.domains() }

func (e *Engine) allDomains() ([]string, error) {
	sr := bleve.NewSearchRequestOptions(termQuery(indexer.FieldDocType, indexer.TypeParagraph), 0, 0, false)
	sr.AddFacet("domain", bleve.NewFacetRequest(indexer.FieldDomains, len(e.tax.Names())+1000))
	res, err := e.idx.Search(sr)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, v := range facetValues(res.Facets["domain"]) {
		seen[v.Value] = true
	}
	var out []string
	for _, d := range e.tax.Names() {
		if seen[d] {
			out = append(out, d)
			delete(seen, d)
		}
	}
	var rest []string
	for d := range seen {
		rest = append(rest, d)
	}
	slices.SortFunc(rest, strings.Compare)
	return append(out, rest...), nil
}
