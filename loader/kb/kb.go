// Package kb is the loader's knowledge base: the countries, people,
// organizations, places and conflicts it can recognise, the titles that give
// roles, and the event code book. The data lives in readable YAML files under
// data/, embedded into the binary so extraction needs no network and no
// files at run time, and is validated once when loaded: a broken
// cross-reference is a build-time test failure, not a wrong answer later.
package kb

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"gopkg.in/yaml.v3"

	"github.com/geokg/geokg"
)

//go:embed data/*.yaml data/*.json
var dataFS embed.FS

// Country is a state or territory that news names as an actor. Its entry is
// merged from two files (see mergeCountries): countries.generated.yaml,
// generated from maintained country data by scripts/kb-countries so that
// names, codes, spellings and demonyms are not typed by hand, and
// countries.yaml, curated, which holds what no package has (Wikidata ids,
// capitals as locations, historical states, metonyms) and corrections.
type Country struct {
	ID          string   `yaml:"id"`
	Name        string   `yaml:"name"`
	Wikidata    string   `yaml:"wikidata"`
	ISO2        string   `yaml:"iso2"`
	ISO3        string   `yaml:"iso3"`
	Capital     string   `yaml:"capital"`
	CapitalName string   `yaml:"capital_name"` // as text: most capitals have no location entry
	Region      string   `yaml:"region"`
	Subregion   string   `yaml:"subregion"`
	Aliases     []string `yaml:"aliases"`
	Demonyms    []string `yaml:"demonyms"`
	// Metonyms stand for the country's government when they act ("the
	// Kremlin said"); they are not names of the country as a place.
	Metonyms   []string `yaml:"metonyms"`
	Historical bool     `yaml:"historical"`
	Start      string   `yaml:"start"`
	End        string   `yaml:"end"`
}

// Role is an office a person held: Title of Of (a country or organization
// id) from Since until Until (empty: still held). Sector, when set, is the
// part of Of the office belongs to; dictionary roles always say it, since
// their title is only the sector's.
type Role struct {
	Title  string       `yaml:"title"`
	Of     string       `yaml:"of"`
	Since  string       `yaml:"since"`
	Until  string       `yaml:"until"`
	Sector geokg.Sector `yaml:"sector"`
}

// Person is a named person with the offices they held.
type Person struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Wikidata string   `yaml:"wikidata"`
	Aliases  []string `yaml:"aliases"`
	// Surnames are the family names news uses alone when they are not the
	// last word of the name ("Moon" of Moon Jae-in, "Lula" of Luiz Inácio
	// Lula da Silva). Unlike aliases they match only where a bare surname
	// may: after the full name, after a title, or for the one person of
	// that name in office on the article's date.
	Surnames []string `yaml:"surnames"`
	Country  string   `yaml:"country"`
	Roles    []Role   `yaml:"roles"`
	// Source is SourceDictionary for a person from the generated actor
	// dictionary and empty for a curated one.
	Source string `yaml:"-"`
}

// Organization is an alliance, agency, armed group, party or news outlet.
type Organization struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Wikidata string   `yaml:"wikidata"`
	Type     string   `yaml:"type"`
	Country  string   `yaml:"country"`
	Parent   string   `yaml:"parent"`
	Aliases  []string `yaml:"aliases"`
	// Sector is the part of its country the body belongs to ("military"
	// for an army), when known.
	Sector geokg.Sector `yaml:"sector"`
	// Source is SourceDictionary for a body from the generated actor
	// dictionary and empty for a curated one.
	Source string `yaml:"-"`
}

// Location is a city, region or site.
type Location struct {
	ID       string `yaml:"id"`
	Name     string `yaml:"name"`
	Wikidata string `yaml:"wikidata"`
	Type     string `yaml:"type"`
	Country  string `yaml:"country"`
	// Parent is the place it lies in, when that is a place too: the
	// Kremlin's is Moscow, Grozny's Chechnya. It becomes PART_OF, so that
	// what happened at the Kremlin counts as having happened in Moscow.
	Parent  string   `yaml:"parent"`
	Aliases []string `yaml:"aliases"`
	// Generated marks a city or town from the generated tables, not
	// curated: the extractor reads its name only where it stands alone,
	// and a town's only where the article names its country too.
	Generated bool `yaml:"-"`
}

