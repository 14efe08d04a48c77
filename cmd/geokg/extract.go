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
	var compact *bool
	in, err := parseInputCommand("extract", cfg, args, stdin, stderr, func(fs *flag.FlagSet) {
		compact = fs.Bool("compact", false, "always print one JSON document per line")
	})
	if err != nil {
		return err
	}
	items := in.items
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
		if err := enc.Encode(in.x.Extract(it.Article)); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "%d extracted, %d failed\n", len(items)-failed, failed)
		return exitError{1}
	}
	return nil
}
