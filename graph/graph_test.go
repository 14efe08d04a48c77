package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/neo4jstore"
)

func getenv(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// mustOpenStore opens the real store (see neo4jstore's MustOpenStore): an
// unreachable Neo4j fails the test.
func mustOpenStore(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	ctx := context.Background()
	uri := getenv("NEO4J_URI", "bolt://127.0.0.1:7687")
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{
		URI: uri, User: getenv("NEO4J_USER", "neo4j"), Password: getenv("NEO4J_PASSWORD", "geokg-password"),
		Database: getenv("NEO4J_DATABASE", "neo4j"), MaxRetryTime: 5 * time.Second,
	}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close(context.Background()) })
	if err := s.Ping(ctx); err != nil {
		tb.Fatalf("Neo4j at %s is not reachable (start it with `bash scripts/neo4j.sh start`): %v", uri, err)
	}
	if err := s.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	return s
}

// loadFixture writes three people who all took part in one event, under
// ids starting with prefix, and deletes them when the test ends.
func loadFixture(tb testing.TB, s *neo4jstore.Store, prefix string) []string {
	tb.Helper()
	ctx := context.Background()
	if err := neo4jstore.DeleteTestData(ctx, s, prefix); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { neo4jstore.DeleteTestData(context.Background(), s, prefix) })
	ids := []string{prefix + "person:a", prefix + "person:b", prefix + "person:c"}
	f := geokg.Facts{
		Article: geokg.Article{ID: prefix + "article", Title: "Three Brennicks meet", Hash: "h", Published: "2022-01-01"},
		Entities: []geokg.Entity{
			{ID: ids[0], Name: "Aldous Brennick", Kind: geokg.KindPerson, Confidence: 1},
			{ID: ids[1], Name: "Bettina Brennick", Kind: geokg.KindPerson, Confidence: 1},
			{ID: ids[2], Name: "Cyrus Brennick", Kind: geokg.KindPerson, Confidence: 1},
			{ID: prefix + "country", Name: "Brennland", Kind: geokg.KindCountry, Confidence: 1},
		},
		Relations: []geokg.Relation{
			{Type: geokg.RelHoldsRole, From: ids[0], To: prefix + "country", Title: "President", Source: "kb"},
			{Type: geokg.RelHoldsRole, From: ids[1], To: prefix + "country", Title: "Prime Minister", Source: "kb"},
		},
		Events: []geokg.Event{{
			ID: prefix + "event", Type: "CONSULT", CAMEO: "04", Date: "2022-01-01", Confidence: 1,
			Participants: []geokg.Participant{{ID: ids[0], Role: geokg.RoleActor}, {ID: ids[1], Role: geokg.RoleTarget}, {ID: ids[2], Role: geokg.RoleParticipant}},
			Evidence:     []geokg.Evidence{{Sentence: 1, Text: "The Brennicks met."}},
		}},
	}
	if _, err := s.WriteFacts(ctx, f); err != nil {
		tb.Fatal(err)
	}
	return ids
}

// countingReader counts the batched calls that reach the store.
type countingReader struct {
	geokg.GraphReader
	mu    sync.Mutex
	calls map[string][]int // method -> number of ids per call
}

func (c *countingReader) count(method string, ids int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls[method] = append(c.calls[method], ids)
}

func (c *countingReader) RelationshipsOf(ctx context.Context, ids []string, types []geokg.RelationType, first int) (map[string][]geokg.Relationship, error) {
	c.count("RelationshipsOf", len(ids))
	return c.GraphReader.RelationshipsOf(ctx, ids, types, first)
}

func (c *countingReader) EventsOf(ctx context.Context, ids []string, role geokg.ParticipantRole, first int) (map[string][]geokg.EventDetail, error) {
	c.count("EventsOf", len(ids))
	return c.GraphReader.EventsOf(ctx, ids, role, first)
}

