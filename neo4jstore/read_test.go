package neo4jstore

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg"
)

func TestSearch(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)

	// Other tests (in other packages too) may hold the same fictional
	// world under their own prefixes at the same time, so hits are checked
	// by name, and this test's entity must be among them.
	tests := []struct {
		name      string
		text      string
		kinds     []geokg.Kind
		wantName  string
		wantID    string
		wantAlias string
	}{
		{"ExactName", "Quillon Marbury", nil, "Quillon Marbury", w.alpha, ""},
		{"OneWordOfTheName", "marbury", nil, "Quillon Marbury", w.alpha, ""},
		{"Alias", "Republic of Norvania", nil, "Norvania", w.north, "Republic of Norvania"},
		{"Typo", "Quilon Marbery", nil, "Quillon Marbury", w.alpha, ""},
		{"TypoInOneWord", "Trevanian", nil, "Ysolde Trevanion", w.beta, ""},
		{"Prefix", "Norvag", nil, "Norvagrad", w.capital, ""},
		{"KindFilter", "Norvania", []geokg.Kind{geokg.KindConflict}, "Norvania-Sudmark War", w.war, ""},
		{"LuceneSyntaxIsLiteral", `Marbury") OR *:* AND title:[a TO z]~`, nil, "Quillon Marbury", w.alpha, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Search(ctx, tt.text, tt.kinds, geokg.Page{First: 50})
			if err != nil {
				t.Fatal(err)
			}
			hits := res.Items
			if res.Total < len(hits) {
				t.Errorf("total %d is less than the %d hits returned", res.Total, len(hits))
			}
			if len(hits) == 0 {
				t.Fatalf("got no hits, want %q first", tt.wantName)
			}
			if got := hits[0].Entity.Name; got != tt.wantName {
				t.Errorf("first hit: got %q, want %q", got, tt.wantName)
			}
			if got := hits[0].MatchedAlias; got != tt.wantAlias {
				t.Errorf("matched alias: got %q, want %q", got, tt.wantAlias)
			}
			found := false
			for _, h := range hits {
				found = found || h.Entity.ID == tt.wantID
				if len(tt.kinds) > 0 && !slices.Contains(tt.kinds, h.Entity.Kind) {
					t.Errorf("hit %s is a %s, want only %v", h.Entity.ID, h.Entity.Kind, tt.kinds)
				}
			}
			if !found {
				t.Errorf("hits do not include %s", tt.wantID)
			}
		})
	}

	t.Run("EmptyTextIsInvalid", func(t *testing.T) {
		_, err := s.Search(ctx, " ?! ", nil, geokg.Page{First: 10})
		wantCode(t, err, geokg.CodeInvalid)
	})
	t.Run("FirstOutOfRangeIsInvalid", func(t *testing.T) {
		_, err := s.Search(ctx, "Marbury", nil, geokg.Page{First: 101})
		wantCode(t, err, geokg.CodeInvalid)
	})
	t.Run("PagesDoNotOverlap", func(t *testing.T) {
		all, err := s.Search(ctx, "Norvania", nil, geokg.Page{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		if all.Total < 2 {
			t.Fatalf("got %d hits for Norvania, want at least 2", all.Total)
		}
		second, err := s.Search(ctx, "Norvania", nil, geokg.Page{First: 1, Offset: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(second.Items) != 1 || second.Items[0].Entity.ID != all.Items[1].Entity.ID || second.Total != all.Total {
			t.Errorf("second page: got %+v (total %d), want the second hit %s of %d", second.Items, second.Total, all.Items[1].Entity.ID, all.Total)
		}
	})
}

func TestEntityByName(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	tests := []struct {
		name, text, wantName string
	}{
		{"Name", "Quillon Marbury", "Quillon Marbury"},
		{"NameIgnoringCaseAndSpaces", "  quillon   MARBURY ", "Quillon Marbury"},
		{"Alias", "republic of norvania", "Norvania"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := s.EntityByName(ctx, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if e.Name != tt.wantName {
				t.Errorf("got %q, want %q", e.Name, tt.wantName)
			}
		})
	}
	t.Run("PartOfANameIsNotFound", func(t *testing.T) {
		_, err := s.EntityByName(ctx, "Marbury")
		wantCode(t, err, geokg.CodeNotFound)
	})
	t.Run("EntitiesByID", func(t *testing.T) {
		got, err := s.EntitiesByID(ctx, []string{w.north, w.p + "nobody", w.alpha})
		if err != nil {
			t.Fatal(err)
		}
		e := got[w.north]
		if e.Name != "Norvania" || e.Kind != geokg.KindCountry || !slices.Equal(e.Aliases, []string{"Republic of Norvania"}) {
			t.Errorf("got %+v, want Norvania, a Country aliased Republic of Norvania", e)
		}
		if len(got) != 2 || got[w.alpha].Name != "Quillon Marbury" {
			t.Errorf("got %d entities (%v), want north and alpha only", len(got), got)
		}
	})
}

func TestEvents(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	// Every case names one of this test's entities, so that events loaded
	// from real articles never match.
	tests := []struct {
		name string
		f    geokg.EventFilter
		p    geokg.Page
		want []string
	}{
		{"Participant", geokg.EventFilter{ParticipantID: w.gamma}, geokg.Page{}, []string{w.e2, w.e1}},
		{"OldestFirst", geokg.EventFilter{ParticipantID: w.gamma, Ascending: true}, geokg.Page{}, []string{w.e1, w.e2}},
		{"Actor", geokg.EventFilter{ActorID: w.gamma}, geokg.Page{}, []string{w.e2}},
		{"Target", geokg.EventFilter{TargetID: w.gamma}, geokg.Page{}, []string{w.e1}},
		{"ActorAndTarget", geokg.EventFilter{ActorID: w.gamma, TargetID: w.beta}, geokg.Page{}, []string{w.e2}},
		{"ActorAndTargetSwapped", geokg.EventFilter{ActorID: w.beta, TargetID: w.gamma}, geokg.Page{}, []string{}},
		{"TypesAndParticipant", geokg.EventFilter{ParticipantID: w.gamma, Types: []string{"ACCUSE"}}, geokg.Page{}, []string{w.e2}},
		{"SeveralTypes", geokg.EventFilter{ParticipantID: w.gamma, Types: []string{"ACCUSE", "CONSULT"}}, geokg.Page{}, []string{w.e2, w.e1}},
		{"Location", geokg.EventFilter{LocationID: w.capital}, geokg.Page{}, []string{w.e1}},
		{"LocationIncludesItsCapital", geokg.EventFilter{LocationID: w.north}, geokg.Page{}, []string{w.e1}},
		{"TypeAndLocation", geokg.EventFilter{LocationID: w.south, Types: []string{"ACCUSE"}}, geokg.Page{}, []string{w.e2}},
		{"TypeAndLocationNoMatch", geokg.EventFilter{LocationID: w.south, Types: []string{"CONSULT"}}, geokg.Page{}, []string{}},
		{"About", geokg.EventFilter{AboutID: w.war}, geokg.Page{}, []string{w.e1}},
		{"From", geokg.EventFilter{ParticipantID: w.gamma, From: "2024-03-02"}, geokg.Page{}, []string{w.e2}},
		{"To", geokg.EventFilter{ParticipantID: w.gamma, To: "2024-03-02"}, geokg.Page{}, []string{w.e1}},
		{"ToAMonthIncludesItsDays", geokg.EventFilter{ParticipantID: w.gamma, To: "2024-03"}, geokg.Page{}, []string{w.e2, w.e1}},
		{"FirstPage", geokg.EventFilter{ParticipantID: w.gamma}, geokg.Page{First: 1}, []string{w.e2}},
		{"SecondPage", geokg.EventFilter{ParticipantID: w.gamma}, geokg.Page{First: 1, Offset: 1}, []string{w.e1}},
		{"PastTheEnd", geokg.EventFilter{ParticipantID: w.gamma}, geokg.Page{First: 1, Offset: 5}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.p.First == 0 {
				tt.p.First = 50
			}
			res, err := s.Events(ctx, tt.f, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			if got := eventIDs(res.Items); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if tt.p.Offset == 0 && tt.p.First == 50 && res.Total != len(tt.want) {
				t.Errorf("total: got %d, want %d", res.Total, len(tt.want))
			}
			if strings.HasSuffix(tt.name, "Page") && res.Total != 2 {
				t.Errorf("total on a page: got %d, want all 2", res.Total)
			}
		})
	}

	t.Run("EventsAreResolved", func(t *testing.T) {
		res, err := s.Events(ctx, geokg.EventFilter{ParticipantID: w.alpha}, geokg.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		evs := res.Items
		if len(evs) != 1 {
			t.Fatalf("got %d events, want 1", len(evs))
		}
		e := evs[0]
		if e.Type != "CONSULT" || e.CAMEO != "04" || e.Date != "2024-03-01" || e.Confidence != 0.8 {
			t.Errorf("got %s %s %s %v, want CONSULT 04 2024-03-01 0.8", e.Type, e.CAMEO, e.Date, e.Confidence)
		}
		if len(e.Participants) != 2 || e.Participants[0].Entity.Name != "Quillon Marbury" || e.Participants[0].Role != geokg.RoleActor ||
			e.Participants[1].Entity.Name != "Corvin Ashgrove" || e.Participants[1].Role != geokg.RoleTarget {
			t.Errorf("participants: got %+v, want Marbury (actor), Ashgrove (target)", e.Participants)
		}
		if e.Location == nil || e.Location.ID != w.capital {
			t.Errorf("location: got %+v, want %s", e.Location, w.capital)
		}
		if len(e.About) != 1 || e.About[0].ID != w.war {
			t.Errorf("about: got %+v, want [%s]", e.About, w.war)
		}
		if len(e.Evidence) != 1 || e.Evidence[0].ArticleTitle != w.articleOne.Article.Title || e.Evidence[0].Sentence != 1 {
			t.Errorf("evidence: got %+v, want article one, sentence 1", e.Evidence)
		}
	})

	t.Run("BadFiltersAreInvalid", func(t *testing.T) {
		for _, c := range []struct {
			f     geokg.EventFilter
			first int
			arg   string
		}{
			{geokg.EventFilter{LocationID: w.p + "nowhere"}, 10, "location"},
			{geokg.EventFilter{ParticipantID: w.p + "nobody"}, 10, "participant"},
			{geokg.EventFilter{ActorID: w.p + "nobody"}, 10, "actor"},
			{geokg.EventFilter{TargetID: w.p + "nobody"}, 10, "target"},
			{geokg.EventFilter{AboutID: w.p + "nothing"}, 10, "about"},
			{geokg.EventFilter{From: "March 2024"}, 10, "from"},
			{geokg.EventFilter{From: "2024-03-05", To: "2024-03-01"}, 10, "to"},
			{geokg.EventFilter{Types: []string{"SHRUG"}}, 10, "types"},
			{geokg.EventFilter{}, 0, "first"},
			{geokg.EventFilter{}, 101, "first"},
		} {
			_, err := s.Events(ctx, c.f, geokg.Page{First: c.first})
			wantCode(t, err, geokg.CodeInvalid)
			if !strings.HasPrefix(geokg.ErrorMessage(err), c.arg+":") {
				t.Errorf("message %q does not name %s", geokg.ErrorMessage(err), c.arg)
			}
		}
	})
}

func TestEntityRelationships(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	all := geokg.Page{First: 50}

	t.Run("AllTypesForSeveralEntitiesInOneCall", func(t *testing.T) {
		rels, err := s.RelationshipsOf(ctx, []string{w.alpha, w.beta, w.p + "nobody"}, nil, all)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rels[w.alpha].Items {
			got = append(got, string(r.Type)+" "+string(r.Direction)+" "+r.Other.ID)
		}
		want := []string{
			"HOLDS_ROLE OUTGOING " + w.north,
			"INVOLVES INCOMING " + w.e1,
			"MENTIONS INCOMING " + w.one,
		}
		if !slices.Equal(got, want) || rels[w.alpha].Total != 3 {
			t.Errorf("alpha: got %q (total %d), want %q", got, rels[w.alpha].Total, want)
		}
		if n := len(rels[w.beta].Items); n != 3 { // e2 INVOLVES, MENTIONS from one and two
			t.Errorf("beta: got %d relationships, want 3", n)
		}
		if _, ok := rels[w.p+"nobody"]; ok {
			t.Errorf("unknown id: got relationships, want none")
		}
	})
	t.Run("PagedWithTotal", func(t *testing.T) {
		rels, err := s.RelationshipsOf(ctx, []string{w.alpha}, nil, geokg.Page{First: 1, Offset: 1})
		if err != nil {
			t.Fatal(err)
		}
		r := rels[w.alpha]
		if len(r.Items) != 1 || r.Items[0].Other.ID != w.e1 || r.Total != 3 {
			t.Errorf("second of alpha's relationships: got %+v (total %d), want the INVOLVES from e1 of 3", r.Items, r.Total)
		}
	})
	t.Run("FilteredByType", func(t *testing.T) {
		rels, err := s.RelationshipsOf(ctx, []string{w.alpha}, []geokg.RelationType{geokg.RelMentions}, all)
		if err != nil {
			t.Fatal(err)
		}
		r := rels[w.alpha].Items
		if len(r) != 1 || r[0].Count != 3 || r[0].Other.Kind != geokg.NodeArticle || len(r[0].Evidence) != 1 || r[0].Evidence[0].Sentence != 1 {
			t.Errorf("got %+v, want one MENTIONS from article one, count 3, first in sentence 1", r)
		}
		_, err = s.RelationshipsOf(ctx, []string{w.alpha}, []geokg.RelationType{"KNOWS`]->() DETACH DELETE n //"}, all)
		wantCode(t, err, geokg.CodeInvalid)
	})
	t.Run("EventsOf", func(t *testing.T) {
		evs, err := s.EventsOf(ctx, []string{w.alpha, w.gamma, w.war}, "", all)
		if err != nil {
			t.Fatal(err)
		}
		for id, want := range map[string][]string{w.alpha: {w.e1}, w.gamma: {w.e2, w.e1}, w.war: {w.e1}} {
			if got := eventIDs(evs[id].Items); !slices.Equal(got, want) || evs[id].Total != len(want) {
				t.Errorf("events of %s: got %v (total %d), want %v", id, got, evs[id].Total, want)
			}
		}
		evs, err = s.EventsOf(ctx, []string{w.gamma}, geokg.RoleTarget, all)
		if err != nil {
			t.Fatal(err)
		}
		if got := eventIDs(evs[w.gamma].Items); !slices.Equal(got, []string{w.e1}) {
			t.Errorf("gamma as target: got %v, want [%s]", got, w.e1)
		}
	})
	t.Run("OfficesOfPersonAndCountry", func(t *testing.T) {
		roles, err := s.OfficesOf(ctx, []string{w.alpha, w.north, w.beta}, geokg.RoleFilter{}, all)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{w.alpha, w.north} {
			r := roles[id].Items
			if len(r) != 1 || r[0].Person.ID != w.alpha || r[0].Organization.ID != w.north || r[0].Title != "Foreign Minister" ||
				r[0].Since != "2021-05-01" || r[0].Evidence == nil || r[0].Evidence.ArticleTitle != w.articleOne.Article.Title {
				t.Errorf("offices of %s: got %+v, want alpha Foreign Minister of north since 2021-05-01, cited", id, r)
			}
		}
		if n := len(roles[w.beta].Items); n != 0 {
			t.Errorf("offices of beta: got %d, want 0", n)
		}
	})
	t.Run("OfficesHeldOnADate", func(t *testing.T) {
		tests := []struct {
			name string
			f    geokg.RoleFilter
			want int
		}{
			{"ByTitleIgnoringCase", geokg.RoleFilter{OfID: w.north, Title: "foreign minister"}, 1},
			{"OtherTitle", geokg.RoleFilter{OfID: w.north, Title: "President"}, 0},
			{"HeldThatDay", geokg.RoleFilter{OfID: w.north, At: "2022-01-01"}, 1},
			{"NotYetHeld", geokg.RoleFilter{OfID: w.north, At: "2020-12-31"}, 0},
			{"YearOfTheStart", geokg.RoleFilter{OfID: w.north, At: "2021"}, 1},
		}
		for _, tt := range tests {
			res, err := s.Offices(ctx, tt.f, all)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Items) != tt.want || res.Total != tt.want {
				t.Errorf("%s: got %d offices (total %d), want %d", tt.name, len(res.Items), res.Total, tt.want)
			}
		}
		_, err := s.Offices(ctx, geokg.RoleFilter{OfID: w.p + "nowhere"}, all)
		wantCode(t, err, geokg.CodeInvalid)
		_, err = s.Offices(ctx, geokg.RoleFilter{At: "yesterday"}, all)
		wantCode(t, err, geokg.CodeInvalid)
	})
	t.Run("MentionCounts", func(t *testing.T) {
		counts, err := s.MentionCounts(ctx, []string{w.alpha, w.beta, w.league})
		if err != nil {
			t.Fatal(err)
		}
		if counts[w.alpha] != 3 || counts[w.beta] != 3 || counts[w.league] != 0 {
			t.Errorf("got %v, want alpha 3, beta 3 (1+2), league 0", counts)
		}
	})
}

func TestEntities(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)
	tests := []struct {
		name string
		f    geokg.EntityFilter
		want []string
	}{
		{"TiedToACountryByName", geokg.EntityFilter{CountryID: w.north}, []string{w.capital, w.alpha}},
		{"TiedToACountryOfAKind", geokg.EntityFilter{CountryID: w.north, Kinds: []geokg.Kind{geokg.KindPerson}}, []string{w.alpha}},
		{"NamePrefixIgnoresCase", geokg.EntityFilter{CountryID: w.north, NamePrefix: "norv"}, []string{w.capital}},
		{"ByMentionsMostFirst", geokg.EntityFilter{CountryID: w.north, OrderBy: geokg.OrderByMentions, Desc: true}, []string{w.alpha, w.capital}},
		{"ByNameZFirst", geokg.EntityFilter{CountryID: w.north, Desc: true}, []string{w.alpha, w.capital}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Entities(ctx, tt.f, geokg.Page{First: 50})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range res.Items {
				got = append(got, e.ID)
			}
			if !slices.Equal(got, tt.want) || res.Total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, res.Total, tt.want)
			}
		})
	}
	t.Run("PrefixAcrossTheGraph", func(t *testing.T) {
		// Other tests hold the same world under other prefixes, so only
		// check that this one's Quillon Marbury is among the hits.
		res, err := s.Entities(ctx, geokg.EntityFilter{NamePrefix: "Quillon M", Kinds: []geokg.Kind{geokg.KindPerson}}, geokg.Page{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range res.Items {
			found = found || e.ID == w.alpha
			if !strings.HasPrefix(e.Name, "Quillon M") {
				t.Errorf("got %q, want names starting with Quillon M", e.Name)
			}
		}
		if !found {
			t.Errorf("hits do not include %s", w.alpha)
		}
	})
	t.Run("UnknownCountryIsInvalid", func(t *testing.T) {
		_, err := s.Entities(ctx, geokg.EntityFilter{CountryID: w.p + "nowhere"}, geokg.Page{First: 10})
		wantCode(t, err, geokg.CodeInvalid)
	})
}

func TestArticles(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)

	t.Run("ArticlesByIDAndTheirContents", func(t *testing.T) {
		got, err := s.ArticlesByID(ctx, []string{w.one, w.p + "article:none"})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got[w.one]; len(got) != 1 || !ok {
			t.Fatalf("got %d articles, want article one only", len(got))
		}
		contents, err := s.ArticleContents(ctx, []string{w.one, w.p + "article:none"})
		if _, ok := contents[w.one]; err != nil || len(contents) != 1 || !ok {
			t.Fatalf("got contents of %d articles (%v), want article one's only", len(contents), err)
		}
		a, _ := article(t, s, w.one)
		if a.Title != w.articleOne.Article.Title || a.Published != "2024-03-02" || a.AuthorID != w.writer {
			t.Errorf("got %q %s by %s, want %q 2024-03-02 by %s", a.Title, a.Published, a.AuthorID, w.articleOne.Article.Title, w.writer)
		}
		var ents []string
		for _, e := range a.Entities {
			ents = append(ents, e.Entity.ID)
		}
		if want := []string{w.alpha, w.north, w.war, w.beta}; !slices.Equal(ents, want) {
			t.Errorf("entities: got %v, want %v (most mentioned first)", ents, want)
		}
		if got := eventIDs(a.Events); !slices.Equal(got, []string{w.e1}) {
			t.Errorf("events: got %v, want [%s]", got, w.e1)
		}
		if a.PublishedInferred {
			t.Errorf("article one carried its date, but reads as inferred")
		}
		if two, _ := article(t, s, w.two); !two.PublishedInferred {
			t.Errorf("article two's date was inferred, but reads as carried")
		}
	})
	t.Run("FilteredAndPagedNewestFirst", func(t *testing.T) {
		tests := []struct {
			name string
			f    geokg.ArticleFilter
			p    geokg.Page
			want []string
		}{
			{"Mentions", geokg.ArticleFilter{MentionsID: w.beta}, geokg.Page{First: 10}, []string{w.two, w.one}},
			{"MentionsFrom", geokg.ArticleFilter{MentionsID: w.beta, From: "2024-03-03"}, geokg.Page{First: 10}, []string{w.two}},
			{"MentionsTo", geokg.ArticleFilter{MentionsID: w.beta, To: "2024-03-02"}, geokg.Page{First: 10}, []string{w.one}},
			{"SecondPage", geokg.ArticleFilter{MentionsID: w.beta}, geokg.Page{First: 1, Offset: 1}, []string{w.one}},
		}
		for _, tt := range tests {
			res, err := s.Articles(ctx, tt.f, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range res.Items {
				got = append(got, a.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
			}
		}
		res, err := s.Articles(ctx, geokg.ArticleFilter{}, geokg.Page{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(res.Items); i++ {
			if res.Items[i-1].Published < res.Items[i].Published {
				t.Errorf("article %d (%s) is older than article %d (%s)", i-1, res.Items[i-1].Published, i, res.Items[i].Published)
			}
		}
		_, err = s.Articles(ctx, geokg.ArticleFilter{MentionsID: w.p + "nobody"}, geokg.Page{First: 10})
		wantCode(t, err, geokg.CodeInvalid)
	})
}

func TestUnreachableNeo4jIsUnavailable(t *testing.T) {
	ctx := context.Background()
	start := time.Now()
	s, err := Open(ctx, Config{URI: "bolt://127.0.0.1:1", User: "neo4j", Password: "x", MaxRetryTime: time.Second}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("open: got %v, want a store that recovers later", err)
	}
	defer s.Close(ctx)
	_, writeErr := s.WriteFacts(ctx, newWorld("test-unreachable-").articleOne)
	_, searchErr := s.Search(ctx, "anything", nil, geokg.Page{First: 10})
	for name, err := range map[string]error{
		"Ping":       s.Ping(ctx),
		"Migrate":    s.Migrate(ctx),
		"Search":     searchErr,
		"WriteFacts": writeErr,
	} {
		if got := geokg.ErrorCode(err); got != geokg.CodeUnavailable {
			t.Errorf("%s: got code %s (%v), want %s", name, got, err, geokg.CodeUnavailable)
		}
		if msg := geokg.ErrorMessage(err); msg != "the graph database is unavailable; try again shortly" {
			t.Errorf("%s: got message %q", name, msg)
		}
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %s, want failing fast", d)
	}
}

func TestDeadlineIsTimeout(t *testing.T) {
	s := MustOpenStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	_, err := s.Search(ctx, "Marbury", nil, geokg.Page{First: 10})
	wantCode(t, err, geokg.CodeTimeout)
}

func TestLuceneQuery(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Lavrov", `"lavrov"^4 OR (lavrov)^2 OR (lavrov~1) OR lavrov*`},
		{"Sergey Lavrov", `"sergey lavrov"^4 OR (sergey AND lavrov)^2 OR (sergey~1 lavrov~1) OR lavrov*`},
		{"UN", `"un"^4 OR (un)^2 OR (un)`},
		{`a:b OR "c"`, `"a b or c"^4 OR (a AND b AND or AND c)^2 OR (a b or c)`},
		{"Erdoğan's", `"erdoğan s"^4 OR (erdoğan AND s)^2 OR (erdoğan~2 s)`},
		{"*~!", ``},
	}
	for _, tt := range tests {
		if got := luceneQuery(tt.text); got != tt.want {
			t.Errorf("luceneQuery(%q): got %q, want %q", tt.text, got, tt.want)
		}
	}
	if got := escapeLucene(`a+b(c)`); got != `a\+b\(c\)` {
		t.Errorf("escapeLucene: got %q", got)
	}
}
