package extract

import (
	"sync"
	"testing"

	"github.com/geokg/geokg/loader/kb"
)

var (
	extractorOnce sync.Once
	extractor     *Extractor
	extractorErr  error
)

// mustExtractor returns an extractor over the embedded knowledge base,
// built once per test binary because indexing it is the slow part.
func mustExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	extractorOnce.Do(func() {
		k, err := kb.Load()
		if err != nil {
			extractorErr = err
			return
		}
		extractor, extractorErr = NewExtractor(k)
	})
	if extractorErr != nil {
		tb.Fatal(extractorErr)
	}
	return extractor
}
