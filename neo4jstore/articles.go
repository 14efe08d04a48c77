package neo4jstore

import (
	"context"

	"github.com/geokg/geokg"
)

// articleOf decodes an Article node's properties.
func articleOf(a map[string]any) geokg.Article {
	return geokg.Article{
		ID:        str(a, "id"),
		Title:     str(a, "title"),
		Subtitle:  str(a, "subtitle"),
		Body:      str(a, "body"),
		URL:       str(a, "url"),
		Published: str(a, "published"),
		// Articles written before dates were inferred have no flag: false.
		PublishedInferred: boolProp(a, "publishedInferred"),
		Author:            str(a, "author"),
		AuthorID:          str(a, "authorId"),
		Source:            str(a, "source"),
		Origin:            str(a, "origin"),
		Hash:              str(a, "hash"),
	}
}

// articlesByIDCypher returns the articles among $ids: rows of (id,
// properties).
const articlesByIDCypher = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id, properties(a) AS article`

// ArticlesByID returns the articles with these ids, keyed by id; unknown
// ids are absent. One round trip for all ids.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) (map[string]geokg.Article, error) {
	return readByID(ctx, s, articlesByIDCypher, "articles", ids, articleOf)
}

// articleContentsCypher returns, for the articles among $ids, the entities
// each mentions and the events it reports (each once, however many of its
// sentences report it, by date): rows of (id, title, entities, events).
const articleContentsCypher = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id, a.title AS title,
  [(a)-[m:MENTIONS]->(n:Entity) | {entity: properties(n), count: m.count, surface: m.surface, sentence: m.sentence, text: m.text}] AS entities,
  COLLECT {
    MATCH (a)<-[:REPORTED_IN]-(ev:Event)
    WITH DISTINCT ev ORDER BY coalesce(ev.date, ''), ev.id
    RETURN ` + eventProjection + `
  } AS events`

// ArticleContents returns, keyed by article id, the entities each article
// mentions (most mentioned first) and the events it reports; unknown ids
// are absent. One round trip for all ids.
func (s *Store) ArticleContents(ctx context.Context, ids []string) (map[string]geokg.ArticleContent, error) {
	res, err := s.read(ctx, articleContentsCypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, storeError(ctx, "article contents", err)
	}
	out := make(map[string]geokg.ArticleContent, len(res.Records))
	for _, rec := range res.Records {
		id, _ := rec.Values[0].(string)
		title, _ := rec.Values[1].(string)
		c := geokg.ArticleContent{Entities: []geokg.MentionedEntity{}, Events: eventDetails(rec.Values[3])}
		for _, e := range maps(rec.Values[2]) {
			c.Entities = append(c.Entities, geokg.MentionedEntity{
				Entity:  entity(asMap(e["entity"])),
				Count:   integer(e, "count"),
				Surface: strList(e, "surface"),
				First:   geokg.Evidence{ArticleID: id, ArticleTitle: title, Sentence: integer(e, "sentence"), Text: str(e, "text")},
			})
		}
		sortMentioned(c.Entities)
		out[id] = c
	}
	return out, nil
}

// articlesCypher returns the articles published between $from and $to
// (inclusive; empty is open) that name entity $mentions when it is not
// empty, newest first (then by id): one row of (found, total, the page
// $offset..$offset+$first [article properties]), found telling whether
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
    RETURN collect(properties(a)) AS articles
  }
  RETURN size(matched) AS total, articles
}
RETURN $mentions = '' OR m IS NOT NULL AS found, total, articles`

// Articles returns a page of the articles matching f, newest first, and
// how many match. An unknown f.MentionsID is an error with CodeInvalid
// naming "mentions".
func (s *Store) Articles(ctx context.Context, f geokg.ArticleFilter, p geokg.Page) (geokg.Paged[geokg.Article], error) {
	none := geokg.Paged[geokg.Article]{Items: []geokg.Article{}}
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
	out := geokg.Paged[geokg.Article]{Items: []geokg.Article{}, Total: int(total)}
	for _, m := range maps(rec.Values[2]) {
		out.Items = append(out.Items, articleOf(m))
	}
	return out, nil
}
