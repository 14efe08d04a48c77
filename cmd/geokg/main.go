// Command geokg builds and serves the geopolitical knowledge graph.
//
//	geokg serve            serve GraphQL (and the playground) over HTTP
//	geokg load PATH...     extract facts from articles and write them to Neo4j
//	geokg extract FILE...  print the facts the loader would write, as JSON
//	geokg eval             measure extraction against the development set
//
// Configuration comes from environment variables; flags override them. This
// is the only place where concrete pieces are wired together.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ex exitError
		if errors.As(err, &ex) {
			os.Exit(ex.code)
		}
		fmt.Fprintln(os.Stderr, "geokg:", err)
		os.Exit(1)
	}
}

// exitError ends the program with a status code after its message has
// already been printed (a load summary, a usage text).
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

const usage = `usage: geokg <command> [flags] [args]

commands:
  serve              serve GraphQL at /graphql and the playground at /
  load PATH...       load articles (files, directories, or - for stdin) into Neo4j
  extract FILE...    print the facts the loader would write, as JSON (no database)
  eval [FILE...]     measure extraction against the gold annotations in eval/devset/

Run 'geokg <command> -h' for a command's flags. Configuration is read from
the environment (see README.md); flags override it.
`

// run dispatches to a subcommand. It takes its inputs and outputs as
// arguments so tests can call it like main does.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitError{2}
	}
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	switch args[0] {
	case "serve":
		return runServe(ctx, cfg, logger, args[1:], stderr)
	case "load":
		return runLoad(ctx, cfg, logger, args[1:], stdin, stdout, stderr)
	case "extract":
		return runExtract(ctx, cfg, args[1:], stdin, stdout, stderr)
	case "eval":
		return runEval(cfg, args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "geokg: unknown command %q\n\n%s", args[0], usage)
		return exitError{2}
	}
}
