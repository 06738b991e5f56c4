package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFium runs as WebAssembly inside the process: no cgo, no program to
// install. Compiling its 6 MB module takes ~4 s, so it is compiled once per
// process, when the first PDF is read, and the machine code is kept in the
// user's cache directory, which brings later starts to ~0.1 s.

// pdfiumWorkers is how many PDFs are read at once; each worker holds its
// own WebAssembly memory.
const pdfiumWorkers = 2

var pdfiumPool struct {
	sync.Mutex
	pool pdfium.Pool
}

// pdfiumInstance returns a PDFium worker, starting the runtime on first use.
// A failed start is not remembered: the next PDF tries again.
func pdfiumInstance(ctx context.Context) (pdfium.Pdfium, error) {
	pdfiumPool.Lock()
	if pdfiumPool.pool == nil {
		cfg := webassembly.Config{MinIdle: 0, MaxIdle: 1, MaxTotal: pdfiumWorkers, RuntimeConfig: pdfiumRuntime()}
		pool, err := webassembly.Init(cfg)
		if err != nil {
			pdfiumPool.Unlock()
			return nil, fmt.Errorf("extract: starting the PDF reader: %w", err)
		}
		pdfiumPool.pool = pool
	}
	pool := pdfiumPool.pool
	pdfiumPool.Unlock()
	wait := 5 * time.Minute
	if d, ok := ctx.Deadline(); ok {
		wait = time.Until(d)
	}
	inst, err := pool.GetInstance(wait)
	if err != nil {
		return nil, fmt.Errorf("extract: waiting for the PDF reader: %w", err)
	}
	return inst, nil
}

// pdfiumRuntime is wazero's configuration: the features PDFium's build
// needs (go-pdfium's default) and, where the user has a cache directory,
// a compilation cache in it.
func pdfiumRuntime() wazero.RuntimeConfig {
	cfg := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if dir := pdfiumCacheDir(); dir != "" {
		if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
			cfg = cfg.WithCompilationCache(cache)
		}
	}
	return cfg
}

// pdfiumCacheDir is where compiled PDFium is kept: $REPORTSEARCH_CACHE, or
// reportsearch/wazero in the user's cache directory; "" for none.
func pdfiumCacheDir() string {
	base := os.Getenv("REPORTSEARCH_CACHE")
	if base == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		base = filepath.Join(dir, "reportsearch")
	}
	dir := filepath.Join(base, "wazero")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ""
	}
	return dir
}

// pdfPage is one page's characters as PDFium reads them, in its reading
// order, with the line breaks it infers as "\r\n" characters.
type pdfPage struct {
	width, height float64
	chars         []pdfChar
}

// pdfChar is one character and its box in points (y grows upwards).
type pdfChar struct {
	text                     string
	left, top, right, bottom float64
}

// pdfDocument is what the reader takes from a PDF: its pages and its title.
type pdfDocument struct {
	pages []pdfPage
	title string
}

// loadPDF reads every page's characters through PDFium.
func loadPDF(ctx context.Context, data []byte) (*pdfDocument, error) {
	inst, err := pdfiumInstance(ctx)
	if err != nil {
		return nil, err
	}
	defer inst.Close()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if errors.Is(err, pdfiumerrors.ErrPassword) || errors.Is(err, pdfiumerrors.ErrSecurity) {
			return nil, fmt.Errorf("%w: the PDF is protected by a password: save an unprotected copy and read that", ErrUnsupported)
		}
		return nil, fmt.Errorf("%w: the PDF does not open: %v", ErrDamaged, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, fmt.Errorf("%w: the PDF's pages cannot be counted: %v", ErrDamaged, err)
	}
	if count.PageCount > MaxPages {
		return nil, fmt.Errorf("%w: %d pages, at most %d are read", ErrTooLarge, count.PageCount, MaxPages)
	}
	out := &pdfDocument{}
	if t, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: "Title"}); err == nil {
		out.title = strings.TrimSpace(t.Value)
	}
	for i := range count.PageCount {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}
		var p pdfPage
		if w, err := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: page}); err == nil {
			p.width = float64(w.PageWidth)
		}
		if h, err := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: page}); err == nil {
			p.height = float64(h.PageHeight)
		}
		text, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: page, Mode: requests.GetPageTextStructuredModeChars})
		if err != nil {
			return nil, fmt.Errorf("%w: page %d: %v", ErrDamaged, i+1, err)
		}
		p.chars = make([]pdfChar, 0, len(text.Chars))
		for _, c := range text.Chars {
			pos := c.PointPosition
			p.chars = append(p.chars, pdfChar{text: c.Text, left: pos.Left, top: pos.Top, right: pos.Right, bottom: pos.Bottom})
		}
		out.pages = append(out.pages, p)
	}
	return out, nil
}
