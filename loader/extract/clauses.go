package extract

// How an act is written: what makes a trigger no act (a negation, a
// plan, a passive without its agent) and the triggers the code book's
// word lists cannot hold (a show of force written with words between).

import (
	"strings"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// unrealised before a trigger make its act one that has not happened.
// "will" and "would" are not among them: "said Britain would expel 23
// diplomats" announces a decision, which news reports as the act.
var unrealised = map[string]bool{"could": true, "may": true, "might": true,
	"should": true, "shall": true, "must": true, "would": true, "will": true, "planned": true, "planning": true, "plans": true, "expected": true,
	"proposed": true, "possible": true, "potential": true}

// determiners before a one-word trigger make it a noun.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "these": true, "those": true, "their": true, "its": true}

// quantifiers may stand between a verb and the act it takes as object:
// "ruled out any talks with", "rejected further talks", "the new talks".
var quantifiers = map[string]bool{"any": true, "all": true, "further": true, "new": true, "more": true, "direct": true, "fresh": true}

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

// Agreements are written with words between verb and noun too: "signed a
// new British-Irish agreement with Blair", "reached a ceasefire deal
// with". agreementVerbs open one, agreementNouns close it.
var (
	agreementVerbs = map[string]bool{"signed": true, "signs": true, "concluded": true, "reached": true,
		"struck": true, "sealed": true, "initialled": true}
	agreementNouns = map[string]bool{"agreement": true, "accord": true, "deal": true, "treaty": true,
		"declaration": true, "pact": true, "memorandum": true}
)

// agreementAt matches an agreement opening at token i and its noun at most
// six words on, when "with" follows the noun: the parties come after it.
func (st *article) agreementAt(s *sentence, i int) (match[*kb.EventType], bool) {
	if !agreementVerbs[s.toks[i].lower] {
		return match[*kb.EventType]{}, false
	}
	for k := i + 1; k+1 < len(s.toks) && k <= i+7; k++ {
		w := s.toks[k].lower
		if w == "," || w == "." || w == ";" {
			break
		}
		if agreementNouns[w] && s.toks[k+1].lower == "with" {
			if et := st.x.eventType("DIPLOMATIC_COOPERATION"); et != nil {
				return match[*kb.EventType]{start: i, end: k + 2, v: et}, true
			}
		}
	}
	return match[*kb.EventType]{}, false
}

// headlinePassive reports whether the act a of a headline is a passive
// written without its auxiliary: a participle right after a name, with no
// object after it ("Gadhafi Killed Near Sirte", "Envoy Expelled").
func (s *sentence) headlinePassive(a act) bool {
	w := s.toks[a.head].lower
	if a.end-a.start != 1 || (!strings.HasSuffix(w, "ed") && !irregularParticiples[w]) || s.mentionEndingAt(a.head) == nil {
		return false
	}
	if a.end == len(s.toks) {
		return true
	}
	next := s.toks[a.end]
	return !next.isWord() || wherePrepositions[next.lower] || next.lower == "by" || next.lower == "near" || next.lower == "as" || next.lower == "after"
}

// isParticiple reports whether w looks like a past participle: a regular
// "-ed" form or one of the irregular forms triggers take.
func isParticiple(w string) bool {
	return (strings.HasSuffix(w, "ed") && len(w) > 3) || irregularParticiples[w] || irregularPast[w]
}
