package web

import (
	"context"
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"reportsearch/search"
)

// Searcher is what the server needs of the search engine; *search.Engine
// implements it.
type Searcher interface {
	Search(ctx context.Context, req search.Request) (*search.Result, error)
	Ask(ctx context.Context, question string) (*search.Answer, error)
	Cite(ctx context.Context, id string) (*search.Citation, error)
}

// Config is what a server is made of.
type Config struct {
	Searcher Searcher
	Library  *Library
	Logger   *slog.Logger  // request logs; nil discards them
	Timeout  time.Duration // per request; 0 means DefaultTimeout
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
	r.Use(s.recoverer(), s.logRequests(), securityHeaders(), s.timeout())
	r.NoRoute(func(c *gin.Context) { s.fail(c, errNotFound("no such page: "+c.Request.URL.Path)) })
	r.NoMethod(func(c *gin.Context) {
		s.fail(c, &httpError{Status: http.StatusMethodNotAllowed, Title: "method not allowed", Detail: c.Request.Method + " " + c.Request.URL.Path})
	})

	r.GET("/healthz", s.health)

	api := r.Group("/api")
	api.GET("/search", s.apiSearch)
	api.GET("/ask", s.apiAsk)
	api.GET("/paragraphs/*id", s.apiParagraph)
	api.GET("/figures", s.apiFigures)
	api.GET("/comparisons", s.apiComparisons)
	api.GET("/commitments", s.apiCommitments)
	api.GET("/reports", s.apiReports)
	api.GET("/openapi.json", s.apiOpenAPI)

	r.GET("/", s.pageSearch)
	r.GET("/p/*id", s.pageParagraph)
	r.GET("/figures", s.pageFigures)
	r.GET("/commitments", s.pageCommitments)
	r.GET("/compare", s.pageCompare)

	static, _ := fs.Sub(assets, "static")
	r.StaticFS("/static", http.FS(static))
}

// health answers load balancers and scripts: the server is up and has data.
func (s *Server) health(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{
		"status":     "ok",
		"reports":    len(s.cfg.Library.Reports),
		"paragraphs": s.cfg.Library.Paragraphs(),
	})
}
