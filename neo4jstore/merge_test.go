package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg"
)

// reportedInCypher returns the articles that report event $id, sorted, or
// no row when there is no such event.
const reportedInCypher = `
MATCH (e:Event {id: $id})
OPTIONAL MATCH (e)-[:REPORTED_IN]->(a:Article)
WITH e, a ORDER BY a.id
RETURN collect(a.id) AS articles, e.sentences AS sentences`

func reportedIn(tb testing.TB, s *Store, id string) (articles []string, found bool) {
	tb.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, reportedInCypher, map[string]any{"id": id},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		tb.Fatal(err)
	}
	if len(res.Records) == 0 {
		return nil, false
	}
	for _, a := range res.Records[0].Values[0].([]any) {
		articles = append(articles, a.(string))
	}
	return articles, true
}

func TestSameEventReportedTwiceIsOneEvent(t *testing.T) {
	s := MustOpenStore(t)
	p := testPrefix(t, s)
	w := newWorld(p)
	w.load(t, s)
	ctx := context.Background()

	// report writes an article reporting CONSULT actor -> target on date.
	report := func(name, date, target string) geokg.Facts {
		id := p + "article:" + name
		return geokg.Facts{
			Article:  geokg.Article{ID: id, Title: name, Body: "Marbury met someone.", Published: date, Hash: "hash-" + name},
			Entities: []geokg.Entity{w.entities[w.alpha], w.entities[target]},
			Events: []geokg.Event{{
				ID: p + "event:" + name, Type: "CONSULT", CAMEO: "04", Date: date, Confidence: 0.9,
				Participants: []geokg.Participant{{ID: w.alpha, Role: geokg.RoleActor}, {ID: target, Role: geokg.RoleTarget}},
				Evidence:     []geokg.Evidence{{ArticleID: id, Sentence: 1, Text: "Marbury met them (" + name + ")."}},
			}},
		}
	}
	write := func(f geokg.Facts, want geokg.WriteOutcome) {
		t.Helper()
		got, err := s.WriteFacts(ctx, f)
		if err != nil || got != want {
			t.Fatalf("write %s: got %s, %v; want %s", f.Article.ID, got, err, want)
		}
	}
	three := report("three", "2024-03-02", w.gamma) // a day after article one's e1
	write(three, geokg.Written)
	if got, _ := reportedIn(t, s, w.e1); !slices.Equal(got, []string{w.one, three.Article.ID}) {
		t.Errorf("e1 reported in %v, want [%s %s]", got, w.one, three.Article.ID)
	}
	if _, found := reportedIn(t, s, three.Events[0].ID); found {
		t.Errorf("a second Event node was made for the same meeting")
	}

	write(report("four", "2024-03-20", w.gamma), geokg.Written) // too late to be the same
	write(report("five", "2024-03-02", w.beta), geokg.Written)  // another target
	for _, name := range []string{"four", "five"} {
		if got, found := reportedIn(t, s, p+"event:"+name); !found || len(got) != 1 {
			t.Errorf("event %s: got %v (found %v), want its own event with one report", name, got, found)
		}
	}

	nodes, rels := countData(t, s, p)
	write(three, geokg.Unchanged)
	three.Article.Hash = "hash-three-v2" // rewritten, same facts
	write(three, geokg.Replaced)
	if n, r := countData(t, s, p); n != nodes || r != rels {
		t.Errorf("rewriting an article changed the graph: %d/%d, want %d/%d", n, r, nodes, rels)
	}

	one := w.articleOne
	one.Article.Hash = "hash-one-v2"
	one.Events = nil // article one no longer reports the meeting
	write(one, geokg.Replaced)
	if got, found := reportedIn(t, s, w.e1); !found || !slices.Equal(got, []string{three.Article.ID}) {
		t.Errorf("after replacing article one, e1 reported in %v (found %v), want only %s", got, found, three.Article.ID)
	}
	if _, err := s.DeleteArticle(ctx, three.Article.ID); err != nil {
		t.Fatal(err)
	}
	if got, found := reportedIn(t, s, w.e1); found {
		t.Errorf("after deleting every report, e1 still exists, reported in %v", got)
	}
}

func TestDayDistance(t *testing.T) {
	cases := []struct {
		a, b   string
		d      int
		within bool
	}{
		{"2024-03-01", "2024-03-04", 3, true},
		{"2024-03-04", "2024-03-01", 3, true},
		{"2024-03-01", "2024-03-05", 4, false},
		{"2024-03", "2024-03", 0, true},
		{"2024-03", "2024-03-01", 0, false},
		{"", "", 0, true},
	}
	for _, c := range cases {
		d, ok := dayDistance(c.a, c.b)
		if ok != c.within || (ok && d != c.d) {
			t.Errorf("dayDistance(%q, %q): got %d, %v; want %d, %v", c.a, c.b, d, ok, c.d, c.within)
		}
	}
}

