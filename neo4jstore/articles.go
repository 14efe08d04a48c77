package neo4jstore

import (
	"context"

	"github.com/geokg/geokg"
)

// articleProjection is the Cypher map an ArticleDetail decodes from, for
// the Article bound to a: its properties, the entities it mentions and the
// events it reports (each once, however many of its sentences report it).
const articleProjection = `{
  article: properties(a),
  entities: [(a)-[m:MENTIONS]->(n:Entity) | {entity: properties(n), count: m.count, surface: m.surface, sentence: m.sentence, text: m.text}],
  events: COLLECT {
    MATCH (a)<-[:REPORTED_IN]-(ev:Event)
    WITH DISTINCT ev ORDER BY coalesce(ev.date, ''), ev.id
    RETURN ` + eventProjection + `
  }
}`

func articleDetail(m map[string]any) geokg.ArticleDetail {
	a := asMap(m["article"])
	d := geokg.ArticleDetail{
		Article: geokg.Article{
			ID:        str(a, "id"),
			Title:     str(a, "title"),
			Subtitle:  str(a, "subtitle"),
			Body:      str(a, "body"),
			URL:       str(a, "url"),
			Published: str(a, "published"),
			Author:    str(a, "author"),
			AuthorID:  str(a, "authorId"),
			Source:    str(a, "source"),
			Origin:    str(a, "origin"),
			Hash:      str(a, "hash"),
		},
		Entities: []geokg.MentionedEntity{},
		Events:   eventDetails(m["events"]),
	}
	for _, e := range maps(m["entities"]) {
		d.Entities = append(d.Entities, geokg.MentionedEntity{
			Entity:  entity(asMap(e["entity"])),
			Count:   integer(e, "count"),
			Surface: strList(e, "surface"),
			First:   geokg.Evidence{ArticleID: d.ID, ArticleTitle: d.Title, Sentence: integer(e, "sentence"), Text: str(e, "text")},
		})
	}
	sortMentioned(d.Entities)
	return d
}

// articlesByIDCypher returns the articles among $ids with their entities
// and events: rows of (id, articleProjection).
const articlesByIDCypher = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id, ` + articleProjection + ` AS article`

// ArticlesByID returns the articles with these ids, keyed by id, each with
// its entities (most mentioned first) and events; unknown ids are absent.
// One round trip for all ids.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) (map[string]geokg.ArticleDetail, error) {
	res, err := s.read(ctx, articlesByIDCypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, storeError(ctx, "articles", err)
	}
	out := make(map[string]geokg.ArticleDetail, len(res.Records))
	for _, rec := range res.Records {
		id, _ := rec.Values[0].(string)
		out[id] = articleDetail(asMap(rec.Values[1]))
	}
	return out, nil
}

// articlesCypher returns the articles published between $from and $to
// (inclusive; empty is open) that name entity $mentions when it is not
// empty, newest first (then by id): one row of (found, total, the page
// $offset..$offset+$first [articleProjection]), found telling whether
// $mentions names an entity.
const articlesCypher = `
OPTIONAL MATCH (m:Entity {id: $mentions})
CALL (m) {
  CALL (m) {
    WITH m WHERE m IS NOT NULL
    MATCH (a:Article)-[:MENTIONS]->(m)
    RETURN a
    UNION
    WITH m WHERE $mentions = ''
    MATCH (a:Article)
    RETURN a
  }
  WITH a
  WHERE ($from = '' OR a.published >= $from) AND ($to = '' OR a.published <= $to)
  WITH a ORDER BY coalesce(a.published, '') DESC, a.id
  WITH collect(a) AS matched
  CALL (matched) {
    UNWIND matched[$offset..$offset + $first] AS a
    RETURN collect(` + articleProjection + `) AS articles
  }
  RETURN size(matched) AS total, articles
}
RETURN $mentions = '' OR m IS NOT NULL AS found, total, articles`

// Articles returns a page of the articles matching f, newest first, and
// how many match. An unknown f.MentionsID is an error with CodeInvalid
// naming "mentions".
func (s *Store) Articles(ctx context.Context, f geokg.ArticleFilter, p geokg.Page) (geokg.Paged[geokg.ArticleDetail], error) {
	none := geokg.Paged[geokg.ArticleDetail]{Items: []geokg.ArticleDetail{}}
	if err := checkPage(p); err != nil {
		return none, err
	}
	from, to, err := dateRange("from", f.From, "to", f.To)
	if err != nil {
		return none, err
	}
	res, err := s.read(ctx, articlesCypher, map[string]any{"mentions": f.MentionsID, "from": from, "to": to, "first": p.First, "offset": p.Offset})
	if err != nil {
		return none, storeError(ctx, "articles", err)
	}
	rec := res.Records[0]
	if found, _ := rec.Values[0].(bool); !found {
		return none, geokg.Errorf(geokg.CodeInvalid, "mentions: no entity with id %q", f.MentionsID)
	}
	total, _ := rec.Values[1].(int64)
	out := geokg.Paged[geokg.ArticleDetail]{Items: []geokg.ArticleDetail{}, Total: int(total)}
	for _, m := range maps(rec.Values[2]) {
		out.Items = append(out.Items, articleDetail(m))
	}
	return out, nil
}
