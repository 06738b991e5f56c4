package search

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
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
	Years     []int    // only figures of these years; nil for any
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
	words := e.seg.QueryWords(fq.Indicator)
	for _, w := range e.indicatorWords(fq.Indicator) {
		any = append(any, termQuery(indexer.FieldIndicator, w))
		if slices.Contains(words, w) {
			// The sentence by the question's own words only: its
			// sub-words are in too many sentences.
			any = append(any, termQuery(indexer.FieldSentence, w))
		}
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
	if len(fq.Years) > 0 {
		var years []bquery.Query
		for _, y := range fq.Years {
			years = append(years, termQuery(indexer.FieldYearTerm, strconv.Itoa(y)))
		}
		must = append(must, bquery.NewDisjunctionQuery(years))
	}
	if fq.Limit <= 0 {
		fq.Limit = DefaultFigureLimit
	}
	q := scoped(bquery.NewBooleanQuery(must, nil, nil), fq.Scope)
	// The same figure stated again — the report saved twice, as a web page
	// and as a PDF, or a plan republished by a district — is one candidate:
	// copies would crowd other figures out of the limit, and a question
	// would be answered differently as a library grows by them. So when
	// the first Limit matches hold copies, the first maxFigureScan × Limit
	// are read instead, and of a statement's copies the one of the first
	// figure ID stands for all, in the place of the first seen: the
	// candidates of one report then come from one copy of it, and break
	// ties among themselves as the original's do.
	figs, total, err := e.figurePage(ctx, q, fq.Limit)
	if err != nil {
		return nil, err
	}
	out, copies := e.distinctStatements(figs, fq.Limit)
	if copies && len(figs) < total {
		if figs, _, err = e.figurePage(ctx, q, min(total, maxFigureScan*fq.Limit)); err != nil {
			return nil, err
		}
		out, _ = e.distinctStatements(figs, fq.Limit)
	}
	return out, nil
}

// distinctStatements keeps the first limit statements of figs, each by
// the copy of the first ID, and says whether there were copies.
func (e *Engine) distinctStatements(figs []*corpus.Figure, limit int) (out []*corpus.Figure, copies bool) {
	at := map[figureStatement]int{} // a statement's place in out
	for _, f := range figs {
		key := e.statementOf(f)
		if i, seen := at[key]; seen {
			copies = true
			if f.ID < out[i].ID {
				out[i] = f
			}
		} else if len(out) < limit {
			at[key] = len(out)
			out = append(out, f)
		}
	}
	return out, copies
}

// maxFigureScan bounds, in multiples of a FigureQuery's limit, how far
// candidates are read past copies.
const maxFigureScan = 5

// figureStatement is what makes two figures the same statement: the same
// number in the same words, of the same place, read as the same year and
// kind. Two reports of a place may say the same words of two years (增长7%
// as the target of one and the result in the next); they are not copies.
type figureStatement struct {
	place, sentence, text string
	start, year           int
	kind                  corpus.FigureKind
}

func (e *Engine) statementOf(f *corpus.Figure) figureStatement {
	return figureStatement{e.catalog.PlaceOf(corpus.ReportOfID(f.ParagraphID)), f.Sentence, f.Text, f.Start, f.Year, f.Kind}
}

// figurePage returns the best size figures of q, decoded (from the cache
// when they were decoded before), and how many match.
func (e *Engine) figurePage(ctx context.Context, q bquery.Query, size int) ([]*corpus.Figure, int, error) {
	sr := bleve.NewSearchRequestOptions(q, size, 0, false)
	res, err := e.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, 0, fmt.Errorf("search: figures: %w", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	have, err := e.figuresByID(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	out := make([]*corpus.Figure, 0, len(ids))
	for _, id := range ids {
		if f, ok := have[id]; ok {
			out = append(out, f)
		}
	}
	return out, int(res.Total), nil
}

// figuresByID returns the figures of ids, by ID: from the cache when they
// were decoded before, else decoded and kept. They are shared: a caller
// must not modify them.
func (e *Engine) figuresByID(ctx context.Context, ids []string) (map[string]*corpus.Figure, error) {
	have, missing := e.figures.get(ids)
	if len(missing) > 0 {
		loaded, err := e.loadFigures(ctx, missing)
		if err != nil {
			return nil, err
		}
		e.figures.put(loaded)
		maps.Copy(have, loaded)
	}
	return have, nil
}

// loadFigures decodes the figures of ids from their stored fields.
func (e *Engine) loadFigures(ctx context.Context, ids []string) (map[string]*corpus.Figure, error) {
	hits, err := e.storedByID(ctx, ids, indexer.TypeFigure, indexer.FigureFields())
	if err != nil {
		return nil, err
	}
	out := make(map[string]*corpus.Figure, len(hits))
	for _, h := range hits {
		f, err := indexer.DecodeFigure(h.ID, h.Fields)
		if err != nil {
			return nil, err
		}
		e.labelFigure(f.Figure)
		out[h.ID] = f.Figure
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
