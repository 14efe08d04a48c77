package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/loader/kb"
	"github.com/geokg/geokg/neo4jstore"
)

// inputFlags are the flags load and extract share.
type inputFlags struct {
	published string
	maxBytes  int64
}

func (f *inputFlags) register(fs *flag.FlagSet, cfg config) {
	fs.StringVar(&f.published, "published", "", "publication date (YYYY-MM-DD) for articles that carry none; anchors 'today', 'last week'")
	fs.Int64Var(&f.maxBytes, "max-bytes", cfg.MaxArticleBytes, "refuse input files larger than this many bytes")
}

func (f *inputFlags) options() (loader.ReadOptions, error) {
	if f.published != "" {
		if _, err := time.Parse(time.DateOnly, f.published); err != nil {
			return loader.ReadOptions{}, fmt.Errorf("-published %q: want a date such as 2017-04-12", f.published)
		}
	}
	return loader.ReadOptions{MaxBytes: f.maxBytes, Published: f.published}, nil
}

// newExtractor loads the embedded knowledge base and indexes it.
func newExtractor() (*loader.Extractor, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, err
	}
	return loader.NewExtractor(k)
}

// loaderRead reads inputs, reporting skipped files on stderr.
func loaderRead(paths []string, stdin io.Reader, opt loader.ReadOptions, stderr io.Writer) []loader.Item {
	return loader.Read(paths, stdin, opt, func(path, why string) {
		fmt.Fprintf(stderr, "skip %s: %s\n", path, why)
	})
}

// runLoad reads articles, extracts their facts and writes them to Neo4j.
// Every unreadable input gets one line naming it and why; the rest still
// load; the command ends with a summary and fails if anything failed.
func runLoad(ctx context.Context, cfg config, logger *slog.Logger, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in inputFlags
	in.register(fs, cfg)
	quiet := fs.Bool("quiet", false, "no progress bar")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: geokg load [flags] PATH...   (files, directories, or - for stdin)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{2}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{2}
	}
	opt, err := in.options()
	if err != nil {
		return err
	}
	x, err := newExtractor()
	if err != nil {
		return err
	}
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: cfg.Neo4jURI, User: cfg.Neo4jUser, Password: cfg.Neo4jPassword, Database: cfg.Neo4jDatabase}, logger)
	if err != nil {
		return fmt.Errorf("open Neo4j at %s: %w", cfg.Neo4jURI, err)
	}
	defer store.Close(context.WithoutCancel(ctx))
	if err := store.Migrate(ctx); err != nil {
		return fmt.Errorf("prepare Neo4j at %s (is it running? try 'make neo4j'): %w", cfg.Neo4jURI, err)
	}

	items := loaderRead(fs.Args(), stdin, opt, stderr)
	var bar *progressbar.ProgressBar
	if f, ok := stderr.(*os.File); ok && !*quiet && term.IsTerminal(int(f.Fd())) && len(items) > 1 {
		bar = progressbar.NewOptions(len(items), progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("loading"), progressbar.OptionShowCount(),
			progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish())
	}
	start := time.Now()
	sum := loader.New(x, store).Load(ctx, items, func(r loader.Result) {
		if r.Err != nil {
			if bar != nil {
				_ = bar.Clear()
			}
			fmt.Fprintf(stderr, "error: %s: %v\n", r.Origin, r.Err)
		} else {
			logger.Debug("article", "origin", r.Origin, "id", r.ArticleID, "outcome", r.Outcome)
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	})
	if bar != nil {
		_ = bar.Finish()
	}
	fmt.Fprintf(stdout, "%s in %s\n", sum, time.Since(start).Round(time.Millisecond))
	if sum.Failed > 0 {
		return exitError{1}
	}
	return nil
}
