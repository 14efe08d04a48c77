package graph

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/loader/extract"
	"github.com/geokg/geokg/loader/kb"
)

// TestGlobalIDsAndNodes checks that ids are opaque, that node and nodes
// find every kind of object by them (and by key), in order, with null for
// what does not exist.
func TestGlobalIDsAndNodes(t *testing.T) {
	s := mustOpenStore(t)
	p := "test-graph-nodes-"
	ids := loadFixture(t, s, p, 3)
	srv := httptest.NewServer(NewHandler(s, Options{}, nil))
	defer srv.Close()

	resp, raw := post(t, srv.URL, `query($k: ID!) { entity(id: $k) { id key } }`, map[string]any{"k": ids[0]})
	var first struct{ Entity struct{ ID, Key string } }
	if err := json.Unmarshal(resp.Data, &first); err != nil || first.Entity.Key != ids[0] || first.Entity.ID == ids[0] || first.Entity.ID == "" {
		t.Fatalf("got %s, want the entity with an opaque id other than its key", raw)
	}
	resp, raw = post(t, srv.URL, `query($ids: [ID!]!) { nodes(ids: $ids) {
		__typename
		... on Person { key name }
		... on Event { key type }
		... on Article { key title }
		... on Country { key }
	} }`, map[string]any{"ids": []string{first.Entity.ID, p + "event:meeting", globalID(p + "article:meet"), p + "person:nobody", "not an id", p + "country:brennland"}})
	var data struct {
		Nodes []*struct{ Typename, Key, Name, Type, Title string } `json:"nodes"`
	}
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %s", raw)
	}
	raw2 := strings.ReplaceAll(string(resp.Data), "__typename", "typename")
	if err := json.Unmarshal([]byte(raw2), &data); err != nil {
		t.Fatal(err)
	}
	want := []string{"Person " + ids[0], "Event " + p + "event:meeting", "Article " + p + "article:meet", "", "", "Country " + p + "country:brennland"}
	if len(data.Nodes) != len(want) {
		t.Fatalf("got %d nodes, want %d: %s", len(data.Nodes), len(want), raw)
	}
	for i, n := range data.Nodes {
		got := ""
		if n != nil {
			got = n.Typename + " " + n.Key
		}
		if got != want[i] {
			t.Errorf("node %d: got %q, want %q", i, got, want[i])
		}
	}
}

// TestConnectionsPageWithCursors walks a person's events and a country's
// offices page by page.
func TestConnectionsPageWithCursors(t *testing.T) {
	s := mustOpenStore(t)
	p := "test-graph-paging-"
	loadFixture(t, s, p, 3)
	srv := httptest.NewServer(NewHandler(s, Options{}, nil))
	defer srv.Close()

	type page struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage, HasPreviousPage bool
			EndCursor                    *string
		}
		Edges []struct {
			Cursor string
			Node   struct {
				Title  string
				Person struct{ Key string }
			}
		}
	}
	var seen []string
	var after *string
	for i := 0; i < 3; i++ {
		resp, raw := post(t, srv.URL, `query($of: ID!, $after: String) { offices(of: $of, first: 1, after: $after) {
			totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { title person { key } } } } }`,
			map[string]any{"of": p + "country:brennland", "after": after})
		var data struct{ Offices page }
		if err := json.Unmarshal(resp.Data, &data); err != nil || len(resp.Errors) > 0 {
			t.Fatalf("page %d: %s", i, raw)
		}
		pg := data.Offices
		if pg.TotalCount != 2 {
			t.Errorf("page %d: totalCount %d, want 2", i, pg.TotalCount)
		}
		if i == 2 {
			if len(pg.Edges) != 0 || pg.PageInfo.HasNextPage || pg.PageInfo.EndCursor != nil {
				t.Errorf("past the end: got %+v, want an empty last page", pg)
			}
			break
		}
		if len(pg.Edges) != 1 || pg.PageInfo.HasPreviousPage != (i > 0) || pg.PageInfo.HasNextPage != (i == 0) ||
			pg.PageInfo.EndCursor == nil || *pg.PageInfo.EndCursor != pg.Edges[0].Cursor {
			t.Fatalf("page %d: got %+v", i, pg)
		}
		seen = append(seen, pg.Edges[0].Node.Title)
		after = pg.PageInfo.EndCursor
	}
	if strings.Join(seen, ",") != "Prime Minister,President" && strings.Join(seen, ",") != "President,Prime Minister" {
		t.Errorf("titles over the pages: got %v, want both offices once", seen)
	}
}

