package neo4jstore

import (
	"context"

	"github.com/geokg/geokg"
)

// neighborhoodCypher returns the nodes within $depth (1 to 3) hops of
// entity $id and every relationship among them: one row of (nodes
// [nodeProjection], edges [edgeProjection]), or no row when $id is not an
// entity. It expands breadth first, one hop per subquery, keeping each
// node once (at its shortest distance), so that its cost is the degree of
// the nodes reached rather than the number of paths, which explodes around
// hub countries. Events are always passable, being what connects people;
// articles only when $articles; entities only of $kinds when not empty.
// The center comes first, then nodes by distance, cut at $limit.
const neighborhoodCypher = `
MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)--(n)
  WHERE n <> c AND (n:Event OR ($articles AND n:Article) OR (n:Entity AND (size($kinds) = 0 OR n.kind IN $kinds)))
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS l1
}
CALL (c, l1) {
  UNWIND CASE WHEN $depth >= 2 THEN l1 ELSE [] END AS m
  MATCH (m)--(n)
  WHERE n <> c AND NOT n IN l1
    AND (n:Event OR ($articles AND n:Article) OR (n:Entity AND (size($kinds) = 0 OR n.kind IN $kinds)))
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS l2
}
CALL (c, l1, l2) {
  UNWIND CASE WHEN $depth >= 3 THEN l2 ELSE [] END AS m
  MATCH (m)--(n)
  WHERE n <> c AND NOT n IN l1 AND NOT n IN l2
    AND (n:Event OR ($articles AND n:Article) OR (n:Entity AND (size($kinds) = 0 OR n.kind IN $kinds)))
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS l3
}
WITH ([c] + l1 + l2 + l3)[0..$limit] AS ns
CALL (ns) {
  UNWIND ns AS s
  MATCH (s)-[r]->(t)
  WHERE t IN ns
  RETURN collect(` + edgeProjection + `) AS edges
}
RETURN [x IN ns | ` + nodeProjection + `] AS nodes, edges`

// Neighborhood returns the graph around entity id, up to depth hops (1 to
// 3) and limit nodes (1 to 500), ready to draw: entities (of kinds, when
// given) and the events linking them, and articles only when withArticles.
// An unknown id is an error with CodeInvalid naming the argument.
func (s *Store) Neighborhood(ctx context.Context, id string, depth int, kinds []geokg.Kind, limit int, withArticles bool) (geokg.Graph, error) {
	if err := checkRange("depth", depth, 1, maxNeighborhoodDepth); err != nil {
		return geokg.Graph{}, err
	}
	if err := checkRange("limit", limit, 1, maxNeighborhoodLimit); err != nil {
		return geokg.Graph{}, err
	}
	ks, err := kindStrings("kinds", kinds)
	if err != nil {
		return geokg.Graph{}, err
	}
	res, err := s.read(ctx, neighborhoodCypher, map[string]any{
		"id": id, "depth": depth, "kinds": ks, "limit": limit, "articles": withArticles,
	})
	if err != nil {
		return geokg.Graph{}, storeError(ctx, "neighborhood", err)
	}
	if len(res.Records) == 0 {
		return geokg.Graph{}, geokg.Errorf(geokg.CodeInvalid, "id: no entity with id %q", id)
	}
	rec := res.Records[0]
	g := geokg.Graph{Nodes: []geokg.Node{}, Edges: []geokg.Edge{}}
	for _, m := range maps(rec.Values[0]) {
		g.Nodes = append(g.Nodes, node(m))
	}
	for _, m := range maps(rec.Values[1]) {
		g.Edges = append(g.Edges, edge(m))
	}
	return g, nil
}

// The paths statements return whether $from and $to are entities and up
// to $cap shortest paths between them no longer than $maxLength: one row
// of (fromFound, toFound, paths [{nodes [nodeProjection], rels
// [edgeProjection]}]). The search is bounded at 6 hops, the API's maximum,
// because a variable-length bound cannot be a parameter; $maxLength then
// drops longer shortest paths, which gives the same answer as a search
// bounded at $maxLength. pathsAvoidingArticlesCypher keeps Article nodes
// off the paths (the planner checks the predicate during the search, so
// the paths returned are the shortest among those avoiding articles).
const (
	pathsHead = `
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = allShortestPaths((a)-[*..6]-(b))`
	pathsTail = `
  WITH p WHERE length(p) <= $maxLength
  WITH p LIMIT $cap
  RETURN collect({
    nodes: [x IN nodes(p) | ` + nodeProjection + `],
    rels: [r IN relationships(p) | ` + edgeProjection + `]
  }) AS paths
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`
	pathsAvoidingArticlesCypher = pathsHead + `
  WHERE all(x IN nodes(p) WHERE NOT x:Article)` + pathsTail
	pathsCypher = pathsHead + pathsTail
)

// Paths returns the shortest paths (at most 10) from entity from to entity
// to of at most maxLength (1 to 6) relationships; none when the shortest is
// longer. Paths run through entities and events, and through articles
// only when throughArticles: otherwise every two entities one article
// mentions would be two hops apart. Unknown ids are errors with
// CodeInvalid naming the argument.
func (s *Store) Paths(ctx context.Context, from, to string, maxLength int, throughArticles bool) ([]geokg.Path, error) {
	if err := checkRange("maxLength", maxLength, 1, maxPathLength); err != nil {
		return nil, err
	}
	if from == to {
		return nil, geokg.Errorf(geokg.CodeInvalid, "to: must name another entity than from")
	}
	cypher := pathsAvoidingArticlesCypher
	if throughArticles {
		cypher = pathsCypher
	}
	res, err := s.read(ctx, cypher, map[string]any{"from": from, "to": to, "maxLength": maxLength, "cap": maxPaths})
	if err != nil {
		return nil, storeError(ctx, "paths", err)
	}
	rec := res.Records[0]
	if found, _ := rec.Values[0].(bool); !found {
		return nil, geokg.Errorf(geokg.CodeInvalid, "from: no entity with id %q", from)
	}
	if found, _ := rec.Values[1].(bool); !found {
		return nil, geokg.Errorf(geokg.CodeInvalid, "to: no entity with id %q", to)
	}
	paths := []geokg.Path{}
	for _, m := range maps(rec.Values[2]) {
		p := geokg.Path{Nodes: []geokg.Node{}, Relationships: []geokg.Edge{}}
		for _, n := range maps(m["nodes"]) {
			p.Nodes = append(p.Nodes, node(n))
		}
		for _, r := range maps(m["rels"]) {
			p.Relationships = append(p.Relationships, edge(r))
		}
		paths = append(paths, p)
	}
	return paths, nil
}
