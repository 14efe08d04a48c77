package loader

import (
	"testing"

	"github.com/geokg/geokg/loader/extract"
	"github.com/geokg/geokg/loader/kb"
)

// mustExtractor returns an extractor over the embedded knowledge base, for
// tests that run the whole pipeline on what the formats produce.
func mustExtractor(tb testing.TB) *extract.Extractor {
	tb.Helper()
	k, err := kb.Load()
	if err != nil {
		tb.Fatal(err)
	}
	x, err := extract.NewExtractor(k)
	if err != nil {
		tb.Fatal(err)
	}
	return x
}
