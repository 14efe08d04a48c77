package extract

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/geokg/geokg/loader"
)

// BenchmarkExtract extracts a whole article set per iteration; with
// SetBytes, `go test -bench Extract -cpu 1 ./loader` reports MB/s of
// article text on one core.
func BenchmarkExtract(b *testing.B) {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	for _, set := range []string{"corpus", "eval/devset/articles.jsonl"} {
		b.Run(filepath.Base(set), func(b *testing.B) {
			items := loader.Read([]string{filepath.Join(root, set)}, nil, loader.ReadOptions{}, nil)
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
		})
	}
}

// BenchmarkExtractOneLongSentence reads the development set's bodies run
// together as one sentence of about 150 KB, the shape of hostile input:
// its MB/s should stay near BenchmarkExtract's, not fall with the length.
func BenchmarkExtractOneLongSentence(b *testing.B) {
	_, file, _, _ := runtime.Caller(0)
	items := loader.Read([]string{filepath.Join(filepath.Dir(file), "..", "..", "eval", "devset", "articles.jsonl")}, nil, loader.ReadOptions{}, nil)
	var body strings.Builder
	for range 16 {
		for _, it := range items {
			body.WriteString(strings.NewReplacer(".", ",", "\n", " ").Replace(it.Article.Body) + " ")
		}
	}
	a := items[0].Article
	a.Body = body.String()
	x := mustExtractor(b)
	b.SetBytes(int64(len(a.Body)))
	for b.Loop() {
		x.Extract(a)
	}
}
