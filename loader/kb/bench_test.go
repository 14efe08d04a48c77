package kb

import "testing"

// BenchmarkLoad measures reading and validating the embedded knowledge
// base, which every process that extracts pays once at start-up.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
