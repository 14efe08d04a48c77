package extract

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// codeEvents codes the events of one sentence. For each trigger the actor is
// the nearest person before it (else the nearest country or organization);
// the targets are the first group of entities right after it; the event is
// about every conflict the sentence names, where its location is named, and
// dated by the sentence's date expression or else the publication date.
// Triggers of one type with one actor and date in one sentence make one
// event, unless each names targets of its own ("urged Israel to stop and
// called on Hezbollah to halt" are two appeals).
func (st *article) codeEvents(s *sentence) {
	// "Will ECOWAS really send troops?": a question reports nothing.
	if n := len(s.toks); n > 0 && (s.toks[n-1].text == "?" || n > 1 && s.toks[n-1].text == `"` && s.toks[n-2].text == "?") {
		return
	}
	type key struct{ typ, actor, date string }
	seen := map[key]int{} // index into st.events
	var about []string
	location, locAfterIn := "", false
	for _, m := range s.ments {
		if m.kind == geokg.KindConflict {
			about = appendUniq(about, m.id)
		}
		// Where it happened: a place after "in" or "at" beats one named
		// otherwise ("relations between Washington and Moscow").
		if m.kind == geokg.KindLocation && !m.nested && (location == "" || (!locAfterIn && s.after(m, "in", "at"))) {
			location, locAfterIn = m.id, s.after(m, "in", "at")
		}
	}
	// A date right after a conflict's name dates the conflict, not the
	// event: "accusations of a Syrian gas attack last week" were made today.
	skipDates := s.datesConflict()
	date := sentenceDateSkipping(s.toks, st.ref, skipDates)
	ownDate := date != ""
	switch {
	case date != "":
		st.lastDate, st.lastDated = date, s
	case st.lastDate != "" && (s.sameDay() || st.continues(s)):
		// "Cameron rejected the call the same day": the day of the act
		// the sentence before dated. So too a sentence that goes on with
		// the occasion of the one before it in its paragraph ("Obama held
		// talks with Rousseff on Saturday. He praised Brazil as ...").
		date = st.lastDate
	case !st.ref.IsZero():
		date = st.ref.Format(time.DateOnly)
	}
	sidesEnd := st.betweenEvent(s, date, location, about)
	prevEnd := -1 // where the previous trigger ended
	// The actor (and its coordinated fellows) of the sentence's previous
	// trigger, which a verb joined to it by "and" shares: "Fox criticised
	// Washington's decision and called for ...".
	var prevActor *mention
	var prevActors []string
	for i := 0; i < len(s.toks); i++ {
		a, ok := st.actAt(s, i)
		if !ok || s.covered(i) && !s.isModifierAt(i) {
			continue
		}
		tr := match[*kb.EventType]{start: a.start, end: a.end, v: a.et}
		et := a.et
		if sidesEnd >= 0 && i >= sidesEnd && i <= sidesEnd+3 && placeTargets[et.Type] {
			continue
		}
		// A one-word trigger after a determiner is a noun ("rejected the
		// demands"), not the act.
		if tr.end-tr.start == 1 && i > 0 && determiners[s.toks[i-1].lower] {
			continue
		}
		// A trigger right after another one (or after it and a
		// determiner) is what the first acts on: "rejected calls for a
		// truce" is no appeal, "denied the accusations of" no accusation.
		clauseStart := max(prevEnd, 0)
		objectOfPrevious := prevEnd >= 0 && (i == prevEnd || (i == prevEnd+1 && (determiners[s.toks[prevEnd].lower] || quantifiers[s.toks[prevEnd].lower])) ||
			(i == prevEnd+2 && determiners[s.toks[prevEnd].lower] && quantifiers[s.toks[prevEnd+1].lower]))
		prevEnd = tr.end
		if objectOfPrevious {
			i = tr.end - 1
			continue
		}
		if !st.happened(s, a) {
			i = tr.end - 1
			continue
		}
		alive := func(m *mention) bool { return !st.endedBefore(m.id, date) }
		// "Gadhafi Killed Near Sirte": a headline drops the auxiliary of
		// its passives; the name before the participle underwent the act.
		if s.para <= 1 && s.headlinePassive(a) {
			if agent := s.agentAfter(tr.end, alive); agent != nil {
				if patient := s.actorBefore(i, alive); patient != nil && patient.id != agent.id {
					st.passiveEvent(s, et, agent, patient, date, location, about)
				}
			}
			i = tr.end - 1
			continue
		}
		// "the Bosnian Serbs had been warned": the subject underwent the
		// act, and who did it is named after "by" or not at all.
		if s.passiveAt(i) {
			// A dictionary pattern reads an active verb's object: "is
			// wanted by the ICC on charges from the war" is no war.
			if agent := s.agentAfter(tr.end, alive); agent != nil && !a.fromPattern {
				if patient := s.actorBefore(i, alive); patient != nil && patient.id != agent.id {
					st.passiveEvent(s, et, agent, patient, date, location, about)
				}
			}
			i = tr.end - 1
			continue
		}
		actor := s.actorBefore(i, alive)
		// "the downing of flight MH17, which killed 38": the act is the
		// noun's the relative pronoun takes up, and a name only acts when
		// it is that noun ("Hezbollah, which fired rockets").
		if rel, ok := s.relativeSubject(i, alive); ok {
			if rel == nil {
				i = tr.end - 1
				continue
			}
			actor = rel
		}
		var actors []string
		// Quoted words are the speaker's: '"We reject this," Lavrov said'.
		if speaker := s.quoteSpeaker(i); speaker != nil {
			// '"Wagner took Bakhmut for Russia," Lindqvist said': a quote
			// that names another side's act reports it; one about the
			// speaker's own side is the speaker's.
			if actor == nil || !s.inQuote(actor.start) || st.countryOf(actor.id) == st.countryOf(speaker.id) {
				actor = speaker
			}
		} else if shared := s.sharedSubject(i, prevActor, alive); shared != nil {
			actor = shared
			if shared == prevActor {
				actors = prevActors
			}
		} else if ref := st.pronounSubject(s, i, alive); ref != nil {
			actor = ref
		} else if ref := st.itSubject(s, i, alive); ref != nil {
			actor = ref
		} else if ref := st.joinedPronounSubject(s, i, alive); ref != nil {
			actor = ref
		} else if sp := st.reportingOfficial(s, actor, date, alive); sp != nil {
			actor = sp
		} else if actor != nil {
			actors = s.coordinated(actor, alive)
		}
		if actor == nil {
			continue
		}
		// "thousands of protesters gathered", "supporters stormed the
		// residence": a crowd's act is a protest; the same verb of
		// anyone else is none ("leaders gathered in Brussels").
		if a.crowd && !crowdSectors[actor.sector] {
			continue
		}
		if crowdSectors[actor.sector] && actor.sector != geokg.SectorCivilians && violentTypes[et.Type] {
			if p := st.x.eventType("PROTEST"); p != nil {
				et, a.code, a.crowd = p, "145", true
			}
		}
		prevActor, prevActors = actor, actors
		isTrigger := func(k int) bool { return len(st.x.triggers.matchesAt(s.toks, k)) > 0 || lightVerbs[s.toks[k].lower] }
		targets := s.targetsAfter(tr.end, actor.id, alive, isTrigger, placeTargets[et.Type])
		// A dictionary pattern's words come before its target: "launched
		// air strikes | on Idlib".
		if a.patternEnd > tr.end {
			if after := s.targetsAfter(a.patternEnd, actor.id, alive, isTrigger, placeTargets[et.Type]); len(after) > 0 || a.reported {
				targets = after
			}
		}
		// A verb the dictionary codes is done to its object, not to what
		// the object is about.
		if a.block != "" && len(targets) > 0 {
			if m, ok := s.mentionByID(targets[0]); ok && s.inTopicPhrase(max(tr.end, a.patternEnd), m) {
				targets = nil
			}
		}
		if a.judgement {
			targets = st.judgedTarget(s, a, actor.id, alive)
		}
		switch {
		case a.code == "129":
			// "vetoed a draft resolution at the UN Security Council":
			// the veto is cast in the body, which is what it rejects.
			targets = s.bodyAfter(tr.end)
		case geokg.QuadClassOf(et.CAMEO) <= geokg.QuadMaterialCooperation && s.actNounBefore(tr.end, targets):
			// "supports military action against Libya": Libya is the
			// target of the action supported, not of the support.
			targets = nil
		case reactions[et.Type] && et.Type != "ACCUSE" && s.reactedActBefore(tr.end, targets):
			// "condemned the killing of Najibullah": Najibullah underwent
			// the killing; the condemnation is of whoever killed him.
			targets = st.reactionTarget(s, tr.end, actor.id)
		}
		// "pulled out of southern Lebanon", "resigned": a withdrawal is
		// done to no one, a surrender to whom it is made ("surrendered to
		// American troops").
		if et.Type == "YIELD" && len(targets) > 0 && !s.toBefore(tr.end, targets[0]) && !strings.HasPrefix(a.code, "084") && !strings.HasPrefix(a.code, "085") && !strings.HasPrefix(a.code, "081") && !strings.HasPrefix(a.code, "083") && a.code != "080" {
			targets = nil
		}
		// "called on Romanians", "urged the demonstrators to go home": an
		// appeal to a people or a crowd has no target.
		if et.Type == "APPEAL" {
			targets = s.withoutPeoples(targets, tr.end)
		}
		// "Israel began bombing Iran's sites", "Turkish F-16s shot down
		// a Russian bomber": bombing by a state's forces is conventional
		// force (195), not the militant's bombing CAMEO puts under 183.
		if et.Type == "ASSAULT" && strings.HasPrefix(a.code, "183") && actor.kind == geokg.KindCountry &&
			(actor.sector == "" || actor.sector == geokg.SectorMilitary) {
			if f := st.x.eventType("FIGHT"); f != nil {
				et, a.code = f, "190"
				if strings.Contains(s.toks[a.head].lower, "bomb") {
					a.code = "195"
				}
			}
		}
		// "refused to meet him", "threatened to strike Iran", "offered
		// to mediate between": the act the infinitive names says whom.
		objEnd := tr.end
		if len(targets) == 0 && infinitiveTakers[et.Type] {
			// "agreed on Sunday to lend Greece": a time phrase may stand
			// before the infinitive.
			to := tr.end
			for to < len(s.toks) && to < tr.end+4 && s.toks[to].lower != "to" && s.toks[to].text != "," && !s.covered(to) {
				to++
			}
			if to+1 < len(s.toks) && s.toks[to].lower == "to" {
				objEnd = to + 2
				places := false
				if inner, ok := st.actAt(s, to+1); ok {
					objEnd, places = inner.end, placeTargets[inner.et.Type]
				}
				targets = s.targetsAfter(objEnd, actor.id, alive, isTrigger, places)
			}
		}
		// "called off the visit to Turkey", "called off joint military
		// exercises with Israel": calling off cooperation reduces
		// relations; calling off a strike or an offensive yields.
		if et.Type == "YIELD" && s.cancelsCooperation(tr.end) {
			if r := st.x.eventType("REDUCE_RELATIONS"); r != nil {
				et, a.code = r, "160"
			}
		}
		// "He later called on Prime Minister Modi." is a visit; "called on
		// Modi to act" an appeal.
		if et.Type == "APPEAL" && s.toks[tr.end-1].lower == "on" && len(targets) > 0 && !s.toAfter(tr.end) {
			if c := st.x.eventType("CONSULT"); c != nil {
				et, a.code = c, ""
			}
		}
		// "Tokyo protested to Beijing", "Pakistan protested the strikes":
		// a state's protest is an official complaint (CAMEO 114), not a
		// demonstration.
		if et.Type == "PROTEST" && st.officialActor(actor) {
			if d := st.x.eventType("DISAPPROVE"); d != nil {
				et, a.code = d, "114"
			}
		}
		// "Trump and Putin met", "Kibaki and his rival Odinga signed an
		// agreement": in an act between two sides the first named acts
		// toward the others.
		if mutualTypes[et.Type] && len(targets) == 0 && len(actors) > 0 && (et.Type != "FIGHT" || reciprocalVerbs[s.toks[a.head].lower]) {
			first, _ := s.mentionByID(actors[0])
			targets = append(actors[1:], actor.id)
			actor, actors = first, nil
		}
		conf := confEvent
		evAbout := about
		evLocation := location
		if len(targets) == 0 && et.Type == "REJECT" && a.code != "129" && s.hasAnaphor() {
			if prev := st.lastAccusation(); prev != nil {
				targets = st.accusers(prev)
				if len(evAbout) == 0 {
					evAbout = prev.About
				}
				conf = confAnaphora
			}
		}
		// "Russia condemned the strike", "welcomed the withdrawal", "called
		// the sanctions unjust": done to whoever did the act named.
		if len(targets) == 0 && reactions[et.Type] && a.code != "129" {
			if ids := st.reactionTarget(s, objEnd, actor.id); len(ids) > 0 {
				targets, conf = ids, confAnaphora
			} else if s.hasAttackAnaphor(objEnd) {
				if prev := st.lastForce(); prev != nil {
					targets = prev.IDsWithRole(geokg.RoleActor)
					conf = confAnaphora
				}
			}
		}
		if a.crowd && len(targets) == 0 {
			targets = s.protestTarget(tr.end, alive)
		}
		// "urged both governments to resolve it", "praised both men":
		// the two sides the article has just named.
		if len(targets) == 0 {
			targets = st.bothSides(s, tr.end, actor.id)
		}
		// "signed a declaration of principles with Mahmoud Abbas": the
		// other side of an act done together follows "with", however
		// long the object before it.
		if len(targets) == 0 && withTakers[et.Type] {
			targets = s.withTarget(tr.end, actor.id, alive)
		}
		// "recalled its ambassador from Paris", "protested to Washington":
		// a capital after the verb stands for its government, whatever
		// word brings it in.
		if len(targets) == 0 && !placeTargets[et.Type] {
			for _, id := range s.targetsAfter(tr.end, actor.id, alive, isTrigger, true) {
				// "held talks in Addis Ababa", "near Kyiv": where, not whom.
				if m, ok := s.mentionByID(id); ok && m.start > 0 && wherePrepositions[s.toks[m.start-1].lower] {
					continue
				}
				if country, ok := st.x.seatOf[id]; ok && country != actor.id {
					targets = appendUniq(targets, country)
					if evLocation == id {
						evLocation = "" // the ambassador left it; the act was not there
					}
				}
			}
		}
		// "Blair backed it", "condemned it": the use of force just reported.
		if len(targets) == 0 && reactions[et.Type] && tr.end < len(s.toks) && s.toks[tr.end].lower == "it" {
			if prev := st.lastForce(); prev != nil {
				targets = prev.IDsWithRole(geokg.RoleActor)
				conf = confAnaphora
			}
		}
		// "telephoned Sharif and urged him": the person last named.
		if len(targets) == 0 && objEnd < len(s.toks) && objectPronouns[s.toks[objEnd].lower] {
			if p := st.personBefore(s, objEnd, actor.id, alive); p != "" {
				targets = []string{p}
				conf = confAnaphora
			}
		}
		// "Thai troops opened fire on marchers": a state's force against
		// its own people is repression (175), not war.
		if (et.Type == "FIGHT" || et.Type == "ASSAULT") && len(targets) > 0 && actor.kind == geokg.KindCountry &&
			!armedSectors[s.sectorOf(targets[0], tr.end)] &&
			(len(targets) == 1 && targets[0] == st.countryOf(actor.id) || s.sectorOf(targets[0], tr.end) == geokg.SectorProtesters) {
			// So is any state's force against a crowd of protesters
			// ("Pakistani soldiers opened fire on Somali demonstrators").
			if c := st.x.eventType("COERCE"); c != nil {
				et, a.code = c, "175"
			}
		}
		// "fired missiles at Sheikh Ahmed Yassin", "found him and killed
		// him": force aimed at one named person is his assassination
		// (186), not a battle.
		if et.Type == "FIGHT" && len(targets) > 0 && allPeople(st, targets) {
			if as := st.x.eventType("ASSAULT"); as != nil {
				et, a.code = as, "186"
			}
		}
		// "pledged US support": the actor's own country, named as whose
		// the help is, is not whom it is given to.
		targets = st.withoutOwnCountry(s, actor.id, cmp.Or(a.code, et.Code), targets)
		// "drove protesters out of Pearl Roundabout, firing tear gas":
		// repression is of the crowd the sentence names.
		if len(targets) == 0 && a.code == "175" {
			for _, m := range s.ments {
				if m.sector == geokg.SectorProtesters || m.sector == geokg.SectorCivilians || m.sector == geokg.SectorOpposition {
					targets = []string{m.id}
					break
				}
			}
		}
		// A curfew, a state of emergency, martial law: imposed on no one
		// in particular.
		onNoOne := et.Type == "COERCE" && (a.code == "1723" || a.code == "1724")
		// A verb the dictionary alone codes needs whom it was done to, as
		// the field's coders need a source and a target: "left for
		// Lithuania" is no visit. Withdrawals, protests and shows of
		// force are done to no one.
		if len(targets) == 0 && a.block != "" && !targetlessRoots[et.CAMEO] && !onNoOne {
			continue
		}
		// "Netanyahu condemned the agreement", "the Rio Group condemned
		// the interruption of constitutional order": a verb of criticism
		// reports the criticism even when its object names no one.
		if len(targets) == 0 && et.NeedsTarget() && !onNoOne && !(et.Type == "DISAPPROVE" && a.block == "" && !a.judgement && !a.light) {
			continue
		}
		evDate := date
		// "Koštunica on Sunday accused Washington ..., and Serbia recalled
		// its ambassador on Monday": each act takes the date of its own
		// clause when the sentence gives more than one.
		if ownDate {
			if d := st.clauseDate(s, clauseStart, i, tr.end, skipDates); d != "" {
				evDate = d
			}
		}
		if days, ok := s.offsetDays(i); ok {
			evDate = shiftDay(evDate, days)
		}
		if k, ok := seen[key{et.Type, actor.id, evDate}]; ok && (len(targets) == 0 || len(st.events[k].IDsWithRole(geokg.RoleTarget)) == 0 || overlaps(targets, st.events[k].IDsWithRole(geokg.RoleTarget))) {
			for _, t := range targets {
				addParticipant(&st.events[k], t, geokg.RoleTarget)
			}
			i = tr.end - 1
			continue
		}
		ev := geokg.Event{Type: et.Type, CAMEO: et.CAMEO, Code: a.code, Date: evDate, Location: evLocation, Confidence: conf,
			About: append([]string{}, evAbout...), Evidence: []geokg.Evidence{*st.evidence(s)}}
		addParticipant(&ev, actor.id, geokg.RoleActor)
		ev.Participants[0].Sector = actor.sector
		for _, a := range actors {
			addParticipant(&ev, a, geokg.RoleActor)
			ev.Participants[len(ev.Participants)-1].Sector = s.sectorOf(a, 0)
		}
		for _, t := range targets {
			addParticipant(&ev, t, geokg.RoleTarget)
			ev.Participants[len(ev.Participants)-1].Sector = s.sectorOf(t, tr.end)
		}
		if len(ev.About) == 0 && conflictual[et.Type] {
			if c := st.conflictBetween(ev); c != nil {
				ev.About = []string{c.ID}
				m := st.addMention(s, nameRef{id: c.ID, kind: geokg.KindConflict}, i, tr.end, confAnaphora)
				m.viaCue = true
			}
		}
		st.events = append(st.events, ev)
		seen[key{et.Type, actor.id, evDate}] = len(st.events) - 1
		if st.x.traceAct != nil {
			st.x.traceAct(s, a, ev)
		}
		i = tr.end - 1
		// What a speaker promised ("would strike back") is the
		// promise's content, not a second act.
		if a.reported {
			i = max(i, a.patternEnd-1)
		}
		i = max(i, a.skipTo-1)
	}
}

