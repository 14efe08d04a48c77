package extract

// Who acts: the actor of a trigger, read from the sentence's names, its
// subject, pronouns, speech and appositions.

import (
	"strings"

	"github.com/geokg/geokg"
)

// actorBefore returns the nearest person, country or organization named
// before token i that is not a mere modifier.
func (s *sentence) actorBefore(i int, alive func(*mention) bool) *mention {
	// "Annan, speaking after talks with Israel, urged ...": a clause set
	// off by commas right before the verb is an aside, and the actor is
	// the subject before it.
	// An appositive that names the subject ("Armenia's prime minister,
	// Nikol Pashinyan, signed") is no aside: the person in it acts.
	skipFrom, skipTo := -1, -1
	if i > 0 && s.toks[i-1].text == "," {
		for k := i - 2; k > 0; k-- {
			if s.toks[k].text == "," {
				// "Saeb Erekat, the chief Palestinian negotiator,
				// rejected": an apposition saying what the subject is
				// is an aside too.
				if asideOpeners[s.toks[k+1].lower] || strings.HasSuffix(s.toks[k+1].lower, "ing") || s.describesPerson(k+1) {
					skipFrom, skipTo = k, i-1
				} else if p := s.personBetween(k+1, i-1, alive); p != nil {
					return p
				}
				break
			}
		}
	}
	// "Shoigu said the strikes hit Islamic State positions": what is
	// said has its own subject, and the speaker is not it.
	floor := -1
	for k := i - 1; k > 0; k-- {
		if speechVerbs[s.toks[k].lower] && !s.covered(k) {
			floor = k
			break
		}
	}
	for k := len(s.ments) - 1; k >= 0; k-- {
		m := s.ments[k]
		if m.end > i || m.start <= floor || m.inert() || !alive(m) {
			continue
		}
		// "in Syria", "from Moscow": a place phrase is never the subject.
		if m.spanStart > 0 && (m.kind == geokg.KindCountry || m.kind == geokg.KindLocation) && placePrepositions[s.toks[m.spanStart-1].lower] {
			continue
		}
		if m.start > skipFrom && m.end <= skipTo && s.hasCandidateBefore(skipFrom, alive) {
			continue
		}
		// "Pakistani soldiers serving with the United Nations opened
		// fire", "Russia's ambassador to the UN said": a name a
		// preposition governs qualifies the subject before it.
		if s.governed(m) && s.hasCandidateBefore(m.spanStart, alive) {
			continue
		}
		if m.kind == geokg.KindPerson || m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization {
			return m
		}
	}
	return nil
}

// placePrepositions put a country or place where something happens.
var placePrepositions = map[string]bool{"in": true, "at": true, "from": true, "near": true, "into": true, "across": true,
	"inside": true, "outside": true, "throughout": true, "around": true, "within": true}

// asideOpeners begin a clause set off by commas that is not the subject:
// "Annan, speaking after talks, urged", "Lavrov, who met Jaishankar,
// praised".
var asideOpeners = map[string]bool{"who": true, "which": true, "whose": true, "after": true, "before": true,
	"during": true, "despite": true, "with": true, "in": true, "at": true, "on": true, "for": true, "like": true,
	"unlike": true, "as": true, "while": true, "when": true, "having": true, "however": true, "meanwhile": true}

// personBetween returns the last person mentioned within tokens [from, to).
func (s *sentence) personBetween(from, to int, alive func(*mention) bool) *mention {
	var last *mention
	for _, m := range s.ments {
		if m.kind == geokg.KindPerson && !m.inert() && alive(m) && m.start >= from && m.end <= to {
			last = m
		}
	}
	return last
}

// hasCandidateBefore reports whether an actor-capable mention ends at or
// before token i, so that skipping an aside still leaves an actor.
func (s *sentence) hasCandidateBefore(i int, alive func(*mention) bool) bool {
	for _, m := range s.ments {
		if m.end <= i && !m.inert() && alive(m) &&
			(m.kind == geokg.KindPerson || m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization) {
			return true
		}
	}
	return false
}

