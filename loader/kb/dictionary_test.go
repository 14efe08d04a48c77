package kb

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/geokg/geokg"
)

func TestDictionariesLoad(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	verb := func(lemma string) (Verb, *VerbBlock) {
		for i := range k.Verbs.Blocks {
			b := &k.Verbs.Blocks[i]
			for _, v := range b.Verbs {
				if v.Lemma == lemma {
					return v, b
				}
			}
		}
		t.Fatalf("no verb %q", lemma)
		return Verb{}, nil
	}

	t.Run("VerbForms", func(t *testing.T) {
		for _, c := range []struct {
			lemma string
			forms []string
			code  string
		}{
			{"attack", []string{"attack", "attacks", "attacked", "attacking"}, "190"},
			{"shoot down", []string{"shoot down", "shoots down", "shooting down", "shot down"}, "190"},
			{"blow up", []string{"blow up", "blows up", "blowing up", "blew up", "blown up"}, "190"},
		} {
			if v, _ := verb(c.lemma); !slices.Equal(v.Forms, c.forms) || v.Code != c.code {
				t.Errorf("%s: got %+v, want forms %v, code %s", c.lemma, v, c.forms, c.code)
			}
		}
	})

	t.Run("LaunchingAnAirStrikeIs195", func(t *testing.T) {
		_, b := verb("launch")
		for _, want := range []string{"air strike", "airstrike"} {
			if !slices.ContainsFunc(b.Patterns, func(p Pattern) bool {
				return len(p.Pre) == 0 && slices.Equal(p.Post, []string{want}) && p.Code == "195"
			}) {
				t.Errorf("block %s: no pattern '* %s' coded 195", b.Name, want)
			}
		}
	})

	t.Run("SynsetsHoldTheirPlurals", func(t *testing.T) {
		s, ok := k.Verbs.Synset("&WEAPON")
		if !ok || !slices.Contains(s.Phrases, "weapon") || !slices.Contains(s.Phrases, "weapons") ||
			!slices.Contains(s.Phrases, "knife") || slices.Contains(s.Phrases, "knifes") {
			t.Errorf("&WEAPON: got %v, want weapon, weapons, knife and no knifes", s)
		}
	})

	t.Run("AgentSectors", func(t *testing.T) {
		sector := map[string]geokg.Sector{}
		for _, a := range k.Agents {
			sector[a.Phrase] = a.Sector
		}
		for phrase, want := range map[string]geokg.Sector{
			"riot police": geokg.SectorPolice, "soldiers": geokg.SectorMilitary, "soldier": geokg.SectorMilitary,
			"protesters": geokg.SectorProtesters, "rebels": geokg.SectorRebels, "foreign minister": geokg.SectorGovernment,
		} {
			if got, ok := sector[phrase]; !ok || got != want {
				t.Errorf("%q: got %q (found %v), want %q", phrase, got, ok, want)
			}
		}
	})

	t.Run("VladimirPutinIsOnceAndCurated", func(t *testing.T) {
		var found []Person
		for _, p := range k.People {
			if slices.ContainsFunc(append([]string{p.Name}, p.Aliases...), func(n string) bool { return Fold(n) == "Vladimir Putin" }) {
				found = append(found, p)
			}
		}
		if len(found) != 1 || found[0].ID != "person:vladimir-putin" || found[0].Source != "" {
			t.Errorf("got %+v, want the curated Vladimir Putin alone", found)
		}
	})

	t.Run("MinisterOnlyInTheDictionary", func(t *testing.T) {
		p, ok := k.Person("person:cesare-damiano") // Italy's labour minister, 2006-2008
		want := Role{Title: "Government official", Of: "country:italy", Since: "2006-06-01", Until: "2008-05-31", Sector: geokg.SectorGovernment}
		if !ok || p.Source != SourceDictionary || p.Country != "country:italy" || !slices.Contains(p.Roles, want) {
			t.Errorf("got %+v, want a dictionary person with role %+v", p, want)
		}
		if e, _ := k.Entity("person:cesare-damiano"); e.Kind != geokg.KindPerson {
			t.Errorf("entity: got %+v, want a person", e)
		}
	})

	t.Run("DictionaryBody", func(t *testing.T) {
		o, ok := k.Organization("org:assam-rifles")
		if !ok || o.Source != SourceDictionary || o.Country != "country:india" || o.Sector != geokg.SectorMilitary || o.Type != "agency" {
			t.Errorf("got %+v, want India's Assam Rifles, a military agency", o)
		}
	})

	t.Run("Counts", func(t *testing.T) {
		var verbs, patterns, people, bodies int
		for _, b := range k.Verbs.Blocks {
			verbs += len(b.Verbs)
			patterns += len(b.Patterns)
		}
		for _, p := range k.People {
			if p.Source == SourceDictionary {
				people++
			}
		}
		for _, o := range k.Organizations {
			if o.Source == SourceDictionary {
				bodies++
			}
		}
		for _, c := range []struct {
			what          string
			got, min, max int
		}{
			{"synsets", len(k.Verbs.Synsets), 35, 50},
			{"verb blocks", len(k.Verbs.Blocks), 350, 450},
			{"verbs", verbs, 1500, 2500},
			{"patterns", patterns, 4000, 5500},
			{"agents", len(k.Agents), 4000, 6000},
			{"dictionary people", people, 12000, 20000},
			{"dictionary bodies", bodies, 1500, 4000},
		} {
			if c.got < c.min || c.got > c.max {
				t.Errorf("%s: got %d, want %d to %d", c.what, c.got, c.min, c.max)
			}
		}
	})
}

