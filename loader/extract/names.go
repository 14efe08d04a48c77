package extract

// Names: the knowledge base's names found in a sentence, the names an
// article introduces itself, and what a name stands for where it is.

import (
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// addLocal records an entity the knowledge base lacks and returns its id.
func (st *article) addLocal(name string, kind geokg.Kind) string {
	prefix := map[geokg.Kind]string{geokg.KindPerson: "person", geokg.KindOrganization: "org"}[kind]
	id := prefix + ":" + slug(name)
	if _, ok := st.local[id]; !ok {
		st.local[id] = geokg.Entity{ID: id, Name: name, Kind: kind, Confidence: confNewName, Source: "article"}
		st.localNm.add(name, nameRef{id: id, kind: kind})
		if kind == geokg.KindPerson {
			st.full[id] = true
		}
	}
	return id
}

// matchNames finds knowledge-base names, longest first. Inside a conflict's
// name it also records the names it contains (Iraq in "the 2003 invasion of
// Iraq") as nested mentions: mentioned, but no event's actor or target.
func (st *article) matchNames(s *sentence) {
	for i := 0; i < len(s.toks); {
		ms := st.x.names.matchesAt(s.toks, i)
		if len(ms) == 0 {
			i++
			continue
		}
		best := st.pick(ms)
		if best.v.alone && !s.standsAlone(best.start, best.end) || st.firstNameOfPerson(s, best) {
			i++
			continue
		}
		m := st.addMention(s, best.v, best.start, best.end, confKB)
		m.alts = alternatives(ms, best)
		if best.v.kind == geokg.KindConflict {
			for j := best.start; j < best.end; {
				inner := notConflicts(st.x.names.matchesAt(s.toks[:best.end], j))
				if len(inner) == 0 {
					j++
					continue
				}
				in := st.pick(inner)
				st.addMention(s, in.v, in.start, in.end, confKB).nested = true
				j = in.end
			}
		}
		if best.v.kind == geokg.KindPerson && best.end-best.start > 1 {
			st.full[m.id] = true
		}
		i = best.end
	}
}

// alternatives returns the other entities a name at the same span could
// be ("Georgia": the country or the US state), for resolveAlternatives.
func alternatives(ms []match[nameRef], best match[nameRef]) []nameRef {
	var alts []nameRef
	for _, m := range ms {
		if m.end == best.end && m.v.id != best.v.id {
			alts = append(alts, m.v)
		}
	}
	return alts
}

// resolveAlternatives settles ambiguous names by the company they keep:
// each reading scores one point per entity the article names elsewhere that
// the knowledge base relates to it (Tbilisi or Russia for Georgia the
// country, the United States for the state). A tie keeps the reading
// chosen by date and order.
func (st *article) resolveAlternatives() {
	named := map[string]bool{}
	for _, s := range st.sents {
		for _, m := range s.ments {
			if len(m.alts) == 0 {
				named[m.id] = true
			}
		}
	}
	// The count of related entities the article names, walking the smaller
	// of the two sets: a country relates to every town in it, thousands
	// for the United States, and an article names a few dozen.
	score := func(id string) int {
		rel, n := st.x.related[id], 0
		if len(rel) > len(named) {
			for r := range named {
				if rel[r] {
					n++
				}
			}
			return n
		}
		for r := range rel {
			if named[r] {
				n++
			}
		}
		return n
	}
	for _, s := range st.sents {
		for _, m := range s.ments {
			if len(m.alts) == 0 {
				continue
			}
			best, bestScore := nameRef{id: m.id, kind: m.kind, demonym: m.demonym}, score(m.id)
			for _, a := range m.alts {
				if sc := score(a.id); sc > bestScore {
					best, bestScore = a, sc
				}
			}
			m.id, m.kind, m.demonym = best.id, best.kind, best.demonym
			st.mentions[m.id] = true
		}
	}
}

// notConflicts drops conflict names: inside a conflict's name only the
// names of its parts (countries, places, organizations) are of interest.
func notConflicts(ms []match[nameRef]) []match[nameRef] {
	var out []match[nameRef]
	for _, m := range ms {
		if m.v.kind != geokg.KindConflict {
			out = append(out, m)
		}
	}
	return out
}

// pick chooses among the names starting at one token: the longest, and
// among equally long ones the one whose dates fit the article's.
func (st *article) pick(ms []match[nameRef]) match[nameRef] {
	longest := ms[len(ms)-1].end
	var cands []match[nameRef]
	for _, m := range ms {
		if m.end == longest {
			cands = append(cands, m)
		}
	}
	if len(cands) > 1 && !st.ref.IsZero() {
		day := st.ref.Format(time.DateOnly)
		// People who share a name ("George Bush"): the one in office on
		// the article's date.
		for _, c := range cands {
			if p, ok := st.x.kb.Person(c.v.id); ok && slices.ContainsFunc(p.Roles, func(r kb.Role) bool { return heldOn(&r, day) }) {
				return c
			}
		}
		for _, c := range cands {
			if e, ok := st.x.kb.Entity(c.v.id); ok && (e.Start == "" || e.Start <= day) && (e.End == "" || day <= e.End) {
				return c
			}
		}
	}
	return cands[0]
}

// markModifiers turns a demonym right before another name into a modifier
// ("a Syrian gas attack", "the Russian government"): it qualifies that name
// and is no actor or target of its own.
func (st *article) markModifiers(s *sentence) {
	for _, m := range s.ments {
		// "King Gyanendra of Nepal gave in", "Mahmoud Abbas of the PLO":
		// the country or body after a person says whose he is; he acts.
		if (m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization) && !m.modifier && m.spanStart > 1 {
			of := m.spanStart - 1
			if s.toks[of].lower == "the" && of > 1 {
				of--
			}
			if s.toks[of].lower == "of" {
				if p := s.mentionEndingAt(of); p != nil && p.kind == geokg.KindPerson && !p.inert() {
					m.modifier = true
					continue
				}
			}
		}
		// "a Trump administration official", "the Obama White House":
		// a leader's name before his government qualifies it.
		if m.kind == geokg.KindPerson && !m.modifier && m.end < len(s.toks) && governmentNouns[s.toks[m.end].lower] {
			// "accused the Assad government", "the Maduro regime
			// rejected": the leader's government acting as a whole is
			// coded as the leader, as a named person is.
			if !ruledBy[s.toks[m.end].lower] || (m.end+1 < len(s.toks) && (roleNouns[s.toks[m.end+1].lower] || s.toks[m.end+1].isWord() && !s.toks[m.end+1].isCap() && !functionWords[s.toks[m.end+1].lower])) {
				m.modifier = true
			}
			continue
		}
		if !m.demonym || m.modifier {
			continue
		}
		j := m.end
		for j < len(s.toks) && (s.toks[j].text == `"` || s.toks[j].text == "'") {
			j++
		}
		for _, n := range s.ments {
			if n != m && n.start == j {
				m.modifier = true
				// "Bosnian Serb", "Turkish Cypriot": a people, neither
				// country.
				if n.demonym {
					n.modifier = true
				}
			}
		}
		if j < len(s.toks) && ethnicNouns[s.toks[j].lower] {
			m.modifier = true
		}
		// "his Chinese counterpart, Wang Yi", "the Iranian foreign
		// minister": a demonym before a role says whose the role is.
		for k := j; k < len(s.toks) && k < j+3; k++ {
			if roleNouns[s.toks[k].lower] && !s.toks[k].isCap() {
				m.modifier = true
				break
			}
			if !titleWords[s.toks[k].lower] {
				break
			}
		}
	}
}

// governmentNouns after a leader's name make the name a modifier.
var governmentNouns = map[string]bool{"administration": true, "administration's": true, "government": true,
	"campaign": true, "era": true, "cabinet": true, "doctrine": true, "presidency": true, "regime": true}

// ruledBy are the government nouns that, after a leader's name, can
// stand for what the leader rules.
var ruledBy = wordSet("government regime administration")

// ethnicNouns after a demonym name a people, not the country: "Bosnian
// Serb forces" are not Bosnia's, "Iraqi Kurds" not Iraq.
var ethnicNouns = map[string]bool{"serb": true, "serbs": true, "croat": true, "croats": true, "muslim": true,
	"muslims": true, "kurd": true, "kurds": true, "kurdish": true, "tamil": true, "tamils": true, "pashtun": true,
	"pashtuns": true, "tutsi": true, "tutsis": true, "hutu": true, "hutus": true, "arab": true, "arabs": true,
	"sunni": true, "sunnis": true, "shia": true, "shiite": true, "shiites": true, "alawite": true, "alawites": true,
	"druze": true, "cypriot": true, "cypriots": true, "uyghur": true, "uyghurs": true, "rohingya": true}

// locatives are the words after which a capital is a place, not its
// government ("in Moscow", "the Moscow talks").
var locatives = map[string]bool{"in": true, "at": true, "from": true, "to": true, "near": true, "outside": true,
	"into": true, "across": true, "around": true, "via": true, "the": true, "of": true, "toward": true, "towards": true,
	"over": true, "above": true, "inside": true, "through": true, "throughout": true, "beyond": true, "off": true,
	"outskirts": true, "streets": true, "past": true, "within": true}

// placeVerbs take a city as what they strike, take or surround: "struck
// Baghdad" is the city, not Iraq's government.
var placeVerbs = map[string]bool{"struck": true, "strike": true, "strikes": true, "bombed": true, "bombs": true,
	"shelled": true, "shells": true, "attacked": true, "attack": true, "attacks": true, "hit": true, "hits": true,
	"pounded": true, "pounds": true, "captured": true, "captures": true, "seized": true, "seizes": true,
	"entered": true, "enters": true, "besieged": true, "surrounded": true, "encircled": true, "stormed": true,
	"storms": true, "took": true, "takes": true, "retook": true, "bombarded": true, "raided": true, "liberated": true}

// resolveSeats reads a capital used as an actor as its country: "Moscow
// rejected the claims", "talks between Washington and Beijing". A capital
// after a locative word, inside a longer name, or qualifying another name
// stays a place.
func (st *article) resolveSeats(s *sentence) {
	for _, m := range s.ments {
		country, ok := st.x.seatOf[m.id]
		if !ok || m.nested || m.modifier || m.dateline {
			continue
		}
		before := m.start - 1
		if before >= 0 && st.x.seatWithThe[m.id] && s.toks[before].lower == "the" {
			before--
		}
		if before >= 0 && (locatives[s.toks[before].lower] || placeVerbs[s.toks[before].lower]) {
			continue
		}
		if next := s.mentionAt(m.end); next != nil && !next.nested {
			continue // "Moscow Kremlin", a name that goes on
		}
		m.id, m.kind, m.metonym = country, geokg.KindCountry, true
		st.mentions[country] = true
	}
}

// speechVerbs follow a speaker: "Maria Zakharova said".
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "tells": true, "added": true,
	"stated": true, "declared": true, "insisted": true, "argued": true, "wrote": true, "announced": true}

