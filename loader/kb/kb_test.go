package kb

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/geokg/geokg"
)

func TestEmbeddedKnowledgeBaseLoads(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what     string
		got, min int
	}{
		{"countries", len(k.Countries), 70},
		{"people", len(k.People), 300},
		{"organizations", len(k.Organizations), 60},
		{"locations", len(k.Locations), 50},
		{"conflicts", len(k.Conflicts), 80},
		{"event types", len(k.EventTypes), 20},
	} {
		if c.got < c.min {
			t.Errorf("%s: got %d, want at least %d", c.what, c.got, c.min)
		}
	}
	for id, wantKind := range map[string]geokg.Kind{
		"country:russia": geokg.KindCountry, "person:sergey-lavrov": geokg.KindPerson, "org:nato": geokg.KindOrganization,
		"location:moscow": geokg.KindLocation, "conflict:khan-shaykhun-chemical-attack": geokg.KindConflict,
	} {
		if e, ok := k.Entity(id); !ok || e.Kind != wantKind {
			t.Errorf("%s: got %+v (found %v), want a %s", id, e, ok, wantKind)
		}
	}
	// The Khan Shaykhun attack belongs to the Syrian civil war.
	var part bool
	for _, r := range k.Relations("conflict:khan-shaykhun-chemical-attack") {
		part = part || (r.Type == geokg.RelPartOf && r.To == "conflict:syrian-civil-war")
	}
	if !part {
		t.Errorf("Khan Shaykhun attack: no PART_OF the Syrian civil war")
	}
	// A seat of government lies in its city, which lies in its country.
	for id, want := range map[string][]string{
		"location:moscow-kremlin": {"country:russia", "location:moscow"},
		"location:white-house":    {"country:united-states", "location:washington-dc"},
		"location:grozny":         {"country:russia", "location:chechnya"},
	} {
		var got []string
		for _, r := range k.Relations(id) {
			if r.Type == geokg.RelPartOf && r.Source == "kb" {
				got = append(got, r.To)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: PART_OF %v, want %v", id, got, want)
		}
	}
}

