package graph

import (
	"fmt"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/graph/model"
)

// Event codes and filters between the API and the domain. The API names
// quad classes where the domain numbers them, and has null where the
// domain has an empty string; these fixed tables and helpers translate,
// so that no value reaches the store unchecked.

// quadClassNumbers maps the API's quad classes to the domain's numbers.
var quadClassNumbers = map[model.QuadClass]int{
	model.QuadClassVerbalCooperation:   geokg.QuadVerbalCooperation,
	model.QuadClassMaterialCooperation: geokg.QuadMaterialCooperation,
	model.QuadClassVerbalConflict:      geokg.QuadVerbalConflict,
	model.QuadClassMaterialConflict:    geokg.QuadMaterialConflict,
}

// quadClassOf returns the API's quad class of the domain's number n. The
// store gives every event one; a number outside the list is a bug, an
// internal error.
func quadClassOf(n int) (model.QuadClass, error) {
	for q, v := range quadClassNumbers {
		if v == n {
			return q, nil
		}
	}
	return "", fmt.Errorf("event has no quad class: %d", n)
}

// eventFilter turns the API's event filter into the domain's. The store
// checks what the schema cannot: ids, code prefixes, score ranges.
func eventFilter(in *model.EventFilter) geokg.EventFilter {
	if in == nil {
		return geokg.EventFilter{}
	}
	f := geokg.EventFilter{
		Types: in.Types, ActorID: optKey(in.Actor), TargetID: optKey(in.Target),
		ParticipantID: optKey(in.Participant), LocationID: optKey(in.Location), AboutID: optKey(in.About),
		From: strOr(in.From), To: strOr(in.To),
		Codes: in.Codes, Plover: in.Plover, GoldsteinAtLeast: in.GoldsteinAtLeast, GoldsteinAtMost: in.GoldsteinAtMost,
		ActorSectors: in.ActorSectors, TargetSectors: in.TargetSectors,
	}
	for _, q := range in.QuadClasses {
		// The schema admits only the listed classes; an unlisted one maps to
		// 0, which the store refuses by name.
		f.QuadClasses = append(f.QuadClasses, quadClassNumbers[q])
	}
	return f
}

// orNull returns nil for the empty value, which the API shows as null.
func orNull[T ~string](v T) *T {
	if v == "" {
		return nil
	}
	return &v
}