// addParticipant adds id in role unless it takes part in that role
// already; one country may be both actor and target ("riot police fired
// tear gas at students").
func addParticipant(ev *geokg.Event, id string, role geokg.ParticipantRole) {
	for _, p := range ev.Participants {
		if p.ID == id && p.Role == role {
			return
		}
	}
	ev.Participants = append(ev.Participants, geokg.Participant{ID: id, Role: role})
}

// endedBefore reports whether entity id (a historical state) had ceased to
// exist before date: the Soviet Union in "a nerve agent developed in the
// Soviet Union" of a 2018 article is no party to a 2018 event.
func (st *article) endedBefore(id, date string) bool {
	e, ok := st.entity(id)
	return ok && e.End != "" && date != "" && e.End < date[:min(len(date), len(e.End))]
}

// officialActor reports whether an actor acts for a state as such: a
// country not named by a group of its people, or a person holding an
// office.
func (st *article) officialActor(m *mention) bool {
	switch m.kind {
	case geokg.KindCountry:
		return m.sector == "" || m.sector == geokg.SectorGovernment
	case geokg.KindPerson:
		return st.speaksFor(m.id) != m.id
	}
	return false
}

// mutualTypes are the acts done between two sides: meeting, signing,
// agreeing, clashing.
var mutualTypes = map[string]bool{"CONSULT": true, "DIPLOMATIC_COOPERATION": true, "INTENT_TO_COOPERATE": true, "FIGHT": true}

