package extract

import "github.com/geokg/geokg"

// Fighting named by its two sides: "Clashes between Sudan's army and the
// paramilitary Rapid Support Forces continued in Khartoum", "Fierce
// fighting between Armenian and Azerbaijani forces erupted". The wire
// lede makes the fight its subject; the side named first is the actor, as
// the guidelines read "talks between Iran and the EU".

// fightNouns name fighting between two sides.
var fightNouns = wordSet("clashes clash fighting battles battle skirmishes hostilities")

// fightNounOpeners may stand before a fight noun that opens a sentence.
var fightNounOpeners = wordSet("the heavy fierce fresh renewed deadly new intense sporadic armed border street")

// fightGoesOn are the verbs that say a fight named as a subject happened.
var fightGoesOn = wordSet(`continued continue continues erupted erupt erupts broke raged rage rages killed kill
	kills left leave intensified intensify resumed resume spread spreads escalated flared flare have has
	had entered enters`)

// betweenSides returns the two sides of a fight that is the subject of s,
// nil when s opens otherwise.
func (s *sentence) betweenSides(alive func(*mention) bool) (a, b *mention, head int) {
	k := 0
	for k < len(s.toks) && k < 3 && fightNounOpeners[s.toks[k].lower] {
		k++
	}
	if k >= len(s.toks)-1 || !fightNouns[s.toks[k].lower] || s.toks[k+1].lower != "between" {
		return nil, nil, 0
	}
	head = k
	side := func(at int) *mention {
		if at < len(s.toks) && s.toks[at].lower == "the" {
			at++
		}
		for j := at; j < len(s.toks) && j <= at+2; j++ {
			if m := s.topAt(j); m != nil && !m.inert() && alive(m) && m.kind != geokg.KindLocation && m.kind != geokg.KindConflict {
				return m
			}
		}
		return nil
	}
	a = side(k + 2)
	if a == nil || a.end >= len(s.toks) || s.toks[a.end].lower != "and" {
		return nil, nil, 0
	}
	b = side(a.end + 1)
	if b == nil || b.id == a.id {
		return nil, nil, 0
	}
	for j := b.end; j < len(s.toks) && j <= b.end+3; j++ {
		if fightGoesOn[s.toks[j].lower] {
			return a, b, head
		}
	}
	return nil, nil, 0
}

// betweenEvent codes the fight a sentence opens with, if it does, and
// returns where its sides end: the verb after them ("killed 20") is the
// fight's, not an act of the side named last.
func (st *article) betweenEvent(s *sentence, date, location string, about []string) int {
	alive := func(m *mention) bool { return !st.endedBefore(m.id, date) }
	a, b, head := s.betweenSides(alive)
	if a == nil || s.negatedAt(head) {
		return -1
	}
	et := st.x.eventType("FIGHT")
	if et == nil {
		return -1
	}
	st.passiveEvent(s, et, a, b, date, location, about)
	ev := &st.events[len(st.events)-1]
	ev.Participants[0].Sector = a.sector
	ev.Participants[1].Sector = b.sector
	return b.end
}
