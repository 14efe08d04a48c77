package extract

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg"
)

// TestREADMEDocumentsTheCodeBook keeps the README's event code book in step
// with events.yaml: every type with its CAMEO root.
func TestREADMEDocumentsTheCodeBook(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, et := range mustExtractor(t).kb.EventTypes {
		if row := "| `" + et.Type + "` | " + et.CAMEO + " |"; !strings.Contains(readme, row) {
			t.Errorf("README lacks the code book row starting %q", row)
		}
	}
}

// TestEventTypesMatchTheCodeBook keeps geokg.EventTypes, which readers
// check filters against, equal to the code book.
func TestEventTypesMatchTheCodeBook(t *testing.T) {
	var got []string
	for _, et := range mustExtractor(t).kb.EventTypes {
		got = append(got, et.Type)
	}
	if !slices.Equal(got, geokg.EventTypes) {
		t.Errorf("code book types %v, geokg.EventTypes %v", got, geokg.EventTypes)
	}
}

// cameoRoots are the root codes of the CAMEO code book (Schrodt, CAMEO
// Conflict and Mediation Event Observations, Event and Actor Codebook,
// version 1.1b3), by the type that stands for each here. 07 (provide aid)
// is folded into MATERIAL_COOPERATION, which keeps 06.
var cameoRoots = map[string]string{
	"STATEMENT": "01", "APPEAL": "02", "INTENT_TO_COOPERATE": "03", "CONSULT": "04",
	"DIPLOMATIC_COOPERATION": "05", "MATERIAL_COOPERATION": "06", "YIELD": "08", "INVESTIGATE": "09",
	"DEMAND": "10", "DISAPPROVE": "11", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
	"FORCE_POSTURE": "15", "REDUCE_RELATIONS": "16", "COERCE": "17", "ASSAULT": "18", "FIGHT": "19",
	"MASS_VIOLENCE": "20",
}

// TestCodeBookKeepsCAMEORoots checks every type's root code against CAMEO's.
func TestCodeBookKeepsCAMEORoots(t *testing.T) {
	for _, et := range mustExtractor(t).kb.EventTypes {
		if want, ok := cameoRoots[et.Type]; !ok || et.CAMEO != want {
			t.Errorf("%s: CAMEO root %q, want %q", et.Type, et.CAMEO, want)
		}
	}
}