// quoteSpeaker returns who is quoted when token i stands inside quotation
// marks and a person or country next to a speech verb outside them says it
// ('"...," Lavrov said', 'Lavrov said: "..."'); nil otherwise.
func (s *sentence) quoteSpeaker(i int) *mention {
	open, inside := -1, false
	for k := 0; k < i; k++ {
		if s.toks[k].text == `"` {
			inside = !inside
			open = k
		}
	}
	if !inside {
		return nil
	}
	close := len(s.toks)
	for k := i; k < len(s.toks); k++ {
		if s.toks[k].text == `"` {
			close = k
			break
		}
	}
	outside := func(k int) bool { return k < open || k > close }
	for k, t := range s.toks {
		if !speechVerbs[t.lower] || !outside(k) {
			continue
		}
		for _, m := range s.ments {
			if outside(m.start) && !m.inert() && (m.end == k || m.start == k+1) &&
				(m.kind == geokg.KindPerson || m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization) {
				return m
			}
		}
	}
	return nil
}

// coordinated returns the ids of the mentions joined to actor by "and" or
// commas before it ("American and British warplanes struck"), of the same
// class: people with people, states and organizations with each other.
func (s *sentence) coordinated(actor *mention, alive func(*mention) bool) []string {
	person := actor.kind == geokg.KindPerson
	var out []string
	cur := actor
	for {
		// The name before: for people, the nearest person, stepping over
		// the places and bodies that say whose they are ("Yitzhak Rabin
		// of Israel and his Jordanian counterpart, Abdelsalam al-Majali").
		var prev *mention
		for _, m := range s.ments {
			// Only a dozen words of "and his rival" can join two names:
			// looking further made long sentences cost their square.
			if m.end > cur.spanStart || cur.spanStart-m.end > 12 || m.inert() || !alive(m) || m.kind == geokg.KindLocation || (m.kind == geokg.KindPerson) != person {
				continue
			}
			if prev == nil || m.end > prev.end {
				prev = m
			}
		}
		if prev == nil {
			return out
		}
		joined, sawAnd := true, false
		for k := prev.end; k < cur.spanStart; k++ {
			w := s.toks[k].lower
			sawAnd = sawAnd || w == "and"
			// "and his rival", "and the opposition leader,", "of Israel".
			describes := person && (possessivePronouns[w] || w == "their" || w == "its" || w == "of" || roleNouns[w] ||
				titleWords[w] || personDescribers[w] || s.covered(k) || s.isModifierAt(k))
			// "and the rebel leader Foday Sankoh": the article of a
			// description.
			if w != "and" && w != "," && !s.titleAt(k) && !(w == "the" && k > prev.end && s.toks[k-1].lower == "and") && !(k == cur.spanStart-1 && w == "the") && !describes {
				joined = false
			}
		}
		if !joined || (!sawAnd && cur == actor) || prev.id == actor.id {
			return out
		}
		out = append([]string{prev.id}, out...)
		cur = prev
	}
}

func (st *article) speaksFor(id string) string {
	// Asked for every party of every event; the answers are kept until a
	// relation is added.
	if st.spokesmen == nil || st.spokesmenN != len(st.rels) {
		st.spokesmen, st.spokesmenN = map[string]string{}, len(st.rels)
		for _, r := range st.rels {
			if _, done := st.spokesmen[r.From]; r.Type != geokg.RelHoldsRole || done {
				continue
			}
			if e, ok := st.entity(r.To); ok && e.Kind == geokg.KindCountry {
				st.spokesmen[r.From] = r.To
			}
		}
	}
	if c, ok := st.spokesmen[id]; ok {
		return c
	}
	return id
}

// subjectPronouns stand for the person last named.
var subjectPronouns = map[string]bool{"he": true, "she": true}

