package indexer

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
)

// Targets are paired with results when the index is built, place by place:
// every target figure of a place's reports beside the result of the same
// indicator in the year before (corpus.CompareFigures), each pair a
// comparison document. The pairing reads the figures of one place at a
// time back from the new index, so a build holds one place's figures, and
// a server holds none: the data pages read the pairs they list.

// comparisonDoc is a target/result pair as indexed: the IDs of its two
// figures, what CompareFigures made of them, and the target's report, year
// and document order, to select and list pairs by.
type comparisonDoc struct {
	DocType  string  `json:"doc_type"`
	Report   string  `json:"report"`
	YearTerm string  `json:"year_term"`
	Target   string  `json:"target"`
	Result   string  `json:"result"`
	Order    float64 `json:"order"`
	OrderKey string  `json:"order_key"`
	Data     string  `json:"data"` // indicator, change, ratio and score as JSON
}

func (comparisonDoc) BleveType() string { return TypeComparison }

// pairNumbers are what a comparison document's Data holds.
type pairNumbers struct {
	Indicator string  `json:"indicator"`
	Change    float64 `json:"change"`
	Ratio     float64 `json:"ratio,omitempty"`
	Score     float64 `json:"score"`
}

// Pair is a comparison as the index stores it: its figures by ID.
type Pair struct {
	ID, Target, Result string
	Order              int
	Indicator          string
	Change, Ratio      float64
	Score              float64
}

// ComparisonFields are the stored fields of a comparison.
func ComparisonFields() []string { return []string{FieldTarget, FieldResult, FieldOrder, FieldData} }

// DecodePair reads a comparison from the stored fields of its document.
func DecodePair(id string, fields map[string]any) (*Pair, error) {
	var n pairNumbers
	if err := json.Unmarshal([]byte(str(fields[FieldData])), &n); err != nil {
		return nil, fmt.Errorf("indexer: comparison %s: %w", id, err)
	}
	p := &Pair{ID: id, Target: str(fields[FieldTarget]), Result: str(fields[FieldResult]),
		Indicator: n.Indicator, Change: n.Change, Ratio: n.Ratio, Score: n.Score}
	if o, ok := fields[FieldOrder].(float64); ok {
		p.Order = int(o)
	}
	return p, nil
}

// placeGroups are the reports of each place, in manifest order; a report
// whose place is not known is a group alone, paired within itself.
func placeGroups(reports []ReportEntry) [][]ReportEntry {
	var groups [][]ReportEntry
	at := map[string]int{}
	for _, r := range reports {
		place := r.Region.String()
		if i, ok := at[place]; ok && place != "" {
			groups[i] = append(groups[i], r)
			continue
		}
		at[place] = len(groups)
		groups = append(groups, []ReportEntry{r})
	}
	return groups
}

// pairTargets adds the comparison documents of every place to the built
// index at path and returns how many there are.
func pairTargets(ctx context.Context, path string, reports []ReportEntry, batchSize int) (int, error) {
	idx, err := bleve.Open(path)
	if err != nil {
		return 0, err
	}
	defer idx.Close()
	return pairWith(ctx, idx, reports, batchSize)
}

// pairWith adds the comparison documents of the reports' places to idx.
func pairWith(ctx context.Context, idx bleve.Index, reports []ReportEntry, batchSize int) (int, error) {
	batch := idx.NewBatch()
	pairs := 0
	for _, group := range placeGroups(reports) {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		figs, err := pairableFigures(ctx, idx, group)
		if err != nil {
			return 0, err
		}
		place := group[0].Region.String()
		for _, c := range corpus.CompareFigures(figs.figures, func(string) string { return place }) {
			data, err := json.Marshal(pairNumbers{c.Indicator, c.Change, c.Ratio, c.Score})
			if err != nil {
				return 0, err
			}
			doc := comparisonDoc{DocType: TypeComparison, Report: corpus.ReportOfID(c.Target.ParagraphID), YearTerm: yearTerm(c.Target.Year),
				Target: c.Target.ID, Result: c.Result.ID, Order: float64(figs.order[c.Target.ID]), OrderKey: OrderKey(figs.order[c.Target.ID]), Data: string(data)}
			if err := batch.Index(comparisonPrefix+c.Target.ID, doc); err != nil {
				return 0, err
			}
			pairs++
			if batch.Size() >= batchSize {
				if err := idx.Batch(batch); err != nil {
					return 0, err
				}
				batch.Reset()
			}
		}
	}
	if err := idx.Batch(batch); err != nil {
		return 0, err
	}
	return pairs, nil
}

// comparisonPrefix makes a comparison's document ID of its target's: a
// target has one result at most.
const comparisonPrefix = "cmp:"

// figuresInOrder are figures in document order, with the order of each.
type figuresInOrder struct {
	figures []*corpus.Figure
	order   map[string]int // figure ID → document order
}

// pairableFigures reads the targets, results and estimates of a group's
// reports from the index, in document order.
func pairableFigures(ctx context.Context, idx bleve.Index, group []ReportEntry) (figuresInOrder, error) {
	var reports, kinds []bquery.Query
	for _, r := range group {
		reports = append(reports, termQuery(FieldReport, r.ID))
	}
	for _, k := range []corpus.FigureKind{corpus.FigureTarget, corpus.FigureActual, corpus.FigureEstimate} {
		kinds = append(kinds, termQuery(FieldKind, string(k)))
	}
	q := bquery.NewConjunctionQuery([]bquery.Query{termQuery(FieldDocType, TypeFigure),
		bquery.NewDisjunctionQuery(reports), bquery.NewDisjunctionQuery(kinds)})
	count, err := idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return figuresInOrder{}, err
	}
	sr := bleve.NewSearchRequestOptions(q, int(count.Total), 0, false)
	sr.Fields = FigureFields()
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return figuresInOrder{}, err
	}
	var docs []*Figure
	for _, h := range res.Hits {
		f, err := DecodeFigure(h.ID, h.Fields)
		if err != nil {
			return figuresInOrder{}, err
		}
		docs = append(docs, f)
	}
	slices.SortFunc(docs, func(a, b *Figure) int { return cmp.Compare(a.Order, b.Order) })
	out := figuresInOrder{order: make(map[string]int, len(docs))}
	for _, d := range docs {
		out.figures = append(out.figures, d.Figure)
		out.order[d.ID] = d.Order
	}
	return out, nil
}

// termQuery finds the documents with term in field.
func termQuery(field, term string) bquery.Query {
	q := bquery.NewTermQuery(term)
	q.SetField(field)
	return q
}
