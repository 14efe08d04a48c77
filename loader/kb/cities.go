package kb

import (
	"cmp"
	"slices"
	"strings"
)

// City is a row of the generated city and town tables
// (cities.generated.yaml and towns.generated.json, from GeoNames): a
// populated place the curated locations may lack.
type City struct {
	Name       string `yaml:"name" json:"name"`
	ASCII      string `yaml:"ascii" json:"ascii,omitempty"`
	Country    string `yaml:"country" json:"country"` // ISO 3166-1 alpha-2
	Population int    `yaml:"population" json:"population"`
	GeoNames   int    `yaml:"geonames" json:"geonames"`
}

// TownType is the Type of a generated town: a place the extractor reads
// only in an article that names its country.
const TownType = "town"

// townsFile is the generated town table. It is JSON, not YAML like the
// city table: at some twelve thousand rows yaml.v3 takes about 90 ms to
// decode it, a third of the knowledge base's load time, and encoding/json
// about 12 ms.
const townsFile = "towns.generated.json"

// TownFile is the layout of towns.generated.json: the generator's notice
// (source, licence, the rule that chose the towns and what it left out)
// and the towns, sorted by name and country.
type TownFile struct {
	Notice TownNotice `json:"notice"`
	Towns  []City     `json:"towns"`
}

// TownNotice says where the town table comes from and how it was chosen.
type TownNotice struct {
	Source    string `json:"source"`
	Licence   string `json:"licence"`
	Generator string `json:"generator"`
	Rule      string `json:"rule"`
	// MinPopulation is the table's cut; CityPopulation the city table's,
	// which no town reaches.
	MinPopulation  int `json:"min_population"`
	CityPopulation int `json:"city_population"`
	// Countries are the ISO 3166-1 alpha-2 codes of the conflicts'
	// countries; WithoutCode the conflicts' country ids that have none
	// (historical states).
	Countries   []string `json:"countries"`
	WithoutCode []string `json:"without_code"`
	LeftOut     struct {
		EnglishWords int `json:"english_words"`
		FirstNames   int `json:"first_names"`
	} `json:"left_out"`
	Fields string `json:"fields"`
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

// wordTowns are town names that news uses for something else, most often
// a region, in the towns' own countries, where the country guard cannot
// tell them apart; each is left out with its reason. The generator has
// left out the English words and first names already.
var wordTowns = map[string]string{
	"California":    "a US state",
	"Delaware":      "a US state",
	"Indiana":       "a US state",
	"Oregon":        "a US state",
	"Wyoming":       "a US state",
	"Ontario":       "a Canadian province",
	"New Brunswick": "a Canadian province",
	"Yukon":         "a Canadian territory",
	"Essex":         "an English county",
	"Sussex":        "an English county",
	"Suffolk":       "an English county",
	"Cumberland":    "an English county",
	"Westminster":   "the British parliament",
	"Zion":          "the word, and Jerusalem",
	"Berber":        "a people",
	"Saint Peter":   "the apostle",
}

// addCities makes a place of type city of every generated city whose name
// nothing else in the knowledge base uses (inUse, see namesInUse): the
// larger, machine-made table never changes how a curated name is read.
// Cities of a country the knowledge base lacks are left out too. It adds
// the cities' names to inUse.
func (k *KB) addCities(cities []City, inUse nameSet) {
	k.addGenerated(cities, "city", false, inUse, wordCities)
}

// addTowns makes a place of type town of every generated town whose name
// nothing else in the knowledge base uses, under the rules of addCities; a
// town is never named like a city, a curated place, or a person or body
// of the dictionaries, since it is added after them all (inUse must hold
// their names). Unlike a city's, a town's name may stand for towns of
// several countries (Bethlehem in Palestine and in Pennsylvania): the most
// populous is location:bethlehem, each other location:bethlehem-<its
// country>, and the extractor reads the name as the one whose country the
// article names.
func (k *KB) addTowns(towns []City, inUse nameSet) {
	k.addGenerated(towns, TownType, true, inUse, wordCities, wordTowns)
}

// addGenerated adds rows as generated places of type typ, less those
// whose name is taken or named in leftOut. With shared, rows of different
// countries may share a name (see addTowns); without, a name goes to the
// first row that has it, and is added to taken.
func (k *KB) addGenerated(rows []City, typ string, shared bool, taken nameSet, leftOut ...map[string]string) {
	byISO := map[string]string{}
	for _, c := range k.Countries {
		if c.ISO2 != "" && !c.Historical {
			byISO[c.ISO2] = c.ID
		}
	}
	have := map[string]bool{}
	for _, l := range k.Locations {
		have[l.ID] = true
	}
	if shared {
		// The most populous of a name takes the bare id, whatever the
		// file's order.
		rows = slices.Clone(rows)
		slices.SortFunc(rows, func(a, b City) int {
			return cmp.Or(cmp.Compare(b.Population, a.Population), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Country, b.Country))
		})
	}
	// For shared names: the names some town has, and the name and country
	// pairs placed, so that one country's "Bor" and "Bór" are one town.
	named, placed := make(map[string]bool, len(rows)), make(map[[2]string]bool, len(rows))
	for _, c := range rows {
		country, ok := byISO[c.Country]
		names := []string{strings.ToLower(c.Name)}
		if c.ASCII != "" {
			names = append(names, strings.ToLower(c.ASCII))
		}
		if !ok || slices.ContainsFunc(names, func(n string) bool { return taken[n] }) || len([]rune(c.Name)) < 4 {
			continue
		}
		if slices.ContainsFunc(leftOut, func(words map[string]string) bool { _, ok := words[c.Name]; return ok }) {
			continue
		}
		spelt := c.Name
		if c.ASCII != "" {
			spelt = c.ASCII
		}
		slug := Slug(spelt)
		if slug == "" {
			continue // not in Latin letters ("Бережани"): no id, and news writes it otherwise
		}
		id := "location:" + slug
		if slices.ContainsFunc(names, func(n string) bool { return placed[[2]string{n, country}] }) {
			continue
		}
		if slices.ContainsFunc(names, func(n string) bool { return named[n] }) {
			id += "-" + strings.TrimPrefix(country, "country:")
		}
		if have[id] {
			continue
		}
		l := Location{ID: id, Name: c.Name, Type: typ, Country: country, Generated: true}
		if c.ASCII != "" && c.ASCII != c.Name {
			l.Aliases = []string{c.ASCII}
		}
		k.Locations = append(k.Locations, l)
		have[id] = true
		for _, n := range names {
			if shared {
				named[n], placed[[2]string{n, country}] = true, true
			} else {
				taken[n] = true
			}
		}
	}
}