// matchSpeakers reads two or three unmatched capitalised words right
// before a speech verb as a person the knowledge base lacks ("Maria
// Zakharova said"). Sentence-initial words, weekdays and months are not
// names; neither are words already matched.
func (st *article) matchSpeakers(s *sentence) {
	for i, t := range s.toks {
		if !speechVerbs[t.lower] || i < 2 {
			continue
		}
		end := i
		// "Dan Coats, the director of national intelligence, said": the
		// name stands before the apposition.
		if s.toks[i-1].text == "," {
			for k := i - 2; k > 0 && i-k < 12; k-- {
				if s.toks[k].text == "," {
					if s.toks[k+1].lower == "the" || s.toks[k+1].lower == "a" {
						end = k
					}
					break
				}
			}
		}
		j := end
		for j > 0 && end-j < 3 && s.toks[j-1].isCap() && s.toks[j-1].isWord() && !s.covered(j-1) && !stopName[s.toks[j-1].lower] {
			j--
		}
		// A title is not part of the name: "President Bush announced".
		for _, m := range st.x.titles.matchesAt(s.toks, j) {
			j = max(j, m.end)
		}
		if end-j < 2 {
			continue
		}
		st.addPerson(s, j, end)
	}
}

// newTitledPerson reads two or three capitalised, unmatched words at i as
// a person's name ("Foreign Minister Walid Muallem").
func (st *article) newTitledPerson(s *sentence, i int, mononym bool) *mention {
	j := i
	for j < len(s.toks) && j-i < 3 && s.toks[j].isCap() && s.toks[j].isWord() && !s.covered(j) && !stopName[s.toks[j].lower] {
		j++
	}
	// Arabic and other names go on through particles: "Emir Sabah
	// al-Ahmad al-Jaber al-Sabah", "Sheikh Mohammed bin Abdulrahman Al
	// Thani"; each particle needs a capitalised word after it.
	if j > i {
		for k := j; k+1 < len(s.toks) && k-i < 6; {
			if !nameParticle(s.toks[k]) || s.covered(k) {
				break
			}
			if w := s.toks[k]; strings.Contains(w.text, "-") && w.isWord() {
				j, k = k+1, k+1 // "al-Ahmad" is particle and name in one
				continue
			}
			if !s.toks[k+1].isCap() || s.covered(k+1) || stopName[s.toks[k+1].lower] {
				break
			}
			j, k = k+2, k+2
		}
	}
	if j-i < 2 && !(mononym && j-i == 1) {
		return nil
	}
	// "King Abdullah": a one-word name the knowledge base knows as a
	// surname is left to the surname reading, which picks the one in
	// office.
	if j-i == 1 && len(st.x.surnames[s.toks[i].text]) > 0 {
		return nil
	}
	name := s.text[s.toks[i].start:s.toks[j-1].end]
	id := st.addLocal(name, geokg.KindPerson)
	return st.addMention(s, nameRef{id: id, kind: geokg.KindPerson}, i, j, confNewName)
}

