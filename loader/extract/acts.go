package extract

// Which words report an act, what CAMEO code they carry, and whether the
// act happened at all. An act is found, in this order of trust, by a
// phrase of the code book (events.yaml's triggers), by a light verb and
// the act noun it governs ("launched air and missile strikes against",
// "held talks with", "imposed sanctions on": events.yaml's nouns), or by a
// show of force or an agreement written with words between.

import (
	"strings"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// act is a stretch of a sentence that reports an event.
type act struct {
	start, end int // the words that report it; targets are read after end
	et         *kb.EventType
	code       string // the full CAMEO code; "" takes the type's own
	// head is the word that carries the act: the verb of "launched a
	// strike", the noun of "the invasion of". Negation, modality and
	// tense are read before it.
	head int
	// nominal marks an act written as a noun phrase ("the invasion of",
	// "air strikes on") rather than with a verb of its own.
	nominal bool
	// light marks a light verb with its act noun ("held talks with").
	light bool
	// patternEnd is where the words a dictionary pattern needed end
	// ("launched air strikes" for "* {AIR STRIKE}"): targets follow them.
	patternEnd int
	// fromPattern says a dictionary pattern gave the code; block names the
	// dictionary's verb block the act's verb belongs to.
	fromPattern bool
	block       string
	// judgement marks criticism written as a judgement ("called the raid
	// state terrorism"): its target is what is judged.
	judgement bool
	feeling   bool // the judgement is a feeling the act caused ("disappointed")
	// crowd marks an act that is a protest only when a crowd does it:
	// "thousands of protesters gathered", not "leaders gathered".
	crowd bool
	// reported marks an act read from what a speaker says ("vowed that
	// Hamas would strike back at Israel"): the name before the promised
	// verb is the speaker's side, never the target.
	reported bool
	// skipTo, when set, is where reading resumes after the act: the
	// words up to it are its own ("said Ottawa had to").
	skipTo int
}

// trigger is one phrase of the code book: its type and, when the phrase
// says more than the type, its full CAMEO code.
type trigger struct {
	et   *kb.EventType
	code string
}

// parseCoded splits "air strike [195]" into the phrase and its code.
func parseCoded(s string) (phrase, code string) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '['); i > 0 && strings.HasSuffix(s, "]") {
		return strings.TrimSpace(s[:i]), s[i+1 : len(s)-1]
	}
	return s, ""
}

// actAt returns the act that opens at token i, if any.
func (st *article) actAt(s *sentence, i int) (act, bool) {
	if !st.x.actStarts[s.toks[i].lower] {
		return act{}, false
	}
	if ms := st.x.triggers.matchesAt(s.toks, i); len(ms) > 0 {
		m := ms[len(ms)-1]
		a := act{start: m.start, end: m.end, et: m.v.et, code: m.v.code, head: m.start}
		a.nominal = nominalHeads[s.toks[i].lower]
		// A light verb and the noun it governs say more than the verb
		// alone: "struck" is a blow, "struck a ceasefire deal" an
		// agreement. A phrase of the code book says more than either.
		if la, ok := st.lightVerbAt(s, i); ok && la.end > a.end && a.end-a.start == 1 {
			return la, true
		}
		return a, true
	}
	if a, ok := st.lightVerbAt(s, i); ok {
		return a, true
	}
	if a, ok := st.hostageAt(s, i); ok {
		return a, true
	}
	if a, ok := st.conquestAt(s, i); ok {
		return a, true
	}
	if a, ok := st.crowdAt(s, i); ok {
		return a, true
	}
	if a, ok := st.reportedDemandAt(s, i); ok {
		return a, true
	}
	if a, ok := st.judgementAt(s, i); ok {
		return a, true
	}
	if a, ok := st.vowAt(s, i); ok {
		return a, true
	}
	if m, ok := st.forcePostureAt(s, i); ok {
		return act{start: m.start, end: m.end, et: m.v, head: m.start}, true
	}
	if m, ok := st.agreementAt(s, i); ok {
		return act{start: m.start, end: m.end, et: m.v, head: m.start}, true
	}
	// "Xi, meeting Tusk in Beijing, said": a participle after a comma is
	// the act; "a two-hour meeting" is a noun.
	if i > 0 && s.toks[i-1].text == "," {
		if typ, ok := commaParticiples[s.toks[i].lower]; ok {
			if et := st.x.eventType(typ); et != nil {
				return act{start: i, end: i + 1, et: et, head: i}, true
			}
		}
	}
	return st.dictVerbAt(s, i)
}

// nominalHeads open a trigger that is a noun phrase, not a verb: "attack
// on", "air strikes on", "invasion of", "sanctions against", "talks with".
var nominalHeads = map[string]bool{"attack": true, "attacks": true, "invasion": true, "bombing": true,
	"bombings": true, "strike": true, "strikes": true, "airstrikes": true, "airstrike": true, "air": true,
	"missile": true, "sanctions": true, "accusations": true, "accusation": true, "massacre": true,
	"ethnic": true, "ultimatum": true, "talks": true, "meeting": true, "protests": true, "offensive": true,
	"shelling": true, "raid": true, "raids": true, "negotiations": true}

