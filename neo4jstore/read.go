package neo4jstore

import (
	"cmp"
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/geokg/geokg"
)

// Input limits. Argument names in error messages are the GraphQL ones, so
// the API can pass these errors through as they are.
const (
	maxFirst             = 100
	maxNeighborhoodDepth = 3
	maxNeighborhoodLimit = 500
	maxPathLength        = 6
	maxPaths             = 10
)

func checkRange(arg string, v, lo, hi int) error {
	if v < lo || v > hi {
		return geokg.Errorf(geokg.CodeInvalid, "%s: must be between %d and %d, got %d", arg, lo, hi, v)
	}
	return nil
}

func kindStrings(arg string, kinds []geokg.Kind) ([]string, error) {
	out := make([]string, 0, len(kinds))
	for _, k := range kinds {
		if !k.Valid() {
			return nil, geokg.Errorf(geokg.CodeInvalid, "%s: unknown entity kind %q", arg, k)
		}
		out = append(out, string(k))
	}
	return out, nil
}

func checkRole(arg string, r geokg.ParticipantRole) error {
	switch r {
	case "", geokg.RoleActor, geokg.RoleTarget, geokg.RoleParticipant:
		return nil
	}
	return geokg.Errorf(geokg.CodeInvalid, "%s: unknown participant role %q", arg, r)
}

// entitiesByIDCypher returns the properties of the entities among $ids:
// rows of (id, entity).
const entitiesByIDCypher = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, properties(n) AS entity`

// EntitiesByID returns the entities with these ids, keyed by id; unknown
// ids are absent. One round trip for all ids.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) (map[string]geokg.Entity, error) {
	return readByID(ctx, s, entitiesByIDCypher, "entities", ids, entity)
}

// mentionCountsCypher returns how often all articles together name each
// entity among $ids: rows of (id, count).
const mentionCountsCypher = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (:Article)-[m:MENTIONS]->(n)
  RETURN coalesce(sum(m.count), 0) AS count
}
RETURN id, count`

// MentionCounts returns, for each id, how many times articles name the
// entity. One round trip for all ids.
func (s *Store) MentionCounts(ctx context.Context, ids []string) (map[string]int, error) {
	res, err := s.read(ctx, mentionCountsCypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, storeError(ctx, "mention counts", err)
	}
	out := make(map[string]int, len(res.Records))
	for _, rec := range res.Records {
		id, _ := rec.Values[0].(string)
		n, _ := rec.Values[1].(int64)
		out[id] = int(n)
	}
	return out, nil
}

// entityByNameCypher returns the properties of the entity whose name or an
// alias equals $lower (lower-cased), found through the full-text index by
// the phrase $phrase rather than by scanning every entity: at most one row,
// preferring a name over an alias match, then the more certain entity.
const entityByNameCypher = `
CALL db.index.fulltext.queryNodes('entity_names', $phrase) YIELD node, score
WITH node, score
WHERE toLower(node.name) = $lower OR $lower IN [a IN coalesce(node.aliases, []) | toLower(a)]
RETURN properties(node) AS entity
ORDER BY CASE WHEN toLower(node.name) = $lower THEN 0 ELSE 1 END, node.confidence DESC, score DESC, node.id
LIMIT 1`

// EntityByName returns the entity whose name or an alias equals name,
// ignoring case; when several do, the one named so (rather than aliased)
// and most certain. It returns an error with CodeNotFound when none does.
func (s *Store) EntityByName(ctx context.Context, name string) (geokg.Entity, error) {
	tokens := searchTokens(name)
	if len(tokens) == 0 {
		return geokg.Entity{}, geokg.Errorf(geokg.CodeNotFound, "no entity named %q", name)
	}
	params := map[string]any{
		"phrase": `"` + strings.Join(tokens, " ") + `"`,
		"lower":  strings.ToLower(strings.Join(strings.Fields(name), " ")),
	}
	res, err := s.read(ctx, entityByNameCypher, params)
	if err != nil {
		return geokg.Entity{}, storeError(ctx, "entity by name", err)
	}
	if len(res.Records) == 0 {
		return geokg.Entity{}, geokg.Errorf(geokg.CodeNotFound, "no entity named %q", name)
	}
	return entity(asMap(res.Records[0].Values[0])), nil
}

