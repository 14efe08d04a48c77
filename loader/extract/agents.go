package extract

// Groups as actors: "Israeli soldiers", "Syria's army", "riot police in
// Cairo" act for a country, and the noun says which part of it (its
// military, its police). Event data codes them as the country plus a
// sector; so does the graph, on the participation.

import (
	"strings"

	"github.com/geokg/geokg"
)

// agentNouns name a group of people by what they are, with the sector of
// the country they belong to. Multi-word agents are matched as phrases.
var agentNouns = func() map[string]geokg.Sector {
	out := map[string]geokg.Sector{}
	add := func(sector geokg.Sector, words string) {
		for _, w := range strings.Split(words, ",") {
			if w = strings.TrimSpace(w); w != "" {
				out[w] = sector
			}
		}
	}
	add(geokg.SectorMilitary, `soldiers, soldier, troops, forces, army, armed forces, military, navy, air force,
		warplanes, jets, fighter jets, fighter planes, bombers, aircraft, warships, gunboats, helicopters,
		helicopter gunships, drones, artillery, tanks, marines, paratroopers, commandos, special forces,
		servicemen, destroyers, submarines, units, military units, ground forces, ground troops, naval forces,
		government forces, government troops, coalition forces, army units, officers, generals, junta, gunners,
		air defences, air defenses, defence forces, defense forces, artillery units, infantry, reservists,
		shells, artillery shells, tank shells, mortar shells, missiles, missile, cruise missiles, ballistic missiles,
		rockets, bombs, warplane, jet, fighter jet, drone, tank, warship, gunboat, helicopter, bomber`)
	add(geokg.SectorPolice, `police, policemen, police officers, riot police, security forces, gendarmes,
		border guards, border police, coast guard, paramilitary police, police units, anti-riot police`)
	add(geokg.SectorGovernment, `government, officials, authorities, diplomats, envoys, negotiators, ministers,
		ministry, foreign ministry, defence ministry, defense ministry, interior ministry, cabinet, regime,
		leaders, leadership, administration, delegation, state media, state television, spokesman, spokeswoman,
		embassy, embassies, consulate, consulates, mission, missions`)
	add(geokg.SectorIntelligence, `intelligence, intelligence services, intelligence officers, spies, secret police, security services`)
	add(geokg.SectorJudiciary, `court, courts, judges, prosecutors, judiciary`)
	add(geokg.SectorLegislature, `lawmakers, legislators, parliament, parliamentarians, deputies, senators, mps, congressmen`)
	add(geokg.SectorRebels, `rebels, rebel fighters, rebel forces, guerrillas, guerrilla fighters, separatists, separatist rebels,
		fighters, militia, militias, militiamen, gunmen, armed men`)
	add(geokg.SectorInsurgents, `insurgents, militants, jihadists, extremists, islamists, islamist militants, terrorists`)
	add(geokg.SectorOpposition, `opposition, opposition supporters, opposition activists, opposition parties, dissidents, activists`)
	add(geokg.SectorProtesters, `protesters, protestors, demonstrators, marchers, rioters, crowds, mobs`)
	add(geokg.SectorCivilians, `civilians, villagers, residents, citizens, students, people, voters, farmers, settlers,
		worshippers, pilgrims`)
	add(geokg.SectorLabour, `workers, strikers, unions, trade unions, miners, dockworkers`)
	add(geokg.SectorMedia, `journalists, reporters, media, newspapers, broadcasters`)
	add(geokg.SectorRefugees, `refugees, migrants, asylum seekers, displaced people`)
	add(geokg.SectorReligious, `clerics, monks, priests, imams, clergy`)
	add(geokg.SectorBusiness, `companies, businesses, banks, firms`)
	return out
}()

// agentModifiers may stand between a country's name and its agent noun:
// "Israeli riot police", "Syrian government forces", "Russian ground
// troops", "Ukrainian armed forces".
var agentModifiers = wordSet(`government pro-government opposition rebel armed special elite regular local
	federal national state security riot border naval air ground heavily well-armed masked uniformed
	plainclothes young hundreds thousands dozens several many some two three four five six seven eight
	nine ten of the`)

