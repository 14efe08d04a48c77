package neo4jstore

import (
	"context"
	"testing"

	"github.com/geokg/geokg"
)

// TestEventCodesAreWrittenAndReadBack writes an event with its full code
// and its participants' sectors, and one coded only by its root, and reads
// both back through every reader of events.
func TestEventCodesAreWrittenAndReadBack(t *testing.T) {
	s := MustOpenStore(t)
	p := testPrefix(t, s)
	w := newWorld(p)
	ctx := context.Background()
	f := w.articleOne
	f.Events = []geokg.Event{{
		ID: w.e1, Type: "CONSULT", CAMEO: "04", Code: "046", CodeName: "Engage in negotiation", Plover: "CONSULT",
		Goldstein: 7, QuadClass: geokg.QuadVerbalCooperation, Date: "2024-03-01", Confidence: 0.8,
		Participants: []geokg.Participant{
			{ID: w.alpha, Role: geokg.RoleActor, Sector: geokg.SectorGovernment},
			{ID: w.north, Role: geokg.RoleTarget, Sector: geokg.SectorMilitary},
			{ID: w.gamma, Role: geokg.RoleTarget},
		},
		Evidence: []geokg.Evidence{{ArticleID: w.one, Sentence: 1, Text: "Marbury negotiated with Norvania's army and Ashgrove."}},
	}, {
		// Facts written before events had full codes carry only the root.
		ID: w.e2, Type: "FIGHT", CAMEO: "19", Date: "2024-02-01", Confidence: 0.7,
		Participants: []geokg.Participant{{ID: w.north, Role: geokg.RoleActor}, {ID: w.south, Role: geokg.RoleTarget}},
		Evidence:     []geokg.Evidence{{ArticleID: w.one, Sentence: 2, Text: "Norvania fought Sudmark."}},
	}}
	if _, err := s.WriteFacts(ctx, f); err != nil {
		t.Fatal(err)
	}
	byID, err := s.EventsByID(ctx, []string{w.e1, w.e2})
	if err != nil {
		t.Fatal(err)
	}
	listed, err := s.Events(ctx, geokg.EventFilter{ParticipantID: w.north}, geokg.Page{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed.Items) != 2 {
		t.Fatalf("events of north: got %v, want e1 and e2", eventIDs(listed.Items))
	}
	of, err := s.EventsOf(ctx, []string{w.north}, "", geokg.Page{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	type code struct {
		Code, Name, Plover string
		Goldstein          float64
		Quad               int
	}
	want := map[string]code{
		w.e1: {"046", "Engage in negotiation", "CONSULT", 7, geokg.QuadVerbalCooperation},
		w.e2: {"19", "", "", 0, geokg.QuadMaterialConflict},
	}
	wantSectors := map[string]geokg.Sector{w.alpha: geokg.SectorGovernment, w.north: geokg.SectorMilitary, w.gamma: ""}
	for reader, evs := range map[string][]geokg.EventDetail{
		"EventsByID": {byID[w.e1], byID[w.e2]}, "Events": listed.Items, "EventsOf": of[w.north].Items,
	} {
		for _, e := range evs {
			got := code{e.Code, e.CodeName, e.Plover, e.Goldstein, e.QuadClass}
			if got != want[e.ID] {
				t.Errorf("%s %s: got %+v, want %+v", reader, e.ID, got, want[e.ID])
			}
			if e.ID != w.e1 {
				continue
			}
			for _, p := range e.Participants {
				if p.Sector != wantSectors[p.Entity.ID] {
					t.Errorf("%s: %s (%s) has sector %q, want %q", reader, p.Entity.ID, p.Role, p.Sector, wantSectors[p.Entity.ID])
				}
			}
		}
	}
}

// TestMostSpecificCodeIsKept reports one meeting in several articles that
// code it more or less precisely and give its actor sectors or not, then
// deletes and replaces them: after every step the event has the most
// specific code a remaining report gives (the stored one on a tie) and the
// actor the sector of the first remaining article that gave one.
func TestMostSpecificCodeIsKept(t *testing.T) {
	s := MustOpenStore(t)
	p := testPrefix(t, s)
	w := newWorld(p)
	ctx := context.Background()
	event := p + "event:talks"
	report := func(name, published, code, codeName string, goldstein float64, sector geokg.Sector) geokg.Facts {
		id := p + "article:" + name
		return geokg.Facts{
			Article:  geokg.Article{ID: id, Title: name, Body: "Marbury met Ashgrove.", Published: published, Hash: "hash-" + name},
			Entities: []geokg.Entity{w.entities[w.alpha], w.entities[w.gamma]},
			Events: []geokg.Event{{
				ID: p + "event:" + name, Type: "CONSULT", CAMEO: "04", Code: code, CodeName: codeName, Plover: "CONSULT",
				Goldstein: goldstein, QuadClass: geokg.QuadVerbalCooperation, Date: "2024-03-01", Confidence: 0.9,
				Participants: []geokg.Participant{{ID: w.alpha, Role: geokg.RoleActor, Sector: sector}, {ID: w.gamma, Role: geokg.RoleTarget}},
				Evidence:     []geokg.Evidence{{ArticleID: id, Sentence: 1, Text: "Marbury met Ashgrove (" + name + ")."}},
			}},
		}
	}
	// "040" is CAMEO's "Consult, not specified below": no more specific
	// than the root "04", less than "046" or "043".
	vague := report("vague", "2024-03-01", "040", "Consult, not specified below", 1, "")
	precise := report("precise", "2024-03-02", "046", "Engage in negotiation", 7, geokg.SectorGovernment)
	root := report("root", "2024-03-02", "04", "Consult", 1, geokg.SectorMilitary)
	visit := report("visit", "2024-03-03", "043", "Host a visit", 2.8, "")
	mediate := report("mediate", "2024-03-02", "045", "Mediate", 5, "")
	// The first report's event id is the event's: the others merge into it.
	vague.Events[0].ID = event

	steps := []struct {
		name     string
		write    *geokg.Facts
		delete   string
		code     string
		codeName string
		gold     float64
		sector   geokg.Sector
		reported int
	}{
		{"AVagueReportCodesIt", &vague, "", "040", "Consult, not specified below", 1, "", 1},
		{"APreciseReportRefinesIt", &precise, "", "046", "Engage in negotiation", 7, geokg.SectorGovernment, 2},
		{"ALaterVaguerReportErasesNothing", &root, "", "046", "Engage in negotiation", 7, geokg.SectorGovernment, 3},
		{"DeletingThePreciseReportRestoresTheEarliestOfTheNextMostSpecific", nil, precise.Article.ID, "040", "Consult, not specified below", 1, geokg.SectorMilitary, 2},
		{"AnotherPreciseReportRefinesItAgain", &visit, "", "043", "Host a visit", 2.8, geokg.SectorMilitary, 3},
		{"AReportAsSpecificKeepsTheStoredCode", &mediate, "", "043", "Host a visit", 2.8, geokg.SectorMilitary, 4},
		{"DeletingTheStoredCodesReportTakesTheOtherOfItsRank", nil, visit.Article.ID, "045", "Mediate", 5, geokg.SectorMilitary, 3},
		{"DeletingTheOnlySectorLeavesNone", nil, root.Article.ID, "045", "Mediate", 5, "", 2},
	}
	for _, st := range steps {
		if st.write != nil {
			if _, err := s.WriteFacts(ctx, *st.write); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
		} else if _, err := s.DeleteArticle(ctx, st.delete); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got, err := s.EventsByID(ctx, []string{event})
		if err != nil {
			t.Fatal(err)
		}
		e, ok := got[event]
		if !ok {
			t.Fatalf("%s: the event is gone", st.name)
		}
		if e.Code != st.code || e.CodeName != st.codeName || e.Goldstein != st.gold || e.EvidenceCount != st.reported {
			t.Errorf("%s: got %s %q %v in %d reports, want %s %q %v in %d", st.name,
				e.Code, e.CodeName, e.Goldstein, e.EvidenceCount, st.code, st.codeName, st.gold, st.reported)
		}
		var sector geokg.Sector = "missing actor"
		for _, pt := range e.Participants {
			if pt.Role == geokg.RoleActor && pt.Entity.ID == w.alpha {
				sector = pt.Sector
			}
		}
		if sector != st.sector {
			t.Errorf("%s: the actor's sector is %q, want %q", st.name, sector, st.sector)
		}
	}

	// Replacing the precise report left with a vaguer reading of it takes
	// its old code away with it.
	rewritten := mediate
	rewritten.Article.Hash = "hash-mediate-v2"
	rewritten.Events = []geokg.Event{mediate.Events[0]}
	rewritten.Events[0].Code, rewritten.Events[0].CodeName, rewritten.Events[0].Goldstein = "040", "Consult, not specified below", 1
	if got, err := s.WriteFacts(ctx, rewritten); err != nil || got != geokg.Replaced {
		t.Fatalf("rewrite: %s, %v", got, err)
	}
	evs, err := s.Events(ctx, geokg.EventFilter{ActorID: w.alpha}, geokg.Page{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs.Items) != 1 || evs.Items[0].Code != "040" {
		t.Errorf("after the rewrite: got %+v, want one event coded 040", evs.Items)
	}
}

func TestCodeSpecificity(t *testing.T) {
	for _, c := range []struct {
		code string
		want int
	}{
		{"04", 2}, {"040", 2}, {"046", 3}, {"19", 2}, {"190", 2}, {"195", 3}, {"0211", 4}, {"021", 3}, {"100", 2}, {"1041", 4},
	} {
		if got := codeSpecificity(c.code); got != c.want {
			t.Errorf("codeSpecificity(%q): got %d, want %d", c.code, got, c.want)
		}
	}
}
