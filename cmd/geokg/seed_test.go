package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
)

// seedDir is ../shared/seed beside the repository: a real article, used for
// tests only and never copied into the repository.
func seedDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("GEOKG_SEED_DIR"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	d := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "seed")
	if _, err := os.Stat(filepath.Join(d, "expected.json")); err != nil {
		t.Fatalf("seed article not found at %s (set GEOKG_SEED_DIR): %v", d, err)
	}
	return d
}

// seedArticleID is the id the loader derives for the seed article: its
// title's slug alone, since the file carries no date.
const seedArticleID = "article:tillerson-meets-putin-visit-polite-but-major-differences-remain"

// evidence is an evidence sentence as the tests ask for it.
type evidence struct {
	Article struct{ Key, Title string }
	Text    string
}

// TestSeedArticleQuestionsOverHTTP loads the seed article with `geokg load`
// into the real Neo4j and asks the questions of expected.json over HTTP.
func TestSeedArticleQuestionsOverHTTP(t *testing.T) {
	cfg := serveConfig(t)
	store := openServeStore(t, cfg)
	ctx := context.Background()
	if _, err := store.DeleteArticle(ctx, seedArticleID); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := store.DeleteArticle(context.Background(), seedArticleID); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	seed := filepath.Join(seedDir(t), "tillerson-putin-2017.txt")
	load := func() string {
		var stdout, stderr bytes.Buffer
		err := run(ctx, []string{"load", "-quiet", seed}, nil, &stdout, &stderr)
		if err != nil {
			t.Fatalf("geokg load: %v\n%s", err, stderr.String())
		}
		return stdout.String()
	}
	if out := load(); !strings.HasPrefix(out, "1 loaded, 0 replaced, 0 unchanged, 0 failed") {
		t.Fatalf("first load: got %q, want 1 loaded", out)
	}
	if out := load(); !strings.HasPrefix(out, "0 loaded, 0 replaced, 1 unchanged, 0 failed") {
		t.Fatalf("second load: got %q, want 1 unchanged", out)
	}

	srv := httptest.NewServer(newServer(store, nil, cfg, slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer srv.Close()

	var questions struct {
		Questions []struct {
			Ask    string          `json:"ask"`
			Expect json.RawMessage `json:"expect"`
		} `json:"questions"`
	}
	b, err := os.ReadFile(filepath.Join(seedDir(t), "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &questions); err != nil {
		t.Fatal(err)
	}
	expectNames := func(i int) []string {
		var names []string
		if err := json.Unmarshal(questions.Questions[i].Expect, &names); err != nil {
			t.Fatalf("question %d: %v", i, err)
		}
		sort.Strings(names)
		return names
	}

	t.Run("TillersonReachesSouthSudanWithoutArticles", func(t *testing.T) {
		type pnode struct{ ID, Key, Label, Kind string }
		type pedge struct {
			Type     string
			Evidence []evidence
		}
		var paths []struct {
			Length        int
			Nodes         []pnode
			Relationships []pedge
		}
		ask(t, srv.URL, `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 6) {
			length nodes { id key label kind } relationships { type evidence { article { key } text } } } }`,
			map[string]any{"from": "person:rex-tillerson", "to": "country:south-sudan"}, "paths", &paths)
		if len(paths) == 0 {
			t.Fatal("got no path from Rex Tillerson to South Sudan, want at least one")
		}
		throughSeed := false
		for _, p := range paths {
			if first, last := p.Nodes[0].Key, p.Nodes[len(p.Nodes)-1].Key; first != "person:rex-tillerson" || last != "country:south-sudan" {
				t.Errorf("path runs %s .. %s, want person:rex-tillerson .. country:south-sudan", first, last)
			}
			if p.Length != len(p.Relationships) || len(p.Nodes) != p.Length+1 {
				t.Errorf("path length %d with %d nodes and %d relationships", p.Length, len(p.Nodes), len(p.Relationships))
			}
			var labels []string
			for _, n := range p.Nodes {
				labels = append(labels, n.Label)
				if n.Kind == "ARTICLE" {
					t.Errorf("path passes through article %s", n.Key)
				}
			}
			for _, r := range p.Relationships {
				for _, ev := range r.Evidence {
					throughSeed = throughSeed || (ev.Article.Key == seedArticleID && ev.Text != "")
				}
			}
			t.Logf("path: %s", strings.Join(labels, " - "))
		}
		if !throughSeed {
			t.Errorf("no path carries evidence from the seed article")
		}
	})

	type event struct {
		Type         string
		Participants []struct {
			Entity struct{ Key, Name string }
			Role   string
		}
		About    []struct{ Key, Name string }
		Location *struct{ Key string }
		Evidence []evidence
	}
	type events struct {
		TotalCount int
		Edges      []struct{ Node event }
	}
	fromSeed := func(conn events) []event {
		var out []event
		for _, edge := range conn.Edges {
			ev := edge.Node
			for _, e := range ev.Evidence {
				if e.Article.Key == seedArticleID {
					out = append(out, ev)
					break
				}
			}
		}
		return out
	}
	const eventFields = `totalCount edges { node { type participants { entity { key name } role } about { key name } location { key } evidence { article { key } text } } }`

	t.Run("WhoMetInMoscow", func(t *testing.T) {
		var conn events
		ask(t, srv.URL, `query { events(filter: {types: [CONSULT], location: "location:moscow"}, first: 100) { `+eventFields+` } }`, nil, "events", &conn)
		evs := fromSeed(conn)
		if len(evs) != 1 {
			t.Fatalf("got %d meetings in Moscow reported by the seed article, want 1", len(evs))
		}
		var names []string
		for _, p := range evs[0].Participants {
			names = append(names, p.Entity.Name)
		}
		sort.Strings(names)
		if want := expectNames(1); !slices.Equal(names, want) {
			t.Errorf("who met in Moscow: got %v, want %v", names, want)
		}
	})

	t.Run("ConflictsOfLavrovsStatements", func(t *testing.T) {
		var conn events
		ask(t, srv.URL, `query { events(filter: {actor: "person:sergey-lavrov"}, first: 100) { `+eventFields+` } }`, nil, "events", &conn)
		evs := fromSeed(conn)
		seen := map[string]bool{}
		for _, ev := range evs {
			if len(ev.Evidence) == 0 || ev.Evidence[0].Text == "" {
				t.Errorf("%s event without evidence sentence", ev.Type)
			}
			for _, c := range ev.About {
				seen[c.Name] = true
			}
		}
		var names []string
		for n := range seen {
			names = append(names, n)
		}
		sort.Strings(names)
		if want := expectNames(2); !slices.Equal(names, want) {
			t.Errorf("conflicts of Lavrov's statements: got %v, want %v", names, want)
		}
	})
}