// TestIngestArticle checks the bearer token and that an ingested article
// is read, stored and answered like a loaded one.
func TestIngestArticle(t *testing.T) {
	s := mustOpenStore(t)
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.NewExtractor(k)
	if err != nil {
		t.Fatal(err)
	}
	const id = "article:test-graph-ingest"
	s.DeleteArticle(context.Background(), "article:article-test-graph-ingest") // left by an older version of this test
	s.DeleteArticle(context.Background(), id)
	t.Cleanup(func() { s.DeleteArticle(context.Background(), id) })
	srv := httptest.NewServer(NewHandler(s, Options{IngestToken: "s3cret", Ingester: loader.New(x, s, 1)}, nil))
	defer srv.Close()
	const mutation = `mutation($in: ArticleInput!) { ingestArticle(input: $in) {
		outcome entityCount eventCount article { key title entities { entity { key } } events { type participants { entity { key } role } } } } }`
	input := map[string]any{"in": map[string]any{
		"id": "test-graph-ingest", "title": "Lavrov meets Tillerson", "published": "2017-04-12",
		"body": "Russian Foreign Minister Sergey Lavrov met US Secretary of State Rex Tillerson in Moscow on Wednesday.",
	}}

	for _, header := range [][]string{nil, {"Authorization", "Bearer wrong"}, {"Authorization", "s3cret"}} {
		resp, raw := post(t, srv.URL, mutation, input, header...)
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Errorf("header %v: got %s, want UNAUTHENTICATED", header, raw)
		}
	}
	if got, _ := s.ArticlesByID(context.Background(), []string{id}); len(got) != 0 {
		t.Fatalf("refused ingestion stored the article")
	}

	for i, want := range []string{"LOADED", "UNCHANGED"} {
		resp, raw := post(t, srv.URL, mutation, input, "Authorization", "Bearer s3cret")
		var data struct {
			IngestArticle struct {
				Outcome                 string
				EntityCount, EventCount int
				Article                 struct {
					Key      string
					Entities []struct{ Entity struct{ Key string } }
					Events   []struct {
						Type         string
						Participants []struct {
							Entity struct{ Key string }
							Role   string
						}
					}
				}
			}
		}
		if err := json.Unmarshal(resp.Data, &data); err != nil || len(resp.Errors) > 0 {
			t.Fatalf("ingest %d: %s", i, raw)
		}
		got := data.IngestArticle
		if got.Outcome != want || got.Article.Key != id || got.EventCount != 1 || len(got.Article.Events) != 1 ||
			got.Article.Events[0].Type != "CONSULT" || got.Article.Events[0].Participants[0].Entity.Key != "person:sergey-lavrov" {
			t.Errorf("ingest %d: got %+v, want %s with Lavrov's CONSULT", i, got, want)
		}
	}

	t.Run("BadInputNamesTheField", func(t *testing.T) {
		resp, raw := post(t, srv.URL, mutation, map[string]any{"in": map[string]any{"title": "x", "body": "y", "published": "last week"}}, "Authorization", "Bearer s3cret")
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || !strings.Contains(resp.Errors[0].Message, "published") {
			t.Errorf("got %s, want BAD_USER_INPUT naming published", raw)
		}
	})
	t.Run("OffWithoutAToken", func(t *testing.T) {
		off := httptest.NewServer(NewHandler(s, Options{Ingester: loader.New(x, s, 1)}, nil))
		defer off.Close()
		resp, raw := post(t, off.URL, mutation, input, "Authorization", "Bearer ")
		if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Errorf("got %s, want UNAUTHENTICATED", raw)
		}
	})
}

// injections are strings that would change a query if they were pasted
// into Cypher or Lucene instead of passed as parameters.
var injections = []string{
	`x' }) MATCH (n) DETACH DELETE n //`,
	`") RETURN 1 UNION MATCH (n) RETURN n.id AS id //`,
	"`) DETACH DELETE n //",
	`*:* OR name:*`,
	`person:a\u0000`,
	`${{7*7}} {{7*7}} %s %n`,
	strings.Repeat("(", 500),
}

