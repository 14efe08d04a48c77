package neo4jstore

import (
	"context"

	"github.com/geokg/geokg"
)

// placeDepth bounds how deep a location filter looks for places inside
// the one named: a site in a city in a region in a country is three hops.
// It is text because it is written into eventsCypher's path patterns,
// where a bound cannot be a parameter.
const placeDepth = "6"

// eventsCypher returns the events matching the filter parameters (empty
// ones do not filter), newest (or, with $asc, oldest) first, the page
// $offset..$offset+$first of them and how many match in all, together with
// the filter ids that name no entity: one row of (missing [{arg, id}],
// total, events [eventProjection]). Checking the ids in the same statement
// keeps the list to one round trip.
//
// The candidates come from the one filter $source names (see
// eventSource), through its index or relationships, rather than from
// every event: a participant's INVOLVES, the events in a place and the
// places inside it, a code prefix, a sector, a PLOVER category, a quad
// class; every filter is then checked on them. Each branch starts by
// unwinding a list that is empty unless $source names it, so the others
// read nothing (a WHERE on a parameter alone may be planned after the
// scan it should have spared). A place contains what is
// PART_OF it, however deep up to placeDepth, and its capital
// (CAPITAL_OF), so that Moscow holds the Kremlin and Russia both.
const eventsCypher = `
CALL () {
  UNWIND [w IN [{arg: 'actor', id: $actor}, {arg: 'target', id: $target}, {arg: 'participant', id: $participant},
                {arg: 'location', id: $location}, {arg: 'about', id: $about}] WHERE w.id <> ''] AS want
  OPTIONAL MATCH (n:Entity {id: want.id})
  WITH want, n WHERE n IS NULL
  RETURN collect(want) AS missing
}
CALL (missing) {
  CALL () {
    OPTIONAL MATCH (p:Entity {id: coalesce(nullif($participant, ''), nullif($actor, ''), nullif($target, ''))})
    OPTIONAL MATCH (place:Entity {id: $location})
    CALL (p, place) {
      UNWIND CASE WHEN $source = 'participant' THEN [p] ELSE [] END AS x
      MATCH (ev:Event)-[:INVOLVES]->(x)
      RETURN DISTINCT ev
      UNION
      UNWIND CASE WHEN $source = 'location' THEN [place] ELSE [] END AS x
      MATCH (ev:Event)-[:OCCURRED_IN]->(:Entity)-[:PART_OF|CAPITAL_OF*0..` + placeDepth + `]->(x)
      RETURN DISTINCT ev
      UNION
      UNWIND CASE WHEN $source = 'codes' THEN $codes ELSE [] END AS code
      MATCH (ev:Event) WHERE ev.code STARTS WITH code
      RETURN DISTINCT ev
      UNION
      UNWIND CASE WHEN $source = 'sectors' THEN $sectors ELSE [] END AS sector
      MATCH (ev:Event)-[i:INVOLVES {sector: sector}]->() WHERE i.role = $sectorRole
      RETURN DISTINCT ev
      UNION
      UNWIND CASE WHEN $source = 'plover' THEN $plover ELSE [] END AS plover
      MATCH (ev:Event {plover: plover})
      RETURN ev
      UNION
      UNWIND CASE WHEN $source = 'quadClasses' THEN $quadClasses ELSE [] END AS quad
      MATCH (ev:Event {quadClass: quad})
      RETURN ev
      UNION
      UNWIND CASE WHEN $source = 'all' THEN [1] ELSE [] END AS all
      MATCH (ev:Event)
      RETURN ev
    }
    RETURN ev
  }
  WITH ev
  WHERE size(missing) = 0
    AND (size($types) = 0 OR ev.type IN $types)
    AND ($from = '' OR ev.date >= $from)
    AND ($to = '' OR ev.date <= $to)
    AND ($participant = '' OR EXISTS { (ev)-[:INVOLVES]->(:Entity {id: $participant}) })
    AND ($actor = '' OR EXISTS {
      MATCH (ev)-[i:INVOLVES {role: 'actor'}]->(:Entity {id: $actor})
      WHERE size($actorSectors) = 0 OR i.sector IN $actorSectors })
    AND (size($actorSectors) = 0 OR EXISTS {
      MATCH (ev)-[i:INVOLVES {role: 'actor'}]->() WHERE i.sector IN $actorSectors })
    AND ($target = '' OR EXISTS {
      MATCH (ev)-[i:INVOLVES {role: 'target'}]->(:Entity {id: $target})
      WHERE size($targetSectors) = 0 OR i.sector IN $targetSectors })
    AND (size($targetSectors) = 0 OR EXISTS {
      MATCH (ev)-[i:INVOLVES {role: 'target'}]->() WHERE i.sector IN $targetSectors })
    AND ($location = '' OR EXISTS {
      MATCH (ev)-[:OCCURRED_IN]->(:Entity)-[:PART_OF|CAPITAL_OF*0..` + placeDepth + `]->(:Entity {id: $location}) })
    AND ($about = '' OR EXISTS { (ev)-[:ABOUT]->(:Entity {id: $about}) })
    AND (size($codes) = 0 OR any(code IN $codes WHERE ev.code STARTS WITH code))
    AND (size($quadClasses) = 0 OR ev.quadClass IN $quadClasses)
    AND (size($plover) = 0 OR ev.plover IN $plover)
    AND ($goldsteinMin IS NULL OR ev.goldstein >= $goldsteinMin)
    AND ($goldsteinMax IS NULL OR ev.goldstein <= $goldsteinMax)
  WITH ev
  ORDER BY CASE WHEN $asc THEN coalesce(ev.date, '') END ASC, CASE WHEN NOT $asc THEN coalesce(ev.date, '') END DESC, ev.id
  WITH collect(ev) AS matched
  RETURN size(matched) AS total, [ev IN matched[$offset..$offset + $first] | ` + eventProjection + `] AS events
}
RETURN missing, total, events`