// violentTypes are force; done by a crowd of protesters they are a
// violent protest (145).
var violentTypes = map[string]bool{"FIGHT": true, "ASSAULT": true, "MASS_VIOLENCE": true}

// armedSectors fight: force against them is war, not repression.
var armedSectors = map[geokg.Sector]bool{geokg.SectorMilitary: true, geokg.SectorRebels: true, geokg.SectorInsurgents: true}

// reciprocalVerbs are the force verbs two sides do to each other:
// "Armenia and Azerbaijan clashed"; "Canberra and Wellington retaliate"
// act together against a third.
var reciprocalVerbs = wordSet(`clashed clash clashes fought fight fights battled battle battles skirmished
	exchanged exchange exchanges`)

// targetlessRoots are the CAMEO roots whose acts often have no target:
// yielding (a withdrawal, a resignation), protest and shows of force.
var targetlessRoots = map[string]bool{"08": true, "14": true, "15": true}

// allPeople reports whether every id is a person.
func allPeople(st *article, ids []string) bool {
	for _, id := range ids {
		if e, ok := st.entity(id); !ok || e.Kind != geokg.KindPerson {
			return false
		}
	}
	return true
}

// infinitiveTakers are the types whose act can be written as a verb and
// the infinitive of another: "refused to meet", "threatened to strike",
// "offered to mediate".
var infinitiveTakers = map[string]bool{"REJECT": true, "THREATEN": true, "INTENT_TO_COOPERATE": true}

