package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/geokg/geokg"
)

func TestCommonNeighbors(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	x := newArticleThree(w)
	x.load(t, s)
	all := geokg.Page{First: 20}

	tests := []struct {
		name      string
		a, b      string
		kinds     []geokg.Kind
		page      geokg.Page
		want      []string
		wantTotal int
	}{
		// gamma meets alpha in e1 and accuses beta in e2: through events only.
		{"ThroughSharedEvents", w.alpha, w.beta, nil, all, []string{w.gamma}, 1},
		// war: party to both and e3 is about it (4 links); capital: north's
		// capital and e3's place (3); cold: both its parties (2).
		{"MostLinksFirst", w.north, w.south, nil, all, []string{w.war, w.capital, x.cold}, 3},
		{"KindsFilter", w.north, w.south, []geokg.Kind{geokg.KindConflict}, all, []string{w.war, x.cold}, 2},
		{"Page", w.north, w.south, nil, geokg.Page{First: 1, Offset: 1}, []string{w.capital}, 3},
		{"PageBeyondTheEnd", w.north, w.south, nil, geokg.Page{First: 5, Offset: 3}, []string{}, 3},
		{"NoneInCommon", w.writer, w.beta, nil, all, []string{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.CommonNeighbors(ctx, tt.a, tt.b, tt.kinds, tt.page)
			if err != nil {
				t.Fatal(err)
			}
			ids := []string{}
			for _, n := range got.Items {
				ids = append(ids, n.Entity.ID)
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("neighbors: got %v, want %v", ids, tt.want)
			}
			if got.Total != tt.wantTotal {
				t.Errorf("total: got %d, want %d", got.Total, tt.wantTotal)
			}
		})
	}

	t.Run("EventLinksNameTheEventAndItsSentences", func(t *testing.T) {
		got, err := s.CommonNeighbors(ctx, w.alpha, w.beta, nil, all)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Items) != 1 {
			t.Fatalf("got %d neighbors, want 1", len(got.Items))
		}
		n := got.Items[0]
		if n.Entity.Name != "Corvin Ashgrove" || n.Entity.Kind != geokg.KindPerson {
			t.Errorf("entity: got %+v, want Corvin Ashgrove, a Person", n.Entity)
		}
		wantA := []string{"INVOLVES " + w.e1 + "->" + w.alpha, "INVOLVES " + w.e1 + "->" + w.gamma}
		wantB := []string{"INVOLVES " + w.e2 + "->" + w.beta, "INVOLVES " + w.e2 + "->" + w.gamma}
		if got := edgeStrings(n.ViaA); !slices.Equal(got, wantA) {
			t.Errorf("viaA: got %v, want %v", got, wantA)
		}
		if got := edgeStrings(n.ViaB); !slices.Equal(got, wantB) {
			t.Errorf("viaB: got %v, want %v", got, wantB)
		}
		for _, c := range []struct {
			edges    []geokg.Edge
			article  string
			title    string
			sentence int
			text     string
		}{
			{n.ViaA, w.one, w.articleOne.Article.Title, 1, "Quillon Marbury met Corvin Ashgrove in Norvagrad."},
			{n.ViaB, w.two, w.articleTwo.Article.Title, 1, "In Sudmark, Ashgrove accused Trevanion."},
		} {
			for _, e := range c.edges {
				want := []geokg.Evidence{{ArticleID: c.article, ArticleTitle: c.title, Sentence: c.sentence, Text: c.text}}
				if !slices.Equal(e.Evidence, want) {
					t.Errorf("%s evidence: got %+v, want %+v", edgeString(e), e.Evidence, want)
				}
				if e.Weight != 1 {
					t.Errorf("%s weight: got %v, want 1", edgeString(e), e.Weight)
				}
			}
		}
		if n.ViaA[0].Role != "actor" || n.ViaA[1].Role != "target" {
			t.Errorf("viaA roles: got %q, %q, want actor, target", n.ViaA[0].Role, n.ViaA[1].Role)
		}
	})

	t.Run("DirectAndEventLinksTogether", func(t *testing.T) {
		got, err := s.CommonNeighbors(ctx, w.north, w.south, nil, geokg.Page{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Items) != 1 || got.Items[0].Entity.ID != w.war {
			t.Fatalf("got %+v, want war first", got.Items)
		}
		n := got.Items[0]
		wantA := []string{"INVOLVES " + w.war + "->" + w.north, "ABOUT " + x.e3 + "->" + w.war, "INVOLVES " + x.e3 + "->" + w.north}
		wantB := []string{"INVOLVES " + w.war + "->" + w.south, "ABOUT " + x.e3 + "->" + w.war, "INVOLVES " + x.e3 + "->" + w.south}
		if got := edgeStrings(n.ViaA); !slices.Equal(got, wantA) {
			t.Errorf("viaA: got %v, want %v", got, wantA)
		}
		if got := edgeStrings(n.ViaB); !slices.Equal(got, wantB) {
			t.Errorf("viaB: got %v, want %v", got, wantB)
		}
		if len(n.ViaA) == 3 {
			if direct := n.ViaA[0]; direct.Side != "A" || len(direct.Evidence) != 0 || direct.Weight != 1 {
				t.Errorf("war -> north: got side %q, evidence %+v, weight %v; want side A, no evidence, weight 1", direct.Side, direct.Evidence, direct.Weight)
			}
			for _, e := range n.ViaA[1:] {
				if len(e.Evidence) != 2 || e.Evidence[0].ArticleID != x.three || e.Evidence[0].Sentence != 1 || e.Evidence[1].Sentence != 2 ||
					e.Evidence[1].Text != "The fighting went on for a day." || e.Evidence[0].ArticleTitle != x.facts.Article.Title {
					t.Errorf("%s evidence: got %+v, want sentences 1 and 2 of article three", edgeString(e), e.Evidence)
				}
				if e.Weight != 2 {
					t.Errorf("%s weight: got %v, want 2 (two sentences)", edgeString(e), e.Weight)
				}
			}
		}
	})

	t.Run("BadArgumentsAreInvalid", func(t *testing.T) {
		for _, c := range []struct {
			a, b  string
			kinds []geokg.Kind
			page  geokg.Page
			arg   string
		}{
			{w.p + "nobody", w.beta, nil, all, "a"},
			{w.alpha, w.p + "nobody", nil, all, "b"},
			{w.alpha, w.alpha, nil, all, "b"},
			{w.alpha, w.beta, []geokg.Kind{"Planet"}, all, "kinds"},
			{w.alpha, w.beta, nil, geokg.Page{First: 0}, "first"},
			{w.alpha, w.beta, nil, geokg.Page{First: 101}, "first"},
		} {
			_, err := s.CommonNeighbors(ctx, c.a, c.b, c.kinds, c.page)
			wantInvalidArg(t, err, c.arg)
		}
	})
}