// smallKB is a knowledge base with one country and the given generated
// dictionary files.
func smallKB(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"d/countries.yaml": {Data: []byte("- {id: country:x, name: X, iso3: XXX}\n")},
	}
	for _, f := range []string{"people", "organizations", "locations", "conflicts", "titles", "events"} {
		fsys["d/"+f+".yaml"] = &fstest.MapFile{Data: []byte("[]")}
	}
	for name, data := range files {
		fsys["d/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestDictionaryProblemsAreReported(t *testing.T) {
	for _, c := range []struct {
		name, file, data, want string
	}{
		{"UnknownField", actorsFile, `{"people": [{"id": "person:a-b", "name": "A B", "nickname": "C"}]}`, "nickname"},
		{"MalformedDate", actorsFile, `{"people": [{"id": "person:a-b", "name": "A B", "roles": [{"code": "XXXGOV", "of": "country:x", "sector": "government", "since": "2001-1-3"}]}]}`,
			`person:a-b: role Government official: malformed date "2001-1-3"`},
		{"DanglingRole", actorsFile, `{"people": [{"id": "person:a-b", "name": "A B", "roles": [{"code": "YYYGOV", "of": "country:y", "sector": "government"}]}]}`,
			`person:a-b: role Government official names unknown id "country:y"`},
		{"UnknownSector", actorsFile, `{"bodies": [{"id": "org:a", "name": "A", "type": "agency", "sector": "navy"}]}`, `org:a: unknown sector "navy"`},
		{"UnknownBodyType", actorsFile, `{"bodies": [{"id": "org:a", "name": "A", "type": "club"}]}`, `org:a: type "club"`},
		{"MalformedID", actorsFile, `{"people": [{"id": "person:A B", "name": "A B"}]}`, "person:A B: malformed id"},
		{"MalformedCode", verbsFile, `{"blocks": [{"name": "B", "code": "999", "verbs": [], "patterns": []}]}`, `verb block B: code "999" is not a CAMEO code`},
		{"UnknownSynset", verbsFile, `{"blocks": [{"name": "B", "code": "", "verbs": [], "patterns": [{"pre": [], "post": ["&NONE"], "code": "190"}]}]}`,
			"verb block B pattern 1: names unknown synset &NONE"},
		{"VerbWithoutItsLemma", verbsFile, `{"blocks": [{"name": "B", "code": "", "verbs": [{"lemma": "go", "forms": ["went"], "code": ""}], "patterns": []}]}`,
			`verb "go" must list its lemma`},
		{"AgentSector", agentsFile, `{"agents": [{"phrase": "navy", "code": "~NAV", "sector": "navy"}]}`, `agent "navy": unknown sector "navy"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadFS(smallKB(map[string]string{c.file: c.data}), "d")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestDictionaryActorsMerge(t *testing.T) {
	k, err := LoadFS(smallKB(map[string]string{actorsFile: `{
"people": [{"id": "person:a-b", "name": "A B", "country": "country:x", "roles": [
  {"code": "XXXMIL", "of": "country:x", "sector": "military", "since": "2001-02-03"},
  {"code": "XXXELI", "of": "country:x", "sector": "government"},
  {"code": "IGOUNO", "of": "org:u", "until": "1999-01-01"}]}],
"bodies": [{"id": "org:u", "name": "U", "type": "igo"}]}`}), "d")
	if err != nil {
		t.Fatal(err)
	}
	p, ok := k.Person("person:a-b")
	want := []Role{
		{Title: "Military officer", Of: "country:x", Since: "2001-02-03", Sector: geokg.SectorMilitary},
		{Title: "Political figure", Of: "country:x", Sector: geokg.SectorGovernment},
		{Title: "Official", Of: "org:u", Until: "1999-01-01"},
	}
	if !ok || p.Source != SourceDictionary || !slices.Equal(p.Roles, want) {
		t.Errorf("got %+v, want roles %+v from the dictionary", p, want)
	}
	if rs := k.Relations("person:a-b"); len(rs) != 3 || rs[0].Title != "Military officer" {
		t.Errorf("relations: got %+v", rs)
	}
	if o, ok := k.Organization("org:u"); !ok || o.Source != SourceDictionary || o.Type != "igo" {
		t.Errorf("got %+v, want the dictionary body", o)
	}
}

func TestRoleTitle(t *testing.T) {
	for _, c := range []struct {
		role DictionaryRole
		want string
	}{
		{DictionaryRole{Code: "RUSGOV", Sector: geokg.SectorGovernment}, "Government official"},
		{DictionaryRole{Code: "RUSGOVMED", Sector: geokg.SectorGovernment}, "Government official"},
		{DictionaryRole{Code: "AFGELI", Sector: geokg.SectorGovernment}, "Political figure"},
		{DictionaryRole{Code: "USAJUD", Sector: geokg.SectorJudiciary}, "Judge"},
		{DictionaryRole{Code: "IGOUNO"}, "Official"},
	} {
		if got := RoleTitle(c.role); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.role, got, c.want)
		}
	}
}