// Cue is a phrase that names a conflict only in context: Near lists words
// that must stand in the same sentence, With entity ids that the article
// must mention. When both are given both must hold.
type Cue struct {
	Text string   `yaml:"text"`
	Near []string `yaml:"near"`
	With []string `yaml:"with"`
}

// Side is a party to a conflict and the side it was on.
type Side struct {
	ID   string `yaml:"id"`
	Side string `yaml:"side"`
}

// Conflict is a war, intervention, civil war, coup or notable attack.
type Conflict struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Wikidata string   `yaml:"wikidata"`
	Type     string   `yaml:"type"`
	Start    string   `yaml:"start"`
	End      string   `yaml:"end"`
	Parent   string   `yaml:"parent"`
	Location string   `yaml:"location"`
	Aliases  []string `yaml:"aliases"`
	Cues     []Cue    `yaml:"cues"`
	Sides    []Side   `yaml:"sides"`
}

// Title is a title that gives the person named after it a role.
type Title struct {
	Title   string   `yaml:"title"`
	Aliases []string `yaml:"aliases"`
	Of      string   `yaml:"of"`
	Office  string   `yaml:"office"`
}

// EventType is one entry of the event code book.
type EventType struct {
	Type     string   `yaml:"type"`
	CAMEO    string   `yaml:"cameo"`
	Code     string   `yaml:"code"`
	Target   string   `yaml:"target"` // "required" or "optional"
	Triggers []string `yaml:"triggers"`
	// Nouns report the type's act as the object of a light verb
	// ("launched air strikes", "held talks"). A trigger or noun may end
	// in a bracketed full CAMEO code: "air strike [195]".
	Nouns []string `yaml:"nouns"`
}

// NeedsTarget reports whether an event of this type is only coded when it
// has a target.
func (t EventType) NeedsTarget() bool { return t.Target == "required" }

// VerbCorrections are the project's corrections to the CAMEO verb
// dictionary, by verb block name.
type VerbCorrections struct {
	Alone  []string `yaml:"alone"`
	Ignore []string `yaml:"ignore"`
	// Quiet lists verbs, by lemma, that the dictionary puts in a block
	// whose sense is not theirs ("quarrel" in PHYSICAL_CONFLICT, where
	// "quarrelled with Beijing" would be a battle): they code nothing.
	Quiet []string `yaml:"quiet"`
}

// Code is one full CAMEO event code (cameo.yaml): its name in the CAMEO
// codebook, its Goldstein score and its PLOVER category.
type Code struct {
	Code      string  `yaml:"code"`
	Name      string  `yaml:"name"`
	Goldstein float64 `yaml:"goldstein"`
	Plover    string  `yaml:"plover"`
}

// KB is the loaded, validated knowledge base. It is read-only after Load and
// safe for concurrent use.
type KB struct {
	Countries     []Country
	People        []Person
	Organizations []Organization
	Locations     []Location
	Conflicts     []Conflict
	Titles        []Title
	EventTypes    []EventType
	Codes         []Code
	// VerbCorrections say how the verb dictionary is read: which blocks
	// code alone and which code nothing (dictionary-corrections.yaml).
	VerbCorrections VerbCorrections
	// Verbs is the CAMEO verb dictionary and Agents the generic agents
	// with their sectors, both generated from the event-data dictionaries
	// (empty when a knowledge base has none).
	Verbs  VerbBook
	Agents []Agent

	// Fingerprint is the SHA-256 of the data files the knowledge base was
	// read from: a changed fact changes it.
	Fingerprint string

	entities map[string]geokg.Entity
	people   map[string]*Person
	conflict map[string]*Conflict
	country  map[string]*Country
	org      map[string]*Organization
	location map[string]*Location
	code     map[string]*Code
	rels     map[string][]geokg.Relation // Relations, by entity id
}