func TestCoMentionsOf(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	x := newArticleThree(w)
	x.load(t, s)
	all := geokg.Page{First: 20}

	type co struct {
		id       string
		shared   int
		articles []string
	}
	tests := []struct {
		name      string
		id        string
		kinds     []geokg.Kind
		page      geokg.Page
		want      []co
		wantTotal int
	}{
		// alpha is in articles one and three; north in both, the others in
		// one each, ranked by name.
		{"MostSharedFirstThenByName", w.alpha, nil, all, []co{
			{w.north, 2, []string{x.three, w.one}}, {w.gamma, 1, []string{x.three}}, {w.war, 1, []string{w.one}},
			{w.south, 1, []string{x.three}}, {w.beta, 1, []string{w.one}},
		}, 5},
		{"KindsFilter", w.alpha, []geokg.Kind{geokg.KindPerson}, all, []co{{w.gamma, 1, []string{x.three}}, {w.beta, 1, []string{w.one}}}, 2},
		{"Page", w.alpha, nil, geokg.Page{First: 2, Offset: 1}, []co{{w.gamma, 1, []string{x.three}}, {w.war, 1, []string{w.one}}}, 5},
		// The writer wrote article one but is not mentioned anywhere.
		{"NotMentionedHasNone", w.writer, nil, all, []co{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.CoMentionsOf(ctx, []string{tt.id}, tt.kinds, tt.page)
			if err != nil {
				t.Fatal(err)
			}
			page, ok := got[tt.id]
			if !ok {
				t.Fatalf("no entry for %s in %v", tt.id, got)
			}
			gotCo := []co{}
			for _, c := range page.Items {
				gotCo = append(gotCo, co{c.Entity.ID, c.SharedArticles, c.ArticleIDs})
			}
			if fmt.Sprint(gotCo) != fmt.Sprint(tt.want) {
				t.Errorf("co-mentions: got %v, want %v", gotCo, tt.want)
			}
			if page.Total != tt.wantTotal {
				t.Errorf("total: got %d, want %d", page.Total, tt.wantTotal)
			}
		})
	}

	t.Run("SeveralIDsInOneCall", func(t *testing.T) {
		unknown := w.p + "nobody"
		got, err := s.CoMentionsOf(ctx, []string{w.alpha, w.beta, unknown, w.beta}, nil, geokg.Page{First: 1})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got[unknown]; ok || len(got) != 2 {
			t.Errorf("keys: got %d entries (unknown present: %v), want alpha and beta only", len(got), ok)
		}
		if a := got[w.alpha]; a.Total != 5 || len(a.Items) != 1 || a.Items[0].Entity.ID != w.north {
			t.Errorf("alpha: got total %d items %+v, want total 5 and north first", a.Total, a.Items)
		}
		// beta shares one article with each of five entities: by name,
		// Corvin Ashgrove comes first.
		if b := got[w.beta]; b.Total != 5 || len(b.Items) != 1 || b.Items[0].Entity.ID != w.gamma || !slices.Equal(b.Items[0].ArticleIDs, []string{w.two}) {
			t.Errorf("beta: got total %d items %+v, want total 5 and gamma first with article two", b.Total, b.Items)
		}
	})

	t.Run("BadArgumentsAreInvalid", func(t *testing.T) {
		_, err := s.CoMentionsOf(ctx, []string{w.alpha}, []geokg.Kind{"Planet"}, all)
		wantInvalidArg(t, err, "kinds")
		_, err = s.CoMentionsOf(ctx, []string{w.alpha}, nil, geokg.Page{First: 0})
		wantInvalidArg(t, err, "first")
	})
}

