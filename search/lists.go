package search

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"sync"

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
// the year before (see corpus.Compare), the pairs whose target or result
// passes the filter; with a report, those whose target is of that report.
func (e *Engine) Comparisons(ctx context.Context, ff FigureFilter) ([]corpus.Comparison, error) {
	all, err := e.allComparisons(ctx)
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

// comparisons are the target/result pairs of the whole index, paired on
// first use: the pairing reads every figure of the index. It runs once, in
// the background, for all the requests that want it; each request waits
// only as long as its own context allows, and a request that gives up does
// not stop the pairing for the others. Only a success is kept: after an
// error the next request pairs again.
type comparisons struct {
	mu      sync.Mutex
	running chan struct{} // closed when the pairing under way ends; nil when none is
	pairs   []corpus.Comparison
	done    bool
	err     error // of the last pairing that failed
}

func (e *Engine) allComparisons(ctx context.Context) ([]corpus.Comparison, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c := &e.comparisons
	c.mu.Lock()
	if c.done {
		c.mu.Unlock()
		return c.pairs, nil
	}
	if c.running == nil {
		c.running = make(chan struct{})
		go e.pairComparisons(context.WithoutCancel(ctx), c.running)
	}
	running := c.running
	c.mu.Unlock()
	select {
	case <-running:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return c.pairs, nil
	}
	return nil, c.err
}

// pairComparisons pairs the figures of the index and closes finished.
func (e *Engine) pairComparisons(ctx context.Context, finished chan struct{}) {
	pairs, err := e.pairFigures(ctx)
	c := &e.comparisons
	c.mu.Lock()
	defer c.mu.Unlock()
	if err == nil {
		c.pairs, c.done = pairs, true
	}
	c.err, c.running = err, nil
	close(finished)
}

// pairFigures pairs every target of the index with a result of its place.
func (e *Engine) pairFigures(ctx context.Context) ([]corpus.Comparison, error) {
	docs, err := e.figureDocs(ctx)
	if err != nil {
		return nil, err
	}
	figs := make([]*corpus.Figure, len(docs))
	for i, d := range docs {
		figs[i] = d.Figure
	}
	places := map[string]string{}
	for _, r := range e.manifest.Reports {
		places[r.ID] = r.Region.String()
	}
	return corpus.CompareFigures(figs, func(id string) string { return places[id] }), nil
}

// Domains lists every policy domain that tags a paragraph of the index, in
// the order of the taxonomy the index was tagged with (the manifest
// records them).
func (e *Engine) Domains(context.Context) ([]string, error) {
	return slices.Clone(e.manifest.Domains), nil
}
