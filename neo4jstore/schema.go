package neo4jstore

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The schema, one statement each because Neo4j runs schema commands in
// their own transactions. Every statement is idempotent (IF NOT EXISTS), so
// Migrate can run at every start and from several processes. The unique
// constraints also give the MERGEs in writes their index lookups; the
// relationship indexes on `article` let replacing an article find the
// relations it contributed without scanning every relationship.
const (
	entityIDConstraint  = `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE`
	articleIDConstraint = `CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE`
	eventIDConstraint   = `CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE`
	// entity_names folds accents (standard-folding) so "Erdogan" finds
	// "Erdoğan"; aliasText is the aliases joined with " | ".
	entityNamesIndex = "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText] " +
		"OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}"
	eventTypeIndex        = `CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)`
	eventDateIndex        = `CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)`
	eventKeyIndex         = `CREATE INDEX event_key IF NOT EXISTS FOR (n:Event) ON (n.key)`
	articlePublishedIndex = `CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)`
	// The event filters' indexes: a range index on code also serves
	// STARTS WITH, which is how a code prefix filters.
	eventCodeIndex        = `CREATE INDEX event_code IF NOT EXISTS FOR (n:Event) ON (n.code)`
	eventQuadClassIndex   = `CREATE INDEX event_quad_class IF NOT EXISTS FOR (n:Event) ON (n.quadClass)`
	eventPloverIndex      = `CREATE INDEX event_plover IF NOT EXISTS FOR (n:Event) ON (n.plover)`
	eventGoldsteinIndex   = `CREATE INDEX event_goldstein IF NOT EXISTS FOR (n:Event) ON (n.goldstein)`
	involvesSectorIndex   = `CREATE INDEX involves_sector IF NOT EXISTS FOR ()-[r:INVOLVES]-() ON (r.sector)`
	holdsRoleArticleIndex = `CREATE INDEX holds_role_article IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.article)`
	partOfArticleIndex    = `CREATE INDEX part_of_article IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.article)`
	involvesArticleIndex  = `CREATE INDEX involves_article IF NOT EXISTS FOR ()-[r:INVOLVES]-() ON (r.article)`
	capitalOfArticleIndex = `CREATE INDEX capital_of_article IF NOT EXISTS FOR ()-[r:CAPITAL_OF]-() ON (r.article)`
	awaitIndexes          = `CALL db.awaitIndexes(300)` // returns nothing; waits until every index is online

	// entityNamesDefinitionCypher returns the indexed properties and the
	// analyzer of the entity_names index: one row, or none when it does
	// not exist.
	entityNamesDefinitionCypher = `SHOW FULLTEXT INDEXES YIELD name, properties, options
WHERE name = 'entity_names'
RETURN properties, options.indexConfig['fulltext.analyzer'] AS analyzer`
	dropEntityNamesIndex = `DROP INDEX entity_names IF EXISTS`
)

// Migrate creates the constraints and indexes if they do not exist and waits
// until they are online (a full-text query against a populating index
// fails). It is safe to call any number of times, concurrently too.
func (s *Store) Migrate(ctx context.Context) error {
	if err := s.dropStaleEntityNames(ctx); err != nil {
		return err
	}
	for _, stmt := range []string{
		entityIDConstraint, articleIDConstraint, eventIDConstraint,
		entityNamesIndex, eventTypeIndex, eventDateIndex, eventKeyIndex, articlePublishedIndex,
		eventCodeIndex, eventQuadClassIndex, eventPloverIndex, eventGoldsteinIndex, involvesSectorIndex,
		holdsRoleArticleIndex, partOfArticleIndex, involvesArticleIndex, capitalOfArticleIndex,
		awaitIndexes,
	} {
		_, err := neo4j.ExecuteQuery(ctx, s.driver, stmt, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithWritersRouting(), neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil {
			return storeError(ctx, "migrate", err)
		}
	}
	s.schemaMu.Lock()
	s.migrated = true
	s.schemaMu.Unlock()
	return nil
}

// ensureSchema runs Migrate once per Store, before the first write, so that
// a Neo4j that came up after the process still gets its schema (and its
// constraints before any data).
func (s *Store) ensureSchema(ctx context.Context) error {
	s.schemaMu.Lock()
	done := s.migrated
	s.schemaMu.Unlock()
	if done {
		return nil
	}
	return s.Migrate(ctx)
}

// MigrateWhenReady runs Migrate until it succeeds, waiting every between
// tries; it returns nil once the schema is in place, or ctx's error. The
// server starts it in the background so that it can serve (and report not
// ready) while Neo4j is still starting.
func (s *Store) MigrateWhenReady(ctx context.Context, every time.Duration) error {
	for {
		err := s.Migrate(ctx)
		if err == nil {
			s.logger.Info("neo4j schema is in place")
			return nil
		}
		s.logger.Warn("neo4j schema not in place yet; retrying", "in", every, "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(every):
		}
	}
}

// dropStaleEntityNames drops the entity_names index when it exists with
// other properties or another analyzer than this version creates, so that
// Migrate converges on the current definition instead of IF NOT EXISTS
// keeping an old one forever. The index is rebuilt from the nodes.
func (s *Store) dropStaleEntityNames(ctx context.Context) error {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, entityNamesDefinitionCypher, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithWritersRouting(), neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		return storeError(ctx, "migrate", err)
	}
	if len(res.Records) == 0 {
		return nil
	}
	props, _ := res.Records[0].Values[0].([]any)
	analyzer, _ := res.Records[0].Values[1].(string)
	if len(props) == 2 && props[0] == "name" && props[1] == "aliasText" && analyzer == "standard-folding" {
		return nil
	}
	s.logger.Warn("replacing the entity_names index with the current definition", "properties", props, "analyzer", analyzer)
	_, err = neo4j.ExecuteQuery(ctx, s.driver, dropEntityNamesIndex, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithWritersRouting(), neo4j.ExecuteQueryWithDatabase(s.db))
	return storeError(ctx, "migrate", err)
}
