package neo4jstore

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg"
)

// batchSize bounds the rows of one UNWIND statement, so that one huge
// article does not become one huge query.
const batchSize = 500

// WriteFacts writes one article's facts in one managed write transaction:
// all of them or, on any error, none. An article already stored with the
// same hash is left alone (Unchanged); one stored with another hash has its
// old facts removed first, in the same transaction (Replaced). Every
// statement MERGEs on constrained keys, so the transaction is safe for the
// driver to retry and writing the same facts twice changes nothing.
func (s *Store) WriteFacts(ctx context.Context, f geokg.Facts) (geokg.WriteOutcome, error) {
	w, err := newFactsWrite(f)
	if err != nil {
		return "", err
	}
	if err := s.ensureSchema(ctx); err != nil {
		return "", err
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite, DatabaseName: s.db})
	defer sess.Close(context.WithoutCancel(ctx))
	outcome, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (geokg.WriteOutcome, error) {
		return w.run(ctx, tx)
	}, txTimeout(ctx)...)
	if err != nil {
		return "", storeError(ctx, "write article "+f.Article.ID, err)
	}
	return outcome, nil
}

// factsWrite is one article's facts turned into statement parameters. It is
// built (and validated) before the transaction starts, so the transaction
// function only runs statements and can be retried as it is.
type factsWrite struct {
	article     string
	hash        string
	articleRow  map[string]any
	authorID    string
	entities    map[geokg.Kind][]map[string]any
	mentions    []map[string]any
	relations   map[geokg.RelationType][]map[string]any
	events      []map[string]any
	entityKinds map[string]geokg.Kind
}