// Events returns a page of the events matching f, newest first (oldest
// with f.Ascending), with participants, conflicts, place and evidence, and
// how many match in all, in one round trip. A filter id that names no
// entity, or a filter value outside its enum or range, is an error with
// CodeInvalid naming the argument.
//
// Events stored before events had full codes carry none and match no
// filter on codes, quad classes, PLOVER categories or Goldstein scores
// until their articles are loaded again (a change of extractor or
// knowledge base reloads every article).
func (s *Store) Events(ctx context.Context, f geokg.EventFilter, p geokg.Page) (geokg.Paged[geokg.EventDetail], error) {
	none := geokg.Paged[geokg.EventDetail]{Items: []geokg.EventDetail{}}
	if err := checkPage(p); err != nil {
		return none, err
	}
	params, err := eventParams(f)
	if err != nil {
		return none, err
	}
	params["offset"], params["first"] = p.Offset, p.First
	res, err := s.read(ctx, eventsCypher, params)
	if err != nil {
		return none, storeError(ctx, "events", err)
	}
	if len(res.Records) == 0 {
		return none, nil
	}
	rec := res.Records[0]
	if missing := maps(rec.Values[0]); len(missing) > 0 {
		return none, geokg.Errorf(geokg.CodeInvalid, "%s: no entity with id %q", str(missing[0], "arg"), str(missing[0], "id"))
	}
	total, _ := rec.Values[1].(int64)
	return geokg.Paged[geokg.EventDetail]{Items: eventDetails(rec.Values[2]), Total: int(total)}, nil
}

