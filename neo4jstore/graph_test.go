package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg"
)

// idsOfNodes returns the nodes' ids in order.
func idsOfNodes(ns []geokg.Node) []string {
	ids := []string{}
	for _, n := range ns {
		ids = append(ids, n.ID)
	}
	return ids
}

// sortedCopy returns ids sorted, leaving ids alone.
func sortedCopy(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// articleThree adds to the world (same prefix) what the relation questions
// need beyond it:
//
//	article three (2024-03-10): mentions alpha, gamma, north (4), south;
//	  e3 FIGHT 2024-03-09: north (actor) -> south (target), in capital,
//	  about war, reported by two sentences
//	league (Organization) is a party to war on side A
//	old (Conflict, 1990-01-01 to 1995): north side A, league side B
//	cold (Conflict, 2010, going on): north side B, south side A
type articleThree struct {
	three, e3, old, cold string
	facts                geokg.Facts
}

func newArticleThree(w *world) *articleThree {
	a := &articleThree{three: w.p + "article:three", e3: w.p + "event:e3", old: w.p + "conflict:old", cold: w.p + "conflict:cold"}
	ents := []geokg.Entity{
		w.entities[w.alpha], w.entities[w.gamma], w.entities[w.north], w.entities[w.south],
		w.entities[w.capital], w.entities[w.league], w.entities[w.war],
		{ID: a.old, Name: "Old Border War", Kind: geokg.KindConflict, Start: "1990-01-01", End: "1995", Confidence: 1, Source: "kb"},
		{ID: a.cold, Name: "Cold Standoff", Kind: geokg.KindConflict, Start: "2010", Confidence: 1, Source: "kb"},
	}
	first := func(sentence int, text string) geokg.Evidence {
		return geokg.Evidence{ArticleID: a.three, Sentence: sentence, Text: text}
	}
	a.facts = geokg.Facts{
		Article: geokg.Article{
			ID: a.three, Title: "Norvania and Sudmark clash near Norvagrad", Body: "Norvania fought Sudmark.",
			Published: "2024-03-10", Hash: "hash-three-v1",
		},
		Entities: ents,
		Mentions: []geokg.Mention{
			{EntityID: w.alpha, Count: 1, Surface: []string{"Marbury"}, First: first(3, "Marbury called for calm.")},
			{EntityID: w.gamma, Count: 1, Surface: []string{"Ashgrove"}, First: first(4, "Ashgrove blamed Norvania.")},
			{EntityID: w.north, Count: 4, Surface: []string{"Norvania"}, First: first(0, "Norvania and Sudmark clash near Norvagrad")},
			{EntityID: w.south, Count: 1, Surface: []string{"Sudmark"}, First: first(0, "Norvania and Sudmark clash near Norvagrad")},
		},
		Relations: []geokg.Relation{
			{Type: geokg.RelInvolves, From: w.war, To: w.league, Side: "A", Source: "kb"},
			{Type: geokg.RelInvolves, From: a.old, To: w.north, Side: "A", Source: "kb"},
			{Type: geokg.RelInvolves, From: a.old, To: w.league, Side: "B", Source: "kb"},
			{Type: geokg.RelInvolves, From: a.cold, To: w.north, Side: "B", Source: "kb"},
			{Type: geokg.RelInvolves, From: a.cold, To: w.south, Side: "A", Source: "kb"},
		},
		Events: []geokg.Event{{
			ID: a.e3, Type: "FIGHT", CAMEO: "19", Date: "2024-03-09", Confidence: 0.9,
			Participants: []geokg.Participant{{ID: w.north, Role: geokg.RoleActor}, {ID: w.south, Role: geokg.RoleTarget}},
			About:        []string{w.war}, Location: w.capital,
			Evidence: []geokg.Evidence{
				first(1, "Norvanian troops fought Sudmark's near Norvagrad."),
				first(2, "The fighting went on for a day."),
			},
		}},
	}
	return a
}

func (a *articleThree) load(tb testing.TB, s *Store) {
	tb.Helper()
	if _, err := s.WriteFacts(context.Background(), a.facts); err != nil {
		tb.Fatalf("write %s: %v", a.three, err)
	}
}

// edgeString describes an edge for comparisons in failures: "TYPE source->target".
func edgeString(e geokg.Edge) string {
	return fmt.Sprintf("%s %s->%s", e.Type, e.Source, e.Target)
}

func edgeStrings(es []geokg.Edge) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, edgeString(e))
	}
	return out
}

