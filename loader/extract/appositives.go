package extract

import (
	"strings"

	"github.com/geokg/geokg"
)

// roleNouns name what a person is in an apposition: "David Owen, the
// European Community's mediator", "the force's commander, Roméo Dallaire".
// Only people are called these, so the two or three capitalised words the
// apposition stands beside are a person the knowledge base lacks.
var roleNouns = map[string]bool{
	"commander": true, "guru": true, "negotiator": true, "mediator": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "envoy": true, "ambassador": true, "commissioner": true, "adviser": true,
	"advisor": true, "analyst": true, "researcher": true, "professor": true, "director": true,
	"chairman": true, "chairwoman": true, "founder": true, "king": true, "emir": true, "governor": true,
	"mayor": true, "senator": true, "lawmaker": true, "diplomat": true, "president": true, "minister": true,
	"ministers": true, "secretary": true, "premier": true, "chancellor": true, "aide": true, "judge": true,
	"prosecutor": true, "general": true, "colonel": true, "editor": true, "correspondent": true,
	"economist": true, "activist": true, "dissident": true, "leader": true, "chief": true, "official": true,
	"head": true, "deputy": true, "lawyer": true, "historian": true, "scholar": true, "veteran": true,
	"cleric": true, "preacher": true, "imam": true, "ayatollah": true, "bishop": true, "archbishop": true,
	"rabbi": true, "journalist": true, "businessman": true, "businesswoman": true, "tycoon": true,
	"oligarch": true, "warlord": true, "militant": true, "strongman": true, "dictator": true,
	"opponent": true, "rival": true, "politician": true, "ruler": true, "pilot": true, "successor": true,
	"predecessor": true, "candidate": true, "manager": true, "counterpart": true, "second-in-command": true,
	"executive": true, "magnate": true, "nuncio": true, "speaker": true, "deputies": true, "leaders": true,
	"commanders": true, "officials": true, "activists": true, "wife": true, "husband": true, "widow": true,
	"son": true, "daughter": true, "brother": true, "sister": true, "father": true, "mother": true,
	"nephew": true, "heir": true, "emissary": true, "representative": true, "delegate": true, "inspector": true,
	"investigator": true, "chairperson": true, "captain": true, "lieutenant": true, "major": true, "admiral": true,
	"monk": true, "priest": true, "cardinal": true, "patriarch": true, "writer": true, "author": true,
	"student": true, "doctor": true, "teacher": true, "farmer": true, "soldier": true, "officer": true,
	"contractor": true, "worker": true, "engineer": true, "poet": true, "novelist": true, "photographer": true,
	"reporter": true, "blogger": true, "lawmakers": true, "senators": true, "negotiators": true, "envoys": true,
}

// matchAppositives finds people the knowledge base lacks by an apposition
// that says what they are, on either side of the name:
//
//	"Saeb Erekat, the chief Palestinian negotiator, rejected ..."
//	"India's high commissioner, Ajay Bisaria."
//	"two former chief ministers, Mehbooba Mufti and Omar Abdullah"
//	"We asked Aminata Koné, who studies West African security"
//
// A name is two or three capitalised, unmatched words; one word is too
// little to tell a person from a place.
func (st *article) matchAppositives(s *sentence) {
	toks := s.toks
	// "Kurmanbek Bakiyev is no longer president", "Ahmed Ali was the
	// party's leader": a name said to be what only people are.
	for k := 2; k+1 < len(toks); k++ {
		if w := toks[k].lower; (w == "is" || w == "was") && s.predicatesPerson(k+1) {
			if j := st.nameEndingAt(s, k); j >= 0 && (j == 0 || !toks[j-1].isCap()) {
				st.addPerson(s, j, k)
			}
		}
	}
	for k := 1; k+1 < len(toks); k++ {
		if toks[k].text != "," {
			continue
		}
		// The name before the comma.
		if s.describesPerson(k+1) || toks[k+1].lower == "who" {
			if j := st.nameEndingAt(s, k); j >= 0 && (j == 0 || !toks[j-1].isCap()) {
				st.addPerson(s, j, k)
			}
		}
		// The name, or names joined by "and", after it: "his Chinese
		// counterpart, Wang Yi", "the secretary general of the
		// Organization of American States, João Baena Soares".
		if roleNouns[toks[k-1].lower] || s.roleOfBodyEndingAt(k) {
			for i := k + 1; i < len(toks); {
				end := st.nameStartingAt(s, i)
				if end < 0 || (end < len(toks) && toks[end].isCap()) {
					break
				}
				st.addPerson(s, i, end)
				if end+1 < len(toks) && toks[end].lower == "and" {
					i = end + 1
					continue
				}
				break
			}
		}
	}
}

