package graph

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/geokg/geokg"
)

// Options configure the GraphQL handler. Zero values take the defaults.
type Options struct {
	// QueryTimeout bounds each operation; the deadline reaches Neo4j,
	// which stops the query there too. Default 10s.
	QueryTimeout time.Duration
	// Introspection lets clients (and the playground) read the schema.
	Introspection bool
	// ComplexityLimit bounds an operation's cost: one per field, times
	// first (or limit) for lists. Default 20000.
	ComplexityLimit int
	// DepthLimit bounds how deeply selections nest. Default 12.
	DepthLimit int
}

// NewHandler returns the GraphQL endpoint (POST and GET) reading from g.
// Every operation gets its own deadline and its own dataloaders; errors go
// through presentError; repeated queries can be sent as their hash
// (automatic persisted queries).
func NewHandler(g geokg.GraphReader, opts Options, logger *slog.Logger) http.Handler {
	if opts.QueryTimeout <= 0 {
		opts.QueryTimeout = 10 * time.Second
	}
	if opts.ComplexityLimit <= 0 {
		opts.ComplexityLimit = 20000
	}
	if opts.DepthLimit <= 0 {
		opts.DepthLimit = 12
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cfg := Config{Resolvers: &Resolver{Graph: g}}
	setComplexity(&cfg.Complexity)
	srv := handler.New(NewExecutableSchema(cfg))
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))
	srv.Use(depthLimit(opts.DepthLimit))
	srv.SetErrorPresenter(presentError(logger))
	srv.SetRecoverFunc(recoverPanic(logger))
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		ctx, cancel := context.WithTimeout(ctx, opts.QueryTimeout)
		ctx = withLoaders(ctx, newLoaders(g))
		responses := next(ctx)
		return func(ctx context.Context) *graphql.Response {
			defer cancel()
			return responses(ctx)
		}
	})
	return srv
}

// setComplexity makes lists cost what they may return: their first (or
// limit) times the cost of one element, so that the complexity limit
// rejects a query that nests large lists before it reaches Neo4j.
func setComplexity(c *ComplexityRoot) {
	times := func(n *int, def, child int) int { return intOr(n, def) * max(child, 1) }
	c.Query.Search = func(child int, _ string, _ []geokg.Kind, first *int) int { return times(first, 10, child) }
	c.Query.Neighborhood = func(child int, _ string, _ *int, _ []geokg.Kind, limit *int, _ *bool) int {
		return times(limit, 100, 1) + child
	}
	c.Query.Paths = func(child int, _, _ string, _ *int, _ *bool) int { return 10 * max(child, 1) }
	c.Query.Articles = func(child int, first *int, _ *string) int { return times(first, 20, child) }
	c.Query.Events = func(child int, _ *string, _ *string, _ *geokg.ParticipantRole, _, _, _, _ *string, first *int) int {
		return times(first, 50, child)
	}
	c.Entity.Relationships = func(child int, _ []geokg.RelationType, first *int) int { return times(first, 50, child) }
	c.Entity.Events = func(child int, _ *geokg.ParticipantRole, first *int) int { return times(first, 50, child) }
	c.Entity.Roles = func(child int) int { return 10 * max(child, 1) }
}
