package main

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"reportsearch/ask"
	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/query"
	"reportsearch/search"
	"reportsearch/web"
)

// liveIndex is what serve answers from: the current build of an index
// root, followed when it changes. `index` run beside a server builds a new
// build and re-points the root's current link; the server, which still
// has the old build open, would answer from it until it stops and keep
// its deleted files on disk. So the server looks at the link every
// reloadEvery, opens the new build when there is one, answers new
// requests from it, and closes the old one once the requests that may
// still use it are over.
type liveIndex struct {
	root   string
	logger *slog.Logger
	cur    atomic.Pointer[openBuild]
	// reloading is held while a reload runs: the ticker and the library
	// both reload, and two at once would both open the new build and leak
	// one.
	reloading sync.Mutex
}

// openBuild is a build opened for serving.
type openBuild struct {
	target string // the current link's target when it was opened
	engine *search.Engine
	asker  *ask.Asker
}

// reloadEvery is how often the server looks at the current link: a
// readlink, so cheap enough to do often.
const reloadEvery = 2 * time.Second

// closeAfter is how long an old build stays open after a new one is
// served: the longest a request that began on it can run.
const closeAfter = web.DefaultTimeout + 5*time.Second

// newLiveIndex serves engine, opened from root when its current link
// pointed at target (read before the opening: a swap in between makes the
// server reload once more, rather than keep an old build for a new one).
func newLiveIndex(root, target string, engine *search.Engine, asker *ask.Asker, logger *slog.Logger) *liveIndex {
	l := &liveIndex{root: root, logger: logger}
	l.cur.Store(&openBuild{target: target, engine: engine, asker: asker})
	return l
}

// follow reopens the index whenever its current build changes, until ctx
// ends. Close closes the build served then.
func (l *liveIndex) follow(ctx context.Context) {
	tick := time.NewTicker(reloadEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			l.reloadIfChanged()
		}
	}
}

// reloadIfChanged opens the current build when it is not the one served.
// A build that does not open is logged, and the old one served on.
func (l *liveIndex) reloadIfChanged() {
	l.reloading.Lock()
	defer l.reloading.Unlock()
	old := l.cur.Load()
	target, err := indexer.CurrentTarget(l.root)
	if err != nil || target == old.target {
		return
	}
	engine, err := search.Open(l.root)
	if err != nil {
		l.logger.Error("the index changed, but its new build does not open; serving the old one", "root", l.root, "error", err)
		l.keep(old, target)
		return
	}
	asker, err := ask.New(engine, ask.DefaultWeights)
	if err != nil {
		engine.Close()
		l.logger.Error("the index changed, but its new build cannot answer; serving the old one", "root", l.root, "error", err)
		l.keep(old, target)
		return
	}
	l.cur.Store(&openBuild{target: target, engine: engine, asker: asker})
	m := engine.Manifest()
	l.logger.Info("serving the index's new build", "build", target, "reports", len(m.Reports), "paragraphs", m.Paragraphs)
	// Closed once the requests that may hold it are over; not at shutdown,
	// when the server is still finishing them (the process ends anyway).
	time.AfterFunc(closeAfter, func() { old.engine.Close() })
}

// keep serves the old build on, marked as seen target, so that a build
// that does not open is not tried again every tick; a later build is a
// new target.
func (l *liveIndex) keep(old *openBuild, target string) {
	l.cur.Store(&openBuild{target: target, engine: old.engine, asker: old.asker})
}

// Close closes the build served.
func (l *liveIndex) Close() error { return l.cur.Load().engine.Close() }

// Manifest describes the build served.
func (l *liveIndex) Manifest() *indexer.Manifest { return l.cur.Load().engine.Manifest() }

// What web.Index and web.Asker ask, of the build served.

func (l *liveIndex) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	return l.cur.Load().engine.Search(ctx, req)
}

func (l *liveIndex) Paragraph(ctx context.Context, id string) (*search.Paragraph, error) {
	return l.cur.Load().engine.Paragraph(ctx, id)
}

func (l *liveIndex) Read(ctx context.Context, report string, q *query.Query) (*search.Reading, error) {
	return l.cur.Load().engine.Read(ctx, report, q)
}

func (l *liveIndex) Lookup(ctx context.Context, ids ...string) (map[string]*indexer.Paragraph, error) {
	return l.cur.Load().engine.Lookup(ctx, ids...)
}

func (l *liveIndex) Figures(ctx context.Context, ff search.FigureFilter, page search.Page) ([]*corpus.Figure, int, error) {
	return l.cur.Load().engine.Figures(ctx, ff, page)
}

func (l *liveIndex) EachFigure(ctx context.Context, ff search.FigureFilter, visit func(*corpus.Figure) error) error {
	return l.cur.Load().engine.EachFigure(ctx, ff, visit)
}

func (l *liveIndex) Commitments(ctx context.Context, cf search.CommitmentFilter, page search.Page) ([]*corpus.Commitment, int, error) {
	return l.cur.Load().engine.Commitments(ctx, cf, page)
}

func (l *liveIndex) EachCommitment(ctx context.Context, cf search.CommitmentFilter, visit func(*corpus.Commitment) error) error {
	return l.cur.Load().engine.EachCommitment(ctx, cf, visit)
}

func (l *liveIndex) Comparisons(ctx context.Context, ff search.FigureFilter, page search.Page) ([]corpus.Comparison, int, error) {
	return l.cur.Load().engine.Comparisons(ctx, ff, page)
}

func (l *liveIndex) EachComparison(ctx context.Context, ff search.FigureFilter, visit func(corpus.Comparison) error) error {
	return l.cur.Load().engine.EachComparison(ctx, ff, visit)
}

func (l *liveIndex) Tracked(ctx context.Context, tf search.TrackFilter, page search.Page) ([]corpus.Tracked, int, error) {
	return l.cur.Load().engine.Tracked(ctx, tf, page)
}

func (l *liveIndex) EachTracked(ctx context.Context, tf search.TrackFilter, visit func(corpus.Tracked) error) error {
	return l.cur.Load().engine.EachTracked(ctx, tf, visit)
}

func (l *liveIndex) TrackPlaces() []search.TrackPlace { return l.cur.Load().engine.TrackPlaces() }

func (l *liveIndex) Domains(ctx context.Context) ([]string, error) {
	return l.cur.Load().engine.Domains(ctx)
}

// Suggest reads the vocabulary of the engine in force: a rebuilt index is
// a new engine, with a vocabulary of its own.
func (l *liveIndex) Suggest(ctx context.Context, typed string, limit int) ([]search.Suggestion, error) {
	return l.cur.Load().engine.Suggest(ctx, typed, limit)
}

func (l *liveIndex) Catalog() *catalog.Catalog { return l.cur.Load().engine.Catalog() }

func (l *liveIndex) Ask(ctx context.Context, question string) (*ask.Answer, error) {
	return l.cur.Load().asker.Ask(ctx, question)
}

var (
	_ web.Index = (*liveIndex)(nil)
	_ web.Asker = (*liveIndex)(nil)
)
