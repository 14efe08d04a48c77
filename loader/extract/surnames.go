package extract

// Surnames: a bare family name read as the person the article, a title or
// the date makes it.

import (
	"strings"
	"time"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// surname is the last word of a multi-word personal name, before any
// generational suffix: "Marcos" of Ferdinand Marcos Jr., not "Jr.", and
// never "II" (or "World War II" would name a king).
func surname(name string) string {
	f := strings.Fields(name)
	for len(f) > 0 && nameSuffixes[strings.TrimSuffix(strings.TrimSuffix(f[len(f)-1], ","), ".")] {
		f = f[:len(f)-1]
	}
	if len(f) < 2 {
		return ""
	}
	return f[len(f)-1]
}

// nameSuffixes follow a surname without being one.
var nameSuffixes = map[string]bool{"Jr": true, "Sr": true, "II": true, "III": true, "IV": true, "V": true}

// matchSurnames resolves a bare surname to the one person of that surname
// named in full in the article; failing that, to the one knowledge-base
// person of that surname who held the title written before it at the time.
func (st *article) matchSurnames(s *sentence, bySurname map[string][]string) {
	for i, t := range s.toks {
		if !t.isCap() && !particleName(t.text) || s.covered(i) {
			continue
		}
		ids := bySurname[t.text]
		conf := confSurname
		// A title before the name outranks the article's other bearer of
		// the surname: "King Hussein" in an article naming Saddam Hussein
		// is Jordan's king.
		if titled := st.titledSurname(s, i); len(titled) == 1 && (len(ids) != 1 || titled[0] != ids[0]) {
			ids, conf = titled, confNewName
		} else if len(ids) != 1 {
			ids, conf = titled, confNewName
		}
		if len(ids) == 0 && st.actsAsName(s, i) {
			ids = st.inOfficeSurname(t.text)
		}
		if len(ids) == 1 {
			st.addMention(s, nameRef{id: ids[0], kind: geokg.KindPerson}, i, i+1, conf)
		}
	}
}

// surnameIndex maps the surnames of everyone named in full in the article
// to their ids.
func (st *article) surnameIndex() map[string][]string {
	bySurname := map[string][]string{}
	for id := range st.full {
		e, ok := st.entity(id)
		if !ok {
			continue
		}
		names := append([]string{e.Name}, e.Aliases...)
		for _, n := range names {
			if sn := surname(n); sn != "" {
				bySurname[sn] = appendUniq(bySurname[sn], id)
			}
		}
		if p, ok := st.x.kb.Person(id); ok {
			for _, sn := range p.Surnames {
				bySurname[sn] = appendUniq(bySurname[sn], id)
			}
		}
	}
	return bySurname
}

// titledSurname returns the knowledge-base people named s.toks[i] whose
// office matches the title just before it and the article's date.
// maxTitleWords bounds how far before a surname its title may start.
const maxTitleWords = 8

func (st *article) titledSurname(s *sentence, i int) []string {
	var title *kb.Title
	// Titles are a few words long ("Deputy Prime Minister for European
	// Integration" is the longest); looking further back only costs time.
	for j := max(0, i-maxTitleWords); j < i; j++ {
		for _, m := range st.x.titles.matchesAt(s.toks, j) {
			if m.end == i {
				title = m.v
			}
		}
	}
	if title == nil {
		return nil
	}
	day := st.ref.Format(time.DateOnly)
	// "King Abdullah of Saudi Arabia": the country named after the name
	// says whose king.
	of := ""
	if k := i + 1; k+1 < len(s.toks) && s.toks[k].lower == "of" {
		for _, m := range st.x.names.matchesAt(s.toks, k+1) {
			if m.v.kind == geokg.KindCountry {
				of = m.v.id
			}
		}
	}
	var out []string
	for _, id := range st.x.surnames[s.toks[i].text] {
		p, _ := st.x.kb.Person(id)
		for _, r := range p.Roles {
			if sameTitle(r.Title, title.Title) && (st.ref.IsZero() || heldOn(&r, day)) && (of == "" || r.Of == of) {
				out = appendUniq(out, id)
			}
		}
	}
	return out
}

// actsAsName reports whether a bare capitalised word that nothing else
// names may be read as a surname by date alone. A month or weekday never is
// ("in May" is not Theresa May), and a sentence's first word is capitalised
// anyway, so there it must be followed by what a person does: a speech verb,
// an event trigger, an auxiliary, a past-tense verb or a possessive ("Bush
// addressed", "Brown said", not "Brown envelopes"). A present-tense verb
// ("Bush wants") looks like a plural noun and is missed rather than guessed.
func (st *article) actsAsName(s *sentence, i int) bool {
	t := s.toks[i]
	if _, month := months[t.lower]; month {
		return false
	}
	// A capitalised word right after it makes it a first name ("Richard
	// Butler" is not Alain Richard).
	if i+1 < len(s.toks) && s.toks[i+1].isCap() && s.toks[i+1].isWord() {
		return false
	}
	if _, day := weekdays[t.lower]; day {
		return false
	}
	if i > 0 && s.toks[i-1].isWord() {
		return true
	}
	if i+1 >= len(s.toks) {
		return false
	}
	next := s.toks[i+1]
	if next.isCap() {
		return false
	}
	return speechVerbs[next.lower] || auxiliaries[next.lower] || next.text == "'s" || next.text == "’s" ||
		(strings.HasSuffix(next.lower, "ed") && len(next.lower) > 4) || len(st.x.triggers.matchesAt(s.toks, i+1)) > 0
}

// auxiliaries after a sentence's first word make it the subject of a verb.
var auxiliaries = map[string]bool{"is": true, "was": true, "has": true, "had": true, "will": true, "would": true,
	"can": true, "could": true, "should": true, "must": true, "may": true, "might": true, "did": true, "does": true}

// inOfficeSurname returns the one knowledge-base person of that surname
// who held an office on the article's date ("Bush" in 2003 is George W.
// Bush), or nothing when the date is unknown or several fit.
func (st *article) inOfficeSurname(name string) []string {
	if st.ref.IsZero() {
		return nil
	}
	day := st.ref.Format(time.DateOnly)
	var out []string
	for _, id := range st.x.surnames[name] {
		p, _ := st.x.kb.Person(id)
		for _, r := range p.Roles {
			if heldOn(&r, day) {
				out = appendUniq(out, id)
			}
		}
	}
	if len(out) != 1 {
		return nil
	}
	return out
}

// particleName reports whether w is an Arabic family name written with
// its lowercase article: "al-Jubeir", "el-Sisi".
func particleName(w string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "ash-", "as-", "an-", "ar-", "az-"} {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" {
			return token{text: rest}.isCap()
		}
	}
	return false
}
