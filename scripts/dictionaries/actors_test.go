package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/loader/kb"
)

func TestActorDates(t *testing.T) {
	for _, c := range []struct {
		period       string
		since, until string
		bad          bool
	}{
		{"", "", "", false},
		{"991231-000101", "1999-12-31", "2000-01-01", false},
		{">080508", "2008-05-08", "", false},
		{"<290101", "", "2029-01-01", false},
		{">300101", "1930-01-01", "", false},
		{"19270101-730717", "1927-01-01", "1973-07-17", false},
		{"9008223-911221", "", "", true},    // seven digits
		{"20121204", "", "", true},          // neither <, > nor a range
		{"20121207-20120802", "", "", true}, // ends before it starts
		{"990231-991231", "", "", true},     // no 31 February
	} {
		var code actorCode
		err := code.readPeriod(c.period)
		if (err != nil) != c.bad || !c.bad && (code.since != c.since || code.until != c.until) {
			t.Errorf("%q: got %q-%q, %v; want %q-%q, error %v", c.period, code.since, code.until, err, c.since, c.until, c.bad)
		}
	}
}

const actorText = `# heading
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_

# National Institutions
AFGHAN_NATIONAL_SECURITY_FORCES
+ANSF
	[AFGMIL]
HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
+PRESIDENT_KARZAI_
+HAMID_KARZAY_
	[AFGELI 750101-000101]
	[AFGGOV >011222]
	[AFGELI]
JAMES_BYRNES_  # CountryInfo.txt
	[USAELI 18970101-450703]
	[USAGOV 450703-470121]
IVAN_TESTOV_  # CountryInfo.txt
IVAN_PETROVICH_TESTOV
	[RUSGOV 941014-021110]
AFGHAN_ARMY_ [AFGMIL]
ANN_VENEMAN_	[USAGOV 010120-050120] [IGOUNOKID >050501]# NGO_Actors
`

func TestActorEntries(t *testing.T) {
	rep := newReport()
	entries, err := parseActors(strings.NewReader(actorText), actorSources[0], rep)
	if err != nil || len(rep.problems) > 0 {
		t.Fatalf("got %v, problems %v", err, rep.problems)
	}
	k, err := loadCurated("../../loader/kb/data")
	if err != nil {
		t.Fatal(err)
	}
	c := newConverter(k, []kb.Agent{{Phrase: "army", Code: "~MIL"}}, rep)
	people, bodies := c.convert(entries)
	byName := map[string]kb.DictionaryActor{}
	for _, a := range append(people, bodies...) {
		byName[a.Name] = a
	}
	t.Run("CountryEntryIsSkipped", func(t *testing.T) {
		if _, ok := byName["Afghanistan"]; ok || c.counts.get("skipped: the name of a country") != 1 {
			t.Errorf("got %v, want the country entry skipped", byName["Afghanistan"])
		}
	})
	t.Run("BodyWithAcronym", func(t *testing.T) {
		b := byName["Afghan National Security Forces"]
		if b.ID != "org:afghan-national-security-forces" || b.Country != "country:afghanistan" || b.Sector != "military" ||
			b.Type != "agency" || !slices.Equal(b.Aliases, []string{"ANSF"}) {
			t.Errorf("got %+v", b)
		}
	})
	t.Run("GenericBodyIsCountryAndSector", func(t *testing.T) {
		if b, ok := byName["Afghan Army"]; ok {
			t.Errorf("got %+v, want AFGHAN_ARMY left to the extractor's country and sector", b)
		}
	})
	t.Run("CuratedPersonWins", func(t *testing.T) {
		if p, ok := byName["Hamid Karzai"]; ok {
			t.Errorf("got %+v, want the curated Hamid Karzai only", p)
		}
	})
	t.Run("OutOfPeriod", func(t *testing.T) {
		if p, ok := byName["James Byrnes"]; ok {
			t.Errorf("got %+v, want James Byrnes (until 1947) dropped", p)
		}
	})
	t.Run("SynonymWithoutPlusJoinsItsEntry", func(t *testing.T) {
		p := byName["Ivan Testov"]
		if !slices.Equal(p.Aliases, []string{"Ivan Petrovich Testov"}) || len(p.Roles) != 1 || p.Roles[0].Until != "2002-11-10" {
			t.Errorf("got %+v, want one entry with the alias and the codes after it", p)
		}
	})
	t.Run("InternationalRoleResolvesToTheOrganization", func(t *testing.T) {
		p := byName["Ann Veneman"]
		want := []kb.DictionaryRole{
			{Code: "USAGOV", Of: "country:united-states", Sector: "government", Since: "2001-01-20", Until: "2005-01-20"},
			{Code: "IGOUNOKID", Of: "org:unicef", Since: "2005-05-01"},
		}
		if p.Country != "country:united-states" || !slices.Equal(p.Roles, want) {
			t.Errorf("got %+v, want roles %+v", p, want)
		}
	})
}

func TestNames(t *testing.T) {
	for in, want := range map[string]string{
		"VLADIMIR PUTIN":            "Vladimir Putin",
		"BASHAR AL-ASSAD":           "Bashar al-Assad",
		"OSAMA BIN LADEN":           "Osama bin Laden",
		"CHARLES DE GAULLE":         "Charles de Gaulle",
		"HERMAN VAN ROMPUY":         "Herman van Rompuy",
		"URSULA VON DER LEYEN":      "Ursula von der Leyen",
		"FAUSTO ORTIZ DE LA CADENA": "Fausto Ortiz de la Cadena",
		"JOHN MCCAIN":               "John McCain",
		"MIGUEL D'ESCOTO BROCKMANN": "Miguel D'Escoto Brockmann",
		"B. LYNN PASCOE":            "B. Lynn Pascoe",
		"ELIZABETH II":              "Elizabeth II",
		"AL GORE":                   "Al Gore",
	} {
		if got := personName(in); got != want {
			t.Errorf("personName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"AFGHAN NATIONAL SECURITY FORCES":    "Afghan National Security Forces",
		"U.N. SECURITY COUNCIL":              "U.N. Security Council",
		"OFFICE OF THE HIGH COMMISSIONER":    "Office of the High Commissioner",
		"UNHCR":                              "UNHCR",
		"WOMEN'S FEDERATION FOR WORLD PEACE": "Women's Federation for World Peace",
		"ABU NIDAL ORGANIZATION":             "Abu Nidal Organization",
	} {
		if got := bodyName(in); got != want {
			t.Errorf("bodyName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRelatedNames(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"BOUTROS BOUTROS GHALI", "BOUTROS BOUTROS-GHALI", true},
		{"MUHAMMAD AL-BARADEI", "MOHAMED ELBARADEI", true},
		{"AHMED YASSIN", "SAMI ABU ZUHRI", false},
		{"HAMID KARZAI", "HAMID KARZAY", true},
	} {
		if got := relatedNames(c.a, c.b); got != c.want {
			t.Errorf("relatedNames(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
