package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/emscripten"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// PDFium runs as WebAssembly inside the process: no cgo, no program to
// install. The module is go-pdfium's build of PDFium (see PDFIUM.md),
// kept gzipped; this file binds the dozen of its functions that reading
// text needs, rather than go-pdfium's bindings of all of them, which would
// cost the binary some 7 MB. Compiling the module takes ~4 s, so it is
// done once per process, when the first PDF is read, and the machine code
// is kept in the user's cache directory, which brings later starts to
// ~0.1 s. Forms and JavaScript are never initialised: a PDF's scripts do
// not run.

//go:embed pdfium.wasm.gz
var pdfiumWASM []byte

// pdfiumWorkers is how many PDFs are read at once; each worker is a module
// instance with its own memory. A worker that read a file larger than
// retireAfter is not kept.
const (
	pdfiumWorkers = 2
	retireAfter   = 16 << 20
)

var pdfiumRuntime struct {
	sync.Mutex
	runtime  wazero.Runtime
	compiled wazero.CompiledModule
	idle     chan *pdfiumWorker
	started  int
}

// pdfiumWorker is one instance of the module and the functions called.
type pdfiumWorker struct {
	mod api.Module
	fn  map[string]api.Function
}

// pdfiumFunctions are the module's exports a worker calls.
var pdfiumFunctions = strings.Fields(`malloc free FPDF_InitLibrary FPDF_LoadMemDocument FPDF_GetLastError
	FPDF_GetPageCount FPDF_LoadPage FPDF_ClosePage FPDF_CloseDocument FPDF_GetPageWidthF FPDF_GetPageHeightF
	FPDF_GetMetaText FPDFText_LoadPage FPDFText_ClosePage FPDFText_CountChars FPDFText_GetUnicode FPDFText_GetCharBox`)

// startPDFium compiles the module and prepares the host functions it
// imports. A failed start is not remembered: the next PDF tries again.
func startPDFium(ctx context.Context) error {
	if pdfiumRuntime.runtime != nil {
		return nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(pdfiumWASM))
	if err != nil {
		return err
	}
	wasm, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	// Not WithCloseOnContextDone: it made reading three times slower and
	// missed the compilation cache (measured 2026-12-03: 0.95 s against
	// 0.30 s for a 13-page report). The context is checked between pages.
	cfg := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if dir := pdfiumCacheDir(); dir != "" {
		if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
			cfg = cfg.WithCompilationCache(cache)
		}
	}
	// The runtime lives as long as the process: it is not the request's.
	rt := wazero.NewRuntimeWithConfig(context.Background(), cfg)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		rt.Close(ctx)
		return err
	}
	compiled, err := rt.CompileModule(ctx, wasm)
	if err != nil {
		rt.Close(ctx)
		return err
	}
	env := rt.NewHostModuleBuilder("env")
	known, err := emscripten.NewFunctionExporterForModule(compiled)
	if err != nil {
		rt.Close(ctx)
		return err
	}
	known.ExportFunctions(env)
	// The module's other imports are PDFium's callbacks (file access, forms,
	// timers), set only by functions this reader never calls: each fails the
	// call if it is ever reached.
	for _, f := range compiled.ImportedFunctions() {
		module, name, _ := f.Import()
		if module != "env" || name == "emscripten_notify_memory_growth" || name == "_emscripten_throw_longjmp" || strings.HasPrefix(name, "invoke_") {
			continue
		}
		env.NewFunctionBuilder().WithGoModuleFunction(api.GoModuleFunc(func(context.Context, api.Module, []uint64) {
			panic(fmt.Sprintf("PDFium called back %s, which this reader does not provide", name))
		}), f.ParamTypes(), f.ResultTypes()).Export(name)
	}
	if _, err := env.Instantiate(ctx); err != nil {
		rt.Close(ctx)
		return err
	}
	pdfiumRuntime.runtime, pdfiumRuntime.compiled = rt, compiled
	pdfiumRuntime.idle = make(chan *pdfiumWorker, pdfiumWorkers)
	return nil
}

