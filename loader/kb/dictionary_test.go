package kb

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/geokg/geokg"
)

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