// matchAgents reads groups that act for a country: a demonym or a
// country's possessive before an agent noun ("Israeli soldiers", "Syria's
// army"), or an agent noun before "in" and a place ("riot police in
// Cairo"). The demonym becomes the group; a group placed by "in" is a new
// mention of the place's country, implied by the text rather than named.
func (st *article) matchAgents(s *sentence) {
	for i := 0; i < len(s.toks); i++ {
		ms := st.x.agents.matchesAt(s.toks, i)
		if len(ms) == 0 || s.covered(i) && !s.isModifierAt(i) {
			continue
		}
		m := ms[len(ms)-1]
		// "soldiers' families", "army chief", "military action": the
		// agent only qualifies the next noun.
		if m.end < len(s.toks) && (agentHeads[s.toks[m.end].lower] || !st.endsNounPhrase(s, m.end)) {
			i = m.end - 1
			continue
		}
		if q := st.agentQualifier(s, m.start); q != nil {
			// "American and British warships": each country before the
			// noun owns the group.
			for _, c := range st.coordinatedDemonyms(s, q) {
				c.demonym, c.modifier, c.sector = false, false, m.v
			}
			q.end, q.demonym, q.modifier, q.sector = m.end, false, false, m.v
			q.surface = s.text[s.toks[q.start].start:s.toks[m.end-1].end]
			s.cover = nil
			i = m.end - 1
			continue
		}
		// "British warships and submarines": a second noun joined to a
		// group belongs to it.
		if m.start >= 2 && (s.toks[m.start-1].lower == "and" || s.toks[m.start-1].lower == "or") {
			if g := s.mentionEndingAt(m.start - 1); g != nil && g.sector != "" {
				g.end = m.end
				g.surface = s.text[s.toks[g.start].start:s.toks[m.end-1].end]
				s.cover = nil
				i = m.end - 1
				continue
			}
		}
		country := st.placedIn(s, m.end)
		// "Riot police fired tear gas" in a report filed from Cairo: a
		// state's own forces and crowds, named without their country, are
		// those of the place the report comes from.
		if country == "" && domesticSectors[m.v] && !anyonesNouns[s.toks[m.end-1].lower] && !(weaponNouns[s.toks[m.end-1].lower] && !st.servedBy(s, m.start)) &&
			(m.start == 0 || !determiners[s.toks[m.start-1].lower] || s.toks[m.start-1].lower == "the") {
			country = st.datelineCountry()
		}
		if country != "" {
			g := st.addMention(s, nameRef{id: country, kind: geokg.KindCountry}, m.start, m.end, confCue)
			g.sector, g.implied = m.v, true
		}
		i = m.end - 1
	}
}

// agentHeads after an agent noun make it a modifier: "army chief", "police
// station", "government spokesman" (the spokesman is matched on its own).
var agentHeads = wordSet(`chief chiefs commander commanders spokesman spokeswoman station stations headquarters
	base bases official officials source sources families family member members leader leaders minister
	ministers statement statements position positions post posts convoy vehicle vehicles`)

// agentQualifier returns the country mention that says whose the agent
// noun at i is: a demonym or a possessive country right before it, with
// only modifiers between ("Israeli riot police", "Syria's army").
func (st *article) agentQualifier(s *sentence, i int) *mention {
	k := i - 1
	for k >= 0 && i-k <= 3 && agentModifiers[s.toks[k].lower] && !s.covered(k) {
		k--
	}
	if k >= 0 && s.toks[k].lower == "'s" {
		k--
	}
	if k < 0 {
		return nil
	}
	for _, m := range s.ments {
		// "Commonwealth leaders", "NATO warplanes", "Hamas gunmen": a
		// body's own people act for it as a state's do for the state.
		if m.end == k+1 && (m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization) && !m.nested && m.sector == "" {
			return m
		}
	}
	return nil
}

// placedIn returns the country of a place named right after token i by
// "in" ("riot police in Cairo", "protesters in Ukraine"), "" when none.
func (st *article) placedIn(s *sentence, i int) string {
	if i+1 >= len(s.toks) || s.toks[i].lower != "in" {
		return ""
	}
	m := s.topAt(i + 1)
	if m == nil {
		return ""
	}
	switch m.kind {
	case geokg.KindCountry:
		return m.id
	case geokg.KindLocation:
		if l, ok := st.x.kb.Location(m.id); ok {
			return l.Country
		}
	}
	return ""
}