// conflictual are the event types that, between opposing parties of a
// conflict under way, are about that conflict.
var conflictual = map[string]bool{"CONSULT": true, "ACCUSE": true, "DISAPPROVE": true, "THREATEN": true,
	"REDUCE_RELATIONS": true, "COERCE": true, "ASSAULT": true, "FIGHT": true, "MASS_VIOLENCE": true}

// conflictBetween returns the knowledge-base conflict an event's actor and
// target sides fight on opposite sides of at the event's date ("Russian
// forces invaded Ukraine" in February 2022 is the invasion of Ukraine), the
// most specific one (latest start, then shortest) when several fit.
func (st *article) conflictBetween(ev geokg.Event) *kb.Conflict {
	if ev.Date == "" {
		return nil
	}
	parties := func(role geokg.ParticipantRole) []string {
		var out []string
		for _, id := range ev.IDsWithRole(role) {
			out = appendUniq(out, id)
			out = appendUniq(out, st.countryOf(id))
		}
		return out
	}
	actors, targets := parties(geokg.RoleActor), parties(geokg.RoleTarget)
	var best *kb.Conflict
	for _, a := range actors {
		for _, c := range st.x.byParty[a] {
			if (best != nil && !moreSpecific(c, best)) || !inferable[c.Type] || !st.placeFits(c, ev) {
				continue
			}
			sa := side(c, a)
			opposed := false
			for _, t := range targets {
				if st2 := side(c, t); st2 != "" && st2 != sa {
					opposed = true
				}
			}
			if opposed && dateFit(c, ev.Date) == 3 {
				best = c
			}
		}
	}
	return best
}