// lightVerbs carry no act of their own but report the act of the noun
// they govern: "launched strikes", "held talks", "imposed sanctions",
// "staged a protest". Every form is listed, as the code book lists its
// triggers.
var lightVerbs = wordSet(`approve approves approved approving vote votes voted voting launch launches launched launching carry carries carried carrying conduct conducts
	conducted conducting stage stages staged staging mount mounts mounted mounting begin begins began begun
	beginning start starts started starting open opens opened opening hold holds held holding impose imposes
	imposed imposing announce announces announced announcing sign signs signed signing reach reaches reached
	reaching seal seals sealed sealing conclude concludes concluded concluding make makes made making issue
	issues issued issuing wage wages waged waging unleash unleashes unleashed unleashing resume resumes
	resumed resuming order orders ordered ordering declare declares declared declaring lead leads led
	leading step stepped intensify intensified intensifies escalate escalated escalates renew renews
	renewed renewing hit hits slap slaps slapped tighten tightens tightened extend extends extended
	go goes went gone call calls called calling organise organised organize organized fire fires fired firing
	firing suspend suspends suspended suspending freeze freezes froze frozen freezing halt halts halted
	halting cut cuts cutting stop stops stopped stopping end ends ended break breaks broke broken breaking
	cancel cancels cancelled canceled cancelling scrap scraps scrapped revoke revokes revoked sever severs
	severed downgrade downgrades downgraded lift lifts lifted lifting ease eases eased easing relax relaxes
	relaxed restore restores restored restoring re-establish re-established reopen reopened establish
	established establishes lodge lodges lodged lodging file files filed filing send sends sent sending
	deploy deploys deployed deploying dispatch dispatched dispatches move moves moved moving pump pumping
	pumped`)

// reducingVerbs stop or take back what their noun names: "suspended
// talks", "froze aid", "cut ties", "revoked the agreement".
var reducingVerbs = wordSet(`suspend suspends suspended suspending freeze freezes froze frozen freezing halt halts
	halted halting cut cuts cutting stop stops stopped stopping end ends ended break breaks broke broken
	breaking cancel cancels cancelled canceled cancelling scrap scraps scrapped revoke revokes revoked sever
	severs severed downgrade downgrades downgraded call calls called`)

// tradeNouns are what an embargo stops.
var tradeNouns = wordSet("oil gas supplies deliveries exports imports trade flights")

// easingVerbs take back a sanction, ban or blockade: "lifted the
// embargo", "eased the curfew".
var easingVerbs = wordSet(`lift lifts lifted lifting ease eases eased easing relax relaxes relaxed end ends ended
	suspend suspends suspended suspending`)

// reducedCodes are the codes of taking back a cooperation, by the type
// of the act its noun names: aid cut (162), talks halted (164),
// agreements and ties broken (161).
var reducedCodes = map[string]string{"MATERIAL_COOPERATION": "162", "CONSULT": "164",
	"DIPLOMATIC_COOPERATION": "161", "INTENT_TO_COOPERATE": "160"}

// easedCodes are the codes of easing what the noun names: sanctions and
// embargoes (085), bans and curfews (081), blockades (0872).
var easedCodes = map[string]string{"REDUCE_RELATIONS": "085", "COERCE": "081", "FIGHT": "0872"}

// lightParticles may follow a light verb before its noun: "carried out",
// "stepped up".
var lightParticles = map[string]bool{"out": true, "up": true, "on": true, "for": true}

// lightSkip are the words that may stand between a light verb and its
// act noun: articles, numbers, adjectives and modifiers of the noun ("a
// series of", "fresh", "59 cruise missile").
func lightSkip(t token) bool {
	if t.text == "," || t.text == "." || t.text == ";" || t.text == ":" || t.text == `"` {
		return false
	}
	switch t.lower {
	case "that", "which", "who", "because", "but", "to", "after", "before", "when", "while", "if", "said", "says":
		return false
	}
	return true
}

