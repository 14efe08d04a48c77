package main

import (
	"strings"
	"testing"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

const agentText = `# comment
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
CONGRESS!PERSON! [~LEG]
POLICE {} [~COP]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
SOLDIER [~MIL] # ab 22 Aug 2005
OFFICIAL_MEDIA {} [~GOVMED]
DOCTOR [~HLH]
INTERNATIONAL_TERRORIST [~IMG]
PEACEKEEPING_TROOPS {} [IGO~]
PROTESTER [~OPP]
DEPARMENT_OF_ENVIRONMENT [~ENV}
`

func TestAgentLines(t *testing.T) {
	rep := newReport()
	agents, err := parseAgents(strings.NewReader(agentText), "agents.txt", rep)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]kb.Agent{}
	for _, a := range agents {
		got[a.Phrase] = a
	}
	for _, c := range []struct {
		phrase string
		want   kb.Agent // zero when the phrase must be absent
	}{
		{"congressman", kb.Agent{Code: "~LEG", Sector: geokg.SectorLegislature}},
		{"congresswomen", kb.Agent{Code: "~LEG", Sector: geokg.SectorLegislature}},
		{"congressmans", kb.Agent{}}, // substitutions make no plurals
		{"police", kb.Agent{Code: "~COP", Sector: geokg.SectorPolice}},
		{"polices", kb.Agent{}}, // "{}" makes none
		{"chambers of commerce", kb.Agent{Code: "~BUS", Sector: geokg.SectorBusiness}},
		{"soldiers", kb.Agent{Code: "~MIL", Sector: geokg.SectorMilitary}},
		{"official media", kb.Agent{Code: "~GOVMED", Sector: geokg.SectorGovernment}}, // the first code counts
		{"doctor", kb.Agent{}},                                                        // no sector, neither state nor armed
		{"international terrorists", kb.Agent{Code: "~IMG"}},                          // armed, no sector
		{"peacekeeping troops", kb.Agent{Code: "IGO~"}},                               // armed words, no sector
		{"protesters", kb.Agent{Code: "~OPP", Sector: geokg.SectorProtesters}},        // by hand
		{"marchers", kb.Agent{Code: handCode, Sector: geokg.SectorProtesters}},        // added by hand
	} {
		a, ok := got[c.phrase]
		if c.want.Code == "" {
			if ok {
				t.Errorf("%q: got %+v, want none", c.phrase, a)
			}
			continue
		}
		if !ok || a.Code != c.want.Code || a.Sector != c.want.Sector {
			t.Errorf("%q: got %+v (found %v), want code %q sector %q", c.phrase, a, ok, c.want.Code, c.want.Sector)
		}
	}
	if len(rep.problems) != 1 || rep.problems[0].line != 12 {
		t.Errorf("got problems %v, want line 12's malformed code", rep.problems)
	}
}
