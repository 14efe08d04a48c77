package loader

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
	b, err := os.ReadFile("../README.md")
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
