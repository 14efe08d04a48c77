package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// maxTargetGap is how many words may stand between a trigger and its first
// target ("accusations of Russian ...", "criticize the US impulse").
const maxTargetGap = 4

// anaphors are the nouns by which a reply refers to an earlier accusation
// ("Lavrov fired back that the allegations were slanderous").
var anaphors = map[string]bool{"allegations": true, "allegation": true, "accusations": true, "accusation": true,
	"charges": true, "claims": true}

// connectors may stand between the members of one group of targets.
var connectors = map[string]bool{",": true, "and": true, "or": true, "both": true, "the": true, "as": true, "well": true, "its": true, "his": true, "her": true}

// codeEvents codes the events of one sentence. For each trigger the actor is
// the nearest person before it (else the nearest country or organization);
// the targets are the first group of entities right after it; the event is
// about every conflict the sentence names, where its location is named, and
// dated by the sentence's date expression or else the publication date.
// Triggers of one type with one actor and date in one sentence make one
// event, unless each names targets of its own ("urged Israel to stop and
// called on Hezbollah to halt" are two appeals).
func (st *article) codeEvents(s *sentence) {
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
	prevEnd := -1 // where the previous trigger ended
	// The actor (and its coordinated fellows) of the sentence's previous
	// trigger, which a verb joined to it by "and" shares: "Fox criticised
	// Washington's decision and called for ...".
	var prevActor *mention
	var prevActors []string
	for i := 0; i < len(s.toks); i++ {
		ms := st.x.triggers.matchesAt(s.toks, i)
		if len(ms) == 0 {
			if m, ok := st.forcePostureAt(s, i); ok {
				ms = append(ms, m)
			}
		}
		// "Xi, meeting Tusk in Beijing, said": a participle after a comma
		// is the act; "a two-hour meeting" is a noun.
		if len(ms) == 0 && i > 0 && s.toks[i-1].text == "," {
			if typ, ok := commaParticiples[s.toks[i].lower]; ok {
				if et := st.x.eventType(typ); et != nil {
					ms = append(ms, match[*kb.EventType]{start: i, end: i + 1, v: et})
				}
			}
		}
		if len(ms) == 0 || s.covered(i) {
			continue
		}
		tr := ms[len(ms)-1]
		et := tr.v
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
		// "could impose sanctions", "a planned meeting": what has not
		// happened is no event, unless intending or threatening it is
		// the act.
		if i > 0 && !s.toks[i-1].isCap() && unrealised[s.toks[i-1].lower] && et.Type != "THREATEN" && et.Type != "INTENT_TO_COOPERATE" {
			i = tr.end - 1
			continue
		}
		// "no longer threatened", "did not attack": what is denied did not
		// happen. (Refusals such as "did not accept" are triggers of
		// their own, starting at "did".)
		if s.negatedAt(i) || s.reducedClauseAt(i) {
			i = tr.end - 1
			continue
		}
		alive := func(m *mention) bool { return !st.endedBefore(m.id, date) }
		// "the Bosnian Serbs had been warned": the subject underwent the
		// act, and who did it is named after "by" or not at all.
		if s.passiveAt(i) {
			if agent := s.agentAfter(tr.end, alive); agent != nil {
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
			actor = speaker
		} else if shared := s.sharedSubject(i, prevActor, alive); shared != nil {
			actor = shared
			if shared == prevActor {
				actors = prevActors
			}
		} else if ref := st.pronounSubject(s, i, alive); ref != nil {
			actor = ref
		} else if ref := st.itSubject(s, i, alive); ref != nil {
			actor = ref
		} else if sp := st.reportingOfficial(s, actor, date, alive); sp != nil {
			actor = sp
		} else if actor != nil {
			actors = s.coordinated(actor, alive)
		}
		if actor == nil {
			continue
		}
		prevActor, prevActors = actor, actors
		isTrigger := func(k int) bool { return len(st.x.triggers.matchesAt(s.toks, k)) > 0 }
		targets := s.targetsAfter(tr.end, actor.id, alive, isTrigger, placeTargets[et.Type])
		// "He later called on Prime Minister Modi." is a visit; "called on
		// Modi to act" an appeal.
		if et.Type == "APPEAL" && s.toks[tr.end-1].lower == "on" && len(targets) > 0 && !s.toAfter(tr.end) {
			if c := st.x.eventType("CONSULT"); c != nil {
				et = c
			}
		}
		// "Trump and Putin met": the first meets the others.
		if et.Type == "CONSULT" && len(targets) == 0 && len(actors) > 0 {
			first, _ := s.mentionByID(actors[0])
			targets = append(actors[1:], actor.id)
			actor, actors = first, nil
		}
		conf := confEvent
		evAbout := about
		evLocation := location
		if len(targets) == 0 && et.Type == "REJECT" && s.hasAnaphor() {
			if prev := st.lastAccusation(); prev != nil {
				targets = st.accusers(prev)
				if len(evAbout) == 0 {
					evAbout = prev.About
				}
				conf = confAnaphora
			}
		}
		// "Russia condemned the strike": done to whoever struck.
		if len(targets) == 0 && reactions[et.Type] && s.hasAttackAnaphor() {
			if prev := st.lastForce(); prev != nil {
				targets = prev.IDsWithRole(geokg.RoleActor)
				conf = confAnaphora
			}
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
		if len(targets) == 0 && tr.end < len(s.toks) && objectPronouns[s.toks[tr.end].lower] {
			if p := st.personBefore(s, tr.end, actor.id, alive); p != "" {
				targets = []string{p}
				conf = confAnaphora
			}
		}
		if len(targets) == 0 && et.NeedsTarget() {
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
		ev := geokg.Event{Type: et.Type, CAMEO: et.CAMEO, Date: evDate, Location: evLocation, Confidence: conf,
			About: append([]string{}, evAbout...), Evidence: []geokg.Evidence{*st.evidence(s)}}
		addParticipant(&ev, actor.id, geokg.RoleActor)
		for _, a := range actors {
			addParticipant(&ev, a, geokg.RoleActor)
		}
		for _, t := range targets {
			addParticipant(&ev, t, geokg.RoleTarget)
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
		i = tr.end - 1
	}
}

func addParticipant(ev *geokg.Event, id string, role geokg.ParticipantRole) {
	for _, p := range ev.Participants {
		if p.ID == id {
			return
		}
	}
	ev.Participants = append(ev.Participants, geokg.Participant{ID: id, Role: role})
}

// actorBefore returns the nearest person, country or organization named
// before token i that is not a mere modifier.
func (s *sentence) actorBefore(i int, alive func(*mention) bool) *mention {
	// "Annan, speaking after talks with Israel, urged ...": a clause set
	// off by commas right before the verb is an aside, and the actor is
	// the subject before it.
	// An appositive that names the subject ("Armenia's prime minister,
	// Nikol Pashinyan, signed") is no aside: the person in it acts.
	skipFrom, skipTo := -1, -1
	if i > 0 && s.toks[i-1].text == "," {
		for k := i - 2; k > 0; k-- {
			if s.toks[k].text == "," {
				// "Saeb Erekat, the chief Palestinian negotiator,
				// rejected": an apposition saying what the subject is
				// is an aside too.
				if asideOpeners[s.toks[k+1].lower] || strings.HasSuffix(s.toks[k+1].lower, "ing") || s.describesPerson(k+1) {
					skipFrom, skipTo = k, i-1
				} else if p := s.personBetween(k+1, i-1, alive); p != nil {
					return p
				}
				break
			}
		}
	}
	for k := len(s.ments) - 1; k >= 0; k-- {
		m := s.ments[k]
		if m.end > i || m.inert() || !alive(m) {
			continue
		}
		if m.start > skipFrom && m.end <= skipTo && s.hasCandidateBefore(skipFrom, alive) {
			continue
		}
		if m.kind == geokg.KindPerson || m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization {
			return m
		}
	}
	return nil
}

// unrealised before a trigger make its act one that has not happened.
// "will" and "would" are not among them: "said Britain would expel 23
// diplomats" announces a decision, which news reports as the act.
var unrealised = map[string]bool{"could": true, "may": true, "might": true,
	"should": true, "shall": true, "planned": true, "planning": true, "plans": true, "expected": true,
	"proposed": true, "possible": true, "potential": true}

// asideOpeners begin a clause set off by commas that is not the subject:
// "Annan, speaking after talks, urged", "Lavrov, who met Jaishankar,
// praised".
var asideOpeners = map[string]bool{"who": true, "which": true, "whose": true, "after": true, "before": true,
	"during": true, "despite": true, "with": true, "in": true, "at": true, "on": true, "for": true, "like": true,
	"unlike": true, "as": true, "while": true, "when": true, "having": true, "however": true, "meanwhile": true}

// personBetween returns the last person mentioned within tokens [from, to).
func (s *sentence) personBetween(from, to int, alive func(*mention) bool) *mention {
	var last *mention
	for _, m := range s.ments {
		if m.kind == geokg.KindPerson && !m.inert() && alive(m) && m.start >= from && m.end <= to {
			last = m
		}
	}
	return last
}

// hasCandidateBefore reports whether an actor-capable mention ends at or
// before token i, so that skipping an aside still leaves an actor.
func (s *sentence) hasCandidateBefore(i int, alive func(*mention) bool) bool {
	for _, m := range s.ments {
		if m.end <= i && !m.inert() && alive(m) &&
			(m.kind == geokg.KindPerson || m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization) {
			return true
		}
	}
	return false
}

// mentionByID returns the first top-level mention of id in the sentence.
func (s *sentence) mentionByID(id string) (*mention, bool) {
	for _, m := range s.ments {
		if m.id == id && !m.nested {
			return m, true
		}
	}
	return nil, false
}

// targetsAfter returns the first group of entities after token i: the first
// actor-capable mention within maxTargetGap words, and those joined to it by
// connectors ("Putin and Foreign Minister Sergey Lavrov").
func (s *sentence) targetsAfter(i int, actor string, alive func(*mention) bool, isTrigger func(int) bool, places bool) []string {
	var out []string
	pos := i
	gap := 0
	for pos < len(s.toks) {
		m := s.topAt(pos)
		switch {
		// "urged all parties in Turkey": a country after "in" is where,
		// unless the act can be done to a place.
		case m != nil && !places && len(out) == 0 && m.start > 0 && (s.toks[m.start-1].lower == "in" || s.toks[m.start-1].lower == "at"):
			pos = m.end
			continue
		case m != nil && !m.inert() && (places || m.kind != geokg.KindLocation) && alive(m):
			if m.id != actor {
				out = appendUniq(out, m.id)
			}
			pos, gap = m.end, 0
			continue
		case m != nil: // a modifier, place or conflict name: step over it
			pos = m.end
			continue
		}
		w := s.toks[pos].lower
		// "as" joins targets only in "as well as": "Cuts Ties With
		// Washington as Guaidó Wins" names one.
		asWellAs := (w == "as" && pos+2 < len(s.toks) && s.toks[pos+1].lower == "well" && s.toks[pos+2].lower == "as") ||
			(w == "well" && pos > 0 && s.toks[pos-1].lower == "as") || (w == "as" && pos > 0 && s.toks[pos-1].lower == "well")
		if len(out) > 0 && ((!connectors[w] && !s.titleAt(pos)) || ((w == "as" || w == "well") && !asWellAs)) {
			return out
		}
		// "faulted Yasser Arafat, the Palestinian leader, for": what the
		// target is, not another target.
		if len(out) > 0 && w == "," && s.describesPerson(pos+1) {
			return out
		}
		if len(out) == 0 {
			// Targets follow their verb within its clause.
			if t := s.toks[pos].text; t == "." || t == ";" || t == "," || isTrigger(pos) {
				return out
			}
			gap++
			if gap > maxTargetGap {
				return out
			}
		}
		pos++
	}
	return out
}

// datesConflict reports whether token i directly follows a conflict's name
// (closing quotes aside).
//
// It returns the test for the sentence's mentions as they are, asked of
// every token, so the conflicts' ends are collected once.
func (s *sentence) datesConflict() func(i int) bool {
	ends := map[int]bool{}
	for _, m := range s.ments {
		if m.kind == geokg.KindConflict {
			ends[m.end] = true
		}
	}
	return func(i int) bool {
		j := i
		for j > 0 && (s.toks[j-1].text == `"` || s.toks[j-1].text == "'") {
			j--
		}
		return ends[j]
	}
}

// endedBefore reports whether entity id (a historical state) had ceased to
// exist before date: the Soviet Union in "a nerve agent developed in the
// Soviet Union" of a 2018 article is no party to a 2018 event.
func (st *article) endedBefore(id, date string) bool {
	e, ok := st.entity(id)
	return ok && e.End != "" && date != "" && e.End < date[:min(len(date), len(e.End))]
}

// quoteSpeaker returns who is quoted when token i stands inside quotation
// marks and a person or country next to a speech verb outside them says it
// ('"...," Lavrov said', 'Lavrov said: "..."'); nil otherwise.
func (s *sentence) quoteSpeaker(i int) *mention {
	open, inside := -1, false
	for k := 0; k < i; k++ {
		if s.toks[k].text == `"` {
			inside = !inside
			open = k
		}
	}
	if !inside {
		return nil
	}
	close := len(s.toks)
	for k := i; k < len(s.toks); k++ {
		if s.toks[k].text == `"` {
			close = k
			break
		}
	}
	outside := func(k int) bool { return k < open || k > close }
	for k, t := range s.toks {
		if !speechVerbs[t.lower] || !outside(k) {
			continue
		}
		for _, m := range s.ments {
			if outside(m.start) && !m.inert() && (m.end == k || m.start == k+1) &&
				(m.kind == geokg.KindPerson || m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization) {
				return m
			}
		}
	}
	return nil
}

// determiners before a one-word trigger make it a noun.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "these": true, "those": true, "their": true, "its": true}

// quantifiers may stand between a verb and the act it takes as object:
// "ruled out any talks with", "rejected further talks", "the new talks".
var quantifiers = map[string]bool{"any": true, "all": true, "further": true, "new": true, "more": true, "direct": true, "fresh": true}

// placeTargets are the event types whose target can be a place: a strike
// on an air base, the shelling of a city.
var placeTargets = map[string]bool{"ASSAULT": true, "FIGHT": true, "MASS_VIOLENCE": true}

// reactions are the event types that can answer an earlier use of force
// named only as "the attack", "the strikes".
var reactions = map[string]bool{"DISAPPROVE": true, "REJECT": true, "ACCUSE": true,
	"DIPLOMATIC_COOPERATION": true}

// attackNouns name a use of force after "the".
var attackNouns = map[string]bool{"operation": true, "attack": true, "attacks": true, "strike": true, "strikes": true,
	"airstrikes": true, "bombing": true, "bombings": true, "bombardment": true, "invasion": true,
	"assault": true, "offensive": true, "raid": true, "raids": true, "shelling": true, "incursion": true,
	// a show of force: "condemned the test", "deplored the blasts"
	"test": true, "tests": true, "blast": true, "blasts": true, "explosion": true, "launch": true}

// hasAttackAnaphor reports whether the sentence refers back to a use of
// force: "the strike", "this attack", and with up to two modifiers between
// ("the air strikes", "the American-led attack", "the military action").
func (s *sentence) hasAttackAnaphor() bool {
	for i := 1; i < len(s.toks); i++ {
		w := s.toks[i].lower
		military := w == "action" && s.toks[i-1].lower == "military"
		if !attackNouns[w] && !military {
			continue
		}
		for k := i - 1; k >= 0 && i-k <= 3; k-- {
			if d := s.toks[k].lower; d == "the" || d == "this" || d == "these" {
				return true
			}
			if t := s.toks[k].text; t == "," || t == "." || t == ";" {
				break
			}
		}
	}
	return false
}

// lastForce returns the latest assault, fight or coercion coded so far.
func (st *article) lastForce() *geokg.Event {
	for k := len(st.events) - 1; k >= 0; k-- {
		switch st.events[k].Type {
		case "ASSAULT", "FIGHT", "COERCE", "MASS_VIOLENCE", "FORCE_POSTURE":
			return &st.events[k]
		}
	}
	return nil
}

// coordinated returns the ids of the mentions joined to actor by "and" or
// commas before it ("American and British warplanes struck"), of the same
// class: people with people, states and organizations with each other.
func (s *sentence) coordinated(actor *mention, alive func(*mention) bool) []string {
	person := actor.kind == geokg.KindPerson
	var out []string
	cur := actor
	for {
		var prev *mention
		for _, m := range s.ments {
			if m.end <= cur.spanStart && !m.inert() && alive(m) && m.kind != geokg.KindLocation && (prev == nil || m.end > prev.end) {
				prev = m
			}
		}
		if prev == nil || (prev.kind == geokg.KindPerson) != person {
			return out
		}
		joined, sawAnd := true, false
		for k := prev.end; k < cur.spanStart; k++ {
			w := s.toks[k].lower
			sawAnd = sawAnd || w == "and"
			if w != "and" && w != "," && !s.titleAt(k) && !(k == cur.spanStart-1 && w == "the") {
				joined = false
			}
		}
		if !joined || (!sawAnd && cur == actor) || prev.id == actor.id {
			return out
		}
		out = append([]string{prev.id}, out...)
		cur = prev
	}
}

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

// topAt returns the mention whose span (title included) starts at token i.
func (s *sentence) topAt(i int) *mention {
	for _, m := range s.ments {
		if !m.nested && (m.spanStart == i || m.start == i) {
			if m.modifier {
				continue
			}
			return m
		}
	}
	for _, m := range s.ments {
		if !m.nested && m.start == i {
			return m
		}
	}
	return nil
}

// titleAt reports whether token i lies in the title part of a person's span.
func (s *sentence) titleAt(i int) bool {
	for _, m := range s.ments {
		if i >= m.spanStart && i < m.start {
			return true
		}
	}
	return false
}

func (s *sentence) hasAnaphor() bool {
	for _, t := range s.toks {
		if anaphors[t.lower] {
			return true
		}
	}
	return false
}

// lastAccusation returns the latest ACCUSE event coded so far.
func (st *article) lastAccusation() *geokg.Event {
	for k := len(st.events) - 1; k >= 0; k-- {
		if st.events[k].Type == "ACCUSE" {
			return &st.events[k]
		}
	}
	return nil
}

// accusers returns who made an accusation, as the state they speak for
// when the article gives them an office ("Tillerson" -> United States).
func (st *article) accusers(ev *geokg.Event) []string {
	var out []string
	for _, a := range ev.IDsWithRole(geokg.RoleActor) {
		out = appendUniq(out, st.speaksFor(a))
	}
	return out
}

func (st *article) speaksFor(id string) string {
	// Asked for every party of every event; the answers are kept until a
	// relation is added.
	if st.spokesmen == nil || st.spokesmenN != len(st.rels) {
		st.spokesmen, st.spokesmenN = map[string]string{}, len(st.rels)
		for _, r := range st.rels {
			if _, done := st.spokesmen[r.From]; r.Type != geokg.RelHoldsRole || done {
				continue
			}
			if e, ok := st.entity(r.To); ok && e.Kind == geokg.KindCountry {
				st.spokesmen[r.From] = r.To
			}
		}
	}
	if c, ok := st.spokesmen[id]; ok {
		return c
	}
	return id
}

// mergeEvents joins events of one article that report the same thing: same
// type and actors, overlapping (or missing) targets, and the same or no
// topic — a headline and the paragraph that tells it. Then it assigns ids.
func (st *article) mergeEvents() {
	var out []geokg.Event
	for _, ev := range st.events {
		merged := false
		for k := range out {
			if sameEvent(out[k], ev) {
				o := &out[k]
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
	for k := range out {
		ev := &out[k]
		sort.Slice(ev.Evidence, func(a, b int) bool { return ev.Evidence[a].Sentence < ev.Evidence[b].Sentence })
		ev.ID = eventID(st.a.ID, ev)
	}
	st.events = out
}

func sameEvent(a, b geokg.Event) bool {
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

// subjectPronouns stand for the person last named.
var subjectPronouns = map[string]bool{"he": true, "she": true}

// possessivePronouns before a nominal trigger name its actor: "his
// accusations", "her appeal".
var possessivePronouns = map[string]bool{"his": true, "her": true}

// pronounFillers may stand between a subject pronoun and its verb: "he
// also urged", "she had warned".
var pronounFillers = map[string]bool{"also": true, "later": true, "then": true, "again": true, "has": true,
	"had": true, "was": true, "is": true, "would": true, "will": true, "once": true, "twice": true, "repeatedly": true}

// pronounSubject returns the person a subject pronoun right before the
// trigger at i stands for ("He urged France to stop"): the last person
// named before it in the sentence, else in the three sentences before.
// The nearest named party would otherwise be taken, which in "Japan's
// prime minister spoke in Tokyo. He urged France..." is nobody, and in
// "After meeting Israel's envoy, he urged" the envoy. Nil when there is no
// such pronoun or person.
func (st *article) pronounSubject(s *sentence, i int, alive func(*mention) bool) *mention {
	p := i - 1
	for p >= 0 && (pronounFillers[s.toks[p].lower] || strings.HasSuffix(s.toks[p].lower, "ly")) && i-p <= 2 {
		p--
	}
	// "his repeated accusations of": a possessive before a nominal
	// trigger, one plain word at most between.
	if p >= 1 && !subjectPronouns[s.toks[p].lower] && !s.covered(p) && !s.toks[p].isCap() && possessivePronouns[s.toks[p-1].lower] {
		p--
	}
	if p < 0 || !(subjectPronouns[s.toks[p].lower] || possessivePronouns[s.toks[p].lower]) {
		return nil
	}
	person := func(ms []*mention, before int) *mention {
		var last *mention
		for _, m := range ms {
			if m.kind == geokg.KindPerson && !m.nested && alive(m) && m.end <= before && (last == nil || m.start > last.start) {
				last = m
			}
		}
		return last
	}
	// The subject a pronoun most often takes up is that of its own
	// sentence ("Lavrov held talks with Wang, two days after he met
	// Rubio") or, at a sentence's start, of the sentence before ("Pompeo
	// said Washington did not accept Maduro's authority. He called on
	// Maduro to step aside").
	subject := func(t *sentence, before int) *mention {
		if m := t.subject(alive); m != nil && m.kind == geokg.KindPerson && m.end <= before {
			return m
		}
		return nil
	}
	if m := subject(s, p); m != nil {
		return m
	}
	if m := person(s.ments, p); m != nil {
		return m
	}
	for k := s.idx - 1; k >= 0 && k >= s.idx-3; k-- {
		m := subject(st.sents[k], len(st.sents[k].toks))
		if m == nil {
			m = person(st.sents[k].ments, len(st.sents[k].toks))
		}
		if m != nil {
			// A stand-in at the pronoun's place, so that what follows
			// (targets, coordination) is read from there.
			return &mention{id: m.id, kind: m.kind, start: p, end: p + 1, spanStart: p}
		}
	}
	return nil
}

// reportingOfficial returns the speaker when the actor found is a country
// or organization inside what an official of it is reported to say:
// "Freeland said Ottawa recognised Guaidó" is Canada's foreign minister
// recognising him. Nil otherwise, and always when the speaker holds no
// office of the actor: "Lavrov said Washington struck" stays Washington's.
func (st *article) reportingOfficial(s *sentence, actor *mention, date string, alive func(*mention) bool) *mention {
	if actor == nil || (actor.kind != geokg.KindCountry && actor.kind != geokg.KindOrganization) {
		return nil
	}
	// The speech verb stands a few words before the actor: "said that",
	// "said on Wednesday that", with no other name between.
	for j := actor.spanStart - 1; j > 0 && actor.spanStart-j <= 5; j-- {
		w := s.toks[j].lower
		if s.covered(j) || w == "," || w == ";" {
			return nil
		}
		if !speechVerbs[w] {
			continue
		}
		speaker := s.mentionEndingAt(j)
		if speaker == nil || speaker.kind != geokg.KindPerson || !alive(speaker) {
			return nil
		}
		if st.holdsOfficeOf(speaker.id, actor.id, date) {
			return speaker
		}
		return nil
	}
	return nil
}

// holdsOfficeOf reports whether person held an office of org on date, by
// the knowledge base or by a title this article gave them.
func (st *article) holdsOfficeOf(person, org, date string) bool {
	for _, r := range st.rels {
		if r.Type == geokg.RelHoldsRole && r.From == person && r.To == org {
			return true
		}
	}
	p, ok := st.x.kb.Person(person)
	if !ok {
		return false
	}
	for i := range p.Roles {
		if p.Roles[i].Of == org && (date == "" || heldOn(&p.Roles[i], date)) {
			return true
		}
	}
	return false
}

// shareFillers may stand between "and" and a verb that shares the subject
// of the verb before it: "and also urged", "and then called on".
var shareFillers = map[string]bool{"also": true, "then": true, "later": true, "again": true, "has": true,
	"had": true, "have": true}

// sharedSubject returns the subject a trigger at i shares with the
// sentence's previous verb: after "and" or "but" ("Annan urged Israel to
// stop and called on Hezbollah"), that verb's actor; for a participle
// after a comma (", turning down Washington's request"), that actor or
// else the sentence's subject. Nil when the trigger has its own subject.
func (s *sentence) sharedSubject(i int, prev *mention, alive func(*mention) bool) *mention {
	p := i - 1
	for p >= 0 && i-p <= 2 && (shareFillers[s.toks[p].lower] || strings.HasSuffix(s.toks[p].lower, "ly")) {
		p--
	}
	// "and later in the day called on": a time phrase of plain words may
	// stand between.
	if p >= 0 && s.toks[p].lower != "and" && s.toks[p].lower != "but" {
		for k := p; k >= 0 && i-k <= 7; k-- {
			w := s.toks[k]
			if w.lower == "and" || w.lower == "but" {
				if timeWords[s.toks[k+1].lower] {
					p = k
				}
				break
			}
			if !w.isWord() || s.covered(k) || (w.isCap() && !weekdayOrMonth(w.lower)) {
				break
			}
		}
	}
	if p < 0 {
		return nil
	}
	switch w := s.toks[p].lower; {
	case w == "and" || w == "but":
		if prev != nil {
			return prev
		}
		// "Ramaphosa opened the meeting and urged the group": no verb
		// before was coded, and the sentence's subject is the one who
		// urged, unless a name stands right before the "and" as part of
		// a list of actors ("Russia and China vetoed" never gets here).
		if subj := s.subject(alive); subj != nil && subj.end <= p {
			return subj
		}
		return nil
	case (w == "," || participleOpeners[w]) && p == i-1 && strings.HasSuffix(s.toks[i].lower, "ing"):
		// ", turning down Washington's request", "after warning of the
		// attack": the participle's subject is the clause's.
		if prev != nil {
			return prev
		}
		return s.subject(alive)
	}
	return nil
}

// subject returns the sentence's grammatical subject as far as names tell:
// its first person, country or organization that no preposition governs,
// or the person a title after it introduces ("Canadian Prime Minister
// Jean Chrétien").
func (s *sentence) subject(alive func(*mention) bool) *mention {
	for k, m := range s.ments {
		if m.nested || !alive(m) || m.kind == geokg.KindLocation || m.kind == geokg.KindConflict {
			continue
		}
		if m.spanStart > 0 && prepositions[s.toks[m.spanStart-1].lower] {
			continue
		}
		// "South Africa's foreign minister, Ronald Lamola": the title and
		// an opening comma may stand between.
		for _, n := range s.ments[k:] {
			if n.kind == geokg.KindPerson && !n.nested && alive(n) && n.start >= m.start && n.start-m.end <= 5 && s.onlyTitleBetween(m.end, n.start) {
				return n
			}
		}
		if m.inert() {
			continue
		}
		return m
	}
	return nil
}

// prepositions govern a name that is therefore not a sentence's subject.
var prepositions = map[string]bool{"in": true, "at": true, "from": true, "to": true, "with": true, "of": true,
	"for": true, "on": true, "by": true, "after": true, "before": true, "during": true, "against": true}

// numberWords are the counts a relative date spells out.
var numberWords = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10}

// offsetDays returns how many days a trigger at i lies from the sentence's
// date when it stands in a clause such as "two days after NATO bombs hit":
// -2 there, +n after "n days before". The clause runs from its "after" to
// the trigger without a comma, so a leading "Two days after the strike,
// Russia condemned it" leaves the main verb alone.
func (s *sentence) offsetDays(i int) (int, bool) {
	for k := i - 1; k >= 2 && i-k <= 12; k-- {
		w := s.toks[k].lower
		// A comma ends the clause, unless it only parts names in a list
		// ("after the United States, Britain and France opened").
		if w == "," && !(s.mentionEndingAt(k) != nil && s.mentionAt(k+1) != nil) || w == ";" || w == "." {
			return 0, false
		}
		if w != "after" && w != "before" {
			continue
		}
		unit := s.toks[k-1].lower
		per := map[string]int{"day": 1, "days": 1, "week": 7, "weeks": 7}[unit]
		if per == 0 {
			return 0, false
		}
		n, ok := numberWords[s.toks[k-2].lower]
		if !ok {
			if s.toks[k-2].lower == "the" && unit == "day" {
				n, ok = 1, true
			} else if d, err := strconv.Atoi(s.toks[k-2].text); err == nil && d > 0 && d < 60 {
				n, ok = d, true
			}
		}
		if !ok {
			return 0, false
		}
		if w == "after" {
			return -n * per, true
		}
		return n * per, true
	}
	return 0, false
}

// shiftDay moves a YYYY-MM-DD date by days; coarser dates stay as they are.
func shiftDay(date string, days int) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.AddDate(0, 0, days).Format(time.DateOnly)
}

// objectPronouns stand for a person as a verb's object.
var objectPronouns = map[string]bool{"him": true, "her": true}

// personBefore returns the person an object pronoun at i stands for: the
// last person other than the actor named before it in the sentence, else
// in the three sentences before; "" when there is none.
func (st *article) personBefore(s *sentence, i int, actor string, alive func(*mention) bool) string {
	last := func(ms []*mention, before int) string {
		id, start := "", -1
		for _, m := range ms {
			if m.kind == geokg.KindPerson && !m.nested && m.id != actor && alive(m) && m.end <= before && m.start > start {
				id, start = m.id, m.start
			}
		}
		return id
	}
	if id := last(s.ments, i); id != "" {
		return id
	}
	// From the sentences before: their subject ("Putin dismissed ...
	// Kuchma flew to Moscow to meet him") or the person they named last
	// ("Biden praised Carter ... Sisi praised him"), whichever the article
	// has named more often so far, the subject on a tie.
	for k := s.idx - 1; k >= 0 && k >= s.idx-3; k-- {
		lastID := last(st.sents[k].ments, len(st.sents[k].toks))
		if m := st.sents[k].subject(alive); m != nil && m.kind == geokg.KindPerson && m.id != actor {
			if lastID != "" && st.namedBefore(lastID, s.idx) > st.namedBefore(m.id, s.idx) {
				return lastID
			}
			return m.id
		}
		if lastID != "" {
			return lastID
		}
	}
	return ""
}

// passiveAuxiliaries before a past participle make it passive.
var passiveAuxiliaries = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true}

// passiveAt reports whether the trigger at i is a passive participle:
// "had been warned", "was accused", "is being investigated".
func (s *sentence) passiveAt(i int) bool {
	w := s.toks[i].lower
	if !strings.HasSuffix(w, "ed") && !irregularParticiples[w] {
		return false
	}
	p := i - 1
	if p >= 0 && strings.HasSuffix(s.toks[p].lower, "ly") {
		p--
	}
	return p >= 0 && passiveAuxiliaries[s.toks[p].lower]
}

// irregularParticiples are the passive forms of triggers that do not end
// in -ed.
var irregularParticiples = map[string]bool{"struck": true, "hit": true, "shot": true, "seized": true, "held": true}

// agentAfter returns who did a passive act: the name right after "by"
// within two words of its end.
func (s *sentence) agentAfter(end int, alive func(*mention) bool) *mention {
	for k := end; k < len(s.toks) && k <= end+2; k++ {
		if s.toks[k].lower != "by" {
			continue
		}
		for j := k + 1; j < len(s.toks) && j <= k+2; j++ {
			if m := s.topAt(j); m != nil && !m.inert() && alive(m) && m.kind != geokg.KindLocation {
				return m
			}
		}
		return nil
	}
	return nil
}

// passiveEvent codes "Hezbollah was accused by Israel" as Israel accusing
// Hezbollah.
func (st *article) passiveEvent(s *sentence, et *kb.EventType, agent, patient *mention, date, location string, about []string) {
	ev := geokg.Event{Type: et.Type, CAMEO: et.CAMEO, Date: date, Location: location, Confidence: confEvent,
		About: append([]string{}, about...), Evidence: []geokg.Evidence{*st.evidence(s)}}
	addParticipant(&ev, agent.id, geokg.RoleActor)
	addParticipant(&ev, patient.id, geokg.RoleTarget)
	st.events = append(st.events, ev)
}

// relativeSubject reports whether the trigger at i opens a relative clause
// ("which killed", ", who met"), and then returns the actor-capable name
// the pronoun takes up, right before it (or before its comma), or nil when
// what it takes up is not such a name.
func (s *sentence) relativeSubject(i int, alive func(*mention) bool) (*mention, bool) {
	p := i - 1
	for p >= 0 && i-p <= 2 && (shareFillers[s.toks[p].lower] || strings.HasSuffix(s.toks[p].lower, "ly")) {
		p--
	}
	if p < 0 || (s.toks[p].lower != "which" && s.toks[p].lower != "who") {
		return nil, false
	}
	end := p
	if end > 0 && s.toks[end-1].text == "," {
		end--
	}
	m := s.mentionEndingAt(end)
	if m == nil || m.inert() || !alive(m) || m.kind == geokg.KindLocation {
		return nil, true
	}
	return m, true
}

// sameDay reports whether the sentence dates itself by the one before:
// "the same day", "that day", "on the same day".
func (s *sentence) sameDay() bool {
	for i := 1; i < len(s.toks); i++ {
		if s.toks[i].lower != "day" {
			continue
		}
		if w := s.toks[i-1].lower; w == "that" || (w == "same" && i > 1 && s.toks[i-2].lower == "the") {
			return true
		}
	}
	return false
}

// continues reports whether s, which has no date of its own, follows right
// after the last dated sentence within one paragraph.
func (st *article) continues(s *sentence) bool {
	d := st.lastDated
	return d != nil && d.idx == s.idx-1 && d.para == s.para && d.idx > 0
}

// negatedAt reports whether a negation stands right before the trigger at
// i: "not", "never", "n't", "no longer", "without" ("crossed its airspace
// without warning").
func (s *sentence) negatedAt(i int) bool {
	if i == 0 {
		return false
	}
	switch w := s.toks[i-1].lower; w {
	case "not", "never", "n't", "without":
		return true
	case "longer":
		return i > 1 && s.toks[i-2].lower == "no"
	}
	return false
}

// toAfter reports whether "to" follows the targets that start at i before
// the clause ends: "called on Hezbollah to halt", "called on Venezuelans
// on Sunday to stay calm".
func (s *sentence) toAfter(i int) bool {
	for k := i; k < len(s.toks); k++ {
		switch s.toks[k].lower {
		case "to":
			return true
		case ".", ";", ",", "and", "but":
			return false
		}
	}
	return false
}

// eventType returns the code book's entry for a type name, nil if none.
func (x *Extractor) eventType(name string) *kb.EventType {
	for i := range x.kb.EventTypes {
		if x.kb.EventTypes[i].Type == name {
			return &x.kb.EventTypes[i]
		}
	}
	return nil
}

// Shows of force are written with a verb and a noun apart: "carried out its
// sixth and most powerful nuclear test", "exploded two more nuclear
// devices". forceVerbs open one, forceNouns close it, and forceKinds must
// stand right before the noun.
var (
	forceVerbs = map[string]bool{"carried": true, "conducted": true, "conducts": true, "staged": true, "exploded": true,
		"detonated": true, "held": true, "tested": true}
	forceNouns = map[string]bool{"test": true, "tests": true, "device": true, "devices": true, "bomb": true,
		"exercises": true, "drills": true, "missile": true, "missiles": true}
	forceKinds = map[string]bool{"nuclear": true, "military": true, "ballistic": true, "naval": true,
		"hydrogen": true, "atomic": true, "missile": true, "live-fire": true}
)

// forcePostureAt matches a show of force opening at token i, its verb and
// noun at most eight words apart within the clause.
func (st *article) forcePostureAt(s *sentence, i int) (match[*kb.EventType], bool) {
	if !forceVerbs[s.toks[i].lower] {
		return match[*kb.EventType]{}, false
	}
	for k := i + 1; k < len(s.toks) && k <= i+9; k++ {
		w := s.toks[k].lower
		if w == "," || w == "." || w == ";" || s.covered(k) {
			break
		}
		if forceNouns[w] && forceKinds[s.toks[k-1].lower] {
			if et := st.x.eventType("FORCE_POSTURE"); et != nil {
				return match[*kb.EventType]{start: i, end: k + 1, v: et}, true
			}
		}
	}
	return match[*kb.EventType]{}, false
}

// commaParticiples are triggers only as a participle after a comma, being
// nouns elsewhere.
var commaParticiples = map[string]string{"meeting": "CONSULT"}

// reducedClauseAt reports whether the trigger at i is a bare participle
// after a subordinator, with no subject of its own: "he admitted when
// pressed", "would fight back if attacked".
func (s *sentence) reducedClauseAt(i int) bool {
	if i == 0 || !strings.HasSuffix(s.toks[i].lower, "ed") {
		return false
	}
	switch s.toks[i-1].lower {
	case "when", "if", "unless", "once", "until", "as":
		return true
	}
	return false
}

// wherePrepositions put a place where something happens, not whom it
// concerns.
var wherePrepositions = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true,
	"over": true, "around": true, "across": true, "through": true, "of": true, "within": true}

// timeWords open a time phrase: "later in the day", "on Friday", "then".
var timeWords = map[string]bool{"later": true, "then": true, "on": true, "in": true, "earlier": true,
	"afterwards": true, "soon": true, "the": true, "that": true, "this": true, "last": true, "late": true, "early": true}

// weekdayOrMonth reports whether a lowercased word is a weekday or a month.
func weekdayOrMonth(w string) bool {
	_, wd := weekdays[w]
	return wd || months[w] != 0
}

// namedBefore counts the top-level mentions of id in the sentences before
// sentence idx: how present the article has made it.
func (st *article) namedBefore(id string, idx int) int {
	n := 0
	for _, t := range st.sents[:idx] {
		for _, m := range t.ments {
			if m.id == id && !m.nested {
				n++
			}
		}
	}
	return n
}

// participleOpeners introduce a participle clause that shares the main
// clause's subject: "after warning", "while visiting", "by refusing".
var participleOpeners = map[string]bool{"after": true, "before": true, "while": true, "by": true, "since": true}

// itSubject returns the state or body that "it" right before the trigger
// at i, or a sentence-opening "Its" ("Its foreign ministry urged"),
// stands for: the subject of its sentence when that is a country or an
// organization named before it, else the subject of the sentence before.
// Nil when there is no such pronoun or subject.
func (st *article) itSubject(s *sentence, i int, alive func(*mention) bool) *mention {
	p := i - 1
	for p >= 0 && (pronounFillers[s.toks[p].lower] || strings.HasSuffix(s.toks[p].lower, "ly")) && i-p <= 2 {
		p--
	}
	opening := false
	if p < 0 || s.toks[p].lower != "it" {
		// "Its foreign ministry urged": plain words between.
		if s.toks[0].lower != "its" || i > 5 {
			return nil
		}
		for k := 1; k < i; k++ {
			if s.covered(k) || s.toks[k].isCap() || !s.toks[k].isWord() {
				return nil
			}
		}
		p, opening = 0, true
	}
	body := func(m *mention) bool {
		return m != nil && (m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization)
	}
	if !opening {
		if m := s.subject(alive); body(m) && m.end <= p {
			return m
		}
	}
	if s.idx > 0 {
		if m := st.sents[s.idx-1].subject(alive); body(m) {
			return &mention{id: m.id, kind: m.kind, start: p, end: p + 1, spanStart: p}
		}
	}
	return nil
}

// titleWords are the lowercase words of an office written out before a
// name: "South Africa's foreign minister, Ronald Lamola".
var titleWords = map[string]bool{"foreign": true, "defence": true, "defense": true, "prime": true, "deputy": true,
	"vice": true, "high": true, "national": true, "security": true, "former": true, "acting": true, "interior": true,
	"finance": true, "justice": true, "state": true, "supreme": true, "new": true, "top": true}

// onlyTitleBetween reports whether tokens [from, to) are an office and its
// punctuation, nothing else: no verb stands between a subject and its name.
func (s *sentence) onlyTitleBetween(from, to int) bool {
	for k := from; k < to; k++ {
		w := s.toks[k].lower
		if w != "'s" && w != "," && w != "the" && !s.titleAt(k) && !roleNouns[w] && !titleWords[w] {
			return false
		}
	}
	return true
}

// clauseEnders end the stretch after a trigger where its own date may
// stand: "recalled its ambassador on Monday, hours after ...".
var clauseEnders = map[string]bool{",": true, ";": true, "that": true, "which": true, "who": true, "whom": true,
	"whose": true, "when": true, "after": true, "before": true, "since": true, "until": true, "while": true,
	"because": true, "and": true, "but": true}

// clauseDate returns the date written in the trigger's own clause: after
// it (from end up to the next trigger or clause boundary), else before it
// (from the previous trigger's end, from). "" when its clause has none.
func (st *article) clauseDate(s *sentence, from, i, end int, skip func(int) bool) string {
	within := func(a, b int) string {
		if a >= b {
			return ""
		}
		return sentenceDateSkipping(s.toks[a:b], st.ref, func(j int) bool { return skip(a + j) })
	}
	stop := end
	for stop < len(s.toks) && len(st.x.triggers.matchesAt(s.toks, stop)) == 0 {
		// The comma of "February 24, 2022" is the date's own.
		if w := s.toks[stop].lower; clauseEnders[w] && !(w == "," && stop+1 < len(s.toks) && isYear(s.toks[stop+1].text)) {
			break
		}
		stop++
	}
	if d := within(end, stop); d != "" {
		return d
	}
	return within(from, i)
}
