package graph

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/loader/extract"
	"github.com/geokg/geokg/loader/kb"
)

// loadCorpus loads the sample corpus (corpus/ at the repository root) into
// Neo4j as `geokg load corpus` does; articles already there are unchanged.
func loadCorpus(b testing.TB) {
	b.Helper()
	s := mustOpenStore(b)
	k, err := kb.Load()
	if err != nil {
		b.Fatal(err)
	}
	x, err := extract.NewExtractor(k)
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join("..", "corpus")
	if _, err := os.Stat(dir); err != nil {
		b.Fatal(err)
	}
	items := loader.Read([]string{dir}, nil, loader.ReadOptions{}, func(string, string) {})
	sum := loader.New(x, s, 2).Load(context.Background(), items, nil)
	if sum.Failed > 0 {
		b.Fatalf("loading the corpus: %s", sum)
	}
}

// relationshipQuestions are the questions of the API's brief, asked of the
// sample corpus. Each must find something, so that a benchmark never times
// an empty answer.
var relationshipQuestions = []struct {
	name, query, field string
}{
	{"Connected", `{ paths(from: "person:rex-tillerson", to: "person:vladimir-putin", maxLength: 4) {
		length nodes { key label } relationships { type evidence { text article { title } } } } }`, "paths"},
	{"ConnectedShortestOnly", `{ paths(from: "person:rex-tillerson", to: "country:syria", all: false) { length nodes { key } } }`, "paths"},
	{"Surroundings", `{ neighborhood(ids: ["person:vladimir-putin", "country:ukraine"], depth: 2, limit: 200) {
		truncated nodes { id key label kind degree } edges { source target type weight } } }`, "neighborhood"},
	{"WhoDidWhatToWhom", `{ events(filter: {actor: "country:russia", types: [ACCUSE, REJECT, DISAPPROVE, ASSAULT]}) {
		totalCount edges { node { type date participants { role entity { key name } } evidenceCount evidence { text article { title } } } } } }`, "events"},
	{"Timeline", `{ timeline(id: "person:vladimir-putin", from: "2014", to: "2024") { totalCount edges { node { type date } } } }`, "timeline"},
	{"AppearTogether", `{ entity(id: "person:vladimir-putin") { coMentions(first: 10) {
		totalCount edges { node { sharedArticles entity { key name } articles { title } } } } } }`, "entity"},
	{"ConflictParties", `{ entity(id: "conflict:russian-invasion-of-ukraine") { ... on Conflict { parties { totalCount edges { node { side entity { key } } } } } } }`, "entity"},
	{"ConflictsOfACountry", `{ entity(id: "country:russia") { ... on Country { conflicts(fromYear: 2010, toYear: 2024) { totalCount edges { node { side conflict { key name start } } } } } } }`, "entity"},
	{"OfficeHolders", `{ offices(of: "country:russia", title: "President") { totalCount edges { node { person { name } since until } } } }`, "offices"},
	{"InCommon", `{ commonNeighbors(a: "person:vladimir-putin", b: "person:donald-trump") { totalCount edges { node { entity { key } viaA { type } viaB { type } } } } }`, "commonNeighbors"},
	{"Search", `{ search(text: "Qadafi") { totalCount edges { node { key name } score matchedAlias } } }`, "search"},
}

// BenchmarkRelationshipQuestions asks each question over HTTP, end to
// end: parsing, complexity checks, resolvers, dataloaders, Neo4j and JSON.
func BenchmarkRelationshipQuestions(b *testing.B) {
	loadCorpus(b)
	srv := httptest.NewServer(NewHandler(mustOpenStore(b), Options{}, nil))
	defer srv.Close()
	for _, q := range relationshipQuestions {
		b.Run(q.name, func(b *testing.B) {
			resp, raw := post(b, srv.URL, q.query, nil)
			var data map[string]json.RawMessage
			if err := json.Unmarshal(resp.Data, &data); err != nil || len(resp.Errors) > 0 {
				b.Fatalf("%s: %s", q.name, raw)
			}
			if v := string(data[q.field]); v == "null" || v == "[]" || len(v) < 20 {
				b.Fatalf("%s: empty answer %s", q.name, raw)
			}
			b.ResetTimer()
			for range b.N {
				post(b, srv.URL, q.query, nil)
			}
		})
	}
}

