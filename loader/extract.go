package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// Confidence levels of what the extractor finds.
const (
	confKB       = 1.0 // a knowledge-base name, matched as written
	confSurname  = 0.9 // a surname resolved to a person named in full
	confCue      = 0.8 // a conflict named by a context cue
	confNewName  = 0.6 // a name the knowledge base lacks, found by a cue (title, author line)
	confEvent    = 0.7 // an event coded from a trigger word
	confAnaphora = 0.5 // an event whose target or topic came from an earlier sentence
)

// Extractor maps articles to facts with one knowledge base. It is built
// once (indexing the knowledge base) and is safe for concurrent use.
type Extractor struct {
	kb       *kb.KB
	names    trie[nameRef]
	cues     trie[cueRef]
	titles   trie[*kb.Title]
	triggers trie[*kb.EventType]
	// stamp identifies what this extractor finds: its version and its
	// knowledge base. It is folded into every article's hash.
	stamp    string
	surnames map[string][]string // surname -> knowledge-base person ids
	// titleByLower maps a title or alias in lowercase to its canonical
	// title; officeHolders lists, per country, the people who held an
	// office of it: both for reading "the Ukrainian president".
	titleByLower  map[string]string
	officeHolders map[string][]string
	// seatOf maps a capital or seat of government to its country: "Moscow
	// said" is Russia speaking, "in Moscow" is the city.
	seatOf map[string]string
	// seatWithThe marks seats named with an article ("the Kremlin"), whose
	// "the" does not make them a place.
	seatWithThe map[string]bool
	// related links each entity to those the knowledge base relates it to
	// (capital, places in it, office holders, conflict parties and their
	// fellow parties), the context that tells ambiguous names apart.
	related  map[string]map[string]bool
	byParty  map[string][]*kb.Conflict // conflicts by the ids of their sides
	splitter *sentences.DefaultSentenceTokenizer
}

// nameRef is what a knowledge-base name stands for.
// extractorVersion names the extractor's code as it reads articles today.
// Bump it with every change that alters what is found in an article, so
// that a reload re-reads the articles an older extractor stored (an
// article's hash folds it in, with the knowledge base's fingerprint).
const extractorVersion = "2026-12-04"

type nameRef struct {
	id      string
	kind    geokg.Kind
	demonym bool // "Russian" for Russia: a modifier more often than an actor
	// alone marks a name from a generated table, read only where it
	// stands alone: not "the Cheonan", "Scarborough Shoal" or
	// "Constantine Mitsotakis".
	alone bool
}

// cueRef points at one cue of one conflict.
type cueRef struct {
	conflict *kb.Conflict
	cue      kb.Cue
	near     []string // cue.Near as " word word ", lowercased and tokenised
}

