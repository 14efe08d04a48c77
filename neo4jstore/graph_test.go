package neo4jstore

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg"
)

func TestNeighborhood(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	person := []geokg.Kind{geokg.KindPerson}
	tests := []struct {
		name      string
		depth     int
		kinds     []geokg.Kind
		limit     int
		articles  bool
		wantNodes []string
		wantEdges int
	}{
		{"DepthOne", 1, nil, 100, false, []string{w.alpha, w.north, w.e1}, 2},
		{"DepthOneWithArticles", 1, nil, 100, true, []string{w.alpha, w.north, w.e1, w.one}, 5},
		{"DepthTwo", 2, nil, 100, false, []string{w.alpha, w.north, w.e1, w.capital, w.gamma, w.war}, 7},
		{"DepthTwoPeopleOnly", 2, person, 100, false, []string{w.alpha, w.e1, w.gamma}, 2},
		{"DepthThreePeopleOnly", 3, person, 100, false, []string{w.alpha, w.e1, w.gamma, w.e2}, 3},
		{"DepthThree", 3, nil, 100, false, []string{w.alpha, w.north, w.e1, w.capital, w.gamma, w.war, w.e2, w.south}, 10},
		{"LimitKeepsTheNearest", 3, nil, 3, false, []string{w.alpha, w.north, w.e1}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := s.Neighborhood(ctx, w.alpha, tt.depth, tt.kinds, tt.limit, tt.articles)
			if err != nil {
				t.Fatal(err)
			}
			got := nodeIDs(g.Nodes)
			if len(got) == 0 || got[0] != w.alpha {
				t.Fatalf("nodes: got %v, want the center %s first", got, w.alpha)
			}
			if !slices.Equal(sorted(got), sorted(tt.wantNodes)) {
				t.Errorf("nodes: got %v, want %v", sorted(got), sorted(tt.wantNodes))
			}
			if len(g.Edges) != tt.wantEdges {
				t.Errorf("edges: got %d, want %d", len(g.Edges), tt.wantEdges)
			}
			in := map[string]bool{}
			for _, n := range g.Nodes {
				in[n.ID] = true
				if n.Kind == geokg.NodeArticle && !tt.articles {
					t.Errorf("article node %s, want none", n.ID)
				}
			}
			for _, e := range g.Edges {
				if !in[e.Source] || !in[e.Target] {
					t.Errorf("edge %s %s->%s leaves the node set", e.Type, e.Source, e.Target)
				}
			}
		})
	}

	t.Run("NodesAndEdgesCarryLabelsAndEvidence", func(t *testing.T) {
		g, err := s.Neighborhood(ctx, w.alpha, 1, nil, 100, false)
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
		for _, c := range []struct {
			id           string
			depth, limit int
			arg          string
		}{{w.alpha, 0, 10, "depth"}, {w.alpha, 4, 10, "depth"}, {w.alpha, 1, 0, "limit"}, {w.p + "nobody", 1, 10, "id"}} {
			_, err := s.Neighborhood(ctx, c.id, c.depth, nil, c.limit, false)
			wantCode(t, err, geokg.CodeInvalid)
			if !strings.HasPrefix(geokg.ErrorMessage(err), c.arg+":") {
				t.Errorf("message %q does not name %s", geokg.ErrorMessage(err), c.arg)
			}
		}
	})
}

func TestPaths(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	tests := []struct {
		name            string
		from, to        string
		maxLength       int
		throughArticles bool
		want            [][]string // node ids of each path, in any order of paths
	}{
		{"AvoidsArticlesByDefault", w.alpha, w.beta, 4, false, [][]string{{w.alpha, w.e1, w.gamma, w.e2, w.beta}}},
		{"ThroughArticlesWhenAsked", w.alpha, w.beta, 4, true, [][]string{{w.alpha, w.one, w.beta}}},
		{"NoneWithinMaxLength", w.alpha, w.beta, 3, false, nil},
		{"Direct", w.alpha, w.north, 2, false, [][]string{{w.alpha, w.north}}},
		{"AllShortest", w.capital, w.war, 3, false, [][]string{{w.capital, w.north, w.war}, {w.capital, w.e1, w.war}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paths, err := s.Paths(ctx, tt.from, tt.to, tt.maxLength, tt.throughArticles)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range paths {
				got = append(got, strings.Join(nodeIDs(p.Nodes), " "))
				if p.Length() != len(p.Nodes)-1 {
					t.Errorf("path %v: got %d relationships, want %d", nodeIDs(p.Nodes), p.Length(), len(p.Nodes)-1)
				}
				for i, r := range p.Relationships {
					a, b := p.Nodes[i].ID, p.Nodes[i+1].ID
					if !(r.Source == a && r.Target == b) && !(r.Source == b && r.Target == a) {
						t.Errorf("relationship %d (%s %s->%s) does not join %s and %s", i, r.Type, r.Source, r.Target, a, b)
					}
				}
			}
			var want []string
			for _, p := range tt.want {
				want = append(want, strings.Join(p, " "))
			}
			if !slices.Equal(sorted(got), sorted(want)) {
				t.Errorf("got paths %q, want %q", got, want)
			}
		})
	}

	t.Run("EventNodesCiteTheirSentences", func(t *testing.T) {
		paths, err := s.Paths(ctx, w.alpha, w.beta, 4, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(paths) != 1 {
			t.Fatalf("got %d paths, want 1", len(paths))
		}
		e2 := paths[0].Nodes[3]
		if len(e2.Evidence) != 1 || e2.Evidence[0].ArticleID != w.two || e2.Evidence[0].Text != "In Sudmark, Ashgrove accused Trevanion." || e2.Evidence[0].ArticleTitle != "Ashgrove accuses Trevanion" {
			t.Errorf("e2 evidence: got %+v, want article two's sentence 1 with its title", e2.Evidence)
		}
		r := paths[0].Relationships[0]
		if r.Type != geokg.RelInvolves || r.Source != w.e1 || r.Target != w.alpha || r.Role != "actor" {
			t.Errorf("first relationship: got %+v, want e1 INVOLVES alpha as actor", r)
		}
	})

	t.Run("BadArgumentsAreInvalid", func(t *testing.T) {
		for _, c := range []struct {
			from, to string
			max      int
			arg      string
		}{{w.alpha, w.beta, 0, "maxLength"}, {w.alpha, w.beta, 7, "maxLength"}, {w.p + "x", w.beta, 4, "from"}, {w.alpha, w.p + "x", 4, "to"}, {w.alpha, w.alpha, 4, "to"}} {
			_, err := s.Paths(ctx, c.from, c.to, c.max, false)
			wantCode(t, err, geokg.CodeInvalid)
			if !strings.HasPrefix(geokg.ErrorMessage(err), c.arg+":") {
				t.Errorf("message %q does not name %s", geokg.ErrorMessage(err), c.arg)
			}
		}
	})
}
