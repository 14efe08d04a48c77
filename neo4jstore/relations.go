package neo4jstore

import (
	"context"
	"fmt"

	"github.com/geokg/geokg"
)

// This file answers how entities relate to each other beyond a single
// relationship: what two entities have in common, who is named alongside
// whom, and who fights in which conflict.

// commonNeighborsCypher returns the entities (of $kinds when not empty)
// linked to both entity $a and entity $b, and how: one row of (aFound,
// bFound, total, items [{entity, viaA [tracedEdgeProjection], viaB
// [...]}]) with the page $offset..$offset+$first of the items. A link is
// either one relationship between the two entities (any but an article's
// or a report's, which join entities to articles and not to each other) or
// one event linked to both, whose link consists of the event's
// relationships to the neighbor and to a (or b): so each link names the
// event and carries its sentences. Neighbors come most links first, then
// by name. Only the page is projected; the rest is counted.
const commonNeighborsCypher = `
OPTIONAL MATCH (a:Entity {id: $a})
OPTIONAL MATCH (b:Entity {id: $b})
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  UNWIND [{end: a, side: 'a'}, {end: b, side: 'b'}] AS e
  WITH a, b, e.end AS n, e.side AS side
  CALL (a, b, n) {
    MATCH (n)-[r]-(x:Entity)
    WHERE x <> a AND x <> b AND NOT type(r) IN ['MENTIONS', 'WRITTEN_BY', 'REPORTED_IN']
      AND (size($kinds) = 0 OR x.kind IN $kinds)
    RETURN x, [r] AS link
    UNION ALL
    MATCH (n)<-[rn]-(ev:Event)-[rx]->(x:Entity)
    WHERE x <> a AND x <> b AND (size($kinds) = 0 OR x.kind IN $kinds)
    WITH x, ev, collect(DISTINCT rx) + collect(DISTINCT rn) AS link
    RETURN x, link
  }
  WITH x, collect(CASE WHEN side = 'a' THEN link END) AS linksA, collect(CASE WHEN side = 'b' THEN link END) AS linksB
  WHERE size(linksA) > 0 AND size(linksB) > 0
  WITH x, linksA, linksB
  ORDER BY size(linksA) + size(linksB) DESC, x.name, x.id
  WITH collect({x: x, viaA: reduce(l = [], k IN linksA | l + k), viaB: reduce(l = [], k IN linksB | l + k)}) AS matches
  WITH size(matches) AS total, matches[$offset..$offset + $first] AS page
  CALL (page) {
    UNWIND page AS item
    CALL (item) {
      UNWIND item.viaA AS r
      WITH r, startNode(r) AS s
      ORDER BY s.id, endNode(r).id, type(r)
      RETURN collect(` + tracedEdgeProjection + `) AS viaA
    }
    CALL (item) {
      UNWIND item.viaB AS r
      WITH r, startNode(r) AS s
      ORDER BY s.id, endNode(r).id, type(r)
      RETURN collect(` + tracedEdgeProjection + `) AS viaB
    }
    RETURN collect({entity: properties(item.x), viaA: viaA, viaB: viaB}) AS items
  }
  RETURN total, items
}
RETURN a IS NOT NULL AS aFound, b IS NOT NULL AS bFound, coalesce(total, 0) AS total, coalesce(items, []) AS items`

