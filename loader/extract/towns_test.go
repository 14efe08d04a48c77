package extract

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/loader/kb"
)

// townExtractor is an extractor over a small knowledge base with a town
// table, so that the guard is tested apart from which towns the real
// table holds (Palmyra is curated there).
func townExtractor(t *testing.T) *Extractor {
	t.Helper()
	k, err := kb.LoadFS(fstest.MapFS{
		"d/countries.yaml": {Data: []byte(`
- {id: country:syria, name: Syria, iso2: "SY", demonyms: [Syrian, Syrians]}
- {id: country:russia, name: Russia, iso2: "RU", demonyms: [Russian]}
- {id: country:south-sudan, name: South Sudan, iso2: "SS"}
`)},
		"d/people.yaml":        {Data: []byte("[]")},
		"d/organizations.yaml": {Data: []byte("[]")},
		"d/locations.yaml":     {Data: []byte("- {id: location:homs, name: Homs, type: city, country: country:syria}\n")},
		"d/conflicts.yaml":     {Data: []byte("[]")},
		"d/titles.yaml":        {Data: []byte("[]")},
		"d/events.yaml":        {Data: []byte("[]")},
		"d/towns.generated.json": {Data: []byte(`{"notice": {}, "towns": [
  {"name":"Amara","country":"RU","population":26000,"geonames":1},
  {"name":"Amara","country":"SS","population":60000,"geonames":2},
  {"name":"Manbij","country":"SY","population":99000,"geonames":3},
  {"name":"Palmyra","country":"SY","population":51000,"geonames":4}
]}`)},
	}, "d")
	if err != nil {
		t.Fatal(err)
	}
	x, err := NewExtractor(k)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestTownsOnlyWhereTheArticleNamesTheirCountry: a town counts where its
// name stands alone and the article names its country or a place in it.
func TestTownsOnlyWhereTheArticleNamesTheirCountry(t *testing.T) {
	x := townExtractor(t)
	cases := []struct {
		name, text string
		want       []string // the towns found
	}{
		{"DemonymNamesTheCountry", "Syrian troops retook Palmyra on Sunday.", []string{"location:palmyra"}},
		{"CountryInAnotherSentence", "Troops retook Palmyra on Sunday. The war in Syria goes on.", []string{"location:palmyra"}},
		{"APlaceInTheCountry", "Troops moved from Homs towards Palmyra.", []string{"location:palmyra"}},
		{"NothingOfTheCountry", "Critics praised Palmyra, a new opera, on Sunday.", nil},
		{"AnotherTownIsNoAnchor", "The band played Palmyra and Manbij on its tour.", nil},
		{"AnotherCountryIsNoAnchor", "Russian critics praised Palmyra, a new opera.", nil},
		{"NamedLikeASurname", "Syrian envoy Nabil Manbij met reporters in Homs.", nil},
		{"SharedNameTheArticlesCountry", "Fighting continued around Amara, South Sudan's army said.", []string{"location:amara"}},
		{"SharedNameTheOtherCountry", "Russian police raided a factory in Amara.", []string{"location:amara-russia"}},
		{"DatelineIsAPlace", "PALMYRA - Critics praised the opera on Sunday.", []string{"location:palmyra"}},
		{"DatelineNamesItsCountry", "PALMYRA - The troops moved on to Manbij.", []string{"location:palmyra", "location:manbij"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items := loader.Parse("test", "jsonl", []byte(`{"id": "t", "title": "Test", "body": `+quote(c.text)+`, "published": "2016-03-27"}`), loader.ReadOptions{})
			if items[0].Err != nil {
				t.Fatal(items[0].Err)
			}
			f := x.Extract(items[0].Article)
			var got []string
			for _, m := range f.Mentions {
				if l, ok := x.kb.Location(m.EntityID); ok && l.Type == kb.TownType {
					got = append(got, m.EntityID)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%q: got towns %v, want %v", c.text, got, c.want)
			}
			for _, e := range f.Entities {
				if e.Kind == geokg.KindLocation && !slices.Contains(c.want, e.ID) && slices.Contains([]string{"location:palmyra", "location:manbij", "location:amara", "location:amara-russia"}, e.ID) {
					t.Errorf("%q: entity %s listed though no town was read", c.text, e.ID)
				}
			}
		})
	}
}

// TestEmbeddedTownsNeedTheirCountry reads towns of the embedded table.
func TestEmbeddedTownsNeedTheirCountry(t *testing.T) {
	cases := []struct {
		text string
		want string // the town found, "" for none
	}{
		{"Fighting has not stopped around Debaltseve, where Ukrainian soldiers are close to being surrounded.", "location:debaltseve"},
		{"Fighting has not stopped around Debaltseve, the rail hub.", ""},
		{"Yazidis fled to the mountains above Sinjar after Islamic State fighters overran northern Iraq.", "location:sinjar"},
		{"Bethlehem's churches were full on Christmas Eve, Palestinian officials said.", "location:bethlehem-palestine"},
	}
	// Palmyra is a curated place, read wherever it stands.
	for _, text := range []string{"Syrian troops retook Palmyra.", "Government forces retook Tadmur."} {
		f := extractOne(t, "2016-03-27", text)
		if !slices.ContainsFunc(f.Mentions, func(m geokg.Mention) bool { return m.EntityID == "location:palmyra" }) {
			t.Errorf("%q: location:palmyra not found in %+v", text, f.Mentions)
		}
	}
	for _, c := range cases {
		f := extractOne(t, "2015-02-10", c.text)
		var got string
		for _, m := range f.Mentions {
			if l, ok := mustExtractor(t).kb.Location(m.EntityID); ok && l.Type == kb.TownType {
				got = m.EntityID
			}
		}
		if got != c.want {
			t.Errorf("%q: got town %q, want %q", c.text, got, c.want)
		}
	}
}