// describesPerson reports whether the apposition starting at token i says
// what a person is: it opens with a determiner or a possessive and names a
// role before its clause ends ("the European Community's mediator", "a
// party spokesman", "Egypt's president").
func (s *sentence) describesPerson(i int) bool {
	toks := s.toks
	if i >= len(toks) {
		return false
	}
	if !appositionOpeners[toks[i].lower] && !(i+1 < len(toks) && toks[i+1].text == "'s") {
		return false
	}
	for k := i; k < len(toks) && k < i+10; k++ {
		switch toks[k].text {
		case ",", ".", ";", ":", "(", ")":
			return false
		}
		if roleNouns[toks[k].lower] && !toks[k].isCap() {
			return true
		}
	}
	return false
}

// nameEndingAt returns where a two- or three-word name ending before token
// end starts, or -1.
func (st *article) nameEndingAt(s *sentence, end int) int {
	j := end
	for j > 0 && end-j < 3 && st.nameWord(s, j-1) {
		j--
	}
	if end-j < 2 || len(st.x.titles.matchesAt(s.toks, j)) > 0 {
		return -1
	}
	return j
}

// nameStartingAt returns where a two- or three-word name starting at token
// i ends, or -1.
func (st *article) nameStartingAt(s *sentence, i int) int {
	j := i
	for j < len(s.toks) && j-i < 3 && st.nameWord(s, j) {
		j++
	}
	if j-i < 2 || len(st.x.titles.matchesAt(s.toks, i)) > 0 {
		return -1
	}
	return j
}

// nameWord reports whether token i can be part of a new person's name.
func (st *article) nameWord(s *sentence, i int) bool {
	t := s.toks[i]
	return t.isCap() && t.isWord() && !s.covered(i) && !stopName[t.lower] && !roleNouns[t.lower]
}

// addPerson records tokens [i, end) as a person the article names, less
// the honorifics and ranks before the name ("Commodore Frank
// Bainimarama" is Frank Bainimarama). What is left must be two words or
// more: "Mr. Trump" is a surname for the surname pass to read.
func (st *article) addPerson(s *sentence, i, end int) {
	from := i
	for i < end && honorifics[strings.TrimSuffix(s.toks[i].lower, ".")] {
		i++
	}
	// "Sheikh Hasina": a title that is also a given name stays when
	// nothing but one word would be left.
	if end-i < 2 && i-from == 1 && end-from == 2 && givenNameTitles[s.toks[from].lower] {
		i = from
	}
	if end-i < 2 {
		return
	}
	name := s.text[s.toks[i].start:s.toks[end-1].end]
	st.addMention(s, nameRef{id: st.addLocal(name, geokg.KindPerson), kind: geokg.KindPerson}, i, end, confNewName)
}

// givenNameTitles are honorifics some people bear as their given name.
var givenNameTitles = wordSet("sheikh begum")

// honorifics, ranks and offices written before a name are not part of it.
var honorifics = wordSet(`mr mrs ms miss dr prof professor sir dame lord lady commodore admiral general gen
	colonel col lieutenant lt major maj captain capt sergeant sgt brigadier marshal field commandant sheikh
	shaikh sheik mullah ayatollah imam rev reverend msgr monsignor father cardinal pope prince princess king
	queen emir sultan ratu senator sen rep representative governor gov mayor minister commissioner chief
	president premier chancellor judge justice ambassador secretary deputy vice acting former late saint
	st subcomandante comandante commander afterwards meanwhile later then now today yesterday still even
	only both all most some many several other another each every`)

// predicatesPerson reports whether the words from i say what a person is:
// "no longer president of", "the party's leader", "still prime minister".
// Only plain words may come before the role, which must come within five.
func (s *sentence) predicatesPerson(i int) bool {
	for k := i; k < len(s.toks) && k < i+5; k++ {
		t := s.toks[k]
		if roleNouns[t.lower] && !t.isCap() {
			return true
		}
		if !t.isWord() && t.text != "'s" || t.isCap() && !s.covered(k) {
			return false
		}
	}
	return false
}

// appositionOpeners begin an apposition that says what someone is.
var appositionOpeners = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true}

// roleOfBodyEndingAt reports whether the words before token k are an
// office of a body or state: "the secretary general of the OAS".
func (s *sentence) roleOfBodyEndingAt(k int) bool {
	m := s.mentionEndingAt(k)
	if m == nil || (m.kind != geokg.KindOrganization && m.kind != geokg.KindCountry) {
		return false
	}
	j := m.spanStart - 1
	if j > 0 && s.toks[j].lower == "the" {
		j--
	}
	return j > 0 && s.toks[j].lower == "of" && roleNouns[s.toks[j-1].lower]
}