// inferable are the conflict types an event between their parties can be
// about without naming them; an election interference or a coup is only
// linked when named.
var inferable = map[string]bool{"war": true, "civil-war": true, "intervention": true, "attack": true,
	"annexation": true, "genocide": true, "uprising": true, "battle": true, "massacre": true}

// placeFits reports whether a conflict fought in one place (a siege, a
// massacre) fits the event: only when the event happened there.
//
// A conflict fought in a country fits when a participant is that country
// or the event happened there: the US and Russia back opposite sides in
// Syria, but their quarrel over Crimea is not about the Syrian war.
func (st *article) placeFits(c *kb.Conflict, ev geokg.Event) bool {
	if l, isPlace := st.x.kb.Location(c.Location); isPlace {
		if ev.Location == c.Location {
			return true
		}
		if l.Type != "region" {
			return false
		}
	}
	where := c.Location
	if l, ok := st.x.kb.Location(where); ok {
		where = l.Country
	}
	if where == "" {
		return true
	}
	if l, ok := st.x.kb.Location(ev.Location); ok && l.Country == where {
		return true
	}
	for _, p := range ev.Participants {
		if p.ID == where || st.countryOf(p.ID) == where {
			return true
		}
	}
	return false
}

func side(c *kb.Conflict, id string) string {
	for _, s := range c.Sides {
		if s.ID == id {
			return s.Side
		}
	}
	return ""
}