// newFactsWrite validates f and builds the parameters of its statements.
// Every id a fact refers to must be among f.Entities: the write MATCHes
// entities it links, and a silent non-match would lose the fact.
func newFactsWrite(f geokg.Facts) (*factsWrite, error) {
	a := f.Article
	name := a.ID
	if a.Origin != "" {
		name = fmt.Sprintf("%s (%s)", a.ID, a.Origin)
	}
	invalid := func(format string, args ...any) error {
		return geokg.Errorf(geokg.CodeInvalid, "article %s: %s", name, fmt.Sprintf(format, args...))
	}
	if strings.TrimSpace(a.ID) == "" {
		return nil, geokg.Errorf(geokg.CodeInvalid, "article from %q has no id", a.Origin)
	}
	if a.Hash == "" {
		return nil, invalid("no content hash")
	}
	w := &factsWrite{
		article:     a.ID,
		hash:        a.Hash,
		authorID:    a.AuthorID,
		entities:    map[geokg.Kind][]map[string]any{},
		relations:   map[geokg.RelationType][]map[string]any{},
		entityKinds: map[string]geokg.Kind{},
	}
	w.articleRow = map[string]any{
		"id": a.ID, "title": a.Title, "subtitle": orNil(a.Subtitle), "body": a.Body,
		"url": orNil(a.URL), "published": orNil(a.Published), "publishedInferred": a.PublishedInferred, "year": year(a.Published),
		"author": orNil(a.Author), "authorId": orNil(a.AuthorID), "source": orNil(a.Source),
		"origin": orNil(a.Origin), "hash": a.Hash,
	}

	for _, e := range f.Entities {
		if strings.TrimSpace(e.ID) == "" {
			return nil, invalid("entity %q has no id", e.Name)
		}
		if !e.Kind.Valid() {
			return nil, invalid("entity %s has unknown kind %q", e.ID, e.Kind)
		}
		if k, dup := w.entityKinds[e.ID]; dup {
			if k != e.Kind {
				return nil, invalid("entity %s is both a %s and a %s", e.ID, k, e.Kind)
			}
			continue
		}
		w.entityKinds[e.ID] = e.Kind
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		w.entities[e.Kind] = append(w.entities[e.Kind], map[string]any{
			"id": e.ID, "confidence": e.Confidence,
			"props": map[string]any{
				"name": e.Name, "kind": string(e.Kind), "aliases": aliases,
				"aliasText": strings.Join(aliases, " | "), "wikidata": orNil(e.Wikidata),
				"type": orNil(e.Type), "start": orNil(e.Start), "end": orNil(e.End),
				"confidence": e.Confidence, "source": orNil(e.Source),
			},
		})
	}
	known := func(what, id string) error {
		if _, ok := w.entityKinds[id]; !ok {
			return invalid("%s %q is not among the facts' entities", what, id)
		}
		return nil
	}
	if a.AuthorID != "" {
		if err := known("author", a.AuthorID); err != nil {
			return nil, err
		}
		if k := w.entityKinds[a.AuthorID]; k != geokg.KindPerson {
			return nil, invalid("author %s is a %s, not a Person", a.AuthorID, k)
		}
	}
	for _, m := range f.Mentions {
		if err := known("mentioned entity", m.EntityID); err != nil {
			return nil, err
		}
		surface := m.Surface
		if surface == nil {
			surface = []string{}
		}
		w.mentions = append(w.mentions, map[string]any{
			"entity": m.EntityID, "count": m.Count, "surface": surface,
			"sentence": m.First.Sentence, "text": m.First.Text,
		})
	}
	for _, r := range f.Relations {
		if !r.Type.Valid() {
			return nil, invalid("relation %s -> %s has unknown type %q", r.From, r.To, r.Type)
		}
		if err := known(string(r.Type)+" source", r.From); err != nil {
			return nil, err
		}
		if err := known(string(r.Type)+" target", r.To); err != nil {
			return nil, err
		}
		// Knowledge-base facts belong to no article (article ""), so
		// every article that repeats them MERGEs the same relationship and
		// replacing an article never removes them.
		article := a.ID
		if r.Source == "kb" {
			article = ""
		}
		row := map[string]any{
			"from": r.From, "to": r.To, "title": r.Title, "side": r.Side, "article": article,
			"since": orNil(r.Since), "until": orNil(r.Until), "source": orNil(r.Source),
			"sentence": nil, "text": nil,
		}
		if r.Evidence != nil {
			row["sentence"], row["text"] = r.Evidence.Sentence, r.Evidence.Text
		}
		w.relations[r.Type] = append(w.relations[r.Type], row)
	}
	for _, e := range f.Events {
		if strings.TrimSpace(e.ID) == "" {
			return nil, invalid("an event of type %s has no id", e.Type)
		}
		if e.Type == "" {
			return nil, invalid("event %s has no type", e.ID)
		}
		participants := make([]map[string]any, 0, len(e.Participants))
		for _, p := range e.Participants {
			if err := known("event "+e.ID+" participant", p.ID); err != nil {
				return nil, err
			}
			switch p.Role {
			case geokg.RoleActor, geokg.RoleTarget, geokg.RoleParticipant:
			default:
				return nil, invalid("event %s: participant %s has unknown role %q", e.ID, p.ID, p.Role)
			}
			if p.Sector != "" && !p.Sector.Valid() {
				return nil, invalid("event %s: participant %s has unknown sector %q", e.ID, p.ID, p.Sector)
			}
			participants = append(participants, map[string]any{"id": p.ID, "role": string(p.Role), "sector": orNil(string(p.Sector))})
		}
		about := make([]string, 0, len(e.About))
		for _, c := range e.About {
			if err := known("event "+e.ID+" conflict", c); err != nil {
				return nil, err
			}
			about = append(about, c)
		}
		if e.Location != "" {
			if err := known("event "+e.ID+" location", e.Location); err != nil {
				return nil, err
			}
		}
		code, err := eventCode(e)
		if err != nil {
			return nil, invalid("%v", err)
		}
		sentences := make([]string, 0, len(e.Evidence))
		evidence := make([]map[string]any, 0, len(e.Evidence))
		for _, ev := range e.Evidence {
			if ev.ArticleID != "" && ev.ArticleID != a.ID {
				return nil, invalid("event %s cites article %s, not this one", e.ID, ev.ArticleID)
			}
			sentences = append(sentences, ev.Text)
			evidence = append(evidence, map[string]any{"sentence": ev.Sentence, "text": ev.Text})
		}
		w.events = append(w.events, map[string]any{
			"id": e.ID, "key": eventKey(e), "type": e.Type, "cameo": e.CAMEO, "date": orNil(e.Date), "year": year(e.Date),
			"confidence": e.Confidence, "sentences": sentences, "participants": participants,
			"about": about, "location": orNil(e.Location), "evidence": evidence,
			"code": code.code, "codeName": orNil(e.CodeName), "plover": orNil(e.Plover),
			"goldstein": e.Goldstein, "quadClass": code.quadClass, "codeSpecificity": codeSpecificity(code.code),
		})
	}
	return w, nil
}

