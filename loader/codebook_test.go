package loader

import (
	"os"
	"strings"
	"testing"
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
