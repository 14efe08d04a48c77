// Package graph serves the knowledge graph over GraphQL with gqlgen. The
// schema is schema.graphqls at the repository root; generated.go and the
// model package are generated from it. Resolvers are thin: they turn ids
// and cursors into store keys and pages (relay.go), pass them to a
// geokg.GraphReader, which validates them and names the wrong ones, and
// wrap the answers in connections; errors reach clients through one
// presenter (errors.go); per-operation dataloaders (loaders.go) batch the
// fields of lists into one query per field.
package graph

//go:generate go tool gqlgen generate

import "github.com/geokg/geokg"

// Resolver holds what the resolvers depend on: the graph to read, and
// what ingests articles (nil when the server cannot write).
type Resolver struct {
	Graph    geokg.GraphReader
	Ingester geokg.Ingester
}