// NewExtractor indexes k for matching.
func NewExtractor(k *kb.KB) (*Extractor, error) {
	splitter, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("sentence splitter: %w", err)
	}
	x := &Extractor{kb: k, surnames: map[string][]string{}, seatOf: map[string]string{}, seatWithThe: map[string]bool{}, splitter: splitter}
	sum := sha256.Sum256([]byte(extractorVersion + "\x00" + k.Fingerprint))
	x.stamp = hex.EncodeToString(sum[:])
	addAll := func(id string, kind geokg.Kind, names ...string) {
		for _, n := range names {
			x.names.add(n, nameRef{id: id, kind: kind})
		}
	}
	for _, c := range k.Countries {
		if c.Capital != "" && !c.Historical {
			x.seatOf[c.Capital] = c.ID
		}
		addAll(c.ID, geokg.KindCountry, append([]string{c.Name}, c.Aliases...)...)
		for _, d := range c.Demonyms {
			x.names.add(d, nameRef{id: c.ID, kind: geokg.KindCountry, demonym: true})
		}
	}
	for _, p := range k.People {
		addAll(p.ID, geokg.KindPerson, append([]string{p.Name}, p.Aliases...)...)
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if s := surname(n); s != "" && s != n {
				x.surnames[s] = appendUniq(x.surnames[s], p.ID)
			}
		}
		for _, s := range p.Surnames {
			x.surnames[s] = appendUniq(x.surnames[s], p.ID)
		}
	}
	for _, o := range k.Organizations {
		addAll(o.ID, geokg.KindOrganization, append([]string{o.Name}, o.Aliases...)...)
	}
	for _, l := range k.Locations {
		if l.Generated {
			for _, n := range append([]string{l.Name}, l.Aliases...) {
				x.names.add(n, nameRef{id: l.ID, kind: geokg.KindLocation, alone: true})
			}
			continue
		}
		addAll(l.ID, geokg.KindLocation, append([]string{l.Name}, l.Aliases...)...)
	}
	for i := range k.Conflicts {
		c := &k.Conflicts[i]
		addAll(c.ID, geokg.KindConflict, append([]string{c.Name}, c.Aliases...)...)
		for _, cue := range c.Cues {
			ref := cueRef{conflict: c, cue: cue}
			for _, w := range cue.Near {
				ref.near = append(ref.near, " "+strings.ToLower(strings.Join(tokenTexts(tokenize(normalize(w))), " "))+" ")
			}
			x.cues.add(cue.Text, ref)
		}
	}
	x.indexMetonyms(k)
	x.related = relatedIndex(k)
	x.byParty = map[string][]*kb.Conflict{}
	for i := range k.Conflicts {
		for _, sd := range k.Conflicts[i].Sides {
			x.byParty[sd.ID] = append(x.byParty[sd.ID], &k.Conflicts[i])
		}
	}
	x.titleByLower, x.officeHolders = map[string]string{}, map[string][]string{}
	for i := range k.Titles {
		t := &k.Titles[i]
		for _, n := range append([]string{t.Title}, t.Aliases...) {
			x.titles.add(n, t)
			x.titleByLower[strings.ToLower(n)] = t.Title
		}
	}
	for _, p := range k.People {
		for _, r := range p.Roles {
			x.officeHolders[r.Of] = appendUniq(x.officeHolders[r.Of], p.ID)
		}
	}
	for i := range k.EventTypes {
		et := &k.EventTypes[i]
		for _, tr := range et.Triggers {
			x.triggers.add(tr, et)
		}
	}
	return x, nil
}

// indexMetonyms makes each country's metonyms stand for it: one that names
// a known place ("the Kremlin", "the White House") makes that place a seat
// of government, read as the country where it acts; any other ("Downing
// Street", "Number 10") is matched as a name of the country itself.
func (x *Extractor) indexMetonyms(k *kb.KB) {
	places := map[string]string{}
	for _, l := range k.Locations {
		for _, n := range append([]string{l.Name}, l.Aliases...) {
			places[n] = l.ID
		}
	}
	for _, c := range k.Countries {
		for _, m := range c.Metonyms {
			bare, hasThe := strings.CutPrefix(m, "the ")
			if id, ok := places[bare]; ok {
				if _, taken := x.seatOf[id]; !taken {
					x.seatOf[id] = c.ID
				}
				x.seatWithThe[id] = x.seatWithThe[id] || hasThe
				continue
			}
			x.names.add(m, nameRef{id: c.ID, kind: geokg.KindCountry})
		}
	}
}

// relatedIndex builds Extractor.related from the knowledge base's own
// relations, both ways, plus the fellow parties of each conflict.
func relatedIndex(k *kb.KB) map[string]map[string]bool {
	rel := map[string]map[string]bool{}
	link := func(a, b string) {
		if a == "" || b == "" || a == b {
			return
		}
		for _, p := range [][2]string{{a, b}, {b, a}} {
			if rel[p[0]] == nil {
				rel[p[0]] = map[string]bool{}
			}
			rel[p[0]][p[1]] = true
		}
	}
	var ids []string
	for _, c := range k.Countries {
		ids = append(ids, c.ID)
	}
	for _, p := range k.People {
		ids = append(ids, p.ID)
	}
	for _, l := range k.Locations {
		ids = append(ids, l.ID)
	}
	for _, c := range k.Conflicts {
		ids = append(ids, c.ID)
		for _, a := range c.Sides {
			for _, b := range c.Sides {
				link(a.ID, b.ID)
			}
		}
	}
	for _, id := range ids {
		for _, r := range k.Relations(id) {
			link(r.From, r.To)
		}
	}
	for _, o := range k.Organizations {
		link(o.ID, o.Country)
	}
	return rel
}

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