// TestPlaceParentsAreChecked: a parent must be a known place, not loop
// back, and lie in the same country unless its own is unsettled.
func TestPlaceParentsAreChecked(t *testing.T) {
	files := fstest.MapFS{
		"d/countries.yaml":     {Data: []byte("- {id: country:x, name: X}\n- {id: country:y, name: Y}\n")},
		"d/people.yaml":        {Data: []byte("[]")},
		"d/organizations.yaml": {Data: []byte("- {id: org:o, name: O}\n")},
		"d/locations.yaml": {Data: []byte(`
- {id: location:city, name: City, country: country:x}
- {id: location:site, name: Site, country: country:x, parent: location:city}
- {id: location:lost, name: Lost, country: country:x, parent: location:nowhere}
- {id: location:body, name: Body, country: country:x, parent: org:o}
- {id: location:abroad, name: Abroad, country: country:y, parent: location:city}
- {id: location:a, name: A, country: country:x, parent: location:b}
- {id: location:b, name: B, country: country:x, parent: location:a}
- {id: location:disputed, name: Disputed, country: ""}
- {id: location:valley, name: Valley, country: country:y, parent: location:disputed}
`)},
		"d/conflicts.yaml": {Data: []byte("[]")},
		"d/titles.yaml":    {Data: []byte("[]")},
		"d/events.yaml":    {Data: []byte("[]")},
	}
	_, err := LoadFS(files, "d")
	if err == nil {
		t.Fatal("got no error, want the bad parents listed")
	}
	for _, want := range []string{
		`location:lost: parent names unknown id "location:nowhere"`,
		`location:body: parent "org:o" is a Organization`,
		`location:abroad: lies in location:city, which is in country:x, but its country is "country:y"`,
		`location:a: its parents loop through`,
		`location:b: its parents loop through`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	for _, fine := range []string{"location:site", "location:valley"} {
		if strings.Contains(err.Error(), fine+":") {
			t.Errorf("%s is fine, but the error names it:\n%v", fine, err)
		}
	}
}

func TestBrokenReferencesAreReported(t *testing.T) {
	files := fstest.MapFS{
		"d/countries.yaml":     {Data: []byte("- {id: country:x, name: X, capital: location:nowhere}\n- {id: country:x, name: Y}\n")},
		"d/people.yaml":        {Data: []byte("- {id: person:p, name: P Q, roles: [{title: President, of: country:zzz, since: '2001-13'}]}\n")},
		"d/organizations.yaml": {Data: []byte("[]")},
		"d/locations.yaml":     {Data: []byte("[]")},
		"d/conflicts.yaml":     {Data: []byte("- {id: conflict:c, name: C, wikidata: X1, cues: [{text: war}]}\n")},
		"d/titles.yaml":        {Data: []byte("[]")},
		"d/events.yaml":        {Data: []byte("- {type: CONSULT, cameo: '04', target: maybe, triggers: [Met]}\n")},
	}
	_, err := LoadFS(files, "d")
	if err == nil {
		t.Fatal("got no error, want the problems listed")
	}
	for _, want := range []string{
		`country:x: capital names unknown id "location:nowhere"`,
		"country:x: duplicate id",
		`person:p: role President names unknown id "country:zzz"`,
		`conflict:c: malformed wikidata id "X1"`,
		`conflict:c: cue "war" needs text and near or with`,
		`event type CONSULT: trigger "Met" must be lowercase`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestUnknownFieldIsAnError(t *testing.T) {
	files := fstest.MapFS{"d/countries.yaml": {Data: []byte("- {id: country:x, name: X, capitol: y}\n")}}
	if _, err := LoadFS(files, "d"); err == nil || !strings.Contains(err.Error(), "capitol") {
		t.Fatalf("got %v, want an error naming the unknown field", err)
	}
}

func TestCountriesMergeGeneratedAndCurated(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}

	t.Run("EveryUNMemberAndObserverIsPresent", func(t *testing.T) {
		var states int
		for _, c := range k.Countries {
			if !c.Historical {
				states++
			}
		}
		// 193 members, 2 observers (Vatican City, Palestine), and Kosovo,
		// Taiwan and Western Sahara.
		if states < 193+2+3 {
			t.Errorf("got %d current states, want at least 198", states)
		}
		for _, id := range []string{"country:vatican-city", "country:palestine", "country:kosovo",
			"country:taiwan", "country:western-sahara", "country:tuvalu", "country:dr-congo"} {
			if _, ok := k.Country(id); !ok {
				t.Errorf("%s: missing", id)
			}
		}
	})

	t.Run("USAAndUSNameTheUnitedStates", func(t *testing.T) {
		e, _ := k.Entity("country:united-states")
		for _, want := range []string{"USA", "U.S."} {
			if !slices.Contains(e.Aliases, want) {
				t.Errorf("United States aliases %v lack %q", e.Aliases, want)
			}
		}
	})

	t.Run("NorwayIsNONotFalse", func(t *testing.T) {
		if c, _ := k.Country("country:norway"); c == nil || c.ISO2 != "NO" || c.ISO3 != "NOR" {
			t.Errorf("Norway: got %+v, want iso2 NO, iso3 NOR", c)
		}
	})

	t.Run("CuratedValueWins", func(t *testing.T) {
		// world-countries puts Egypt in Africa; countries.yaml, for news,
		// in the Middle East.
		var generated []Country
		if err := decodeFile(dataFS, "data/countries.generated.yaml", &generated); err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(generated, func(c Country) bool { return c.ID == "country:egypt" })
		if i < 0 || generated[i].Region != "Africa" {
			t.Fatalf("generated Egypt (index %d): want region Africa, else pick another example", i)
		}
		c, _ := k.Country("country:egypt")
		if c.Region != "Middle East" || c.Subregion != "Northern Africa" || c.Capital != "location:cairo" || c.CapitalName != "Cairo" {
			t.Errorf("Egypt: got %+v, want the curated region and capital with the generated subregion and capital name", c)
		}
	})

	t.Run("RussiaHasTheKremlinAsMetonym", func(t *testing.T) {
		if c, _ := k.Country("country:russia"); c == nil || !slices.Contains(c.Metonyms, "the Kremlin") {
			t.Errorf("Russia: got %+v, want metonym the Kremlin", c)
		}
	})

	t.Run("NoNameStandsForTwoCountries", func(t *testing.T) {
		owner := map[string]string{}
		for _, c := range k.Countries {
			for _, n := range append(append([]string{c.Name}, c.Aliases...), c.Demonyms...) {
				if o, ok := owner[n]; ok && o != c.ID {
					t.Errorf("%q names both %s and %s", n, o, c.ID)
				}
				owner[n] = c.ID
			}
		}
	})
}

func TestCountryMerge(t *testing.T) {
	kbWith := func(generated string) fstest.MapFS {
		files := fstest.MapFS{
			"d/countries.yaml": {Data: []byte(`- {id: country:x, name: Curated, region: Here, aliases: [A], metonyms: [the Palace]}` + "\n")},
		}
		for _, f := range []string{"people", "organizations", "locations", "conflicts", "titles", "events"} {
			files["d/"+f+".yaml"] = &fstest.MapFile{Data: []byte("[]")}
		}
		files["d/countries.generated.yaml"] = &fstest.MapFile{Data: []byte(generated)}
		return files
	}

	t.Run("CuratedWinsAndListsAreJoined", func(t *testing.T) {
		k, err := LoadFS(kbWith(`
- {id: "country:x", name: "Generated", iso2: "NO", region: "There", subregion: "Sub", aliases: ["B", "A"], demonyms: ["Xian"]}
- {id: "country:y", name: "Only Generated"}
`), "d")
		if err != nil {
			t.Fatal(err)
		}
		x, _ := k.Country("country:x")
		if x == nil || x.Name != "Curated" || x.Region != "Here" || x.ISO2 != "NO" || x.Subregion != "Sub" ||
			!slices.Equal(x.Aliases, []string{"A", "B"}) || !slices.Equal(x.Demonyms, []string{"Xian"}) ||
			!slices.Equal(x.Metonyms, []string{"the Palace"}) {
			t.Errorf("country:x: got %+v, want curated name and region, generated iso2 and subregion, aliases A B", x)
		}
		if y, _ := k.Country("country:y"); y == nil || y.Name != "Only Generated" {
			t.Errorf("country:y: got %+v, want the generated-only entry kept", y)
		}
	})

	t.Run("UnknownGeneratedFieldIsAnError", func(t *testing.T) {
		_, err := LoadFS(kbWith(`- {id: "country:x", name: "X", capitol: "Y"}`+"\n"), "d")
		if err == nil || !strings.Contains(err.Error(), "capitol") {
			t.Errorf("got %v, want an error naming the unknown field", err)
		}
	})

	t.Run("OneISOCodeForTwoIDsIsAnError", func(t *testing.T) {
		_, err := LoadFS(kbWith(`
- {id: "country:x", name: "X", iso2: "NO"}
- {id: "country:z", name: "Z", iso2: "NO"}
`), "d")
		if err == nil || !strings.Contains(err.Error(), `country:z: ISO code "NO" is also country:x's`) {
			t.Errorf("got %v, want the shared ISO code reported", err)
		}
	})
}

func TestGeneratedCitiesYieldToCuratedNames(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := k.Location("location:yangon"); !ok || l.Country != "country:myanmar" || !l.Generated {
		t.Errorf("Yangon: got %+v, %v; want a generated city of Myanmar", l, ok)
	}
	if l, ok := k.Location("location:cordoba"); !ok || !slices.Contains(l.Aliases, "Cordoba") {
		t.Errorf("Córdoba: got %+v, %v; want the city with its spelling without diacritics", l, ok)
	}
	// A name something curated uses stays that: Washington is the curated
	// capital, Austin a first name, Georgia a country.
	for _, id := range []string{"location:austin", "location:georgia"} {
		if l, ok := k.Location(id); ok && l.Generated {
			t.Errorf("%s: a generated city took a name the knowledge base uses otherwise", id)
		}
	}
	if l, ok := k.Location("location:washington-dc"); !ok || l.Generated {
		t.Errorf("Washington, D.C.: got %+v, %v; want the curated place", l, ok)
	}
	n := 0
	for _, l := range k.Locations {
		if l.Generated {
			n++
		}
	}
	if n < 1000 {
		t.Errorf("%d generated cities, want more than 1000", n)
	}
}

func TestFoldWritesLettersOutInASCII(t *testing.T) {
	for in, want := range map[string]string{
		"Johan Jørgen Holst": "Johan Jorgen Holst",
		"Córdoba":            "Cordoba",
		"Lech Wałęsa":        "Lech Walesa",
		"Straße":             "Strasse",
		"Ærø":                "AEro",
		"Milošević":          "Milosevic",
		"plain":              "plain",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSlugKeepsPossessivesWithTheirWord pins the id convention the
// annotation guidelines share: apostrophes of a possessive vanish, others
// split words.
func TestSlugKeepsPossessivesWithTheirWord(t *testing.T) {
	for in, want := range map[string]string{
		"People's Liberation Army":   "peoples-liberation-army",
		"National People’s Congress": "national-peoples-congress",
		"N'Djamena":                  "n-djamena",
		"Côte d'Ivoire":              "cote-d-ivoire",
		"Yaoundé":                    "yaounde",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPloverCategoriesMatchTheCodeBook keeps geokg.PloverCategories, which
// the API's enum and the readers' checks follow, equal to the categories
// cameo.yaml uses, in the order it first uses them: a category added to
// the code book must reach the API, and the API must offer none that no
// event can have.
func TestPloverCategoriesMatchTheCodeBook(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var used []string
	for _, c := range k.Codes {
		if c.Plover != "" && !slices.Contains(used, c.Plover) {
			used = append(used, c.Plover)
		}
	}
	if !slices.Equal(used, geokg.PloverCategories) {
		t.Errorf("cameo.yaml uses %v, geokg.PloverCategories is %v", used, geokg.PloverCategories)
	}
}