// CommonNeighbors returns a page of the entities (of kinds, when given)
// linked to both entity a and entity b, directly or through one event they
// share, most links first, each with the edges joining it to a (ViaA) and
// to b (ViaB): a direct relationship, or the event's relationships to it
// and to a or b, with the sentences reporting the event. Total counts every
// such entity. Unknown ids are errors with CodeInvalid naming the argument.
func (s *Store) CommonNeighbors(ctx context.Context, a, b string, kinds []geokg.Kind, p geokg.Page) (geokg.Paged[geokg.CommonNeighbor], error) {
	none := geokg.Paged[geokg.CommonNeighbor]{Items: []geokg.CommonNeighbor{}}
	if err := checkPage(p); err != nil {
		return none, err
	}
	if a == b {
		return none, geokg.Errorf(geokg.CodeInvalid, "b: must name another entity than a")
	}
	ks, err := kindStrings("kinds", kinds)
	if err != nil {
		return none, err
	}
	res, err := s.read(ctx, commonNeighborsCypher, map[string]any{
		"a": a, "b": b, "kinds": ks, "offset": p.Offset, "first": p.First,
	})
	if err != nil {
		return none, storeError(ctx, "common neighbors", err)
	}
	if len(res.Records) != 1 {
		return none, fmt.Errorf("common neighbors: got %d rows, want 1", len(res.Records))
	}
	rec := res.Records[0]
	if found, _ := rec.Values[0].(bool); !found {
		return none, geokg.Errorf(geokg.CodeInvalid, "a: no entity with id %q", a)
	}
	if found, _ := rec.Values[1].(bool); !found {
		return none, geokg.Errorf(geokg.CodeInvalid, "b: no entity with id %q", b)
	}
	total, _ := rec.Values[2].(int64)
	out := geokg.Paged[geokg.CommonNeighbor]{Items: []geokg.CommonNeighbor{}, Total: int(total)}
	for _, m := range maps(rec.Values[3]) {
		n := geokg.CommonNeighbor{Entity: entity(asMap(m["entity"])), ViaA: []geokg.Edge{}, ViaB: []geokg.Edge{}}
		for _, e := range maps(m["viaA"]) {
			n.ViaA = append(n.ViaA, weightedEdge(e))
		}
		for _, e := range maps(m["viaB"]) {
			n.ViaB = append(n.ViaB, weightedEdge(e))
		}
		out.Items = append(out.Items, n)
	}
	return out, nil
}

// coMentionsOfCypher returns, for each entity in $ids, the other entities
// (of $kinds when not empty) that articles mentioning it also mention,
// most shared articles first, then by name: rows of (id, total, items
// [{entity, shared, articles}]) with the page $offset..$offset+$first of
// the items, each with up to ten shared article ids, newest first.
const coMentionsOfCypher = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(o:Entity)
  WHERE o <> n AND (size($kinds) = 0 OR o.kind IN $kinds)
  WITH o, a ORDER BY coalesce(a.published, '') DESC, a.id
  WITH o, collect(a.id) AS articles
  ORDER BY size(articles) DESC, o.name, o.id
  WITH collect({o: o, shared: size(articles), articles: articles[0..10]}) AS matches
  RETURN size(matches) AS total,
    [c IN matches[$offset..$offset + $first] | {entity: properties(c.o), shared: c.shared, articles: c.articles}] AS items
}
RETURN id, total, items`

// CoMentionsOf returns, for each entity id, a page of the entities named by
// the same articles (of kinds, when given), ranked by how many articles
// they share, with up to ten of those articles, newest first, and how many
// entities share an article with it in all. Unknown ids are absent from
// the map. One round trip for all ids.
func (s *Store) CoMentionsOf(ctx context.Context, ids []string, kinds []geokg.Kind, p geokg.Page) (map[string]geokg.Paged[geokg.CoMention], error) {
	if err := checkPage(p); err != nil {
		return nil, err
	}
	ks, err := kindStrings("kinds", kinds)
	if err != nil {
		return nil, err
	}
	res, err := s.read(ctx, coMentionsOfCypher, map[string]any{
		"ids": distinctIDs(ids), "kinds": ks, "offset": p.Offset, "first": p.First,
	})
	if err != nil {
		return nil, storeError(ctx, "co-mentions", err)
	}
	out := make(map[string]geokg.Paged[geokg.CoMention], len(res.Records))
	for _, rec := range res.Records {
		id, _ := rec.Values[0].(string)
		total, _ := rec.Values[1].(int64)
		page := geokg.Paged[geokg.CoMention]{Items: []geokg.CoMention{}, Total: int(total)}
		for _, m := range maps(rec.Values[2]) {
			page.Items = append(page.Items, geokg.CoMention{
				Entity:         entity(asMap(m["entity"])),
				SharedArticles: integer(m, "shared"),
				ArticleIDs:     strList(m, "articles"),
			})
		}
		out[id] = page
	}
	return out, nil
}

// partiesOfCypher returns, for each entity in $ids, its conflict-party
// facts (a Conflict's INVOLVES {side} relationships to the entities taking
// part): for a conflict its parties, by side then name; for a country or
// organization the conflicts it is a party to, latest start first, keeping
// those going on at some time between the years $from and $to (0 leaves a
// bound open). Dates are text, "YYYY-MM-DD" or "YYYY", so years are read
// from their first four characters; a conflict without an end is going on,
// and one whose years cannot be read is kept rather than silently lost.
// Rows of (id, total, items [{conflict, party, side}]) with the page
// $offset..$offset+$first of the items. A party stated by several sources
// appears once per side.
const partiesOfCypher = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[i:INVOLVES]->(p:Entity)
  WHERE n.kind = 'Conflict'
  WITH DISTINCT p, coalesce(i.side, '') AS side
  ORDER BY side, p.name, p.id
  RETURN collect({conflict: n, party: p, side: side}) AS asConflict
}
CALL (n) {
  MATCH (n)<-[i:INVOLVES]-(c:Entity)
  WHERE c.kind = 'Conflict' AND n.kind IN ['Country', 'Organization']
    AND ($to = 0 OR coalesce(toInteger(left(c.start, 4)) <= $to, true))
    AND ($from = 0 OR coalesce(c.end, '') = '' OR coalesce(toInteger(left(c.end, 4)) >= $from, true))
  WITH DISTINCT c, coalesce(i.side, '') AS side
  ORDER BY coalesce(c.start, '') DESC, c.name, c.id, side
  RETURN collect({conflict: c, party: n, side: side}) AS asParty
}
WITH id, asConflict + asParty AS matches
RETURN id, size(matches) AS total,
  [x IN matches[$offset..$offset + $first] | {conflict: properties(x.conflict), party: properties(x.party), side: x.side}] AS items`