func (c *countingReader) RolesOf(ctx context.Context, ids []string) (map[string][]geokg.Role, error) {
	c.count("RolesOf", len(ids))
	return c.GraphReader.RolesOf(ctx, ids)
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func post(tb testing.TB, url, query string, vars map[string]any) (gqlResponse, string) {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var raw bytes.Buffer
	raw.ReadFrom(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw.Bytes(), &out); err != nil {
		tb.Fatalf("decode %q: %v", raw.String(), err)
	}
	return out, raw.String()
}

// TestListFieldsAreBatched checks that the fields of a list of entities
// cost one store call per field, not one per entity.
func TestListFieldsAreBatched(t *testing.T) {
	s := mustOpenStore(t)
	ids := loadFixture(t, s, "test-graph-batched-")
	reader := &countingReader{GraphReader: s, calls: map[string][]int{}}
	srv := httptest.NewServer(NewHandler(reader, Options{}, nil))
	defer srv.Close()

	resp, raw := post(t, srv.URL, `query($p: ID!) {
		events(participant: $p) {
			participants {
				entity {
					id
					roles { title }
					relationships(types: [HOLDS_ROLE]) { type other { id } }
					events(first: 5) { id }
				}
			}
		}
	}`, map[string]any{"p": ids[0]})
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %s", raw)
	}
	var data struct {
		Events []struct {
			Participants []struct {
				Entity struct {
					ID    string
					Roles []struct{ Title string }
				}
			}
		}
	}
	if err := json.Unmarshal(resp.Data, &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Events) != 1 || len(data.Events[0].Participants) != 3 {
		t.Fatalf("got %s, want one event with three participants", raw)
	}
	if got := data.Events[0].Participants[0].Entity.Roles; len(got) != 1 || got[0].Title != "President" {
		t.Errorf("roles of the actor: got %v, want [President]", got)
	}
	for _, method := range []string{"RelationshipsOf", "EventsOf", "RolesOf"} {
		if got := reader.calls[method]; len(got) != 1 || got[0] != 3 {
			t.Errorf("%s: got calls with %v ids, want one call with 3", method, got)
		}
	}
}

// TestErrorsArePresentedWithCodes checks the error presenter, the recover
// function and the per-operation timeout.
func TestErrorsArePresentedWithCodes(t *testing.T) {
	s := mustOpenStore(t)
	ids := loadFixture(t, s, "test-graph-errors-")

	t.Run("PanicIsInternalWithoutStack", func(t *testing.T) {
		// A reader whose methods panic (its embedded interface is nil).
		srv := httptest.NewServer(NewHandler(&countingReader{}, Options{}, nil))
		defer srv.Close()
		resp, raw := post(t, srv.URL, `{ search(text: "x") { score } }`, nil)
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "INTERNAL" || resp.Errors[0].Message != "internal error" {
			t.Errorf("got %s, want one INTERNAL error saying internal error", raw)
		}
		if strings.Contains(raw, "goroutine") || strings.Contains(raw, ".go:") {
			t.Errorf("response leaks a stack trace: %s", raw)
		}
	})
	t.Run("TimeoutReachesTheStore", func(t *testing.T) {
		// The reader waits out the operation's deadline before asking
		// Neo4j, as a slow query would.
		srv := httptest.NewServer(NewHandler(slowReader{s}, Options{QueryTimeout: 50 * time.Millisecond}, nil))
		defer srv.Close()
		start := time.Now()
		resp, raw := post(t, srv.URL, `query($id: ID!) { neighborhood(id: $id) { nodes { id } } }`, map[string]any{"id": ids[0]})
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "TIMEOUT" {
			t.Errorf("got %s, want one TIMEOUT error", raw)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %s, want about the 50ms timeout", d)
		}
	})
	t.Run("TooDeepIsRefused", func(t *testing.T) {
		srv := httptest.NewServer(NewHandler(s, Options{DepthLimit: 3}, nil))
		defer srv.Close()
		resp, raw := post(t, srv.URL, `{ entity(id: "x") { events { participants { entity { id } } } } }`, nil)
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "DEPTH_LIMIT_EXCEEDED" {
			t.Errorf("got %s, want one DEPTH_LIMIT_EXCEEDED error", raw)
		}
	})
	t.Run("TooComplexIsRefused", func(t *testing.T) {
		srv := httptest.NewServer(NewHandler(s, Options{}, nil))
		defer srv.Close()
		resp, raw := post(t, srv.URL, `{ events(first: 100) { participants { entity { relationships(first: 100) { id } events(first: 100) { id } } } } }`, nil)
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Errorf("got %s, want one COMPLEXITY_LIMIT_EXCEEDED error", raw)
		}
	})
	t.Run("IntrospectionOnlyWhenEnabled", func(t *testing.T) {
		for _, enabled := range []bool{false, true} {
			srv := httptest.NewServer(NewHandler(s, Options{Introspection: enabled}, nil))
			resp, raw := post(t, srv.URL, `{ __schema { queryType { name } } }`, nil)
			srv.Close()
			if got := len(resp.Errors) == 0; got != enabled {
				t.Errorf("introspection enabled=%v: got %s", enabled, raw)
			}
		}
	})
}

// slowReader is the store, slowed down until the caller's deadline.
type slowReader struct{ geokg.GraphReader }

func (r slowReader) Neighborhood(ctx context.Context, id string, depth int, kinds []geokg.Kind, limit int, withArticles bool) (geokg.Graph, error) {
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
	}
	return r.GraphReader.Neighborhood(ctx, id, depth, kinds, limit, withArticles)
}