// wantInvalidArg checks that err has CodeInvalid and a message naming arg.
func wantInvalidArg(tb testing.TB, err error, arg string) {
	tb.Helper()
	wantCode(tb, err, geokg.CodeInvalid)
	if msg := geokg.ErrorMessage(err); !strings.HasPrefix(msg, arg+":") {
		tb.Errorf("message %q does not name %s", msg, arg)
	}
}

func TestNeighborhood(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	person := []geokg.Kind{geokg.KindPerson}
	one := func(ids ...string) []string { return ids }
	tests := []struct {
		name          string
		ids           []string
		depth         int
		kinds         []geokg.Kind
		types         []geokg.RelationType
		limit         int
		articles      bool
		wantFirst     []string // the centers, in order
		wantNodes     []string // every node, in any order
		wantEdges     int
		wantTruncated bool
		wantDegrees   map[string]int // of some nodes
	}{
		{"DepthOne", one(w.alpha), 1, nil, nil, 100, false, one(w.alpha), []string{w.alpha, w.north, w.e1}, 2, false,
			map[string]int{w.alpha: 2, w.north: 1, w.e1: 1}},
		{"DepthOneWithArticles", one(w.alpha), 1, nil, nil, 100, true, one(w.alpha), []string{w.alpha, w.north, w.e1, w.one}, 5, false,
			map[string]int{w.alpha: 3, w.one: 3, w.e1: 2, w.north: 2}},
		{"DepthTwo", one(w.alpha), 2, nil, nil, 100, false, one(w.alpha), []string{w.alpha, w.north, w.e1, w.capital, w.gamma, w.war}, 7, false,
			map[string]int{w.alpha: 2, w.north: 3, w.e1: 4, w.capital: 2, w.gamma: 1, w.war: 2}},
		{"DepthTwoPeopleOnly", one(w.alpha), 2, person, nil, 100, false, one(w.alpha), []string{w.alpha, w.e1, w.gamma}, 2, false,
			map[string]int{w.e1: 2}},
		{"DepthThreePeopleOnly", one(w.alpha), 3, person, nil, 100, false, one(w.alpha), []string{w.alpha, w.e1, w.gamma, w.e2}, 3, false,
			map[string]int{w.gamma: 2, w.e2: 1}},
		{"DepthThree", one(w.alpha), 3, nil, nil, 100, false, one(w.alpha), []string{w.alpha, w.north, w.e1, w.capital, w.gamma, w.war, w.e2, w.south}, 10, false,
			map[string]int{w.war: 3, w.south: 2, w.e2: 2}},
		{"LimitKeepsTheNearest", one(w.alpha), 3, nil, nil, 3, false, one(w.alpha), []string{w.alpha, w.north, w.e1}, 2, true, nil},
		{"ExactBudgetIsNotTruncated", one(w.alpha), 1, nil, nil, 3, false, one(w.alpha), []string{w.alpha, w.north, w.e1}, 2, false, nil},
		// beta's only links besides articles are e2; the two centers come
		// first in the order asked.
		{"SeveralCenters", []string{w.beta, w.alpha}, 1, nil, nil, 100, false, []string{w.beta, w.alpha}, []string{w.beta, w.alpha, w.north, w.e1, w.e2}, 3, false,
			map[string]int{w.beta: 1, w.alpha: 2, w.e2: 1}},
		{"SeveralCentersShareTheBudget", []string{w.beta, w.alpha}, 1, nil, nil, 2, false, []string{w.beta, w.alpha}, []string{w.beta, w.alpha}, 0, true, nil},
		{"RepeatedCenterCountsOnce", []string{w.alpha, w.alpha}, 1, nil, nil, 100, false, one(w.alpha), []string{w.alpha, w.north, w.e1}, 2, false, nil},
		// Only INVOLVES: the events' participants, never north or capital.
		{"RelationTypesOnly", one(w.alpha), 3, nil, []geokg.RelationType{geokg.RelInvolves}, 100, false, one(w.alpha), []string{w.alpha, w.e1, w.gamma, w.e2}, 3, false,
			map[string]int{w.gamma: 2}},
		{"RelationTypesBetweenEntities", one(w.alpha), 2, nil, []geokg.RelationType{geokg.RelHoldsRole, geokg.RelCapitalOf}, 100, false, one(w.alpha), []string{w.alpha, w.north, w.capital}, 2, false,
			map[string]int{w.north: 2}},
		{"RelationTypesWithArticles", one(w.alpha), 1, nil, []geokg.RelationType{geokg.RelMentions}, 100, true, one(w.alpha), []string{w.alpha, w.one}, 1, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := s.Neighborhood(ctx, geokg.NeighborhoodQuery{
				IDs: tt.ids, Depth: tt.depth, Kinds: tt.kinds, RelationTypes: tt.types, Limit: tt.limit, WithArticles: tt.articles,
			})
			if err != nil {
				t.Fatal(err)
			}
			got := idsOfNodes(g.Nodes)
			if len(got) < len(tt.wantFirst) || !slices.Equal(got[:len(tt.wantFirst)], tt.wantFirst) {
				t.Fatalf("nodes: got %v, want the centers %v first", got, tt.wantFirst)
			}
			if !slices.Equal(sortedCopy(got), sortedCopy(tt.wantNodes)) {
				t.Errorf("nodes: got %v, want %v", sortedCopy(got), sortedCopy(tt.wantNodes))
			}
			if len(g.Edges) != tt.wantEdges {
				t.Errorf("edges: got %d, want %d", len(g.Edges), tt.wantEdges)
			}
			if g.Truncated != tt.wantTruncated {
				t.Errorf("truncated: got %v, want %v", g.Truncated, tt.wantTruncated)
			}
			in := map[string]bool{}
			degree := map[string]int{}
			for _, n := range g.Nodes {
				in[n.ID] = true
				if n.Kind == geokg.NodeArticle && !tt.articles {
					t.Errorf("article node %s, want none", n.ID)
				}
			}
			for _, e := range g.Edges {
				if !in[e.Source] || !in[e.Target] {
					t.Errorf("edge %s leaves the node set", edgeString(e))
				}
				if len(tt.types) > 0 && !slices.Contains(tt.types, e.Type) {
					t.Errorf("edge %s, want only %v", edgeString(e), tt.types)
				}
				degree[e.Source]++
				degree[e.Target]++
			}
			for _, n := range g.Nodes {
				if n.Degree != degree[n.ID] {
					t.Errorf("%s degree: got %d, want %d (its edges)", n.ID, n.Degree, degree[n.ID])
				}
			}
			for id, want := range tt.wantDegrees {
				for _, n := range g.Nodes {
					if n.ID == id && n.Degree != want {
						t.Errorf("%s degree: got %d, want %d", id, n.Degree, want)
					}
				}
			}
		})
	}

	t.Run("NodesAndEdgesCarryLabelsAndEvidence", func(t *testing.T) {
		g, err := s.Neighborhood(ctx, geokg.NeighborhoodQuery{IDs: []string{w.alpha}, Depth: 1, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range g.Nodes {
			switch n.ID {
			case w.e1:
				if n.Kind != geokg.NodeEvent || n.Label != "CONSULT 2024-03-01" {
					t.Errorf("e1: got kind %s label %q, want Event \"CONSULT 2024-03-01\"", n.Kind, n.Label)
				}
				if len(n.Evidence) != 1 || n.Evidence[0].ArticleID != w.one || n.Evidence[0].ArticleTitle != w.articleOne.Article.Title {
					t.Errorf("e1 evidence: got %+v, want one sentence of article one with its title", n.Evidence)
				}
			case w.north:
				if n.Kind != geokg.NodeKind(geokg.KindCountry) || n.Label != "Norvania" {
					t.Errorf("north: got kind %s label %q, want Country Norvania", n.Kind, n.Label)
				}
			}
		}
		for _, e := range g.Edges {
			if e.Type == geokg.RelHoldsRole {
				if e.Source != w.alpha || e.Target != w.north || e.Title != "Foreign Minister" || e.Since != "2021-05-01" {
					t.Errorf("HOLDS_ROLE: got %+v, want alpha -> north, Foreign Minister since 2021-05-01", e)
				}
				if len(e.Evidence) != 1 || e.Evidence[0].ArticleID != w.one || e.Evidence[0].ArticleTitle != w.articleOne.Article.Title {
					t.Errorf("HOLDS_ROLE evidence: got %+v, want article one's sentence", e.Evidence)
				}
			}
		}
	})

	t.Run("BadArgumentsAreInvalid", func(t *testing.T) {
		eleven := []string{}
		for i := range 11 {
			eleven = append(eleven, w.p+"person:"+string(rune('a'+i)))
		}
		for _, c := range []struct {
			name string
			q    geokg.NeighborhoodQuery
			arg  string
		}{
			{"DepthZero", geokg.NeighborhoodQuery{IDs: []string{w.alpha}, Depth: 0, Limit: 10}, "depth"},
			{"DepthFour", geokg.NeighborhoodQuery{IDs: []string{w.alpha}, Depth: 4, Limit: 10}, "depth"},
			{"LimitZero", geokg.NeighborhoodQuery{IDs: []string{w.alpha}, Depth: 1, Limit: 0}, "limit"},
			{"LimitTooHigh", geokg.NeighborhoodQuery{IDs: []string{w.alpha}, Depth: 1, Limit: 501}, "limit"},
			{"NoIDs", geokg.NeighborhoodQuery{Depth: 1, Limit: 10}, "ids"},
			{"ElevenIDs", geokg.NeighborhoodQuery{IDs: eleven, Depth: 1, Limit: 10}, "ids"},
			{"UnknownID", geokg.NeighborhoodQuery{IDs: []string{w.alpha, w.p + "nobody"}, Depth: 1, Limit: 10}, "ids"},
			{"EventIsNoCenter", geokg.NeighborhoodQuery{IDs: []string{w.e1}, Depth: 1, Limit: 10}, "ids"},
			{"UnknownKind", geokg.NeighborhoodQuery{IDs: []string{w.alpha}, Depth: 1, Limit: 10, Kinds: []geokg.Kind{"Planet"}}, "kinds"},
			{"UnknownRelationType", geokg.NeighborhoodQuery{IDs: []string{w.alpha}, Depth: 1, Limit: 10, RelationTypes: []geokg.RelationType{"KNOWS"}}, "relationTypes"},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.Neighborhood(ctx, c.q)
				wantInvalidArg(t, err, c.arg)
			})
		}
		_, err := s.Neighborhood(ctx, geokg.NeighborhoodQuery{IDs: []string{w.alpha, w.p + "nobody"}, Depth: 1, Limit: 10})
		if msg := geokg.ErrorMessage(err); !strings.Contains(msg, w.p+"nobody") {
			t.Errorf("message %q does not name the unknown id", msg)
		}
	})
}

