package graph

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/loader/extract"
	"github.com/geokg/geokg/loader/kb"
	"github.com/geokg/geokg/neo4jstore"
)

// loadCodedFixture writes, under ids starting with prefix, a country whose
// military strikes another from the air, whose police arrest protesters,
// and whose president negotiates, in 1902 (a year no other data uses),
// and deletes them when the test ends.
func loadCodedFixture(tb testing.TB, s *neo4jstore.Store, prefix string) (strike, arrest, talks string) {
	tb.Helper()
	ctx := context.Background()
	if err := neo4jstore.DeleteTestData(ctx, s, prefix); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { neo4jstore.DeleteTestData(context.Background(), s, prefix) })
	north, south, president := prefix+"country:north", prefix+"country:south", prefix+"person:president"
	article := prefix + "article:coded"
	strike, arrest, talks = prefix+"event:strike", prefix+"event:arrest", prefix+"event:talks"
	ev := func(id, typ, code, name, plover string, goldstein float64, date string, sentence int, parts ...geokg.Participant) geokg.Event {
		return geokg.Event{
			ID: id, Type: typ, CAMEO: code[:2], Code: code, CodeName: name, Plover: plover, Goldstein: goldstein,
			QuadClass: geokg.QuadClassOf(code), Date: date, Confidence: 0.9, Participants: parts,
			Evidence: []geokg.Evidence{{ArticleID: article, Sentence: sentence, Text: name + "."}},
		}
	}
	f := geokg.Facts{
		Article: geokg.Article{ID: article, Title: "Coded", Body: "Coded events.", Published: "1902-01-05", Hash: "h"},
		Entities: []geokg.Entity{
			{ID: north, Name: "Nordland", Kind: geokg.KindCountry, Confidence: 1},
			{ID: south, Name: "Sudland", Kind: geokg.KindCountry, Confidence: 1},
			{ID: president, Name: "Ada Nord", Kind: geokg.KindPerson, Confidence: 1},
		},
		Events: []geokg.Event{
			ev(strike, "FIGHT", "195", "Employ aerial weapons", "ASSAULT", -10, "1902-01-03", 1,
				geokg.Participant{ID: north, Role: geokg.RoleActor, Sector: geokg.SectorMilitary},
				geokg.Participant{ID: south, Role: geokg.RoleTarget}),
			ev(arrest, "COERCE", "173", "Arrest, detain", "COERCE", -5, "1902-01-02", 2,
				geokg.Participant{ID: north, Role: geokg.RoleActor, Sector: geokg.SectorPolice},
				geokg.Participant{ID: north, Role: geokg.RoleTarget, Sector: geokg.SectorProtesters}),
			ev(talks, "CONSULT", "046", "Engage in negotiation", "CONSULT", 7, "1902-01-01", 3,
				geokg.Participant{ID: president, Role: geokg.RoleActor},
				geokg.Participant{ID: south, Role: geokg.RoleTarget, Sector: geokg.SectorGovernment}),
		},
	}
	if _, err := s.WriteFacts(ctx, f); err != nil {
		tb.Fatal(err)
	}
	return strike, arrest, talks
}