// stopName lists capitalised words that never start or continue a name.
var stopName = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "of": true, "in": true, "on": true, "but": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "this": true, "that": true,
	// Words that open a sentence before a name: "For Modi, who faces".
	"for": true, "to": true, "with": true, "by": true, "from": true, "at": true, "as": true, "after": true,
	"before": true, "under": true, "while": true, "if": true, "when": true, "like": true, "unlike": true,
	"despite": true, "during": true, "among": true, "without": true, "also": true, "yet": true, "so": true,
	// Words of institutions, not of people: "Defence Ministry said".
	"ministry": true, "office": true, "council": true, "department": true, "committee": true, "government": true,
	"agency": true, "army": true, "forces": true, "party": true, "union": true, "parliament": true, "court": true,
	"times": true, "news": true, "post": true, "journal": true, "press": true, "service": true, "command": true,
	"officials": true, "state": true, "house": true, "assembly": true, "commission": true, "bank": true,
}

// matchLocalNames finds the article's own new names (authors, titled
// people) where they recur.
func (st *article) matchLocalNames(s *sentence) {
	for i := 0; i < len(s.toks); i++ {
		if s.covered(i) {
			continue
		}
		ms := st.localNm.matchesAt(s.toks, i)
		if len(ms) == 0 || s.covered(ms[len(ms)-1].end-1) {
			continue
		}
		m := ms[len(ms)-1]
		st.addMention(s, m.v, m.start, m.end, confNewName)
		i = m.end - 1
	}
}

