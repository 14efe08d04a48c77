package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/loader"
)

func TestTokenize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Syria’s use of bombs.", "Syria|'s|use|of|bombs|."},
		{"the U.S. said", "the|U.S.|said"},
		{"Antiwar.com and the Star-Tribune", "Antiwar.com|and|the|Star-Tribune"},
		{"weren’t based on “firm” facts", "weren't|based|on|\"|firm|\"|facts"},
		{"Gen. Smith met Ba'ath officials", "Gen.|Smith|met|Ba'ath|officials"},
		{"Ban Ki-moon, 2003", "Ban|Ki-moon|,|2003"},
		{"Putin.", "Putin|."},
	}
	for _, c := range cases {
		var got []string
		for _, tk := range tokenize(normalize(c.in)) {
			got = append(got, tk.text)
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("tokenize(%q): got %s, want %s", c.in, g, c.want)
		}
	}
}

func TestPhraseCase(t *testing.T) {
	var tr trie[string]
	tr.add("US", "country")
	tr.add("gas attack", "attack")
	cases := []struct {
		text string
		want int
	}{
		{"the US said", 1},
		{"let us say", 0},
		{"a Gas Attack", 1},
		{"the gas attack", 1},
	}
	for _, c := range cases {
		toks := tokenize(c.text)
		n := 0
		for i := range toks {
			n += len(tr.matchesAt(toks, i))
		}
		if n != c.want {
			t.Errorf("%q: got %d matches, want %d", c.text, n, c.want)
		}
	}
}

func TestSentenceDate(t *testing.T) {
	ref := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC) // a Wednesday
	cases := []struct {
		text string
		ref  time.Time
		want string
	}{
		{"Tillerson was in Moscow today.", ref, "2017-04-12"},
		{"a gas attack last week", ref, "2017-04-05"},
		{"He spoke yesterday.", ref, "2017-04-11"},
		{"They met on Monday.", ref, "2017-04-10"},
		{"They met on Wednesday.", ref, "2017-04-12"},
		{"the bombing began on March 24, 1999", ref, "1999-03-24"},
		{"on 24 March 1999", ref, "1999-03-24"},
		{"in December the talks failed", ref, "2016-12"},
		{"the war in 2003", ref, "2003"},
		{"was in Moscow today", time.Time{}, ""},
		{"no date here", ref, ""},
		{"may be true", ref, ""},
		{"Prime Minister Theresa May said so", ref, ""},
		{"he blamed last week's attack on Syria", ref, ""},
		{"the war began in March 2003", ref, "2003-03"},
		{"on February 30, 2017", ref, ""},
		{"the islands, claimed since 1965, were raised again", ref, ""},
		{"the test must end by May, he said", ref, ""},
		{"fighting has gone on since March", ref, ""},
	}
	for _, c := range cases {
		if got := sentenceDate(tokenize(c.text), c.ref); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

func TestEasySplit(t *testing.T) {
	cases := []struct {
		in   string
		want []string // nil: left to the sentence splitter
	}{
		{"Lavrov spoke. Tillerson listened.", []string{"Lavrov spoke.", "Tillerson listened."}},
		{`He said "no." Then he left!`, []string{`He said "no."`, "Then he left!"}},
		{"A headline without a period", []string{"A headline without a period"}},
		{"The U.S. said so. It did.", nil},
		{"They met Gen. Smith. He agreed.", nil},
		{"It fell on Jan. 5. They left.", nil},
		{"He works for Antiwar.com. Really.", nil},
		{"It grew 3.5 percent. Fine.", nil},
		{"He left. then it rained.", nil},
		// A number ends a sentence; the splitter keeps "1988. This" together.
		{"It began in 1988. This summer it ended.", []string{"It began in 1988.", "This summer it ended."}},
		{"The blast killed 46. Seoul blamed Pyongyang.", []string{"The blast killed 46.", "Seoul blamed Pyongyang."}},
		{"He ranked No. 1. Then he fell.", nil},
		{"Is Moscow helping him?\nHe spoke to Putin.", []string{"Is Moscow helping him?", "He spoke to Putin."}},
	}
	for _, c := range cases {
		got, ok := easySplit(c.in)
		if c.want == nil {
			if ok {
				t.Errorf("%q: got %q, want it left to the splitter", c.in, got)
			}
			continue
		}
		if !ok || strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: got %q (ok %v), want %q", c.in, got, ok, c.want)
		}
	}
}

// TestEasySplitAgreesWithTheSplitter checks the shortcut against the
// sentence splitter on every paragraph of the corpus and development set
// that it takes.
func TestEasySplitAgreesWithTheSplitter(t *testing.T) {
	x := mustExtractor(t)
	items := loader.Read([]string{"../../corpus", "../../eval/devset/articles.jsonl"}, nil, loader.ReadOptions{}, nil)
	taken := 0
	for _, it := range items {
		for _, p := range strings.Split(normalize(it.Article.Body), "\n\n") {
			parts, ok := easySplit(p)
			if !ok {
				continue
			}
			taken++
			var lib []string
			for _, s := range x.splitter.Tokenize(p) {
				lib = append(lib, squeeze(s.Text))
			}
			for i := range parts {
				parts[i] = squeeze(parts[i])
			}
			if strings.Join(parts, "|") != strings.Join(lib, "|") {
				t.Errorf("%s:\n got %q\nwant %q", it.Origin, parts, lib)
			}
		}
	}
	if taken < 50 {
		t.Errorf("the shortcut took %d paragraphs, want most of them", taken)
	}
}

// FuzzSqueeze checks the one-allocation white-space folding against the
// plain definition: a sentence with a line break, tab or double space has
// every run of white space folded; any other is only trimmed.
func FuzzSqueeze(f *testing.F) {
	for _, s := range []string{"a  b", "a \n b", " x\t\ty ", "one\r\ntwo", "ünï  cödé\u00a0x", "0 \u00a0 \n1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.TrimSpace(s)
		if strings.ContainsAny(want, "\n\t\r") || strings.Contains(want, "  ") {
			want = strings.Join(strings.Fields(s), " ")
		}
		if got := squeeze(s); got != want {
			t.Errorf("squeeze(%q) = %q, want %q", s, got, want)
		}
	})
}