// searchCypher returns entities matching the Lucene query $query on the
// entity_names index, best first, optionally only of $kinds: one row of
// (total, [{entity, score}]) with the page $offset..$offset+$first. At
// most searchCap hits are ranked, which bounds the work of a vague query.
const searchCypher = `
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $cap}) YIELD node, score
WITH node, score
WHERE size($kinds) = 0 OR node.kind IN $kinds
WITH collect({entity: properties(node), score: score}) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $first] AS page`

// searchCap is how many hits a search ranks at most.
const searchCap = 1000

// Search finds entities by name or alias on the full-text index, ranked by
// relevance: the whole phrase first, then all words, then words within an
// edit or two (so "Lavrof" finds "Lavrov"). The text is split into words
// and each is escaped, so Lucene syntax in user input is matched literally.
// Each hit says which alias matched, so a user sees why "Kremlin" found
// Russia.
func (s *Store) Search(ctx context.Context, text string, kinds []geokg.Kind, p geokg.Page) (geokg.Paged[geokg.SearchHit], error) {
	none := geokg.Paged[geokg.SearchHit]{Items: []geokg.SearchHit{}}
	if err := checkPage(p); err != nil {
		return none, err
	}
	ks, err := kindStrings("kinds", kinds)
	if err != nil {
		return none, err
	}
	query := luceneQuery(text)
	if query == "" {
		return none, geokg.Errorf(geokg.CodeInvalid, "text: must contain a letter or digit")
	}
	res, err := s.read(ctx, searchCypher, map[string]any{"query": query, "kinds": ks, "first": p.First, "offset": p.Offset, "cap": searchCap})
	if err != nil {
		return none, storeError(ctx, "search", err)
	}
	if len(res.Records) == 0 {
		return none, nil
	}
	total, _ := res.Records[0].Values[0].(int64)
	out := geokg.Paged[geokg.SearchHit]{Items: []geokg.SearchHit{}, Total: int(total)}
	for _, m := range maps(res.Records[0].Values[1]) {
		e := entity(asMap(m["entity"]))
		out.Items = append(out.Items, geokg.SearchHit{Entity: e, Score: float(m, "score"), MatchedAlias: matchedAlias(e, text)})
	}
	return out, nil
}

// searchTokens splits text into lower-cased words of letters and digits,
// each escaped for Lucene. Splitting already drops every special character;
// the escaping keeps that true if the split rule ever loosens.
func searchTokens(text string) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !isWordRune(r)
	})
	for i, w := range words {
		words[i] = escapeLucene(w)
	}
	return words
}

// luceneQuery builds the ranked query for Search: the exact phrase boosted
// most, then all words, then each word fuzzily (one edit for words of four
// to six letters, two beyond; shorter words must match) or as a prefix.
func luceneQuery(text string) string {
	words := searchTokens(text)
	if len(words) == 0 {
		return ""
	}
	var fuzzy []string
	for _, w := range words {
		n := len([]rune(w))
		switch {
		case n >= 7:
			fuzzy = append(fuzzy, w+"~2")
		case n >= 4:
			fuzzy = append(fuzzy, w+"~1")
		default:
			fuzzy = append(fuzzy, w)
		}
	}
	last := words[len(words)-1]
	parts := []string{
		`"` + strings.Join(words, " ") + `"^4`,
		"(" + strings.Join(words, " AND ") + ")^2",
		"(" + strings.Join(fuzzy, " ") + ")",
	}
	if len([]rune(last)) >= 3 {
		parts = append(parts, last+"*")
	}
	return strings.Join(parts, " OR ")
}

// escapeLucene backslash-escapes Lucene's special characters.
func escapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// matchedAlias returns the alias of e closest to text, or "" when the name
// is at least as close: it tells a user why "Kremlin" found Russia.
func matchedAlias(e geokg.Entity, text string) string {
	q := strings.ToLower(strings.Join(strings.Fields(text), " "))
	best, bestScore := "", similarity(strings.ToLower(e.Name), q)
	for _, a := range e.Aliases {
		if s := similarity(strings.ToLower(a), q); s > bestScore {
			best, bestScore = a, s
		}
	}
	return best
}

// similarity scores how well candidate matches query, from 0 to 1: equal
// is 1, containing the query 0.9, otherwise one minus the edit distance
// relative to the longer string.
func similarity(candidate, query string) float64 {
	switch {
	case candidate == query:
		return 1
	case query != "" && strings.Contains(candidate, query):
		return 0.9
	}
	a, b := []rune(candidate), []rune(query)
	n := max(len(a), len(b))
	if n == 0 {
		return 0
	}
	return 0.8 * (1 - float64(levenshtein(a, b))/float64(n))
}

