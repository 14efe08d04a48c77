package kb

import (
	"strings"
)

// City is a row of the generated city table (cities.generated.yaml, from
// GeoNames): a populated place the curated locations may lack.
type City struct {
	Name       string `yaml:"name"`
	ASCII      string `yaml:"ascii"`
	Country    string `yaml:"country"` // ISO 3166-1 alpha-2
	Population int    `yaml:"population"`
	GeoNames   int    `yaml:"geonames"`
}

// wordCities are city names that English news uses more often as a word or
// a first name than for the city; each is left out with its reason.
var wordCities = map[string]string{
	"Nice":         "the adjective",
	"Charlotte":    "a first name",
	"Aurora":       "a first name",
	"Madison":      "a first name",
	"Austin":       "a first name and surname (Lloyd Austin)",
	"Lincoln":      "a surname",
	"Hamilton":     "a surname",
	"Florence":     "a first name",
	"Victoria":     "a first name",
	"Columbus":     "a surname",
	"Independence": "the word",
	"Mobile":       "the word",
	"Reading":      "the word",
	"Of":           "the word",
	"Sale":         "the word",
	"Marathon":     "the word",
	"Concord":      "the word",
	"Providence":   "the word",
	"Orange":       "the word",
	"Surprise":     "the word",
	"Enterprise":   "the word",
	"Hollywood":    "the film industry",
	"Gary":         "a first name",
	"Raleigh":      "a first name",
	"Irving":       "a first name",
	"Soledad":      "a first name",
	"Dolores":      "a first name",
	"Mercedes":     "the car maker",
	"Kirov":        "a surname (the ballet, the ship)",
}

// addCities makes a place of every generated city whose name nothing else
// in the knowledge base uses: a name that is also a country (or one of its
// aliases, demonyms, metonyms or capitals), a person's name, alias or
// surname, an organization, a title or a curated place is left to that, so
// that the larger, machine-made table never changes how a curated name is
// read. Cities of a country the knowledge base lacks are left out too.
func (k *KB) addCities(cities []City) {
	taken := map[string]bool{}
	take := func(names ...string) {
		for _, n := range names {
			if n != "" {
				taken[strings.ToLower(n)] = true
			}
		}
	}
	byISO := map[string]string{}
	for _, c := range k.Countries {
		take(c.Name, c.CapitalName)
		take(c.Aliases...)
		take(c.Demonyms...)
		take(c.Metonyms...)
		if c.ISO2 != "" && !c.Historical {
			byISO[c.ISO2] = c.ID
		}
	}
	for _, p := range k.People {
		take(p.Name)
		take(p.Aliases...)
		take(p.Surnames...)
		if f := strings.Fields(p.Name); len(f) > 1 {
			take(f[0], f[len(f)-1])
		}
	}
	for _, o := range k.Organizations {
		take(o.Name)
		take(o.Aliases...)
	}
	for _, t := range k.Titles {
		take(t.Title)
		take(t.Aliases...)
	}
	have := map[string]bool{}
	for _, l := range k.Locations {
		take(l.Name)
		take(l.Aliases...)
		have[l.ID] = true
	}
	for _, c := range cities {
		country, ok := byISO[c.Country]
		if !ok || taken[strings.ToLower(c.Name)] || taken[strings.ToLower(c.ASCII)] || len([]rune(c.Name)) < 4 {
			continue
		}
		if _, word := wordCities[c.Name]; word {
			continue
		}
		id := "location:" + Slug(c.Name)
		if have[id] {
			continue
		}
		l := Location{ID: id, Name: c.Name, Type: "city", Country: country, Generated: true}
		if c.ASCII != "" && c.ASCII != c.Name {
			l.Aliases = []string{c.ASCII}
		}
		k.Locations = append(k.Locations, l)
		have[id] = true
		take(c.Name, c.ASCII)
	}
}
