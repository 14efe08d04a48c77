package kb

import (
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
		{"people", len(k.People), 80},
		{"organizations", len(k.Organizations), 60},
		{"locations", len(k.Locations), 50},
		{"conflicts", len(k.Conflicts), 40},
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
