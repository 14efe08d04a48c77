// Command dictionaries converts the event-data dictionaries of PETRARCH2
// (the CAMEO verb patterns, the generic agents and the actor dictionaries)
// into the knowledge base's generated data files:
//
//	go run ./scripts/dictionaries -src ../shared/dictionaries/petrarch2 -out loader/kb/data
//
// It writes verbs.generated.json, agents.generated.json and
// actors.generated.json, each starting with the dictionaries' provenance
// and MIT licence. The output depends only on the dictionaries and the
// curated knowledge base in -out, so running it twice gives the same
// bytes. Counts and every source line it could not use go to stderr.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "dictionaries:", err)
		os.Exit(1)
	}
}

func run(_ context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("dictionaries", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", "../shared/dictionaries/petrarch2", "directory of the PETRARCH2 dictionaries")
	out := fs.String("out", "loader/kb/data", "knowledge-base data directory: curated files are read from it, generated files written to it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	g, err := generate(*src, *out)
	if err != nil {
		return err
	}
	if err := g.write(*out); err != nil {
		return err
	}
	g.rep.write(stderr)
	return nil
}