func appendUniq(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

// mention is one entity found in a sentence at tokens [start, end).
type mention struct {
	id         string
	kind       geokg.Kind
	start, end int
	surface    string
	conf       float64
	nested     bool // inside a longer name (Iraq in "the 2003 invasion of Iraq")
	modifier   bool // qualifies another name ("Russian" in "Russian President Vladimir Putin")
	demonym    bool
	viaCue     bool
	metonym    bool // a capital standing for its country's government
	alts       []nameRef
	spanStart  int // start including a title before a person's name
}

// inert reports whether the mention cannot be an event's actor or target.
func (m *mention) inert() bool { return m.nested || m.modifier || m.kind == geokg.KindConflict }

type sentence struct {
	idx   int
	para  int // which paragraph (the title and subtitle are each their own)
	text  string
	toks  []token
	ments []*mention
	// cover caches which tokens a mention covers, for covered; coverN is
	// how many mentions it was built from.
	cover  []bool
	coverN int
}

// article is the extractor's working state for one article.
type article struct {
	x        *Extractor
	a        geokg.Article
	ref      time.Time // publication date, zero when unknown
	sents    []*sentence
	local    map[string]geokg.Entity // entities found by cues, not in the KB
	localNm  trie[nameRef]           // their names, matched like KB names
	full     map[string]bool         // people named in full in this article
	rels     []geokg.Relation
	events   []geokg.Event
	mentions map[string]bool // every entity id mentioned anywhere
	// lastDate is the date the latest sentence with a date expression
	// gave, which "the same day" takes up, and lastDated that sentence.
	lastDate  string
	lastDated *sentence
	// spokesmen caches speaksFor's answers, built from spokesmenN rels.
	spokesmen  map[string]string
	spokesmenN int
}

// Extract returns the facts in one article. The article must have passed
// Read (id and hash set).
func (x *Extractor) Extract(a geokg.Article) geokg.Facts {
	st := &article{x: x, a: a, local: map[string]geokg.Entity{}, full: map[string]bool{}, mentions: map[string]bool{}}
	st.ref, _ = a.PublishedTime()
	st.split()
	st.addAuthor()
	for _, s := range st.sents {
		st.matchNames(s)
	}
	st.resolveAlternatives()
	for _, s := range st.sents {
		st.matchTitles(s)
		st.matchOfficeHolders(s)
	}
	// Names found by cues (authors, titled people) can recur without their
	// cue; match them everywhere, then resolve surnames against everyone
	// named in full.
	for _, s := range st.sents {
		st.matchAppositives(s)
		st.matchOrgNames(s)
	}
	for _, s := range st.sents {
		st.matchLocalNames(s)
	}
	for _, s := range st.sents {
		st.matchSpeakers(s)
	}
	bySurname := st.surnameIndex()
	for _, s := range st.sents {
		st.matchSurnames(s, bySurname)
		st.dropLaterConflicts(s)
		st.matchCues(s)
		st.matchDescriptions(s)
		st.markModifiers(s)
		st.resolveSeats(s)
		sort.Slice(s.ments, func(i, j int) bool { return s.ments[i].start < s.ments[j].start })
	}
	for _, s := range st.sents {
		st.matchBioRoles(s)
		st.codeEvents(s)
	}
	st.mergeEvents()
	return st.facts()
}

// split breaks the article into sentences: the title, the subtitle, then
// each paragraph's sentences. Sentences never cross paragraphs.
func (st *article) split() {
	para := 0
	add := func(text string) {
		text = squeeze(text)
		if text == "" {
			return
		}
		toks := tokenize(text)
		if len(toks) <= maxSentenceTokens {
			st.sents = append(st.sents, &sentence{idx: len(st.sents), para: para, text: text, toks: toks})
			return
		}
		for _, part := range boundSentence(text, toks) {
			st.sents = append(st.sents, &sentence{idx: len(st.sents), para: para, text: part, toks: tokenize(part)})
		}
	}
	add(normalize(st.a.Title))
	para++
	add(normalize(st.a.Subtitle))
	for _, p := range strings.Split(normalize(st.a.Body), "\n\n") {
		para++
		// The splitter is the slowest step; a paragraph with no sentence
		// punctuation before its end is one sentence without asking it.
		if !strings.ContainsAny(strings.TrimRight(strings.TrimSpace(p), `.!?"')`), ".!?") {
			add(p)
			continue
		}
		if parts, ok := easySplit(p); ok {
			for _, part := range parts {
				add(part)
			}
			continue
		}
		for _, s := range st.x.splitter.Tokenize(p) {
			add(s.Text)
		}
	}
}

// easySplit splits a paragraph whose every period, question or exclamation
// mark ends a sentence: each is followed by a space and a capital (or a
// quote) or ends the paragraph, and none follows an abbreviation, an initial
// or a digit. Anything less plain ("U.S.", "Gen. Smith", "Jan. 5") is left
// to the sentence splitter, which knows those cases; this saves its cost on
// the plain majority of news paragraphs.
func easySplit(p string) ([]string, bool) {
	var parts []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		// The word before the mark.
		w := i
		for w > start && p[w-1] != ' ' {
			w--
		}
		word := strings.Trim(p[w:i], `"'()`)
		// A number ends a sentence like a word ("in 1988. This summer"),
		// unless it is a single digit ("No. 1. The") or has a point in it.
		if c == '.' && (len(word) <= 1 || strings.Contains(word, ".") || (hasDigit(word) && !allDigits(word)) || abbreviations[strings.ToLower(word)]) {
			return nil, false
		}
		j := i + 1
		for j < len(p) && (p[j] == '"' || p[j] == '\'' || p[j] == ')') {
			j++
		}
		if j == len(p) {
			parts = append(parts, p[start:j])
			start = j
			break
		}
		// A line break after the mark ends the sentence as a space does:
		// "How did the neighbours respond?\nWithin minutes ...".
		if p[j] != ' ' && p[j] != '\n' {
			if c == '.' {
				return nil, false // "Antiwar.com", "3.5"
			}
			continue
		}
		k := j + 1
		if k < len(p) && (p[k] == '"' || p[k] == '\'') {
			k++
		}
		if k >= len(p) || !(p[k] >= 'A' && p[k] <= 'Z') {
			return nil, false
		}
		parts = append(parts, p[start:j])
		start = j + 1
		i = j
	}
	if start < len(p) {
		parts = append(parts, p[start:])
	}
	return parts, true
}

