package graph

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
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

// loadFixture writes n people who all took part in one event (the first
// as actor, the second as target), the first two holding offices of one
// country, under ids starting with prefix, and deletes them when the test
// ends.
func loadFixture(tb testing.TB, s *neo4jstore.Store, prefix string, n int) []string {
	tb.Helper()
	ctx := context.Background()
	if err := neo4jstore.DeleteTestData(ctx, s, prefix); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { neo4jstore.DeleteTestData(context.Background(), s, prefix) })
	var ids []string
	f := geokg.Facts{
		Article: geokg.Article{ID: prefix + "article:meet", Title: "The Brennicks meet", Hash: "h", Published: "2022-01-01"},
		Entities: []geokg.Entity{
			{ID: prefix + "country:brennland", Name: "Brennland", Kind: geokg.KindCountry, Confidence: 1},
		},
	}
	ev := geokg.Event{
		ID: prefix + "event:meeting", Type: "CONSULT", CAMEO: "04", Date: "2022-01-01", Confidence: 1,
		Evidence: []geokg.Evidence{{Sentence: 1, Text: "The Brennicks met."}},
	}
	for i := range n {
		id := fmt.Sprintf("%sperson:p%d", prefix, i)
		ids = append(ids, id)
		f.Entities = append(f.Entities, geokg.Entity{ID: id, Name: fmt.Sprintf("Brennick %c", 'A'+i), Kind: geokg.KindPerson, Confidence: 1})
		f.Mentions = append(f.Mentions, geokg.Mention{EntityID: id, Count: 1, Surface: []string{"Brennick"}, First: geokg.Evidence{Sentence: 1, Text: "The Brennicks met."}})
		role := geokg.RoleParticipant
		switch i {
		case 0:
			role = geokg.RoleActor
		case 1:
			role = geokg.RoleTarget
		}
		ev.Participants = append(ev.Participants, geokg.Participant{ID: id, Role: role})
	}
	f.Relations = []geokg.Relation{
		{Type: geokg.RelHoldsRole, From: ids[0], To: prefix + "country:brennland", Title: "President", Source: "kb"},
		{Type: geokg.RelHoldsRole, From: ids[1], To: prefix + "country:brennland", Title: "Prime Minister", Source: "kb"},
	}
	f.Events = []geokg.Event{ev}
	if _, err := s.WriteFacts(ctx, f); err != nil {
		tb.Fatal(err)
	}
	return ids
}

// countingReader counts the calls that reach the store: each is one round
// trip to Neo4j.
type countingReader struct {
	geokg.GraphReader
	mu    sync.Mutex
	calls map[string]int
}

func newCountingReader(g geokg.GraphReader) *countingReader {
	return &countingReader{GraphReader: g, calls: map[string]int{}}
}

func (c *countingReader) count(method string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls[method]++
}

func (c *countingReader) total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, v := range c.calls {
		n += v
	}
	return n
}

func (c *countingReader) Events(ctx context.Context, f geokg.EventFilter, p geokg.Page) (geokg.Paged[geokg.EventDetail], error) {
	c.count("Events")
	return c.GraphReader.Events(ctx, f, p)
}

func (c *countingReader) EntitiesByID(ctx context.Context, ids []string) (map[string]geokg.Entity, error) {
	c.count("EntitiesByID")
	return c.GraphReader.EntitiesByID(ctx, ids)
}

func (c *countingReader) ArticlesByID(ctx context.Context, ids []string) (map[string]geokg.Article, error) {
	c.count("ArticlesByID")
	return c.GraphReader.ArticlesByID(ctx, ids)
}

func (c *countingReader) ArticleContents(ctx context.Context, ids []string) (map[string]geokg.ArticleContent, error) {
	c.count("ArticleContents")
	return c.GraphReader.ArticleContents(ctx, ids)
}

func (c *countingReader) MentionCounts(ctx context.Context, ids []string) (map[string]int, error) {
	c.count("MentionCounts")
	return c.GraphReader.MentionCounts(ctx, ids)
}

