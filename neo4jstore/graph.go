package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/geokg/geokg"
)

// maxNeighborhoodCenters bounds the entities a neighborhood starts from:
// the expansion's cost grows with each center's degree.
const maxNeighborhoodCenters = 10

// neighborhoodCypher returns the nodes within $depth (1 to 3) hops of the
// entities $ids and every relationship among them: one row of (missing
// [the ids that name no entity], truncated, nodes [nodeProjection], edges
// [weightedEdgeProjection]); nothing is expanded when an id is missing. It
// expands breadth first, one hop per subquery, keeping each node once (at
// its shortest distance from any center), so that its cost is the degree of
// the nodes reached rather than the number of paths, which explodes around
// hub countries. Only relationships of $types are followed and returned
// (all when empty). Events are always passable, being what connects people;
// articles only when $articles; entities only of $kinds when not empty.
// The centers come first in the order of $ids, then nodes by distance, cut
// at $limit; truncated says the cut dropped nodes.
const neighborhoodCypher = `
UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (c:Entity {id: $ids[i]})
WITH i, c ORDER BY i
WITH collect(CASE WHEN c IS NULL THEN $ids[i] END) AS missing, collect(c) AS centers
WITH missing, CASE WHEN size(missing) = 0 THEN centers ELSE [] END AS l0
CALL (l0) {
  UNWIND l0 AS m
  MATCH (m)-[r]-(n)
  WHERE NOT n IN l0 AND (size($types) = 0 OR type(r) IN $types)
    AND (n:Event OR ($articles AND n:Article) OR (n:Entity AND (size($kinds) = 0 OR n.kind IN $kinds)))
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS l1
}
CALL (l0, l1) {
  UNWIND CASE WHEN $depth >= 2 THEN l1 ELSE [] END AS m
  MATCH (m)-[r]-(n)
  WHERE NOT n IN l0 AND NOT n IN l1 AND (size($types) = 0 OR type(r) IN $types)
    AND (n:Event OR ($articles AND n:Article) OR (n:Entity AND (size($kinds) = 0 OR n.kind IN $kinds)))
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS l2
}
CALL (l0, l1, l2) {
  UNWIND CASE WHEN $depth >= 3 THEN l2 ELSE [] END AS m
  MATCH (m)-[r]-(n)
  WHERE NOT n IN l0 AND NOT n IN l1 AND NOT n IN l2 AND (size($types) = 0 OR type(r) IN $types)
    AND (n:Event OR ($articles AND n:Article) OR (n:Entity AND (size($kinds) = 0 OR n.kind IN $kinds)))
  WITH DISTINCT n ORDER BY n.id
  RETURN collect(n) AS l3
}
WITH missing, l0 + l1 + l2 + l3 AS reached
WITH missing, reached[0..$limit] AS ns, size(reached) > $limit AS truncated
CALL (ns) {
  UNWIND ns AS s
  MATCH (s)-[r]->(t)
  WHERE t IN ns AND (size($types) = 0 OR type(r) IN $types)
  RETURN collect(` + weightedEdgeProjection + `) AS edges
}
RETURN missing, truncated, [x IN ns | ` + nodeProjection + `] AS nodes, edges`

