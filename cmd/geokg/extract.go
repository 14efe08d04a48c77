package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
)

// runExtract prints, without a database, the facts the loader would write:
// one JSON document per article (indented when there is one article, JSON
// lines otherwise). Unreadable inputs are reported like in load.
func runExtract(ctx context.Context, cfg config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var in inputFlags
	in.register(fs, cfg)
	compact := fs.Bool("compact", false, "always print one JSON document per line")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: geokg extract [flags] FILE...   (files, directories, or - for stdin)")
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
	items := loaderRead(fs.Args(), stdin, opt, stderr)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if len(items) == 1 && !*compact {
		enc.SetIndent("", "  ")
	}
	failed := 0
	for _, it := range items {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if it.Err != nil {
			failed++
			fmt.Fprintf(stderr, "error: %s: %v\n", it.Origin, it.Err)
			continue
		}
		if err := enc.Encode(x.Extract(it.Article)); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "%d extracted, %d failed\n", len(items)-failed, failed)
		return exitError{1}
	}
	return nil
}
