package neo4jstore

import (
	"context"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg"
)

func getenv(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// MustOpenStore opens the store on the Neo4j that `scripts/neo4j.sh start`
// runs (or NEO4J_URI / NEO4J_PASSWORD), migrates it and closes it when the
// test ends. An unreachable Neo4j fails the test: these are integration
// tests, and skipping them would pass a build that tested nothing.
func MustOpenStore(tb testing.TB) *Store {
	tb.Helper()
	ctx := context.Background()
	uri := getenv("NEO4J_URI", "bolt://127.0.0.1:7687")
	s, err := Open(ctx, Config{
		URI:          uri,
		User:         getenv("NEO4J_USER", "neo4j"),
		Password:     getenv("NEO4J_PASSWORD", "geokg-password"),
		Database:     getenv("NEO4J_DATABASE", "neo4j"),
		MaxRetryTime: 5 * time.Second,
	}, slog.New(slog.DiscardHandler))
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { s.Close(context.Background()) })
	if err := s.Ping(ctx); err != nil {
		tb.Fatalf("Neo4j at %s is not reachable (start it with `bash scripts/neo4j.sh start`): %v", uri, err)
	}
	if err := s.Migrate(ctx); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return s
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// testPrefix returns an id prefix unique to the test and deletes every node
// with that prefix before (leftovers of an interrupted run) and after it.
func testPrefix(tb testing.TB, s *Store) string {
	tb.Helper()
	p := "test-" + strings.Trim(nonID.ReplaceAllString(strings.ToLower(tb.Name()), "-"), "-") + "-"
	if err := DeleteTestData(context.Background(), s, p); err != nil {
		tb.Fatalf("delete leftovers: %v", err)
	}
	tb.Cleanup(func() {
		if err := DeleteTestData(context.Background(), s, p); err != nil {
			tb.Errorf("delete test data: %v", err)
		}
	})
	return p
}

// countCypher returns the number of nodes with an id starting with $p and
// of relationships touching them.
const countCypher = `
CALL () { MATCH (n) WHERE n.id STARTS WITH $p RETURN count(n) AS nodes }
CALL () { MATCH (n)-[r]-() WHERE n.id STARTS WITH $p RETURN count(DISTINCT r) AS rels }
RETURN nodes, rels`

func countData(tb testing.TB, s *Store, prefix string) (nodes, rels int) {
	tb.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, countCypher, map[string]any{"p": prefix},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		tb.Fatalf("count: %v", err)
	}
	n, _ := res.Records[0].Values[0].(int64)
	r, _ := res.Records[0].Values[1].(int64)
	return int(n), int(r)
}

// world is a small fictional world, every id prefixed so that tests can
// share the database with each other and with loaded articles:
//
//	alpha (Person) HOLDS_ROLE Foreign Minister -> north (Country)
//	capital (Location) CAPITAL_OF north; war (Conflict) INVOLVES north, south
//	article one: mentions alpha, beta, north, war; written by writer;
//	  e1 CONSULT 2024-03-01: alpha (actor) -> gamma (target), in capital, about war
//	article two: mentions gamma, beta, south;
//	  e2 ACCUSE 2024-03-05: gamma (actor) -> beta (target), in south
//
// So alpha and beta are two hops apart through article one and four hops
// apart through events (alpha-e1-gamma-e2-beta).
type world struct {
	p                                  string
	alpha, beta, gamma, writer         string
	north, south, capital, league, war string
	one, two                           string
	e1, e2                             string
	entities                           map[string]geokg.Entity
	articleOne, articleTwo             geokg.Facts
}