// Load reads and validates the embedded knowledge base.
func Load() (*KB, error) { return LoadFS(dataFS, "data") }

// LoadFS reads and validates a knowledge base from dir in fsys, so tests can
// load a small one of their own.
func LoadFS(fsys fs.FS, dir string) (*KB, error) {
	k := &KB{}
	fp, err := fingerprint(fsys, dir)
	if err != nil {
		return nil, err
	}
	k.Fingerprint = fp
	files := []struct {
		name string
		dst  any
	}{
		{"countries.yaml", &k.Countries},
		{"people.yaml", &k.People},
		{"organizations.yaml", &k.Organizations},
		{"locations.yaml", &k.Locations},
		{"conflicts.yaml", &k.Conflicts},
		{"titles.yaml", &k.Titles},
		{"events.yaml", &k.EventTypes},
	}
	for _, f := range files {
		if err := decodeFile(fsys, dir+"/"+f.name, f.dst); err != nil {
			return nil, err
		}
	}
	// People come in several files, people.yaml and people-<region>.yaml,
	// so that each region's list stays readable; they are read in name
	// order so ids and errors come out the same on every run.
	more, err := fs.Glob(fsys, dir+"/people-*.yaml")
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	sort.Strings(more)
	for _, name := range more {
		var ps []Person
		if err := decodeFile(fsys, name, &ps); err != nil {
			return nil, err
		}
		k.People = append(k.People, ps...)
	}
	// The generated tables are optional so that a small test knowledge
	// base needs only the curated files; the embedded one has them.
	var generated []Country
	if err := decodeOptional(fsys, dir+"/countries.generated.yaml", &generated); err != nil {
		return nil, err
	}
	k.Countries = mergeCountries(k.Countries, generated)
	k.addCapitals()
	var cities []City
	if err := decodeOptional(fsys, dir+"/cities.generated.yaml", &cities); err != nil {
		return nil, err
	}
	inUse := k.namesInUse()
	k.addCities(cities, inUse)
	if err := decodeOptional(fsys, dir+"/dictionary-corrections.yaml", &k.VerbCorrections); err != nil {
		return nil, err
	}
	if err := decodeOptional(fsys, dir+"/cameo.yaml", &k.Codes); err != nil {
		return nil, err
	}
	// The dictionaries' people and bodies join after the cities are
	// chosen, so that, as with the city table, a machine-made list never
	// changes how a curated name is read.
	dicts, err := readDictionaries(fsys, dir)
	if err != nil {
		return nil, err
	}
	people, orgs := len(k.People), len(k.Organizations)
	k.addDictionaries(dicts)
	// Towns come last: the smallest and most numerous places yield to
	// every other name, the dictionaries' people and bodies included.
	var towns TownFile
	if err := decodeJSON(fsys, dir+"/"+townsFile, &towns); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	inUse.addPeople(k.People[people:])
	inUse.addOrganizations(k.Organizations[orgs:])
	k.addTowns(towns.Towns, inUse)
	if err := k.index(); err != nil {
		return nil, err
	}
	return k, nil
}