// squeeze trims s and folds every run of white space into one space,
// allocating only when it must.
func squeeze(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// addAuthor makes the author a person: the knowledge base's if known,
// otherwise a new one.
func (st *article) addAuthor() {
	name := strings.Join(strings.Fields(st.a.Author), " ")
	if name == "" {
		return
	}
	toks := tokenize(normalize(name))
	for _, m := range st.x.names.matchesAt(toks, 0) {
		if m.end == len(toks) && m.v.kind == geokg.KindPerson {
			st.a.AuthorID = m.v.id
			st.full[m.v.id] = true
			return
		}
	}
	st.a.AuthorID = st.addLocal(name, geokg.KindPerson)
}

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
		if best.v.alone && !s.standsAlone(best.start, best.end) {
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
	score := func(id string) int {
		n := 0
		for r := range st.x.related[id] {
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

func (st *article) addMention(s *sentence, r nameRef, start, end int, conf float64) *mention {
	m := &mention{id: r.id, kind: r.kind, start: start, end: end, spanStart: start, conf: conf, demonym: r.demonym,
		surface: s.text[s.toks[start].start:s.toks[end-1].end]}
	s.ments = append(s.ments, m)
	if s.cover != nil && s.coverN == len(s.ments)-1 { // keep covered's bitmap
		for k := max(start, 0); k < end && k < len(s.cover); k++ {
			s.cover[k] = true
		}
		s.coverN++
	}
	st.mentions[r.id] = true
	return m
}

// covered reports whether token i is inside a mention of s.
// It is asked of nearly every token, so the answer comes from a bitmap
// rebuilt only when mentions were added or dropped: scanning the mentions
// each time made a long sentence cost its length squared.
func (s *sentence) covered(i int) bool {
	if s.cover == nil || s.coverN != len(s.ments) {
		s.cover = make([]bool, len(s.toks))
		for _, m := range s.ments {
			for k := max(m.start, 0); k < m.end && k < len(s.cover); k++ {
				s.cover[k] = true
			}
		}
		s.coverN = len(s.ments)
	}
	return i >= 0 && i < len(s.cover) && s.cover[i]
}

// mentionAt returns the top-level mention starting at token i.
func (s *sentence) mentionAt(i int) *mention {
	for _, m := range s.ments {
		if m.start == i && !m.nested {
			return m
		}
	}
	return nil
}

// mentionEndingAt returns the top-level mention ending just before token i.
func (s *sentence) mentionEndingAt(i int) *mention {
	for _, m := range s.ments {
		if m.end == i && !m.nested {
			return m
		}
	}
	return nil
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
		if person == nil {
			person = st.newTitledPerson(s, t.end)
		}
		if person == nil || person.kind != geokg.KindPerson {
			continue
		}
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

// markModifiers turns a demonym right before another name into a modifier
// ("a Syrian gas attack", "the Russian government"): it qualifies that name
// and is no actor or target of its own.
func (st *article) markModifiers(s *sentence) {
	for _, m := range s.ments {
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
	}
}

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

// resolveSeats reads a capital used as an actor as its country: "Moscow
// rejected the claims", "talks between Washington and Beijing". A capital
// after a locative word, inside a longer name, or qualifying another name
// stays a place.
func (st *article) resolveSeats(s *sentence) {
	for _, m := range s.ments {
		country, ok := st.x.seatOf[m.id]
		if !ok || m.nested || m.modifier {
			continue
		}
		before := m.start - 1
		if before >= 0 && st.x.seatWithThe[m.id] && s.toks[before].lower == "the" {
			before--
		}
		if before >= 0 && locatives[s.toks[before].lower] {
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
		name := s.text[s.toks[j].start:s.toks[end-1].end]
		st.addMention(s, nameRef{id: st.addLocal(name, geokg.KindPerson), kind: geokg.KindPerson}, j, end, confNewName)
	}
}

// newTitledPerson reads two or three capitalised, unmatched words at i as
// a person's name ("Foreign Minister Walid Muallem").
func (st *article) newTitledPerson(s *sentence, i int) *mention {
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
	if j-i < 2 {
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

// matchSurnames resolves a bare surname to the one person of that surname
// named in full in the article; failing that, to the one knowledge-base
// person of that surname who held the title written before it at the time.
func (st *article) matchSurnames(s *sentence, bySurname map[string][]string) {
	for i, t := range s.toks {
		if !t.isCap() || s.covered(i) {
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
	var out []string
	for _, id := range st.x.surnames[s.toks[i].text] {
		p, _ := st.x.kb.Person(id)
		for _, r := range p.Roles {
			if sameTitle(r.Title, title.Title) && (st.ref.IsZero() || heldOn(&r, day)) {
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

// matchCues finds conflicts named only by context: "gas attack" in an
// article that mentions Syria, "Serbia" next to "regime change". When
// several conflicts fit, the one whose dates are nearest the sentence's (or
// the article's) date wins; a tie is left unresolved rather than guessed.
func (st *article) matchCues(s *sentence) {
	lower := "" // the sentence as " word word ", built when a cue needs it
	inSentence := map[string]bool{}
	for _, m := range s.ments {
		inSentence[m.id] = true
	}
	date := sentenceDate(s.toks, st.ref)
	if date == "" && !st.ref.IsZero() {
		date = st.ref.Format(time.DateOnly)
	}
	for i := 0; i < len(s.toks); i++ {
		type cand struct {
			c     *kb.Conflict
			score int
			end   int
		}
		var cands []cand
		for _, m := range st.x.cues.matchesAt(s.toks, i) {
			cue := m.v.cue
			score := 1
			if len(m.v.near) > 0 {
				if lower == "" {
					lower = " " + strings.ToLower(strings.Join(tokenTexts(s.toks), " ")) + " "
				}
				ok := false
				for _, w := range m.v.near {
					ok = ok || strings.Contains(lower, w)
				}
				if !ok {
					continue
				}
			}
			if len(cue.With) > 0 {
				ok := false
				for _, w := range cue.With {
					if inSentence[w] {
						ok, score = true, 2
						break
					}
					ok = ok || st.mentions[w]
				}
				if !ok {
					continue
				}
			}
			if date != "" {
				score += dateFit(m.v.conflict, date)
			}
			cands = append(cands, cand{m.v.conflict, score, m.end})
		}
		if len(cands) == 0 {
			continue
		}
		sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
		if len(cands) > 1 && cands[0].score == cands[1].score && cands[0].c.ID != cands[1].c.ID {
			continue // ambiguous: better no link than a wrong one
		}
		c := cands[0]
		already := false
		for _, m := range s.ments {
			already = already || (m.id == c.c.ID)
		}
		if !already {
			m := st.addMention(s, nameRef{id: c.c.ID, kind: geokg.KindConflict}, i, c.end, confCue)
			m.viaCue = true
		}
	}
}

// dateFit scores how well a conflict's dates fit a date: 3 when the date
// falls within the conflict (or within a month after a one-day attack), 1
// when the conflict began before it, 0 when after.
func dateFit(c *kb.Conflict, date string) int {
	end := c.End
	if end == "" {
		end = "9999"
	}
	switch {
	case c.Start == "":
		return 0
	case c.Start <= date && date <= end:
		return 3
	case c.Start <= date && c.End != "" && c.Start == c.End && daysBetween(c.Start, date) <= 31:
		return 3
	case c.Start <= date:
		return 1
	}
	return 0
}

func daysBetween(a, b string) int {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b[:min(len(b), 10)])
	if err1 != nil || err2 != nil {
		return 1 << 30
	}
	return int(tb.Sub(ta).Hours() / 24)
}

func tokenTexts(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
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

func (st *article) evidence(s *sentence) *geokg.Evidence {
	return &geokg.Evidence{ArticleID: st.a.ID, Sentence: s.idx, Text: s.text}
}

// entity returns a knowledge-base or article-local entity.
func (st *article) entity(id string) (geokg.Entity, bool) {
	if e, ok := st.x.kb.Entity(id); ok {
		return e, true
	}
	e, ok := st.local[id]
	return e, ok
}

// facts assembles the output: mentions counted per entity, every entity
// referred to (with the knowledge base's own relations of the mentioned
// ones), relations and events.
func (st *article) facts() geokg.Facts {
	f := geokg.Facts{Article: st.a}
	sum := sha256.Sum256([]byte(st.a.Hash + "\x00" + st.x.stamp))
	f.Article.Hash = hex.EncodeToString(sum[:])
	byID := map[string]*geokg.Mention{}
	var order []string
	for _, s := range st.sents {
		for _, m := range s.ments {
			mm := byID[m.id]
			if mm == nil {
				mm = &geokg.Mention{EntityID: m.id, First: *st.evidence(s)}
				byID[m.id] = mm
				order = append(order, m.id)
			}
			mm.Count++
			mm.Surface = appendUniq(mm.Surface, m.surface)
		}
	}
	for _, id := range order {
		f.Mentions = append(f.Mentions, *byID[id])
	}
	need := map[string]bool{}
	var needOrder []string
	want := func(id string) {
		if id != "" && !need[id] {
			need[id] = true
			needOrder = append(needOrder, id)
		}
	}
	for _, id := range order {
		want(id)
	}
	if st.a.AuthorID != "" {
		want(st.a.AuthorID)
	}
	rels := st.rels
	// The knowledge base's own facts about what the article mentions, and
	// the parents of mentioned conflicts, transitively.
	for i := 0; i < len(needOrder); i++ {
		id := needOrder[i]
		for _, r := range st.x.kb.Relations(id) {
			if r.Type == geokg.RelCapitalOf && !need[r.From] {
				continue // a capital is linked only when the article names it
			}
			if r.Type == geokg.RelPartOf && !byIDHas(byID, id) && !need[r.To] {
				continue
			}
			rels = append(rels, r)
			want(r.From)
			want(r.To)
		}
	}
	for _, r := range st.rels {
		want(r.To)
	}
	for _, ev := range st.events {
		for _, p := range ev.Participants {
			want(p.ID)
		}
		for _, c := range ev.About {
			want(c)
		}
		want(ev.Location)
	}
	for _, id := range needOrder {
		e, ok := st.entity(id)
		if !ok {
			continue
		}
		if mm := byID[id]; mm != nil {
			for _, s := range mm.Surface {
				if s != e.Name {
					e.Aliases = appendUniq(e.Aliases, s)
				}
			}
		}
		f.Entities = append(f.Entities, e)
	}
	f.Relations = dedupeRelations(rels)
	f.Events = st.events
	if f.Mentions == nil {
		f.Mentions = []geokg.Mention{}
	}
	if f.Relations == nil {
		f.Relations = []geokg.Relation{}
	}
	if f.Events == nil {
		f.Events = []geokg.Event{}
	}
	return f
}

func byIDHas(m map[string]*geokg.Mention, id string) bool { _, ok := m[id]; return ok }

// dedupeRelations keeps the first of relations that state the same fact,
// so a title repeated in an article gives one role with its first evidence.
func dedupeRelations(rs []geokg.Relation) []geokg.Relation {
	type key struct{ typ, from, to, title, side, source string }
	seen := map[key]bool{}
	var out []geokg.Relation
	for _, r := range rs {
		k := key{string(r.Type), r.From, r.To, r.Title, r.Side, r.Source}
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// slug makes a stable id part: lowercase ASCII words joined by hyphens.
func slug(s string) string {
	folded := kb.Fold(s)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(folded) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	out := b.String()
	if len(out) > 80 {
		sum := sha256.Sum256([]byte(out))
		out = strings.TrimRight(out[:64], "-") + "-" + hex.EncodeToString(sum[:4])
	}
	return out
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

// maxSentenceTokens bounds a sentence. News sentences stay well under it;
// a longer one is a list, a table or hostile input, and reading a
// sentence costs more than its length (triggers look at its names), so it
// is cut into parts at commas or semicolons, or where it must.
const maxSentenceTokens = 200

// boundSentence returns text as it is when it has at most
// maxSentenceTokens tokens, else cut into parts that do.
func boundSentence(text string, toks []token) []string {
	if len(toks) <= maxSentenceTokens {
		return []string{text}
	}
	var parts []string
	for from := 0; from < len(toks); {
		to := min(from+maxSentenceTokens, len(toks))
		if to < len(toks) {
			for k := to - 1; k > from+maxSentenceTokens/2; k-- {
				if t := toks[k].text; t == "," || t == ";" {
					to = k + 1
					break
				}
			}
		}
		end := len(text)
		if to < len(toks) {
			end = toks[to].start
		}
		parts = append(parts, strings.TrimSpace(text[toks[from].start:end]))
		from = to
	}
	return parts
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
