package neo4jstore

import (
	"context"
	"strings"

	"github.com/geokg/geokg"
)

// entitiesCypher returns the entities matching the filter parameters in
// the order asked, and how many match: one row of (found, total, the page
// $offset..$offset+$first [{entity, mentions}]), found telling whether
// $country names an entity. A country filter starts from the country's
// own relationships (offices held in it, places part of it, its capital)
// instead of scanning every entity.
const entitiesCypher = `
OPTIONAL MATCH (c:Entity {id: $country})
CALL (c) {
  CALL (c) {
    WITH c WHERE c IS NOT NULL
    MATCH (n:Entity)-[:HOLDS_ROLE|PART_OF|CAPITAL_OF]->(c)
    RETURN DISTINCT n
    UNION
    WITH c WHERE $country = ''
    MATCH (n:Entity)
    RETURN n
  }
  WITH n
  WHERE (size($kinds) = 0 OR n.kind IN $kinds)
    AND ($prefix = '' OR toLower(n.name) STARTS WITH $prefix)
  CALL (n) {
    OPTIONAL MATCH (:Article)-[m:MENTIONS]->(n)
    WHERE $byMentions
    RETURN coalesce(sum(m.count), 0) AS mentions
  }
  WITH n, mentions
  ORDER BY
    CASE WHEN $byMentions AND $desc THEN mentions END DESC,
    CASE WHEN $byMentions AND NOT $desc THEN mentions END ASC,
    CASE WHEN NOT $byMentions AND $desc THEN toLower(n.name) END DESC,
    toLower(n.name), n.id
  WITH collect({entity: properties(n), mentions: mentions}) AS matched
  RETURN size(matched) AS total, matched[$offset..$offset + $first] AS page
}
RETURN $country = '' OR c IS NOT NULL AS found, total, page`

// Entities returns a page of the entities matching f, by name (A first)
// or by how often articles name them (most first), and how many match. An
// unknown f.CountryID is an error with CodeInvalid naming "country".
func (s *Store) Entities(ctx context.Context, f geokg.EntityFilter, p geokg.Page) (geokg.Paged[geokg.Entity], error) {
	none := geokg.Paged[geokg.Entity]{Items: []geokg.Entity{}}
	if err := checkPage(p); err != nil {
		return none, err
	}
	ks, err := kindStrings("kinds", f.Kinds)
	if err != nil {
		return none, err
	}
	var byMentions bool
	switch f.OrderBy {
	case "", geokg.OrderByName:
	case geokg.OrderByMentions:
		byMentions = true
	default:
		return none, geokg.Errorf(geokg.CodeInvalid, "orderBy: unknown field %q", f.OrderBy)
	}
	res, err := s.read(ctx, entitiesCypher, map[string]any{
		"country": f.CountryID, "kinds": ks, "prefix": strings.ToLower(strings.TrimSpace(f.NamePrefix)),
		"byMentions": byMentions, "desc": f.Desc, "first": p.First, "offset": p.Offset,
	})
	if err != nil {
		return none, storeError(ctx, "entities", err)
	}
	rec := res.Records[0]
	if found, _ := rec.Values[0].(bool); !found {
		return none, geokg.Errorf(geokg.CodeInvalid, "country: no entity with id %q", f.CountryID)
	}
	total, _ := rec.Values[1].(int64)
	out := geokg.Paged[geokg.Entity]{Items: []geokg.Entity{}, Total: int(total)}
	for _, m := range maps(rec.Values[2]) {
		out.Items = append(out.Items, entity(asMap(m["entity"])))
	}
	return out, nil
}

// eventsByIDCypher returns the events among $ids: rows of (id,
// eventProjection).
const eventsByIDCypher = `
UNWIND $ids AS id
MATCH (ev:Event {id: id})
RETURN id, ` + eventProjection + ` AS event`

// EventsByID returns the events with these ids, keyed by id; unknown ids
// are absent. One round trip for all ids.
func (s *Store) EventsByID(ctx context.Context, ids []string) (map[string]geokg.EventDetail, error) {
	return readByID(ctx, s, eventsByIDCypher, "events", ids, eventDetail)
}
