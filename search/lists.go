package search

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	bsearch "github.com/blevesearch/bleve/v2/search"
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

// query selects in the index the figures the filter can select there: all
// but its words, which are matched in the figures read.
func (ff FigureFilter) query() bquery.Query {
	qs := []bquery.Query{termQuery(indexer.FieldDocType, indexer.TypeFigure)}
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
	return bquery.NewConjunctionQuery(qs)
}

// Figures lists a page of the figures that pass the filter, in document
// order, and how many pass it. Without words, bleve selects the page
// itself; with them, the figures are read in chunks and matched.
func (e *Engine) Figures(ctx context.Context, ff FigureFilter, page Page) ([]*corpus.Figure, int, error) {
	if len(ff.Words) > 0 || page.Limit == 0 {
		w := window[*corpus.Figure]{page: page}
		err := e.EachFigure(ctx, ff, func(f *corpus.Figure) error { w.add(f); return nil })
		return w.rows, w.total, err
	}
	hits, total, err := e.pageInOrder(ctx, ff.query(), indexer.FigureFields(), page)
	if err != nil {
		return nil, 0, err
	}
	out := make([]*corpus.Figure, 0, len(hits))
	for _, h := range hits {
		f, err := e.decodeFigure(h)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, f)
	}
	return out, total, nil
}

// EachFigure calls visit with every figure that passes the filter, in
// document order.
func (e *Engine) EachFigure(ctx context.Context, ff FigureFilter, visit func(*corpus.Figure) error) error {
	return e.eachFigureOf(ctx, ff.query(), func(f *corpus.Figure) error {
		if !ff.Match(f) {
			return nil
		}
		return visit(f)
	})
}

// eachFigureOf calls visit with every figure document q selects, decoded
// and labelled, in document order.
func (e *Engine) eachFigureOf(ctx context.Context, q bquery.Query, visit func(*corpus.Figure) error) error {
	return e.inOrder(ctx, q, indexer.FigureFields(), func(hits []*bsearch.DocumentMatch) error {
		for _, h := range hits {
			f, err := e.decodeFigure(h)
			if err != nil {
				return err
			}
			if err := visit(f); err != nil {
				return err
			}
		}
		return nil
	})
}

// decodeFigure decodes a figure hit, labelled with its report.
func (e *Engine) decodeFigure(h *bsearch.DocumentMatch) (*corpus.Figure, error) {
	f, err := indexer.DecodeFigure(h.ID, h.Fields)
	if err != nil {
		return nil, err
	}
	e.labelFigure(f.Figure)
	return f.Figure, nil
}

// CommitmentFilter selects commitments: those of one report (all when
// Report is empty) that pass the corpus filter.
type CommitmentFilter struct {
	Report string
	corpus.CommitmentFilter
}

// Commitments lists a page of the commitments that pass the filter, in
// document order, and how many pass it.
func (e *Engine) Commitments(ctx context.Context, cf CommitmentFilter, page Page) ([]*corpus.Commitment, int, error) {
	w := window[*corpus.Commitment]{page: page}
	err := e.EachCommitment(ctx, cf, func(c *corpus.Commitment) error { w.add(c); return nil })
	return w.rows, w.total, err
}