// decodeOptional is decodeFile for a file that may be absent, which
// leaves dst as it is.
func decodeOptional(fsys fs.FS, name string, dst any) error {
	if err := decodeFile(fsys, name, dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// decodeFile decodes one YAML file strictly: an unknown field is an error,
// so a misspelt key is reported instead of silently losing its value.
func decodeFile(fsys fs.FS, name string, dst any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("knowledge base: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(dst); err != nil {
		return fmt.Errorf("knowledge base %s: %w", path.Base(name), err)
	}
	return nil
}

// ambiguousCapitals are capital names that news uses more often for
// something else (a person's first name, another town), so they are not
// made places that could stand for a government.
var ambiguousCapitals = map[string]bool{"Victoria": true, "Kingston": true, "Georgetown": true,
	"Santiago": true, "Moroni": true, "Castries": true, "Roseau": true, "Palikir": true, "Yaren": true}

// addCapitals makes a place of every present country's capital that the
// curated locations lack, from the generated table's capital name, and
// links it as the capital: "Dhaka said" is Bangladesh's government and "in
// Dhaka" the city, as for capitals curated by hand. A capital named like
// its country (Singapore) or an ambiguous name stays text.
func (k *KB) addCapitals() {
	have := map[string]bool{}
	for _, l := range k.Locations {
		have[l.ID] = true
	}
	for i := range k.Countries {
		c := &k.Countries[i]
		if c.Capital != "" || c.CapitalName == "" || c.Historical || ambiguousCapitals[c.CapitalName] {
			continue
		}
		if strings.EqualFold(c.CapitalName, c.Name) || slices.ContainsFunc(c.Aliases, func(a string) bool { return strings.EqualFold(a, c.CapitalName) }) {
			continue
		}
		id := "location:" + Slug(c.CapitalName)
		if !have[id] {
			k.Locations = append(k.Locations, Location{ID: id, Name: c.CapitalName, Type: "city", Country: c.ID})
			have[id] = true
		}
		c.Capital = id
	}
}

// Slug folds accents and joins lowercase words with hyphens, the id part
// of a name both the knowledge base and the extractor make:
// "Yaoundé" is "yaounde", "N'Djamena" "n-djamena". A possessive stays with
// its word, as annotators write it: "People's Liberation Army" is
// "peoples-liberation-army".
func Slug(s string) string {
	s = possessive.ReplaceAllString(Fold(s), "${1}s")
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }) {
		words = append(words, w)
	}
	return strings.Join(words, "-")
}

// possessive matches the "'s" of a possessive, in either apostrophe.
var possessive = regexp.MustCompile(`(\pL)['’]s\b`)

// IDPart is Slug bounded in length, the id part of a name found in an
// article (or of an article's own title): a name of any length gets an id
// of at most 80 bytes, kept unique by a hash of the whole.
func IDPart(s string) string {
	out := Slug(s)
	if len(out) > 80 {
		sum := sha256.Sum256([]byte(out))
		out = strings.TrimRight(out[:64], "-") + "-" + hex.EncodeToString(sum[:4])
	}
	return out
}

// CodeInfo returns what the code book knows of a CAMEO code, falling back
// to the nearest code above it ("1951" to "195", "195" to "19") so that a
// finer code than the table lists still gets its score and category.
func (k *KB) CodeInfo(code string) (Code, bool) {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if info, ok := k.code[c]; ok {
			return *info, true
		}
	}
	return Code{}, false
}

// mergeCountries lays the curated entries over the generated ones, matched
// by id. A curated value wins wherever it is set, so a correction is one
// line in countries.yaml; lists are joined, so a curated alias adds to the
// generated ones instead of hiding them. Curated entries keep their order
// and come first. A duplicate id within a file is left for index to report.
func mergeCountries(curated, generated []Country) []Country {
	out := append([]Country(nil), curated...)
	at := map[string]int{} // id -> its first curated entry
	for i := len(out) - 1; i >= 0; i-- {
		at[out[i].ID] = i
	}
	for _, g := range generated {
		i, ok := at[g.ID]
		if !ok {
			out = append(out, g)
			continue
		}
		delete(at, g.ID) // a second generated entry with this id is appended
		out[i] = overlay(out[i], g)
	}
	return out
}

