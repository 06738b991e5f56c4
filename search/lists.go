package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"

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
	if ff.Year != 0 {
		qs = append(qs, termQuery(indexer.FieldYearTerm, strconv.Itoa(ff.Year)))
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
	if cf.Year != 0 { // a commitment's year is its paragraph's
		qs = append(qs, termQuery(indexer.FieldYearTerm, strconv.Itoa(cf.Year)))
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
			c.ReportLabel = e.catalog.Label(p.Report)
			if cf.Match(c) {
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// Comparisons lists each target beside the result of the same indicator in
// the year before (see corpus.Compare), as the index was built with them
// (indexer/pairs.go), in the targets' document order: the pairs whose
// target or result passes the filter; with a report, those whose target is
// of that report.
func (e *Engine) Comparisons(ctx context.Context, ff FigureFilter) ([]corpus.Comparison, error) {
	qs := []bquery.Query{termQuery(indexer.FieldDocType, indexer.TypeComparison)}
	if ff.Report != "" {
		qs = append(qs, termQuery(indexer.FieldReport, ff.Report))
	}
	var pairs []*indexer.Pair
	err := e.each(ctx, bquery.NewConjunctionQuery(qs), indexer.ComparisonFields(), func(id string, fields map[string]any) error {
		p, err := indexer.DecodePair(id, fields)
		if err == nil {
			pairs = append(pairs, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(pairs, func(a, b *indexer.Pair) int { return cmp.Compare(a.Order, b.Order) })
	ids := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		ids = append(ids, p.Target, p.Result)
	}
	figs, err := e.figuresByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	labelled := func(id string) *corpus.Figure {
		f := *figs[id] // a copy: the cache's figures are shared
		e.labelFigure(&f)
		return &f
	}
	all := make([]corpus.Comparison, 0, len(pairs))
	for _, p := range pairs {
		if figs[p.Target] == nil || figs[p.Result] == nil {
			return nil, fmt.Errorf("search: comparison %s: a figure it pairs is not in the index", p.ID)
		}
		all = append(all, corpus.Comparison{Indicator: p.Indicator, Target: labelled(p.Target), Result: labelled(p.Result),
			Change: p.Change, Ratio: p.Ratio, Score: p.Score})
	}
	return corpus.SelectComparisons(all, ff.FigureFilter), nil
}

// Domains lists every policy domain that tags a paragraph of the index, in
// the order of the taxonomy the index was tagged with (the manifest
// records them).
func (e *Engine) Domains(context.Context) ([]string, error) {
	return slices.Clone(e.manifest.Domains), nil
}