// possessivePronouns before a nominal trigger name its actor: "his
// accusations", "her appeal".
var possessivePronouns = map[string]bool{"his": true, "her": true}

// pronounFillers may stand between a subject pronoun and its verb: "he
// also urged", "she had warned".
var pronounFillers = map[string]bool{"also": true, "later": true, "then": true, "again": true, "has": true,
	"had": true, "was": true, "is": true, "would": true, "will": true, "once": true, "twice": true, "repeatedly": true}

// pronounSubject returns the person a subject pronoun right before the
// trigger at i stands for ("He urged France to stop"): the last person
// named before it in the sentence, else in the three sentences before.
// The nearest named party would otherwise be taken, which in "Japan's
// prime minister spoke in Tokyo. He urged France..." is nobody, and in
// "After meeting Israel's envoy, he urged" the envoy. Nil when there is no
// such pronoun or person.
func (st *article) pronounSubject(s *sentence, i int, alive func(*mention) bool) *mention {
	p := i - 1
	for p >= 0 && (pronounFillers[s.toks[p].lower] || strings.HasSuffix(s.toks[p].lower, "ly")) && i-p <= 2 {
		p--
	}
	// "his repeated accusations of": a possessive before a nominal
	// trigger, one plain word at most between.
	if p >= 1 && !subjectPronouns[s.toks[p].lower] && !s.covered(p) && !s.toks[p].isCap() && possessivePronouns[s.toks[p-1].lower] {
		p--
	}
	if p < 0 || !(subjectPronouns[s.toks[p].lower] || possessivePronouns[s.toks[p].lower]) {
		return nil
	}
	person := func(ms []*mention, before int) *mention {
		var last *mention
		for _, m := range ms {
			if m.kind == geokg.KindPerson && !m.nested && alive(m) && m.end <= before && (last == nil || m.start > last.start) {
				last = m
			}
		}
		return last
	}
	// The subject a pronoun most often takes up is that of its own
	// sentence ("Lavrov held talks with Wang, two days after he met
	// Rubio") or, at a sentence's start, of the sentence before ("Pompeo
	// said Washington did not accept Maduro's authority. He called on
	// Maduro to step aside").
	subject := func(t *sentence, before int) *mention {
		if m := t.subject(alive); m != nil && m.kind == geokg.KindPerson && m.end <= before {
			return m
		}
		return nil
	}
	if m := subject(s, p); m != nil {
		return m
	}
	if m := person(s.ments, p); m != nil {
		return m
	}
	for k := s.idx - 1; k >= 0 && k >= s.idx-3; k-- {
		m := subject(st.sents[k], len(st.sents[k].toks))
		if m == nil {
			m = person(st.sents[k].ments, len(st.sents[k].toks))
		}
		if m != nil {
			// A stand-in at the pronoun's place, so that what follows
			// (targets, coordination) is read from there.
			return &mention{id: m.id, kind: m.kind, start: p, end: p + 1, spanStart: p}
		}
	}
	return nil
}

// reportingOfficial returns the speaker when the actor found is a country
// or organization inside what an official of it is reported to say:
// "Freeland said Ottawa recognised Guaidó" is Canada's foreign minister
// recognising him. Nil otherwise, and always when the speaker holds no
// office of the actor: "Lavrov said Washington struck" stays Washington's.
func (st *article) reportingOfficial(s *sentence, actor *mention, date string, alive func(*mention) bool) *mention {
	if actor == nil || (actor.kind != geokg.KindCountry && actor.kind != geokg.KindOrganization) {
		return nil
	}
	// The speech verb stands a few words before the actor: "said that",
	// "said on Wednesday that", with no other name between.
	for j := actor.spanStart - 1; j > 0 && actor.spanStart-j <= 5; j-- {
		w := s.toks[j].lower
		if s.covered(j) || w == "," || w == ";" {
			return nil
		}
		if !speechVerbs[w] {
			continue
		}
		speaker := s.mentionEndingAt(j)
		if speaker == nil || speaker.kind != geokg.KindPerson || !alive(speaker) {
			return nil
		}
		if st.holdsOfficeOf(speaker.id, actor.id, date) {
			return speaker
		}
		return nil
	}
	return nil
}