// lightVerbAt matches a light verb at token i and the act noun it governs
// at most seven words on within the clause: "launched a missile strike
// on", "held two days of talks with", "imposed new sanctions on".
func (st *article) lightVerbAt(s *sentence, i int) (act, bool) {
	if !lightVerbs[s.toks[i].lower] {
		return act{}, false
	}
	// "the strike he ordered", "talks held in Geneva": a light verb
	// right after a noun it follows is a participle, not the act.
	if i > 0 && determiners[s.toks[i-1].lower] {
		return act{}, false
	}
	k := i + 1
	if k < len(s.toks) && lightParticles[s.toks[k].lower] {
		k++
	}
	for ; k < len(s.toks) && k <= i+8; k++ {
		if ms := st.x.actNouns.matchesAt(s.toks, k); len(ms) > 0 {
			m := ms[len(ms)-1]
			// The noun is the head only when no other noun follows it
			// within its phrase: "strike" is no head in "strike force".
			if m.end < len(s.toks) && (compoundAfter[s.toks[m.end].lower] || len(st.x.actNouns.matchesAt(s.toks, m.end)) > 0) {
				continue // "oil embargo", "gas agreement": the last noun is the head
			}
			// "a trade and oil embargo": the nouns joined before the head
			// qualify it.
			if m.end+1 < len(s.toks) && (s.toks[m.end].lower == "and" || s.toks[m.end].lower == "or") && st.actNounWithin(s, m.end+1, 3) {
				continue
			}
			code := m.v.code
			if c, ok := refineByModifiers(s, i+1, m.start, code); ok {
				code = c
			}
			et := m.v.et
			// "imposed an economic blockade on Burundi": a blockade of
			// trade is an embargo (163), not a naval one (191).
			if code == "191" && tradeWordBetween(s, i+1, m.start) {
				if r := st.x.eventType("REDUCE_RELATIONS"); r != nil {
					et, code = r, "163"
				}
			}
			// "suspended talks with", "froze aid to", "cut ties with": the
			// cooperation is taken back; "lifted the embargo": the
			// sanction is.
			verb := s.toks[i].lower
			if c, ok := reducedCodes[et.Type]; ok && (reducingVerbs[verb] || verb == "broke" && k > i+1 && s.toks[i+1].lower == "off") {
				if r := st.x.eventType("REDUCE_RELATIONS"); r != nil {
					et, code = r, c
					// "stopped pumping crude oil to", "suspended beef imports":
					// trade cut off is an embargo.
					if code == "162" && tradeNouns[s.toks[m.end-1].lower] {
						code = "163"
					}
				}
			} else if c, ok := easedCodes[et.Type]; ok && easingVerbs[verb] {
				if y := st.x.eventType("YIELD"); y != nil {
					et, code = y, c
				}
			} else if (reducingVerbs[verb] || easingVerbs[verb]) && et.Type != "DISAPPROVE" {
				return act{}, false // "ended the fighting", "cut the talks short" as a report of an act: too loose
			}
			// "staged a strike", "called a general strike", "went on
			// strike": a strike of workers, not of warplanes.
			if strings.HasPrefix(s.toks[m.start].lower, "strike") && (protestVerbs[s.toks[i].lower] || s.toks[m.start-1].lower == "general" || s.toks[m.start-1].lower == "hunger") {
				if p := st.x.eventType("PROTEST"); p != nil {
					et, code = p, "143"
					if s.toks[m.start-1].lower == "hunger" {
						code = "142"
					}
				}
			}
			return act{start: i, end: m.end, et: et, code: code, head: i, light: true}, true
		}
		if !lightSkip(s.toks[k]) || s.covered(k) && !s.isModifierAt(k) || s.verbJoinedAt(k) {
			return act{}, false
		}
	}
	return act{}, false
}

// protestVerbs make "strike" a stoppage of work.
var protestVerbs = wordSet("stage stages staged staging call calls called calling go goes went gone hold holds held holding organise organised organize organized")

// compoundAfter are nouns that make the word before them a modifier: the
// "strike" of "strike force", the "attack" of "attack helicopters".
var compoundAfter = wordSet("force forces group groups helicopter helicopters aircraft jets submarine submarines drone drones plan plans team teams")

// refineByModifiers makes a code more precise from the words before the
// act noun: "air strikes" and "missile strikes" employ aerial weapons
// (195), "artillery" and "tank" fire is 194.
func refineByModifiers(s *sentence, from, to int, code string) (string, bool) {
	if !strings.HasPrefix(code, "19") {
		return "", false
	}
	for k := from; k < to; k++ {
		switch s.toks[k].lower {
		case "air", "aerial", "missile", "missiles", "cruise", "drone", "rocket", "rockets", "bombing":
			return "195", true
		case "artillery", "tank", "mortar", "shelling":
			return "194", true
		}
	}
	return "", false
}

// isModifierAt reports whether token i lies in a mention that only
// qualifies the noun after it ("Russian" in "Russian air strikes").
func (s *sentence) isModifierAt(i int) bool {
	for _, m := range s.ments {
		if i >= m.start && i < m.end {
			return m.modifier || m.demonym
		}
	}
	return false
}

func wordSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

// backgroundPrepositions put an act written as a noun into the
// circumstances of another: "after the U.S. missile strike on Shayrat",
// "to push for new sanctions on Moscow", "failed to agree on sanctions".
var backgroundPrepositions = wordSet("after before since following over about on of for against despite amid from during in into under until without with by as")

// inBackground reports whether the nominal act a stands in a phrase a
// preposition governs: the noun is then what another act is about or when
// it happened, not an act the sentence reports.
func (s *sentence) inBackground(a act) bool {
	if !a.nominal {
		return false
	}
	k := a.start - 1
	// Step back over the noun's own modifiers: articles, possessives,
	// adjectives, numbers and the names that qualify it ("the U.S.",
	// "Russia's", "new", "last week's").
	for steps := 0; k >= 0 && steps < 6; steps++ {
		t := s.toks[k]
		if backgroundPrepositions[t.lower] {
			// "flew to Port-au-Prince for talks with Cédras", "led a
			// delegation to Moscow for talks": the journey was made for
			// the act, which took place.
			if t.lower == "for" && s.journeyBefore(k) {
				return false
			}
			return true
		}
		if t.text == "," || t.text == ";" || t.text == ":" || lightVerbs[t.lower] {
			return false
		}
		k--
	}
	return false
}

