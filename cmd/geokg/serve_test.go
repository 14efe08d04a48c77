package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/neo4jstore"
)

// serveConfig is the default configuration with Neo4j from the test's
// environment, as the integration tests elsewhere read it.
func serveConfig(t *testing.T) config {
	t.Helper()
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// openServeStore opens the real store; an unreachable Neo4j fails the test.
func openServeStore(t *testing.T, cfg config) *neo4jstore.Store {
	t.Helper()
	ctx := context.Background()
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{
		URI: cfg.Neo4jURI, User: cfg.Neo4jUser, Password: cfg.Neo4jPassword, Database: cfg.Neo4jDatabase,
		MaxRetryTime: time.Second,
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Neo4j at %s is not reachable (start it with `bash scripts/neo4j.sh start`): %v", cfg.Neo4jURI, err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// serveFixture is a small world under prefix p:
//
//	halvard (Person) HOLDS_ROLE Chancellor -> council (Organization)
//	kelm (Location) CAPITAL_OF ostravia (Country)
//	article: mentions halvard and mirela
//	  ev1 CONSULT 2023-05-01: halvard -> odo, in kelm
//	  ev2 THREATEN 2023-05-03: odo -> mirela, in ostravia
//
// halvard and mirela are two hops apart through the article, four through
// the events.
func serveFixture(p string) geokg.Facts {
	e := func(id, name string, k geokg.Kind, aliases ...string) geokg.Entity {
		return geokg.Entity{ID: p + id, Name: name, Kind: k, Aliases: aliases, Confidence: 1, Source: "kb"}
	}
	ev := func(sentence int, text string) []geokg.Evidence {
		return []geokg.Evidence{{ArticleID: p + "article:quenby", Sentence: sentence, Text: text}}
	}
	return geokg.Facts{
		Article: geokg.Article{ID: p + "article:quenby", Title: "Quenby and Vantosk", Body: "...", Published: "2023-05-04", Hash: "h1"},
		Entities: []geokg.Entity{
			e("person:halvard", "Halvard Quenby", geokg.KindPerson, "H. Quenby"),
			e("person:mirela", "Mirela Vantosk", geokg.KindPerson),
			e("person:odo", "Odo Ferrant", geokg.KindPerson),
			e("country:ostravia", "Ostravia", geokg.KindCountry, "Ostravian Republic"),
			e("location:kelm", "Kelm", geokg.KindLocation),
			e("organization:council", "Kelm Council", geokg.KindOrganization),
		},
		Mentions: []geokg.Mention{
			{EntityID: p + "person:halvard", Count: 2, Surface: []string{"Quenby"}, First: geokg.Evidence{Sentence: 1, Text: "Quenby spoke."}},
			{EntityID: p + "person:mirela", Count: 1, Surface: []string{"Vantosk"}, First: geokg.Evidence{Sentence: 2, Text: "Vantosk listened."}},
		},
		Relations: []geokg.Relation{
			{Type: geokg.RelHoldsRole, From: p + "person:halvard", To: p + "organization:council", Title: "Chancellor", Source: "kb"},
			{Type: geokg.RelCapitalOf, From: p + "location:kelm", To: p + "country:ostravia", Source: "kb"},
		},
		Events: []geokg.Event{
			{ID: p + "event:ev1", Type: "CONSULT", CAMEO: "04", Date: "2023-05-01", Confidence: 0.9,
				Participants: []geokg.Participant{{ID: p + "person:halvard", Role: geokg.RoleActor}, {ID: p + "person:odo", Role: geokg.RoleTarget}},
				Location:     p + "location:kelm", Evidence: ev(3, "Quenby met Ferrant in Kelm.")},
			{ID: p + "event:ev2", Type: "THREATEN", CAMEO: "13", Date: "2023-05-03", Confidence: 0.8,
				Participants: []geokg.Participant{{ID: p + "person:odo", Role: geokg.RoleActor}, {ID: p + "person:mirela", Role: geokg.RoleTarget}},
				Location:     p + "country:ostravia", Evidence: ev(4, "Ferrant threatened Vantosk.")},
		},
	}
}

type gqlAnswer struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	raw string
}

func (a gqlAnswer) code() string {
	if len(a.Errors) == 0 {
		return ""
	}
	c, _ := a.Errors[0].Extensions["code"].(string)
	return c
}

// ask posts a GraphQL query to the server at base and decodes field into v
// (when v is not nil and the answer has no errors).
func ask(t *testing.T, base, query string, vars map[string]any, field string, v any) gqlAnswer {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := gqlAnswer{raw: string(raw)}
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	if v != nil {
		if len(a.Errors) > 0 {
			t.Fatalf("errors: %s", raw)
		}
		if err := json.Unmarshal(a.Data[field], v); err != nil {
			t.Fatalf("decode %s of %s: %v", field, raw, err)
		}
	}
	return a
}

type node struct {
	Key, Label, Kind string
	Degree           int
}

func ids(ns []node) []string {
	out := []string{}
	for _, n := range ns {
		out = append(out, n.Key)
	}
	return out
}

func TestServeAnswersOverHTTP(t *testing.T) {
	cfg := serveConfig(t)
	store := openServeStore(t, cfg)
	ctx := context.Background()
	p := "test-serve-http-"
	if err := neo4jstore.DeleteTestData(ctx, store, p); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { neo4jstore.DeleteTestData(context.Background(), store, p) })
	if _, err := store.WriteFacts(ctx, serveFixture(p)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(newServer(store, nil, cfg, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	halvard, mirela, odo := p+"person:halvard", p+"person:mirela", p+"person:odo"

	t.Run("EntityByName", func(t *testing.T) {
		var e struct {
			ID, Key, Name, Kind string
			Offices             struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Title        string
						Organization struct{ Name string }
					}
				}
			}
			Relationships struct {
				Edges []struct {
					Node struct {
						Type, Direction string
						Other           node
					}
				}
			}
		}
		ask(t, srv.URL, `query($n: String!) { entityByName(name: $n) {
			id key name kind
			... on Person { offices { totalCount edges { node { title organization { name } } } } }
			relationships(types: [HOLDS_ROLE, INVOLVES]) { edges { node { type direction other { key label kind } } } }
		} }`, map[string]any{"n": "h. quenby"}, "entityByName", &e)
		if e.Name != "Halvard Quenby" || e.Kind != "PERSON" || e.Key != halvard || e.ID == e.Key {
			t.Errorf("got %s %s (%s), id %q, want Halvard Quenby (PERSON) with an opaque id", e.Key, e.Name, e.Kind, e.ID)
		}
		if e.Offices.TotalCount != 1 || e.Offices.Edges[0].Node.Title != "Chancellor" || e.Offices.Edges[0].Node.Organization.Name != "Kelm Council" {
			t.Errorf("offices: got %+v, want Chancellor of the Kelm Council", e.Offices)
		}
		rels := e.Relationships.Edges
		if len(rels) != 2 || rels[0].Node.Type != "HOLDS_ROLE" || rels[0].Node.Direction != "OUTGOING" ||
			rels[1].Node.Type != "INVOLVES" || rels[1].Node.Other.Kind != "EVENT" || rels[1].Node.Other.Label != "CONSULT 2023-05-01" {
			t.Errorf("relationships: got %+v, want HOLDS_ROLE out, then INVOLVES from the CONSULT event", rels)
		}
		var again struct{ Name string }
		ask(t, srv.URL, `query($id: ID!) { node(id: $id) { ... on Person { name } } }`, map[string]any{"id": e.ID}, "node", &again)
		if again.Name != "Halvard Quenby" {
			t.Errorf("node(id) of the opaque id: got %+v, want Halvard Quenby", again)
		}
		var none *struct{ ID string }
		if a := ask(t, srv.URL, `{ entityByName(name: "Nobody Atall") { id } }`, nil, "entityByName", &none); none != nil {
			t.Errorf("unknown name: got %s, want null", a.raw)
		}
	})

	t.Run("Search", func(t *testing.T) {
		var hits struct {
			Edges []struct {
				Node         struct{ Key, Name string }
				Score        float64
				MatchedAlias string
			}
		}
		ask(t, srv.URL, `{ search(text: "Ostravian Republik", kinds: [COUNTRY], first: 5) { edges { node { key name } score matchedAlias } } }`, nil, "search", &hits)
		if len(hits.Edges) == 0 || hits.Edges[0].Node.Name != "Ostravia" || hits.Edges[0].MatchedAlias != "Ostravian Republic" || hits.Edges[0].Score <= 0 {
			t.Errorf("got %+v, want Ostravia first, matched by its alias", hits)
		}
	})

	t.Run("Neighborhood", func(t *testing.T) {
		var g struct {
			Nodes []node
			Edges []struct{ Source, Target, Type string }
		}
		ask(t, srv.URL, `query($id: ID!) { neighborhood(ids: [$id], depth: 2, kinds: [PERSON]) { nodes { key label kind degree } edges { source target type weight } } }`,
			map[string]any{"id": halvard}, "neighborhood", &g)
		want := []string{halvard, p + "event:ev1", odo}
		if got := ids(g.Nodes); !slices.Equal(got, want) {
			t.Errorf("nodes: got %v, want %v", got, want)
		}
		if len(g.Edges) != 2 || g.Nodes[1].Degree != 2 {
			t.Errorf("edges: got %+v and nodes %+v, want the event's two INVOLVES", g.Edges, g.Nodes)
		}
	})

	t.Run("PathsAvoidArticles", func(t *testing.T) {
		var paths []struct {
			Length        int
			Nodes         []node
			Relationships []struct{ Type string }
		}
		ask(t, srv.URL, `query($a: ID!, $b: ID!) { paths(from: $a, to: $b) { length nodes { key kind } relationships { type } } }`,
			map[string]any{"a": halvard, "b": mirela}, "paths", &paths)
		want := []string{halvard, p + "event:ev1", odo, p + "event:ev2", mirela}
		if len(paths) != 1 || paths[0].Length != 4 || !slices.Equal(ids(paths[0].Nodes), want) {
			t.Fatalf("got %+v, want one path %v", paths, want)
		}
		for _, n := range paths[0].Nodes {
			if n.Kind == "ARTICLE" {
				t.Errorf("path runs through article %s", n.Key)
			}
		}
		ask(t, srv.URL, `query($a: ID!, $b: ID!) { paths(from: $a, to: $b, via: [PERSON, EVENT, ARTICLE]) { length nodes { key kind } } }`,
			map[string]any{"a": halvard, "b": mirela}, "paths", &paths)
		if len(paths) != 1 || paths[0].Length != 2 || paths[0].Nodes[1].Kind != "ARTICLE" {
			t.Errorf("through articles: got %+v, want one path of 2 through the article", paths)
		}
	})

	t.Run("EventsByTypeAndLocation", func(t *testing.T) {
		type event struct {
			Key, Type, Date string
			Participants    []struct {
				Role   string
				Entity struct{ Key, Name string }
			}
			Location *struct{ Key string }
			Evidence []evidence
		}
		var conn struct {
			TotalCount int
			Edges      []struct{ Node event }
		}
		q := `query($loc: ID!, $types: [EventType!]) { events(filter: {location: $loc, types: $types}) { totalCount edges { node {
			key type date participants { role entity { key name } } location { key } evidence { article { key title } text } } } } }`
		ask(t, srv.URL, q, map[string]any{"loc": p + "country:ostravia", "types": []string{"CONSULT"}}, "events", &conn)
		if len(conn.Edges) != 1 || conn.TotalCount != 1 || conn.Edges[0].Node.Key != p+"event:ev1" || conn.Edges[0].Node.Type != "CONSULT" || conn.Edges[0].Node.Date != "2023-05-01" {
			t.Fatalf("got %+v, want ev1 (CONSULT in Kelm, Ostravia's capital)", conn)
		}
		e := conn.Edges[0].Node
		if len(e.Participants) != 2 || e.Participants[0].Role != "ACTOR" || e.Participants[0].Entity.Name != "Halvard Quenby" ||
			e.Participants[1].Role != "TARGET" || e.Participants[1].Entity.Key != odo {
			t.Errorf("participants: got %+v, want Quenby (ACTOR), Ferrant (TARGET)", e.Participants)
		}
		if e.Location == nil || e.Location.Key != p+"location:kelm" {
			t.Errorf("location: got %+v, want kelm", e.Location)
		}
		if len(e.Evidence) != 1 || e.Evidence[0].Article.Title != "Quenby and Vantosk" || e.Evidence[0].Text != "Quenby met Ferrant in Kelm." {
			t.Errorf("evidence: got %+v", e.Evidence)
		}
		ask(t, srv.URL, q, map[string]any{"loc": p + "country:ostravia", "types": nil}, "events", &conn)
		if len(conn.Edges) != 2 || conn.Edges[0].Node.Key != p+"event:ev2" {
			t.Errorf("all events in Ostravia: got %+v, want ev2 then ev1", conn)
		}
	})

	t.Run("ArticleWithEntities", func(t *testing.T) {
		var a struct {
			Title    string
			Entities []struct {
				Count  int
				Entity struct{ Key string }
			}
			Events []struct{ Key string }
		}
		ask(t, srv.URL, `query($id: ID!) { node(id: $id) { ... on Article { title entities { count entity { key } } events { key } } } }`,
			map[string]any{"id": p + "article:quenby"}, "node", &a)
		if a.Title != "Quenby and Vantosk" || len(a.Entities) != 2 || a.Entities[0].Entity.Key != halvard || a.Entities[0].Count != 2 || len(a.Events) != 2 {
			t.Errorf("got %+v, want the article with Quenby (2 mentions) first and two events", a)
		}
	})

	t.Run("BadArgumentsAreBadUserInput", func(t *testing.T) {
		for _, c := range []struct{ query, arg string }{
			{`{ neighborhood(ids: ["` + halvard + `"], depth: 4) { nodes { id } } }`, "depth"},
			{`{ paths(from: "` + halvard + `", to: "` + mirela + `", maxLength: 9) { length } }`, "maxLength"},
			{`{ search(text: "x", first: 1000) { totalCount } }`, "first"},
			{`{ search(text: "x", after: "not-a-cursor") { totalCount } }`, "after"},
			{`{ neighborhood(ids: ["` + p + `nobody"]) { nodes { id } } }`, "ids"},
			{`{ events(filter: {location: "` + p + `nowhere"}) { totalCount } }`, "location"},
			{`{ events(filter: {from: "yesterday"}) { totalCount } }`, "from"},
			{`{ timeline(id: "` + p + `nobody") { totalCount } }`, "id"},
		} {
			a := ask(t, srv.URL, c.query, nil, "", nil)
			if a.code() != "BAD_USER_INPUT" || !strings.HasPrefix(a.Errors[0].Message, c.arg+":") {
				t.Errorf("%s: got %s, want BAD_USER_INPUT naming %s", c.query, a.raw, c.arg)
			}
		}
	})

	t.Run("UnknownFieldIsAnErrorWithoutInternals", func(t *testing.T) {
		a := ask(t, srv.URL, `{ entity(id: "x") { id favouriteColour } }`, nil, "", nil)
		if len(a.Errors) == 0 || !strings.Contains(a.Errors[0].Message, "favouriteColour") || a.code() != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("got %s, want a validation error naming the field", a.raw)
		}
		for _, leak := range []string{"goroutine", ".go:", "neo4j", "MATCH"} {
			if strings.Contains(a.raw, leak) {
				t.Errorf("answer contains %q: %s", leak, a.raw)
			}
		}
	})

	t.Run("HealthAndReadiness", func(t *testing.T) {
		for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/": 200} {
			resp, err := http.Get(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Errorf("GET %s: got %d, want %d", path, resp.StatusCode, want)
			}
		}
	})

	t.Run("BodyOverTheLimitIsRefused", func(t *testing.T) {
		small := cfg
		small.MaxBodyBytes = 64
		s := httptest.NewServer(newServer(store, nil, small, slog.New(slog.DiscardHandler)))
		defer s.Close()
		body := `{"query": "{ search(text: \"` + strings.Repeat("a", 200) + `\") { totalCount } }"}`
		resp, err := http.Post(s.URL+"/graphql", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		// gqlgen answers an unreadable body with a GraphQL error.
		if !strings.Contains(string(raw), "request body too large") || strings.Contains(string(raw), "totalCount") {
			t.Errorf("got %d %s, want a refusal saying the body is too large", resp.StatusCode, raw)
		}
	})
}