// codePattern is a CAMEO code: a root 01 to 20 and up to two more digits.
var codePattern = regexp.MustCompile(`^(0[1-9]|1[0-9]|20)[0-9]{0,2}$`)

// storedCode is the code an event is stored with and its quad class.
type storedCode struct {
	code      string
	quadClass int
}

// eventCode checks e's code and what follows from it. An event with no
// full code (facts written before the extractor gave one) is stored with
// its root, which is a CAMEO code too, so that every stored event has a
// code to filter on; its quad class follows from the code when not given.
func eventCode(e geokg.Event) (storedCode, error) {
	code := cmp.Or(e.Code, e.CAMEO)
	if !codePattern.MatchString(code) {
		return storedCode{}, fmt.Errorf("event %s has no CAMEO code of 2 to 4 digits (code %q, root %q)", e.ID, e.Code, e.CAMEO)
	}
	if e.CAMEO != "" && !strings.HasPrefix(code, e.CAMEO) {
		return storedCode{}, fmt.Errorf("event %s: code %s is not under its root %s", e.ID, code, e.CAMEO)
	}
	quad := geokg.QuadClassOf(code)
	if e.QuadClass != 0 && e.QuadClass != quad {
		return storedCode{}, fmt.Errorf("event %s: quad class %d, but code %s is in quad class %d", e.ID, e.QuadClass, code, quad)
	}
	if e.Goldstein < -10 || e.Goldstein > 10 {
		return storedCode{}, fmt.Errorf("event %s: Goldstein score %v outside -10..10", e.ID, e.Goldstein)
	}
	if e.Plover != "" && !geokg.KnownPlover(e.Plover) {
		return storedCode{}, fmt.Errorf("event %s: unknown PLOVER category %q", e.ID, e.Plover)
	}
	return storedCode{code: code, quadClass: quad}, nil
}

// codeSpecificity ranks how precisely a CAMEO code says what happened: the
// number of its digits, except that a three-digit code ending in 0 is
// CAMEO's "not specified below" of its root ("040 Consult, not specified
// below" says no more than "04"), so it ranks as the root. When reports of
// one event disagree, the highest rank wins; by length alone a vague "040"
// would tie with, and so hold off, a precise "046".
func codeSpecificity(code string) int {
	if len(code) == 3 && code[2] == '0' {
		return 2
	}
	return len(code)
}

// articleHashCypher returns the stored hash of article $id: one row, null
// when the article is not stored.
const articleHashCypher = `OPTIONAL MATCH (a:Article {id: $id}) RETURN a.hash AS hash`

