package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadReportsBadInputAndLoadsTheRest feeds `geokg load` a directory of
// good and bad files: each bad one gets one line naming it and why, the
// good ones land in Neo4j, and the command exits 1 with a summary.
func TestLoadReportsBadInputAndLoadsTheRest(t *testing.T) {
	cfg := serveConfig(t)
	store := openServeStore(t, cfg)
	dir := t.TempDir()
	files := map[string]string{
		"good.txt":   "Geokg Load Test Good Text\n\nSergey Lavrov met Rex Tillerson in Moscow.\n\nPublished: 2017-04-12\n",
		"empty.txt":  "",
		"bin.txt":    "\x00\x01\x02binary",
		"latin1.txt": "Headline\n\nCaf\xe9.",
		"mixed.jsonl": `{"id": "geokg-load-test-good-json", "title": "Good", "body": "Vladimir Putin spoke.", "published": "2017-04-13"}
{"id": "geokg-load-test-bad-json", "title": "Bad"
`,
		"notes.md": "# not an article",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	loaded := []string{"article:geokg-load-test-good-text-2017-04-12", "article:geokg-load-test-good-json"}
	t.Cleanup(func() {
		for _, id := range loaded {
			if _, err := store.DeleteArticle(context.Background(), id); err != nil {
				t.Errorf("cleanup %s: %v", id, err)
			}
		}
	})

	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"load", "-quiet", dir}, nil, &stdout, &stderr)
	var ex exitError
	if !errors.As(err, &ex) || ex.code != 1 {
		t.Fatalf("exit: got %v, want exit status 1", err)
	}
	if got, want := stdout.String(), "2 loaded, 0 replaced, 0 unchanged, 4 failed"; !strings.HasPrefix(got, want) {
		t.Errorf("summary: got %q, want %q", got, want)
	}
	for _, want := range []string{
		"error: " + filepath.Join(dir, "empty.txt") + ": empty\n",
		"error: " + filepath.Join(dir, "bin.txt") + ": binary data, not text\n",
		"error: " + filepath.Join(dir, "latin1.txt") + ": not valid UTF-8 (bad byte at offset 13)\n",
		"error: " + filepath.Join(dir, "mixed.jsonl") + ":2: malformed JSON",
		"skip " + filepath.Join(dir, "notes.md") + ": not an article file",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	// Articles are written concurrently, but reported in input order.
	last := -1
	for _, f := range []string{"bin.txt", "empty.txt", "latin1.txt", "mixed.jsonl:2"} {
		i := strings.Index(stderr.String(), "error: "+filepath.Join(dir, f))
		if i < last {
			t.Errorf("error for %s reported out of input order:\n%s", f, stderr.String())
		}
		last = i
	}
	found, err := store.ArticlesByID(context.Background(), loaded)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range loaded {
		if _, ok := found[id]; !ok {
			t.Errorf("article %s: not found, want it loaded", id)
		}
	}
}

func TestLoadWithoutArgumentsShowsUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"load"}, nil, &stdout, &stderr)
	var ex exitError
	if !errors.As(err, &ex) || ex.code != 2 || !strings.Contains(stderr.String(), "usage: geokg load") {
		t.Fatalf("got %v and %q, want exit status 2 with usage", err, stderr.String())
	}
}

func TestExtractPrintsFactsWithoutDatabase(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.json")
	if err := os.WriteFile(p, []byte(`{"id": "x1", "title": "Talks", "body": "Russian Foreign Minister Sergey Lavrov met Secretary of State Rex Tillerson in Moscow on Wednesday.", "published": "2017-04-12"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"extract", p}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("extract: %v\n%s", err, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{`"id": "article:x1"`, `"type": "CONSULT"`, `"id": "person:sergey-lavrov"`, `"location": "location:moscow"`, `"date": "2017-04-12"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
}
