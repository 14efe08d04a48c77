package neo4jstore

import (
	"context"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg"
)

func nodeIDs(ns []geokg.Node) []string {
	ids := []string{}
	for _, n := range ns {
		ids = append(ids, n.ID)
	}
	return ids
}

func sorted(ids []string) []string {
	out := slices.Clone(ids)
	sort.Strings(out)
	return out
}

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
			hits, err := s.Search(ctx, tt.text, tt.kinds, 50)
			if err != nil {
				t.Fatal(err)
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
		_, err := s.Search(ctx, " ?! ", nil, 10)
		wantCode(t, err, geokg.CodeInvalid)
	})
	t.Run("FirstOutOfRangeIsInvalid", func(t *testing.T) {
		_, err := s.Search(ctx, "Marbury", nil, 101)
		wantCode(t, err, geokg.CodeInvalid)
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
	t.Run("EntityByID", func(t *testing.T) {
		e, err := s.Entity(ctx, w.north)
		if err != nil {
			t.Fatal(err)
		}
		if e.Name != "Norvania" || e.Kind != geokg.KindCountry || !slices.Equal(e.Aliases, []string{"Republic of Norvania"}) {
			t.Errorf("got %+v, want Norvania, a Country aliased Republic of Norvania", e)
		}
		_, err = s.Entity(ctx, w.p+"nobody")
		wantCode(t, err, geokg.CodeNotFound)
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
		want []string
	}{
		{"Participant", geokg.EventFilter{ParticipantID: w.gamma}, []string{w.e2, w.e1}},
		{"ParticipantAsActor", geokg.EventFilter{ParticipantID: w.gamma, Role: geokg.RoleActor}, []string{w.e2}},
		{"ParticipantAsTarget", geokg.EventFilter{ParticipantID: w.gamma, Role: geokg.RoleTarget}, []string{w.e1}},
		{"TypeAndParticipant", geokg.EventFilter{ParticipantID: w.gamma, Type: "ACCUSE"}, []string{w.e2}},
		{"Location", geokg.EventFilter{LocationID: w.capital}, []string{w.e1}},
		{"LocationIncludesItsCapital", geokg.EventFilter{LocationID: w.north}, []string{w.e1}},
		{"TypeAndLocation", geokg.EventFilter{LocationID: w.south, Type: "ACCUSE"}, []string{w.e2}},
		{"TypeAndLocationNoMatch", geokg.EventFilter{LocationID: w.south, Type: "CONSULT"}, []string{}},
		{"About", geokg.EventFilter{AboutID: w.war}, []string{w.e1}},
		{"From", geokg.EventFilter{ParticipantID: w.gamma, From: "2024-03-02"}, []string{w.e2}},
		{"To", geokg.EventFilter{ParticipantID: w.gamma, To: "2024-03-02"}, []string{w.e1}},
		{"ToAMonthIncludesItsDays", geokg.EventFilter{ParticipantID: w.gamma, To: "2024-03"}, []string{w.e2, w.e1}},
		{"First", geokg.EventFilter{ParticipantID: w.gamma, First: 1}, []string{w.e2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.f.First == 0 {
				tt.f.First = 50
			}
			evs, err := s.Events(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := eventIDs(evs); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}

	t.Run("EventsAreResolved", func(t *testing.T) {
		evs, err := s.Events(ctx, geokg.EventFilter{ParticipantID: w.alpha, First: 10})
		if err != nil {
			t.Fatal(err)
		}
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
			f   geokg.EventFilter
			arg string
		}{
			{geokg.EventFilter{LocationID: w.p + "nowhere", First: 10}, "location"},
			{geokg.EventFilter{ParticipantID: w.p + "nobody", First: 10}, "participant"},
			{geokg.EventFilter{AboutID: w.p + "nothing", First: 10}, "about"},
			{geokg.EventFilter{From: "March 2024", First: 10}, "from"},
			{geokg.EventFilter{Role: geokg.RoleActor, First: 10}, "role"},
			{geokg.EventFilter{First: 0}, "first"},
		} {
			_, err := s.Events(ctx, c.f)
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

	t.Run("AllTypesForSeveralEntitiesInOneCall", func(t *testing.T) {
		rels, err := s.RelationshipsOf(ctx, []string{w.alpha, w.beta, w.p + "nobody"}, nil, 50)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rels[w.alpha] {
			got = append(got, string(r.Type)+" "+string(r.Direction)+" "+r.Other.ID)
		}
		want := []string{
			"HOLDS_ROLE OUTGOING " + w.north,
			"INVOLVES INCOMING " + w.e1,
			"MENTIONS INCOMING " + w.one,
		}
		if !slices.Equal(got, want) {
			t.Errorf("alpha: got %q, want %q", got, want)
		}
		if n := len(rels[w.beta]); n != 3 { // e2 INVOLVES, MENTIONS from one and two
			t.Errorf("beta: got %d relationships, want 3", n)
		}
		if _, ok := rels[w.p+"nobody"]; ok {
			t.Errorf("unknown id: got relationships, want none")
		}
	})
	t.Run("FilteredByType", func(t *testing.T) {
		rels, err := s.RelationshipsOf(ctx, []string{w.alpha}, []geokg.RelationType{geokg.RelMentions}, 50)
		if err != nil {
			t.Fatal(err)
		}
		r := rels[w.alpha]
		if len(r) != 1 || r[0].Count != 3 || r[0].Other.Kind != geokg.NodeArticle || len(r[0].Evidence) != 1 || r[0].Evidence[0].Sentence != 1 {
			t.Errorf("got %+v, want one MENTIONS from article one, count 3, first in sentence 1", r)
		}
	})
	t.Run("EventsOf", func(t *testing.T) {
		evs, err := s.EventsOf(ctx, []string{w.alpha, w.gamma, w.war}, "", 50)
		if err != nil {
			t.Fatal(err)
		}
		for id, want := range map[string][]string{w.alpha: {w.e1}, w.gamma: {w.e2, w.e1}, w.war: {w.e1}} {
			if got := eventIDs(evs[id]); !slices.Equal(got, want) {
				t.Errorf("events of %s: got %v, want %v", id, got, want)
			}
		}
		evs, err = s.EventsOf(ctx, []string{w.gamma}, geokg.RoleTarget, 50)
		if err != nil {
			t.Fatal(err)
		}
		if got := eventIDs(evs[w.gamma]); !slices.Equal(got, []string{w.e1}) {
			t.Errorf("gamma as target: got %v, want [%s]", got, w.e1)
		}
	})
	t.Run("RolesOfPersonAndCountry", func(t *testing.T) {
		roles, err := s.RolesOf(ctx, []string{w.alpha, w.north, w.beta})
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{w.alpha, w.north} {
			r := roles[id]
			if len(r) != 1 || r[0].Person.ID != w.alpha || r[0].Organization.ID != w.north || r[0].Title != "Foreign Minister" ||
				r[0].Since != "2021-05-01" || r[0].Evidence == nil || r[0].Evidence.ArticleTitle != w.articleOne.Article.Title {
				t.Errorf("roles of %s: got %+v, want alpha Foreign Minister of north since 2021-05-01, cited", id, r)
			}
		}
		if n := len(roles[w.beta]); n != 0 {
			t.Errorf("roles of beta: got %d, want 0", n)
		}
	})
}

func TestArticles(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s)

	t.Run("ArticleWithEntitiesAndEvents", func(t *testing.T) {
		a, err := s.Article(ctx, w.one)
		if err != nil {
			t.Fatal(err)
		}
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
		_, err = s.Article(ctx, w.p+"article:none")
		wantCode(t, err, geokg.CodeNotFound)
	})
	t.Run("PagesNewestFirst", func(t *testing.T) {
		page, err := s.Articles(ctx, 100, "")
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(page); i++ {
			if page[i-1].Published < page[i].Published {
				t.Errorf("article %d (%s) is older than article %d (%s)", i-1, page[i-1].Published, i, page[i].Published)
			}
		}
		next, err := s.Articles(ctx, 1, w.two)
		if err != nil {
			t.Fatal(err)
		}
		if len(next) != 1 || next[0].ID == w.two || next[0].Published > "2024-03-06" {
			t.Errorf("after article two: got %v, want one article published no later than 2024-03-06", next)
		}
		_, err = s.Articles(ctx, 10, w.p+"article:none")
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
	_, searchErr := s.Search(ctx, "anything", nil, 10)
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
	_, err := s.Search(ctx, "Marbury", nil, 10)
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