// run is the transaction function of WriteFacts. It reads only what it
// writes, so a retry starts from the same state.
func (w *factsWrite) run(ctx context.Context, tx neo4j.ManagedTransaction) (geokg.WriteOutcome, error) {
	res, err := tx.Run(ctx, articleHashCypher, map[string]any{"id": w.article})
	if err != nil {
		return "", err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return "", err
	}
	outcome := geokg.Written
	if stored, ok := rec.Values[0].(string); ok {
		if stored == w.hash {
			return geokg.Unchanged, nil
		}
		if err := forgetArticle(ctx, tx, w.article); err != nil {
			return "", err
		}
		outcome = geokg.Replaced
	}

	for _, k := range geokg.Kinds {
		if err := w.writeEntities(ctx, tx, k); err != nil {
			return "", err
		}
	}
	if err := run(ctx, tx, mergeArticleCypher, map[string]any{"id": w.article, "props": w.articleRow}); err != nil {
		return "", err
	}
	if w.authorID != "" {
		if err := run(ctx, tx, mergeWrittenByCypher, map[string]any{"article": w.article, "author": w.authorID}); err != nil {
			return "", err
		}
	}
	if err := runBatches(ctx, tx, mergeMentionsCypher, w.article, w.mentions); err != nil {
		return "", err
	}
	for _, t := range geokg.RelationTypes {
		cypher, ok := mergeRelationsCypher(t)
		if !ok {
			return "", fmt.Errorf("no statement for relation type %s", t)
		}
		if err := runBatches(ctx, tx, cypher, w.article, w.relations[t]); err != nil {
			return "", err
		}
	}
	events, err := w.sameEvents(ctx, tx)
	if err != nil {
		return "", err
	}
	if err := runBatches(ctx, tx, mergeEventsCypher, w.article, events); err != nil {
		return "", err
	}
	return outcome, nil
}

// deleteArticleEventsCypher removes the events of article $article that no
// other article reports, with their relationships. Returns nothing.
const deleteArticleEventsCypher = `
MATCH (:Article {id: $article})<-[:REPORTED_IN]-(e:Event)
WITH DISTINCT e
WHERE NOT EXISTS { (e)-[:REPORTED_IN]->(o:Article) WHERE o.id <> $article }
DETACH DELETE e`

// pruneSharedEventsCypher takes out of the events article $article shares
// with others what it alone added: a link to a participant, conflict or
// place that only it reported (each link lists in articles the articles
// that reported it; links stored before that list existed stay), the
// sector it gave a participant (sectorArticles and sectors list, in step,
// the articles that gave one and what they gave; the first left is the
// participant's sector), its sentences from the event's searchable text,
// and its code: the event keeps the most specific code (codeSpecificity)
// the remaining reports give (each REPORTED_IN keeps its article's code),
// the stored one on a tie, else the earliest article's; with no coded
// report left the code is removed and readers fall back to the root.
// Returns nothing.
const pruneSharedEventsCypher = `
MATCH (:Article {id: $article})<-[:REPORTED_IN]-(e:Event)
WITH DISTINCT e
CALL (e) {
  MATCH (e)-[r:INVOLVES]->()
  WHERE $article IN coalesce(r.sectorArticles, [])
  WITH r, [i IN range(0, size(r.sectorArticles) - 1) WHERE r.sectorArticles[i] <> $article] AS keep
  WITH r, [i IN keep | r.sectorArticles[i]] AS articles, [i IN keep | r.sectors[i]] AS sectors
  SET r.sectorArticles = articles, r.sectors = sectors, r.sector = head(sectors)
}
CALL (e) {
  MATCH (e)-[r:INVOLVES|ABOUT|OCCURRED_IN]->()
  WHERE $article IN coalesce(r.articles, [])
  WITH r, [x IN r.articles WHERE x <> $article] AS rest
  FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE r)
  FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET r.articles = rest)
}
SET e.sentences = COLLECT { MATCH (e)-[rr:REPORTED_IN]->(o:Article) WHERE o.id <> $article RETURN DISTINCT rr.text }
WITH e, head(COLLECT {
  MATCH (e)-[rr:REPORTED_IN]->(o:Article)
  WHERE o.id <> $article AND rr.code IS NOT NULL
  RETURN rr ORDER BY rr.codeSpecificity DESC, CASE WHEN rr.code = e.code THEN 0 ELSE 1 END, o.published, o.id, rr.sentence
}) AS best
SET e.code = best.code, e.codeName = best.codeName, e.plover = best.plover, e.goldstein = best.goldstein,
    e.quadClass = best.quadClass, e.codeSpecificity = best.codeSpecificity`

