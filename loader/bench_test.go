package loader

import (
	"path/filepath"
	"runtime"
	"testing"
)

// BenchmarkExtract extracts the whole sample corpus per iteration; with
// SetBytes, `go test -bench Extract ./loader` reports MB/s of article text.
func BenchmarkExtract(b *testing.B) {
	_, file, _, _ := runtime.Caller(0)
	items := Read([]string{filepath.Join(filepath.Dir(file), "..", "corpus")}, nil, ReadOptions{}, nil)
	var size int64
	for _, it := range items {
		if it.Err != nil {
			b.Fatalf("%s: %v", it.Origin, it.Err)
		}
		size += int64(len(it.Article.Title) + len(it.Article.Subtitle) + len(it.Article.Body))
	}
	x := mustExtractor(b)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, it := range items {
			x.Extract(it.Article)
		}
	}
}
