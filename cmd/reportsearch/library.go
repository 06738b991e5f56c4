package main

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/web"
)

// A library is the folders serve was given: it watches them and keeps the
// index following what is in them. A report added, changed or removed is
// indexed, re-indexed or dropped by itself (indexer.Update), the server
// answers from the new build as soon as it is current, and a file that
// cannot be read is listed with its reason on the reports page, never
// blocking the others.

// settle is how long the folders must be quiet before an update: a file
// being copied in fires many events, and is read once it is whole.
const settle = 500 * time.Millisecond

// library watches paths and updates the index under root.
type library struct {
	paths   []string // what serve was given: the folders, and any files
	root    string
	opts    indexer.Options
	live    *liveIndex
	logger  *slog.Logger
	sources []corpus.Source // as last indexed: unchanged files are not hashed again

	mu    sync.Mutex
	state web.LibraryState
}

func newLibrary(paths []string, root string, opts indexer.Options, live *liveIndex, logger *slog.Logger) *library {
	return &library{paths: paths, root: root, opts: opts, live: live, logger: logger, state: web.LibraryState{Watching: true}}
}

// LibraryState is what the pages show of the library (web.Library).
func (l *library) LibraryState() web.LibraryState {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.state
	// The page names a failed file by its path inside the library, not by
	// where the library is on the server's disk.
	s.Failed = make([]indexer.Failure, len(l.state.Failed))
	for i, f := range l.state.Failed {
		rel := l.within(f.Path)
		f.Error = strings.ReplaceAll(f.Error, f.Path, rel)
		f.Path = rel
		s.Failed[i] = f
	}
	return s
}

// within is path relative to the library folder it is in, or its base name.
func (l *library) within(path string) string {
	for _, p := range l.paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(abs, path); err == nil && filepath.IsLocal(rel) {
			return rel
		}
	}
	return filepath.Base(path)
}

func (l *library) set(f func(*web.LibraryState)) {
	l.mu.Lock()
	f(&l.state)
	l.mu.Unlock()
}

// watch follows the folders until ctx ends. Events are gathered until the
// folders have been quiet for settle, then one update takes them all.
func (l *library) watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, p := range l.paths {
		l.addTree(w, p)
	}
	// Files that came while the index was built before serving had no
	// watcher to see them: look once now.
	timer := time.After(0)
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					l.addTree(w, ev.Name) // a folder moved in: watch it too
				}
			}
			if relevant(ev) {
				timer = time.After(settle)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			l.logger.Warn("library: watching the folders", "error", err)
			timer = time.After(settle) // events may be lost: look again
		case <-timer:
			timer = nil
			l.update(ctx)
		}
	}
}

// relevant says whether an event can change the library: one on a report
// file or a sidecar, on a folder (its files come and go with it), or a
// name removed or renamed away (it may have been a folder); hidden files
// and editors' temporary files are not.
func relevant(ev fsnotify.Event) bool {
	base := filepath.Base(ev.Name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") {
		return false
	}
	if corpus.IsReportName(base) || strings.HasSuffix(base, corpus.SidecarSuffix) || ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		return true
	}
	info, err := os.Stat(ev.Name)
	return err == nil && info.IsDir()
}

// addTree watches dir and every folder below it (fsnotify watches one
// folder, not its tree); a file named alone is watched through its folder.
func (l *library) addTree(w *fsnotify.Watcher, path string) {
	info, err := os.Stat(path)
	if err != nil {
		return
	}
	if !info.IsDir() {
		w.Add(filepath.Dir(path))
		return
	}
	filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") && p != path {
			return filepath.SkipDir
		}
		if err := w.Add(p); err != nil {
			l.logger.Warn("library: cannot watch a folder", "folder", p, "error", err)
		}
		return nil
	})
}

// update indexes what changed. A failure leaves the index served as it
// was and is logged and shown; the next change tries again.
func (l *library) update(ctx context.Context) {
	start := time.Now()
	l.set(func(s *web.LibraryState) { s.Updating, s.Since, s.Error = true, start, "" })
	sources, err := corpus.SourcesSince(l.paths, l.sources)
	var change indexer.Change
	if err == nil {
		_, change, err = indexer.Update(ctx, l.root, sources, l.opts)
	}
	if errors.Is(err, corpus.ErrNoReports) {
		err = sayCause(err, "cli.library-empty")
	}
	if err != nil {
		l.logger.Error("library: the index was not updated", "error", err)
		l.set(func(s *web.LibraryState) { s.Updating, s.Error = false, explain(err) })
		return
	}
	l.sources = sources
	if !change.Empty() {
		l.live.reloadIfChanged()
		l.logger.Info("library: index updated", "added", change.Added, "changed", change.Changed, "removed", change.Removed,
			"unreadable", len(change.Failed), "seconds", change.Seconds)
	}
	l.set(func(s *web.LibraryState) {
		s.Updating, s.Failed, s.Updated = false, change.Failed, time.Now()
		if !change.Empty() {
			s.Last = changeText(change)
		}
	})
}