// restatesAct reports whether a nominal act is an apposition that names
// again the act its clause reports: ", its first direct attack on the
// forces of Assad" after "launched a missile strike".
func (s *sentence) restatesAct(a act) bool {
	if !a.nominal {
		return false
	}
	for k := a.start - 1; k >= 1 && a.start-k <= 4; k-- {
		switch s.toks[k].lower {
		case "its", "their", "his", "her":
			return s.toks[k-1].text == "," || s.toks[k-1].text == "-"
		case ",", ";", ".":
			return false
		}
	}
	return false
}

// inThingRelative reports whether token i stands in a relative clause
// that describes a thing: "a draft resolution that condemned the attack",
// "the no-fly zone that the league had called for". The clause's act is
// what the thing is or was, not an act the sentence reports.
func (s *sentence) inThingRelative(i int) bool {
	for k := i - 1; k >= 1 && i-k <= 10; k-- {
		t := s.toks[k]
		switch t.lower {
		case ",", ";", ".", `"`, "and", "but":
			return false
		case "that", "which":
			// "later that day": a demonstrative, not a relative pronoun.
			if k+1 < len(s.toks) && timeNouns[s.toks[k+1].lower] {
				continue
			}
			prev := s.toks[k-1]
			// "a resolution at the UN Security Council that condemned":
			// after a place phrase the clause goes with the noun before.
			if m := s.mentionEndingAt(k); m != nil {
				return m.spanStart > 0 && (s.after(m, "at", "in") || s.toks[m.spanStart-1].lower == "at" || s.toks[m.spanStart-1].lower == "in")
			}
			if !prev.isWord() || prev.isCap() && k-1 > 0 {
				return false
			}
			// "told the ministers that": what a speech verb's hearer is
			// told, not a relative clause.
			for j := k - 1; j >= 0 && k-j <= 4; j-- {
				if clauseTakers[s.toks[j].lower] {
					return false
				}
			}
			return !strings.HasSuffix(prev.lower, "ed") && !strings.HasSuffix(prev.lower, "ly")
		}
	}
	return false
}

// timeNouns follow a demonstrative "that" in a time phrase.
var timeNouns = wordSet("day week month year morning afternoon evening night weekend time")

// clauseTakers are the words after which "that" opens what is said,
// believed or shown, not a relative clause: "said that", "so that".
var clauseTakers = wordSet(`said says say saying told tells warned warns insisted insists claimed claims
	believed believes argued argues added adds noted notes stated states announced announces reported reports
	confirmed confirms denied denies agreed agrees showed shows found finds know knows knew think thinks thought
	hoped hopes feared fears suggested suggests acknowledged admitted admits alleged alleges charged charges
	concluded ruled declared declares so such now given fact sign signs evidence news report reports
	assurances assurance hope fear`)

// realisedAfterTo are the verbs whose infinitive reports an act that took
// place: "began to withdraw", "managed to enter".
var realisedAfterTo = wordSet(`began begun begins start started starts continued continues managed manages moved moves
	went proceeded voted votes decided decides chose opted`)

// infinitiveOfAnother reports whether the act at i is an infinitive that
// another verb governs: "refused to meet", "threatened to impose",
// "plans to visit", "urged Israel to halt". Such an infinitive says what
// was refused, threatened, planned or asked, not an act of its own.
func (s *sentence) infinitiveOfAnother(i int) bool {
	p := i - 1
	for p >= 0 && strings.HasSuffix(s.toks[p].lower, "ly") && i-p <= 2 {
		p--
	}
	if p < 0 || s.toks[p].lower != "to" {
		return false
	}
	if p == 0 {
		return true
	}
	// "voted on December 22 to deplore": a time phrase may stand
	// between the verb and its infinitive.
	v := p - 1
	for v > 0 && p-v <= 4 && (timeFiller[s.toks[v].lower] || weekdayOrMonth(s.toks[v].lower) || isNumber(s.toks[v].text)) {
		v--
	}
	if realisedAfterTo[s.toks[v].lower] {
		return false
	}
	// "Kuchma flew to Moscow to meet him": the purpose of a journey that
	// was made is the act it was made for; "is due to travel to Jordan to
	// meet" is still to come.
	for k := p - 1; k >= 0 && p-k <= 6; k-- {
		w := s.toks[k].lower
		if w == "," || w == ";" {
			break
		}
		if pastMotion[w] {
			return false
		}
	}
	return true
}

// pastMotion are journeys made and calls placed, whose purpose infinitive
// reports an act: "telephoned him that night to thank him".
var pastMotion = wordSet(`flew travelled traveled went came arrived drove sailed headed returned rushed hurried
	telephoned phoned rang wrote`)

