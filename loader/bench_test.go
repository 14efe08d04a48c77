package loader_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/loader/extract"
	"github.com/geokg/geokg/loader/kb"
)

// BenchmarkExtract reads an article set from its files and extracts its
// facts on each iteration, the loader's work short of writing to Neo4j:
// `go test -run '^$' -bench Extract -cpu 1 ./loader` reports MB/s of
// article text on one core, dictionaries and towns loaded. The extractor's
// own benchmarks (./loader/extract) leave the reading of files out.
func BenchmarkExtract(b *testing.B) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..")
	k, err := kb.Load()
	if err != nil {
		b.Fatal(err)
	}
	x, err := extract.NewExtractor(k)
	if err != nil {
		b.Fatal(err)
	}
	for _, set := range []string{"corpus", "eval/devset/articles.jsonl"} {
		b.Run(filepath.Base(set), func(b *testing.B) {
			paths := []string{filepath.Join(root, set)}
			var size int64
			for _, it := range loader.Read(paths, nil, loader.ReadOptions{}, nil) {
				if it.Err != nil {
					b.Fatalf("%s: %v", it.Origin, it.Err)
				}
				size += int64(len(it.Article.Title) + len(it.Article.Subtitle) + len(it.Article.Body))
			}
			b.SetBytes(size)
			b.ResetTimer()
			for b.Loop() {
				for _, it := range loader.Read(paths, nil, loader.ReadOptions{}, nil) {
					x.Extract(it.Article)
				}
			}
		})
	}
}
