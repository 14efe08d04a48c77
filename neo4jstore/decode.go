package neo4jstore

import (
	"cmp"
	"slices"

	"github.com/geokg/geokg"
)

// The read statements return maps built in Cypher (properties(n), map
// projections); these helpers turn them into domain values. Missing or null
// keys decode as zero values, so a property the loader did not set simply
// stays empty.

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func integer(m map[string]any, key string) int {
	switch v := m[key].(type) {
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

func float(m map[string]any, key string) float64 {
	switch v := m[key].(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

func strList(m map[string]any, key string) []string {
	l, _ := m[key].([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func maps(v any) []map[string]any {
	l, _ := v.([]any)
	out := make([]map[string]any, 0, len(l))
	for _, x := range l {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// entity decodes an Entity node's properties.
func entity(m map[string]any) geokg.Entity {
	return geokg.Entity{
		ID:         str(m, "id"),
		Name:       str(m, "name"),
		Kind:       geokg.Kind(str(m, "kind")),
		Aliases:    strList(m, "aliases"),
		Wikidata:   str(m, "wikidata"),
		Type:       str(m, "type"),
		Start:      str(m, "start"),
		End:        str(m, "end"),
		Confidence: float(m, "confidence"),
		Source:     str(m, "source"),
	}
}

// evidenceFields is the Cypher map an evidence decodes from: the sentence
// index and text, and the article's id and title.
func evidence(m map[string]any) geokg.Evidence {
	return geokg.Evidence{
		ArticleID:    str(m, "article"),
		ArticleTitle: str(m, "title"),
		Sentence:     integer(m, "sentence"),
		Text:         str(m, "text"),
	}
}

func evidenceList(v any) []geokg.Evidence {
	out := []geokg.Evidence{}
	for _, m := range maps(v) {
		out = append(out, evidence(m))
	}
	slices.SortFunc(out, func(a, b geokg.Evidence) int {
		return cmp.Or(cmp.Compare(a.ArticleID, b.ArticleID), cmp.Compare(a.Sentence, b.Sentence))
	})
	return out
}

// reportsHead + v + reportsTail is the Cypher expression for the sentences
// that report the event bound to v: the earliest articles' first, at most
// geokg.MaxEvidence of them (a test keeps the two equal), so that an event
// many articles repeat does not grow every answer it appears in.
// countHead + v + countTail counts them all.
const (
	reportsHead = `COLLECT { MATCH (`
	reportsTail = `)-[rr:REPORTED_IN]->(ra:Article)
      RETURN {article: ra.id, title: ra.title, sentence: rr.sentence, text: rr.text} AS report
      ORDER BY ra.published, ra.id, rr.sentence LIMIT 20 }`
	countHead = `COUNT { (`
	countTail = `)-[:REPORTED_IN]->(:Article) }`
)

// eventProjection is the Cypher map an EventDetail decodes from, for the
// Event bound to ev. Pattern comprehensions fetch participants, conflicts,
// place and evidence in the same round trip as the events themselves.
const eventProjection = `{
  event: properties(ev),
  participants: [(ev)-[i:INVOLVES]->(p:Entity) | {role: i.role, sector: i.sector, entity: properties(p)}],
  about: [(ev)-[:ABOUT]->(c:Entity) | properties(c)],
  location: head([(ev)-[:OCCURRED_IN]->(l:Entity) | properties(l)]),
  evidence: ` + reportsHead + "ev" + reportsTail + `,
  evidenceCount: ` + countHead + "ev" + countTail + `
}`

var roleOrder = map[geokg.ParticipantRole]int{geokg.RoleActor: 0, geokg.RoleTarget: 1, geokg.RoleParticipant: 2}

// eventDetail decodes an eventProjection map. Participants come actors
// first, then targets, then others, each by name. An event stored before
// events had full codes, or whose coded reports are all gone, reads as
// coded with its root: a CAMEO code too, and what its quad class follows
// from.
func eventDetail(m map[string]any) geokg.EventDetail {
	ev := asMap(m["event"])
	code := cmp.Or(str(ev, "code"), str(ev, "cameo"))
	d := geokg.EventDetail{
		ID:            str(ev, "id"),
		Type:          str(ev, "type"),
		CAMEO:         str(ev, "cameo"),
		Code:          code,
		CodeName:      str(ev, "codeName"),
		Plover:        str(ev, "plover"),
		Goldstein:     float(ev, "goldstein"),
		QuadClass:     cmp.Or(integer(ev, "quadClass"), geokg.QuadClassOf(code)),
		Date:          str(ev, "date"),
		Confidence:    float(ev, "confidence"),
		Participants:  []geokg.EventParticipant{},
		About:         []geokg.Entity{},
		Evidence:      evidenceList(m["evidence"]),
		EvidenceCount: integer(m, "evidenceCount"),
	}
	for _, p := range maps(m["participants"]) {
		d.Participants = append(d.Participants, geokg.EventParticipant{
			Entity: entity(asMap(p["entity"])),
			Role:   geokg.ParticipantRole(str(p, "role")),
			Sector: geokg.Sector(str(p, "sector")),
		})
	}
	slices.SortFunc(d.Participants, func(a, b geokg.EventParticipant) int {
		return cmp.Or(cmp.Compare(roleOrder[a.Role], roleOrder[b.Role]), cmp.Compare(a.Entity.Name, b.Entity.Name), cmp.Compare(a.Entity.ID, b.Entity.ID))
	})
	for _, c := range maps(m["about"]) {
		d.About = append(d.About, entity(c))
	}
	slices.SortFunc(d.About, func(a, b geokg.Entity) int { return cmp.Compare(a.ID, b.ID) })
	if l := asMap(m["location"]); l != nil {
		e := entity(l)
		d.Location = &e
	}
	return d
}

func eventDetails(v any) []geokg.EventDetail {
	out := []geokg.EventDetail{}
	for _, m := range maps(v) {
		out = append(out, eventDetail(m))
	}
	return out
}

// nodeProjection is the Cypher map a Node decodes from, for the node bound
// to x: an entity, an event (labelled "TYPE date", with the sentences that
// reported it) or an article.
const nodeProjection = `{
  id: x.id,
  kind: CASE WHEN x:Event THEN 'Event' WHEN x:Article THEN 'Article' ELSE x.kind END,
  label: CASE WHEN x:Event THEN x.type + coalesce(' ' + x.date, '') WHEN x:Article THEN x.title ELSE x.name END,
  evidence: CASE WHEN x:Event THEN ` + reportsHead + "x" + reportsTail + ` ELSE [] END,
  evidenceCount: CASE WHEN x:Event THEN ` + countHead + "x" + countTail + ` ELSE 0 END
}`

func node(m map[string]any) geokg.Node {
	return geokg.Node{
		ID:            str(m, "id"),
		Label:         str(m, "label"),
		Kind:          geokg.NodeKind(str(m, "kind")),
		Evidence:      evidenceList(m["evidence"]),
		EvidenceCount: integer(m, "evidenceCount"),
	}
}

// edgeProjection is the Cypher map an Edge decodes from, for the
// relationship bound to r: its element id, type, end ids, properties, and
// the title of the article its evidence comes from (the MENTIONS source,
// the REPORTED_IN target, or the article named by an entity relation).
const edgeProjection = `{
  id: elementId(r),
  type: type(r),
  source: startNode(r).id,
  target: endNode(r).id,
  props: properties(r),
  articleTitle: CASE type(r)
    WHEN 'MENTIONS' THEN startNode(r).title
    WHEN 'REPORTED_IN' THEN endNode(r).title
    ELSE head(COLLECT { MATCH (ea:Article {id: r.article}) RETURN ea.title })
  END
}`

func edge(m map[string]any) geokg.Edge {
	p := asMap(m["props"])
	e := geokg.Edge{
		ID:         str(m, "id"),
		Source:     str(m, "source"),
		Target:     str(m, "target"),
		Type:       geokg.RelationType(str(m, "type")),
		Title:      str(p, "title"),
		Since:      str(p, "since"),
		Until:      str(p, "until"),
		Side:       str(p, "side"),
		Role:       str(p, "role"),
		Count:      integer(p, "count"),
		FactSource: str(p, "source"),
		Evidence:   []geokg.Evidence{},
	}
	if text := str(p, "text"); text != "" {
		article := str(p, "article")
		switch e.Type {
		case geokg.RelMentions:
			article = e.Source
		case geokg.RelReportedIn:
			article = e.Target
		}
		e.Evidence = append(e.Evidence, geokg.Evidence{
			ArticleID: article, ArticleTitle: str(m, "articleTitle"),
			Sentence: integer(p, "sentence"), Text: text,
		})
	}
	return e
}

// The link projections are the Cypher maps a weighted Edge decodes from,
// for the relationship bound to r whose start node is bound to s (a
// projection cannot bind startNode(r) itself, and the event's sentences are
// found from s). eventLink says r is an event's link to an entity, and
// reported how many sentences report that event, which is what such a link
// weighs. tracedEdgeProjection adds those sentences (reports), so that a
// hop from an event to an entity can be traced to its articles without
// another lookup; weightedEdgeProjection leaves them out where the event
// node already carries them.
const (
	linkHead = `{
  rel: ` + edgeProjection + `,
  eventLink: s:Event AND type(r) IN ['INVOLVES', 'ABOUT', 'OCCURRED_IN'],
  reported: CASE WHEN s:Event THEN ` + countHead + "s" + countTail + ` ELSE 0 END`
	weightedEdgeProjection = linkHead + `
}`
	tracedEdgeProjection = linkHead + `,
  reports: CASE WHEN s:Event AND type(r) IN ['INVOLVES', 'ABOUT', 'OCCURRED_IN']
    THEN ` + reportsHead + "s" + reportsTail + `
    ELSE [] END
}`
)

// weightedEdge decodes a weightedEdgeProjection or tracedEdgeProjection
// map. The weight is what makes an edge worth drawing thicker: a mention's
// count, the number of sentences reporting an event for the event's links
// (at least 1), otherwise 1. An event link's evidence is the relationship's
// own followed by the event's sentences.
func weightedEdge(m map[string]any) geokg.Edge {
	e := edge(asMap(m["rel"]))
	e.Evidence = append(e.Evidence, evidenceList(m["reports"])...)
	e.Weight = 1
	if e.Type == geokg.RelMentions && e.Count > 1 {
		e.Weight = float64(e.Count)
	}
	if link, _ := m["eventLink"].(bool); link && integer(m, "reported") > 1 {
		e.Weight = float64(integer(m, "reported"))
	}
	return e
}

// boolProp reads a boolean property, false when absent.
func boolProp(m map[string]any, key string) bool {
	b, _ := m[key].(bool)
	return b
}
