// Package geokg holds the domain of the geopolitical knowledge graph: the
// kinds of entities, the facts the loader extracts from articles (events,
// roles, mentions, each with the sentence it came from) and the error type
// shared by every layer. It imports nothing from the project, so the loader,
// the Neo4j store and the GraphQL layer can all depend on it without
// depending on each other.
package geokg