// Neighborhood returns the graph around the entities q.IDs (1 to 10), up
// to q.Depth hops (1 to 3) and q.Limit nodes (1 to 500), ready to draw:
// entities (of q.Kinds, when given) and the events linking them, articles
// only when q.WithArticles, following only q.RelationTypes when given. Each
// node's degree counts the returned edges touching it, so a client can size
// nodes without counting; Truncated tells it the budget hid some. Ids that
// name no entity, like other bad arguments, are errors with CodeInvalid
// naming the argument.
func (s *Store) Neighborhood(ctx context.Context, q geokg.NeighborhoodQuery) (geokg.Graph, error) {
	none := geokg.Graph{Nodes: []geokg.Node{}, Edges: []geokg.Edge{}}
	ids := distinctIDs(q.IDs)
	if len(ids) == 0 || len(ids) > maxNeighborhoodCenters {
		return none, geokg.Errorf(geokg.CodeInvalid, "ids: give 1 to %d entity ids, got %d", maxNeighborhoodCenters, len(ids))
	}
	if err := checkRange("depth", q.Depth, 1, maxNeighborhoodDepth); err != nil {
		return none, err
	}
	if err := checkRange("limit", q.Limit, 1, maxNeighborhoodLimit); err != nil {
		return none, err
	}
	ks, err := kindStrings("kinds", q.Kinds)
	if err != nil {
		return none, err
	}
	ts, err := relationTypeParams("relationTypes", q.RelationTypes)
	if err != nil {
		return none, err
	}
	res, err := s.read(ctx, neighborhoodCypher, map[string]any{
		"ids": ids, "depth": q.Depth, "kinds": ks, "types": ts, "limit": q.Limit, "articles": q.WithArticles,
	})
	if err != nil {
		return none, storeError(ctx, "neighborhood", err)
	}
	if len(res.Records) != 1 {
		return none, fmt.Errorf("neighborhood: got %d rows, want 1", len(res.Records))
	}
	rec := res.Records[0]
	if missing, _ := rec.Values[0].([]any); len(missing) > 0 {
		return none, geokg.Errorf(geokg.CodeInvalid, "ids: no entity with id %q", missing[0])
	}
	g := none
	g.Truncated, _ = rec.Values[1].(bool)
	for _, m := range maps(rec.Values[2]) {
		g.Nodes = append(g.Nodes, node(m))
	}
	degree := map[string]int{}
	for _, m := range maps(rec.Values[3]) {
		e := weightedEdge(m)
		g.Edges = append(g.Edges, e)
		degree[e.Source]++
		degree[e.Target]++
	}
	for i := range g.Nodes {
		g.Nodes[i].Degree = degree[g.Nodes[i].ID]
	}
	return g, nil
}

// The paths statements return whether $from and $to are entities and up
// to $cap shortest paths between them no longer than $maxLength: one row
// of (fromFound, toFound, paths [{nodes [nodeProjection], rels
// [tracedEdgeProjection]}]). The search is bounded at 6 hops, the API's
// maximum, because a variable-length bound cannot be a parameter;
// $maxLength then drops longer shortest paths, which gives the same answer
// as a search bounded at $maxLength. The node and relationship predicates
// (nodes on the way of $viaKinds, or events with $viaEvents, or articles
// with $viaArticles; relationships of $types when not empty) are written
// as all(...) over the path so that the planner checks them during the
// breadth-first search (the plan shows them inside ShortestPath, with no
// exhaustive fallback): the paths returned are the shortest among those
// allowed, not shortest paths filtered afterwards. Each relationship comes
// with the sentences of the event it starts from, if any, so every hop is
// traceable to its articles.
const (
	pathsHead = `
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = `
	pathsTail = `((a)-[*..6]-(b))
  WHERE all(x IN nodes(p) WHERE x = a OR x = b
      OR ($viaEvents AND x:Event) OR ($viaArticles AND x:Article) OR (x:Entity AND x.kind IN $viaKinds))
    AND all(r IN relationships(p) WHERE size($types) = 0 OR type(r) IN $types)
  WITH p WHERE length(p) <= $maxLength
  WITH p LIMIT $cap
  CALL (p) {
    UNWIND range(0, length(p) - 1) AS i
    WITH i, relationships(p)[i] AS r
    WITH i, r, startNode(r) AS s
    ORDER BY i
    RETURN collect(` + tracedEdgeProjection + `) AS rels
  }
  RETURN collect({nodes: [x IN nodes(p) | ` + nodeProjection + `], rels: rels}) AS paths
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`
	shortestPathCypher     = pathsHead + `shortestPath` + pathsTail
	allShortestPathsCypher = pathsHead + `allShortestPaths` + pathsTail
)

