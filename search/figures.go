package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/corpus"
	"reportsearch/indexer"
)

// FigureQuery asks for the figures that may answer a question about an
// indicator.
type FigureQuery struct {
	Indicator string   // what is asked about: 城镇新增就业
	Scope     []string // the reports to look in; nil for all
	Limit     int      // at most this many, the best matching first; 0 for DefaultFigureLimit
}

// DefaultFigureLimit is how many candidate figures a question gets unless
// it says.
const DefaultFigureLimit = 200

// FigureCandidates returns the figures whose indicator or sentence has a
// word of the indicator asked about, or whose indicator has a synonym of it
// or of one of its words, best matching first. Which of them answers is
// the question answerer's to decide.
func (e *Engine) FigureCandidates(ctx context.Context, fq FigureQuery) ([]*corpus.Figure, error) {
	if fq.Indicator == "" {
		return nil, nil
	}
	var any []bquery.Query
	for _, w := range e.indicatorWords(fq.Indicator) {
		any = append(any, termQuery(indexer.FieldIndicator, w), termQuery(indexer.FieldSentence, w))
		for _, syn := range e.syn.Expand(w) {
			any = append(any, literalQuery(indexer.FieldIndicator, syn))
		}
	}
	for _, syn := range e.syn.Expand(fq.Indicator) {
		any = append(any, literalQuery(indexer.FieldIndicator, syn))
	}
	if len(any) == 0 {
		return nil, nil
	}
	must := []bquery.Query{bquery.NewDisjunctionQuery(any), termQuery(indexer.FieldDocType, indexer.TypeFigure)}
	if fq.Limit <= 0 {
		fq.Limit = DefaultFigureLimit
	}
	sr := bleve.NewSearchRequestOptions(scoped(bquery.NewBooleanQuery(must, nil, nil), fq.Scope), fq.Limit, 0, false)
	sr.Fields = indexer.FigureFields()
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: figures: %w", err)
	}
	var out []*corpus.Figure
	for _, h := range res.Hits {
		f, err := indexer.DecodeFigure(h.ID, h.Fields)
		if err != nil {
			return nil, err
		}
		out = append(out, f.Figure)
	}
	return out, nil
}

// indicatorWords are the words of an indicator a figure's may share: its
// words and their dictionary sub-words, so that 城镇居民人均可支配收入, one
// word of the dictionary, finds 城镇人均可支配收入 by 人均 and 可支配收入.
func (e *Engine) indicatorWords(indicator string) []string {
	words := e.seg.QueryWords(indicator)
	for _, w := range e.seg.Words(indicator) {
		t := strings.ToLower(w.Text)
		if utf8.RuneCountInString(t) > 1 && !slices.Contains(words, t) {
			words = append(words, t)
		}
	}
	return words
}
