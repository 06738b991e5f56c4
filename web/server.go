package web

import (
	"context"
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"reportsearch/ask"
	"reportsearch/catalog"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/query"
	"reportsearch/search"
)

// Index is what the server reads; *search.Engine implements it. The index
// is the server's one store: every page and response comes from it.
type Index interface {
	Search(ctx context.Context, req search.Request) (*search.Result, error)
	Paragraph(ctx context.Context, id string) (*search.Paragraph, error)
	Read(ctx context.Context, report string, q *query.Query) (*search.Reading, error)
	Lookup(ctx context.Context, ids ...string) (map[string]*indexer.Paragraph, error)
	Figures(ctx context.Context, ff search.FigureFilter, page search.Page) ([]*corpus.Figure, int, error)
	EachFigure(ctx context.Context, ff search.FigureFilter, visit func(*corpus.Figure) error) error
	Commitments(ctx context.Context, cf search.CommitmentFilter, page search.Page) ([]*corpus.Commitment, int, error)
	EachCommitment(ctx context.Context, cf search.CommitmentFilter, visit func(*corpus.Commitment) error) error
	Comparisons(ctx context.Context, ff search.FigureFilter, page search.Page) ([]corpus.Comparison, int, error)
	EachComparison(ctx context.Context, ff search.FigureFilter, visit func(corpus.Comparison) error) error
	Tracked(ctx context.Context, tf search.TrackFilter, page search.Page) ([]corpus.Tracked, int, error)
	EachTracked(ctx context.Context, tf search.TrackFilter, visit func(corpus.Tracked) error) error
	TrackPlaces() []search.TrackPlace
	Domains(ctx context.Context) ([]string, error)
	Suggest(ctx context.Context, typed string, limit int) ([]search.Suggestion, error)
	Catalog() *catalog.Catalog
}

// Asker answers questions; *ask.Asker implements it.
type Asker interface {
	Ask(ctx context.Context, question string) (*ask.Answer, error)
}

// Config is what a server is made of.
type Config struct {
	Index   Index
	Asker   Asker
	Logger  *slog.Logger  // request logs; nil discards them
	Timeout time.Duration // per request; 0 means DefaultTimeout
	// AllowedHosts, when set, are the host names (without port) a request's
	// Host header may name; others are refused (hosts.go). Empty allows
	// any, for a handler behind something that checks.
	AllowedHosts []string
	// MaxInFlight bounds the expensive requests that run at once
	// (limit.go); 0 means two per core.
	MaxInFlight int
	// Library, when the server follows a folder of reports, says how its
	// index stands (library.go); nil for a fixed index.
	Library Library
	// Upload, when set, turns on adding reports from the page into the
	// library folder (upload.go).
	Upload *Upload
}

// DefaultTimeout bounds the work of one request. A search takes well under a
// millisecond; the bound is for pathological queries and stuck clients.
const DefaultTimeout = 10 * time.Second

//go:embed templates static
var assets embed.FS

// Server is the HTTP handler of reportsearch.
type Server struct {
	cfg    Config
	pages  *pages
	router *gin.Engine
	// exampleCache holds the home page's examples (examples.go).
	exampleCache exampleCache
}

// New builds the server's routes. It fails only if the embedded templates
// do not parse, which a test catches.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = defaultMaxInFlight()
	}
	p, err := parsePages()
	if err != nil {
		return nil, err
	}
	gin.SetMode(gin.ReleaseMode)
	s := &Server{cfg: cfg, pages: p, router: gin.New()}
	s.routes()
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

func (s *Server) routes() {
	r := s.router
	r.HandleMethodNotAllowed = true
	// Redirects bypass the middleware (no headers, no log line); a wrong
	// path is a 404 like any other.
	r.RedirectTrailingSlash, r.RedirectFixedPath = false, false
	// The server faces clients directly: X-Forwarded-For is not trusted.
	_ = r.SetTrustedProxies(nil)
	r.Use(s.logRequests(), s.recoverer(), securityHeaders(), s.checkHost(), s.checkSize(), s.timeout())
	r.NoRoute(func(c *gin.Context) { s.fail(c, notFound("web.no-page", "path", c.Request.URL.Path)) })
	r.NoMethod(func(c *gin.Context) {
		s.fail(c, newError(http.StatusMethodNotAllowed, "method not allowed", "web.method",
			"method", c.Request.Method, "path", c.Request.URL.Path, "allowed", allowedMethods(c)))
	})

	// Every GET route answers HEAD too: its headers, without the body
	// (net/http drops it).
	get := func(g gin.IRoutes, path string, h gin.HandlerFunc) {
		g.GET(path, h)
		g.HEAD(path, h)
	}
	get(r, pathHealth, s.health)
	get(r, pathAPIReports, s.apiReports)
	get(r, pathAPIOpenAPI, s.apiOpenAPI)
	get(r, pathAPILibrary, s.apiLibrary)
	get(r, pathReports, s.pageReports)
	get(r, pathBasket, s.pageBasket)
	r.POST(pathAPIBasketDocx, s.apiBasketDocx)

	// What reads the index is bounded (limit.go).
	b := r.Group("", s.bounded())
	get(b, pathAPISearch, s.apiSearch)
	get(b, pathAPISuggest, s.apiSuggest)
	get(b, pathAPIAsk, s.apiAsk)
	get(b, pathAPIParagraphs+"*id", s.apiParagraph)
	get(b, pathAPIFigures, s.apiFigures)
	get(b, pathAPIComparisons, s.apiComparisons)
	get(b, pathAPICommitments, s.apiCommitments)
	get(b, pathAPITrack, s.apiTrack)

	get(b, pathSearch, s.pageSearch)
	get(b, pathParagraph+"*id", s.pageParagraph)
	get(b, pathRead+":report", s.pageRead)
	get(b, pathCode+"*code", s.pageCode)
	get(b, pathFigures, s.pageFigures)
	get(b, pathCommitments, s.pageCommitments)
	get(b, pathCompare, s.pageCompare)
	get(b, pathTrack, s.pageTrack)
	get(b, pathHelp, s.pageHelp) // its examples read the index
	// Adding a report reads it whole, as the index would: bounded too.
	b.POST(pathAPIUpload, s.apiUpload)
	b.POST(pathUpload, s.apiUpload)

	get(r, pathStatic+"*file", s.static)
}

// staticFiles are the embedded files under static/.
var staticFiles = func() http.FileSystem {
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the directory is embedded: this cannot fail
	}
	return http.FS(sub)
}()

// static serves an embedded file; a directory is not a file, so it is a
// 404 rather than a listing.
func (s *Server) static(c *gin.Context) {
	name := strings.TrimPrefix(c.Param("file"), "/")
	f, err := staticFiles.Open(name)
	if err == nil {
		info, statErr := f.Stat()
		f.Close()
		if statErr == nil && !info.IsDir() {
			c.FileFromFS(name, staticFiles)
			return
		}
	}
	s.fail(c, notFound("web.no-file", "path", c.Request.URL.Path))
}

// health answers load balancers and scripts: the server is up and has data.
func (s *Server) health(c *gin.Context) {
	reports := s.cfg.Index.Catalog().Reports()
	paragraphs := 0
	for _, r := range reports {
		paragraphs += r.Paragraphs
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "reports": len(reports), "paragraphs": paragraphs})
}