// moreSpecific reports whether a is narrower than b: it began later, or
// began together and ended sooner.
func moreSpecific(a, b *kb.Conflict) bool {
	if a.Start != b.Start {
		return a.Start > b.Start
	}
	ae, be := a.End, b.End
	if ae == "" {
		ae = "9999"
	}
	if be == "" {
		be = "9999"
	}
	return ae < be
}

// countryOf returns the country an entity speaks or stands for: a
// person's office held in the article, else their nationality.
func (st *article) countryOf(id string) string {
	if c := st.speaksFor(id); c != id {
		return c
	}
	if p, ok := st.x.kb.Person(id); ok && p.Country != "" {
		return p.Country
	}
	return id
}

// after reports whether the word before m is one of words.
// An article between them is skipped ("at the Kremlin").
func (s *sentence) after(m *mention, words ...string) bool {
	i := m.start - 1
	if i > 0 && s.toks[i].lower == "the" {
		i--
	}
	return i >= 0 && slices.Contains(words, s.toks[i].lower)
}

// mergeEvents joins events of one article that report the same thing: same
// type and actors, overlapping (or missing) targets, and the same or no
// topic — a headline and the paragraph that tells it. A headline's event
// that the body tells otherwise (another actor or target for an act of
// the same type) is the headline's shorthand and is dropped: the body's
// reading is the careful one. Then it assigns ids.
func (st *article) mergeEvents() {
	var out []geokg.Event
	bodyTypes := map[string]bool{}
	for _, ev := range st.events {
		if !st.headlineOnly(ev) {
			bodyTypes[ev.Type] = true
			// "Israel Kills Hamas Founder" over a body that codes the
			// killing as an assassination: one use of force, told twice.
			if placeTargets[ev.Type] {
				for t := range placeTargets {
					bodyTypes[t] = true
				}
			}
		}
	}
	for _, ev := range st.events {
		merged := false
		for k := range out {
			// Events are large: compared in place, and by type first.
			if out[k].Type == ev.Type && sameEvent(&out[k], &ev) {
				o := &out[k]
				// A headline is dated by publication; the body says
				// when it happened.
				if st.headlineOnly(*o) && !st.headlineOnly(ev) && ev.Date != "" {
					o.Date = ev.Date
				}
				for _, p := range ev.Participants {
					addParticipant(o, p.ID, p.Role)
				}
				for _, c := range ev.About {
					o.About = appendUniq(o.About, c)
				}
				if o.Location == "" {
					o.Location = ev.Location
				}
				o.Evidence = append(o.Evidence, ev.Evidence...)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, ev)
		}
	}
	for k := 0; k < len(out); k++ {
		if st.headlineOnly(out[k]) && bodyTypes[out[k].Type] {
			out = append(out[:k], out[k+1:]...)
			k--
		}
	}
	for k := range out {
		ev := &out[k]
		sort.Slice(ev.Evidence, func(a, b int) bool { return ev.Evidence[a].Sentence < ev.Evidence[b].Sentence })
		st.x.describeCode(ev)
		ev.ID = eventID(st.a.ID, ev)
	}
	st.events = out
}