// overlay fills the fields curated c leaves unset from generated g.
func overlay(c, g Country) Country {
	for _, f := range []struct {
		cur *string
		gen string
	}{
		{&c.Name, g.Name}, {&c.Wikidata, g.Wikidata}, {&c.ISO2, g.ISO2}, {&c.ISO3, g.ISO3},
		{&c.Capital, g.Capital}, {&c.CapitalName, g.CapitalName}, {&c.Region, g.Region},
		{&c.Subregion, g.Subregion}, {&c.Start, g.Start}, {&c.End, g.End},
	} {
		if *f.cur == "" {
			*f.cur = f.gen
		}
	}
	c.Historical = c.Historical || g.Historical
	join := func(a, b []string) []string { return uniq(append(append([]string{}, a...), b...)) }
	c.Aliases = join(c.Aliases, g.Aliases)
	c.Demonyms = join(c.Demonyms, g.Demonyms)
	c.Metonyms = join(c.Metonyms, g.Metonyms)
	return c
}

var (
	idPattern       = regexp.MustCompile(`^(country|person|org|location|conflict):[a-z0-9]+(-[a-z0-9]+)*$`)
	wikidataPattern = regexp.MustCompile(`^Q[0-9]+$`)
	datePattern     = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
	// codePattern is a CAMEO code: a root 01-20 and up to two more digits.
	codePattern = regexp.MustCompile(`^(0[1-9]|1[0-9]|20)[0-9]{0,2}$`)
)