// conditional reports whether the act at i is conditioned or asked about:
// it stands in an "if", "unless" or "whether" clause, or a "would" or
// "will" before it waits on one ("would meet Putin again if ...").
func (s *sentence) conditional(i int) bool {
	modal := false
	for k := i - 1; k >= 0 && i-k <= 8; k-- {
		w := s.toks[k].lower
		if w == "," || w == ";" || w == "." {
			break
		}
		switch w {
		case "if", "unless", "whether", "until":
			return true
		case "would", "will", "'d", "'ll":
			modal = true
		}
	}
	if !modal {
		return false
	}
	for k := i + 1; k < len(s.toks); k++ {
		switch s.toks[k].lower {
		case "if", "unless", "provided":
			return true
		case ".", ";":
			return false
		}
	}
	return false
}

// failedAt reports whether the act at i is one its subject failed,
// declined or was unable to do: "failed to agree", "declined to meet".
func (s *sentence) failedAt(i int) bool {
	if i < 2 || s.toks[i-1].lower != "to" {
		return false
	}
	switch s.toks[i-2].lower {
	case "failed", "fail", "fails", "unable", "declined", "refused", "refuses", "refusing", "refuse":
		return true
	}
	return false
}

// militaryNouns are what a show of force moves: "mobilised 10,000
// reservists", "deployed troops", not "mobilized pressure groups".
var militaryNouns = wordSet(`troops soldiers forces army armies reservists reserves units battalions brigades
	divisions tanks warships ships aircraft jets warplanes bombers fighters missiles navy fleet military
	police paratroopers marines militia militias personnel artillery carrier carriers submarines`)

// hasFittingObject reports whether an act's object fits its type where the
// verb alone is too broad: a show of force needs forces or nothing as its
// object.
func (st *article) hasFittingObject(s *sentence, a act) bool {
	if a.et.Type != "FORCE_POSTURE" || a.end-a.start != 1 {
		return true
	}
	for k := a.end; k < len(s.toks) && k <= a.end+4; k++ {
		t := s.toks[k]
		if militaryNouns[t.lower] {
			return true
		}
		if !t.isWord() || backgroundPrepositions[t.lower] || t.lower == "to" {
			return true // no object: "the army mobilised on Sunday"
		}
		if s.covered(k) && !s.isModifierAt(k) {
			return true
		}
		if !determiners[t.lower] && !quantifiers[t.lower] && !isNumber(t.lower) && !strings.HasSuffix(t.lower, "al") && !s.isModifierAt(k) {
			return false // "pressure groups", "supporters"
		}
	}
	return true
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return false
		}
	}
	return true
}

// hostageVerbs hold people as hostages: "held Prime Minister Chaudhry and
// most of his cabinet hostage", "took 20 tourists hostage".
var hostageVerbs = wordSet("held hold holds holding took take takes taking taken kept keep keeps keeping seized seize seizes seizing")

// hostageAt matches a verb at token i whose object is taken hostage
// within the next dozen words of its clause; the act is the verb, so its
// targets are read right after it.
func (st *article) hostageAt(s *sentence, i int) (act, bool) {
	if !hostageVerbs[s.toks[i].lower] {
		return act{}, false
	}
	for k := i + 1; k < len(s.toks) && k <= i+12; k++ {
		switch s.toks[k].lower {
		case "hostage", "hostages", "captive":
			if et := st.x.eventType("ASSAULT"); et != nil {
				return act{start: i, end: i + 1, et: et, code: "181", head: i}, true
			}
		case ".", ";", ":":
			return act{}, false
		}
	}
	return act{}, false
}

// conquestVerbs take a place by force when their object is one: "took
// Sirte", "swept into Kabul", "stormed the parliament".
var conquestVerbs = map[string]string{"took": "192", "take": "192", "takes": "192", "taking": "192",
	"captured": "192", "captures": "192", "capturing": "192", "seized": "192", "seizes": "192",
	"entered": "192", "enters": "192", "overran": "192", "overrun": "192", "overruns": "192",
	"retook": "192", "retakes": "192", "recaptured": "192", "recaptures": "192", "stormed": "190",
	"storms": "190", "besieged": "191", "encircled": "190", "surrounded": "190"}

// conquestStops between a conquest verb and a place make the place no
// object of it.
var conquestStops = wordSet("to from in at on for by with toward towards near")

// conquestPhrases are the two-word forms: "swept into", "rode into".
var conquestPhrases = wordSet("swept rode rolled marched poured advanced pushed moved drove")

// conquestAt matches a verb at token i that takes a place by force, when
// a place (or a country's capital) follows within three words: the
// object decides, since "took office" and "seized the moment" take
// nothing.
func (st *article) conquestAt(s *sentence, i int) (act, bool) {
	w := s.toks[i].lower
	code, ok := conquestVerbs[w]
	end := i + 1
	if !ok && conquestPhrases[w] && i+1 < len(s.toks) && s.toks[i+1].lower == "into" {
		code, ok, end = "192", true, i+2
	}
	if !ok || !s.verbAt(i, 1) && !conquestPhrases[w] {
		return act{}, false
	}
	for k := end; k < len(s.toks) && k <= end+3; k++ {
		m := s.topAt(k)
		if m == nil {
			// "took a bus to Lahore": a place after a preposition is
			// where the object went, not what was taken.
			if t := s.toks[k]; !t.isWord() || t.isCap() || conquestStops[t.lower] {
				return act{}, false
			}
			continue
		}
		if m.kind != geokg.KindLocation || m.water {
			return act{}, false
		}
		if et := st.x.eventType("FIGHT"); et != nil {
			return act{start: i, end: end, et: et, code: code, head: i}, true
		}
	}
	return act{}, false
}

