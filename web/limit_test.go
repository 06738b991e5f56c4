package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"reportsearch/search"
)

// TestListsArePaged: every list endpoint returns a page (limit rows from
// offset, 100 by default, at most 1000) with the total, the pages follow
// one another, bad paging is a 400 that says what, and the CSV download
// streams every row.
func TestListsArePaged(t *testing.T) {
	f := setup(t)
	for _, name := range []string{"figures", "commitments", "comparisons"} {
		all := pageOf(t, f, "/api/"+name+"?limit=1000", name)
		if all.Total <= 3 || len(all.Rows) != all.Total {
			t.Fatalf("%s: %d rows of %d: the fixture has too few to page", name, len(all.Rows), all.Total)
		}
		def := pageOf(t, f, "/api/"+name, name)
		if def.Limit != defaultListLimit || len(def.Rows) != min(all.Total, defaultListLimit) || def.Total != all.Total {
			t.Errorf("%s: the default page has %d rows, limit %d, total %d", name, len(def.Rows), def.Limit, def.Total)
		}
		mid := pageOf(t, f, "/api/"+name+"?offset=2&limit=2", name)
		if len(mid.Rows) != 2 || mid.Total != all.Total || !bytes.Equal(mid.Rows[0], all.Rows[2]) || !bytes.Equal(mid.Rows[1], all.Rows[3]) {
			t.Errorf("%s: offset=2&limit=2 is not rows 2 and 3 of the list", name)
		}
		if past := pageOf(t, f, "/api/"+name+"?offset=100000", name); len(past.Rows) != 0 || past.Total != all.Total {
			t.Errorf("%s: a page past the end has %d rows, total %d", name, len(past.Rows), past.Total)
		}
		for _, bad := range []string{"limit=0", "limit=1001", "limit=-5", "offset=-1", "offset=x"} {
			rec := f.get(t, "/api/"+name+"?"+bad)
			param := strings.SplitN(bad, "=", 2)[0]
			if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), param) {
				t.Errorf("%s?%s: %d %s, want 400 naming %s", name, bad, rec.Code, rec.Body.String(), param)
			}
		}
		rec := f.get(t, "/api/"+name+"?format=csv")
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(rec.Body.String(), "\ufeff"))).ReadAll()
		if rec.Code != http.StatusOK || err != nil || len(rows)-1 != all.Total {
			t.Errorf("%s CSV: %d, %d rows (%v), want a header and %d", name, rec.Code, len(rows), err, all.Total)
		}
	}
}

type apiPage struct {
	Total, Offset, Limit int
	Rows                 []json.RawMessage
}

func pageOf(t *testing.T, f *fixture, target, name string) apiPage {
	t.Helper()
	rec := f.get(t, target)
	var raw map[string]json.RawMessage
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &raw) != nil {
		t.Fatalf("%s: %d %s", target, rec.Code, rec.Body.String())
	}
	var p apiPage
	for key, dst := range map[string]any{"total": &p.Total, "offset": &p.Offset, "limit": &p.Limit, name: &p.Rows} {
		if err := json.Unmarshal(raw[key], dst); err != nil {
			t.Fatalf("%s: %s: %v", target, key, err)
		}
	}
	return p
}

// blockingIndex holds every search until released.
type blockingIndex struct {
	Index
	entered chan struct{}
	release chan struct{}
}

func (b *blockingIndex) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	b.entered <- struct{}{}
	select {
	case <-b.release:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return b.Index.Search(ctx, req)
}

// TestBusyServerSays503: with every slot taken, a request waits a moment
// and is answered 503 with Retry-After; cheap requests are not held; once
// a slot frees, requests are served again.
func TestBusyServerSays503(t *testing.T) {
	f := setup(t)
	idx := &blockingIndex{Index: f.engine, entered: make(chan struct{}, 1), release: make(chan struct{})}
	srv, err := New(Config{Index: idx, Asker: f.asker, MaxInFlight: 1})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	first := httptest.NewRecorder()
	wg.Go(func() { srv.ServeHTTP(first, httptest.NewRequest(http.MethodGet, "/api/search?q=就业", nil)) })
	<-idx.entered // the one slot is taken

	health := httptest.NewRecorder()
	srv.ServeHTTP(health, httptest.NewRequest(http.MethodGet, pathHealth, nil))
	if health.Code != http.StatusOK {
		t.Errorf("health while busy: %d", health.Code)
	}
	start := time.Now()
	second := httptest.NewRecorder()
	srv.ServeHTTP(second, httptest.NewRequest(http.MethodGet, "/api/figures", nil))
	if second.Code != http.StatusServiceUnavailable || second.Header().Get("Retry-After") == "" || !strings.Contains(second.Body.String(), "再试") {
		t.Errorf("a request while busy: %d, Retry-After %q, %s", second.Code, second.Header().Get("Retry-After"), second.Body.String())
	}
	if waited := time.Since(start); waited < queueWait/2 {
		t.Errorf("answered 503 after %v, without waiting for a slot", waited)
	}
	close(idx.release)
	wg.Wait()
	if first.Code != http.StatusOK {
		t.Errorf("the request that held the slot: %d", first.Code)
	}
	third := httptest.NewRecorder()
	srv.ServeHTTP(third, httptest.NewRequest(http.MethodGet, "/api/figures", nil))
	if third.Code != http.StatusOK {
		t.Errorf("a request after the slot freed: %d", third.Code)
	}
}

// failingWriter is a connection that closed: every write fails.
type failingWriter struct{ header http.Header }

func (w *failingWriter) Header() http.Header       { return w.header }
func (w *failingWriter) WriteHeader(int)           {}
func (w *failingWriter) Write([]byte) (int, error) { return 0, errors.New("write: broken pipe") }

// TestLogSaysWhatWasSent: a response the client did not receive is logged
// as not sent, with the write's error, not as a plain 200.
func TestLogSaysWhatWasSent(t *testing.T) {
	f := setup(t)
	var log bytes.Buffer
	srv, err := New(Config{Index: f.engine, Asker: f.asker, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() {
			// net/http's own answer to a handler that ends its response
			// on purpose: reset the connection.
			if v := recover(); v != nil && v != http.ErrAbortHandler {
				panic(v)
			}
		}()
		srv.ServeHTTP(&failingWriter{header: http.Header{}}, httptest.NewRequest(http.MethodGet, "/api/figures?format=csv", nil))
	}()
	if line := log.String(); !strings.Contains(line, "sent=false") || !strings.Contains(line, "broken pipe") {
		t.Errorf("log of a response that could not be written:\n%s", line)
	}
	log.Reset()
	srv.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/api/figures", nil))
	if line := log.String(); strings.Contains(line, "sent=false") || !strings.Contains(line, "status=200") {
		t.Errorf("log of a response written whole:\n%s", line)
	}
}