// index builds the lookup maps and checks every id, date and reference.
func (k *KB) index() error {
	// Sized up front: with the dictionaries' people there are some
	// twenty thousand entities, and growing the maps shows in load time.
	k.entities = make(map[string]geokg.Entity, len(k.Countries)+len(k.People)+len(k.Organizations)+len(k.Locations)+len(k.Conflicts))
	k.people = make(map[string]*Person, len(k.People))
	k.conflict = map[string]*Conflict{}
	k.country = map[string]*Country{}
	k.org = make(map[string]*Organization, len(k.Organizations))
	k.location = make(map[string]*Location, len(k.Locations))
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	add := func(e geokg.Entity, prefix string) {
		switch {
		case !idPattern.MatchString(e.ID) || !strings.HasPrefix(e.ID, prefix+":"):
			bad("%s: malformed id, want %s:lower-kebab-case", e.ID, prefix)
		case e.Name == "":
			bad("%s: no name", e.ID)
		case e.Wikidata != "" && !wikidataPattern.MatchString(e.Wikidata):
			bad("%s: malformed wikidata id %q", e.ID, e.Wikidata)
		}
		for _, d := range []string{e.Start, e.End} {
			if d != "" && !datePattern.MatchString(d) {
				bad("%s: malformed date %q, want YYYY-MM-DD", e.ID, d)
			}
		}
		if _, dup := k.entities[e.ID]; dup {
			bad("%s: duplicate id", e.ID)
		}
		e.Confidence, e.Source = 1, "kb"
		k.entities[e.ID] = e
	}
	// Two entries with one ISO code are one country loaded twice, as when
	// the generator and countries.yaml disagree on its id.
	isoOwner := map[string]string{}
	for i := range k.Countries {
		c := &k.Countries[i]
		k.country[c.ID] = c
		for _, code := range []string{c.ISO2, c.ISO3} {
			if code == "" {
				continue
			}
			if other, dup := isoOwner[code]; dup {
				bad("%s: ISO code %q is also %s's", c.ID, code, other)
			}
			isoOwner[code] = c.ID
		}
		add(geokg.Entity{ID: c.ID, Name: c.Name, Kind: geokg.KindCountry, Wikidata: c.Wikidata,
			Aliases: uniq(append(append([]string{}, c.Aliases...), c.Demonyms...)), Type: countryType(c), Start: c.Start, End: c.End}, "country")
	}
	for i := range k.People {
		p := &k.People[i]
		k.people[p.ID] = p
		add(geokg.Entity{ID: p.ID, Name: p.Name, Kind: geokg.KindPerson, Wikidata: p.Wikidata, Aliases: uniq(p.Aliases)}, "person")
		for _, sn := range p.Surnames {
			if strings.ContainsAny(sn, " \t") || !strings.Contains(" "+strings.Join(append([]string{p.Name}, p.Aliases...), " ")+" ", " "+sn+" ") {
				bad("%s: surname %q must be one word of the name or an alias", p.ID, sn)
			}
		}
	}
	for i := range k.Organizations {
		o := &k.Organizations[i]
		k.org[o.ID] = o
		add(geokg.Entity{ID: o.ID, Name: o.Name, Kind: geokg.KindOrganization, Wikidata: o.Wikidata, Aliases: uniq(o.Aliases), Type: o.Type}, "org")
	}
	for i := range k.Locations {
		l := &k.Locations[i]
		k.location[l.ID] = l
		add(geokg.Entity{ID: l.ID, Name: l.Name, Kind: geokg.KindLocation, Wikidata: l.Wikidata, Aliases: uniq(l.Aliases), Type: l.Type}, "location")
	}
	for i := range k.Conflicts {
		c := &k.Conflicts[i]
		k.conflict[c.ID] = c
		add(geokg.Entity{ID: c.ID, Name: c.Name, Kind: geokg.KindConflict, Wikidata: c.Wikidata, Aliases: uniq(c.Aliases), Type: c.Type, Start: c.Start, End: c.End}, "conflict")
	}
	ref := func(from, field, id string, kinds ...geokg.Kind) {
		if id == "" {
			return
		}
		e, ok := k.entities[id]
		if !ok {
			bad("%s: %s names unknown id %q", from, field, id)
			return
		}
		for _, kd := range kinds {
			if e.Kind == kd {
				return
			}
		}
		bad("%s: %s %q is a %s, want one of %v", from, field, id, e.Kind, kinds)
	}
	for _, c := range k.Countries {
		ref(c.ID, "capital", c.Capital, geokg.KindLocation)
	}
	for _, p := range k.People {
		ref(p.ID, "country", p.Country, geokg.KindCountry)
		for _, r := range p.Roles {
			ref(p.ID, "role "+r.Title, r.Of, geokg.KindCountry, geokg.KindOrganization)
			if r.Title == "" || r.Of == "" {
				bad("%s: role needs a title and of", p.ID)
			}
			for _, d := range []string{r.Since, r.Until} {
				if d != "" && !datePattern.MatchString(d) {
					bad("%s: role %s: malformed date %q", p.ID, r.Title, d)
				}
			}
			if r.Sector != "" && !r.Sector.Valid() {
				bad("%s: role %s: unknown sector %q", p.ID, r.Title, r.Sector)
			}
		}
	}
	for _, o := range k.Organizations {
		ref(o.ID, "country", o.Country, geokg.KindCountry)
		ref(o.ID, "parent", o.Parent, geokg.KindOrganization)
		if o.Sector != "" && !o.Sector.Valid() {
			bad("%s: unknown sector %q", o.ID, o.Sector)
		}
		if o.Source == SourceDictionary && !slices.Contains(BodyTypes, o.Type) {
			bad("%s: type %q, want one of %v", o.ID, o.Type, BodyTypes)
		}
	}
	k.indexDictionaries(bad)
	for _, l := range k.Locations {
		ref(l.ID, "country", l.Country, geokg.KindCountry)
		ref(l.ID, "parent", l.Parent, geokg.KindLocation)
	}
	k.checkParents(bad)
	for _, c := range k.Conflicts {
		ref(c.ID, "parent", c.Parent, geokg.KindConflict)
		ref(c.ID, "location", c.Location, geokg.KindCountry, geokg.KindLocation)
		for _, s := range c.Sides {
			ref(c.ID, "side", s.ID, geokg.KindCountry, geokg.KindOrganization)
		}
		for _, cue := range c.Cues {
			if cue.Text == "" || (len(cue.Near) == 0 && len(cue.With) == 0) {
				bad("%s: cue %q needs text and near or with", c.ID, cue.Text)
			}
			for _, w := range cue.With {
				ref(c.ID, "cue with", w, geokg.Kinds...)
			}
		}
	}
	for _, t := range k.Titles {
		ref("title "+t.Title, "of", t.Of, geokg.KindCountry, geokg.KindOrganization)
	}
	for _, et := range k.EventTypes {
		if et.Type == "" || et.CAMEO == "" || (et.Target != "required" && et.Target != "optional") {
			bad("event type %q: needs type, cameo and target required|optional", et.Type)
		}
		if !strings.HasPrefix(et.Code, et.CAMEO) || !codePattern.MatchString(et.Code) {
			bad("event type %s: code %q must be a CAMEO code under root %s", et.Type, et.Code, et.CAMEO)
		}
		for _, tr := range append(slices.Clone(et.Triggers), et.Nouns...) {
			if tr != strings.ToLower(tr) {
				bad("event type %s: trigger %q must be lowercase", et.Type, tr)
			}
			if i := strings.LastIndexByte(tr, '['); i >= 0 {
				code := strings.TrimSuffix(tr[i+1:], "]")
				if !strings.HasSuffix(tr, "]") || !codePattern.MatchString(code) || geokg.RootCode(et.Type) != code[:2] && !(et.Type == "MATERIAL_COOPERATION" && code[:2] == "07") {
					bad("event type %s: %q: a bracketed code must be a CAMEO code under the type's root", et.Type, tr)
				}
			}
		}
	}
	k.code = map[string]*Code{}
	for i := range k.Codes {
		c := &k.Codes[i]
		switch {
		case !codePattern.MatchString(c.Code) || c.Name == "":
			bad("cameo code %q: needs 2 to 4 digits and a name", c.Code)
		case c.Goldstein < -10 || c.Goldstein > 10:
			bad("cameo code %s: goldstein %v outside -10..10", c.Code, c.Goldstein)
		case c.Plover != "" && !geokg.KnownPlover(c.Plover):
			bad("cameo code %s: unknown PLOVER category %q (geokg.PloverCategories)", c.Code, c.Plover)
		case k.code[c.Code] != nil:
			bad("cameo code %s: listed twice", c.Code)
		}
		k.code[c.Code] = c
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return fmt.Errorf("knowledge base has %d problems:\n  %s", len(errs), strings.Join(errs, "\n  "))
	}
	k.rels = map[string][]geokg.Relation{}
	for id := range k.entities {
		if rs := k.relationsOf(id); len(rs) > 0 {
			k.rels[id] = rs
		}
	}
	return nil
}