// holdsOfficeOf reports whether person held an office of org on date, by
// the knowledge base or by a title this article gave them.
func (st *article) holdsOfficeOf(person, org, date string) bool {
	for _, r := range st.rels {
		if r.Type != geokg.RelHoldsRole || r.From != person {
			continue
		}
		// "State Department spokeswoman Margaret Tutwiler" speaks for the
		// United States: an office of a body of the country.
		if r.To == org {
			return true
		}
		if o, ok := st.x.kb.Organization(r.To); ok && o.Country == org {
			return true
		}
	}
	p, ok := st.x.kb.Person(person)
	if !ok {
		return false
	}
	for i := range p.Roles {
		if p.Roles[i].Of == org && (date == "" || heldOn(&p.Roles[i], date)) {
			return true
		}
	}
	return false
}

// personDescribers say which side a person leads before the role noun:
// "and rebel leader Riek Machar", "and opposition leader Raila Odinga".
var personDescribers = wordSet("rebel opposition militia separatist insurgent ousted exiled veteran outgoing incoming army military retired deposed jailed")

// shareFillers may stand between "and" and a verb that shares the subject
// of the verb before it: "and also urged", "and then called on".
var shareFillers = map[string]bool{"also": true, "then": true, "later": true, "again": true, "has": true,
	"had": true, "have": true}

// sharedSubject returns the subject a trigger at i shares with the
// sentence's previous verb: after "and" or "but" ("Annan urged Israel to
// stop and called on Hezbollah"), that verb's actor; for a participle
// after a comma (", turning down Washington's request"), that actor or
// else the sentence's subject. Nil when the trigger has its own subject.
func (s *sentence) sharedSubject(i int, prev *mention, alive func(*mention) bool) *mention {
	p := i - 1
	for p >= 0 && i-p <= 2 && (shareFillers[s.toks[p].lower] || strings.HasSuffix(s.toks[p].lower, "ly")) {
		p--
	}
	// "and later in the day called on": a time phrase of plain words may
	// stand between.
	if p >= 0 && s.toks[p].lower != "and" && s.toks[p].lower != "but" {
		for k := p; k >= 0 && i-k <= 7; k-- {
			w := s.toks[k]
			if w.lower == "and" || w.lower == "but" {
				if timeWords[s.toks[k+1].lower] {
					p = k
				}
				break
			}
			if !w.isWord() || s.covered(k) || (w.isCap() && !weekdayOrMonth(w.lower)) {
				break
			}
		}
	}
	if p < 0 {
		return nil
	}
	switch w := s.toks[p].lower; {
	case w == "and" || w == "but":
		if prev != nil {
			return prev
		}
		// "Ramaphosa opened the meeting and urged the group": no verb
		// before was coded, and the sentence's subject is the one who
		// urged, unless a name stands right before the "and" as part of
		// a list of actors ("Russia and China vetoed" never gets here).
		if subj := s.subject(alive); subj != nil && subj.end <= p {
			return subj
		}
		return nil
	case (w == "," || participleOpeners[w]) && p == i-1 && strings.HasSuffix(s.toks[i].lower, "ing"):
		// ", turning down Washington's request", "after warning of the
		// attack": the participle's subject is the clause's.
		if prev != nil {
			return prev
		}
		return s.subject(alive)
	}
	return nil
}