// warningVerbs threaten when what they warn of is a consequence.
var warningVerbs = wordSet("warned warns warn warning")

// consequenceWords in what is warned of make it a threat: "warned that
// it would respond", "warned that any attack could", "if".
var consequenceWords = wordSet("would will could might may must if unless or otherwise consequences risk risks risked face faces faced suffer pay")

// plainWarning reports whether a is a warning that only states how things
// are: "warned that hospitals were running out of fuel" reports a fear,
// not a threat (CAMEO 13 needs a consequence the speaker would bring).
func (s *sentence) plainWarning(a act) bool {
	if a.end-a.start != 1 || !warningVerbs[s.toks[a.head].lower] || a.et.Type != "THREATEN" {
		return false
	}
	k := a.end
	// "warned on Monday that": a time phrase may come first.
	for k < len(s.toks) && k < a.end+4 && s.toks[k].lower != "that" {
		k++
	}
	if k >= len(s.toks) || s.toks[k].lower != "that" {
		return false
	}
	for j := k + 1; j < len(s.toks); j++ {
		w := s.toks[j].lower
		if consequenceWords[w] || strings.HasSuffix(w, "'ll") {
			return false
		}
		if w == ";" || w == "but" {
			break
		}
	}
	return true
}

// chargeVerbs lay an act at someone's door; the acts in the charge are
// alleged, not reported.
var chargeVerbs = wordSet(`accused accuses accusing blamed blames blaming criticised criticized criticises
	criticizes condemned condemns denounced denounces faulted faults charged charges`)

// inCharge reports whether the gerund act a belongs to a charge made
// earlier in its clause: "accused the West of dangerous behaviour by
// sending weapons to Ukraine", "criticised Tehran for arming the
// rebels". Who is charged did it, if anyone did; the sentence reports
// only the charge.
func (s *sentence) inCharge(a act) bool {
	if !strings.HasSuffix(s.toks[a.start].lower, "ing") || a.start == 0 {
		return false
	}
	switch s.toks[a.start-1].lower {
	case "by", "of", "for", "in":
	default:
		return false
	}
	for k := a.start - 2; k >= 0 && a.start-k <= 14; k-- {
		w := s.toks[k].lower
		if w == ";" || w == "." || w == "but" {
			return false
		}
		if chargeVerbs[w] {
			return true
		}
	}
	return false
}

// vowVerbs promise or warn what another will suffer.
var vowVerbs = wordSet("vowed vows vow swore swears promised promises warned warns")

// sufferWords after "would" or "will" say the one named will be made to
// suffer: "Israel would pay for Qana", "they will regret it".
var sufferWords = wordSet("pay regret suffer rue")

// vowAt matches a threat written as a promise of what someone will
// suffer: "vowed on Thursday night that Israel would pay for Qana",
// "warned that Washington will regret". The one who will suffer is the
// target (CAMEO 130).
func (st *article) vowAt(s *sentence, i int) (act, bool) {
	if !vowVerbs[s.toks[i].lower] {
		return act{}, false
	}
	k := i + 1
	for k < len(s.toks) && k <= i+5 && s.toks[k].lower != "that" && s.toks[k].text != "," && s.toks[k].text != "." {
		k++
	}
	if k >= len(s.toks) || s.toks[k].lower != "that" {
		return act{}, false
	}
	m := s.topAt(k + 1)
	if m == nil || m.end+1 >= len(s.toks) {
		return act{}, false
	}
	aux := s.toks[m.end].lower
	if aux != "would" && aux != "will" {
		return act{}, false
	}
	et := st.x.eventType("THREATEN")
	if et == nil {
		return act{}, false
	}
	// "vowed that Hamas would strike back at Israel": the speaker's side
	// promises force, and whom it will strike follows the verb (138).
	if v := s.toks[m.end+1].lower; promisedForce[v] {
		return act{start: i, end: i + 1, et: et, code: "138", head: i, patternEnd: m.end + 2, reported: true}, true
	}
	if !sufferWords[s.toks[m.end+1].lower] {
		return act{}, false
	}
	return act{start: i, end: i + 1, et: et, code: "130", head: i, patternEnd: k + 1}, true
}

// timeFiller are the small words of a time phrase: "on Sunday", "late on
// Monday", "this week".
var timeFiller = wordSet("on late early last this next in at night morning evening afternoon week")

// ownSideNouns name a speaker's own side without naming it.
var ownSideNouns = wordSet("group movement army government organisation organization militia rebels alliance")