// TestServeWithoutNeo4j checks that the server works without Neo4j: it
// answers queries with DATABASE_UNAVAILABLE and says it is not ready.
func TestServeWithoutNeo4j(t *testing.T) {
	cfg := serveConfig(t)
	store, err := neo4jstore.Open(context.Background(), neo4jstore.Config{URI: "bolt://127.0.0.1:1", User: "neo4j", Password: "x", MaxRetryTime: time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(context.Background())
	srv := httptest.NewServer(newServer(store, nil, cfg, slog.New(slog.DiscardHandler)))
	defer srv.Close()

	a := ask(t, srv.URL, `{ search(text: "Quenby") { totalCount } }`, nil, "", nil)
	if a.code() != "DATABASE_UNAVAILABLE" || a.Errors[0].Message != "the graph database is unavailable; try again shortly" {
		t.Errorf("got %s, want DATABASE_UNAVAILABLE", a.raw)
	}
	resp, err := http.Get(srv.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var ready struct{ Status, Reason string }
	json.NewDecoder(resp.Body).Decode(&ready)
	if resp.StatusCode != http.StatusServiceUnavailable || ready.Status != "unavailable" || ready.Reason == "" {
		t.Errorf("/readyz: got %d %+v, want 503 unavailable with a reason", resp.StatusCode, ready)
	}
	if resp, err := http.Get(srv.URL + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Errorf("/healthz: got %v %v, want 200", resp, err)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines to log to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestRunServeStartsAndShutsDown runs the serve command itself, with Neo4j
// unreachable, and stops it by canceling its context.
func TestRunServeStartsAndShutsDown(t *testing.T) {
	cfg := serveConfig(t)
	cfg.Neo4jURI = "bolt://127.0.0.1:1"
	var logs syncBuffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, cfg, logger, []string{"-addr", "127.0.0.1:0", "-no-playground"}, io.Discard)
	}()

	addr := regexp.MustCompile(`serving GraphQL at http://([0-9.:]+)/graphql`)
	var base string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline) && base == ""; time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(logs.String()); m != nil {
			base = "http://" + m[1]
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("no start line in logs:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "playground at") {
		t.Errorf("-no-playground: logs announce a playground:\n%s", logs.String())
	}
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 503, "/": 404} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: got %d, want %d", path, resp.StatusCode, want)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("runServe: got %v, want nil after shutdown", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("runServe did not return after cancel")
	}
	if !strings.Contains(logs.String(), `msg=request method=GET path=/healthz status=200`) {
		t.Errorf("no access log line for /healthz in:\n%s", logs.String())
	}
}
