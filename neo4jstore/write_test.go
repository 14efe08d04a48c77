package neo4jstore

import (
	"context"
	"strings"
	"testing"

	"github.com/geokg/geokg"
)

func TestWriteFacts(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()

	t.Run("FirstWriteWritesEveryFact", func(t *testing.T) {
		w := newWorld(testPrefix(t, s))
		got, err := s.WriteFacts(ctx, w.articleOne)
		if err != nil {
			t.Fatal(err)
		}
		if got != geokg.Written {
			t.Errorf("outcome: got %s, want %s", got, geokg.Written)
		}
		// 8 entities + the article + e1; 4 MENTIONS, WRITTEN_BY, HOLDS_ROLE,
		// CAPITAL_OF, 2 conflict INVOLVES, 2 event INVOLVES, ABOUT,
		// OCCURRED_IN, REPORTED_IN.
		if nodes, rels := countData(t, s, w.p); nodes != 10 || rels != 14 {
			t.Errorf("got %d nodes and %d relationships, want 10 and 14", nodes, rels)
		}
		// The second article repeats the knowledge-base relations: they are
		// MERGEd, not duplicated.
		if _, err := s.WriteFacts(ctx, w.articleTwo); err != nil {
			t.Fatal(err)
		}
		if nodes, rels := countData(t, s, w.p); nodes != 12 || rels != 21 {
			t.Errorf("after article two: got %d nodes and %d relationships, want 12 and 21", nodes, rels)
		}
	})

	t.Run("SameHashIsUnchangedAndWritesNothing", func(t *testing.T) {
		w := newWorld(testPrefix(t, s))
		w.load(t, s)
		nodes, rels := countData(t, s, w.p)
		// Same hash, different facts: the store trusts the hash and skips.
		f := w.articleOne
		f.Events = nil
		got, err := s.WriteFacts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if got != geokg.Unchanged {
			t.Errorf("outcome: got %s, want %s", got, geokg.Unchanged)
		}
		if n, r := countData(t, s, w.p); n != nodes || r != rels {
			t.Errorf("got %d nodes and %d relationships, want %d and %d unchanged", n, r, nodes, rels)
		}
		if ids := eventIDs(events(t, s, geokg.EventFilter{ParticipantID: w.alpha})); strings.Join(ids, ",") != w.e1 {
			t.Errorf("events of alpha: got %v, want [%s] still there", ids, w.e1)
		}
	})

	t.Run("RewritingTheSameFactsChangesNothing", func(t *testing.T) {
		w := newWorld(testPrefix(t, s))
		w.load(t, s)
		nodes, rels := countData(t, s, w.p)
		// A new hash forces the full delete-and-rewrite path.
		for i, hash := range []string{"hash-one-v2", "hash-one-v3"} {
			f := w.articleOne
			f.Article.Hash = hash
			got, err := s.WriteFacts(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if got != geokg.Replaced {
				t.Errorf("write %d: outcome: got %s, want %s", i, got, geokg.Replaced)
			}
			if n, r := countData(t, s, w.p); n != nodes || r != rels {
				t.Errorf("write %d: got %d nodes and %d relationships, want %d and %d", i, n, r, nodes, rels)
			}
		}
	})

	t.Run("ChangedHashReplacesTheArticlesFacts", func(t *testing.T) {
		w := newWorld(testPrefix(t, s))
		w.load(t, s)
		f := w.articleOne
		f.Article.Hash = "hash-one-v2"
		f.Article.Title = "Marbury cancels"
		e3 := geokg.Event{
			ID: w.p + "event:e3", Type: "REJECT", CAMEO: "12", Date: "2024-03-02", Confidence: 0.6,
			Participants: []geokg.Participant{{ID: w.alpha, Role: geokg.RoleActor}, {ID: w.beta, Role: geokg.RoleTarget}},
			Evidence:     []geokg.Evidence{{ArticleID: w.one, Sentence: 2, Text: "Marbury rejected Trevanion's plan."}},
		}
		f.Events = []geokg.Event{e3}
		f.Mentions = f.Mentions[:1]
		f.Relations = f.Relations[1:] // the article's HOLDS_ROLE is gone; kb relations stay
		got, err := s.WriteFacts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if got != geokg.Replaced {
			t.Errorf("outcome: got %s, want %s", got, geokg.Replaced)
		}
		a, ok := article(t, s, w.one)
		if !ok {
			t.Fatalf("article one: not found")
		}
		if a.Title != "Marbury cancels" {
			t.Errorf("title: got %q, want %q", a.Title, "Marbury cancels")
		}
		if ids := eventIDs(a.Events); strings.Join(ids, ",") != e3.ID {
			t.Errorf("events: got %v, want [%s] (e1 removed)", ids, e3.ID)
		}
		if len(a.Entities) != 1 || a.Entities[0].Entity.ID != w.alpha {
			t.Errorf("mentioned entities: got %d (%v), want only %s", len(a.Entities), a.Entities, w.alpha)
		}
		if found, _ := s.EventsByID(ctx, []string{w.e1}); len(found) != 0 {
			t.Errorf("e1: got %v, want it deleted", found)
		}
		consults := events(t, s, geokg.EventFilter{ParticipantID: w.gamma, Types: []string{"CONSULT"}})
		if len(consults) != 0 {
			t.Errorf("CONSULT events of gamma: got %v, want none (e1 removed)", eventIDs(consults))
		}
		roles, err := s.OfficesOf(ctx, []string{w.alpha}, geokg.RoleFilter{}, geokg.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(roles[w.alpha].Items); n != 0 {
			t.Errorf("roles of alpha after the article dropped it: got %d, want 0", n)
		}
		rels, err := s.RelationshipsOf(ctx, []string{w.north}, []geokg.RelationType{geokg.RelCapitalOf, geokg.RelInvolves}, geokg.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(rels[w.north].Items); n != 2 {
			t.Errorf("knowledge-base relations of north: got %d, want 2 (CAPITAL_OF, INVOLVES) kept", n)
		}
		// e2 is article two's and must survive article one's replacement.
		if ids := eventIDs(events(t, s, geokg.EventFilter{ParticipantID: w.gamma})); strings.Join(ids, ",") != w.e2 {
			t.Errorf("events of gamma: got %v, want [%s]", ids, w.e2)
		}
	})
}

// events returns the first 50 events matching f.
func events(tb testing.TB, s *Store, f geokg.EventFilter) []geokg.EventDetail {
	tb.Helper()
	res, err := s.Events(context.Background(), f, geokg.Page{First: 50})
	if err != nil {
		tb.Fatal(err)
	}
	return res.Items
}

// storedArticle is an article as the store gives it back, with its content.
type storedArticle struct {
	geokg.Article
	geokg.ArticleContent
}

// article returns the stored article id with its content, and whether
// there is one; the two readers must agree on it.
func article(tb testing.TB, s *Store, id string) (storedArticle, bool) {
	tb.Helper()
	got, err := s.ArticlesByID(context.Background(), []string{id})
	if err != nil {
		tb.Fatal(err)
	}
	contents, err := s.ArticleContents(context.Background(), []string{id})
	if err != nil {
		tb.Fatal(err)
	}
	a, ok := got[id]
	c, hasContent := contents[id]
	if ok != hasContent {
		tb.Fatalf("article %s: ArticlesByID finds it: %v, ArticleContents: %v", id, ok, hasContent)
	}
	return storedArticle{a, c}, ok
}

func eventIDs(evs []geokg.EventDetail) []string {
	ids := []string{}
	for _, e := range evs {
		ids = append(ids, e.ID)
	}
	return ids
}

// TestWriteFactsIsAtomic checks that a write that fails leaves nothing
// behind: neither when validation refuses the facts before the transaction
// nor when a statement fails halfway through it.
func TestWriteFactsIsAtomic(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	tests := []struct {
		name    string
		mutate  func(w *world, f *geokg.Facts)
		message string
	}{
		{
			name: "UnknownParticipantIsRefused",
			mutate: func(w *world, f *geokg.Facts) {
				f.Events[0].Participants = append(f.Events[0].Participants, geokg.Participant{ID: w.p + "person:nobody", Role: geokg.RoleTarget})
			},
			message: "participant",
		},
		{
			name: "UnknownRelationTargetIsRefused",
			mutate: func(w *world, f *geokg.Facts) {
				f.Relations = append(f.Relations, geokg.Relation{Type: geokg.RelPartOf, From: w.capital, To: w.p + "country:nowhere", Source: "kb"})
			},
			message: "PART_OF target",
		},
		{
			// The new person is written first (persons come before countries),
			// then the country statement finds alpha stored as a Person: the
			// transaction fails after writing and must roll everything back.
			name: "KindConflictMidTransactionRollsBack",
			mutate: func(w *world, f *geokg.Facts) {
				f.Entities = []geokg.Entity{
					{ID: w.p + "person:new", Name: "Newcomer Person", Kind: geokg.KindPerson, Confidence: 1},
					{ID: w.alpha, Name: "Quillon Marbury", Kind: geokg.KindCountry, Confidence: 1},
				}
				f.Mentions = []geokg.Mention{{EntityID: w.p + "person:new", Count: 1}}
				f.Relations, f.Events, f.Article.AuthorID = nil, nil, ""
			},
			message: "stored as a Person",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(testPrefix(t, s))
			if _, err := s.WriteFacts(ctx, w.articleTwo); err != nil {
				t.Fatal(err)
			}
			if _, err := s.WriteFacts(ctx, w.articleOne); err != nil { // alpha stored as a Person
				t.Fatal(err)
			}
			nodes, rels := countData(t, s, w.p)

			f := w.articleOne
			f.Article.ID = w.p + "article:three"
			f.Article.Hash = "hash-three"
			f.Events = []geokg.Event{w.articleOne.Events[0]}
			f.Events[0].Evidence = nil
			tt.mutate(w, &f)
			_, err := s.WriteFacts(ctx, f)
			wantCode(t, err, geokg.CodeInvalid)
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("error %q does not mention %q", err, tt.message)
			}
			if _, ok := article(t, s, f.Article.ID); ok {
				t.Errorf("article three after failed write: found, want none")
			}
			if found, _ := s.EntitiesByID(ctx, []string{w.p + "person:new"}); len(found) != 0 {
				t.Errorf("new person after failed write: got %v, want none", found)
			}
			if n, r := countData(t, s, w.p); n != nodes || r != rels {
				t.Errorf("got %d nodes and %d relationships, want %d and %d as before", n, r, nodes, rels)
			}
		})
	}
}

func TestWriteFactsValidates(t *testing.T) {
	w := newWorld("test-validate-")
	tests := []struct {
		name   string
		mutate func(f *geokg.Facts)
	}{
		{"NoArticleID", func(f *geokg.Facts) { f.Article.ID = "" }},
		{"NoHash", func(f *geokg.Facts) { f.Article.Hash = "" }},
		{"UnknownKind", func(f *geokg.Facts) { f.Entities[0].Kind = "Planet" }},
		{"UnknownRelationType", func(f *geokg.Facts) { f.Relations[0].Type = "LOVES" }},
		{"UnknownRole", func(f *geokg.Facts) { f.Events[0].Participants[0].Role = "villain" }},
		{"UnknownMention", func(f *geokg.Facts) { f.Mentions[0].EntityID = "nobody" }},
		{"AuthorNotAPerson", func(f *geokg.Facts) { f.Article.AuthorID = w.north }},
		{"EvidenceFromAnotherArticle", func(f *geokg.Facts) { f.Events[0].Evidence[0].ArticleID = "elsewhere" }},
		{"UnknownSector", func(f *geokg.Facts) { f.Events[0].Participants[0].Sector = "navy" }},
		{"CodeOfOneDigit", func(f *geokg.Facts) { f.Events[0].Code, f.Events[0].CAMEO = "4", "" }},
		{"CodeUnderAnotherRoot", func(f *geokg.Facts) { f.Events[0].Code = "190" }},
		{"QuadClassOfAnotherCode", func(f *geokg.Facts) { f.Events[0].Code, f.Events[0].QuadClass = "046", 4 }},
		{"GoldsteinOutOfRange", func(f *geokg.Facts) { f.Events[0].Goldstein = 11 }},
		{"UnknownPlover", func(f *geokg.Facts) { f.Events[0].Plover = "CHAT" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newWorld("test-validate-").articleOne
			tt.mutate(&f)
			_, err := newFactsWrite(f)
			wantCode(t, err, geokg.CodeInvalid)
		})
	}
	if _, err := newFactsWrite(w.articleOne); err != nil {
		t.Errorf("valid facts: got %v, want no error", err)
	}
}