// promisedForce after "would" or "will" in what a speaker says promise force.
var promisedForce = wordSet("strike attack retaliate hit invade bomb")

// reportedDemandAt reads a demand or threat made in reported speech:
// "said on Wednesday that the United States must stop its flights" and
// "told the Russian president that he needed to get out" ask the one who
// must act (CAMEO 100); "said that the United States would strike again
// if it had to" threatens force (138). The act is the speech verb's.
func (st *article) reportedDemandAt(s *sentence, i int) (act, bool) {
	if !speechVerbs[s.toks[i].lower] {
		return act{}, false
	}
	skipTime := func(k int) int {
		for from := k; k < len(s.toks) && k <= from+4 && (timeFiller[s.toks[k].lower] || weekdayOrMonth(s.toks[k].lower) ||
			isNumber(s.toks[k].text) || s.toks[k].lower == "same" || s.toks[k].lower == "day" ||
			(s.toks[k].lower == "the" && k+1 < len(s.toks) && s.toks[k+1].lower == "same")); k++ {
		}
		return k
	}
	k := skipTime(i + 1)
	// "told the Russian president on Saturday that he needed to get out":
	// whom the speaker told, then what.
	var hearer *mention
	if s.toks[i].lower == "told" || s.toks[i].lower == "tells" {
		h := k
		if h < len(s.toks) && s.toks[h].lower == "the" {
			h++
		}
		for _, m := range s.ments {
			// "the Russian president": the office's holder spans from
			// its qualifier.
			if (m.start == h || m.spanStart == h) && !m.inert() && m.kind != geokg.KindLocation {
				hearer, k = m, skipTime(m.end)
				break
			}
		}
	}
	if (s.toks[i].lower == "told" || s.toks[i].lower == "tells") && hearer == nil {
		// "told a reporter on Monday that": an unnamed hearer.
		for j := k; j < len(s.toks) && j <= k+5; j++ {
			if w := s.toks[j].lower; w == "that" {
				k = j
				break
			} else if w == "," || w == "." || s.covered(j) {
				break
			}
		}
	}
	if k < len(s.toks) && s.toks[k].lower == "that" {
		k++
	} else if hearer != nil {
		return act{}, false
	}
	if k < len(s.toks) && s.toks[k].lower == "the" {
		k++
	}
	subjEnd, target := -1, (*mention)(nil)
	if m := s.topAt(k); m != nil && m.start == k && !m.inert() {
		subjEnd, target = m.end, m
	} else if hearer != nil && k < len(s.toks) && (subjectPronouns[s.toks[k].lower] || s.toks[k].lower == "it" || s.toks[k].lower == "they") {
		subjEnd, target = k+1, hearer
	} else if k+1 < len(s.toks) && k > 0 && s.toks[k-1].lower == "the" && ownSideNouns[s.toks[k].lower] {
		// "told a reporter that the group would strike at the heart of
		// France": the speaker's own side, which a threat needs no name
		// for.
		subjEnd = k + 1
	}
	if subjEnd < 0 || subjEnd+1 >= len(s.toks) {
		return act{}, false
	}
	aux, verb := s.toks[subjEnd].lower, s.toks[subjEnd+1].lower
	obliged := aux == "must" || (verb == "to" && (aux == "had" || aux == "has" || aux == "needed" || aux == "needs"))
	switch {
	case obliged && target != nil && target.kind != geokg.KindLocation:
		if et := st.x.eventType("DEMAND"); et != nil {
			return act{start: i, end: i + 1, et: et, code: "100", head: i, patternEnd: target.start, skipTo: subjEnd + 2}, true
		}
	case hearer == nil && (aux == "would" || aux == "will") && promisedForce[verb] &&
		len(st.x.triggers.matchesAt(s.toks, subjEnd)) == 0 && len(st.x.triggers.matchesAt(s.toks, subjEnd+1)) == 0:
		// A threat the code book reads itself ("would retaliate") is
		// left to it.
		if et := st.x.eventType("THREATEN"); et != nil {
			return act{start: i, end: i + 1, et: et, code: "138", head: i, patternEnd: subjEnd + 2, reported: true}, true
		}
	}
	return act{}, false
}

// actNounWithin reports whether an act noun opens within n words from i.
func (st *article) actNounWithin(s *sentence, i, n int) bool {
	for k := i; k < len(s.toks) && k < i+n; k++ {
		if len(st.x.actNouns.matchesAt(s.toks, k)) > 0 {
			return true
		}
	}
	return false
}

// demandVerbs open a "that" clause saying what is asked for.
var demandVerbs = wordSet(`demanded demands demand insisted insists urged urges asked asks requested requests
	proposed proposes suggested suggests recommended recommends`)

