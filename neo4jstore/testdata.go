package neo4jstore

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg"
)

// deleteTestDataCypher deletes every Entity, Article and Event whose id
// starts with $prefix, with their relationships. Returns nothing.
const deleteTestDataCypher = `
MATCH (n) WHERE (n:Entity OR n:Article OR n:Event) AND n.id STARTS WITH $prefix
DETACH DELETE n`

// DeleteTestData deletes the nodes a test created: those whose id starts
// with prefix. It exists so that tests in other packages (graph/, cmd/)
// can clean up after themselves without Cypher of their own. Neo4j
// Community has a single user database that tests share with loaded data,
// so prefix must start with "test-" and the call refuses anything else.
func DeleteTestData(ctx context.Context, s *Store, prefix string) error {
	if !strings.HasPrefix(prefix, "test-") || len(prefix) < len("test-x") {
		return geokg.Errorf(geokg.CodeInvalid, "test data prefix %q must start with \"test-\" and name the test", prefix)
	}
	_, err := neo4j.ExecuteQuery(ctx, s.driver, deleteTestDataCypher, map[string]any{"prefix": prefix},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithWritersRouting(), neo4j.ExecuteQueryWithDatabase(s.db))
	return storeError(ctx, "delete test data", err)
}
