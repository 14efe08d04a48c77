package extract

// Whom an act is done to: the names after a trigger, and what a pronoun,
// "the attack" or "the allegations" refers back to.

import (
	"slices"
	"strings"

	"github.com/geokg/geokg"
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
	// joined says a joining word came after the last target: a second
	// name right after the first ("offered Indonesia American help") is
	// no second target.
	joined := false
	for pos < len(s.toks) {
		m := s.topAt(pos)
		if m != nil && len(out) > 0 && !joined && !m.inert() {
			return out
		}
		switch {
		// "urged all parties in Turkey": a country after "in" is where,
		// unless the act can be done to a place.
		case m != nil && !places && len(out) == 0 && m.sector == "" && m.spanStart > 0 && (s.after(m, "in") || (s.after(m, "at") && !aimedAt(s, m))):
			pos = m.end
			continue
		case m != nil && places && len(out) == 0 && s.facilityAtPlace(m):
			// "struck a United Nations base at Qana": the named place
			// the facility stands in is what was hit.
			pos = m.end
			continue
		case m != nil && !m.inert() && (places || m.kind != geokg.KindLocation) && alive(m):
			// "Riot police fired tear gas at students": one country's police
			// against its own people is two of its parts.
			if m.id != actor || m.sector != "" {
				out = appendUniq(out, m.id)
			}
			pos, gap, joined = m.end, 0, false
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
		if targetJoiners[w] {
			joined = true
		}
		// "faulted Yasser Arafat, the Palestinian leader, for": what the
		// target is, not another target.
		if len(out) > 0 && w == "," && s.describesPerson(pos+1) {
			return out
		}
		// "David Trimble of the Ulster Unionists and Gerry Adams": the
		// body a target belongs to stands between it and the next.
		if len(out) > 0 && w == "of" {
			if q := s.topAt(pos + 1 + boolInt(pos+1 < len(s.toks) && s.toks[pos+1].lower == "the")); q != nil && q.kind == geokg.KindOrganization {
				pos = q.end
				continue
			}
		}
		// "launched the offensive, which it calls Operation Grapes of
		// Wrath, against Hezbollah": a relative clause set off by commas
		// says what the object is; the targets come after it.
		if len(out) == 0 && w == "," && pos+1 < len(s.toks) && (s.toks[pos+1].lower == "which" || s.toks[pos+1].lower == "who") {
			if end := s.nextComma(pos + 1); end > 0 {
				pos = end + 1
				continue
			}
		}
		if len(out) == 0 {
			// "resigned as Armenia's prime minister": what someone acts
			// as is no one the act is done to; "demanded an
			// investigation into how Gadhafi died": nor is anyone in a
			// question the act is about.
			if (w == "as" && !asWellAs) || whWords[w] || w == "which" || w == "whom" {
				return out
			}
			// Targets follow their verb within its clause; a comma after
			// a role only opens its holder's name ("spoke with his Chinese
			// counterpart, Wang Yi").
			if t := s.toks[pos].text; t == "." || t == ";" || (t == "," && !(pos > 0 && roleNouns[s.toks[pos-1].lower])) || isTrigger(pos) {
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

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// placeTargets are the event types whose target can be a place: a strike
// on an air base, the shelling of a city.
var placeTargets = map[string]bool{"ASSAULT": true, "FIGHT": true, "MASS_VIOLENCE": true}

// reactions are the event types that can answer an earlier act named
// only by a noun: "condemned the attack", "welcomed the withdrawal",
// "rejected the sanctions", "demanded an end to the blockade".
var reactions = map[string]bool{"DISAPPROVE": true, "REJECT": true, "ACCUSE": true,
	"DIPLOMATIC_COOPERATION": true, "APPEAL": true, "DEMAND": true}

// actNounTypes map the nouns by which a reaction names an earlier act to
// the types of the acts they name ("" for any act: "the decision").
var actNounTypes = func() map[string][]string {
	out := map[string][]string{}
	add := func(words string, types ...string) {
		if len(types) == 1 && types[0] == "" {
			types = nil // any act
		}
		for _, w := range strings.Fields(words) {
			out[w] = types
		}
	}
	add(`attack attacks strike strikes airstrike airstrikes bombing bombings bombardment shelling raid raids
		offensive invasion assault incursion operation killing killings shooting shootdown downing
		occupation annexation takeover seizure`, "FIGHT", "ASSAULT", "MASS_VIOLENCE", "COERCE")
	add(`sanctions embargo blockade duties tariffs boycott`, "REDUCE_RELATIONS", "COERCE", "FIGHT")
	add(`expulsion expulsions`, "REDUCE_RELATIONS", "COERCE")
	add(`arrest arrests detention detentions deportation deportations crackdown ban coup violence repression`, "COERCE", "ASSAULT", "FIGHT")
	add(`withdrawal pullout release ceasefire truce resignation concession concessions`, "YIELD")
	add(`agreement deal accord treaty pact declaration`, "DIPLOMATIC_COOPERATION", "INTENT_TO_COOPERATE")
	add(`test tests launch launches exercises drills deployment`, "FORCE_POSTURE")
	add(`visit talks meeting summit`, "CONSULT")
	add(`threat threats ultimatum warning`, "THREATEN")
	add(`decision move step proclamation announcement law plan measures decree ruling remarks
		proposal policy position verdict execution executions vote arrival arrivals award`, "")
	return out
}()

// reactionTarget returns who did the earlier act a reaction's object
// names, right after token i within its clause: the owner a possessive
// names ("Pastrana's decision", "the Romanian government's decision"),
// else the actors of the latest act of the noun's type coded so far in the
// article, other than the reacting actor's own.
func (st *article) reactionTarget(s *sentence, i int, actor string) []string {
	for k := i; k < len(s.toks) && k <= i+6; k++ {
		w := s.toks[k].lower
		if w == "," || w == ";" || w == "." || w == "that" {
			return nil
		}
		types, ok := actNounTypes[w]
		if !ok {
			continue
		}
		// "Pastrana's decision": the owner did it; "the American-led
		// attack", "the Russian strikes": so did the state that qualifies
		// the noun.
		for j := k - 1; j >= i && k-j <= 4; j-- {
			if s.toks[j].lower == "'s" {
				if m := s.mentionEndingAt(j); m != nil && m.id != actor && (m.kind == geokg.KindPerson || m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization) {
					return []string{m.id}
				}
				continue
			}
			if m := s.mentionEndingAt(j + 1); m != nil && m.kind == geokg.KindCountry && m.id != actor && (m.demonym || m.modifier) {
				return []string{m.id}
			}
			if c := st.x.ledBy(s.toks[j].text); c != "" && c != actor {
				return []string{c}
			}
		}
		if prev := st.lastOf(types, actor); prev != nil {
			return prev.IDsWithRole(geokg.RoleActor)
		}
		return nil
	}
	return nil
}

// lastOf returns the latest event coded so far whose type is one of types
// (any type when types is empty) and that actor did not do.
func (st *article) lastOf(types []string, actor string) *geokg.Event {
	for k := len(st.events) - 1; k >= 0; k-- {
		ev := &st.events[k]
		if slices.Contains(ev.IDsWithRole(geokg.RoleActor), actor) {
			continue
		}
		if len(types) == 0 || slices.Contains(types, ev.Type) {
			return ev
		}
	}
	return nil
}

// attackNouns name a use of force after "the".
var attackNouns = map[string]bool{"operation": true, "attack": true, "attacks": true, "strike": true, "strikes": true,
	"airstrikes": true, "bombing": true, "bombings": true, "bombardment": true, "invasion": true,
	"assault": true, "offensive": true, "raid": true, "raids": true, "shelling": true, "incursion": true,
	// a show of force: "condemned the test", "deplored the blasts"
	"test": true, "tests": true, "blast": true, "blasts": true, "explosion": true, "launch": true}

// hasAttackAnaphor reports whether the object of the act ending at token
// from refers back to a use of force: "the strike", "this attack", and
// with up to two modifiers between ("the air strikes", "the American-led
// attack", "the military action"). Only the act's own clause counts:
// "called the shelling a massacre and asked for a meeting" asks nothing of
// whoever shelled.
func (s *sentence) hasAttackAnaphor(from int) bool {
	for i := max(from, 1); i < len(s.toks) && i < from+10; i++ {
		w := s.toks[i].lower
		if w == ";" || w == "and" || w == "but" || w == "." {
			return false
		}
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

// toAfter reports whether "to" follows the targets that start at i before
// the clause ends: "called on Hezbollah to halt", "called on Venezuelans
// on Sunday to stay calm".
func (s *sentence) toAfter(i int) bool {
	for k := i; k < len(s.toks); k++ {
		switch s.toks[k].lower {
		case "to":
			return true
		case ",", "and":
			// "called on Israel and Hezbollah to agree": a list of
			// addressees goes on to the infinitive.
			if k+1 < len(s.toks) && s.covered(k+1) && k > 0 && s.covered(k-1) {
				continue
			}
			return false
		case ".", ";", "but":
			return false
		}
	}
	return false
}

// wherePrepositions put a place where something happens, not whom it
// concerns.
var wherePrepositions = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true,
	"over": true, "around": true, "across": true, "through": true, "of": true, "within": true}

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

// targetJoiners join one target to the next: "Putin and Lavrov", "Russia,
// China or Iran", "as well as".
var targetJoiners = map[string]bool{",": true, "and": true, "or": true, "nor": true, "as": true, "well": true}

// bodyAfter returns the organization named right after "at", "in" or
// "of" within the clause after token i, or naming the vetoed text itself
// ("a Security Council resolution"): where a veto was cast.
func (s *sentence) bodyAfter(i int) []string {
	for k := i; k < len(s.toks) && k <= i+8; k++ {
		if m := s.topAt(k); m != nil && m.start == k && m.kind == geokg.KindOrganization &&
			m.end < len(s.toks) && (s.toks[m.end].lower == "resolution" || s.toks[m.end].lower == "draft") {
			return []string{m.id}
		}
		switch s.toks[k].lower {
		case ",", ";", ".", "that", "which":
			return nil
		case "at", "in", "of":
			for j := k + 1; j < len(s.toks) && j <= k+2; j++ {
				if m := s.topAt(j); m != nil && m.kind == geokg.KindOrganization {
					return []string{m.id}
				}
			}
		}
	}
	return nil
}

// actObjectNouns name an act as what another act is about: the
// "action" of "supports military action against Libya".
var actObjectNouns = map[string]bool{"action": true, "actions": true, "strikes": true, "strike": true,
	"attack": true, "attacks": true, "war": true, "campaign": true, "intervention": true, "operation": true,
	"operations": true, "sanctions": true, "measures": true, "efforts": true, "effort": true, "offensive": true,
	"resolution": true, "move": true, "moves": true, "plan": true, "bid": true, "fight": true, "aggression": true}

// actNounBefore reports whether an act noun stands between token i and
// the first of targets: the targets are then the noun's, not the verb's.
func (s *sentence) actNounBefore(i int, targets []string) bool {
	m, ok := s.firstTarget(targets)
	if !ok {
		return false
	}
	for k := i; k < m.spanStart && k < len(s.toks); k++ {
		if actObjectNouns[s.toks[k].lower] {
			// "the measures of Lee" are Lee's: he is who is backed.
			for j := k + 1; j < m.spanStart; j++ {
				if actObjectPrepositions[s.toks[j].lower] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// actObjectPrepositions bring in whom an act noun is aimed at: "action
// against Libya", "strikes on Syria".
var actObjectPrepositions = map[string]bool{"against": true, "on": true, "in": true, "at": true, "into": true, "over": true}

// reactedActBefore reports whether the first target is named inside the
// act noun phrase a reaction takes as object: "the killing of Najibullah",
// "the attack on the embassy".
func (s *sentence) reactedActBefore(i int, targets []string) bool {
	m, ok := s.firstTarget(targets)
	if !ok {
		return false
	}
	for k := i; k < m.spanStart && k < len(s.toks); k++ {
		types, ok := actNounTypes[s.toks[k].lower]
		if !ok {
			continue
		}
		// "the measures of Lee", "the decision of the council": who took
		// a step is named after "of"; who underwent a killing too.
		return !(len(types) == 0 && k+1 < len(s.toks) && s.toks[k+1].lower == "of")
	}
	return false
}

// toBefore reports whether "to" stands between token i and the first
// mention of id: "surrendered to American troops".
func (s *sentence) toBefore(i int, id string) bool {
	m, ok := s.mentionByID(id)
	if !ok {
		return false
	}
	for k := i - 1; k < m.spanStart && k < len(s.toks); k++ {
		if k >= 0 && s.toks[k].lower == "to" {
			return true
		}
	}
	return false
}

// withoutPeoples drops the targets written as a people or a crowd: a
// demonym in the plural ("Romanians") or a group of civilians or
// protesters.
func (s *sentence) withoutPeoples(targets []string, from int) []string {
	var out []string
	for _, id := range targets {
		people := false
		for _, m := range s.ments {
			if m.id != id || m.start < from {
				continue
			}
			if m.sector == geokg.SectorCivilians || m.sector == geokg.SectorProtesters || m.demonym && strings.HasSuffix(m.surface, "s") {
				people = true
			}
			break
		}
		if !people {
			out = append(out, id)
		}
	}
	return out
}

// whWords open an indirect question.
var whWords = wordSet("how why whether what where who")

// topicPrepositions bring in what an object is about.
var topicPrepositions = wordSet("on about into over regarding concerning")

// inTopicPhrase reports whether m stands in a phrase saying what a
// common-noun object after token i is about: "stood by their findings on
// Russian meddling". Such a name is the topic, not whom the act is done
// to.
func (s *sentence) inTopicPhrase(i int, m *mention) bool {
	p := m.spanStart - 1
	if p > i && s.toks[p].lower == "the" {
		p--
	}
	if p <= i || !topicPrepositions[s.toks[p].lower] {
		return false
	}
	// A common noun, not a name, before the preposition.
	n := s.toks[p-1]
	return n.isWord() && !n.isCap() && !s.covered(p-1) && !determiners[n.lower]
}

// facilityNouns name a site a body or state owns.
var facilityNouns = wordSet(`base bases headquarters compound compounds embassy consulate school schools hospital
	hospitals office offices building buildings camp camps facility facilities plant airport post posts`)

// facilityAtPlace reports whether mention m qualifies a facility that
// the sentence then places at a named place: "a United Nations base at
// Qana", "the Turkish embassy in Kabul".
func (s *sentence) facilityAtPlace(m *mention) bool {
	if m.kind != geokg.KindOrganization && m.kind != geokg.KindCountry {
		return false
	}
	k := m.end
	if k+1 >= len(s.toks) || !facilityNouns[s.toks[k].lower] {
		return false
	}
	k++
	if w := s.toks[k].lower; w != "at" && w != "in" && w != "near" {
		return false
	}
	k++
	if k < len(s.toks) && s.toks[k].lower == "the" {
		k++
	}
	p := s.topAt(k)
	return p != nil && p.kind == geokg.KindLocation
}

// nextComma returns the index of the first comma after i within the
// clause, -1 when a full stop or semicolon comes first.
func (s *sentence) nextComma(i int) int {
	for k := i; k < len(s.toks); k++ {
		switch s.toks[k].text {
		case ",":
			return k
		case ".", ";":
			return -1
		}
	}
	return -1
}

// withTakers are the types whose other side "with" names.
var withTakers = map[string]bool{"CONSULT": true, "DIPLOMATIC_COOPERATION": true, "MATERIAL_COOPERATION": true,
	"INTENT_TO_COOPERATE": true, "REDUCE_RELATIONS": true}

// withTarget returns the party named right after the first "with" within
// ten words after token i, in the same clause.
func (s *sentence) withTarget(i int, actor string, alive func(*mention) bool) []string {
	for k := i; k < len(s.toks) && k <= i+10; k++ {
		switch s.toks[k].lower {
		case ".", ";", ",", "and", "but", "that", "which", "who":
			return nil
		case "with":
			j := k + 1
			if j < len(s.toks) && s.toks[j].lower == "the" {
				j++
			}
			if m := s.topAt(j); m != nil && m.start == j && !m.inert() && alive(m) && m.id != actor && m.kind != geokg.KindLocation {
				return []string{m.id}
			}
			return nil
		}
	}
	return nil
}

// aimedAt reports whether "at" before m aims an act at it ("strike back
// at Israel", "fired at", "lashed out at") rather than placing it.
func aimedAt(s *sentence, m *mention) bool {
	k := m.spanStart - 1
	if k > 0 && s.toks[k].lower == "the" {
		k--
	}
	if k < 1 || s.toks[k].lower != "at" {
		return false
	}
	switch s.toks[k-1].lower {
	case "back", "out", "fired", "fire", "firing", "aimed", "directed", "angry", "furious", "struck", "strike", "hit", "shot":
		return true
	}
	return false
}

// stateSides and personSides after "both" or "the two" name two states or
// two people.
var (
	stateSides  = wordSet("governments countries nations capitals neighbours neighbors")
	personSides = wordSet("men leaders rivals presidents women")
)

// bothSides reads "both governments", "the two leaders" right after token
// i as the last two distinct states (or people) named before it, in this
// sentence or the three before, leaving out the actor and its country.
func (st *article) bothSides(s *sentence, i int, actor string) []string {
	k := i
	switch {
	case k+1 < len(s.toks) && s.toks[k].lower == "both":
		k++
	case k+2 < len(s.toks) && s.toks[k].lower == "the" && s.toks[k+1].lower == "two":
		k += 2
	default:
		return nil
	}
	w := s.toks[k].lower
	var kind geokg.Kind
	switch {
	case stateSides[w]:
		kind = geokg.KindCountry
	case personSides[w]:
		kind = geokg.KindPerson
	default:
		return nil
	}
	own := st.countryOf(actor)
	var out []string
	add := func(ms []*mention, before int) bool {
		for j := len(ms) - 1; j >= 0; j-- {
			m := ms[j]
			if m.start >= before || m.kind != kind || m.nested || m.id == actor || m.id == own || slices.Contains(out, m.id) {
				continue
			}
			out = append(out, m.id)
			if len(out) == 2 {
				return true
			}
		}
		return false
	}
	if add(s.ments, i) {
		return sortedPair(out)
	}
	for j := s.idx - 1; j >= 0 && j >= s.idx-3; j-- {
		if add(st.sents[j].ments, len(st.sents[j].toks)) {
			return sortedPair(out)
		}
	}
	return nil
}

// sortedPair returns the two sides in the order the text named them.
func sortedPair(ids []string) []string {
	return []string{ids[1], ids[0]}
}

// ledBy returns the country of a compound like "American-led" or
// "Saudi-backed", "" for any other word.
func (x *Extractor) ledBy(w string) string {
	head, ok := strings.CutSuffix(w, "-led")
	if !ok {
		if head, ok = strings.CutSuffix(w, "-backed"); !ok {
			return ""
		}
	}
	toks := tokenize(head)
	for _, m := range x.names.matchesAt(toks, 0) {
		if m.end == len(toks) && m.v.kind == geokg.KindCountry {
			return m.v.id
		}
	}
	return ""
}

// firstTarget returns the mention of the first of targets in s.
func (s *sentence) firstTarget(targets []string) (*mention, bool) {
	if len(targets) == 0 {
		return nil, false
	}
	return s.mentionByID(targets[0])
}