// Paths returns how entity q.From reaches entity q.To: one shortest path,
// or with q.All every shortest path (at most 10), of at most q.MaxLength
// (1 to 6) relationships; none when the shortest is longer. Only
// relationships of q.RelationTypes count when given. On the way, paths run
// through nodes of the kinds q.Via names, or through entities and events
// when it is empty: not through articles unless asked, since every two
// entities one article mentions would otherwise be two hops apart. Each
// relationship carries its evidence, and an event's link to an entity the
// sentences reporting the event. Unknown ids are errors with CodeInvalid
// naming the argument.
func (s *Store) Paths(ctx context.Context, q geokg.PathQuery) ([]geokg.Path, error) {
	if err := checkRange("maxLength", q.MaxLength, 1, maxPathLength); err != nil {
		return nil, err
	}
	if q.From == q.To {
		return nil, geokg.Errorf(geokg.CodeInvalid, "to: must name another entity than from")
	}
	ts, err := relationTypeParams("relationTypes", q.RelationTypes)
	if err != nil {
		return nil, err
	}
	via, err := viaParams("via", q.Via)
	if err != nil {
		return nil, err
	}
	cypher, limit := shortestPathCypher, 1
	if q.All {
		cypher, limit = allShortestPathsCypher, maxPaths
	}
	params := map[string]any{"from": q.From, "to": q.To, "maxLength": q.MaxLength, "cap": limit, "types": ts}
	for k, v := range via {
		params[k] = v
	}
	res, err := s.read(ctx, cypher, params)
	if err != nil {
		return nil, storeError(ctx, "paths", err)
	}
	if len(res.Records) != 1 {
		return nil, fmt.Errorf("paths: got %d rows, want 1", len(res.Records))
	}
	rec := res.Records[0]
	if found, _ := rec.Values[0].(bool); !found {
		return nil, geokg.Errorf(geokg.CodeInvalid, "from: no entity with id %q", q.From)
	}
	if found, _ := rec.Values[1].(bool); !found {
		return nil, geokg.Errorf(geokg.CodeInvalid, "to: no entity with id %q", q.To)
	}
	paths := []geokg.Path{}
	for _, m := range maps(rec.Values[2]) {
		p := geokg.Path{Nodes: []geokg.Node{}, Relationships: []geokg.Edge{}}
		for _, n := range maps(m["nodes"]) {
			p.Nodes = append(p.Nodes, node(n))
		}
		for _, r := range maps(m["rels"]) {
			p.Relationships = append(p.Relationships, weightedEdge(r))
		}
		paths = append(paths, p)
	}
	return mergeParallelPaths(paths), nil
}

// mergeParallelPaths folds paths that pass the same nodes by relationships
// of the same types into one, whose hops carry the evidence of all of
// them. allShortestPaths returns one path per combination of parallel
// relationships (an office stated by three articles is three HOLDS_ROLE
// relationships), which an analyst reads as the same path repeated.
func mergeParallelPaths(paths []geokg.Path) []geokg.Path {
	var out []geokg.Path
	at := map[string]int{}
	for _, p := range paths {
		var key strings.Builder
		for i, n := range p.Nodes {
			key.WriteString(n.ID)
			if i < len(p.Relationships) {
				key.WriteString(" " + string(p.Relationships[i].Type) + " ")
			}
		}
		k, seen := at[key.String()]
		if !seen {
			at[key.String()] = len(out)
			out = append(out, p)
			continue
		}
		for i, r := range p.Relationships {
			hop := &out[k].Relationships[i]
			for _, ev := range r.Evidence {
				if !slices.Contains(hop.Evidence, ev) {
					hop.Evidence = append(hop.Evidence, ev)
				}
			}
		}
	}
	if out == nil {
		out = []geokg.Path{}
	}
	return out
}

// viaParams turns the node kinds a path may pass through into the paths
// statements' parameters: viaKinds (entity kinds), viaEvents and
// viaArticles. No kinds means entities of every kind and events.
func viaParams(arg string, via []geokg.NodeKind) (map[string]any, error) {
	if len(via) == 0 {
		kinds := make([]string, 0, len(geokg.Kinds))
		for _, k := range geokg.Kinds {
			kinds = append(kinds, string(k))
		}
		return map[string]any{"viaKinds": kinds, "viaEvents": true, "viaArticles": false}, nil
	}
	kinds := []string{}
	events, articles := false, false
	for _, v := range via {
		switch {
		case v == geokg.NodeEvent:
			events = true
		case v == geokg.NodeArticle:
			articles = true
		case geokg.Kind(v).Valid():
			kinds = append(kinds, string(v))
		default:
			return nil, geokg.Errorf(geokg.CodeInvalid, "%s: unknown node kind %q", arg, v)
		}
	}
	return map[string]any{"viaKinds": kinds, "viaEvents": events, "viaArticles": articles}, nil
}

// relationTypeParams checks a relationship-type filter and returns it as
// the list parameter the statements test with type(r) IN $types: a type
// never becomes Cypher text.
func relationTypeParams(arg string, types []geokg.RelationType) ([]string, error) {
	out := make([]string, 0, len(types))
	for _, t := range types {
		if !t.Stored() {
			return nil, geokg.Errorf(geokg.CodeInvalid, "%s: unknown relationship type %q", arg, t)
		}
		out = append(out, string(t))
	}
	return out, nil
}

// distinctIDs returns ids without repeats, in their first order, so that a
// repeated id neither counts twice against a limit nor appears twice.
func distinctIDs(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