func (c *countingReader) RelationshipsOf(ctx context.Context, ids []string, types []geokg.RelationType, p geokg.Page) (map[string]geokg.Paged[geokg.Relationship], error) {
	c.count("RelationshipsOf")
	return c.GraphReader.RelationshipsOf(ctx, ids, types, p)
}

func (c *countingReader) EventsOf(ctx context.Context, ids []string, role geokg.ParticipantRole, p geokg.Page) (map[string]geokg.Paged[geokg.EventDetail], error) {
	c.count("EventsOf")
	return c.GraphReader.EventsOf(ctx, ids, role, p)
}

func (c *countingReader) OfficesOf(ctx context.Context, ids []string, f geokg.RoleFilter, p geokg.Page) (map[string]geokg.Paged[geokg.Role], error) {
	c.count("OfficesOf")
	return c.GraphReader.OfficesOf(ctx, ids, f, p)
}

func (c *countingReader) CoMentionsOf(ctx context.Context, ids []string, kinds []geokg.Kind, p geokg.Page) (map[string]geokg.Paged[geokg.CoMention], error) {
	c.count("CoMentionsOf")
	return c.GraphReader.CoMentionsOf(ctx, ids, kinds, p)
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func post(tb testing.TB, url, query string, vars map[string]any, header ...string) (gqlResponse, string) {
	tb.Helper()
	return postBody(tb, url, map[string]any{"query": query, "variables": vars}, header...)
}

// postBody sends body as the JSON of a GraphQL request.
func postBody(tb testing.TB, url string, request map[string]any, header ...string) (gqlResponse, string) {
	tb.Helper()
	body, _ := json.Marshal(request)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
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

// nestedQuery asks, for every participant of the events of a person, for
// the person's fields that are lists: it is as deep as it is whatever the
// number of participants.
const nestedQuery = `query($p: ID!) {
	events(filter: {participant: $p}) {
		edges { node {
			participants {
				entity {
					key
					mentionCount
					relationships(types: [HOLDS_ROLE]) { totalCount edges { node { type other { key } } } }
					events(first: 5) { totalCount edges { node { key } } }
					coMentions(first: 5) { totalCount edges { node { sharedArticles entity { key } articles { key events { key } } } } }
					... on Person { offices { totalCount edges { node { title } } } }
				}
			}
			evidence { article { key title } }
		} }
	}
}`

// TestRoundTripsGrowWithDepthNotResults runs the same nested query over an
// event with 3 and with 12 participants: the number of calls to the store
// (each one round trip to Neo4j) must be the same, one per list field.
func TestRoundTripsGrowWithDepthNotResults(t *testing.T) {
	s := mustOpenStore(t)
	calls := map[int]map[string]int{}
	for _, n := range []int{3, 12} {
		ids := loadFixture(t, s, fmt.Sprintf("test-graph-roundtrips-%d-", n), n)
		reader := newCountingReader(s)
		srv := httptest.NewServer(NewHandler(reader, Options{}, nil))
		resp, raw := post(t, srv.URL, nestedQuery, map[string]any{"p": ids[0]})
		srv.Close()
		if len(resp.Errors) > 0 {
			t.Fatalf("errors: %s", raw)
		}
		var data struct {
			Events struct {
				Edges []struct {
					Node struct {
						Participants []struct {
							Entity struct {
								Key     string
								Offices *struct{ TotalCount int }
							}
						}
					}
				}
			}
		}
		if err := json.Unmarshal(resp.Data, &data); err != nil {
			t.Fatal(err)
		}
		if len(data.Events.Edges) != 1 || len(data.Events.Edges[0].Node.Participants) != n {
			t.Fatalf("got %s, want one event with %d participants", raw, n)
		}
		if o := data.Events.Edges[0].Node.Participants[0].Entity.Offices; o == nil || o.TotalCount != 1 {
			t.Errorf("offices of the actor: got %+v, want 1", o)
		}
		calls[n] = reader.calls
		t.Logf("%d participants: %d store calls %v", n, reader.total(), reader.calls)
	}
	want := map[string]int{"Events": 1, "MentionCounts": 1, "RelationshipsOf": 1, "EventsOf": 1, "CoMentionsOf": 1, "OfficesOf": 1,
		"ArticlesByID": 1, "ArticleContents": 1}
	for _, n := range []int{3, 12} {
		if !maps.Equal(calls[n], want) {
			t.Errorf("%d participants: got calls %v, want %v", n, calls[n], want)
		}
	}
}

// TestErrorsArePresentedWithCodes checks the error presenter, the recover
// function and the per-operation timeout.
func TestErrorsArePresentedWithCodes(t *testing.T) {
	s := mustOpenStore(t)
	ids := loadFixture(t, s, "test-graph-errors-", 3)

	t.Run("PanicIsInternalWithoutStack", func(t *testing.T) {
		// A reader whose methods panic (its embedded interface is nil).
		srv := httptest.NewServer(NewHandler(&countingReader{calls: map[string]int{}}, Options{}, nil))
		defer srv.Close()
		resp, raw := post(t, srv.URL, `{ search(text: "x") { totalCount } }`, nil)
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
		resp, raw := post(t, srv.URL, `query($id: ID!) { neighborhood(ids: [$id]) { nodes { id } } }`, map[string]any{"id": ids[0]})
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
		resp, raw := post(t, srv.URL, `{ entity(id: "x") { events { edges { node { participants { entity { key } } } } } } }`, nil)
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "DEPTH_LIMIT_EXCEEDED" {
			t.Errorf("got %s, want one DEPTH_LIMIT_EXCEEDED error", raw)
		}
	})
	t.Run("TooComplexIsRefused", func(t *testing.T) {
		srv := httptest.NewServer(NewHandler(s, Options{}, nil))
		defer srv.Close()
		resp, raw := post(t, srv.URL, `{ events(first: 100) { edges { node { participants { entity {
			relationships(first: 100) { edges { node { id } } } events(first: 100) { edges { node { key } } } } } } } } }`, nil)
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Errorf("got %s, want one COMPLEXITY_LIMIT_EXCEEDED error", raw)
		}
	})
	t.Run("PageOverTheMaximumIsRefused", func(t *testing.T) {
		srv := httptest.NewServer(NewHandler(s, Options{}, nil))
		defer srv.Close()
		resp, raw := post(t, srv.URL, `{ events(first: 101) { totalCount } }`, nil)
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.HasPrefix(resp.Errors[0].Message, "first:") {
			t.Errorf("got %s, want BAD_USER_INPUT naming first", raw)
		}
	})
	t.Run("PersistedQueriesByHash", func(t *testing.T) {
		// Automatic persisted queries: a client first sends only the hash;
		// the server asks for the text once, then answers the hash alone.
		srv := httptest.NewServer(NewHandler(s, Options{}, nil))
		defer srv.Close()
		const query = `{ events(first: 1) { totalCount } }`
		sum := sha256.Sum256([]byte(query))
		ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
		send := func(body map[string]any) (gqlResponse, string) {
			body["extensions"] = ext
			return postBody(t, srv.URL, body)
		}
		if resp, raw := send(map[string]any{}); len(resp.Errors) != 1 || resp.Errors[0].Message != "PersistedQueryNotFound" {
			t.Fatalf("unknown hash: got %s, want PersistedQueryNotFound", raw)
		}
		if resp, raw := send(map[string]any{"query": query}); len(resp.Errors) != 0 {
			t.Fatalf("hash with its query: got %s", raw)
		}
		if resp, raw := send(map[string]any{}); len(resp.Errors) != 0 || !strings.Contains(raw, "totalCount") {
			t.Errorf("known hash alone: got %s, want the answer", raw)
		}
		wrong := map[string]any{"query": `{ events(first: 2) { totalCount } }`}
		if resp, raw := send(wrong); len(resp.Errors) != 1 {
			t.Errorf("query that does not match its hash: got %s, want an error", raw)
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

func (r slowReader) Neighborhood(ctx context.Context, q geokg.NeighborhoodQuery) (geokg.Graph, error) {
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
	}
	return r.GraphReader.Neighborhood(ctx, q)
}
