package extract

// Roles: offices read from titles before names and from author bios.

import (
	"strings"
	"time"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// heldOn reports whether role r was held on day (YYYY-MM-DD). A bound given
// only to the month or year covers all of it: a term "until 1991-08" was
// still held on 15 August 1991.
func heldOn(r *kb.Role, day string) bool {
	return (r.Since == "" || r.Since <= day) && (r.Until == "" || day <= r.Until || strings.HasPrefix(day, r.Until))
}

// sameTitle compares titles as the text may write them: "Secretary-General"
// and "Secretary General" are one office.
func sameTitle(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "-", " ")) }
	return norm(a) == norm(b)
}

// matchTitles turns "Title Name" into a role: the title's holder is the
// qualifier before it ("Russian President"), else the office the knowledge
// base records for that person, else the title's default. A title before
// capitalised words the knowledge base does not know creates a person.
func (st *article) matchTitles(s *sentence) {
	for i := 0; i < len(s.toks); i++ {
		if s.covered(i) {
			continue
		}
		ms := st.x.titles.matchesAt(s.toks, i)
		if len(ms) == 0 {
			continue
		}
		t := ms[len(ms)-1]
		if s.covered(t.end - 1) {
			continue
		}
		person := s.mentionAt(t.end)
		// A headline capitalises every word ("King Summons Suchinda"):
		// only a known name follows a title there.
		if person == nil && s.idx > 0 {
			person = st.newTitledPerson(s, t.end, monarchs[t.v.Title])
		}
		if person == nil || person.kind != geokg.KindPerson {
			continue
		}
		if st.titled == nil {
			st.titled = map[string]string{}
		}
		st.titled[person.id] = t.v.Title
		of, qual := "", s.mentionEndingAt(t.start)
		if qual != nil && (qual.kind == geokg.KindCountry || qual.kind == geokg.KindOrganization) {
			of = qual.id
			qual.modifier = true
			person.spanStart = qual.start
		} else {
			person.spanStart = t.start
		}
		since, until := "", ""
		if p, ok := st.x.kb.Person(person.id); ok {
			if r := st.roleAt(p, t.v.Title, of); r != nil {
				of, since, until = r.Of, r.Since, r.Until
			}
		}
		if of == "" {
			of = t.v.Of
		}
		if of == "" {
			continue
		}
		st.mentions[of] = true
		st.rels = append(st.rels, geokg.Relation{Type: geokg.RelHoldsRole, From: person.id, To: of, Title: t.v.Title,
			Since: since, Until: until, Source: "article", Evidence: st.evidence(s)})
		i = t.end - 1
	}
}

// monarchs are the titles news writes before a single name: "King
// Gyanendra", "Emir Tamim".
var monarchs = map[string]bool{"King": true, "Queen": true, "Emir": true, "Sultan": true, "Crown Prince": true, "Prince": true}

// roleAt returns p's office with title (held of of, when given), preferring
// the term that includes the article's date: Putin's presidency of 2017 is
// not the one that ended in 2008.
func (st *article) roleAt(p *kb.Person, title, of string) *kb.Role {
	var any *kb.Role
	day := st.ref.Format(time.DateOnly)
	for i := range p.Roles {
		r := &p.Roles[i]
		if !sameTitle(r.Title, title) || (of != "" && of != r.Of) {
			continue
		}
		if st.ref.IsZero() || heldOn(r, day) {
			return r
		}
		if any == nil {
			any = r
		}
	}
	return any
}

// matchBioRoles reads "Name is Title for|of|at Organization", as in an
// author's bio, into a role; an unknown organization there is created.
func (st *article) matchBioRoles(s *sentence) {
	for _, p := range s.ments {
		if p.kind != geokg.KindPerson || p.end >= len(s.toks) || s.toks[p.end].lower != "is" {
			continue
		}
		j := p.end + 1
		for j < len(s.toks) && (s.toks[j].lower == "a" || s.toks[j].lower == "the") {
			j++
		}
		k := j
		for k < len(s.toks) && s.toks[k].isCap() && !s.covered(k) {
			k++
		}
		if k == j || k >= len(s.toks)-1 || (s.toks[k].lower != "for" && s.toks[k].lower != "of" && s.toks[k].lower != "at") {
			continue
		}
		title := s.text[s.toks[j].start:s.toks[k-1].end]
		org := s.mentionAt(k + 1)
		if org == nil && s.toks[k+1].isCap() {
			e := k + 1
			for e < len(s.toks) && s.toks[e].isCap() && !s.covered(e) {
				e++
			}
			name := s.text[s.toks[k+1].start:s.toks[e-1].end]
			org = st.addMention(s, nameRef{id: st.addLocal(name, geokg.KindOrganization), kind: geokg.KindOrganization}, k+1, e, confNewName)
		}
		if org == nil || (org.kind != geokg.KindOrganization && org.kind != geokg.KindCountry) {
			continue
		}
		st.rels = append(st.rels, geokg.Relation{Type: geokg.RelHoldsRole, From: p.id, To: org.id, Title: title,
			Source: "article", Evidence: st.evidence(s)})
		if p.id == st.a.AuthorID && st.a.Source == "" && org.kind == geokg.KindOrganization {
			if e, ok := st.entity(org.id); ok {
				st.a.Source = e.Name
			}
		}
	}
}