func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// relationshipsOfCypher returns, for each entity in $ids, how many
// relationships of $types (all when empty) it has and the page
// $offset..$offset+$first of them, each with the node at the other end and
// whether it points away from the entity: rows of (id, total, [{rel,
// other, out}]). Facts between entities come first, then events,
// authorship and mentions (most mentions first).
const relationshipsOfCypher = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(x)
  WHERE size($types) = 0 OR type(r) IN $types
  WITH n, r, x
  ORDER BY CASE type(r)
      WHEN 'HOLDS_ROLE' THEN 0 WHEN 'PART_OF' THEN 1 WHEN 'CAPITAL_OF' THEN 2 WHEN 'INVOLVES' THEN 3
      WHEN 'ABOUT' THEN 4 WHEN 'OCCURRED_IN' THEN 5 WHEN 'WRITTEN_BY' THEN 6 ELSE 7 END,
    coalesce(r.count, 0) DESC, coalesce(x.date, x.published, '') DESC, x.id, elementId(r)
  WITH collect({r: r, x: x, out: startNode(r) = n}) AS matched
  CALL (matched) {
    UNWIND matched[$offset..$offset + $first] AS e
    WITH e.r AS r, e.x AS x, e.out AS out
    RETURN collect({rel: ` + edgeProjection + `, other: ` + nodeProjection + `, out: out}) AS rels
  }
  RETURN size(matched) AS total, rels
}
RETURN id, total, rels`

// RelationshipsOf returns, for each id, a page of the entity's
// relationships of the given types (or all) as the entity sees them, and
// how many there are. Unknown ids are absent from the map. One round trip
// for all ids.
func (s *Store) RelationshipsOf(ctx context.Context, ids []string, types []geokg.RelationType, p geokg.Page) (map[string]geokg.Paged[geokg.Relationship], error) {
	if err := checkPage(p); err != nil {
		return nil, err
	}
	ts, err := relTypeStrings("types", types)
	if err != nil {
		return nil, err
	}
	res, err := s.read(ctx, relationshipsOfCypher, map[string]any{"ids": ids, "types": ts, "first": p.First, "offset": p.Offset})
	if err != nil {
		return nil, storeError(ctx, "relationships", err)
	}
	out := make(map[string]geokg.Paged[geokg.Relationship], len(res.Records))
	for _, rec := range res.Records {
		id, _ := rec.Values[0].(string)
		total, _ := rec.Values[1].(int64)
		rels := []geokg.Relationship{}
		for _, m := range maps(rec.Values[2]) {
			dir := geokg.Incoming
			if out, _ := m["out"].(bool); out {
				dir = geokg.Outgoing
			}
			rels = append(rels, geokg.Relationship{Edge: edge(asMap(m["rel"])), Direction: dir, Other: node(asMap(m["other"]))})
		}
		out[id] = geokg.Paged[geokg.Relationship]{Items: rels, Total: int(total)}
	}
	return out, nil
}

// relTypeStrings checks relationship types against the fixed list the
// graph holds; they reach Cypher only as a list parameter.
func relTypeStrings(arg string, types []geokg.RelationType) ([]string, error) {
	ts := make([]string, 0, len(types))
	for _, t := range types {
		if !t.Stored() {
			return nil, geokg.Errorf(geokg.CodeInvalid, "%s: unknown relationship type %q", arg, t)
		}
		ts = append(ts, string(t))
	}
	return ts, nil
}

// eventsOfCypher returns, for each entity in $ids, how many events it
// takes part in (with role $role when not empty) or, with no role, is the
// subject or place of, and the page $offset..$offset+$first of them,
// newest first: rows of (id, total, [eventProjection]). A place is the
// place of what happened in the places inside it too, as in the events
// filter (eventsCypher): Moscow's events include the Kremlin's.
const eventsOfCypher = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  CALL (n) {
    MATCH (ev:Event)-[i:INVOLVES|ABOUT]->(n)
    WHERE $role = '' OR (type(i) = 'INVOLVES' AND i.role = $role)
    RETURN ev
    UNION
    UNWIND CASE WHEN $role = '' THEN [n] ELSE [] END AS place
    MATCH (ev:Event)-[:OCCURRED_IN]->(:Entity)-[:PART_OF|CAPITAL_OF*0..` + placeDepth + `]->(place)
    RETURN ev
  }
  WITH DISTINCT ev
  ORDER BY coalesce(ev.date, '') DESC, ev.id
  WITH collect(ev) AS matched
  RETURN size(matched) AS total, [ev IN matched[$offset..$offset + $first] | ` + eventProjection + `] AS events
}
RETURN id, total, events`