// eventParams checks f against the fixed enums and ranges and returns the
// parameters of eventsCypher, page aside.
func eventParams(f geokg.EventFilter) (map[string]any, error) {
	types := make([]string, 0, len(f.Types))
	for _, t := range f.Types {
		if !geokg.KnownEventType(t) {
			return nil, geokg.Errorf(geokg.CodeInvalid, "types: unknown event type %q", t)
		}
		types = append(types, t)
	}
	from, to, err := dateRange("from", f.From, "to", f.To)
	if err != nil {
		return nil, err
	}
	codes := make([]string, 0, len(f.Codes))
	for _, c := range f.Codes {
		// A prefix is a code itself: a root and up to two more digits. One
		// digit would match across roots ("1" is every root from 10 to
		// 19), which no user of CAMEO means.
		if !codePattern.MatchString(c) {
			return nil, geokg.Errorf(geokg.CodeInvalid, "codes: want a CAMEO code or prefix of 2 to 4 digits under a root 01 to 20, such as \"19\" or \"195\", got %q", c)
		}
		codes = append(codes, c)
	}
	quads := make([]int, 0, len(f.QuadClasses))
	for _, q := range f.QuadClasses {
		if q < geokg.QuadVerbalCooperation || q > geokg.QuadMaterialConflict {
			return nil, geokg.Errorf(geokg.CodeInvalid, "quadClasses: unknown quad class %d", q)
		}
		quads = append(quads, q)
	}
	plover := make([]string, 0, len(f.Plover))
	for _, c := range f.Plover {
		if !geokg.KnownPlover(c) {
			return nil, geokg.Errorf(geokg.CodeInvalid, "plover: unknown PLOVER category %q", c)
		}
		plover = append(plover, c)
	}
	var bounds [2]any
	for i, b := range []struct {
		arg string
		v   *float64
	}{{"goldsteinAtLeast", f.GoldsteinAtLeast}, {"goldsteinAtMost", f.GoldsteinAtMost}} {
		if b.v == nil {
			continue
		}
		if *b.v < -10 || *b.v > 10 {
			return nil, geokg.Errorf(geokg.CodeInvalid, "%s: must be between -10 and 10, got %v", b.arg, *b.v)
		}
		bounds[i] = *b.v
	}
	if f.GoldsteinAtLeast != nil && f.GoldsteinAtMost != nil && *f.GoldsteinAtMost < *f.GoldsteinAtLeast {
		return nil, geokg.Errorf(geokg.CodeInvalid, "goldsteinAtMost: %v is below goldsteinAtLeast %v", *f.GoldsteinAtMost, *f.GoldsteinAtLeast)
	}
	actorSectors, err := sectorStrings("actorSectors", f.ActorSectors)
	if err != nil {
		return nil, err
	}
	targetSectors, err := sectorStrings("targetSectors", f.TargetSectors)
	if err != nil {
		return nil, err
	}
	params := map[string]any{
		"types": types, "actor": f.ActorID, "target": f.TargetID, "participant": f.ParticipantID,
		"location": f.LocationID, "about": f.AboutID, "from": from, "to": to, "asc": f.Ascending,
		"codes": codes, "quadClasses": quads, "plover": plover, "goldsteinMin": bounds[0], "goldsteinMax": bounds[1],
		"actorSectors": actorSectors, "targetSectors": targetSectors,
	}
	params["source"], params["sectors"], params["sectorRole"] = eventSource(f, actorSectors, targetSectors)
	return params, nil
}

// eventSource names where eventsCypher takes its candidates from: the
// filter likeliest to select few events that has an index or relationships
// to start from. With a sector filter it also returns the sectors and the
// role they are for.
func eventSource(f geokg.EventFilter, actorSectors, targetSectors []string) (source string, sectors []string, role string) {
	switch {
	case f.ParticipantID != "" || f.ActorID != "" || f.TargetID != "":
		return "participant", nil, ""
	case f.LocationID != "":
		return "location", nil, ""
	case len(f.Codes) > 0:
		return "codes", nil, ""
	case len(actorSectors) > 0:
		return "sectors", actorSectors, string(geokg.RoleActor)
	case len(targetSectors) > 0:
		return "sectors", targetSectors, string(geokg.RoleTarget)
	case len(f.Plover) > 0:
		return "plover", nil, ""
	case len(f.QuadClasses) > 0:
		return "quadClasses", nil, ""
	}
	return "all", nil, ""
}

// sectorStrings checks sectors against geokg.Sectors; they reach Cypher
// only as a list parameter.
func sectorStrings(arg string, sectors []geokg.Sector) ([]string, error) {
	out := make([]string, 0, len(sectors))
	for _, s := range sectors {
		if !s.Valid() {
			return nil, geokg.Errorf(geokg.CodeInvalid, "%s: unknown sector %q", arg, s)
		}
		out = append(out, string(s))
	}
	return out, nil
}