// EachCommitment calls visit with every commitment that passes the filter,
// in document order. Only plan paragraphs hold commitments.
func (e *Engine) EachCommitment(ctx context.Context, cf CommitmentFilter, visit func(*corpus.Commitment) error) error {
	qs := []bquery.Query{termQuery(indexer.FieldDocType, indexer.TypeParagraph), termQuery(indexer.FieldKind, string(corpus.KindTarget))}
	if cf.Report != "" {
		qs = append(qs, termQuery(indexer.FieldReport, cf.Report))
	}
	if cf.Year != 0 { // a commitment's year is its paragraph's
		qs = append(qs, termQuery(indexer.FieldYearTerm, strconv.Itoa(cf.Year)))
	}
	fields := []string{indexer.FieldOrder, indexer.FieldCommitments}
	return e.inOrder(ctx, bquery.NewConjunctionQuery(qs), fields, func(hits []*bsearch.DocumentMatch) error {
		for _, h := range hits {
			p, err := indexer.DecodeParagraph(h.ID, h.Fields)
			if err != nil {
				return err
			}
			for _, c := range p.Commitments {
				c.ReportLabel = e.catalog.Label(p.Report)
				if !cf.Match(c) {
					continue
				}
				if err := visit(c); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Comparisons lists a page of the targets beside the result of the same
// indicator in the year before (see corpus.Compare), as the index was
// built with them (indexer/pairs.go), in the targets' document order: the
// pairs whose target or result passes the filter; with a report, those
// whose target is of that report. It also says how many pass.
func (e *Engine) Comparisons(ctx context.Context, ff FigureFilter, page Page) ([]corpus.Comparison, int, error) {
	ff.Kind = "" // a pair holds both kinds
	if ff.FigureFilter.Year != 0 || ff.Domain != "" || len(ff.Words) > 0 || page.Limit == 0 {
		w := window[corpus.Comparison]{page: page}
		err := e.EachComparison(ctx, ff, func(c corpus.Comparison) error { w.add(c); return nil })
		return w.rows, w.total, err
	}
	hits, total, err := e.pageInOrder(ctx, comparisonQuery(ff.Report), indexer.ComparisonFields(), page)
	if err != nil {
		return nil, 0, err
	}
	out, err := e.comparisonsOf(ctx, hits)
	return out, total, err
}

// EachComparison calls visit with every pair that passes the filter (see
// Comparisons), in the targets' document order.
func (e *Engine) EachComparison(ctx context.Context, ff FigureFilter, visit func(corpus.Comparison) error) error {
	ff.Kind = ""
	return e.inOrder(ctx, comparisonQuery(ff.Report), indexer.ComparisonFields(), func(hits []*bsearch.DocumentMatch) error {
		cs, err := e.comparisonsOf(ctx, hits)
		if err != nil {
			return err
		}
		for _, c := range corpus.SelectComparisons(cs, ff.FigureFilter) {
			if err := visit(c); err != nil {
				return err
			}
		}
		return nil
	})
}

// comparisonQuery selects the comparison documents, of one report's
// targets when report is not empty.
func comparisonQuery(report string) bquery.Query {
	qs := []bquery.Query{termQuery(indexer.FieldDocType, indexer.TypeComparison)}
	if report != "" {
		qs = append(qs, termQuery(indexer.FieldReport, report))
	}
	return bquery.NewConjunctionQuery(qs)
}

// comparisonsOf decodes comparison hits and loads the figures they pair,
// in one lookup for all of them.
func (e *Engine) comparisonsOf(ctx context.Context, hits []*bsearch.DocumentMatch) ([]corpus.Comparison, error) {
	pairs := make([]*indexer.Pair, 0, len(hits))
	ids := make([]string, 0, 2*len(hits))
	for _, h := range hits {
		p, err := indexer.DecodePair(h.ID, h.Fields)
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, p)
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
	out := make([]corpus.Comparison, 0, len(pairs))
	for _, p := range pairs {
		if figs[p.Target] == nil || figs[p.Result] == nil {
			return nil, fmt.Errorf("search: comparison %s: a figure it pairs is not in the index", p.ID)
		}
		out = append(out, corpus.Comparison{Indicator: p.Indicator, Target: labelled(p.Target), Result: labelled(p.Result),
			Change: p.Change, Ratio: p.Ratio, Score: p.Score})
	}
	return out, nil
}

// Domains lists every policy domain that tags a paragraph of the index, in
// the order of the taxonomy the index was tagged with (the manifest
// records them).
func (e *Engine) Domains(context.Context) ([]string, error) {
	return slices.Clone(e.manifest.Domains), nil
}
