package search

import (
	"cmp"
	"context"
	"slices"
	"sync"

	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
)

// Tracking reads a place's targets and results from the index and pairs
// them (corpus.Track) when a place is first asked for; the pairs of each
// place are kept for the life of the engine, which is the life of one
// build of the index: a few hundred bytes a target, a few thousand targets
// a place over decades.

// TrackFilter selects tracked targets: those of the places named (all
// when none) that pass the corpus filter.
type TrackFilter struct {
	Places []string // names of places as a user writes them: 河北, 徐水区, 全国
	corpus.TrackFilter
}

// TrackPlace is a place whose targets can be tracked: its name and the
// years its reports were delivered in.
type TrackPlace struct {
	Name  string `json:"name"`
	Years []int  `json:"years"`
}

// trackCache keeps the tracked targets of each place, each tracked once
// however many requests ask for it at the same time.
type trackCache struct {
	mu     sync.Mutex
	places map[string]*trackedPlace
}

// trackedPlace is one place's tracking, done once.
type trackedPlace struct {
	once sync.Once
	ts   []corpus.Tracked
	err  error
}

// TrackPlaces lists the places of the index with the years of their
// reports, those with the most reports first: a series is what tracking
// needs.
func (e *Engine) TrackPlaces() []TrackPlace {
	var out []TrackPlace
	for _, g := range e.placeSeries() {
		p := TrackPlace{Name: g.place}
		for _, id := range g.reports {
			if y := e.catalog.DeliveredYear(id); y != 0 && !slices.Contains(p.Years, y) {
				p.Years = append(p.Years, y)
			}
		}
		slices.Sort(p.Years)
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(a, b TrackPlace) int { return cmp.Compare(len(b.Years), len(a.Years)) })
	return out
}

// seriesOf is a place and its reports.
type seriesOf struct {
	place   string
	reports []string
}

// placeSeries groups the reports of the index by the place each speaks
// for, in catalog order; a report of no known place is a series alone.
func (e *Engine) placeSeries() []seriesOf {
	var out []seriesOf
	at := map[string]int{}
	for _, r := range e.catalog.Reports() {
		place := e.catalog.PlaceOf(r.ID)
		if i, ok := at[place]; ok && place != "" {
			out[i].reports = append(out[i].reports, r.ID)
			continue
		}
		at[place] = len(out)
		out = append(out, seriesOf{place: place, reports: []string{r.ID}})
	}
	return out
}

// EachTracked calls visit with every tracked target that passes the
// filter: by place, then by the year the target is for, then in document
// order. A place name the index does not know is an
// error that names it.
func (e *Engine) EachTracked(ctx context.Context, tf TrackFilter, visit func(corpus.Tracked) error) error {
	want, err := e.catalog.ReportsOfPlaces(tf.Places) // the reports of the places asked for
	if err != nil {
		return err
	}
	tf.Reports = want
	for _, s := range e.placeSeries() {
		if len(want) > 0 && !slices.ContainsFunc(s.reports, func(id string) bool { return slices.Contains(want, id) }) {
			continue
		}
		ts, err := e.trackedOf(ctx, s)
		if err != nil {
			return err
		}
		for _, t := range ts {
			if !tf.Match(t) {
				continue
			}
			if err := visit(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// ErrUnknownPlace is returned for a place no indexed report speaks for.
var ErrUnknownPlace = catalog.ErrUnknownPlace

// Tracked lists a page of the tracked targets that pass the filter, in
// EachTracked's order, and how many pass it.
func (e *Engine) Tracked(ctx context.Context, tf TrackFilter, page Page) ([]corpus.Tracked, int, error) {
	w := window[corpus.Tracked]{page: page}
	err := e.EachTracked(ctx, tf, func(t corpus.Tracked) error { w.add(t); return nil })
	return w.rows, w.total, err
}

// trackedOf tracks the targets of one place's series, once per engine: an
// engine serves one build of the index. A failed tracking (a cancelled
// request) is not kept.
func (e *Engine) trackedOf(ctx context.Context, s seriesOf) ([]corpus.Tracked, error) {
	key := s.place
	if key == "" {
		key = "report " + s.reports[0]
	}
	e.tracks.mu.Lock()
	if e.tracks.places == nil {
		e.tracks.places = map[string]*trackedPlace{}
	}
	tp := e.tracks.places[key]
	if tp == nil {
		tp = &trackedPlace{}
		e.tracks.places[key] = tp
	}
	e.tracks.mu.Unlock()
	tp.once.Do(func() { tp.ts, tp.err = e.track(ctx, s) })
	if tp.err != nil {
		e.tracks.mu.Lock()
		if e.tracks.places[key] == tp {
			delete(e.tracks.places, key)
		}
		e.tracks.mu.Unlock()
	}
	return tp.ts, tp.err
}

// track reads a series' targets and results from the index and tracks
// them.
func (e *Engine) track(ctx context.Context, s seriesOf) ([]corpus.Tracked, error) {
	series := corpus.Series{Place: s.place, Delivered: map[string]int{}}
	var reports, kinds []bquery.Query
	for _, id := range s.reports {
		series.Delivered[id] = e.catalog.DeliveredYear(id)
		reports = append(reports, termQuery(indexer.FieldReport, id))
	}
	for _, k := range []corpus.FigureKind{corpus.FigureTarget, corpus.FigureActual, corpus.FigureEstimate} {
		kinds = append(kinds, termQuery(indexer.FieldKind, string(k)))
	}
	q := bquery.NewConjunctionQuery([]bquery.Query{termQuery(indexer.FieldDocType, indexer.TypeFigure),
		bquery.NewDisjunctionQuery(reports), bquery.NewDisjunctionQuery(kinds)})
	err := e.eachFigureOf(ctx, q, func(f *corpus.Figure) error {
		series.Figures = append(series.Figures, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return corpus.Track(series), nil
}
