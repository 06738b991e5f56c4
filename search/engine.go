package search

import (
	"errors"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
)

// Engine answers queries over one open index. It is safe for concurrent use.
type Engine struct {
	idx      bleve.Index
	manifest *indexer.Manifest
	catalog  *catalog.Catalog
	tax      *corpus.Taxonomy // the taxonomy the index was tagged with
	seg      *indexer.Segmenter
	syn      *Synonyms

	figures  figureCache // decoded figures, see figurecache.go
	tracks   trackCache  // tracked targets by place, see track.go
	eachPage int         // the first page of each; 0 for eachFirstPage (tests set it)

	// vocab is read once, when first asked for (vocabulary.go).
	vocab func() (*vocabulary, error)
}

// Open opens the current index under root read-only.
func Open(root string) (*Engine, error) {
	idx, m, err := indexer.Open(root)
	if err != nil {
		return nil, err
	}
	e, err := New(idx, m)
	if err != nil {
		idx.Close()
		return nil, err
	}
	return e, nil
}

// New wraps an open index and its manifest.
func New(idx bleve.Index, m *indexer.Manifest) (*Engine, error) {
	seg, err := indexer.SharedSegmenter()
	if err != nil {
		return nil, err
	}
	tax, err := m.Taxonomy()
	if err != nil {
		return nil, err
	}
	e := &Engine{idx: guardedIndex{idx}, manifest: m, tax: tax, seg: seg, syn: DefaultSynonyms()}
	e.vocab = sync.OnceValues(e.buildVocabulary)
	if e.catalog, err = catalog.New(m.Reports, e.paragraphsNaming); err != nil {
		return nil, err
	}
	return e, nil
}

// paragraphsNaming counts, for each of the reports, the paragraphs that
// have one of the names.
func (e *Engine) paragraphsNaming(names, reports []string) (map[string]int, error) {
	var any []bquery.Query
	for _, n := range names {
		any = append(any, literalQuery(indexer.FieldText, n))
	}
	q := bquery.NewBooleanQuery([]bquery.Query{bquery.NewDisjunctionQuery(any), termQuery(indexer.FieldDocType, indexer.TypeParagraph)}, nil, nil)
	res, err := e.idx.Search(facetsRequest(scoped(q, reports), indexer.FieldFacets)) // the report is in the key
	if err != nil {
		return nil, fmt.Errorf("search: paragraphs naming %s: %w", names[0], err)
	}
	return countsOf(res)["report"], nil
}

// Close closes the index.
func (e *Engine) Close() error { return e.idx.Close() }

// Manifest describes the index the engine serves.
func (e *Engine) Manifest() *indexer.Manifest { return e.manifest }

// Catalog is the reports of the index and the places they speak for.
func (e *Engine) Catalog() *catalog.Catalog { return e.catalog }

// labelFigure sets the label of the report a figure is read from.
func (e *Engine) labelFigure(f *corpus.Figure) {
	f.ReportLabel = e.catalog.Label(corpus.ReportOfID(f.ParagraphID))
}

// Taxonomy is the policy-domain taxonomy the index's reports were tagged with.
func (e *Engine) Taxonomy() *corpus.Taxonomy { return e.tax }

// Synonyms is the synonym table searches are widened with.
func (e *Engine) Synonyms() *Synonyms { return e.syn }

// ErrNotFound is returned for an unknown paragraph ID.
var ErrNotFound = errors.New("not found")