func TestPartiesOf(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	x := newArticleThree(w)
	x.load(t, s)
	all := geokg.Page{First: 20}

	type party struct{ conflict, entity, side string }
	tests := []struct {
		name      string
		id        string
		from, to  int
		page      geokg.Page
		want      []party
		wantTotal int
	}{
		{"ConflictPartiesBySideThenName", w.war, 0, 0, all, []party{
			{w.war, w.league, "A"}, {w.war, w.north, "A"}, {w.war, w.south, "B"},
		}, 3},
		{"ConflictPartiesPage", w.war, 0, 0, geokg.Page{First: 1, Offset: 2}, []party{{w.war, w.south, "B"}}, 3},
		// Latest start first; war has no dates and is always kept.
		{"CountryConflictsLatestFirst", w.north, 0, 0, all, []party{
			{x.cold, w.north, "B"}, {x.old, w.north, "A"}, {w.war, w.north, "A"},
		}, 3},
		{"FromYearDropsEndedConflicts", w.north, 2000, 0, all, []party{{x.cold, w.north, "B"}, {w.war, w.north, "A"}}, 2},
		{"ToYearDropsLaterConflicts", w.north, 0, 2005, all, []party{{x.old, w.north, "A"}, {w.war, w.north, "A"}}, 2},
		{"TheEndYearCounts", w.north, 1995, 1995, all, []party{{x.old, w.north, "A"}, {w.war, w.north, "A"}}, 2},
		{"TheStartYearCounts", w.north, 2010, 2010, all, []party{{x.cold, w.north, "B"}, {w.war, w.north, "A"}}, 2},
		{"OrganizationConflicts", w.league, 0, 0, all, []party{{x.old, w.league, "B"}, {w.war, w.league, "A"}}, 2},
		{"PersonHasNone", w.alpha, 0, 0, all, []party{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.PartiesOf(ctx, []string{tt.id}, tt.from, tt.to, tt.page)
			if err != nil {
				t.Fatal(err)
			}
			page, ok := got[tt.id]
			if !ok {
				t.Fatalf("no entry for %s", tt.id)
			}
			gotParties := []party{}
			for _, p := range page.Items {
				gotParties = append(gotParties, party{p.Conflict.ID, p.Entity.ID, p.Side})
			}
			if !slices.Equal(gotParties, tt.want) {
				t.Errorf("parties: got %v, want %v", gotParties, tt.want)
			}
			if page.Total != tt.wantTotal {
				t.Errorf("total: got %d, want %d", page.Total, tt.wantTotal)
			}
		})
	}

	t.Run("SeveralIDsInOneCall", func(t *testing.T) {
		unknown := w.p + "nobody"
		got, err := s.PartiesOf(ctx, []string{w.war, w.north, unknown, w.alpha}, 0, 0, all)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got[unknown]; ok || len(got) != 3 {
			t.Errorf("keys: got %d entries (unknown present: %v), want war, north and alpha", len(got), ok)
		}
		if p := got[w.war]; p.Total != 3 || len(p.Items) != 3 || p.Items[0].Conflict.Name != "Norvania-Sudmark War" || p.Items[0].Entity.Name != "Concord League" {
			t.Errorf("war: got %+v, want its three parties, Concord League first", p)
		}
		if p := got[w.north]; p.Total != 3 || p.Items[1].Conflict.Start != "1990-01-01" || p.Items[1].Conflict.End != "1995" {
			t.Errorf("north: got %+v, want three conflicts with old second, its dates decoded", p)
		}
	})

	t.Run("BadArgumentsAreInvalid", func(t *testing.T) {
		for _, c := range []struct {
			from, to int
			page     geokg.Page
			arg      string
		}{
			{-1, 0, all, "fromYear"},
			{0, -5, all, "toYear"},
			{2010, 2000, all, "toYear"},
			{0, 0, geokg.Page{First: 0}, "first"},
			{0, 0, geokg.Page{First: 10, Offset: -1}, "after"},
		} {
			_, err := s.PartiesOf(ctx, []string{w.war}, c.from, c.to, c.page)
			wantInvalidArg(t, err, c.arg)
		}
	})
}