// TestEventCodesAndSectorsOverGraphQL reads the codes and sectors of
// events back over HTTP and filters on them, as a client does.
func TestEventCodesAndSectorsOverGraphQL(t *testing.T) {
	s := mustOpenStore(t)
	p := "test-graph-codes-"
	strike, arrest, talks := loadCodedFixture(t, s, p)
	srv := httptest.NewServer(NewHandler(s, Options{}, nil))
	defer srv.Close()

	type participant struct {
		Role   string
		Sector *string
		Entity struct{ Key string }
	}
	type event struct {
		Key, Code, CodeName, QuadClass string
		Plover                         *string
		Goldstein                      float64
		Participants                   []participant
	}
	events := func(t *testing.T, filter string) ([]event, gqlResponse, string) {
		t.Helper()
		resp, raw := post(t, srv.URL, `{ events(filter: `+filter+`, first: 50) { totalCount edges { node {
			key code codeName plover goldstein quadClass participants { role sector entity { key } } } } } }`, nil)
		var data struct {
			Events struct {
				TotalCount int
				Edges      []struct{ Node event }
			}
		}
		json.Unmarshal(resp.Data, &data)
		var out []event
		for _, e := range data.Events.Edges {
			out = append(out, e.Node)
		}
		return out, resp, raw
	}

	t.Run("CodesAndSectorsAreRead", func(t *testing.T) {
		got, resp, raw := events(t, `{participant: "`+p+`country:north"}`)
		if len(resp.Errors) > 0 || len(got) != 2 {
			t.Fatalf("got %s, want the strike and the arrest", raw)
		}
		s, a := got[0], got[1]
		if s.Key != strike || s.Code != "195" || s.CodeName != "Employ aerial weapons" || s.Plover == nil || *s.Plover != "ASSAULT" ||
			s.Goldstein != -10 || s.QuadClass != "MATERIAL_CONFLICT" {
			t.Errorf("strike: got %+v, want 195 Employ aerial weapons, ASSAULT, -10, MATERIAL_CONFLICT", s)
		}
		sectors := func(e event) []string {
			var out []string
			for _, p := range e.Participants {
				sector := "null"
				if p.Sector != nil {
					sector = *p.Sector
				}
				out = append(out, p.Role+" "+strings.TrimPrefix(p.Entity.Key, "test-graph-codes-")+" "+sector)
			}
			return out
		}
		if got, want := sectors(s), []string{"ACTOR country:north MILITARY", "TARGET country:south null"}; !slices.Equal(got, want) {
			t.Errorf("strike participants: got %v, want %v", got, want)
		}
		if got, want := sectors(a), []string{"ACTOR country:north POLICE", "TARGET country:north PROTESTERS"}; !slices.Equal(got, want) {
			t.Errorf("arrest participants: got %v, want %v", got, want)
		}
	})

	tests := []struct {
		name, filter string
		want         []string
	}{
		{"CodePrefix", `{codes: ["19"]}`, []string{strike}},
		{"SeveralCodes", `{codes: ["17", "04"]}`, []string{arrest, talks}},
		{"MilitaryActsOfACountryByCode", `{actor: "` + p + `country:north", codes: ["19"], actorSectors: [MILITARY]}`, []string{strike}},
		{"PoliceActsAreNotMilitary", `{actor: "` + p + `country:north", codes: ["17"], actorSectors: [MILITARY]}`, []string{}},
		{"TargetSector", `{targetSectors: [PROTESTERS, GOVERNMENT]}`, []string{arrest, talks}},
		{"QuadClasses", `{quadClasses: [VERBAL_COOPERATION, MATERIAL_COOPERATION]}`, []string{talks}},
		{"Plover", `{plover: [COERCE, ASSAULT]}`, []string{strike, arrest}},
		{"GoldsteinBounds", `{goldsteinAtLeast: -6, goldsteinAtMost: 0}`, []string{arrest}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			filter := strings.Replace(tt.filter, "{", `{from: "1902", to: "1902", `, 1)
			got, resp, raw := events(t, filter)
			if len(resp.Errors) > 0 {
				t.Fatalf("got %s", raw)
			}
			keys := []string{}
			for _, e := range got {
				keys = append(keys, e.Key)
			}
			if !slices.Equal(keys, tt.want) {
				t.Errorf("got %v, want %v", keys, tt.want)
			}
		})
	}

	t.Run("BadValuesNameTheArgument", func(t *testing.T) {
		for _, c := range []struct{ filter, arg, value string }{
			{`{codes: ["1"]}`, "codes", `"1"`},
			{`{codes: ["19", "2x"]}`, "codes", `"2x"`},
			{`{goldsteinAtLeast: 10.5}`, "goldsteinAtLeast", "10.5"},
			{`{goldsteinAtMost: -12}`, "goldsteinAtMost", "-12"},
		} {
			_, resp, raw := events(t, c.filter)
			if len(resp.Errors) != 1 || resp.Errors[0].Extensions["code"] != "BAD_USER_INPUT" ||
				!strings.HasPrefix(resp.Errors[0].Message, c.arg+":") || !strings.Contains(resp.Errors[0].Message, c.value) {
				t.Errorf("%s: got %s, want BAD_USER_INPUT naming %s and %s", c.filter, raw, c.arg, c.value)
			}
		}
		for _, filter := range []string{`{actorSectors: [NAVY]}`, `{quadClasses: [LOUD]}`, `{plover: [CHAT]}`} {
			if _, resp, raw := events(t, filter); len(resp.Errors) == 0 || resp.Data != nil && string(resp.Data) != "null" {
				t.Errorf("%s: got %s, want the query refused", filter, raw)
			}
		}
	})
}