// nameSet holds names the knowledge base uses, lowercased.
type nameSet map[string]bool

func (s nameSet) add(names ...string) {
	for _, n := range names {
		if n != "" {
			s[strings.ToLower(n)] = true
		}
	}
}

// addPeople adds each person's name, aliases, surnames, and first and last
// word.
func (s nameSet) addPeople(people []Person) {
	for _, p := range people {
		s.add(p.Name)
		s.add(p.Aliases...)
		s.add(p.Surnames...)
		if f := strings.Fields(p.Name); len(f) > 1 {
			s.add(f[0], f[len(f)-1])
		}
	}
}

func (s nameSet) addOrganizations(orgs []Organization) {
	for _, o := range orgs {
		s.add(o.Name)
		s.add(o.Aliases...)
	}
}

// namesInUse returns every name the knowledge base gives to something: a
// country (or one of its aliases, demonyms, metonyms or capitals), a
// person's name, alias, surname, or first and last word, an organization,
// a title or a place. A generated place named like any of them is left
// out, so that the larger, machine-made table never changes how a curated
// name is read.
func (k *KB) namesInUse() nameSet {
	s := make(nameSet, 4*len(k.People)+len(k.Locations)+len(k.Organizations))
	for _, c := range k.Countries {
		s.add(c.Name, c.CapitalName)
		s.add(c.Aliases...)
		s.add(c.Demonyms...)
		s.add(c.Metonyms...)
	}
	s.addPeople(k.People)
	s.addOrganizations(k.Organizations)
	for _, t := range k.Titles {
		s.add(t.Title)
		s.add(t.Aliases...)
	}
	for _, l := range k.Locations {
		s.add(l.Name)
		s.add(l.Aliases...)
	}
	return s
}