// TestRelationshipQuestionsOnTheCorpus asks each question of the sample
// corpus and checks what an analyst would: who, which path, which order.
func TestRelationshipQuestionsOnTheCorpus(t *testing.T) {
	loadCorpus(t)
	srv := httptest.NewServer(NewHandler(mustOpenStore(t), Options{}, nil))
	defer srv.Close()
	answers := map[string]string{}
	for _, q := range relationshipQuestions {
		resp, raw := post(t, srv.URL, q.query, nil)
		if len(resp.Errors) > 0 {
			t.Fatalf("%s: %s", q.name, raw)
		}
		answers[q.name] = string(resp.Data)
	}
	var got struct {
		Paths []struct {
			Length        int
			Nodes         []struct{ Key string }
			Relationships []struct {
				Type     string
				Evidence []struct {
					Text    string
					Article struct{ Title string }
				}
			}
		}
	}
	json.Unmarshal([]byte(answers["Connected"]), &got)
	if len(got.Paths) == 0 || got.Paths[0].Length != 2 || got.Paths[0].Nodes[1].Key[:6] != "event:" {
		t.Errorf("Tillerson to Putin: got %s, want paths of 2 through the event of their meeting", answers["Connected"])
	} else if ev := got.Paths[0].Relationships[0].Evidence; len(ev) == 0 || ev[0].Text == "" || ev[0].Article.Title == "" {
		t.Errorf("Tillerson to Putin: first hop has no evidence sentence and article: %+v", got.Paths[0].Relationships[0])
	}

	for name, want := range map[string][]string{
		"Surroundings":        {`"key":"person:vladimir-putin"`, `"key":"country:ukraine"`, `"degree":`},
		"WhoDidWhatToWhom":    {`"type":"REJECT"`, `"key":"country:russia"`},
		"AppearTogether":      {`"key":"country:russia"`, `"sharedArticles":6`},
		"ConflictParties":     {`{"side":"russia","entity":{"key":"country:russia"}}`, `{"side":"ukraine","entity":{"key":"country:ukraine"}}`},
		"ConflictsOfACountry": {`"key":"conflict:russian-invasion-of-ukraine"`, `"key":"conflict:syrian-civil-war"`},
		"OfficeHolders":       {`"name":"Vladimir Putin"},"since":"2012-05-07"`, `"name":"Boris Yeltsin"`},
		"InCommon":            {`"key":"location:helsinki"`},
		"Search":              {`"key":"person:muammar-gaddafi"`, `"matchedAlias":"Gadhafi"`},
	} {
		for _, w := range want {
			if !strings.Contains(answers[name], w) {
				t.Errorf("%s: answer lacks %s: %s", name, w, answers[name])
			}
		}
	}

	var events struct {
		Events struct {
			Edges []struct {
				Node struct {
					EvidenceCount int
					Evidence      []struct{ Text string }
				}
			}
		}
	}
	json.Unmarshal([]byte(answers["WhoDidWhatToWhom"]), &events)
	for _, e := range events.Events.Edges {
		if n := len(e.Node.Evidence); n == 0 || e.Node.EvidenceCount != n {
			t.Errorf("Russia's events: %d sentences, evidenceCount %d; want them equal (no event of the corpus reaches the cap)", n, e.Node.EvidenceCount)
		}
	}

	var timeline struct {
		Timeline struct {
			Edges []struct{ Node struct{ Date string } }
		}
	}
	json.Unmarshal([]byte(answers["Timeline"]), &timeline)
	dates := []string{}
	for _, e := range timeline.Timeline.Edges {
		dates = append(dates, e.Node.Date)
	}
	if len(dates) < 3 || !slices.IsSorted(dates) || dates[0] < "2014" || dates[len(dates)-1] > "2024~" {
		t.Errorf("Putin's timeline 2014-2024: got dates %v, want several, oldest first, within the years", dates)
	}
}
