package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
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
	"reportsearch/internal/messages"
	"reportsearch/search"
	"reportsearch/web"
)

func (a *app) newServeCommand() *cobra.Command {
	var addr, uploadToken string
	var allowHosts []string
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--index 目录] [路径...]",
		Short: "提供搜索网页和 JSON API",
		Long: `serve 启动网页服务：一个也能回答问题的搜索页、段落的固定链接、数值、承诺、目标与完成情况
对比图，以及 /api/openapi.json 中说明的 JSON API。不给路径时，提供程序内置的报告，首次启动时
建立索引，之后沿用；给出文件或目录时，为它们建立索引（已是最新则不重建）。按 Ctrl-C 或发送
SIGTERM 即平稳停止。`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			start := time.Now()
			engine, target, lib, err := a.serveEngine(ctx, args, stderr)
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
			cfg := web.Config{Index: live, Asker: live, Logger: logger}
			if lib != nil {
				lib.live, lib.logger = live, logger
				lib.state.Failed = engine.Manifest().Failed
				for _, f := range lib.state.Failed {
					logger.Warn("library: a file cannot be read", "file", f.Path, "error", f.Error)
				}
				go func() {
					if err := lib.watch(ctx); err != nil {
						logger.Error("library: the folders are not watched; restart to pick up changes", "error", err)
						lib.set(func(s *web.LibraryState) { s.Watching, s.Error = false, err.Error() })
					}
				}()
				cfg.Library = lib
				if cfg.Upload, err = uploadConfig(addr, uploadToken, args); err != nil {
					return err
				}
				if cfg.Upload != nil {
					web.RemoveStaleUploads(cfg.Upload.Dir)
				}
				if cfg.Upload == nil {
					logger.Info("adding reports from the page is off: the server listens beyond this machine; give --upload-token to turn it on")
				}
			} else if uploadToken != "" {
				return usage("cli.upload-token-needs-library")
			}
			hosts, err := allowedHosts(addr, allowHosts, stderr)
			if err != nil {
				return err
			}
			cfg.AllowedHosts = hosts
			srv, err := web.New(cfg)
			if err == nil {
				err = ctx.Err() // a signal during the steps above: do not bind the port
			}
			if err != nil {
				return startupError(ctx, err)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError{sayCause(err, "cli.listen", "addr", addr, "reason", listenReason(err))}
			}
			m := live.Manifest()
			fmt.Fprintln(stdout, messages.Say("cli.serve-ready", "reports", len(m.Reports), "paragraphs", m.Paragraphs, "addr", ln.Addr(),
				"seconds", fmt.Sprintf("%.2f", time.Since(start).Seconds())))
			return serveUntilDone(ctx, stop, ln, srv, logger)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "监听的`地址`")
	cmd.Flags().StringVar(&uploadToken, "upload-token", "",
		"在非本机地址上提供资料库目录时，为输入这个`令牌`的人开启「添加报告」（在 127.0.0.1 上页面可信，不需要令牌）")
	cmd.Flags().StringSliceVar(&allowHosts, "allow-host", nil,
		"除服务器地址和 localhost 之外，允许用来访问服务器的`主机名`（可重复）；指向其他主机名的请求会被拒绝，以免网页通过 DNS 重绑定访问 API")
	return cmd
}

// uploadConfig says whether the page may add reports to the library, and
// where: into the first folder served, when the server listens only on
// this machine (the page carries a random token, its CSRF token), or
// beyond it only with a token the user gives and types.
func uploadConfig(addr, token string, args []string) (*web.Upload, error) {
	var dir string
	for _, a := range args {
		if info, err := os.Stat(a); err == nil && info.IsDir() {
			dir = a
			break
		}
	}
	host, _, _ := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() || host == "localhost" {
		if token == "" {
			b := make([]byte, 16)
			if _, err := rand.Read(b); err != nil {
				return nil, err
			}
			token = hex.EncodeToString(b)
			return &web.Upload{Dir: dir, Token: token}, nil
		}
		return &web.Upload{Dir: dir, Token: token, Ask: true}, nil
	}
	if token == "" {
		return nil, nil
	}
	if len(token) < 12 {
		return nil, usage("cli.upload-token-short")
	}
	return &web.Upload{Dir: dir, Token: token, Ask: true}, nil
}

// allowedHosts are the names a request's Host may give: the loopback
// names, the address listened on, and --allow-host. An address without a
// host, or 0.0.0.0, listens on every interface — the machine's network
// addresses are then allowed, and serve says that others can connect.
func allowedHosts(addr string, extra []string, log io.Writer) ([]string, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, usageError{sayCause(err, "cli.addr", "addr", addr)}
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
//
// When the arguments name a folder, they are a library: the index is
// brought to what they hold incrementally, an unreadable file is listed
// rather than fatal, and the library returned watches them.
func (a *app) serveEngine(ctx context.Context, args []string, log io.Writer) (*search.Engine, string, *library, error) {
	root, err := a.indexRoot()
	if err != nil {
		return nil, "", nil, err
	}
	opts, err := a.ensureOptions(root, log)
	if err != nil {
		return nil, "", nil, err
	}
	var sources []corpus.Source // with --index and no files: what the index holds
	switch {
	case namesAFolder(args):
		// A library lists a file it cannot read, at start as when it
		// watches, rather than fail for it.
		if sources, err = corpus.SourcesSince(args, nil); err != nil {
			return nil, "", nil, err
		}
	case len(args) > 0 || a.indexDir == "":
		if sources, err = sourcesFor(args); err != nil {
			return nil, "", nil, err
		}
	}
	// A first start builds the index before it serves: say how far it is,
	// a report at a time, rather than sit silent for minutes on a library.
	progress, done := progressReporter(log)
	defer done()
	opts.Progress = progress
	var lib *library
	if namesAFolder(args) {
		later := opts.Options
		later.Progress = nil // the library's own updates log a line each (library.go)
		lib = newLibrary(args, root, later, nil, nil)
		lib.sources = sources
		fmt.Fprintln(log, messages.Say("cli.library-indexing", "n", len(sources), "root", root))
		_, change, err := indexer.Update(ctx, root, sources, opts.Options)
		if err != nil {
			return nil, "", nil, indexHint(err, root)
		}
		if !change.Empty() {
			fmt.Fprintf(log, "library: %s\n", change)
		}
	} else {
		opts.IfEmpty = []corpus.Source{corpus.DefaultSource()}
		opts.Verify = true // pick up reports edited since the index was built
		if _, _, err := indexer.Ensure(ctx, root, sources, opts); err != nil {
			return nil, "", nil, indexHint(err, root)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, "", nil, err
	}
	target, err := indexer.CurrentTarget(root)
	if err != nil {
		return nil, "", nil, err
	}
	engine, err := search.Open(root)
	return engine, target, lib, err
}

// namesAFolder says whether one of the arguments is a folder.
func namesAFolder(args []string) bool {
	for _, a := range args {
		if info, err := os.Stat(a); err == nil && info.IsDir() {
			return true
		}
	}
	return false
}

// startupError is err, or, when a signal stopped the start-up, says so:
// the step it stopped (a build, most often) left the index as it was.
func startupError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return sayCause(err, "cli.stopped-starting")
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