// deleteOrphanNamesCypher removes the entities article $article found in
// its own text (source "article", not the knowledge base's) that nothing
// else refers to once its mentions are gone: a name read only there leaves
// with it. Its relations are removed first, so run it after
// deleteArticleLinksCypher. Returns nothing.
const deleteOrphanNamesCypher = `
UNWIND $names AS id
MATCH (n:Entity {id: id})
WHERE n.source = 'article' AND NOT EXISTS { (n)--() }
DELETE n`

// namesOfArticleCypher returns the ids of the entities article $article
// mentions that it found in its own text.
const namesOfArticleCypher = `
MATCH (:Article {id: $article})-[:MENTIONS]->(n:Entity)
WHERE n.source = 'article'
RETURN collect(n.id) AS names`

// forgetArticle removes what article $article contributed, before it is
// rewritten or deleted: the events only it reports, its share of the
// others, its mentions, authorship and relations, and the names only it
// gave the graph.
func forgetArticle(ctx context.Context, tx neo4j.ManagedTransaction, article string) error {
	params := map[string]any{"article": article}
	res, err := tx.Run(ctx, namesOfArticleCypher, params)
	if err != nil {
		return err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return err
	}
	names, _ := rec.Values[0].([]any)
	for _, cypher := range []string{deleteArticleEventsCypher, pruneSharedEventsCypher, deleteArticleLinksCypher} {
		if err := run(ctx, tx, cypher, params); err != nil {
			return err
		}
	}
	return run(ctx, tx, deleteOrphanNamesCypher, map[string]any{"names": names})
}

// deleteArticleLinksCypher removes what article $article contributed
// besides its events: its MENTIONS and WRITTEN_BY relationships, the
// REPORTED_IN links of events that other articles report too, and the
// entity relations read in it (those whose article property is its id;
// knowledge-base relations have article "" and stay). Returns nothing.
const deleteArticleLinksCypher = `
MATCH (a:Article {id: $article})
CALL (a) { MATCH (a)-[r:MENTIONS|WRITTEN_BY]->() DELETE r }
CALL (a) { MATCH (a)<-[r:REPORTED_IN]-() DELETE r }
CALL { MATCH ()-[r:HOLDS_ROLE {article: $article}]->() DELETE r }
CALL { MATCH ()-[r:PART_OF {article: $article}]->() DELETE r }
CALL { MATCH ()-[r:INVOLVES {article: $article}]->() DELETE r }
CALL { MATCH ()-[r:CAPITAL_OF {article: $article}]->() DELETE r }`

// The entity statements, one per kind because a label cannot be a
// parameter. Each MERGEs the rows' Entity nodes, adds the kind's label and
// sets the properties unless the stored node is more certain (a
// knowledge-base entity is not overwritten by a guess from an article). A
// node already stored with another kind is left untouched and returned in
// conflicts ({id, kind}) so that the write can fail.
const (
	mergeEntityHead = `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.kind = row.props.kind
WITH n, row, n.kind = row.props.kind AS fits
FOREACH (_ IN CASE WHEN fits THEN [1] ELSE [] END |
  SET n += CASE WHEN coalesce(n.confidence, -1.0) <= row.confidence THEN row.props ELSE {} END, `
	mergeEntityTail = `)
RETURN collect(CASE WHEN fits THEN null ELSE {id: n.id, kind: n.kind} END) AS conflicts`
	mergePersonsCypher       = mergeEntityHead + `n:Person` + mergeEntityTail
	mergeCountriesCypher     = mergeEntityHead + `n:Country` + mergeEntityTail
	mergeOrganizationsCypher = mergeEntityHead + `n:Organization` + mergeEntityTail
	mergeLocationsCypher     = mergeEntityHead + `n:Location` + mergeEntityTail
	mergeConflictsCypher     = mergeEntityHead + `n:Conflict` + mergeEntityTail
)

// mergeEntitiesCypher returns the entity statement for kind k.
func mergeEntitiesCypher(k geokg.Kind) (string, bool) {
	switch k {
	case geokg.KindPerson:
		return mergePersonsCypher, true
	case geokg.KindCountry:
		return mergeCountriesCypher, true
	case geokg.KindOrganization:
		return mergeOrganizationsCypher, true
	case geokg.KindLocation:
		return mergeLocationsCypher, true
	case geokg.KindConflict:
		return mergeConflictsCypher, true
	}
	return "", false
}