// dropLaterConflicts drops conflicts named by an alias that cannot be
// meant: an article cannot report a war that began after it was published
// ("Israel's offensive in Gaza" in 2009 is not the war of 2023). A conflict
// named in full is kept: the text may be wrong, but it says so.
func (st *article) dropLaterConflicts(s *sentence) {
	if st.ref.IsZero() {
		return
	}
	day := st.ref.Format(time.DateOnly)
	kept := s.ments[:0]
	for _, m := range s.ments {
		if m.kind == geokg.KindConflict {
			if c, ok := st.x.kb.Conflict(m.id); ok && c.Start != "" && c.Start > day && !strings.HasPrefix(day, c.Start) &&
				!strings.EqualFold(m.surface, c.Name) {
				continue
			}
		}
		kept = append(kept, m)
	}
	s.ments, s.cover = kept, nil
}

// standsAlone reports whether tokens [start, end) are a name of their own:
// no article before ("the Cheonan", a ship), no capitalised word right
// before it inside the sentence or right after it ("Scarborough Shoal",
// "Constantine Mitsotakis").
func (s *sentence) standsAlone(start, end int) bool {
	if start > 0 {
		prev := s.toks[start-1]
		if prev.lower == "the" || (start-1 > 0 && prev.isCap() && prev.isWord()) {
			return false
		}
	}
	return end >= len(s.toks) || !(s.toks[end].isCap() && s.toks[end].isWord())
}

// nameParticle reports whether a token joins the parts of a name: "bin",
// "ibn", "al", "de", "van", or a hyphenated "al-Ahmad".
func nameParticle(t token) bool {
	switch t.lower {
	case "bin", "ibn", "bint", "al", "el", "de", "da", "di", "van", "von", "der", "del", "la", "le", "ben", "abu":
		return true
	}
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"} {
		if strings.HasPrefix(t.lower, p) && len(t.lower) > len(p) {
			return true
		}
	}
	return false
}

// firstNameOfPerson reports whether a one-word place name is the first
// name of someone named in full: "Milan Kučan", "Florence Parly". A place
// is rarely followed by a capitalised word that no name covers; a person
// whose first name is the place's often is.
func (st *article) firstNameOfPerson(s *sentence, m match[nameRef]) bool {
	if m.v.kind != geokg.KindLocation || m.end-m.start != 1 || m.end >= len(s.toks) || !st.x.placeFirstNames[s.toks[m.start].text] {
		return false
	}
	next := s.toks[m.end]
	if !next.isCap() || !next.isWord() || stopName[next.lower] || weekdayOrMonth(next.lower) {
		return false
	}
	return len(st.x.names.matchesAt(s.toks, m.end)) == 0
}
