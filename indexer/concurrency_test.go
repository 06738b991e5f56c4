package indexer

import (
	"context"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"reportsearch/corpus"
)

// TestSearchDuringRebuild runs searches on the open index while the index is
// rebuilt and swapped twice, and on each newly current index; run with
// -race. Readers of a replaced build keep working: its files stay until they
// close it.
func TestSearchDuringRebuild(t *testing.T) {
	sources := []corpus.Source{corpus.DefaultSource()}
	root, idx, _ := buildIndex(t, sources)
	search := func(idx bleve.Index) error {
		req := bleve.NewSearchRequest(literalQuery("地区生产总值"))
		res, err := idx.Search(req)
		if err == nil && res.Total < 2 {
			t.Errorf("%d hits for 地区生产总值", res.Total)
		}
		return err
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 4)
	for range 3 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := search(idx); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for range 2 {
		if _, err := Build(context.Background(), root, sources, Options{}); err != nil {
			t.Fatal(err)
		}
		next, _, err := Open(root)
		if err != nil {
			t.Fatal(err)
		}
		if err := search(next); err != nil {
			t.Error(err)
		}
		next.Close()
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("search during rebuild: %v", err)
	}
}
