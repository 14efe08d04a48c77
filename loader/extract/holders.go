package extract

import (
	"strings"
	"time"

	"github.com/geokg/geokg"
)

// matchOfficeHolders reads an office named without its holder's name as
// that holder: "the Ukrainian president" in 2025 is Volodymyr Zelensky,
// "Russia's foreign minister" in 2017 Sergey Lavrov. The office must be
// qualified by its country right before it, written in lowercase (a
// capitalised title before a name is matchTitles'), not followed by a
// name, and held by exactly one person of the knowledge base on the
// sentence's date, or the article's.
func (st *article) matchOfficeHolders(s *sentence) {
	if st.ref.IsZero() {
		return
	}
	// Held when the sentence says, else on the article's date: "in
	// September 1978 ... Israel's prime minister" is Begin, not today's.
	day := ""
	for _, q := range append([]*mention(nil), s.ments...) {
		if q.kind != geokg.KindCountry || q.nested || q.start == 0 {
			continue
		}
		// "the Ukrainian president", "Russia's foreign minister".
		at := q.end
		if at < len(s.toks) && s.toks[at].text == "'s" {
			at++
		} else if s.toks[q.start-1].lower != "the" {
			continue
		}
		title, end := st.lowercaseTitle(s, at)
		// A name after it, or after its comma, says who: "Rwanda's
		// president, Juvénal Habyarimana".
		named := func(k int) bool { return k < len(s.toks) && s.toks[k].isCap() && s.toks[k].isWord() }
		if title == "" || named(end) || (end < len(s.toks) && s.toks[end].text == "," && named(end+1)) {
			continue
		}
		if day == "" {
			if day = sentenceDateSkipping(s.toks, st.ref, nil); day == "" {
				day = st.ref.Format(time.DateOnly)
			}
		}
		if holder := st.holderOn(title, q.id, day); holder != "" {
			q.modifier = true
			m := st.addMention(s, nameRef{id: holder, kind: geokg.KindPerson}, at, end, confAnaphora)
			m.spanStart = q.start
		}
	}
}

// lowercaseTitle returns the canonical title written in lowercase from
// token i ("foreign minister"), and where it ends; "" when there is none.
func (st *article) lowercaseTitle(s *sentence, i int) (string, int) {
	for n := maxTitleWords; n >= 1; n-- {
		if i+n > len(s.toks) {
			continue
		}
		words := make([]string, n)
		for k := range n {
			t := s.toks[i+k]
			if t.isCap() || s.covered(i+k) {
				words = nil
				break
			}
			words[k] = t.lower
		}
		if words == nil {
			continue
		}
		if title, ok := st.x.titleByLower[strings.Join(words, " ")]; ok {
			return title, i + n
		}
	}
	return "", i
}

// holderOn returns the one knowledge-base person who held title of
// country on day, or "" when none or several did.
func (st *article) holderOn(title, country, day string) string {
	found := ""
	for _, id := range st.x.officeHolders[country] {
		p, _ := st.x.kb.Person(id)
		for i := range p.Roles {
			r := &p.Roles[i]
			if r.Of == country && sameTitle(r.Title, title) && heldOn(r, day) {
				if found != "" && found != id {
					return ""
				}
				found = id
			}
		}
	}
	return found
}