// inDemandedClause reports whether the act at i is what someone demanded
// be done: "demanded that the alliance apologise, carry out a full
// investigation and punish those responsible". The demand is the act; what
// it asks for has not happened.
func (s *sentence) inDemandedClause(i int) bool {
	for k := i - 1; k >= 1 && i-k <= 20; k-- {
		switch w := s.toks[k].lower; w {
		case ";", ".", "but", "while", "whereas":
			return false
		case "and":
			// ", and Russia rejected", "and asked Boutros-Ghali": a
			// second clause of the sentence's own.
			if s.toks[k-1].text == "," || s.verbJoinedAt(k) {
				return false
			}
		case "that":
			return demandVerbs[s.toks[k-1].lower] || (k > 1 && demandVerbs[s.toks[k-2].lower])
		}
	}
	return false
}

// tradeWordBetween reports whether a word of trade stands in [from, to).
func tradeWordBetween(s *sentence, from, to int) bool {
	for k := from; k < to; k++ {
		switch s.toks[k].lower {
		case "economic", "trade", "commercial", "oil", "arms", "financial":
			return true
		}
	}
	return false
}

// collectActStarts gathers the first words of every reading actAt tries:
// the code book's triggers, light verbs, and the verbs each of its other
// readings opens with. A reading added to actAt adds its words here.
func (x *Extractor) collectActStarts() map[string]bool {
	out := map[string]bool{}
	for w := range x.triggers.next {
		out[w] = true
	}
	for w := range x.verbs.forms {
		out[w] = true
	}
	for w := range commaParticiples {
		out[w] = true
	}
	for w := range conquestVerbs {
		out[w] = true
	}
	for w := range crowdVerbs {
		out[w] = true
	}
	for _, set := range []map[string]bool{lightVerbs, hostageVerbs, conquestPhrases, speechVerbs, namingVerbs,
		vowVerbs, forceVerbs, agreementVerbs} {
		for w := range set {
			out[w] = true
		}
	}
	return out
}

// cooperationNouns name ties an act can cancel.
var cooperationNouns = wordSet(`visit visits trip talks meeting meetings summit exercises drills cooperation
	deal agreement contacts flights`)

// cancelsCooperation reports whether what a withdrawal verb ending at i
// takes back is a tie between states, within its next five words.
func (s *sentence) cancelsCooperation(i int) bool {
	for k := i; k < len(s.toks) && k < i+5; k++ {
		w := s.toks[k].lower
		if w == "," || w == "." || w == ";" {
			return false
		}
		if cooperationNouns[w] {
			return true
		}
	}
	return false
}

// journeyBefore reports whether a journey made (pastMotion, or a
// delegation led or sent) stands in the clause within ten words before
// token k: its purpose ("for talks") took place.
func (s *sentence) journeyBefore(k int) bool {
	for j := k - 1; j >= 0 && k-j <= 10; j-- {
		w := s.toks[j].lower
		if w == ";" || w == "." || w == "but" {
			return false
		}
		if pastMotion[w] || w == "led" || w == "sent" {
			return true
		}
	}
	return false
}

// crowdVerbs are what a crowd does when it protests, with the CAMEO code:
// gathering, marching and rallying demonstrate (141), blocking obstructs
// (144), storming and ransacking is a violent protest (145).
var crowdVerbs = map[string]string{"gathered": "141", "gather": "141", "gathers": "141", "rallied": "141",
	"marched": "141", "poured": "141", "converged": "141", "massed": "141", "blockaded": "144", "blocked": "144",
	"stormed": "145", "ransacked": "145", "torched": "145", "rioted": "145", "besieged": "145", "looted": "145"}

// crowdAt reads a crowd's act as a protest; events.go keeps it only when
// the actor is a crowd (protesters, opposition supporters, civilians).
func (st *article) crowdAt(s *sentence, i int) (act, bool) {
	code, ok := crowdVerbs[s.toks[i].lower]
	if !ok || i == 0 {
		return act{}, false
	}
	et := st.x.eventType("PROTEST")
	if et == nil {
		return act{}, false
	}
	return act{start: i, end: i + 1, et: et, code: code, head: i, crowd: true}, true
}

// crowdSectors are the groups whose gathering is a protest.
var crowdSectors = map[geokg.Sector]bool{geokg.SectorProtesters: true, geokg.SectorOpposition: true,
	geokg.SectorCivilians: true, geokg.SectorLabour: true}

// protestTarget returns whom a protest in s is against: the one whose
// resignation it demands ("demanding the resignation of Prime Minister
// Nikol Pashinyan", "Chan's resignation").
func (s *sentence) protestTarget(from int, alive func(*mention) bool) []string {
	for k := from; k < len(s.toks); k++ {
		if s.toks[k].lower != "resignation" && s.toks[k].lower != "ouster" && s.toks[k].lower != "removal" {
			continue
		}
		if k+1 < len(s.toks) && s.toks[k+1].lower == "of" {
			for j := k + 2; j < len(s.toks) && j <= k+5; j++ {
				if m := s.topAt(j); m != nil && !m.inert() && alive(m) && m.kind == geokg.KindPerson {
					return []string{m.id}
				}
			}
		}
		if k > 1 && s.toks[k-1].lower == "'s" {
			if m := s.mentionEndingAt(k - 1); m != nil && m.kind == geokg.KindPerson {
				return []string{m.id}
			}
		}
	}
	return nil
}