// subject returns the sentence's grammatical subject as far as names tell:
// its first person, country or organization that no preposition governs,
// or the person a title after it introduces ("Canadian Prime Minister
// Jean Chrétien").
func (s *sentence) subject(alive func(*mention) bool) *mention {
	for k, m := range s.ments {
		if m.nested || !alive(m) || m.kind == geokg.KindLocation || m.kind == geokg.KindConflict {
			continue
		}
		if m.spanStart > 0 && prepositions[s.toks[m.spanStart-1].lower] {
			continue
		}
		// "South Africa's foreign minister, Ronald Lamola": the title and
		// an opening comma may stand between.
		for _, n := range s.ments[k:] {
			if n.kind == geokg.KindPerson && !n.nested && alive(n) && n.start >= m.start && n.start-m.end <= 5 && s.onlyTitleBetween(m.end, n.start) {
				return n
			}
		}
		if m.inert() {
			continue
		}
		return m
	}
	return nil
}

// prepositions govern a name that is therefore not a sentence's subject.
var prepositions = map[string]bool{"in": true, "at": true, "from": true, "to": true, "with": true, "of": true,
	"for": true, "on": true, "by": true, "after": true, "before": true, "during": true, "against": true}

// relativeSubject reports whether the trigger at i opens a relative clause
// ("which killed", ", who met"), and then returns the actor-capable name
// the pronoun takes up, right before it (or before its comma), or nil when
// what it takes up is not such a name.
func (s *sentence) relativeSubject(i int, alive func(*mention) bool) (*mention, bool) {
	p := i - 1
	for p >= 0 && i-p <= 2 && (shareFillers[s.toks[p].lower] || strings.HasSuffix(s.toks[p].lower, "ly")) {
		p--
	}
	if p < 0 || (s.toks[p].lower != "which" && s.toks[p].lower != "who") {
		return nil, false
	}
	end := p
	if end > 0 && s.toks[end-1].text == "," {
		end--
	}
	m := s.mentionEndingAt(end)
	if m == nil || m.inert() || !alive(m) || m.kind == geokg.KindLocation {
		return nil, true
	}
	return m, true
}

// timeWords open a time phrase: "later in the day", "on Friday", "then".
var timeWords = map[string]bool{"later": true, "then": true, "on": true, "in": true, "earlier": true,
	"afterwards": true, "soon": true, "the": true, "that": true, "this": true, "last": true, "late": true, "early": true}

// weekdayOrMonth reports whether a lowercased word is a weekday or a month.
func weekdayOrMonth(w string) bool {
	_, wd := weekdays[w]
	return wd || months[w] != 0
}

// participleOpeners introduce a participle clause that shares the main
// clause's subject: "after warning", "while visiting", "by refusing".
var participleOpeners = map[string]bool{"after": true, "before": true, "while": true, "by": true, "since": true}

// itSubject returns the state or body that "it" right before the trigger
// at i, or a sentence-opening "Its" ("Its foreign ministry urged"),
// stands for: the subject of its sentence when that is a country or an
// organization named before it, else the subject of the sentence before.
// Nil when there is no such pronoun or subject.
func (st *article) itSubject(s *sentence, i int, alive func(*mention) bool) *mention {
	p := i - 1
	for p >= 0 && (pronounFillers[s.toks[p].lower] || strings.HasSuffix(s.toks[p].lower, "ly")) && i-p <= 2 {
		p--
	}
	opening := false
	if p < 0 || s.toks[p].lower != "it" {
		// "Its foreign ministry urged": plain words between.
		if s.toks[0].lower != "its" || i > 5 {
			return nil
		}
		for k := 1; k < i; k++ {
			if s.covered(k) || s.toks[k].isCap() || !s.toks[k].isWord() {
				return nil
			}
		}
		p, opening = 0, true
	}
	body := func(m *mention) bool {
		return m != nil && (m.kind == geokg.KindCountry || m.kind == geokg.KindOrganization)
	}
	if !opening {
		if m := s.subject(alive); body(m) && m.end <= p {
			return m
		}
	}
	if s.idx > 0 {
		if m := st.sents[s.idx-1].subject(alive); body(m) {
			return &mention{id: m.id, kind: m.kind, start: p, end: p + 1, spanStart: p}
		}
	}
	return nil
}