// writeEntities MERGEs the entities of kind k and fails if one of them is
// already stored as another kind: labels are the kind, and a node with two
// kind labels would answer wrongly to every kind filter.
func (w *factsWrite) writeEntities(ctx context.Context, tx neo4j.ManagedTransaction, k geokg.Kind) error {
	rows := w.entities[k]
	if len(rows) == 0 {
		return nil
	}
	cypher, ok := mergeEntitiesCypher(k)
	if !ok {
		return fmt.Errorf("no statement for entity kind %s", k)
	}
	for start := 0; start < len(rows); start += batchSize {
		end := min(start+batchSize, len(rows))
		res, err := tx.Run(ctx, cypher, map[string]any{"rows": rows[start:end]})
		if err != nil {
			return err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return err
		}
		conflicts, _ := rec.Values[0].([]any)
		if len(conflicts) > 0 {
			c, _ := conflicts[0].(map[string]any)
			return geokg.Errorf(geokg.CodeInvalid, "article %s: entity %s is stored as a %v, but these facts make it a %s",
				w.article, str(c, "id"), c["kind"], k)
		}
	}
	return nil
}

// mergeArticleCypher creates or updates article $id with $props. Returns
// nothing.
const mergeArticleCypher = `MERGE (a:Article {id: $id}) SET a += $props`

// mergeWrittenByCypher links article $article to its author. Returns
// nothing.
const mergeWrittenByCypher = `
MATCH (a:Article {id: $article}), (p:Person {id: $author})
MERGE (a)-[:WRITTEN_BY]->(p)`

// mergeMentionsCypher links article $article to each mentioned entity, with
// how often and the first sentence naming it. Returns nothing.
const mergeMentionsCypher = `
MATCH (a:Article {id: $article})
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = row.count, m.surface = row.surface, m.sentence = row.sentence, m.text = row.text`

// The relation statements, one per type because a relationship type cannot
// be a parameter. Each MERGEs on (from, to, type, the type's distinguishing
// property, article) and sets the rest. They return nothing.
const (
	mergeRelationHead = `
UNWIND $rows AS row
MATCH (f:Entity {id: row.from}), (t:Entity {id: row.to})
MERGE (f)-`
	mergeRelationTail = `->(t)
SET r.since = row.since, r.until = row.until, r.source = row.source, r.sentence = row.sentence, r.text = row.text`
	mergeHoldsRoleCypher = mergeRelationHead + `[r:HOLDS_ROLE {title: row.title, article: row.article}]` + mergeRelationTail
	mergePartOfCypher    = mergeRelationHead + `[r:PART_OF {article: row.article}]` + mergeRelationTail
	mergeInvolvesCypher  = mergeRelationHead + `[r:INVOLVES {side: row.side, article: row.article}]` + mergeRelationTail
	mergeCapitalOfCypher = mergeRelationHead + `[r:CAPITAL_OF {article: row.article}]` + mergeRelationTail
)

// mergeRelationsCypher returns the relation statement for type t.
func mergeRelationsCypher(t geokg.RelationType) (string, bool) {
	switch t {
	case geokg.RelHoldsRole:
		return mergeHoldsRoleCypher, true
	case geokg.RelPartOf:
		return mergePartOfCypher, true
	case geokg.RelInvolves:
		return mergeInvolvesCypher, true
	case geokg.RelCapitalOf:
		return mergeCapitalOfCypher, true
	}
	return "", false
}

