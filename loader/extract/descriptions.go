package extract

import (
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg"
)

// descriptions are the nouns by which news refers back to a body or state
// it has named: "urged the alliance to halt", "disagreed with the court",
// "urged the kingdom to free". Each fits some entities of the knowledge
// base; "the <noun>" is read as the nearest fitting entity named before it
// in the article, and as nothing when none was.
var descriptions = map[string]func(st *article, id string) bool{
	"alliance":     orgOfType("alliance"),
	"court":        orgOfType("court"),
	"tribunal":     orgOfType("court"),
	"bloc":         orgOfType("intergovernmental"),
	"council":      orgNamed("Council"),
	"agency":       orgNamed("Agency"),
	"watchdog":     orgNamed("Agency"),
	"group":        orgNamed("Group"),
	"organisation": orgOfType("intergovernmental"),
	"organization": orgOfType("intergovernmental"),
	"militia":      orgOfType("armed-group"),
	"kingdom":      countryNamed("Kingdom"),
}

func orgOfType(typ string) func(*article, string) bool {
	return func(st *article, id string) bool {
		o, ok := st.x.kb.Organization(id)
		return ok && o.Type == typ
	}
}

func orgNamed(word string) func(*article, string) bool {
	return func(st *article, id string) bool {
		o, ok := st.x.kb.Organization(id)
		return ok && strings.Contains(o.Name, word)
	}
}

func countryStarting(prefix string) func(*article, string) bool {
	return func(st *article, id string) bool {
		c, ok := st.x.kb.Country(id)
		return ok && strings.HasPrefix(c.Name, prefix)
	}
}

func countryNamed(word string) func(*article, string) bool {
	return func(st *article, id string) bool {
		c, ok := st.x.kb.Country(id)
		if !ok {
			return false
		}
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if strings.Contains(n, word) {
				return true
			}
		}
		return false
	}
}

// personDescriptions are the offices by which news refers back to a
// person it has named: "the king met Karan Singh", "the general
// surrendered". Each fits the people the article, or the knowledge base on
// the article's date, gives that office.
var personDescriptions = map[string][]string{
	"king": {"King"}, "prince": {"Prince", "Crown Prince"}, "president": {"President"}, "premier": {"Prime Minister"}, "chancellor": {"Chancellor"},
	"emir": {"Emir"}, "general": {"General", "Commander"}, "commander": {"Commander", "General"},
	"ambassador": {"Ambassador"}, "envoy": {"Ambassador", "High Representative"}, "minister": {"Prime Minister"},
}

// personFits returns the test of a person holding one of titles, by a role
// this article read or the knowledge base's role on the article's date.
func personFits(titles []string) func(*article, string) bool {
	return func(st *article, id string) bool {
		if t, ok := st.titled[id]; ok && slices.ContainsFunc(titles, func(x string) bool { return sameTitle(x, t) }) {
			return true
		}
		for _, r := range st.rels {
			if r.Type == geokg.RelHoldsRole && r.From == id && slices.ContainsFunc(titles, func(t string) bool { return sameTitle(t, r.Title) }) {
				return true
			}
		}
		p, ok := st.x.kb.Person(id)
		if !ok || st.ref.IsZero() {
			return false
		}
		day := st.ref.Format(time.DateOnly)
		for i := range p.Roles {
			if heldOn(&p.Roles[i], day) && slices.ContainsFunc(titles, func(t string) bool { return sameTitle(t, p.Roles[i].Title) }) {
				return true
			}
		}
		return false
	}
}

// compassPoints are the capitalised halves by which news names a divided
// country it has named in full: "an apology from the North" after North
// Korea, "the South" after South Sudan.
var compassPoints = map[string]string{"North": "North ", "South": "South "}

// matchDescriptions adds a mention for each "the <description>" of s that
// refers back to an entity named earlier: in s before it, else in the
// nearest sentence before that names a fitting one. A description that is
// part of a name ("the Council of Europe") is already covered and skipped.
func (st *article) matchDescriptions(s *sentence) {
	for i := 1; i < len(s.toks); i++ {
		fits := descriptions[s.toks[i].lower]
		if prefix, ok := compassPoints[s.toks[i].text]; ok && (i+1 >= len(s.toks) || !s.toks[i+1].isCap()) {
			fits = countryStarting(prefix)
		} else if s.toks[i].isCap() {
			fits = nil
		}
		person := false
		if titles, ok := personDescriptions[s.toks[i].lower]; ok && !s.toks[i].isCap() {
			fits, person = personFits(titles), true
		}
		start := i - 1
		// "the prime minister": two words; "minister" alone is any.
		if s.toks[i].lower == "minister" {
			if i < 2 || s.toks[i-1].lower != "prime" {
				continue
			}
			start = i - 2
		}
		if fits == nil || s.toks[start].lower != "the" || s.covered(i) {
			continue
		}
		// "the king's palace", "the president's office": a possessive
		// is still the person, "the president of Ukraine" names another.
		if person && i+1 < len(s.toks) && s.toks[i+1].lower == "of" {
			continue
		}
		if id := st.nearestBefore(s, i, fits); id != "" {
			if person {
				st.addMention(s, nameRef{id: id, kind: geokg.KindPerson}, start, i+1, confAnaphora)
				continue
			}
			r := nameRef{id: id, kind: geokg.KindOrganization}
			if _, ok := st.x.kb.Country(id); ok {
				r.kind = geokg.KindCountry
			}
			st.addMention(s, r, i-1, i+1, confAnaphora)
		}
	}
}

// nearestBefore returns the id of the last top-level mention before token
// i of s, or in the sentences before, that fits.
func (st *article) nearestBefore(s *sentence, i int, fits func(*article, string) bool) string {
	best, at := "", -1
	for _, m := range s.ments {
		if !m.nested && m.end <= i && m.start > at && fits(st, m.id) {
			best, at = m.id, m.start
		}
	}
	if best != "" {
		return best
	}
	for k := s.idx - 1; k >= 0; k-- {
		best, at = "", -1
		for _, m := range st.sents[k].ments {
			if !m.nested && m.start > at && fits(st, m.id) {
				best, at = m.id, m.start
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}
