package search

import (
	"context"
	"fmt"
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/indexer"
	"reportsearch/query"
)

// A report read whole, in reading order, with a query's matches marked in
// every paragraph the query matches: the reading view's 「上一处 / 下一处」.
// The marks are the ones a search hit's snippets carry (plan.needles,
// matchSpans), so the reading view marks what the search page marked.

// Reading is a report's paragraphs in reading order.
type Reading struct {
	Report     string
	Paragraphs []ReadParagraph
	// Marked counts the marks over the whole report.
	Marked int
	// Partial says that no paragraph has the whole query: the marks are
	// of some of its words (a search's MatchPartial).
	Partial bool
}

// ReadParagraph is a paragraph of a report being read, with the byte spans
// of the query's matches in its text (none without a query, or where the
// query does not match the paragraph).
type ReadParagraph struct {
	*indexer.Paragraph
	Matches [][2]int
}

// readFields are the stored fields the reading view shows.
var readFields = append(indexer.HitFields(), indexer.FieldHeadings)

// Read returns the paragraphs of a report in reading order, or ErrNotFound
// for a report the index does not hold. When q is not empty, the
// paragraphs it matches (within the report) carry the spans of its
// matches. It costs two passes over the report's paragraphs whatever its
// length: one for the text, one for the query's matches.
func (e *Engine) Read(ctx context.Context, report string, q *query.Query) (*Reading, error) {
	if _, ok := e.catalog.Report(report); !ok {
		return nil, fmt.Errorf("search: report %q: %w", report, ErrNotFound)
	}
	ofReport := termQuery(indexer.FieldReport, report)
	all := bquery.NewConjunctionQuery([]bquery.Query{termQuery(indexer.FieldDocType, indexer.TypeParagraph), ofReport})
	out := &Reading{Report: report}
	err := e.inOrder(ctx, all, readFields, func(hits []*bsearch.DocumentMatch) error {
		for _, h := range hits {
			p, err := indexer.DecodeParagraph(h.ID, h.Fields)
			if err != nil {
				return err
			}
			out.Paragraphs = append(out.Paragraphs, ReadParagraph{Paragraph: p})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if q.IsEmpty() || len(q.Terms) == 0 {
		return out, nil
	}
	plan := e.plan(q)
	bq, err := e.bleveQuery(ctx, q, plan)
	if err != nil {
		return nil, err
	}
	matched, err := e.matchesIn(ctx, bq, ofReport)
	if err != nil {
		return nil, err
	}
	// As a search kept to the report would: when no paragraph has every
	// term, those with some of its words are marked by them.
	if len(matched) == 0 && len(plan.terms) > 0 {
		rq, err := e.relaxedQuery(ctx, q, plan)
		if err != nil {
			return nil, err
		}
		if rq != nil {
			plan.relaxed, out.Partial = true, true
			if matched, err = e.matchesIn(ctx, rq, ofReport); err != nil {
				return nil, err
			}
		}
	}
	for i := range out.Paragraphs {
		rp := &out.Paragraphs[i]
		if !matched[rp.ID] {
			continue
		}
		// Classified as the search page classifies a hit, so that a
		// paragraph found by its words is marked by them.
		hit := hitFrom(rp.Paragraph, 0)
		plan.classify(&hit, foldHit(hit))
		rp.Matches = matchSpans(rp.Text, plan.needles(hit))
		out.Marked += len(rp.Matches)
	}
	return out, nil
}

// matchesIn are the IDs of the paragraphs of q within the report.
func (e *Engine) matchesIn(ctx context.Context, q, ofReport bquery.Query) (map[string]bool, error) {
	matched := map[string]bool{}
	err := e.each(ctx, bquery.NewConjunctionQuery([]bquery.Query{q, ofReport}), nil, func(id string, _ map[string]any) error {
		matched[id] = true
		return nil
	})
	return matched, err
}

// SectionPath is the path of a paragraph's section within its report
// (2.3.1), "" for a paragraph before the first heading.
func SectionPath(p *indexer.Paragraph) string {
	if p.Section == "" {
		return ""
	}
	return strings.TrimPrefix(p.Section, p.Report+"/")
}