// EventsOf returns, for each id, a page of the entity's events, newest
// first, and how many there are. One round trip for all ids.
func (s *Store) EventsOf(ctx context.Context, ids []string, role geokg.ParticipantRole, p geokg.Page) (map[string]geokg.Paged[geokg.EventDetail], error) {
	if err := checkPage(p); err != nil {
		return nil, err
	}
	if err := checkRole("role", role); err != nil {
		return nil, err
	}
	res, err := s.read(ctx, eventsOfCypher, map[string]any{"ids": ids, "role": string(role), "first": p.First, "offset": p.Offset})
	if err != nil {
		return nil, storeError(ctx, "events of entities", err)
	}
	out := make(map[string]geokg.Paged[geokg.EventDetail], len(res.Records))
	for _, rec := range res.Records {
		id, _ := rec.Values[0].(string)
		total, _ := rec.Values[1].(int64)
		out[id] = geokg.Paged[geokg.EventDetail]{Items: eventDetails(rec.Values[2]), Total: int(total)}
	}
	return out, nil
}

// officesCypher returns the HOLDS_ROLE facts matching the filter
// parameters, latest first: one row of (total, [roleProjection]). With
// $ids, it answers per entity (the offices a person held, or the office
// holders of a country or organization): rows of (id, total, roles).
const (
	roleProjection = `{
    person: properties(p), organization: properties(o), title: title, since: since, until: until,
    source: CASE WHEN any(x IN hs WHERE x.source = 'kb') THEN 'kb' ELSE 'article' END,
    article: ev.article, sentence: ev.sentence, text: ev.text,
    articleTitle: head(COLLECT { MATCH (ea:Article {id: ev.article}) RETURN ea.title })
  }`
	// roleWhere filters the HOLDS_ROLE facts bound to h (person p, office
	// of o) and pages them. The same office is often stated by the
	// knowledge base and by several articles, one relationship each; they
	// are one answer, cited by the first sentence that states it.
	roleWhere = `
  WITH h, p, o
  WHERE ($title = '' OR toLower(h.title) = toLower($title))
    AND ($at = '' OR ((h.since IS NULL OR h.since = '' OR h.since <= $atEnd) AND (h.until IS NULL OR h.until = '' OR h.until >= $at)))
  WITH p, o, h.title AS title, coalesce(h.since, '') AS since, coalesce(h.until, '') AS until, collect(h) AS hs
  ORDER BY since DESC, title, p.id, o.id
  WITH collect({p: p, o: o, title: title, since: since, until: until, hs: hs}) AS matched
  CALL (matched) {
    UNWIND matched[$offset..$offset + $first] AS e
    WITH e.p AS p, e.o AS o, e.title AS title, e.since AS since, e.until AS until, e.hs AS hs,
      head([x IN e.hs WHERE x.text IS NOT NULL | x]) AS ev
    RETURN collect(` + roleProjection + `) AS roles
  }
  RETURN size(matched) AS total, roles`
	officesOfCypher = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[h:HOLDS_ROLE]-(:Entity)
  WITH h, startNode(h) AS p, endNode(h) AS o` + roleWhere + `
}
RETURN id, total, roles`
	officesCypher = `