// mergeEventsCypher writes events reported by article $article: the Event
// node (created with the row's type and date, or an existing one that
// sameEvents found reporting the same thing, which keeps its date and gains
// this article's sentences), its participants (INVOLVES {role, sector}),
// conflicts (ABOUT), place (OCCURRED_IN) and the sentences that report it
// (REPORTED_IN {sentence, text, and the report's code}). Reports may
// disagree on the code ("040" consult, "046" negotiate): the event keeps
// the most specific (codeSpecificity), with its name, score and category,
// and the stored one on a tie, so a later vaguer report never erases a
// precise one. A participant keeps the first sector an article gave it.
// Returns nothing.
const mergeEventsCypher = `
MATCH (a:Article {id: $article})
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
ON CREATE SET e.type = row.type, e.cameo = row.cameo, e.date = row.date, e.year = row.year,
    e.confidence = row.confidence
SET e.key = row.key,
    e.confidence = CASE WHEN row.confidence > e.confidence THEN row.confidence ELSE e.confidence END,
    e.sentences = coalesce(e.sentences, []) + [t IN row.sentences WHERE NOT t IN coalesce(e.sentences, [])]
FOREACH (_ IN CASE WHEN e.code IS NULL OR row.codeSpecificity > coalesce(e.codeSpecificity, 0) THEN [1] ELSE [] END |
  SET e.code = row.code, e.codeName = row.codeName, e.plover = row.plover, e.goldstein = row.goldstein,
      e.quadClass = row.quadClass, e.codeSpecificity = row.codeSpecificity)
WITH a, e, row
CALL (e, row) {
  UNWIND row.participants AS p
  MATCH (x:Entity {id: p.id})
  MERGE (e)-[r:INVOLVES {role: p.role}]->(x)
  WITH r, p, p.sector IS NOT NULL AND NOT $article IN coalesce(r.sectorArticles, []) AS gives
  SET r.articles = coalesce(r.articles, []) + [t IN [$article] WHERE NOT t IN coalesce(r.articles, [])],
      r.sectorArticles = CASE WHEN gives THEN coalesce(r.sectorArticles, []) + [$article] ELSE r.sectorArticles END,
      r.sectors = CASE WHEN gives THEN coalesce(r.sectors, []) + [p.sector] ELSE r.sectors END
  SET r.sector = head(r.sectors)
}
CALL (e, row) {
  UNWIND row.about AS c
  MATCH (x:Entity {id: c})
  MERGE (e)-[r:ABOUT]->(x)
  SET r.articles = coalesce(r.articles, []) + [t IN [$article] WHERE NOT t IN coalesce(r.articles, [])]
}
CALL (e, row) {
  MATCH (x:Entity {id: row.location})
  MERGE (e)-[r:OCCURRED_IN]->(x)
  SET r.articles = coalesce(r.articles, []) + [t IN [$article] WHERE NOT t IN coalesce(r.articles, [])]
}
CALL (a, e, row) {
  UNWIND row.evidence AS ev
  MERGE (e)-[r:REPORTED_IN {sentence: ev.sentence}]->(a)
  SET r.text = ev.text
  WITH r, row
  WHERE r.code IS NULL OR row.codeSpecificity > coalesce(r.codeSpecificity, 0)
  SET r.code = row.code, r.codeName = row.codeName, r.plover = row.plover, r.goldstein = row.goldstein,
      r.quadClass = row.quadClass, r.codeSpecificity = row.codeSpecificity
}`

// run runs one statement that returns nothing of interest.
func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) error {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// runBatches runs cypher over rows, batchSize rows at a time, with the
// article id as $article.
func runBatches(ctx context.Context, tx neo4j.ManagedTransaction, cypher, article string, rows []map[string]any) error {
	for start := 0; start < len(rows); start += batchSize {
		end := min(start+batchSize, len(rows))
		if err := run(ctx, tx, cypher, map[string]any{"article": article, "rows": rows[start:end]}); err != nil {
			return err
		}
	}
	return nil
}

// orNil stores empty strings as absent properties.
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// year returns the year of a YYYY[-MM[-DD]] date as an int, for range
// filters, or nil.
func year(date string) any {
	if len(date) < 4 {
		return nil
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return nil
	}
	return y
}

// deleteArticleNodeCypher removes the node of article $article once its
// facts are gone. Returns the number of articles deleted (0 or 1).
const deleteArticleNodeCypher = `
MATCH (a:Article {id: $article})
DETACH DELETE a
RETURN count(*) AS deleted`

// DeleteArticle removes article id and every fact it alone contributed
// (its events, its share of events others report too, mentions,
// authorship, the relations read in it, and names found only in it), in
// one transaction. Other entities stay: other articles and the knowledge
// base share them. It reports whether the article existed.
func (s *Store) DeleteArticle(ctx context.Context, id string) (bool, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	deleted, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (bool, error) {
		if err := forgetArticle(ctx, tx, id); err != nil {
			return false, err
		}
		res, err := tx.Run(ctx, deleteArticleNodeCypher, map[string]any{"article": id})
		if err != nil {
			return false, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return false, err
		}
		n, _ := rec.Values[0].(int64)
		return n > 0, nil
	})
	return deleted, storeError(ctx, "delete article", err)
}