// TestNeighborhoodWeights checks the edges' weights where they differ from
// 1: mentions weigh their count and an event's links the number of
// sentences reporting the event (e3 has two).
func TestNeighborhoodWeights(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	x := newArticleThree(w)
	x.load(t, s)

	g, err := s.Neighborhood(ctx, geokg.NeighborhoodQuery{IDs: []string{w.north}, Depth: 1, Limit: 100, WithArticles: true})
	if err != nil {
		t.Fatal(err)
	}
	weights := map[string]float64{}
	for _, e := range g.Edges {
		weights[edgeString(e)] = e.Weight
	}
	for _, c := range []struct {
		edge string
		want float64
	}{
		{"MENTIONS " + x.three + "->" + w.north, 4},
		{"MENTIONS " + w.one + "->" + w.north, 2},
		{"MENTIONS " + w.one + "->" + w.alpha, 3},
		{"MENTIONS " + x.three + "->" + w.alpha, 1},
		{"INVOLVES " + x.e3 + "->" + w.north, 2},
		{"ABOUT " + x.e3 + "->" + w.war, 2},
		{"OCCURRED_IN " + x.e3 + "->" + w.capital, 2},
		{"HOLDS_ROLE " + w.alpha + "->" + w.north, 1},
		{"INVOLVES " + w.war + "->" + w.north, 1},
		{"CAPITAL_OF " + w.capital + "->" + w.north, 1},
	} {
		got, ok := weights[c.edge]
		if !ok {
			t.Errorf("no edge %s among %v", c.edge, sortedCopy(edgeStrings(g.Edges)))
			continue
		}
		if got != c.want {
			t.Errorf("%s weight: got %v, want %v", c.edge, got, c.want)
		}
	}
	// e3 reports itself in article three twice: two REPORTED_IN edges,
	// each weighing 1 and citing its own sentence.
	reports := 0
	for _, e := range g.Edges {
		if e.Type == geokg.RelReportedIn && e.Source == x.e3 {
			reports++
			if e.Weight != 1 || len(e.Evidence) != 1 || e.Evidence[0].ArticleID != x.three {
				t.Errorf("%s: got weight %v evidence %+v, want 1 and its sentence", edgeString(e), e.Weight, e.Evidence)
			}
		}
	}
	if reports != 2 {
		t.Errorf("REPORTED_IN from e3: got %d, want 2", reports)
	}
}