// describeCode gives an event the full CAMEO code of its type when it has
// none, and the Goldstein score, PLOVER category and quad class its code
// stands for.
func (x *Extractor) describeCode(ev *geokg.Event) {
	if ev.Code == "" {
		if et := x.eventType(ev.Type); et != nil {
			ev.Code = et.Code
		}
	}
	if info, ok := x.kb.CodeInfo(ev.Code); ok {
		ev.Goldstein, ev.Plover, ev.CodeName = info.Goldstein, info.Plover, info.Name
	}
	ev.QuadClass = geokg.QuadClassOf(ev.Code)
}

// headlineOnly reports whether every sentence of an event's evidence is
// the title or subtitle.
func (st *article) headlineOnly(ev geokg.Event) bool {
	for _, e := range ev.Evidence {
		if e.Sentence >= len(st.sents) || st.sents[e.Sentence].para > 1 {
			return false
		}
	}
	return len(ev.Evidence) > 0
}

func sameEvent(a, b *geokg.Event) bool {
	if a.Type != b.Type || !sameSet(a.IDsWithRole(geokg.RoleActor), b.IDsWithRole(geokg.RoleActor)) {
		return false
	}
	ta, tb := a.IDsWithRole(geokg.RoleTarget), b.IDsWithRole(geokg.RoleTarget)
	if len(ta) > 0 && len(tb) > 0 && !overlaps(ta, tb) {
		return false
	}
	return len(a.About) == 0 || len(b.About) == 0 || sameSet(a.About, b.About)
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// eventID is stable for the same article and the same coded event, so a
// reload merges rather than duplicates.
func eventID(articleID string, ev *geokg.Event) string {
	parts := []string{articleID, ev.Type, ev.Date}
	for _, p := range ev.Participants {
		parts = append(parts, string(p.Role)+"="+p.ID)
	}
	parts = append(parts, ev.About...)
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return "event:" + hex.EncodeToString(sum[:10])
}

// withoutOwnCountry drops from targets the actor's own country where it is
// not whom the act is done to: named as a modifier of what is done ("pledged
// US support", "Russian aid"), or, for a statement (CAMEO 01-14), named at
// all ("Macron warned that France would answer any attack"). A group of the
// country ("protesters", "the army") is another matter and stays.
func (st *article) withoutOwnCountry(s *sentence, actor, code string, targets []string) []string {
	own := st.countryOf(actor)
	if own == "" || own == actor {
		return targets
	}
	q := geokg.QuadClassOf(code)
	statement := q == geokg.QuadVerbalCooperation || q == geokg.QuadVerbalConflict
	out := targets[:0:0]
	for _, t := range targets {
		if t == own {
			if m, ok := s.mentionByID(t); ok && (s.isModifierAt(m.start) || s.attributive(m)) {
				continue
			}
			if statement && s.sectorOf(t, 0) == "" {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// attributive reports whether a name stands before a common noun it
// qualifies: "US support", "Russian aid".
func (s *sentence) attributive(m *mention) bool {
	if m.end >= len(s.toks) {
		return false
	}
	t := s.toks[m.end]
	return t.isWord() && !t.isCap() && !functionWords[t.lower]
}

// functionWords are the lowercase words that can follow a name without
// it qualifying them.
var functionWords = wordSet("and or but nor to in on at of for with by from as that which who whom whose is was were are has have had will would could should said says")

// happened reports whether the act a is reported as done. What has not
// happened is no event: "could impose sanctions", "a planned meeting"
// (unless intending or threatening it is the act), "failed to agree",
// "would meet him if", "plans to visit", what was demanded or charged,
// a warning that only states a fear, and an act named only as the
// circumstance of another ("after the missile strike on Shayrat").
func (st *article) happened(s *sentence, a act) bool {
	i := a.start
	if i > 0 && !s.toks[i-1].isCap() && unrealised[s.toks[i-1].lower] && a.et.Type != "THREATEN" && a.et.Type != "INTENT_TO_COOPERATE" {
		return false
	}
	return !(s.negatedAt(a.head) || s.reducedClauseAt(a.head) || s.failedAt(a.head) || s.conditional(a.head) ||
		s.infinitiveOfAnother(a.head) || s.inBackground(a) || s.restatesAct(a) || s.inThingRelative(a.head) ||
		!st.hasFittingObject(s, a) || s.plainWarning(a) || s.inCharge(a) || s.inDemandedClause(a.head))
}
