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

// articleCypher returns article $id with its entities and events: one row
// (articleProjection), or none.
const articleCypher = `MATCH (a:Article {id: $id}) RETURN ` + articleProjection + ` AS article`

// Article returns the article with id, its entities (most mentioned first)
// and its events, in one round trip; an error with CodeNotFound when there
// is no such article.
func (s *Store) Article(ctx context.Context, id string) (geokg.ArticleDetail, error) {
	res, err := s.read(ctx, articleCypher, map[string]any{"id": id})
	if err != nil {
		return geokg.ArticleDetail{}, storeError(ctx, "article", err)
	}
	if len(res.Records) == 0 {
		return geokg.ArticleDetail{}, geokg.Errorf(geokg.CodeNotFound, "no article with id %q", id)
	}
	return articleDetail(asMap(res.Records[0].Values[0])), nil
}

// articlesCypher returns a page of articles, newest first (then by id),
// starting after article $after when it is not empty: one row of
// (cursorFound, [articleProjection]).
const articlesCypher = `
OPTIONAL MATCH (c:Article {id: $after})
CALL (c) {
  MATCH (a:Article)
  WHERE $after = '' OR (c IS NOT NULL AND (
    coalesce(a.published, '') < coalesce(c.published, '')
    OR (coalesce(a.published, '') = coalesce(c.published, '') AND a.id > c.id)))
  WITH a ORDER BY coalesce(a.published, '') DESC, a.id
  LIMIT $first
  RETURN collect(` + articleProjection + `) AS articles
}
RETURN c IS NOT NULL AS cursorFound, articles`

// Articles returns up to first articles, newest first, after the article
// with id after (the last one of the previous page) when it is not empty.
func (s *Store) Articles(ctx context.Context, first int, after string) ([]geokg.ArticleDetail, error) {
	if err := checkRange("first", first, 1, maxFirst); err != nil {
		return nil, err
	}
	res, err := s.read(ctx, articlesCypher, map[string]any{"first": first, "after": after})
	if err != nil {
		return nil, storeError(ctx, "articles", err)
	}
	if len(res.Records) == 0 {
		return []geokg.ArticleDetail{}, nil
	}
	rec := res.Records[0]
	if found, _ := rec.Values[0].(bool); !found && after != "" {
		return nil, geokg.Errorf(geokg.CodeInvalid, "after: no article with id %q", after)
	}
	out := []geokg.ArticleDetail{}
	for _, m := range maps(rec.Values[1]) {
		out = append(out, articleDetail(m))
	}
	return out, nil
}
