package extract

// The dateline: the place a report was filed from, written in capitals
// before the body's first words ("NAIROBI, March 3 —", "PANAMA CITY —").

import (
	"strings"
	"unicode"

	"github.com/geokg/geokg"
)

// matchDateline reads the capitalised words that open the body before a
// comma or dash as a place: the knowledge base's when it knows the name
// (written as news writes it elsewhere, "Cape Town"), else a place of the
// article's own. The place is where, never who: a capital in a dateline
// does not stand for its government.
func (st *article) matchDateline() {
	var s *sentence
	for _, t := range st.sents {
		if t.para >= 2 {
			s = t
			break
		}
	}
	if s == nil {
		return
	}
	k := 0
	for k < len(s.toks) && k < 5 && allCaps(s.toks[k].text) {
		k++
	}
	if k == 0 || k >= len(s.toks) || (s.toks[k].text != "," && s.toks[k].text != "-") || s.covered(0) {
		return
	}
	words := make([]string, k)
	for i := range k {
		words[i] = titleCase(s.toks[i].text)
	}
	name := strings.Join(words, " ")
	toks := tokenize(normalize(name))
	for _, m := range st.x.names.matchesAt(toks, 0) {
		if m.end == len(toks) && (m.v.kind == geokg.KindLocation || m.v.kind == geokg.KindCountry) {
			st.addMention(s, nameRef{id: m.v.id, kind: m.v.kind}, 0, k, confKB).dateline = true
			return
		}
	}
	id := "location:" + slug(name)
	if _, ok := st.local[id]; !ok {
		st.local[id] = geokg.Entity{ID: id, Name: name, Kind: geokg.KindLocation, Confidence: confNewName, Source: "article"}
	}
	st.addMention(s, nameRef{id: id, kind: geokg.KindLocation}, 0, k, confNewName).dateline = true
}

// allCaps reports whether a word is written in capitals: two or more
// letters (or one of "D.C." and the like), none lower case.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		case r != '.' && r != '-' && r != '\'':
			return false
		}
	}
	return letters >= 2
}

// titleCase writes a capitalised word as a name: "TOWN" is "Town",
// "D.C." stays, "AL-ARISH" is "Al-Arish".
func titleCase(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '-' || r == '.' || r == '\''
	}
	return b.String()
}