// titleWords are the lowercase words of an office written out before a
// name: "South Africa's foreign minister, Ronald Lamola".
var titleWords = map[string]bool{"foreign": true, "defence": true, "defense": true, "prime": true, "deputy": true,
	"vice": true, "high": true, "national": true, "security": true, "former": true, "acting": true, "interior": true,
	"finance": true, "justice": true, "state": true, "supreme": true, "new": true, "top": true}

// onlyTitleBetween reports whether tokens [from, to) are an office and its
// punctuation, nothing else: no verb stands between a subject and its name.
func (s *sentence) onlyTitleBetween(from, to int) bool {
	for k := from; k < to; k++ {
		w := s.toks[k].lower
		// "China's UN ambassador, Wang Guangya": the body the office is
		// at may stand in it.
		if w != "'s" && w != "," && w != "the" && !s.titleAt(k) && !roleNouns[w] && !titleWords[w] && !s.orgAt(k) {
			return false
		}
	}
	return true
}

// joinedPronounSubject returns whom a pronoun subject stands for when the
// verb at i is joined by "and" to an earlier one that pronoun governs:
// "Then on Sunday he held a counter-rally in Minsk and accused NATO".
// Nil when a name stands between the pronoun and the verb.
func (st *article) joinedPronounSubject(s *sentence, i int, alive func(*mention) bool) *mention {
	p := i - 1
	for p >= 0 && i-p <= 2 && (shareFillers[s.toks[p].lower] || strings.HasSuffix(s.toks[p].lower, "ly")) {
		p--
	}
	if p <= 0 || (s.toks[p].lower != "and" && s.toks[p].lower != "but") {
		return nil
	}
	for k := p - 1; k >= 0 && p-k <= 15; k-- {
		w := s.toks[k].lower
		if w == ";" || w == "." {
			return nil
		}
		if subjectPronouns[w] {
			return st.pronounSubject(s, k+1, alive)
		}
		if m := s.mentionEndingAt(k + 1); m != nil && m.kind != geokg.KindLocation && !m.inert() {
			return nil
		}
	}
	return nil
}

// orgAt reports whether token k is part of an organization's name.
func (s *sentence) orgAt(k int) bool {
	for _, m := range s.ments {
		if k >= m.start && k < m.end {
			return m.kind == geokg.KindOrganization
		}
	}
	return false
}

// inQuote reports whether token k stands inside quotation marks.
func (s *sentence) inQuote(k int) bool {
	inside := false
	for j := 0; j < k && j < len(s.toks); j++ {
		if s.toks[j].text == `"` {
			inside = !inside
		}
	}
	return inside
}

// governingPrepositions put a name in a phrase that qualifies another.
var governingPrepositions = wordSet("with by to for from of")

// governed reports whether a preposition (with an article) stands right
// before m and makes it qualify another name. It does not where the phrase
// says whose a group is: "forces loyal to Ouattara", "fighters led by
// Basayev", "the rebels of the MNLA", "hundreds of thousands of
// protesters".
func (s *sentence) governed(m *mention) bool {
	k := m.spanStart - 1
	if k > 0 && s.toks[k].lower == "the" {
		k--
	}
	if k < 0 || !governingPrepositions[s.toks[k].lower] {
		return false
	}
	if k > 0 {
		before := s.toks[k-1].lower
		if allegiance[before] || agentNouns[before] != "" || quantityWords[before] || groupOpeners[before] {
			return false
		}
	}
	return true
}

// allegiance words before "to" or "by" say whose a group is.
var allegiance = wordSet("loyal led backed allied commanded supported close linked")

// quantityWords count a group: "thousands of protesters".
var quantityWords = wordSet("hundreds thousands dozens tens millions scores some many most all several")
