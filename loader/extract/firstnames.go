package extract

// People the knowledge base lacks, read by their first name: "Alan Gross",
// "Clara Rojas", "Kurt Campbell". The knowledge base's people (curated
// and from the field's dictionaries, tens of thousands) give the first
// names news uses; a known first name and one or two capitalised words
// after it that nothing else names make a person.

import (
	"slices"
	"strings"
	"unicode"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// notFirstNames are first names of people in the knowledge base that news
// also writes capitalised as words, places or titles.
var notFirstNames = wordSet(`will mark bill hope grace faith rose guy major general king prince pope lord sir
	saint san santa new north south east west great young long little big red white black green brown gray
	grey august may june april march christian justice victory liberty star sun moon bishop judge dean
	chase page rich price ray art frank earnest lance pierce sterling summer winter autumn spring
	al el le la de du van von bin ibn abu umm mr mrs ms dr gen col maj capt lt sgt president prime foreign
	said says united national democratic republic people popular islamic holy royal central federal
	state first last former acting deputy vice interim supreme high chief senior roman`)

// firstNames collects, in out, the first words of the knowledge base's people's
// names that can open a name alone: letters only, three or more, and not
// themselves a name of anything the knowledge base holds; in places, those
// that are also a place's name.
func firstNames(k *kb.KB, names *trie[nameRef]) (out, places map[string]bool) {
	out, places = map[string]bool{}, map[string]bool{}
	for _, p := range k.People {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			words := strings.Fields(n)
			if len(words) < 2 {
				continue
			}
			w := words[0]
			if lw := strings.ToLower(w); len(w) < 3 || !isCapitalisedWord(w) || notFirstNames[lw] || stopName[lw] || honorifics[lw] {
				continue
			}
			if ms := names.matchesAt(tokenize(w), 0); len(ms) > 0 {
				// "Jordan", "Georgia", "Chad"; a place's name ("Milan")
				// is kept apart, for firstNameOfPerson.
				if slices.ContainsFunc(ms, func(m match[nameRef]) bool { return m.v.kind == geokg.KindLocation }) {
					places[w] = true
				}
				continue
			}
			out[w] = true
		}
	}
	return out, places
}

// isCapitalisedWord reports whether w is a capital and lower-case letters.
func isCapitalisedWord(w string) bool {
	for i, r := range w {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

// nameHeads end the names of places and bodies, not of people: "Simon
// Bolivar Airport", "Nelson Mandela Square".
var nameHeads = wordSet(`street square road avenue boulevard bridge airport port station university college
	institute foundation hospital school academy centre center mosque church cathedral temple palace prize
	award stadium park hall house tower dam canal river lake mountain valley district province county
	city town village island islands party council army front movement brigade brigades battalion
	corps force forces group organisation organization committee commission agency ministry fund trust
	bank company corporation holdings airlines hotel museum library doctrine plan act law accord
	agreement treaty declaration prison jail camp base barracks compound pagoda shrine monastery
	mausoleum memorial cemetery highway bay gulf sea strait peninsula`)

// matchFirstNames reads a known first name and the one or two capitalised
// words after it, matched by nothing else, as a person of the article.
// Headlines are left alone: every word of them is capitalised.
func (st *article) matchFirstNames(s *sentence) {
	if s.para <= 1 {
		return
	}
	for i := 0; i+1 < len(s.toks); i++ {
		t := s.toks[i]
		if !st.x.firstNames[t.text] || s.covered(i) {
			continue
		}
		// A capitalised word before it belongs to the name or makes it
		// something else ("Roman Catholic"), unless it is an honorific
		// ("Sheikh Ahmed Yassin").
		if i > 0 {
			prev := s.toks[i-1]
			if prev.isCap() && prev.isWord() && !s.covered(i-1) && !honorifics[strings.TrimSuffix(prev.lower, ".")] {
				continue
			}
		}
		j := i + 1
		for j < len(s.toks) && j-i < 4 && s.toks[j].isCap() && s.toks[j].isWord() && !s.covered(j) &&
			!stopName[s.toks[j].lower] && !roleNouns[s.toks[j].lower] && !nameHeads[s.toks[j].lower] {
			j++
		}
		// "Abdel Aziz al-Rantisi", "Francisco de Miranda": particles go on.
		for k := j; j > i+1 && k+1 < len(s.toks) && k-i < 6; {
			if w := s.toks[k]; nameParticle(w) && strings.Contains(w.text, "-") && w.isWord() && !s.covered(k) {
				j, k = k+1, k+1
				continue
			}
			if !nameParticle(s.toks[k]) || s.covered(k) || !s.toks[k+1].isCap() || s.covered(k+1) {
				break
			}
			j, k = k+2, k+2
		}
		if j-i < 2 || j < len(s.toks) && nameHeads[s.toks[j].lower] {
			continue
		}
		// "the John Garang mausoleum": a name that qualifies a noun.
		if i > 0 && determiners[s.toks[i-1].lower] && j < len(s.toks) && s.toks[j].isWord() && !s.toks[j].isCap() {
			continue
		}
		st.addPerson(s, i, j)
		i = j - 1
	}
}
