// Package neo4jstore keeps the knowledge graph in Neo4j. It is the only
// package that imports the Neo4j driver and the only place with Cypher: it
// owns the driver's lifecycle, the schema (constraints and indexes), the
// atomic per-article write the loader uses (geokg.FactsWriter) and the reads
// the GraphQL API serves (geokg.GraphReader). Labels and relationship types
// come only from fixed constants chosen by switches over the domain's closed
// enums; every value is a query parameter. Driver errors are turned into
// *geokg.Error values with a code in one function, storeError.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg"
)

// Config says where Neo4j is and how long to keep retrying a transaction.
type Config struct {
	URI      string // bolt://host:7687 or neo4j://host:7687
	User     string
	Password string
	Database string // "" means the server's default database
	// MaxRetryTime bounds how long the driver retries a transaction that
	// failed transiently (a lost connection, a leader switch). Zero keeps
	// the driver's default (30s), right for the loader; the server uses
	// less so that a request fails fast with "unavailable" while Neo4j is
	// down instead of waiting for its own deadline.
	MaxRetryTime time.Duration
}

// Store is the knowledge graph in Neo4j. It is safe for concurrent use. One
// Store (and so one driver and one connection pool) serves the process.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	logger *slog.Logger

	// schemaMu guards migrated so that concurrent first writes run Migrate
	// once; Migrate itself is idempotent, so this only saves round trips.
	schemaMu sync.Mutex
	migrated bool
}

var (
	_ geokg.FactsWriter = (*Store)(nil)
	_ geokg.GraphReader = (*Store)(nil)
)

// Open creates the driver and checks that Neo4j answers. An unreachable
// Neo4j is not an error: Open logs a warning and returns a working Store,
// because the driver connects lazily and every later call recovers by itself
// once Neo4j is back. That lets the server start (and report not-ready)
// before the database does. Open fails only on a malformed configuration.
func Open(ctx context.Context, cfg Config, logger *slog.Logger) (*Store, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""),
		func(c *neo4j.Config) {
			if cfg.MaxRetryTime > 0 {
				c.MaxTransactionRetryTime = cfg.MaxRetryTime
			}
			// Fail a connection attempt quickly: a hanging connect would
			// otherwise use up the caller's whole deadline.
			c.SocketConnectTimeout = 5 * time.Second
			c.ConnectionAcquisitionTimeout = 30 * time.Second
		})
	if err != nil {
		return nil, fmt.Errorf("neo4j driver for %s: %w", cfg.URI, err)
	}
	s := &Store{driver: driver, db: cfg.Database, logger: logger}
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.Ping(pingCtx); err != nil {
		logger.Warn("neo4j is not reachable yet; will keep trying on each request", "uri", cfg.URI, "err", err)
	}
	return s, nil
}

// Close closes the driver and its connections.
func (s *Store) Close(ctx context.Context) error {
	return s.driver.Close(ctx)
}

// Ping reports whether Neo4j answers (for /readyz): nil, or an error with
// CodeUnavailable or CodeTimeout.
func (s *Store) Ping(ctx context.Context) error {
	return storeError(ctx, "ping", s.driver.VerifyConnectivity(ctx))
}

// read runs one read statement with reader routing on the configured
// database. The caller's deadline reaches Neo4j twice: through ctx on the
// client, and as the transaction timeout on the server, so that a query
// that outlives its request is stopped there too.
func (s *Store) read(ctx context.Context, cypher string, params map[string]any) (*neo4j.EagerResult, error) {
	return neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithReadersRouting(),
		neo4j.ExecuteQueryWithDatabase(s.db),
		neo4j.ExecuteQueryWithTransactionConfig(txTimeout(ctx)...))
}

// txTimeout returns a transaction timeout matching ctx's deadline, if any.
func txTimeout(ctx context.Context) []func(*neo4j.TransactionConfig) {
	d, ok := ctx.Deadline()
	if !ok {
		return nil
	}
	left := time.Until(d)
	if left < time.Millisecond {
		left = time.Millisecond // zero would mean "the server's default"
	}
	return []func(*neo4j.TransactionConfig){neo4j.WithTxTimeout(left)}
}

// storeError turns a driver error into a *geokg.Error, the one place where
// that happens. op names the operation for logs; users only ever see the
// Message, which never contains Cypher or driver details.
func storeError(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	var ge *geokg.Error
	if errors.As(err, &ge) {
		return err
	}
	switch {
	case unavailable(err):
		return &geokg.Error{Code: geokg.CodeUnavailable, Message: "the graph database is unavailable; try again shortly", Err: fmt.Errorf("%s: %w", op, err)}
	case timedOut(ctx, err):
		return &geokg.Error{Code: geokg.CodeTimeout, Message: "the query took too long; narrow it or try again", Err: fmt.Errorf("%s: %w", op, err)}
	case errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled):
		return &geokg.Error{Code: geokg.CodeTimeout, Message: "the request was canceled", Err: fmt.Errorf("%s: %w", op, err)}
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed" {
		return &geokg.Error{Code: geokg.CodeInvalid, Message: "the facts conflict with stored data (a duplicate id)", Err: fmt.Errorf("%s: %w", op, err)}
	}
	return fmt.Errorf("%s: %w", op, err)
}

// unavailable reports whether err says Neo4j could not be reached or cannot
// serve: a connectivity error that is not just the caller's deadline, a
// transaction that gave up retrying such errors, or a server-side
// unavailability code. The driver's errors do not all unwrap (a
// ConnectivityError hides its cause), so this looks inside them by hand.
func unavailable(err error) bool {
	for err != nil {
		switch e := err.(type) {
		case *neo4j.ConnectivityError:
			if e.Inner == nil || !isContextError(e.Inner) {
				return true
			}
		case *neo4j.TransactionExecutionLimit:
			for _, inner := range e.Errors {
				if unavailable(inner) {
					return true
				}
			}
		case *neo4j.Neo4jError:
			switch e.Code {
			case "Neo.TransientError.General.DatabaseUnavailable",
				"Neo.ClientError.Database.DatabaseNotFound",
				"Neo.ClientError.Security.Unauthorized",
				"Neo.ClientError.Security.AuthenticationRateLimit":
				return true
			}
		case *neo4j.TokenExpiredError, *neo4j.InvalidAuthenticationError:
			return true
		}
		if e, ok := err.(interface{ Unwrap() []error }); ok {
			for _, inner := range e.Unwrap() {
				if unavailable(inner) {
					return true
				}
			}
			return false
		}
		err = errors.Unwrap(err)
	}
	return false
}

// timedOut reports whether err comes from the caller's deadline or from
// Neo4j's transaction timeout (which is set from that deadline).
func timedOut(ctx context.Context, err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return true
	}
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) && errors.Is(ce.Inner, context.DeadlineExceeded) {
		return true
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch ne.Code {
		case "Neo.ClientError.Transaction.TransactionTimedOut",
			"Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
			"Neo.TransientError.Transaction.TransactionTimedOut",
			"Neo.TransientError.Transaction.Terminated":
			return true
		}
	}
	return false
}

func isContextError(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// readByID runs a batched lookup whose rows are (id, map) and decodes each
// map, keyed by id; what names the things read in errors.
func readByID[T any](ctx context.Context, s *Store, cypher, what string, ids []string, decode func(map[string]any) T) (map[string]T, error) {
	res, err := s.read(ctx, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, storeError(ctx, what, err)
	}
	out := make(map[string]T, len(res.Records))
	for _, rec := range res.Records {
		id, _ := rec.Values[0].(string)
		out[id] = decode(asMap(rec.Values[1]))
	}
	return out, nil
}
