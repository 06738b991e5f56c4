package indexer

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"reportsearch/corpus"
)

// bleve's offline builder does everything on the goroutine that calls it:
// it analyses each batch's documents one after another and then writes the
// segment. Analysis (gse above all) and parsing are a third of a build, so
// they are done here ahead of the builder, in parallel: one goroutine reads
// and parses the reports in order, workers analyse each report's documents,
// and the builder receives them analysed, report after report. (Which
// documents share a batch follows that order; within a segment bleve numbers
// documents in its own, unspecified order, as it always did.)

// analyzedDoc is a document whose indexed fields are already analysed; the
// builder's own analysis of it finds nothing left to do.
type analyzedDoc struct {
	*document.Document
	fields []index.Field
}

// analyzedField is a text or numeric field analysed ahead of the builder.
// Only those are wrapped: the wrapper would hide the optional interfaces
// (geo shapes, vectors, synonyms) by which zapx recognises other fields, so
// any other field is left for the builder to analyse.
type analyzedField struct{ index.Field }

// Analyze does nothing: the field was analysed by analyzeDoc.
func (analyzedField) Analyze() {}

// analyzeDoc analyses the document's indexed fields, as the builder would.
func analyzeDoc(d *document.Document) *analyzedDoc {
	fields := make([]index.Field, 0, len(d.Fields)+1)
	for _, f := range d.Fields {
		var field index.Field = f
		switch f.(type) {
		case *document.TextField, *document.NumericField:
			if f.Options().IsIndexed() {
				f.Analyze()
				field = analyzedField{f}
			}
		}
		fields = append(fields, field)
	}
	return &analyzedDoc{Document: d, fields: fields}
}

func (d *analyzedDoc) VisitFields(visit index.FieldVisitor) {
	for _, f := range d.fields {
		visit(f)
	}
}

// AddIDField adds the _id field the builder adds to every document; it is
// analysed by the builder (it is one token).
func (d *analyzedDoc) AddIDField() {
	d.Document.AddIDField()
	d.fields = append(d.fields, d.Document.Fields[len(d.Document.Fields)-1])
}

// parsedReport is a part of one report's documents on their way to the
// builder: at most partDocs of them. A report of forty thousand items has
// some hundred thousand documents, and held whole, mapped and analysed, it
// took gigabytes; in parts, what is in flight is a few parts whatever the
// report. The last part of a report (final) carries what the manifest
// records of it.
type parsedReport struct {
	final     bool
	entry     ReportEntry
	domains   []string // that tag its paragraphs
	textBytes int64
	docs      []*document.Document
	analyzed  []*analyzedDoc
	err       error
	// unreadable marks an err from reading the file (nothing of the
	// report was sent), and source is the file.
	unreadable bool
	source     corpus.Source
}

// partDocs is the most documents a part of a report holds: a fraction of a
// batch (DefaultBatchSize), so that the parts in flight weigh less than
// the batch the builder holds anyway.
const partDocs = 1000

// analyzedReports reads the sources in order and sends each report's
// documents, mapped and analysed, in order, in parts. It stops at the
// first error, which it sends, or when ctx is done; wait returns when its
// goroutines have. At most four parts are in flight (one being mapped, one
// being analysed, one in each channel), so memory stays bounded by a few
// parts and the report being read.
func analyzedReports(ctx context.Context, sources []corpus.Source, im mapping.IndexMapping, tax *corpus.Taxonomy, skipUnreadable bool) (reports <-chan parsedReport, wait func()) {
	goOn := func(r parsedReport) bool { return r.err == nil || r.unreadable && skipUnreadable }
	parsed := make(chan parsedReport, 1)
	out := make(chan parsedReport, 1)
	send := func(ch chan<- parsedReport, r parsedReport) bool {
		select {
		case ch <- r:
			return true
		case <-ctx.Done():
			return false
		}
	}
	var stages sync.WaitGroup
	stages.Go(func() {
		defer close(parsed)
		order := 0
		for _, src := range sources {
			if ctx.Err() != nil {
				return
			}
			if !mapReport(src, im, tax, &order, func(r parsedReport) bool { return send(parsed, r) && goOn(r) }) {
				return
			}
		}
	})
	stages.Go(func() {
		defer close(out)
		workers := runtime.GOMAXPROCS(0)
		for r := range parsed {
			if r.err == nil {
				r.analyzed = analyzeAll(r.docs, workers)
				r.docs = nil
			}
			if !send(out, r) || !goOn(r) {
				return
			}
		}
	})
	return out, stages.Wait
}

// mapReport reads a source, tags it with tax (nil: the embedded taxonomy,
// with which it is read) and maps its documents, emitting them in parts of
// partDocs and the last part with what the manifest records; order numbers
// documents across the index. A failure is emitted as a part's err. It
// returns false when emit does (the pipeline stops).
func mapReport(src corpus.Source, im mapping.IndexMapping, tax *corpus.Taxonomy, order *int, emit func(parsedReport) bool) bool {
	r, err := src.Read()
	if err != nil {
		return emit(parsedReport{err: err, unreadable: true, source: src})
	}
	if tax != nil {
		r.Tag(tax)
	}
	p := parsedReport{final: true, entry: ReportEntry{Meta: r.Meta, Hash: src.Hash, Commitments: len(r.Commitments)}}
	var docs []*document.Document
	stopped := false
	err = reportDocs(r, order, func(id string, data any) error {
		switch d := data.(type) {
		case paragraphDoc:
			p.entry.Paragraphs++
			p.textBytes += int64(len(d.Text))
			for _, dom := range d.Domains {
				if !slices.Contains(p.domains, dom) {
					p.domains = append(p.domains, dom)
				}
			}
		case figureDoc:
			p.entry.Figures++
		}
		if id == "" {
			return fmt.Errorf("a document without an ID") // bleve.NewBuilder's Index refuses it too
		}
		doc := document.NewDocument(id)
		if err := im.MapDocument(doc, data); err != nil {
			return fmt.Errorf("document %s: %w", id, err)
		}
		if docs = append(docs, doc); len(docs) == partDocs {
			if !emit(parsedReport{docs: docs}) {
				stopped = true
				return errStopped
			}
			docs = nil
		}
		return nil
	})
	if stopped {
		return false
	}
	if err != nil {
		return emit(parsedReport{err: fmt.Errorf("%s: %w", r.ID, err)})
	}
	p.docs = docs
	return emit(p)
}

// errStopped ends a report's mapping when the pipeline stops.
var errStopped = errors.New("stopped")

// analyzeAll analyses docs with the given number of workers, each taking
// every workers-th document, and returns them in their order.
func analyzeAll(docs []*document.Document, workers int) []*analyzedDoc {
	out := make([]*analyzedDoc, len(docs))
	workers = max(1, min(workers, len(docs)))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(docs); i += workers {
				out[i] = analyzeDoc(docs[i])
			}
		})
	}
	wg.Wait()
	return out
}
