package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// dictionariesDir is ../shared/dictionaries/petrarch2 beside the
// repository, or GEOKG_DICTIONARIES. CI has it, so a missing copy fails
// the test instead of skipping it.
func dictionariesDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("GEOKG_DICTIONARIES"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	d := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "dictionaries", "petrarch2")
	if _, err := os.Stat(filepath.Join(d, verbSource)); err != nil {
		t.Fatalf("dictionaries not found at %s (set GEOKG_DICTIONARIES): %v", d, err)
	}
	return d
}

// The committed files are what the generator makes of the dictionaries:
// regenerating changes nothing, and running twice gives the same bytes.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	src := dictionariesDir(t)
	data := filepath.Join("..", "..", "loader", "kb", "data")
	first, err := generate(src, data)
	if err != nil {
		t.Fatal(err)
	}
	second, err := generate(src, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{verbsOutput, agentsOutput, actorsOutput} {
		t.Run(name, func(t *testing.T) {
			if !bytes.Equal(first.files[name], second.files[name]) {
				t.Fatalf("two runs differ")
			}
			committed, err := os.ReadFile(filepath.Join(data, name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.files[name], committed) {
				t.Errorf("%s is stale: run 'make dictionaries' and commit", name)
			}
		})
	}
	// Every line the generator cannot use is one it reports; a change in
	// their number means the dictionaries or the reader changed.
	if got := len(first.rep.problems); got != 20 {
		var b bytes.Buffer
		first.rep.write(&b)
		t.Errorf("got %d unusable lines, want 20:\n%s", got, b.String())
	}
}