// TestInjectionThroughEveryStringArgument sends each injection through
// every string and id argument of the schema and checks that the answer
// is an ordinary one (data, null or a named BAD_USER_INPUT), that nothing
// internal leaks, and that the graph is unchanged.
func TestInjectionThroughEveryStringArgument(t *testing.T) {
	s := mustOpenStore(t)
	p := "test-graph-injection-"
	ids := loadFixture(t, s, p, 3)
	srv := httptest.NewServer(NewHandler(s, Options{}, nil))
	defer srv.Close()
	// Other packages' tests may write to the same database at the same
	// time, so the check is on this test's own data: its entities with
	// every relationship and event, and its article.
	snapshot := func() string {
		resp, raw := post(t, srv.URL, `query($ids: [ID!]!, $a: ID!) {
			nodes(ids: $ids) { ... on Person { key relationships(first: 100) { totalCount } events { totalCount } } }
			article: node(id: $a) { ... on Article { key entities { entity { key } } events { key } } }
		}`, map[string]any{"ids": ids, "a": p + "article:meet"})
		if len(resp.Errors) > 0 {
			t.Fatalf("snapshot: %s", raw)
		}
		return string(resp.Data)
	}
	before := snapshot()
	queries := []string{
		`query($v: ID!) { node(id: $v) { __typename } }`,
		`query($v: ID!) { nodes(ids: [$v]) { __typename } }`,
		`query($v: ID!) { entity(id: $v) { key } }`,
		`query($v: String!) { entityByName(name: $v) { key } }`,
		`query($v: String!) { entities(filter: {namePrefix: $v}) { totalCount } }`,
		`query($v: ID!) { entities(filter: {country: $v}) { totalCount } }`,
		`query($v: String!) { entities(after: $v) { totalCount } }`,
		`query($v: String!) { search(text: $v) { totalCount edges { matchedAlias } } }`,
		`query($v: ID!) { neighborhood(ids: [$v]) { nodes { key } } }`,
		`query($v: ID!, $a: ID!) { paths(from: $v, to: $a) { length } }`,
		`query($v: ID!, $a: ID!) { paths(from: $a, to: $v) { length } }`,
		`query($v: ID!) { events(filter: {actor: $v}) { totalCount } }`,
		`query($v: ID!) { events(filter: {target: $v}) { totalCount } }`,
		`query($v: ID!) { events(filter: {participant: $v}) { totalCount } }`,
		`query($v: ID!) { events(filter: {location: $v}) { totalCount } }`,
		`query($v: ID!) { events(filter: {about: $v}) { totalCount } }`,
		`query($v: Date!) { events(filter: {from: $v}) { totalCount } }`,
		`query($v: Date!) { events(filter: {to: $v}) { totalCount } }`,
		`query($v: String!) { events(filter: {codes: [$v]}) { totalCount } }`,
		`query($v: ID!) { timeline(id: $v) { totalCount } }`,
		`query($v: Date!, $a: ID!) { timeline(id: $a, from: $v) { totalCount } }`,
		`query($v: ID!) { articles(filter: {mentions: $v}) { totalCount } }`,
		`query($v: Date!) { articles(filter: {from: $v}) { totalCount } }`,
		`query($v: ID!) { offices(of: $v) { totalCount } }`,
		`query($v: String!) { offices(title: $v) { totalCount } }`,
		`query($v: Date!) { offices(at: $v) { totalCount } }`,
		`query($v: ID!, $a: ID!) { commonNeighbors(a: $v, b: $a) { totalCount } }`,
		`query($v: String!, $a: ID!) { entity(id: $a) { relationships(after: $v) { totalCount } } }`,
		`query($v: Date!, $a: ID!) { entity(id: $a) { ... on Person { offices(at: $v) { totalCount } } } }`,
	}
	for _, q := range queries {
		for _, v := range injections {
			resp, raw := post(t, srv.URL, q, map[string]any{"v": v, "a": ids[0]})
			for _, e := range resp.Errors {
				if code := e.Extensions["code"]; code != "BAD_USER_INPUT" {
					t.Errorf("%s with %q: got %s, want data, null or BAD_USER_INPUT", q, v, raw)
				}
			}
			// Error messages may quote the argument back; anything else
			// that looks like the database's own words is a leak.
			quoted, _ := json.Marshal(v)
			rest := strings.ReplaceAll(raw, strings.Trim(string(quoted), `"`), "")
			for _, leak := range []string{"Neo4jError", "MATCH", "Cypher", "goroutine", ".go:", "lucene", "Lucene", "neo4j"} {
				if strings.Contains(rest, leak) {
					t.Errorf("%s with %q: answer leaks %q: %s", q, v, leak, raw)
				}
			}
		}
	}
	if after := snapshot(); after != before || !strings.Contains(before, `"totalCount":3`) {
		t.Errorf("the test's data changed: before %s, after %s", before, after)
	}
}

var _ geokg.Ingester = (*loader.Loader)(nil)
