package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/rs/cors"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/neo4jstore"
)

// runServe serves GraphQL until ctx is canceled. It starts even when Neo4j
// is down: /readyz says so, queries fail with DATABASE_UNAVAILABLE, and a
// background loop puts the schema in place as soon as Neo4j answers.
func runServe(ctx context.Context, cfg config, logger *slog.Logger, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", cfg.Addr, "address to listen on (GEOKG_ADDR)")
	noPlayground := fs.Bool("no-playground", false, "do not serve the GraphQL playground at / (GEOKG_PLAYGROUND=false)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: geokg serve [flags]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitError{2}
	}
	cfg.Addr = *addr
	cfg.Playground = cfg.Playground && !*noPlayground

	store, err := neo4jstore.Open(ctx, neo4jstore.Config{
		URI: cfg.Neo4jURI, User: cfg.Neo4jUser, Password: cfg.Neo4jPassword, Database: cfg.Neo4jDatabase,
		// Give up on a down Neo4j well within a request's deadline, so
		// that clients hear "unavailable" rather than "timeout".
		MaxRetryTime: min(cfg.QueryTimeout/2, 3*time.Second),
	}, logger)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	go store.MigrateWhenReady(ctx, 5*time.Second)

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	var ingester geokg.Ingester
	if cfg.IngestToken != "" {
		// The same pipeline as `geokg load`, one article at a time.
		x, err := newExtractor()
		if err != nil {
			return err
		}
		ingester = loader.New(x, store, 1)
	}
	srv := &http.Server{
		Handler:           newServer(store, ingester, cfg, logger),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		// Long enough for the slowest query the timeout allows, plus
		// writing its answer.
		WriteTimeout: cfg.QueryTimeout + 15*time.Second,
		IdleTimeout:  2 * time.Minute,
		ErrorLog:     slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	base := "http://" + displayAddr(ln.Addr())
	if cfg.Playground {
		logger.Info(fmt.Sprintf("serving GraphQL at %s/graphql, playground at %s/", base, base))
	} else {
		logger.Info(fmt.Sprintf("serving GraphQL at %s/graphql", base))
	}

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// displayAddr turns a listener address into one a browser on this machine
// can open: a wildcard host becomes localhost.
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || tcp.IP == nil || tcp.IP.IsUnspecified() {
		if ok {
			return fmt.Sprintf("localhost:%d", tcp.Port)
		}
		return a.String()
	}
	return tcp.String()
}

// graphStore is what the server needs of the store: the reads, and a ping
// for readiness.
type graphStore interface {
	geokg.GraphReader
	Ping(ctx context.Context) error
}

// newServer returns the whole HTTP handler: /graphql, the playground at /,
// /healthz and /readyz, behind CORS and the access log.
func newServer(store graphStore, ingester geokg.Ingester, cfg config, logger *slog.Logger) http.Handler {
	gql := graph.NewHandler(store, graph.Options{
		QueryTimeout:  cfg.QueryTimeout,
		Introspection: cfg.Introspection,
		IngestToken:   cfg.IngestToken,
		Ingester:      ingester,
	}, logger)
	mux := http.NewServeMux()
	mux.Handle("/graphql", http.MaxBytesHandler(gql, cfg.MaxBodyBytes))
	if cfg.Playground {
		mux.Handle("GET /{$}", playground.Handler("geokg", "/graphql"))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "application/json")
		if err := store.Ping(ctx); err != nil {
			logger.Warn("not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			json.NewEncoder(w).Encode(map[string]string{"status": "unavailable", "reason": geokg.ErrorMessage(err)})
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"status": "ready"})
	})
	c := cors.New(cors.Options{
		AllowedOrigins: cfg.CORSOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders: []string{"Content-Type", "Accept", "Authorization"},
		MaxAge:         600,
	})
	return accessLog(logger, c.Handler(mux))
}

// accessLog logs one line per request once it is answered.
func accessLog(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		logger.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"bytes", rec.bytes, "duration", time.Since(start).Round(time.Microsecond), "remote", r.RemoteAddr)
	})
}

// statusRecorder remembers the status and size of a response for the
// access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