// checkParents reports places whose parents loop back to them and places
// that lie in a place of another country: a place in a place is in that
// place's country too, unless the parent's is unsettled ("" for Kashmir).
// Run it after the references are checked.
func (k *KB) checkParents(bad func(format string, args ...any)) {
	for _, l := range k.Locations {
		if l.Parent == "" {
			continue
		}
		if p := k.location[l.Parent]; p != nil && p.Country != "" && p.Country != l.Country {
			bad("%s: lies in %s, which is in %s, but its country is %q", l.ID, p.ID, p.Country, l.Country)
		}
		seen := map[string]bool{l.ID: true}
		for p := k.location[l.Parent]; p != nil; p = k.location[p.Parent] {
			if seen[p.ID] {
				bad("%s: its parents loop through %s", l.ID, p.ID)
				break
			}
			seen[p.ID] = true
		}
	}
}

func countryType(c *Country) string {
	if c.Historical {
		return "historical-state"
	}
	return "state"
}

func uniq(ss []string) []string {
	// Most entries have no alias or one: no map for them, which shows in
	// load time over some thirty thousand entities.
	switch {
	case len(ss) == 0:
		return nil
	case len(ss) == 1 && ss[0] != "":
		return ss[:1:1] // full, so that an append copies instead of writing into ss
	}
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Entity returns the knowledge-base entity with id.
func (k *KB) Entity(id string) (geokg.Entity, bool) {
	e, ok := k.entities[id]
	return e, ok
}

// Person returns the person with id.
func (k *KB) Person(id string) (*Person, bool) { p, ok := k.people[id]; return p, ok }

// Conflict returns the conflict with id.
func (k *KB) Conflict(id string) (*Conflict, bool) { c, ok := k.conflict[id]; return c, ok }

// Country returns the country with id.
func (k *KB) Country(id string) (*Country, bool) { c, ok := k.country[id]; return c, ok }

// Organization returns the organization with id.
func (k *KB) Organization(id string) (*Organization, bool) { o, ok := k.org[id]; return o, ok }

// Location returns the location with id.
func (k *KB) Location(id string) (*Location, bool) { l, ok := k.location[id]; return l, ok }

// Relations returns the knowledge base's own facts about entity id: a
// person's offices, a conflict's sides and parent, a place's country and
// the place it lies in. They
// carry no evidence and Source "kb".
func (k *KB) Relations(id string) []geokg.Relation {
	if k.rels != nil {
		return k.rels[id]
	}
	return k.relationsOf(id)
}

// relationsOf builds Relations(id); index keeps them all, since an
// article asks for those of every entity it names.
func (k *KB) relationsOf(id string) []geokg.Relation {
	var rs []geokg.Relation
	switch {
	case k.people[id] != nil:
		for _, r := range k.people[id].Roles {
			rs = append(rs, geokg.Relation{Type: geokg.RelHoldsRole, From: id, To: r.Of, Title: r.Title, Since: r.Since, Until: r.Until, Source: "kb"})
		}
	case k.conflict[id] != nil:
		c := k.conflict[id]
		for _, s := range c.Sides {
			rs = append(rs, geokg.Relation{Type: geokg.RelInvolves, From: id, To: s.ID, Side: s.Side, Source: "kb"})
		}
		if c.Parent != "" {
			rs = append(rs, geokg.Relation{Type: geokg.RelPartOf, From: id, To: c.Parent, Source: "kb"})
		}
	case k.location[id] != nil:
		l := k.location[id]
		if l.Country != "" {
			rs = append(rs, geokg.Relation{Type: geokg.RelPartOf, From: id, To: l.Country, Source: "kb"})
		}
		if l.Parent != "" {
			rs = append(rs, geokg.Relation{Type: geokg.RelPartOf, From: id, To: l.Parent, Source: "kb"})
		}
	case k.country[id] != nil:
		if c := k.country[id]; c.Capital != "" {
			rs = append(rs, geokg.Relation{Type: geokg.RelCapitalOf, From: c.Capital, To: id, Source: "kb"})
		}
	}
	return rs
}

// fingerprint hashes the names and contents of the YAML and JSON files in
// dir, in name order.
func fingerprint(fsys fs.FS, dir string) (string, error) {
	var names []string
	for _, pattern := range []string{"/*.yaml", "/*.json"} {
		more, err := fs.Glob(fsys, dir+pattern)
		if err != nil {
			return "", fmt.Errorf("knowledge base: %w", err)
		}
		names = append(names, more...)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return "", fmt.Errorf("knowledge base: %w", err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", path.Base(name), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// letters are the Latin letters that no accent-stripping turns into ASCII,
// written the way English text writes them: "Jørgen" is "Jorgen".
var letters = strings.NewReplacer("ø", "o", "Ø", "O", "æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE", "ß", "ss",
	"đ", "d", "Đ", "D", "ł", "l", "Ł", "L", "ı", "i", "þ", "th", "Þ", "Th", "ð", "d", "Ð", "D", "ħ", "h", "Ħ", "H")

// Fold returns s in ASCII letters where it can: accents dropped ("Córdoba"
// is "Cordoba") and letters such as ø, æ, ß, ł written out. Ids are made
// from folded names, so that one name has one id however it is spelt.
func Fold(s string) string {
	for _, r := range s {
		if r >= 0x80 {
			t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
			if f, _, err := transform.String(t, letters.Replace(s)); err == nil {
				return f
			}
			return s
		}
	}
	return s
}
