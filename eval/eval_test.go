package eval

import (
	"math"
	"testing"

	"github.com/geokg/geokg"
)

func TestEvaluateCountsMatchesLinksAndEvents(t *testing.T) {
	golds := []Gold{{
		ID: "a1",
		Entities: []GoldEntity{
			{ID: "person:sergey-lavrov", Kind: "Person", Name: "Sergey Lavrov"},
			{ID: "country:georgia", Kind: "Country", Name: "Georgia"},
			{ID: "location:moscow", Kind: "Location", Name: "Moscow"},
		},
		Roles: []GoldRole{{Person: "person:sergey-lavrov", Title: "Foreign Minister", Of: "country:russia"}},
		Events: []GoldEvent{
			{Type: "CONSULT", Actors: []string{"person:sergey-lavrov"}, Targets: []string{"person:x"}},
			{Type: "ACCUSE", Actors: []string{"person:sergey-lavrov"}, Targets: []string{"country:georgia"}},
		},
	}}
	facts := []geokg.Facts{{
		Article: geokg.Article{ID: "article:a1"},
		Entities: []geokg.Entity{
			{ID: "person:sergey-lavrov", Name: "Sergey Lavrov", Kind: geokg.KindPerson},
			{ID: "location:georgia-us-state", Name: "Georgia", Kind: geokg.KindCountry}, // found, wrongly linked
			{ID: "country:france", Name: "France", Kind: geokg.KindCountry},             // not in gold
		},
		Mentions: []geokg.Mention{{EntityID: "person:sergey-lavrov"}, {EntityID: "location:georgia-us-state", Surface: []string{"Georgia"}}, {EntityID: "country:france"}},
		Relations: []geokg.Relation{
			{Type: geokg.RelHoldsRole, From: "person:sergey-lavrov", To: "country:russia", Title: "Foreign Minister", Source: "article"},
			{Type: geokg.RelHoldsRole, From: "person:sergey-lavrov", To: "country:russia", Title: "Foreign Minister", Source: "kb"},
		},
		Events: []geokg.Event{
			{Type: "CONSULT", Participants: []geokg.Participant{{ID: "person:sergey-lavrov", Role: geokg.RoleActor}, {ID: "person:x", Role: geokg.RoleTarget}}},
			{Type: "ACCUSE", Participants: []geokg.Participant{{ID: "person:sergey-lavrov", Role: geokg.RoleActor}}},
		},
	}}
	rep := Evaluate(golds, facts, Options{})
	all := rep.Entities["all"]
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"entity precision", all.P(), 2.0 / 3},
		{"entity recall", all.R(), 2.0 / 3},
		{"linking accuracy", rep.LinkingAccuracy(), 0.5},
		{"role accuracy", rep.Roles.R(), 1},
		{"event precision", rep.Events.P(), 0.5},
		{"event recall", rep.Events.R(), 0.5},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s: got %.3f, want %.3f", c.name, c.got, c.want)
		}
	}
	if got := rep.Failures(Thresholds{EntityF1: 0.9, LinkingAccuracy: 0.4, EventF1: 0.75}); len(got) != 2 {
		t.Errorf("failures: got %v, want entity F1 and event F1", got)
	}
}