OPTIONAL MATCH (of:Entity {id: $of})
CALL (of) {
  CALL (of) {
    WITH of WHERE of IS NOT NULL
    MATCH (p:Entity)-[h:HOLDS_ROLE]->(of)
    RETURN h, p, of AS o
    UNION
    WITH of WHERE $of = ''
    MATCH (p:Entity)-[h:HOLDS_ROLE]->(o:Entity)
    RETURN h, p, o
  }` + roleWhere + `
}
RETURN $of = '' OR of IS NOT NULL AS found, total, roles`
)

func roleParams(f geokg.RoleFilter, p geokg.Page) (map[string]any, error) {
	if err := checkPage(p); err != nil {
		return nil, err
	}
	at, atEnd, err := dateRange("at", f.At, "at", f.At)
	if err != nil {
		return nil, err
	}
	return map[string]any{"of": f.OfID, "title": strings.TrimSpace(f.Title), "at": at, "atEnd": atEnd, "first": p.First, "offset": p.Offset}, nil
}

func decodeRoles(v any) []geokg.Role {
	roles := []geokg.Role{}
	for _, m := range maps(v) {
		r := geokg.Role{
			Person:       entity(asMap(m["person"])),
			Organization: entity(asMap(m["organization"])),
			Title:        str(m, "title"),
			Since:        str(m, "since"),
			Until:        str(m, "until"),
			Source:       str(m, "source"),
		}
		if text := str(m, "text"); text != "" {
			r.Evidence = &geokg.Evidence{ArticleID: str(m, "article"), ArticleTitle: str(m, "articleTitle"), Sentence: integer(m, "sentence"), Text: text}
		}
		roles = append(roles, r)
	}
	return roles
}

// OfficesOf returns, for each id, a page of the offices held by the person
// or in the country or organization, latest first, and how many there are.
// One round trip for all ids.
func (s *Store) OfficesOf(ctx context.Context, ids []string, f geokg.RoleFilter, p geokg.Page) (map[string]geokg.Paged[geokg.Role], error) {
	params, err := roleParams(f, p)
	if err != nil {
		return nil, err
	}
	params["ids"] = ids
	res, err := s.read(ctx, officesOfCypher, params)
	if err != nil {
		return nil, storeError(ctx, "offices", err)
	}
	out := make(map[string]geokg.Paged[geokg.Role], len(res.Records))
	for _, rec := range res.Records {
		id, _ := rec.Values[0].(string)
		total, _ := rec.Values[1].(int64)
		out[id] = geokg.Paged[geokg.Role]{Items: decodeRoles(rec.Values[2]), Total: int(total)}
	}
	return out, nil
}

// Offices answers who held which office when: the offices matching f,
// latest first. An unknown f.OfID is an error with CodeInvalid naming "of".
func (s *Store) Offices(ctx context.Context, f geokg.RoleFilter, p geokg.Page) (geokg.Paged[geokg.Role], error) {
	none := geokg.Paged[geokg.Role]{Items: []geokg.Role{}}
	params, err := roleParams(f, p)
	if err != nil {
		return none, err
	}
	res, err := s.read(ctx, officesCypher, params)
	if err != nil {
		return none, storeError(ctx, "offices", err)
	}
	rec := res.Records[0]
	if found, _ := rec.Values[0].(bool); !found {
		return none, geokg.Errorf(geokg.CodeInvalid, "of: no entity with id %q", f.OfID)
	}
	total, _ := rec.Values[1].(int64)
	return geokg.Paged[geokg.Role]{Items: decodeRoles(rec.Values[2]), Total: int(total)}, nil
}

// dateArg accepts YYYY, YYYY-MM or YYYY-MM-DD.
var dateArg = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// checkPage checks a page request: first 1 to 100, offset not negative.
func checkPage(p geokg.Page) error {
	if err := checkRange("first", p.First, 1, maxFirst); err != nil {
		return err
	}
	if p.Offset < 0 {
		return geokg.Errorf(geokg.CodeInvalid, "after: not a cursor of this list")
	}
	return nil
}

// dateRange checks an inclusive date range given as YYYY, YYYY-MM or
// YYYY-MM-DD and returns bounds that compare as text: "to 2024" must
// include every date in 2024, and "2024-12-31" > "2024".
func dateRange(fromArg, from, toArg, to string) (string, string, error) {
	for _, d := range []struct{ arg, v string }{{fromArg, from}, {toArg, to}} {
		if d.v != "" && !dateArg.MatchString(d.v) {
			return "", "", geokg.Errorf(geokg.CodeInvalid, "%s: want a date such as 2024-03-01, got %q", d.arg, d.v)
		}
	}
	if from != "" && to != "" && to < from && !strings.HasPrefix(from, to) {
		return "", "", geokg.Errorf(geokg.CodeInvalid, "%s: %s is before %s", toArg, to, from)
	}
	if len(to) > 0 && len(to) < 10 {
		to += "\uffff"
	}
	return from, to, nil
}

// sortMentioned orders an article's entities most mentioned first.
func sortMentioned(es []geokg.MentionedEntity) {
	slices.SortFunc(es, func(a, b geokg.MentionedEntity) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Entity.Name, b.Entity.Name), cmp.Compare(a.Entity.ID, b.Entity.ID))
	})
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
