package extract

import "github.com/geokg/geokg"

// orgHeads are the nouns that make a capitalised name a body: "the Peace
// at Home Council", "the National League for Democracy", "the State
// Committee on the State of Emergency".
var orgHeads = map[string]bool{
	"council": true, "committee": true, "front": true, "party": true, "movement": true, "army": true,
	"agency": true, "union": true, "federation": true, "association": true, "institute": true,
	"centre": true, "center": true, "court": true, "commission": true, "bank": true, "foundation": true,
	"league": true, "alliance": true, "brigade": true, "brigades": true, "corps": true, "authority": true,
	"organisation": true, "organization": true, "assembly": true, "group": true, "guard": true,
	"tribunal": true, "congress": true, "coalition": true, "administration": true, "times": true, "post": true,
	"shimbun": true, "herald": true, "tribune": true, "gazette": true, "journal": true, "daily": true,
	"telegraph": true, "guardian": true, "observer": true, "independent": true, "chronicle": true,
	"press": true, "agency's": false, "network": true, "institution": true, "fund": true, "forces": true,
	"militia": true, "battalion": true, "regiment": true, "cell": true, "police": true,
}

// groupOpeners name members of a body before "of": "Agents of the Drug
// Enforcement Administration", "Members of the Council".
var groupOpeners = wordSet("agents members supporters followers delegates representatives envoys fighters")

// stateBodies are heads whose two-word names are a state's own offices
// ("the Defence Ministry", "the Foreign Office"), which news ties to a
// country rather than naming as bodies of their own.
var stateBodies = map[string]bool{"ministry": true, "department": true, "office": true}

// nameJoiners may stand inside a body's name between capitalised words.
var nameJoiners = map[string]bool{"of": true, "for": true, "on": true, "the": true, "and": true, "at": true}

// matchOrgNames finds bodies the knowledge base lacks by the head noun
// their capitalised name carries, and creates them with lower confidence.
// A name needs at least two capitalised words besides joiners, must not
// start the sentence unless it is three words or more, and takes a
// demonym right before it in ("the Rwandan Patriotic Front").
func (st *article) matchOrgNames(s *sentence) {
	// A headline capitalises every word: "Coalition Strikes Continue".
	if s.idx == 0 {
		return
	}
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		// "Agents of the Drug Enforcement Administration", "Guerrillas
		// of the FARC": a group noun opening the sentence is who, not
		// part of the body's name.
		if !st.orgWord(s, i) || (i == 0 || !toks[i-1].isWord()) && (agentNouns[toks[i].lower] != "" || groupOpeners[toks[i].lower]) {
			continue
		}
		// The longest run of capitalised words and joiners from i.
		end, caps, head := i, 0, false
		for k := i; k < len(toks); k++ {
			switch {
			case st.orgWord(s, k):
				caps++
				head = head || orgHeads[toks[k].lower]
				end = k + 1
			case toks[k].lower == "'s" && k > i && (toks[k-1].lower == "people" || toks[k-1].lower == "peoples") && k+1 < len(toks) && st.orgWord(s, k+1):
				continue // "the People's Liberation Army"
			case nameJoiners[toks[k].lower] && k > i && k+1 < len(toks) &&
				(st.orgWord(s, k+1) || (nameJoiners[toks[k+1].lower] && k+2 < len(toks) && st.orgWord(s, k+2))):
				continue // "for the Safeguard of the Homeland"
			default:
				k = len(toks)
			}
		}
		// "the Zapatista National Liberation Army": a capitalised word
		// right before a known body's name makes another body, which the
		// known name only ends.
		if i > 0 && end < len(toks) {
			if m := s.mentionAt(end); m != nil && m.kind == geokg.KindOrganization && m.start == end && m.spanStart == end {
				for k := m.start; k < m.end; k++ {
					head = head || orgHeads[toks[k].lower]
				}
				caps += m.end - m.start
				st.dropMention(s, m)
				end = m.end
			}
		}
		if !head || caps < 2 || (i == 0 && caps < 3) || (caps == 2 && stateBodies[toks[end-1].lower]) {
			i = end
			continue
		}
		start := i
		if m := s.mentionEndingAt(i); m != nil && m.demonym && !m.nested {
			start = m.start
			st.dropMention(s, m)
		}
		name := s.text[toks[start].start:toks[end-1].end]
		st.addMention(s, nameRef{id: st.addLocal(name, geokg.KindOrganization), kind: geokg.KindOrganization}, start, end, confNewName)
		i = end
	}
}

// orgWord reports whether token i can be part of a new body's name.
func (st *article) orgWord(s *sentence, i int) bool {
	t := s.toks[i]
	return t.isCap() && t.isWord() && !s.covered(i) && !orgStop[t.lower] && !weekdayOrMonth(t.lower)
}

// orgStop are capitalised words that are never part of a body's name.
var orgStop = map[string]bool{"the": true, "a": true, "an": true, "and": true, "of": true, "in": true, "on": true,
	"but": true, "he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "this": true, "that": true,
	"for": true, "to": true, "with": true, "by": true, "from": true, "at": true, "as": true, "after": true,
	"before": true, "while": true, "if": true, "when": true}

// dropMention removes m from s.
func (st *article) dropMention(s *sentence, m *mention) {
	kept := s.ments[:0]
	for _, x := range s.ments {
		if x != m {
			kept = append(kept, x)
		}
	}
	s.ments, s.cover = kept, nil
}