// PartiesOf returns, for each conflict id, a page of its parties with
// their sides; for each country or organization id, a page of the
// conflicts it is a party to that were going on at some time between
// fromYear and toYear (0 for an open bound), latest first. Total counts
// them all. Unknown ids are absent from the map; other entities have no
// parties. One round trip for all ids.
func (s *Store) PartiesOf(ctx context.Context, ids []string, fromYear, toYear int, p geokg.Page) (map[string]geokg.Paged[geokg.Party], error) {
	if err := checkPage(p); err != nil {
		return nil, err
	}
	if fromYear < 0 {
		return nil, geokg.Errorf(geokg.CodeInvalid, "fromYear: must be a year, got %d", fromYear)
	}
	if toYear < 0 {
		return nil, geokg.Errorf(geokg.CodeInvalid, "toYear: must be a year, got %d", toYear)
	}
	if fromYear > 0 && toYear > 0 && toYear < fromYear {
		return nil, geokg.Errorf(geokg.CodeInvalid, "toYear: %d is before fromYear %d", toYear, fromYear)
	}
	res, err := s.read(ctx, partiesOfCypher, map[string]any{
		"ids": distinctIDs(ids), "from": fromYear, "to": toYear, "offset": p.Offset, "first": p.First,
	})
	if err != nil {
		return nil, storeError(ctx, "parties", err)
	}
	out := make(map[string]geokg.Paged[geokg.Party], len(res.Records))
	for _, rec := range res.Records {
		id, _ := rec.Values[0].(string)
		total, _ := rec.Values[1].(int64)
		page := geokg.Paged[geokg.Party]{Items: []geokg.Party{}, Total: int(total)}
		for _, m := range maps(rec.Values[2]) {
			page.Items = append(page.Items, geokg.Party{
				Conflict: entity(asMap(m["conflict"])),
				Entity:   entity(asMap(m["party"])),
				Side:     str(m, "side"),
			})
		}
		out[id] = page
	}
	return out, nil
}