// sectorOf returns the sector with which entity id takes part in the
// act whose words end at token from: that of the first group mention of id
// at or after it, or of the actor mention itself.
func (s *sentence) sectorOf(id string, from int) geokg.Sector {
	for _, m := range s.ments {
		if m.id == id && m.sector != "" && m.start >= from {
			return m.sector
		}
	}
	return ""
}

// domesticSectors are the groups a report names without their country
// when they are the country it is filed from: its police, soldiers,
// protesters.
var domesticSectors = map[geokg.Sector]bool{geokg.SectorMilitary: true, geokg.SectorPolice: true,
	geokg.SectorProtesters: true, geokg.SectorOpposition: true, geokg.SectorRebels: true,
	geokg.SectorCivilians: true, geokg.SectorLabour: true}

// weaponNouns name what was fired or flown, not who: "Israeli shells" are
// Israel's, but "rockets struck" in a report from Tel Aviv and "aircraft
// from the base" in one from Washington are not the dateline country's.
var weaponNouns = wordSet(`shells missiles missile rockets bombs warplane jet drone tank warship gunboat
	helicopter bomber aircraft warplanes jets drones tanks warships gunboats helicopters bombers destroyers
	submarines artillery gunships`)

// anyonesNouns name people of any country: the dateline does not make
// them its country's.
var anyonesNouns = wordSet("people residents citizens civilians voters villagers")

// datelineCountry returns the country of the place the article was filed
// from, "" when it has no dateline.
func (st *article) datelineCountry() string {
	for _, t := range st.sents {
		if t.para < 2 {
			continue
		}
		for _, m := range t.ments {
			if !m.dateline {
				continue
			}
			if m.kind == geokg.KindCountry {
				return m.id
			}
			if l, ok := st.x.kb.Location(m.id); ok {
				return l.Country
			}
			return ""
		}
		return ""
	}
	return ""
}

// nounPhraseEnders may follow the last noun of a phrase: punctuation,
// prepositions, conjunctions, auxiliaries and relative pronouns.
var nounPhraseEnders = wordSet(`of in on at to from by with for against into over near and or but who which that
	along across through during after before under around outside inside toward towards behind beyond amid
	among between onto upon via since until as than while when where whose whom loyal
	was were is are has have had will would could should may might must also then now later still did does
	not never already reportedly allegedly themselves out off away back down up`)

// endsNounPhrase reports whether the word at i can follow the head of a
// noun phrase: a function word, punctuation, or a verb ("police fired",
// "troops withdrew"), not another noun ("military vehicles").
func (st *article) endsNounPhrase(s *sentence, i int) bool {
	t := s.toks[i]
	if !t.isWord() || nounPhraseEnders[t.lower] || s.covered(i) && !s.isModifierAt(i) {
		return true
	}
	if strings.HasSuffix(t.lower, "ed") || irregularPast[t.lower] || lightVerbs[t.lower] ||
		len(st.x.triggers.matchesAt(s.toks, i)) > 0 {
		return true
	}
	if vs := st.x.verbs.forms[t.lower]; len(vs) > 0 {
		return true
	}
	return strings.HasSuffix(t.lower, "ly")
}

// coordinatedDemonyms returns the demonyms joined to q by "and" or commas
// before it: the "American" of "American and British warships".
func (st *article) coordinatedDemonyms(s *sentence, q *mention) []*mention {
	var out []*mention
	cur := q
	for {
		k := cur.start - 1
		if k < 1 || (s.toks[k].lower != "and" && s.toks[k].text != ",") {
			return out
		}
		prev := s.mentionEndingAt(k)
		if prev == nil || prev.kind != geokg.KindCountry || !prev.demonym || prev.sector != "" {
			return out
		}
		out = append(out, prev)
		cur = prev
	}
}

// servedBy reports whether a capitalised service name stands right before
// a weapon's noun: "Two Navy destroyers", "Air Force jets" are the home
// country's in a report filed there.
func (st *article) servedBy(s *sentence, i int) bool {
	if i == 0 {
		return false
	}
	t := s.toks[i-1]
	return t.isCap() && i-1 > 0 && st.x.agents.hasWord(t.lower)
}