// TestWidelyReportedEventCarriesBoundedEvidence reports one meeting in more
// articles than an answer carries sentences: every reader returns the
// earliest articles' sentences up to the cap and counts them all.
func TestWidelyReportedEventCarriesBoundedEvidence(t *testing.T) {
	if !strings.Contains(reportsTail, "LIMIT "+strconv.Itoa(geokg.MaxEvidence)+" ") {
		t.Fatalf("the Cypher cap on reports is not geokg.MaxEvidence (%d): %s", geokg.MaxEvidence, reportsTail)
	}
	s := MustOpenStore(t)
	p := testPrefix(t, s)
	w := newWorld(p)
	w.load(t, s)
	ctx := context.Background()
	const extra = geokg.MaxEvidence + 3
	for i := range extra {
		id := fmt.Sprintf("%sarticle:wire-%02d", p, i)
		date := fmt.Sprintf("2024-03-%02d", 1+i%3) // within the merge window of e1
		f := geokg.Facts{
			Article:  geokg.Article{ID: id, Title: "wire " + id, Body: "Marbury met Ashgrove.", Published: date, Hash: "hash-" + id},
			Entities: []geokg.Entity{w.entities[w.alpha], w.entities[w.gamma]},
			Events: []geokg.Event{{
				ID: p + fmt.Sprintf("event:wire-%02d", i), Type: "CONSULT", CAMEO: "04", Date: "2024-03-01", Confidence: 0.9,
				Participants: []geokg.Participant{{ID: w.alpha, Role: geokg.RoleActor}, {ID: w.gamma, Role: geokg.RoleTarget}},
				Evidence:     []geokg.Evidence{{ArticleID: id, Sentence: 1, Text: "Marbury met Ashgrove."}},
			}},
		}
		if got, err := s.WriteFacts(ctx, f); err != nil || got != geokg.Written {
			t.Fatalf("write %s: %s, %v", id, got, err)
		}
	}
	reports, _ := reportedIn(t, s, w.e1)
	if len(reports) <= geokg.MaxEvidence {
		t.Fatalf("e1 is reported in %d articles; the test needs more than %d", len(reports), geokg.MaxEvidence)
	}

	byID, err := s.EventsByID(ctx, []string{w.e1})
	if err != nil {
		t.Fatal(err)
	}
	ev := byID[w.e1]
	if len(ev.Evidence) != geokg.MaxEvidence || ev.EvidenceCount != len(reports) {
		t.Errorf("EventsByID: %d sentences, count %d; want %d and %d", len(ev.Evidence), ev.EvidenceCount, geokg.MaxEvidence, len(reports))
	}
	// The earliest articles are kept: article one (published first) is.
	if !slices.ContainsFunc(ev.Evidence, func(e geokg.Evidence) bool { return e.ArticleID == w.one }) {
		t.Errorf("the earliest report (%s) is not among the evidence kept", w.one)
	}

	g, err := s.Neighborhood(ctx, geokg.NeighborhoodQuery{IDs: []string{w.alpha}, Depth: 1, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var node *geokg.Node
	for i := range g.Nodes {
		if g.Nodes[i].ID == w.e1 {
			node = &g.Nodes[i]
		}
	}
	if node == nil {
		t.Fatalf("e1 is not in alpha's neighborhood: %+v", g.Nodes)
	}
	if len(node.Evidence) != geokg.MaxEvidence || node.EvidenceCount != len(reports) {
		t.Errorf("neighborhood node: %d sentences, count %d; want %d and %d", len(node.Evidence), node.EvidenceCount, geokg.MaxEvidence, len(reports))
	}
	for _, e := range g.Edges {
		if e.Source == w.e1 && len(e.Evidence) > geokg.MaxEvidence+1 {
			t.Errorf("edge %s from e1 carries %d sentences", e.Type, len(e.Evidence))
		}
	}
}

// TestSharedEventForgetsWhatOnlyARemovedArticleAdded reports one meeting in
// two articles, the second naming a place and a conflict the first does
// not (its participants are the same: they make the event's key);
// deleting the second takes those, and its sentence, off the event, and
// keeps what the first reported.
func TestSharedEventForgetsWhatOnlyARemovedArticleAdded(t *testing.T) {
	s := MustOpenStore(t)
	p := testPrefix(t, s)
	w := newWorld(p)
	ctx := context.Background()
	// Article one reports e1 (alpha meets gamma) in the capital. The second
	// reports the same meeting in the south, about the war.
	one := w.articleOne
	one.Events = []geokg.Event{{
		ID: w.e1, Type: "CONSULT", CAMEO: "04", Date: "2024-03-01", Confidence: 0.8,
		Participants: []geokg.Participant{{ID: w.alpha, Role: geokg.RoleActor}, {ID: w.gamma, Role: geokg.RoleTarget}},
		Location:     w.capital,
		Evidence:     []geokg.Evidence{{ArticleID: w.one, Sentence: 1, Text: "Marbury met Ashgrove in Norvagrad."}},
	}}
	second := p + "article:second"
	two := geokg.Facts{
		Article:  geokg.Article{ID: second, Title: "second", Body: "They met.", Published: "2024-03-02", Hash: "hash-second"},
		Entities: []geokg.Entity{w.entities[w.alpha], w.entities[w.gamma], w.entities[w.south], w.entities[w.war]},
		Events: []geokg.Event{{
			ID: p + "event:second", Type: "CONSULT", CAMEO: "04", Date: "2024-03-02", Confidence: 0.9,
			Participants: []geokg.Participant{{ID: w.alpha, Role: geokg.RoleActor}, {ID: w.gamma, Role: geokg.RoleTarget}},
			About:        []string{w.war}, Location: w.south,
			Evidence: []geokg.Evidence{{ArticleID: second, Sentence: 1, Text: "Marbury met Ashgrove in Sudmark over the war."}},
		}},
	}
	for _, f := range []geokg.Facts{one, two} {
		if _, err := s.WriteFacts(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	links := func() []string {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, s.driver, `
MATCH (e:Event {id: $id})-[r:INVOLVES|ABOUT|OCCURRED_IN]->(x)
WITH type(r) + ' ' + x.id AS link ORDER BY link
RETURN collect(link) AS links, head(COLLECT { MATCH (e2:Event {id: $id}) RETURN e2.sentences }) AS sentences`,
			map[string]any{"id": w.e1}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, v := range res.Records[0].Values[0].([]any) {
			out = append(out, v.(string))
		}
		for _, v := range res.Records[0].Values[1].([]any) {
			out = append(out, "sentence "+v.(string))
		}
		return out
	}
	if got := links(); len(got) != 7 {
		t.Fatalf("before: the shared event has %v, want the links and sentences of both articles", got)
	}
	if _, err := s.DeleteArticle(ctx, second); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"INVOLVES " + w.alpha, "INVOLVES " + w.gamma, "OCCURRED_IN " + w.capital,
		"sentence Marbury met Ashgrove in Norvagrad.",
	}
	if got := links(); !slices.Equal(got, want) {
		t.Errorf("after deleting the second article: got %v, want %v", got, want)
	}
}

// TestNamesOnlyAnArticleGaveLeaveWithIt: a person an article found in its
// own text and nothing else refers to is deleted with the article; one
// another article also names, and the knowledge base's, stay.
func TestNamesOnlyAnArticleGaveLeaveWithIt(t *testing.T) {
	s := MustOpenStore(t)
	p := testPrefix(t, s)
	w := newWorld(p)
	ctx := context.Background()
	lone := geokg.Entity{ID: p + "person:lone", Name: "Lone Name", Kind: geokg.KindPerson, Confidence: 0.6, Source: "article"}
	shared := geokg.Entity{ID: p + "person:shared", Name: "Shared Name", Kind: geokg.KindPerson, Confidence: 0.6, Source: "article"}
	article := func(name string, ents ...geokg.Entity) geokg.Facts {
		id := p + "article:" + name
		f := geokg.Facts{Article: geokg.Article{ID: id, Title: name, Body: "Names.", Published: "2024-03-02", Hash: "hash-" + name}}
		for _, e := range ents {
			f.Entities = append(f.Entities, e)
			f.Mentions = append(f.Mentions, geokg.Mention{EntityID: e.ID, Count: 1, Surface: []string{e.Name},
				First: geokg.Evidence{ArticleID: id, Sentence: 1, Text: "Names."}})
		}
		return f
	}
	first := article("first", lone, shared, w.entities[w.alpha])
	for _, f := range []geokg.Facts{first, article("second", shared)} {
		if _, err := s.WriteFacts(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	rewritten := first
	rewritten.Article.Hash = "hash-first-v2"
	if got, err := s.WriteFacts(ctx, rewritten); err != nil || got != geokg.Replaced {
		t.Fatalf("rewrite: %s, %v", got, err)
	}
	if found, _ := s.EntitiesByID(ctx, []string{lone.ID}); len(found) != 1 {
		t.Errorf("a rewritten article lost the name it still gives: %v", found)
	}
	if _, err := s.DeleteArticle(ctx, first.Article.ID); err != nil {
		t.Fatal(err)
	}
	found, err := s.EntitiesByID(ctx, []string{lone.ID, shared.ID, w.alpha})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := found[lone.ID]; ok {
		t.Errorf("%s, named only by the deleted article, is still stored", lone.ID)
	}
	for _, id := range []string{shared.ID, w.alpha} {
		if _, ok := found[id]; !ok {
			t.Errorf("%s was deleted, but another article or the knowledge base has it", id)
		}
	}
}
