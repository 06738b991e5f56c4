package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"reportsearch/ask"
	"reportsearch/corpus"
	"reportsearch/indexer"
	"reportsearch/search"
	"reportsearch/web"
)

func (a *app) newServeCommand() *cobra.Command {
	var addr string
	var allowHosts []string
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--index DIR] [FILE|DIR ...]",
		Short: "Serve the search page and the JSON API",
		Long: `serve starts the web server: a search page that also answers questions, paragraph
permalinks, figures, commitments and a target-versus-result chart, and the JSON API documented
at /api/openapi.json. With no files it serves the embedded report, indexing it on first start
and reusing the index afterwards; with files or directories it indexes those (unless the index
is already current for them). Ctrl-C or SIGTERM stops it gracefully.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			start := time.Now()
			engine, target, err := a.serveEngine(ctx, args, stderr)
			if err != nil {
				return startupError(ctx, err)
			}
			asker, err := ask.New(engine, ask.DefaultWeights)
			if err != nil {
				engine.Close()
				return startupError(ctx, err)
			}
			logger := slog.New(slog.NewTextHandler(stderr, nil))
			root, _ := a.indexRoot() // serveEngine found it
			live := newLiveIndex(root, target, engine, asker, logger)
			defer live.Close()
			go live.follow(ctx) // a rebuild by `index` is served without a restart
			hosts, err := allowedHosts(addr, allowHosts, stderr)
			if err != nil {
				return err
			}
			srv, err := web.New(web.Config{Index: live, Asker: live, Logger: logger, AllowedHosts: hosts})
			if err == nil {
				err = ctx.Err() // a signal during the steps above: do not bind the port
			}
			if err != nil {
				return startupError(ctx, err)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError{fmt.Errorf("cannot listen on %s (%w): choose another address with --addr", addr, err)}
			}
			m := live.Manifest()
			fmt.Fprintf(stdout, "reportsearch: %s, %d paragraphs — open http://%s/ (ready in %.2f s; Ctrl-C stops)\n",
				plural(len(m.Reports), "report"), m.Paragraphs, ln.Addr(), time.Since(start).Seconds())
			return serveUntilDone(ctx, stop, ln, srv, logger)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "the address to listen on")
	cmd.Flags().StringSliceVar(&allowHosts, "allow-host", nil,
		"a host name the server may be reached by besides its address and localhost (repeatable); requests naming another host are refused, so that no web page can reach the API through DNS rebinding")
	return cmd
}

// allowedHosts are the names a request's Host may give: the loopback
// names, the address listened on, and --allow-host. An address without a
// host, or 0.0.0.0, listens on every interface — the machine's network
// addresses are then allowed, and serve says that others can connect.
func allowedHosts(addr string, extra []string, log io.Writer) ([]string, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, usageError{fmt.Errorf("--addr %q: want HOST:PORT, such as 127.0.0.1:8080 (%w)", addr, err)}
	}
	hosts := append(slices.Clone(web.LoopbackHosts), extra...)
	ip := net.ParseIP(host)
	if host != "" && (ip == nil || !ip.IsUnspecified()) {
		return append(hosts, host), nil
	}
	fmt.Fprintf(log, "warning: --addr %s listens on every network interface: other machines can reach this server; use 127.0.0.1:PORT to keep it to this one\n", addr)
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil, fmt.Errorf("listing this machine's addresses: %w", err)
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			hosts = append(hosts, n.IP.String())
		}
	}
	if name, err := os.Hostname(); err == nil {
		hosts = append(hosts, name)
	}
	return hosts, nil
}

// serveEngine opens the index to serve, current for its reports: the one
// the files name, or with no files the embedded report's — or, with
// --index, whatever that index holds (the embedded report when it holds
// nothing yet), rebuilt when its files were edited since it was built. An
// index whose files are gone is served as it is, with a warning: the pages
// show only what the index holds. It also returns the target of the
// index's current link, read before the build was opened (liveIndex
// follows it).
func (a *app) serveEngine(ctx context.Context, args []string, log io.Writer) (*search.Engine, string, error) {
	root, err := a.indexRoot()
	if err != nil {
		return nil, "", err
	}
	opts, err := a.ensureOptions(root, log)
	if err != nil {
		return nil, "", err
	}
	var sources []corpus.Source // with --index and no files: what the index holds
	if len(args) > 0 || a.indexDir == "" {
		if sources, err = sourcesFor(args); err != nil {
			return nil, "", err
		}
	}
	opts.IfEmpty = []corpus.Source{corpus.DefaultSource()}
	opts.Verify = true // pick up reports edited since the index was built
	if _, _, err := indexer.Ensure(ctx, root, sources, opts); err != nil {
		return nil, "", indexHint(err, root)
	}
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	target, err := indexer.CurrentTarget(root)
	if err != nil {
		return nil, "", err
	}
	engine, err := search.Open(root)
	return engine, target, err
}

// startupError is err, or, when a signal stopped the start-up, says so:
// the step it stopped (a build, most often) left the index as it was.
func startupError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("stopped by a signal while starting, before serving; the index is as it was (%w)", err)
	}
	return err
}

// serveUntilDone serves until ctx is cancelled (a signal), then lets the
// requests in flight finish: at most one request timeout and a little
// more. stop restores the default signal handling, so a second Ctrl-C
// ends the program at once.
func serveUntilDone(ctx context.Context, stop func(), ln net.Listener, h http.Handler, logger *slog.Logger) error {
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      web.DefaultTimeout + 5*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    web.MaxHeaderBytes, // the server answers an oversized request itself
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	stop()
	logger.Info("shutting down: finishing the requests in flight (Ctrl-C again to quit now)")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), web.DefaultTimeout+2*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// plural writes "1 report" or "3 reports".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
