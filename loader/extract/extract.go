package extract

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
	triggers trie[trigger]
	actNouns trie[trigger] // act nouns a light verb governs
	agents   trie[geokg.Sector]
	verbs    *verbBook // the CAMEO verb dictionary
	// actStarts holds every word an act can open with, so that actAt
	// answers most words with one lookup instead of one per reading.
	actStarts map[string]bool
	// firstNames are the first names of the knowledge base's people, by
	// which people it lacks are found ("Alan Gross").
	firstNames map[string]bool
	// placeFirstNames are first names that are also places' names
	// ("Milan"), read as a person's only before another name.
	placeFirstNames map[string]bool
	// traceAct, when set (by tests), is told of each act an event is
	// coded from: how a figure came about, for whoever improves it.
	traceAct func(s *sentence, a act, ev geokg.Event)
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
const extractorVersion = "2026-12-08.2"

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
		// The dictionaries' thousands of officials are named in full or
		// not at all: a bare "Brown" in 2008 is Gordon Brown, not a
		// minister of Trinidad and Tobago who held office that day too.
		if p.Source == kb.SourceDictionary {
			continue
		}
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
	x.verbs = newVerbBook(&k.Verbs, k.VerbCorrections)
	x.firstNames, x.placeFirstNames = firstNames(k, &x.names)
	for w, sector := range agentNouns {
		x.agents.add(w, sector)
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
			text, code := parseCoded(tr)
			x.triggers.add(text, trigger{et, code})
		}
		for _, n := range et.Nouns {
			text, code := parseCoded(n)
			x.actNouns.add(text, trigger{et, code})
		}
	}
	x.actStarts = x.collectActStarts()
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
	water      bool // a sea or strait: where things happen, never who or whom
	alts       []nameRef
	spanStart  int // start including a title before a person's name
	// sector is the part of a country a group mention names ("Israeli
	// soldiers": the military); implied marks a group whose country the
	// text gives only by a place ("riot police in Cairo"), which is no
	// mention of the country's name.
	sector   geokg.Sector
	implied  bool
	dateline bool // the place a report was filed from: where, never who
}

// inert reports whether the mention cannot be an event's actor or target.
func (m *mention) inert() bool {
	return m.nested || m.modifier || m.water || m.kind == geokg.KindConflict
}

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
	// titled holds the title written before each person's name here,
	// whether or not the text says whose office it is: "King Gyanendra"
	// is "the king" later.
	titled map[string]string
}

// Knows reports whether id is an entity of the extractor's knowledge base.
func (x *Extractor) Knows(id string) bool {
	_, ok := x.kb.Entity(id)
	return ok
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
	st.matchDateline()
	st.resolveAlternatives()
	st.anchorTowns()
	for _, s := range st.sents {
		st.matchTitles(s)
		st.matchOfficeHolders(s)
	}
	st.inferDate()
	// Names found by cues (authors, titled people) can recur without their
	// cue; match them everywhere, then resolve surnames against everyone
	// named in full.
	for _, s := range st.sents {
		st.matchAppositives(s)
		st.matchOrgNames(s)
	}
	for _, s := range st.sents {
		st.matchFirstNames(s)
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
		st.matchAgents(s)
		sort.Slice(s.ments, func(i, j int) bool { return s.ments[i].start < s.ments[j].start })
	}
	for _, s := range st.sents {
		st.matchBioRoles(s)
		st.codeEvents(s)
	}
	st.mergeEvents()
	return st.facts()
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

func (st *article) addMention(s *sentence, r nameRef, start, end int, conf float64) *mention {
	m := &mention{id: r.id, kind: r.kind, start: start, end: end, spanStart: start, conf: conf, demonym: r.demonym,
		surface: s.text[s.toks[start].start:s.toks[end-1].end]}
	if l, ok := st.x.kb.Location(r.id); ok && l.Type == "water" {
		m.water = true
	}
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

func tokenTexts(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
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
			if m.implied {
				continue
			}
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
	f.Mentions = make([]geokg.Mention, 0, len(order))
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
	// Relations are large: the knowledge base's are picked by pointer
	// and copied once, into a slice of the size they need.
	var picked []*geokg.Relation
	// The knowledge base's own facts about what the article mentions, and
	// the parents of mentioned conflicts, transitively.
	for i := 0; i < len(needOrder); i++ {
		id := needOrder[i]
		kbRels := st.x.kb.Relations(id)
		for k := range kbRels {
			r := &kbRels[k]
			if r.Type == geokg.RelCapitalOf && !need[r.From] {
				continue // a capital is linked only when the article names it
			}
			if r.Type == geokg.RelPartOf && !byIDHas(byID, id) && !need[r.To] {
				continue
			}
			picked = append(picked, r)
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
	f.Entities = make([]geokg.Entity, 0, len(needOrder))
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
	rels := make([]geokg.Relation, 0, len(st.rels)+len(picked))
	rels = append(rels, st.rels...)
	for _, r := range picked {
		rels = append(rels, *r)
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
	same := func(a, b geokg.Relation) bool {
		return a.Type == b.Type && a.From == b.From && a.To == b.To && a.Title == b.Title && a.Side == b.Side && a.Source == b.Source
	}
	out := make([]geokg.Relation, 0, len(rs))
	// An article has a few dozen relations: comparing them beats hashing
	// six strings each into a map.
	for _, r := range rs {
		if !slices.ContainsFunc(out, func(o geokg.Relation) bool { return same(o, r) }) {
			out = append(out, r)
		}
	}
	return out
}

func slug(s string) string { return kb.IDPart(s) }