// TestREADMEFirstExampleFindsAMeetingAtTheKremlin runs the README's first
// query, who met in Moscow, as it is written there, after ingesting an
// article about a meeting at the Kremlin: the meeting must be among the
// answers, since the Kremlin lies in Moscow.
func TestREADMEFirstExampleFindsAMeetingAtTheKremlin(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```graphql\n")
	query, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 || !strings.Contains(query, `location: "location:moscow"`) {
		t.Fatalf("the README's first GraphQL example is not the meeting in Moscow: %q", query)
	}

	s := mustOpenStore(t)
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.NewExtractor(k)
	if err != nil {
		t.Fatal(err)
	}
	const id, title = "article:test-graph-kremlin", "Lavrov hosts Wang at the Kremlin"
	ctx := context.Background()
	s.DeleteArticle(ctx, id)
	t.Cleanup(func() { s.DeleteArticle(context.Background(), id) })
	in, _ := json.Marshal(map[string]any{
		"id": "test-graph-kremlin", "title": title, "published": "2019-06-05",
		"body": "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi at the Kremlin on Tuesday.",
	})
	if _, err := loader.New(x, s, 1).Ingest(ctx, in); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(NewHandler(s, Options{}, nil))
	defer srv.Close()

	// Where the meeting took place, asked of the place itself and of the
	// country it lies in.
	for _, place := range []string{"location:moscow-kremlin", "country:russia"} {
		resp, raw := post(t, srv.URL, `query($place: ID!) { events(filter: {types: [CONSULT], location: $place, participant: "person:wang-yi"}) {
			edges { node { location { key } evidence { article { key } } } } } }`, map[string]any{"place": place})
		if !strings.Contains(raw, `"location":{"key":"location:moscow-kremlin"}`) || !strings.Contains(raw, id) || len(resp.Errors) > 0 {
			t.Fatalf("the ingested meeting is not found at the Kremlin asking for %s: %s", place, raw)
		}
	}

	resp, raw := post(t, srv.URL, query, nil)
	var data struct {
		Events struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Participants []struct {
						Role   string
						Entity struct{ Name string }
					}
					Evidence []struct {
						Text    string
						Article struct{ Title, Published string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(resp.Data, &data); err != nil || len(resp.Errors) > 0 {
		t.Fatalf("the README's query: %s", raw)
	}
	for _, e := range data.Events.Edges {
		n := e.Node
		if len(n.Evidence) == 0 || n.Evidence[0].Article.Title != title {
			continue
		}
		var who []string
		for _, p := range n.Participants {
			who = append(who, p.Role+" "+p.Entity.Name)
		}
		if !slices.Equal(who, []string{"ACTOR Sergey Lavrov", "TARGET Wang Yi"}) {
			t.Errorf("the meeting at the Kremlin: got %v, want [ACTOR Sergey Lavrov TARGET Wang Yi]", who)
		}
		return
	}
	t.Errorf("who met in Moscow (%d events) leaves out the meeting at the Kremlin: %s", data.Events.TotalCount, raw)
}
