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
	"github.com/geokg/geokg/graph/model"
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
	// IngestToken is the bearer token ingestArticle needs; empty turns
	// ingestion off.
	IngestToken string
	// Ingester reads and stores an ingested article; nil turns ingestion
	// off.
	Ingester geokg.Ingester
}

// NewHandler returns the GraphQL endpoint (POST and GET) reading from g.
// Every operation gets its own deadline and its own dataloaders; errors go
// through presentError; repeated queries can be sent as their hash
// (automatic persisted queries). Mutations need the bearer token of
// opts.IngestToken and are refused over GET.
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
	cfg := Config{Resolvers: &Resolver{Graph: g, Ingester: opts.Ingester}}
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
	return withAuth(opts.IngestToken, srv)
}

// setComplexity makes lists cost what they may return: their first (or
// limit) times the cost of one element, so that the complexity limit
// rejects a query that nests large lists before it reaches Neo4j.
func setComplexity(c *ComplexityRoot) {
	times := func(n *int, def, child int) int { return intOr(n, def) * max(child, 1) }
	q := &c.Query
	q.Search = func(child int, _ string, _ []geokg.Kind, first *int, _ *string) int { return times(first, 10, child) }
	q.Neighborhood = func(child int, ids []string, _ *int, _ []geokg.Kind, _ []geokg.RelationType, limit *int, _ *bool) int {
		return times(limit, 100, 1)*max(len(ids), 1) + child
	}
	q.Paths = func(child int, _, _ string, _ *int, _ *bool, _ []geokg.RelationType, _ []geokg.NodeKind) int {
		return 10 * max(child, 1)
	}
	q.Nodes = func(child int, ids []string) int { return max(len(ids), 1) * max(child, 1) }
	q.Entities = func(child int, _ *model.EntityFilter, _ *model.EntityOrder, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	q.Articles = func(child int, _ *model.ArticleFilter, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	q.Events = func(child int, _ *model.EventFilter, _ *model.EventOrder, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	q.Timeline = func(child int, _ string, _, _ *string, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	q.Offices = func(child int, _, _, _ *string, first *int, _ *string) int { return times(first, defaultFirst, child) }
	q.CommonNeighbors = func(child int, _, _ string, _ []geokg.Kind, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}

	rels := func(child int, _ []geokg.RelationType, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	events := func(child int, _ *geokg.ParticipantRole, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	co := func(child int, _ []geokg.Kind, first *int, _ *string) int { return times(first, defaultFirst, child) }
	offices := func(child int, _, _ *string, first *int, _ *string) int { return times(first, defaultFirst, child) }
	parties := func(child int, _, _ *int, first *int, _ *string) int { return times(first, defaultFirst, child) }

	c.Person.Relationships, c.Person.Events, c.Person.CoMentions = rels, events, co
	c.Person.Offices = func(child int, _ *string, first *int, _ *string) int { return times(first, defaultFirst, child) }
	c.Country.Relationships, c.Country.Events, c.Country.CoMentions = rels, events, co
	c.Country.Offices, c.Country.Conflicts = offices, parties
	c.Organization.Relationships, c.Organization.Events, c.Organization.CoMentions = rels, events, co
	c.Organization.Offices, c.Organization.Conflicts = offices, parties
	c.Location.Relationships, c.Location.Events, c.Location.CoMentions = rels, events, co
	c.Conflict.Relationships, c.Conflict.Events, c.Conflict.CoMentions = rels, events, co
	c.Conflict.Parties = func(child int, first *int, _ *string) int { return times(first, defaultFirst, child) }
}