func TestPaths(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	tests := []struct {
		name      string
		from, to  string
		maxLength int
		all       bool
		types     []geokg.RelationType
		via       []geokg.NodeKind
		want      [][]string // node ids of each path, in any order of paths
	}{
		{"AvoidsArticlesByDefault", w.alpha, w.beta, 4, true, nil, nil, [][]string{{w.alpha, w.e1, w.gamma, w.e2, w.beta}}},
		{"ThroughArticlesWhenAsked", w.alpha, w.beta, 4, true, nil, []geokg.NodeKind{geokg.NodePerson, geokg.NodeEvent, geokg.NodeArticle}, [][]string{{w.alpha, w.one, w.beta}}},
		{"NoneWithinMaxLength", w.alpha, w.beta, 3, true, nil, nil, nil},
		{"Direct", w.alpha, w.north, 2, true, nil, nil, [][]string{{w.alpha, w.north}}},
		{"AllShortest", w.capital, w.war, 3, true, nil, nil, [][]string{{w.capital, w.north, w.war}, {w.capital, w.e1, w.war}}},
		{"RelationTypesBetweenEntities", w.capital, w.war, 3, true, []geokg.RelationType{geokg.RelCapitalOf, geokg.RelInvolves}, nil, [][]string{{w.capital, w.north, w.war}}},
		{"RelationTypesThroughEvents", w.capital, w.war, 3, true, []geokg.RelationType{geokg.RelOccurredIn, geokg.RelAbout}, nil, [][]string{{w.capital, w.e1, w.war}}},
		// Without HOLDS_ROLE and ABOUT, alpha's two-hop ways to war (through
		// north, through e1) are closed: the shortest left goes round by
		// the capital.
		{"RelationTypesFindLongerPaths", w.alpha, w.war, 4, true, []geokg.RelationType{geokg.RelInvolves, geokg.RelOccurredIn, geokg.RelCapitalOf}, nil,
			[][]string{{w.alpha, w.e1, w.capital, w.north, w.war}}},
		{"ViaCountriesOnly", w.capital, w.war, 3, true, nil, []geokg.NodeKind{geokg.NodeCountry}, [][]string{{w.capital, w.north, w.war}}},
		{"ViaEventsOnly", w.capital, w.war, 3, true, nil, []geokg.NodeKind{geokg.NodeEvent}, [][]string{{w.capital, w.e1, w.war}}},
		{"ViaNothingReachable", w.capital, w.war, 6, true, nil, []geokg.NodeKind{geokg.NodePerson}, nil},
		{"ViaPeopleAndEvents", w.alpha, w.beta, 4, true, nil, []geokg.NodeKind{geokg.NodePerson, geokg.NodeEvent}, [][]string{{w.alpha, w.e1, w.gamma, w.e2, w.beta}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paths, err := s.Paths(ctx, geokg.PathQuery{From: tt.from, To: tt.to, MaxLength: tt.maxLength, All: tt.all, RelationTypes: tt.types, Via: tt.via})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range paths {
				got = append(got, strings.Join(idsOfNodes(p.Nodes), " "))
				if p.Length() != len(p.Nodes)-1 {
					t.Errorf("path %v: got %d relationships, want %d", idsOfNodes(p.Nodes), p.Length(), len(p.Nodes)-1)
				}
				for i, r := range p.Relationships {
					a, b := p.Nodes[i].ID, p.Nodes[i+1].ID
					if !(r.Source == a && r.Target == b) && !(r.Source == b && r.Target == a) {
						t.Errorf("relationship %d (%s) does not join %s and %s", i, edgeString(r), a, b)
					}
					if len(tt.types) > 0 && !slices.Contains(tt.types, r.Type) {
						t.Errorf("relationship %s, want only %v", edgeString(r), tt.types)
					}
				}
			}
			var want []string
			for _, p := range tt.want {
				want = append(want, strings.Join(p, " "))
			}
			if !slices.Equal(sortedCopy(got), sortedCopy(want)) {
				t.Errorf("got paths %q, want %q", got, want)
			}
		})
	}

	t.Run("OneShortestUnlessAll", func(t *testing.T) {
		paths, err := s.Paths(ctx, geokg.PathQuery{From: w.capital, To: w.war, MaxLength: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(paths) != 1 {
			t.Fatalf("got %d paths, want 1", len(paths))
		}
		got := strings.Join(idsOfNodes(paths[0].Nodes), " ")
		if got != strings.Join([]string{w.capital, w.north, w.war}, " ") && got != strings.Join([]string{w.capital, w.e1, w.war}, " ") {
			t.Errorf("got path %q, want one of the two shortest", got)
		}
	})

	t.Run("HopsCiteTheirSentences", func(t *testing.T) {
		paths, err := s.Paths(ctx, geokg.PathQuery{From: w.alpha, To: w.beta, MaxLength: 4, All: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(paths) != 1 || len(paths[0].Nodes) != 5 {
			t.Fatalf("got %d paths, want 1 of 4 hops", len(paths))
		}
		p := paths[0]
		e2 := p.Nodes[3]
		if len(e2.Evidence) != 1 || e2.Evidence[0].ArticleID != w.two || e2.Evidence[0].Text != "In Sudmark, Ashgrove accused Trevanion." || e2.Evidence[0].ArticleTitle != "Ashgrove accuses Trevanion" {
			t.Errorf("e2 evidence: got %+v, want article two's sentence 1 with its title", e2.Evidence)
		}
		r := p.Relationships[0]
		if r.Type != geokg.RelInvolves || r.Source != w.e1 || r.Target != w.alpha || r.Role != "actor" {
			t.Errorf("first relationship: got %+v, want e1 INVOLVES alpha as actor", r)
		}
		one := geokg.Evidence{ArticleID: w.one, ArticleTitle: w.articleOne.Article.Title, Sentence: 1, Text: "Quillon Marbury met Corvin Ashgrove in Norvagrad."}
		two := geokg.Evidence{ArticleID: w.two, ArticleTitle: w.articleTwo.Article.Title, Sentence: 1, Text: "In Sudmark, Ashgrove accused Trevanion."}
		for i, want := range []geokg.Evidence{one, one, two, two} {
			r := p.Relationships[i]
			if !slices.Equal(r.Evidence, []geokg.Evidence{want}) {
				t.Errorf("hop %d (%s) evidence: got %+v, want %+v", i, edgeString(r), r.Evidence, want)
			}
			if r.Weight != 1 {
				t.Errorf("hop %d (%s) weight: got %v, want 1", i, edgeString(r), r.Weight)
			}
		}
	})

	t.Run("FactsAndMentionsCiteTheirOwnSentence", func(t *testing.T) {
		paths, err := s.Paths(ctx, geokg.PathQuery{From: w.alpha, To: w.north, MaxLength: 2})
		if err != nil {
			t.Fatal(err)
		}
		want := []geokg.Evidence{{ArticleID: w.one, ArticleTitle: w.articleOne.Article.Title, Sentence: 1, Text: "Foreign Minister Quillon Marbury of Norvania."}}
		if len(paths) != 1 || len(paths[0].Relationships) != 1 || !slices.Equal(paths[0].Relationships[0].Evidence, want) {
			t.Errorf("HOLDS_ROLE hop: got %+v, want evidence %+v", paths, want)
		}

		paths, err = s.Paths(ctx, geokg.PathQuery{From: w.alpha, To: w.beta, MaxLength: 2, Via: []geokg.NodeKind{geokg.NodeArticle}})
		if err != nil {
			t.Fatal(err)
		}
		if len(paths) != 1 || len(paths[0].Relationships) != 2 {
			t.Fatalf("got %+v, want alpha - one - beta", paths)
		}
		m := paths[0].Relationships[0]
		wantM := []geokg.Evidence{{ArticleID: w.one, ArticleTitle: w.articleOne.Article.Title, Sentence: 1, Text: "Quillon Marbury met Corvin Ashgrove."}}
		if m.Type != geokg.RelMentions || m.Count != 3 || m.Weight != 3 || !slices.Equal(m.Evidence, wantM) {
			t.Errorf("mention hop: got %s count %d weight %v evidence %+v, want MENTIONS count 3 weight 3 evidence %+v", edgeString(m), m.Count, m.Weight, m.Evidence, wantM)
		}
	})

	t.Run("BadArgumentsAreInvalid", func(t *testing.T) {
		for _, c := range []struct {
			name string
			q    geokg.PathQuery
			arg  string
		}{
			{"MaxLengthZero", geokg.PathQuery{From: w.alpha, To: w.beta, MaxLength: 0}, "maxLength"},
			{"MaxLengthSeven", geokg.PathQuery{From: w.alpha, To: w.beta, MaxLength: 7}, "maxLength"},
			{"UnknownFrom", geokg.PathQuery{From: w.p + "x", To: w.beta, MaxLength: 4}, "from"},
			{"UnknownTo", geokg.PathQuery{From: w.alpha, To: w.p + "x", MaxLength: 4}, "to"},
			{"EventIsNoEnd", geokg.PathQuery{From: w.alpha, To: w.e2, MaxLength: 4}, "to"},
			{"SameEnds", geokg.PathQuery{From: w.alpha, To: w.alpha, MaxLength: 4}, "to"},
			{"UnknownRelationType", geokg.PathQuery{From: w.alpha, To: w.beta, MaxLength: 4, RelationTypes: []geokg.RelationType{"KNOWS"}}, "relationTypes"},
			{"UnknownNodeKind", geokg.PathQuery{From: w.alpha, To: w.beta, MaxLength: 4, Via: []geokg.NodeKind{"Planet"}}, "via"},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := s.Paths(ctx, c.q)
				wantInvalidArg(t, err, c.arg)
			})
		}
	})
}

func TestMergeParallelPaths(t *testing.T) {
	ev := func(a string) []geokg.Evidence { return []geokg.Evidence{{ArticleID: a, Sentence: 1, Text: a}} }
	path := func(relType geokg.RelationType, article string) geokg.Path {
		return geokg.Path{
			Nodes:         []geokg.Node{{ID: "a"}, {ID: "b"}},
			Relationships: []geokg.Edge{{Type: relType, Source: "a", Target: "b", Evidence: ev(article)}},
		}
	}
	got := mergeParallelPaths([]geokg.Path{path(geokg.RelHoldsRole, "one"), path(geokg.RelHoldsRole, "two"), path(geokg.RelInvolves, "three"), path(geokg.RelHoldsRole, "one")})
	if len(got) != 2 {
		t.Fatalf("got %d paths, want 2 (HOLDS_ROLE merged, INVOLVES apart)", len(got))
	}
	var arts []string
	for _, e := range got[0].Relationships[0].Evidence {
		arts = append(arts, e.ArticleID)
	}
	if !slices.Equal(arts, []string{"one", "two"}) || got[1].Relationships[0].Type != geokg.RelInvolves {
		t.Errorf("got %v and %s, want the HOLDS_ROLE path citing one and two, then the INVOLVES one", arts, got[1].Relationships[0].Type)
	}
}
