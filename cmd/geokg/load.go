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
	"github.com/geokg/geokg/loader/extract"
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

// inputCommand is what load and extract share: the extractor and the
// articles read from the command's arguments.
type inputCommand struct {
	x     *extract.Extractor
	items []loader.Item
}

// parseInputCommand parses the flags of load, extract or eval (extra adds
// the command's own; defaults are the paths used when none are given),
// loads the knowledge base and reads the inputs, reporting
// skipped files on stderr. A usage error is exit status 2.
func parseInputCommand(name string, cfg config, args []string, stdin io.Reader, stderr io.Writer, extra func(*flag.FlagSet), defaults ...string) (inputCommand, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in inputFlags
	in.register(fs, cfg)
	extra(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: geokg %s [flags] PATH...   (files, directories, or - for stdin)\n", name)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return inputCommand{}, exitError{2}
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = defaults
	}
	if len(paths) == 0 {
		fs.Usage()
		return inputCommand{}, exitError{2}
	}
	opt, err := in.options()
	if err != nil {
		return inputCommand{}, err
	}
	x, err := newExtractor()
	if err != nil {
		return inputCommand{}, err
	}
	items := loader.Read(paths, stdin, opt, func(path, why string) {
		fmt.Fprintf(stderr, "skip %s: %s\n", path, why)
	})
	return inputCommand{x: x, items: items}, nil
}

// runLoad reads articles, extracts their facts and writes them to Neo4j.
// Every unreadable input gets one line naming it and why; the rest still
// load; the command ends with a summary and fails if anything failed.
func runLoad(ctx context.Context, cfg config, logger *slog.Logger, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var quiet *bool
	var workers *int
	in, err := parseInputCommand("load", cfg, args, stdin, stderr, func(fs *flag.FlagSet) {
		quiet = fs.Bool("quiet", false, "no progress bar")
		workers = fs.Int("workers", 4, "articles written concurrently, each in its own transaction")
	})
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

	items := in.items
	var bar *progressbar.ProgressBar
	if f, ok := stderr.(*os.File); ok && !*quiet && term.IsTerminal(int(f.Fd())) && len(items) > 1 {
		bar = progressbar.NewOptions(len(items), progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("loading"), progressbar.OptionShowCount(),
			progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish())
	}
	start := time.Now()
	sum := loader.New(in.x, store, *workers).Load(ctx, items, func(r loader.Result) {
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

// newExtractor loads the embedded knowledge base and builds the extractor
// every command that reads articles uses.
func newExtractor() (*extract.Extractor, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, err
	}
	return extract.NewExtractor(k)
}