func newWorld(p string) *world {
	w := &world{
		p:     p,
		alpha: p + "person:alpha", beta: p + "person:beta", gamma: p + "person:gamma", writer: p + "person:writer",
		north: p + "country:north", south: p + "country:south", capital: p + "location:capital",
		league: p + "organization:league", war: p + "conflict:war",
		one: p + "article:one", two: p + "article:two",
		e1: p + "event:e1", e2: p + "event:e2",
	}
	w.entities = map[string]geokg.Entity{}
	add := func(id, name string, k geokg.Kind, aliases ...string) {
		w.entities[id] = geokg.Entity{ID: id, Name: name, Kind: k, Aliases: aliases, Confidence: 1, Source: "kb"}
	}
	add(w.alpha, "Quillon Marbury", geokg.KindPerson, "Q. Marbury")
	add(w.beta, "Ysolde Trevanion", geokg.KindPerson)
	add(w.gamma, "Corvin Ashgrove", geokg.KindPerson)
	add(w.writer, "Tamsin Reeve", geokg.KindPerson)
	add(w.north, "Norvania", geokg.KindCountry, "Republic of Norvania")
	add(w.south, "Sudmark", geokg.KindCountry)
	add(w.capital, "Norvagrad", geokg.KindLocation)
	add(w.league, "Concord League", geokg.KindOrganization)
	add(w.war, "Norvania-Sudmark War", geokg.KindConflict)

	ents := func(ids ...string) []geokg.Entity {
		var out []geokg.Entity
		for _, id := range ids {
			out = append(out, w.entities[id])
		}
		return out
	}
	kb := []geokg.Relation{
		{Type: geokg.RelCapitalOf, From: w.capital, To: w.north, Source: "kb"},
		{Type: geokg.RelInvolves, From: w.war, To: w.north, Side: "A", Source: "kb"},
		{Type: geokg.RelInvolves, From: w.war, To: w.south, Side: "B", Source: "kb"},
	}
	ev := func(article string, sentence int, text string) []geokg.Evidence {
		return []geokg.Evidence{{ArticleID: article, Sentence: sentence, Text: text}}
	}
	w.articleOne = geokg.Facts{
		Article: geokg.Article{
			ID: w.one, Title: "Marbury meets Ashgrove in Norvagrad", Body: "Quillon Marbury met Corvin Ashgrove.",
			Published: "2024-03-02", Author: "Tamsin Reeve", AuthorID: w.writer, Hash: "hash-one-v1",
		},
		Entities: ents(w.alpha, w.beta, w.gamma, w.writer, w.north, w.south, w.capital, w.war),
		Mentions: []geokg.Mention{
			{EntityID: w.alpha, Count: 3, Surface: []string{"Quillon Marbury", "Marbury"}, First: geokg.Evidence{ArticleID: w.one, Sentence: 1, Text: "Quillon Marbury met Corvin Ashgrove."}},
			{EntityID: w.beta, Count: 1, Surface: []string{"Trevanion"}, First: geokg.Evidence{ArticleID: w.one, Sentence: 2, Text: "Trevanion was absent."}},
			{EntityID: w.north, Count: 2, Surface: []string{"Norvania"}, First: geokg.Evidence{ArticleID: w.one, Sentence: 0, Text: "Norvania talks"}},
			{EntityID: w.war, Count: 1, Surface: []string{"the war"}, First: geokg.Evidence{ArticleID: w.one, Sentence: 3, Text: "They discussed the war."}},
		},
		Relations: append([]geokg.Relation{
			{Type: geokg.RelHoldsRole, From: w.alpha, To: w.north, Title: "Foreign Minister", Since: "2021-05-01", Source: "article",
				Evidence: &geokg.Evidence{ArticleID: w.one, Sentence: 1, Text: "Foreign Minister Quillon Marbury of Norvania."}},
		}, kb...),
		Events: []geokg.Event{{
			ID: w.e1, Type: "CONSULT", CAMEO: "04", Date: "2024-03-01", Confidence: 0.8,
			Participants: []geokg.Participant{{ID: w.alpha, Role: geokg.RoleActor}, {ID: w.gamma, Role: geokg.RoleTarget}},
			About:        []string{w.war}, Location: w.capital,
			Evidence: ev(w.one, 1, "Quillon Marbury met Corvin Ashgrove in Norvagrad."),
		}},
	}
	w.articleTwo = geokg.Facts{
		Article:  geokg.Article{ID: w.two, Title: "Ashgrove accuses Trevanion", Body: "Ashgrove accused Trevanion.", Published: "2024-03-06", PublishedInferred: true, Hash: "hash-two-v1"},
		Entities: ents(w.gamma, w.beta, w.south, w.north, w.capital, w.war),
		Mentions: []geokg.Mention{
			{EntityID: w.gamma, Count: 2, Surface: []string{"Ashgrove"}, First: geokg.Evidence{ArticleID: w.two, Sentence: 0, Text: "Ashgrove accuses Trevanion"}},
			{EntityID: w.beta, Count: 2, Surface: []string{"Trevanion"}, First: geokg.Evidence{ArticleID: w.two, Sentence: 0, Text: "Ashgrove accuses Trevanion"}},
			{EntityID: w.south, Count: 1, Surface: []string{"Sudmark"}, First: geokg.Evidence{ArticleID: w.two, Sentence: 1, Text: "In Sudmark, Ashgrove accused Trevanion."}},
		},
		Relations: kb,
		Events: []geokg.Event{{
			ID: w.e2, Type: "ACCUSE", CAMEO: "11", Date: "2024-03-05", Confidence: 0.7,
			Participants: []geokg.Participant{{ID: w.gamma, Role: geokg.RoleActor}, {ID: w.beta, Role: geokg.RoleTarget}},
			Location:     w.south,
			Evidence:     ev(w.two, 1, "In Sudmark, Ashgrove accused Trevanion."),
		}},
	}
	return w
}

// load writes the world's two articles.
func (w *world) load(tb testing.TB, s *Store) {
	tb.Helper()
	for _, f := range []geokg.Facts{w.articleOne, w.articleTwo} {
		if _, err := s.WriteFacts(context.Background(), f); err != nil {
			tb.Fatalf("write %s: %v", f.Article.ID, err)
		}
	}
}

func wantCode(tb testing.TB, err error, want geokg.Code) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("got no error, want code %s", want)
	}
	if got := geokg.ErrorCode(err); got != want {
		tb.Fatalf("got code %s (%v), want %s", got, err, want)
	}
}