// takeWorker returns an idle worker, starting PDFium or a new worker when
// there is room, else waiting for one until ctx ends.
func takeWorker(ctx context.Context) (*pdfiumWorker, error) {
	pdfiumRuntime.Lock()
	if err := startPDFium(ctx); err != nil {
		pdfiumRuntime.Unlock()
		return nil, fmt.Errorf("extract: starting the PDF reader: %w", err)
	}
	select {
	case w := <-pdfiumRuntime.idle:
		pdfiumRuntime.Unlock()
		return w, nil
	default:
	}
	if pdfiumRuntime.started < pdfiumWorkers {
		pdfiumRuntime.started++
		pdfiumRuntime.Unlock()
		w, err := newWorker(ctx)
		if err != nil {
			pdfiumRuntime.Lock()
			pdfiumRuntime.started--
			pdfiumRuntime.Unlock()
			return nil, fmt.Errorf("extract: starting the PDF reader: %w", err)
		}
		return w, nil
	}
	idle := pdfiumRuntime.idle
	pdfiumRuntime.Unlock()
	select {
	case w := <-idle:
		return w, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// release returns a worker for the next PDF, or retires it: when its call
// failed (PDFium trapped, its memory may be in any state), its context
// ended in the middle of a document, or it grew large.
func (w *pdfiumWorker) release(retire bool) {
	if retire {
		w.mod.Close(context.Background())
		pdfiumRuntime.Lock()
		pdfiumRuntime.started--
		pdfiumRuntime.Unlock()
		return
	}
	pdfiumRuntime.idle <- w
}

func newWorker(ctx context.Context) (*pdfiumWorker, error) {
	cfg := wazero.NewModuleConfig().WithStartFunctions("_initialize").WithName("")
	mod, err := pdfiumRuntime.runtime.InstantiateModule(context.Background(), pdfiumRuntime.compiled, cfg)
	if err != nil {
		return nil, err
	}
	w := &pdfiumWorker{mod: mod, fn: map[string]api.Function{}}
	for _, name := range pdfiumFunctions {
		if w.fn[name] = mod.ExportedFunction(name); w.fn[name] == nil {
			mod.Close(ctx)
			return nil, fmt.Errorf("the PDFium module has no %s", name)
		}
	}
	if _, err := w.call(ctx, "FPDF_InitLibrary"); err != nil {
		mod.Close(ctx)
		return nil, err
	}
	return w, nil
}

// alloc reserves size bytes of the worker's memory, filled with data when
// it is given, and returns where, and the function that frees them; ok is
// false when PDFium has no room.
func (w *pdfiumWorker) alloc(ctx context.Context, data []byte, size uint64) (ptr uint64, free func(), ok bool) {
	ptr, err := w.call(ctx, "malloc", size)
	if err != nil || ptr == 0 {
		return 0, nil, false
	}
	free = func() { w.call(ctx, "free", ptr) }
	if data != nil && !w.mod.Memory().Write(uint32(ptr), data) {
		free()
		return 0, nil, false
	}
	return ptr, free, true
}

// call calls a PDFium function and returns its first result.
func (w *pdfiumWorker) call(ctx context.Context, name string, args ...uint64) (uint64, error) {
	res, err := w.fn[name].Call(ctx, args...)
	if err != nil {
		return 0, fmt.Errorf("PDFium %s: %w", name, err)
	}
	if len(res) == 0 {
		return 0, nil
	}
	return res[0], nil
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

// PDFium's error codes (FPDF_GetLastError) that a user can act on.
const (
	pdfiumErrFormat   = 3
	pdfiumErrPassword = 4
	pdfiumErrSecurity = 5
)

// loadPDF reads every page's characters through PDFium.
func loadPDF(ctx context.Context, data []byte) (doc *pdfDocument, err error) {
	w, err := takeWorker(ctx)
	if err != nil {
		return nil, err
	}
	// A worker is dropped when PDFium trapped or its context ended mid-read,
	// and after a large file, whose memory the
	// instance would otherwise keep for the life of the process.
	retire := len(data) > retireAfter
	defer func() { w.release(retire) }()
	doc, err = w.read(ctx, data)
	if err == nil {
		return doc, nil
	}
	if ctx.Err() != nil {
		retire = true
		return nil, ctx.Err()
	}
	if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrUnsupported) && !errors.Is(err, ErrTooLarge) {
		retire = true
		err = fmt.Errorf("%w: PDFium failed on it: %v", ErrDamaged, err)
	}
	return nil, err
}

// read loads the document into the worker's memory and reads it.
func (w *pdfiumWorker) read(ctx context.Context, data []byte) (*pdfDocument, error) {
	buf, free, ok := w.alloc(ctx, data, uint64(len(data)))
	if !ok {
		return nil, fmt.Errorf("%w: no memory for a file of %d bytes", ErrTooLarge, len(data))
	}
	defer free()
	handle, err := w.call(ctx, "FPDF_LoadMemDocument", buf, uint64(len(data)), 0)
	if err != nil {
		return nil, err
	}
	if handle == 0 {
		code, _ := w.call(ctx, "FPDF_GetLastError")
		switch code {
		case pdfiumErrPassword, pdfiumErrSecurity:
			return nil, fmt.Errorf("%w: the PDF is protected by a password: save an unprotected copy and read that", ErrUnsupported)
		case pdfiumErrFormat:
			return nil, fmt.Errorf("%w: not a well-formed PDF", ErrDamaged)
		}
		return nil, fmt.Errorf("%w: the PDF does not open (PDFium error %d)", ErrDamaged, code)
	}
	defer w.call(ctx, "FPDF_CloseDocument", handle)
	count, err := w.call(ctx, "FPDF_GetPageCount", handle)
	if err != nil {
		return nil, err
	}
	pages := int(int32(count))
	if pages > MaxPages {
		return nil, fmt.Errorf("%w: %d pages, at most %d are read", ErrTooLarge, pages, MaxPages)
	}
	out := &pdfDocument{title: w.metaText(ctx, handle, "Title")}
	box, free, ok := w.alloc(ctx, nil, 32) // four doubles
	if !ok {
		return nil, fmt.Errorf("%w: no memory", ErrTooLarge)
	}
	defer free()
	for i := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := w.page(ctx, handle, i, uint32(box))
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		out.pages = append(out.pages, p)
	}
	return out, nil
}

// page reads one page's size and characters.
func (w *pdfiumWorker) page(ctx context.Context, doc uint64, index int, box uint32) (pdfPage, error) {
	var p pdfPage
	page, err := w.call(ctx, "FPDF_LoadPage", doc, uint64(index))
	if err != nil {
		return p, err
	}
	if page == 0 {
		return p, fmt.Errorf("%w: the page does not load", ErrDamaged)
	}
	defer w.call(ctx, "FPDF_ClosePage", page)
	width, _ := w.call(ctx, "FPDF_GetPageWidthF", page)
	height, _ := w.call(ctx, "FPDF_GetPageHeightF", page)
	p.width, p.height = float64(api.DecodeF32(width)), float64(api.DecodeF32(height))
	text, err := w.call(ctx, "FPDFText_LoadPage", page)
	if err != nil || text == 0 {
		return p, fmt.Errorf("%w: the page's text does not load (%v)", ErrDamaged, err)
	}
	defer w.call(ctx, "FPDFText_ClosePage", text)
	n, err := w.call(ctx, "FPDFText_CountChars", text)
	if err != nil {
		return p, err
	}
	count := int(int32(n))
	p.chars = make([]pdfChar, 0, max(count, 0))
	mem := w.mod.Memory()
	var pending rune // a high surrogate waiting for its low half
	for i := range count {
		u, err := w.call(ctx, "FPDFText_GetUnicode", text, uint64(i))
		if err != nil {
			return p, err
		}
		if _, err := w.call(ctx, "FPDFText_GetCharBox", text, uint64(i), uint64(box), uint64(box+8), uint64(box+16), uint64(box+24)); err != nil {
			return p, err
		}
		raw, ok := mem.Read(box, 32)
		if !ok {
			return p, errors.New("reading a character's box")
		}
		f := func(at int) float64 { return math.Float64frombits(binary.LittleEndian.Uint64(raw[at:])) }
		r := rune(uint32(u))
		switch {
		case utf16.IsSurrogate(r) && r < 0xDC00:
			pending = r
			continue
		case utf16.IsSurrogate(r) && pending != 0:
			r = utf16.DecodeRune(pending, r)
		case utf16.IsSurrogate(r):
			r = utf8.RuneError // a low half alone
		}
		pending = 0
		p.chars = append(p.chars, pdfChar{text: string(r), left: f(0), right: f(8), bottom: f(16), top: f(24)})
	}
	return p, nil
}

// metaText reads a field of the document's information dictionary ("" when
// it has none): PDFium writes it as UTF-16LE ending in a NUL.
func (w *pdfiumWorker) metaText(ctx context.Context, doc uint64, tag string) string {
	cTag := append([]byte(tag), 0)
	tagPtr, freeTag, ok := w.alloc(ctx, cTag, uint64(len(cTag)))
	if !ok {
		return ""
	}
	defer freeTag()
	need, err := w.call(ctx, "FPDF_GetMetaText", doc, tagPtr, 0, 0)
	if err != nil || need <= 2 || need > 1<<16 {
		return ""
	}
	buf, freeBuf, ok := w.alloc(ctx, nil, need)
	if !ok {
		return ""
	}
	defer freeBuf()
	mem := w.mod.Memory()
	if _, err := w.call(ctx, "FPDF_GetMetaText", doc, tagPtr, buf, need); err != nil {
		return ""
	}
	raw, ok := mem.Read(uint32(buf), uint32(need))
	if !ok {
		return ""
	}
	units := make([]uint16, 0, len(raw)/2)
	for i := 0; i+1 < len(raw); i += 2 {
		if u := binary.LittleEndian.Uint16(raw[i:]); u != 0 {
			units = append(units, u)
		}
	}
	return strings.TrimSpace(string(utf16.Decode(units)))
}
