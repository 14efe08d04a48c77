package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg"
)

// codedWorld is the world's entities with four events of 1901, a year no
// other data uses, so that filters which name no entity of the test still
// see only its events:
//
//	e1 1901-01-04 CONSULT 046 (CONSULT, +7, quad 1): alpha (government) -> gamma
//	e2 1901-01-03 FIGHT 195 (ASSAULT, -10, quad 4): north (military) -> south (civilians)
//	e3 1901-01-02 FIGHT 190 (ASSAULT, -10, quad 4): south -> north (military)
//	e4 1901-01-01 ACCUSE 112 (ACCUSE, -2, quad 3): gamma (media) -> beta
func codedWorld(t *testing.T, s *Store, w *world) (e1, e2, e3, e4 string) {
	t.Helper()
	e1, e2, e3, e4 = w.p+"event:c1", w.p+"event:c2", w.p+"event:c3", w.p+"event:c4"
	article := w.p + "article:coded"
	sentence := 0
	ev := func(id, typ, code, plover string, goldstein float64, date string, parts ...geokg.Participant) geokg.Event {
		sentence++
		return geokg.Event{
			ID: id, Type: typ, CAMEO: code[:2], Code: code, CodeName: "name of " + code, Plover: plover, Goldstein: goldstein,
			QuadClass: geokg.QuadClassOf(code), Date: date, Confidence: 0.9, Participants: parts,
			Evidence: []geokg.Evidence{{ArticleID: article, Sentence: sentence, Text: typ + " " + date}},
		}
	}
	actor := func(id string, s geokg.Sector) geokg.Participant {
		return geokg.Participant{ID: id, Role: geokg.RoleActor, Sector: s}
	}
	target := func(id string, s geokg.Sector) geokg.Participant {
		return geokg.Participant{ID: id, Role: geokg.RoleTarget, Sector: s}
	}
	f := geokg.Facts{
		Article: geokg.Article{ID: article, Title: "Coded", Body: "Coded events.", Published: "1901-01-05", Hash: "hash-coded"},
		Entities: []geokg.Entity{w.entities[w.alpha], w.entities[w.beta], w.entities[w.gamma],
			w.entities[w.north], w.entities[w.south]},
		Events: []geokg.Event{
			ev(e1, "CONSULT", "046", "CONSULT", 7, "1901-01-04", actor(w.alpha, geokg.SectorGovernment), target(w.gamma, "")),
			ev(e2, "FIGHT", "195", "ASSAULT", -10, "1901-01-03", actor(w.north, geokg.SectorMilitary), target(w.south, geokg.SectorCivilians)),
			ev(e3, "FIGHT", "190", "ASSAULT", -10, "1901-01-02", actor(w.south, ""), target(w.north, geokg.SectorMilitary)),
			ev(e4, "ACCUSE", "112", "ACCUSE", -2, "1901-01-01", actor(w.gamma, geokg.SectorMedia), target(w.beta, "")),
		},
	}
	if _, err := s.WriteFacts(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	return e1, e2, e3, e4
}

func TestEventsFilterOnCodesAndSectors(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	e1, e2, e3, e4 := codedWorld(t, s, w)
	num := func(v float64) *float64 { return &v }
	in1901 := func(f geokg.EventFilter) geokg.EventFilter { f.From, f.To = "1901", "1901"; return f }
	tests := []struct {
		name string
		f    geokg.EventFilter
		want []string
	}{
		{"AllOfTheYear", geokg.EventFilter{}, []string{e1, e2, e3, e4}},
		{"CodePrefixIsARoot", geokg.EventFilter{Codes: []string{"19"}}, []string{e2, e3}},
		{"FullCode", geokg.EventFilter{Codes: []string{"195"}}, []string{e2}},
		{"CodeDoesNotMatchItsParent", geokg.EventFilter{Codes: []string{"1951"}}, []string{}},
		{"SeveralCodes", geokg.EventFilter{Codes: []string{"04", "112"}}, []string{e1, e4}},
		{"CodesOfAnActor", geokg.EventFilter{ActorID: w.north, Codes: []string{"19"}}, []string{e2}},
		{"QuadClass", geokg.EventFilter{QuadClasses: []int{geokg.QuadMaterialConflict}}, []string{e2, e3}},
		{"SeveralQuadClasses", geokg.EventFilter{QuadClasses: []int{geokg.QuadVerbalCooperation, geokg.QuadVerbalConflict}}, []string{e1, e4}},
		{"Plover", geokg.EventFilter{Plover: []string{"ASSAULT"}}, []string{e2, e3}},
		{"SeveralPlover", geokg.EventFilter{Plover: []string{"CONSULT", "ACCUSE"}}, []string{e1, e4}},
		{"PloverAndCode", geokg.EventFilter{Plover: []string{"ASSAULT"}, Codes: []string{"190"}}, []string{e3}},
		{"GoldsteinAtLeast", geokg.EventFilter{GoldsteinAtLeast: num(0)}, []string{e1}},
		{"GoldsteinAtMost", geokg.EventFilter{GoldsteinAtMost: num(-5)}, []string{e2, e3}},
		{"GoldsteinBetween", geokg.EventFilter{GoldsteinAtLeast: num(-3), GoldsteinAtMost: num(0)}, []string{e4}},
		{"GoldsteinBoundsAreInclusive", geokg.EventFilter{GoldsteinAtLeast: num(-10), GoldsteinAtMost: num(-10)}, []string{e2, e3}},
		{"ActorSector", geokg.EventFilter{ActorSectors: []geokg.Sector{geokg.SectorMilitary}}, []string{e2}},
		{"AnyOfSeveralActorSectors", geokg.EventFilter{ActorSectors: []geokg.Sector{geokg.SectorPolice, geokg.SectorMedia, geokg.SectorMilitary}}, []string{e2, e4}},
		{"TargetSector", geokg.EventFilter{TargetSectors: []geokg.Sector{geokg.SectorMilitary}}, []string{e3}},
		{"ActorAndSectorAreOneParticipant", geokg.EventFilter{ActorID: w.north, ActorSectors: []geokg.Sector{geokg.SectorMilitary}}, []string{e2}},
		{"AnActorWithoutThatSector", geokg.EventFilter{ActorID: w.south, ActorSectors: []geokg.Sector{geokg.SectorMilitary}}, []string{}},
		{"TargetAndSectorAreOneParticipant", geokg.EventFilter{TargetID: w.south, TargetSectors: []geokg.Sector{geokg.SectorCivilians}}, []string{e2}},
		{"ActorSectorIsNotATargets", geokg.EventFilter{ActorSectors: []geokg.Sector{geokg.SectorCivilians}}, []string{}},
		{"MilitaryActsOfACountryByCode", geokg.EventFilter{ActorID: w.north, Codes: []string{"19"}, ActorSectors: []geokg.Sector{geokg.SectorMilitary}}, []string{e2}},
		{"CodeAndSector", geokg.EventFilter{Codes: []string{"19"}, ActorSectors: []geokg.Sector{geokg.SectorMilitary}}, []string{e2}},
		{"TypeAndQuadClass", geokg.EventFilter{Types: []string{"FIGHT"}, QuadClasses: []int{geokg.QuadVerbalConflict}}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Events(ctx, in1901(tt.f), geokg.Page{First: 50})
			if err != nil {
				t.Fatal(err)
			}
			if got := eventIDs(res.Items); !slices.Equal(got, tt.want) || res.Total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, res.Total, tt.want)
			}
		})
	}

	t.Run("BadFiltersAreInvalid", func(t *testing.T) {
		for _, c := range []struct {
			f        geokg.EventFilter
			arg, val string
		}{
			{geokg.EventFilter{Codes: []string{"1"}}, "codes", `"1"`},
			{geokg.EventFilter{Codes: []string{"19", "21"}}, "codes", `"21"`},
			{geokg.EventFilter{Codes: []string{"00"}}, "codes", `"00"`},
			{geokg.EventFilter{Codes: []string{"19555"}}, "codes", `"19555"`},
			{geokg.EventFilter{Codes: []string{"19%"}}, "codes", `"19%"`},
			{geokg.EventFilter{QuadClasses: []int{5}}, "quadClasses", "5"},
			{geokg.EventFilter{Plover: []string{"CHAT"}}, "plover", `"CHAT"`},
			{geokg.EventFilter{GoldsteinAtLeast: num(10.5)}, "goldsteinAtLeast", "10.5"},
			{geokg.EventFilter{GoldsteinAtMost: num(-11)}, "goldsteinAtMost", "-11"},
			{geokg.EventFilter{GoldsteinAtLeast: num(5), GoldsteinAtMost: num(1)}, "goldsteinAtMost", "1"},
			{geokg.EventFilter{ActorSectors: []geokg.Sector{"navy"}}, "actorSectors", `"navy"`},
			{geokg.EventFilter{TargetSectors: []geokg.Sector{"MILITARY"}}, "targetSectors", `"MILITARY"`},
		} {
			_, err := s.Events(ctx, c.f, geokg.Page{First: 10})
			wantCode(t, err, geokg.CodeInvalid)
			if msg := geokg.ErrorMessage(err); !strings.HasPrefix(msg, c.arg+":") || !strings.Contains(msg, c.val) {
				t.Errorf("message %q does not name %s and %s", msg, c.arg, c.val)
			}
		}
	})
}

