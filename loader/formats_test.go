package loader

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(tb testing.TB, dir, name string, data []byte) string {
	tb.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestReadRejectsBadInputWithReason(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("word "), 300)
	cases := []struct {
		name, file string
		data       []byte
		maxBytes   int64
		wantErr    string
	}{
		{"EmptyFile", "empty.txt", nil, 0, "empty"},
		{"BlankFile", "blank.txt", []byte(" \n\n \t\n"), 0, "empty"},
		{"BinaryFile", "bin.txt", []byte("GIF89a\x00\x01\x02binary"), 0, "binary"},
		{"NotUTF8", "latin1.txt", []byte("Headline\n\nCaf\xe9 in Moscow."), 0, "not valid UTF-8 (bad byte at offset 13)"},
		{"Oversized", "big.txt", big, 1000, "too large: over 1000 bytes"},
		{"HeadlineOnly", "title.txt", []byte("Just a headline\n"), 0, "no body"},
		{"MalformedJSON", "bad.json", []byte(`{"title": "x", "body": `), 0, "malformed JSON"},
		{"JSONWrongType", "type.json", []byte(`{"title": 5, "body": "b"}`), 0, `field "title" must be a string`},
		{"JSONNoTitle", "notitle.json", []byte(`{"body": "Some text."}`), 0, `missing "title"`},
		{"JSONNoBody", "nobody.json", []byte(`{"title": "T"}`), 0, `missing "body"`},
		{"BadDate", "date.json", []byte(`{"title": "T", "body": "B.", "published": "last Tuesday"}`), 0, `published "last Tuesday"`},
		{"BadURL", "url.json", []byte(`{"title": "T", "body": "B.", "url": "javascript:alert(1)"}`), 0, `url "javascript:alert(1)"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, dir, c.file, c.data)
			items := Read([]string{p}, nil, ReadOptions{MaxBytes: c.maxBytes}, nil)
			if len(items) != 1 {
				t.Fatalf("got %d items, want 1", len(items))
			}
			if items[0].Err == nil || !strings.Contains(items[0].Err.Error(), c.wantErr) {
				t.Fatalf("error: got %v, want one containing %q", items[0].Err, c.wantErr)
			}
			if items[0].Origin != p {
				t.Errorf("origin: got %q, want %q", items[0].Origin, p)
			}
		})
	}
}

func TestReadJSONLKeepsGoodLinesAndNamesBadOnes(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "mixed.jsonl", []byte(`{"id": "a1", "title": "First", "body": "Lavrov met Tillerson.", "published": "2017-04-12"}

{"id": "a2", "title": "Second"
{"id": "a3", "title": "Third", "body": "Putin spoke.", "published": "2017-04-13T08:00:00Z"}
`))
	items := Read([]string{p}, nil, ReadOptions{}, nil)
	if len(items) != 3 {
		t.Fatalf("got %d items, want 3", len(items))
	}
	if items[0].Err != nil || items[0].Article.ID != "article:a1" || items[0].Origin != p+":1" {
		t.Errorf("line 1: got %+v, want article:a1 from %s:1", items[0], p)
	}
	if items[1].Err == nil || items[1].Origin != p+":3" {
		t.Errorf("line 3: got origin %q err %v, want an error at %s:3", items[1].Origin, items[1].Err, p)
	}
	if items[2].Err != nil || items[2].Article.Published != "2017-04-13" {
		t.Errorf("line 4: got %+v err %v, want published 2017-04-13", items[2].Article.Published, items[2].Err)
	}
}

func TestReadDirectoryReportsSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b.txt", []byte("Headline B\n\nBody of b."))
	writeFile(t, dir, "a.json", []byte(`[{"title": "A1", "body": "x."}, {"title": "A2", "body": "y."}]`))
	writeFile(t, dir, "notes.md", []byte("# notes"))
	var skipped []string
	items := Read([]string{dir}, nil, ReadOptions{}, func(p, why string) { skipped = append(skipped, filepath.Base(p)) })
	var titles []string
	for _, it := range items {
		if it.Err != nil {
			t.Fatalf("%s: %v", it.Origin, it.Err)
		}
		titles = append(titles, it.Article.Title)
	}
	if got, want := strings.Join(titles, ","), "A1,A2,Headline B"; got != want {
		t.Errorf("titles: got %s, want %s", got, want)
	}
	if len(skipped) != 1 || skipped[0] != "notes.md" {
		t.Errorf("skipped: got %v, want [notes.md]", skipped)
	}
}

func TestReadMissingPathIsAnError(t *testing.T) {
	items := Read([]string{filepath.Join(t.TempDir(), "nope.txt")}, nil, ReadOptions{}, nil)
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "no such file") {
		t.Fatalf("got %+v, want one 'no such file' error", items)
	}
}

func TestParseTextLayout(t *testing.T) {
	a, err := parseText("Big Headline\n\nA subheadline here\n\nFirst paragraph.\nStill first.\n\nSecond paragraph.\n\nAuthor: Mara Lindqvist\nPublished: 2011-03-20\nSource: Example Wire\n\nMara Lindqvist is Correspondent for Example Wire.\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ field, got, want string }{
		{"title", a.Title, "Big Headline"},
		{"subtitle", a.Subtitle, "A subheadline here"},
		{"author", a.Author, "Mara Lindqvist"},
		{"published", a.Published, "2011-03-20"},
		{"source", a.Source, "Example Wire"},
		{"body", a.Body, "First paragraph. Still first.\n\nSecond paragraph.\n\nMara Lindqvist is Correspondent for Example Wire."},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.field, c.got, c.want)
		}
	}
}

func TestArticleIDIsStableAndHashFollowsContent(t *testing.T) {
	read := func(body string) Item {
		items := Parse("x", "text", []byte("Same Title\n\n"+body), ReadOptions{Published: "2020-01-02"})
		return items[0]
	}
	a, b, c := read("One body."), read("One body."), read("Another body.")
	if a.Article.ID != "article:same-title-2020-01-02" || a.Article.ID != c.Article.ID {
		t.Errorf("ids: got %q and %q, want both article:same-title-2020-01-02", a.Article.ID, c.Article.ID)
	}
	if a.Article.Hash != b.Article.Hash || a.Article.Hash == c.Article.Hash {
		t.Errorf("hash must follow content: same %v, different %v", a.Article.Hash == b.Article.Hash, a.Article.Hash != c.Article.Hash)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("Headline\n\nBody. More body.\n\nAuthor: X Y"))
	f.Add([]byte(`{"title": "t", "body": "b", "published": "2017-04-12"}`))
	f.Add([]byte("[{\"title\": \"t\", \"body\": \"b\"}]"))
	f.Add([]byte("\xff\xfe"))
	f.Add([]byte("Talks\n\nCondemned by Russia, the strike went ahead. Rice rejected calls for a truce, and Lavrov said so on Tuesday."))
	// The evaluation sets' articles give the fuzzer real sentences to mutate,
	// with names, titles, triggers and dates where the extractor works.
	sets, err := filepath.Glob("../eval/*/articles.jsonl")
	if err != nil || len(sets) < 8 {
		f.Fatalf("evaluation sets: %v (%d found)", err, len(sets))
	}
	for _, set := range sets {
		b, err := os.ReadFile(set)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range bytes.Split(b, []byte("\n")) {
			if len(line) > 0 {
				f.Add(line)
			}
		}
	}
	x := mustExtractor(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, format := range []string{"", "text", "json", "jsonl"} {
			for _, it := range Parse("fuzz", format, b, ReadOptions{}) {
				if it.Err != nil {
					continue
				}
				if it.Article.ID == "" || it.Article.Hash == "" || it.Article.Title == "" {
					t.Fatalf("article without id, hash or title: %+v", it.Article)
				}
				facts := x.Extract(it.Article)
				for _, ev := range facts.Events {
					if len(ev.Evidence) == 0 || ev.ID == "" {
						t.Fatalf("event without id or evidence: %+v", ev)
					}
				}
			}
		}
	})
}