// eventWindowDays is how far apart two reports' dates may be and still be
// one event: articles date the same meeting by their own publication day.
const eventWindowDays = 3

// eventKey identifies what an event is, independent of who reported it:
// its type, actors and targets (participants count as targets).
func eventKey(e geokg.Event) string {
	var actors, targets []string
	for _, p := range e.Participants {
		if p.Role == geokg.RoleActor {
			actors = append(actors, p.ID)
		} else {
			targets = append(targets, p.ID)
		}
	}
	slices.Sort(actors)
	slices.Sort(targets)
	return e.Type + "|" + strings.Join(slices.Compact(actors), ",") + "|" + strings.Join(slices.Compact(targets), ",")
}

// eventsByKeyCypher returns the stored events with one of $keys: id, key,
// date.
const eventsByKeyCypher = `MATCH (e:Event) WHERE e.key IN $keys RETURN e.id AS id, e.key AS key, e.date AS date`

// sameEvents returns the article's event rows with each id replaced by that
// of an event already stored (or earlier in this article) with the same key
// and a date within eventWindowDays, so that the same real-world event
// reported by several articles becomes one Event with several pieces of
// evidence. Dates coarser than a day only match when equal. The rows are
// copied, so a retried transaction starts from the loader's ids again.
//
// When an article that contributed to a shared event is replaced or
// deleted, the event loses that article's evidence, sentences, and the
// participants, conflicts and place only it reported (see
// pruneSharedEventsCypher).
func (w *factsWrite) sameEvents(ctx context.Context, tx neo4j.ManagedTransaction) ([]map[string]any, error) {
	if len(w.events) == 0 {
		return nil, nil
	}
	type known struct{ id, date string }
	byKey := map[string][]known{}
	var keys []string
	for _, row := range w.events {
		keys = append(keys, row["key"].(string))
	}
	res, err := tx.Run(ctx, eventsByKeyCypher, map[string]any{"keys": keys})
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		key, _ := r.Values[1].(string)
		date, _ := r.Values[2].(string)
		byKey[key] = append(byKey[key], known{id, date})
	}
	out := make([]map[string]any, len(w.events))
	for i, row := range w.events {
		c := cloneRow(row)
		key := c["key"].(string)
		date, _ := c["date"].(string)
		best, bestDist := "", eventWindowDays+1
		for _, k := range byKey[key] {
			if d, ok := dayDistance(k.date, date); ok && (d < bestDist || (d == bestDist && k.id < best)) {
				best, bestDist = k.id, d
			}
		}
		if best != "" {
			c["id"] = best
		} else {
			byKey[key] = append(byKey[key], known{c["id"].(string), date})
		}
		out[i] = c
	}
	return out, nil
}

// dayDistance returns how many days apart two dates are; ok is false when
// they cannot be the same event's: more than the window apart, or coarser
// than a day and not equal.
func dayDistance(a, b string) (int, bool) {
	ta, errA := time.Parse(time.DateOnly, a)
	tb, errB := time.Parse(time.DateOnly, b)
	if errA != nil || errB != nil {
		return 0, a == b
	}
	d := int(tb.Sub(ta).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d, d <= eventWindowDays
}

func cloneRow(row map[string]any) map[string]any {
	c := make(map[string]any, len(row))
	for k, v := range row {
		c[k] = v
	}
	return c
}