// TestLocationFilterIncludesPlacesInside: a place holds what lies in it,
// however deep, and its capital; a country every place in it. The palace
// lies in the capital only (no PART_OF the country of its own), so the
// country finds it through the capital.
func TestLocationFilterIncludesPlacesInside(t *testing.T) {
	s := MustOpenStore(t)
	ctx := context.Background()
	w := newWorld(testPrefix(t, s))
	w.load(t, s) // e1 in the capital, e2 in the south
	palace, province, town := w.p+"location:palace", w.p+"location:province", w.p+"location:town"
	id := w.p + "article:places"
	atPalace, inTown, inNorth := w.p+"event:palace", w.p+"event:town", w.p+"event:north"
	place := func(id, name string) geokg.Entity {
		return geokg.Entity{ID: id, Name: name, Kind: geokg.KindLocation, Confidence: 1, Source: "kb"}
	}
	ev := func(eid, typ, location string, sentence int) geokg.Event {
		return geokg.Event{
			ID: eid, Type: typ, CAMEO: geokg.RootCode(typ), Date: fmt.Sprintf("2024-04-%02d", sentence), Confidence: 0.9,
			Participants: []geokg.Participant{{ID: w.alpha, Role: geokg.RoleActor}, {ID: w.beta, Role: geokg.RoleTarget}},
			Location:     location,
			Evidence:     []geokg.Evidence{{ArticleID: id, Sentence: sentence, Text: typ + " at " + location}},
		}
	}
	f := geokg.Facts{
		Article: geokg.Article{ID: id, Title: "Places", Body: "Places.", Published: "2024-04-10", Hash: "hash-places"},
		Entities: []geokg.Entity{w.entities[w.alpha], w.entities[w.beta], w.entities[w.north], w.entities[w.capital],
			place(palace, "Palace"), place(province, "Province"), place(town, "Town")},
		Relations: []geokg.Relation{
			{Type: geokg.RelPartOf, From: palace, To: w.capital, Source: "kb"},
			{Type: geokg.RelPartOf, From: province, To: w.north, Source: "kb"},
			{Type: geokg.RelPartOf, From: town, To: province, Source: "kb"},
		},
		Events: []geokg.Event{ev(atPalace, "CONSULT", palace, 3), ev(inTown, "THREATEN", town, 2), ev(inNorth, "APPEAL", w.north, 1)},
	}
	if _, err := s.WriteFacts(ctx, f); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    geokg.EventFilter
		want []string
	}{
		{"ASiteItself", geokg.EventFilter{LocationID: palace}, []string{atPalace}},
		{"ACityHoldsTheSiteInIt", geokg.EventFilter{LocationID: w.capital}, []string{atPalace, w.e1}},
		{"ARegionHoldsItsTowns", geokg.EventFilter{LocationID: province}, []string{inTown}},
		{"ACountryHoldsEveryPlaceInIt", geokg.EventFilter{LocationID: w.north}, []string{atPalace, inTown, inNorth, w.e1}},
		{"AnotherCountryHoldsNone", geokg.EventFilter{LocationID: w.south}, []string{w.e2}},
		{"WithAParticipantToo", geokg.EventFilter{LocationID: w.north, ActorID: w.alpha}, []string{atPalace, inTown, inNorth, w.e1}},
		{"WithATypeToo", geokg.EventFilter{LocationID: w.north, Types: []string{"CONSULT"}}, []string{atPalace, w.e1}},
		{"WithACodeToo", geokg.EventFilter{LocationID: w.north, Codes: []string{"13"}}, []string{inTown}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Events(ctx, tt.f, geokg.Page{First: 50})
			if err != nil {
				t.Fatal(err)
			}
			if got := eventIDs(res.Items); !slices.Equal(got, tt.want) || res.Total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, res.Total, tt.want)
			}
		})
	}

	// A place's own list of events holds the same.
	t.Run("EventsOfAPlace", func(t *testing.T) {
		for _, c := range []struct {
			id   string
			role geokg.ParticipantRole
			want []string
		}{
			{w.capital, "", []string{atPalace, w.e1}},
			{w.north, "", []string{atPalace, inTown, inNorth, w.e1}},
			{w.north, geokg.RoleActor, []string{}},
			{palace, "", []string{atPalace}},
		} {
			res, err := s.EventsOf(ctx, []string{c.id}, c.role, geokg.Page{First: 50})
			if err != nil {
				t.Fatal(err)
			}
			if got := eventIDs(res[c.id].Items); !slices.Equal(got, c.want) || res[c.id].Total != len(c.want) {
				t.Errorf("events of %s (role %q): got %v (total %d), want %v", c.id, c.role, got, res[c.id].Total, c.want)
			}
		}
	})
}
