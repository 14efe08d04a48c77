package extract

// The CAMEO verb dictionary at work: a verb of the field's dictionary
// (data/verbs.generated.json), read as a verb where it stands, coded by
// the most specific of its block's patterns that the words around it
// fit, else by its own code. Verbs are indexed by every form they are
// written in and patterns by their first word, so a sentence is read in
// time linear in its length.

import (
	"strings"

	"github.com/geokg/geokg/loader/kb"
)

// dictVerb is one written form of a dictionary verb.
type dictVerb struct {
	words []string // the form's words: "blew", "up"
	code  string   // what the verb codes alone ("" for nothing)
	block *dictBlock
}

// dictBlock is a verb block's patterns, indexed by the first word their
// post-verb part needs.
type dictBlock struct {
	name    string
	byFirst map[string][]*dictPattern
	preOnly []*dictPattern // patterns with nothing after the verb
}

// dictPattern is a pattern with its elements expanded to the word
// sequences that may stand for each.
type dictPattern struct {
	pre, post []element
	code      string
	weight    int // how many words it needs: the more, the more specific
}

// element is one element of a pattern: the word sequences that may stand
// for it, indexed by their first word (and, for a one-word sequence, its
// plural) so that a token finds its candidates in one lookup.
type element struct {
	byFirst map[string][][]string
}

func newElement(alts [][]string) element {
	e := element{byFirst: map[string][][]string{}}
	for _, alt := range alts {
		firsts := []string{alt[0]}
		if len(alt) == 1 {
			firsts = nounForms(alt[0])
		}
		for _, f := range firsts {
			e.byFirst[f] = append(e.byFirst[f], alt)
		}
	}
	return e
}

// verbBook indexes the dictionary's verbs for reading.
type verbBook struct {
	forms map[string][]*dictVerb // by the form's first word
}

// maxAlternatives bounds how many word sequences one pattern element may
// expand to (a synset inside a phrase multiplies them).
const maxAlternatives = 400

// newVerbBook indexes b, read as fix says: blocks it ignores code
// nothing, and only the blocks it lets code alone keep their verbs' own
// codes; the others code through their patterns.
func newVerbBook(b *kb.VerbBook, fix kb.VerbCorrections) *verbBook {
	alone, ignore, quiet := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, n := range fix.Quiet {
		quiet[n] = true
	}
	for _, n := range fix.Alone {
		alone[n] = true
	}
	for _, n := range fix.Ignore {
		ignore[n] = true
	}
	vb := &verbBook{forms: map[string][]*dictVerb{}}
	expand := func(elem string) [][]string {
		alts := [][]string{nil}
		for _, w := range strings.Fields(elem) {
			var opts [][]string
			if strings.HasPrefix(w, "&") {
				syn, ok := b.Synset(w)
				if !ok {
					return nil
				}
				for _, p := range syn.Phrases {
					opts = append(opts, strings.Fields(p))
				}
			} else {
				opts = [][]string{{w}}
			}
			var next [][]string
			for _, a := range alts {
				for _, o := range opts {
					if len(next) >= maxAlternatives {
						break
					}
					next = append(next, append(append([]string{}, a...), o...))
				}
			}
			alts = next
		}
		return alts
	}
	elements := func(elems []string) ([]element, int, bool) {
		var out []element
		weight := 0
		for _, e := range elems {
			switch e {
			case "$", "+", "^", "%":
				continue
			}
			alts := expand(e)
			if len(alts) == 0 {
				return nil, 0, false
			}
			out = append(out, newElement(alts))
			weight += len(strings.Fields(e))
		}
		return out, weight, true
	}
	for bi := range b.Blocks {
		blk := &b.Blocks[bi]
		if ignore[blk.Name] {
			continue
		}
		db := &dictBlock{name: blk.Name, byFirst: map[string][]*dictPattern{}}
		for _, p := range blk.Patterns {
			pre, wpre, ok1 := elements(p.Pre)
			post, wpost, ok2 := elements(p.Post)
			if !ok1 || !ok2 || len(pre)+len(post) == 0 {
				continue
			}
			dp := &dictPattern{pre: pre, post: post, code: p.Code, weight: wpre + wpost}
			if len(post) == 0 {
				db.preOnly = append(db.preOnly, dp)
				continue
			}
			for first := range post[0].byFirst {
				db.byFirst[first] = append(db.byFirst[first], dp)
			}
		}
		for _, v := range blk.Verbs {
			if quiet[v.Lemma] {
				continue
			}
			code := v.Code
			if !alone[blk.Name] {
				code = ""
			}
			for _, f := range v.Forms {
				words := strings.Fields(f)
				if len(words) == 0 {
					continue
				}
				vb.forms[words[0]] = append(vb.forms[words[0]], &dictVerb{words: words, code: code, block: db})
			}
		}
	}
	return vb
}

// nounForms are the forms a pattern's word matches: itself and its plural.
func nounForms(w string) []string {
	out := []string{w}
	switch {
	case strings.HasSuffix(w, "s"):
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		out = append(out, w[:len(w)-1]+"ies")
	case strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x"):
		out = append(out, w+"es")
	default:
		out = append(out, w+"s")
	}
	return out
}

// dictWindow is how far after a verb its patterns look: the object and
// the prepositional phrases of its clause.
const dictWindow = 10

// dictVerbAt returns the dictionary verb written at token i, if the word
// acts as a verb there, and the code its patterns give it.
func (st *article) dictVerbAt(s *sentence, i int) (act, bool) {
	if st.x.verbs == nil {
		return act{}, false
	}
	var best *dictVerb
	for _, v := range st.x.verbs.forms[s.toks[i].lower] {
		if i+len(v.words) > len(s.toks) {
			continue
		}
		ok := true
		for k, w := range v.words[1:] {
			if s.toks[i+1+k].lower != w {
				ok = false
				break
			}
		}
		if ok && (best == nil || len(v.words) > len(best.words)) {
			best = v
		}
	}
	if best == nil || !s.verbAt(i, len(best.words)) {
		return act{}, false
	}
	end := i + len(best.words)
	// "called the Saudi account credible", "a group calling itself the
	// Council": a naming verb names; only "called on" and "called for"
	// appeal (the judgements of naming verbs are read elsewhere).
	if namingVerbs[s.toks[i].lower] && (end >= len(s.toks) || !appealParticles[s.toks[end].lower]) {
		return act{}, false
	}
	code, patEnd, fromPattern := best.code, end, false
	if p, pe, ok := s.bestPattern(best.block, i, end); ok {
		code, patEnd, fromPattern = p.code, pe, true
	}
	if code == "" || strings.HasPrefix(code, "01") {
		return act{}, false
	}
	et := st.x.typeOfCode(code)
	if et == nil {
		return act{}, false
	}
	return act{start: i, end: end, et: et, code: code, head: i, patternEnd: patEnd, fromPattern: fromPattern, block: best.block.name}, true
}

// bestPattern returns the most specific pattern of blk that the words
// around the verb at [start, end) fit, and where its last word ends.
func (s *sentence) bestPattern(blk *dictBlock, start, end int) (*dictPattern, int, bool) {
	limit := end
	for limit < len(s.toks) && limit < end+dictWindow {
		t := s.toks[limit].text
		if t == "." || t == ";" || t == ":" {
			break
		}
		// "declared martial law and cut diplomatic ties": a second verb
		// joined to the first has its own words.
		if s.verbJoinedAt(limit) {
			break
		}
		limit++
	}
	var best *dictPattern
	bestEnd := end
	try := func(p *dictPattern) {
		if best != nil && p.weight <= best.weight {
			return
		}
		pe, ok := matchElements(s.toks, p.post, end, limit)
		if !ok || !matchBefore(s.toks, p.pre, start) {
			return
		}
		best, bestEnd = p, pe
	}
	for k := end; k < limit; k++ {
		for _, p := range blk.byFirst[s.toks[k].lower] {
			try(p)
		}
	}
	for _, p := range blk.preOnly {
		try(p)
	}
	return best, bestEnd, best != nil
}

// matchElements matches elements in order within toks[from:limit], each
// anywhere after the one before, and returns where the last one ends.
func matchElements(toks []token, elems []element, from, limit int) (int, bool) {
	cur := from
	for _, e := range elems {
		found := -1
		for k := cur; k < limit && found < 0; k++ {
			for _, alt := range e.byFirst[toks[k].lower] {
				if wordsAt(toks, k, limit, alt) {
					found = k + len(alt)
					break
				}
			}
		}
		if found < 0 {
			return 0, false
		}
		cur = found
	}
	return cur, true
}

// matchBefore matches pre-verb elements in order within the six words
// before the verb (its subject's phrase).
func matchBefore(toks []token, elems []element, verb int) bool {
	if len(elems) == 0 {
		return true
	}
	from := max(verb-6, 0)
	for k := verb - 1; k >= from; k-- {
		if t := toks[k].text; t == "," || t == ";" || t == "." {
			from = k + 1
			break
		}
	}
	_, ok := matchElements(toks, elems, from, verb)
	return ok
}

// wordsAt reports whether toks[k:] starts with words, the last one in
// its singular or plural.
func wordsAt(toks []token, k, limit int, words []string) bool {
	if k+len(words) > limit {
		return false
	}
	for j, w := range words {
		t := toks[k+j].lower
		if t == w || j == len(words)-1 && isPluralOf(t, w) {
			continue
		}
		return false
	}
	return true
}

// isPluralOf reports whether t is the plural nounForms gives w, without
// building it.
func isPluralOf(t, w string) bool {
	switch {
	case len(t) <= len(w) || strings.HasSuffix(w, "s"):
		return false
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return t == w[:len(w)-1]+"ies"
	case strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x"):
		return len(t) == len(w)+2 && strings.HasPrefix(t, w) && strings.HasSuffix(t, "es")
	}
	return len(t) == len(w)+1 && strings.HasPrefix(t, w) && t[len(w)] == 's'
}

// subjectLike are the words after which a form that could be a noun is a
// verb: pronouns, auxiliaries and modals, and adverbs of the verb group.
var subjectLike = wordSet(`he she they it we i who which that also then later again not n't never
	will would can could may might must should shall did does do has have had to repeatedly reportedly
	allegedly jointly swiftly quickly immediately formally publicly openly sharply strongly`)

// nounBefore are the words after which a form is a noun: articles,
// possessives, prepositions, numbers and quantifiers.
var nounBefore = wordSet(`the a an this that these those its their his her our your 's of for in on at
	with by from into about over under between among against after before during without any some no
	every each all several many more most new further fresh two three four five`)

// verbAt reports whether the n-word dictionary form at token i acts as a
// verb: "Russia attacked" and "troops withdrew" are verbs, "the attacks",
// "an armed group" and "fighting in Aleppo" are not.
func (s *sentence) verbAt(i, n int) bool {
	w := s.toks[i].lower
	prev := ""
	if i > 0 {
		prev = s.toks[i-1].lower
	}
	if nounBefore[prev] && prev != "that" {
		return false
	}
	subject := i > 0 && (s.mentionEndingAt(i) != nil || subjectLike[prev] || strings.HasSuffix(prev, "ly") ||
		s.agentEndingAt(i))
	switch {
	case strings.HasSuffix(w, "ing"):
		// A participle: "were fighting", ", killing", "after meeting".
		return i > 0 && (passiveAuxiliaries[prev] || prev == "," || participleOpeners[prev] || prev == "and" || subject)
	case strings.HasSuffix(w, "ed") || irregularPast[w]:
		// "Armed men", "Wounded soldiers": a participle opening the
		// sentence before a noun qualifies it.
		if i == 0 && i+n < len(s.toks) && s.toks[i+n].isWord() && !s.toks[i+n].isCap() && !nounBefore[s.toks[i+n].lower] {
			return false
		}
		// "and retired General Colin Powell", "the ousted President": a
		// participle with no subject before a title qualifies the
		// person.
		if !subject && i+n < len(s.toks) && s.titleAt(i+n) {
			return false
		}
		return true
	default:
		// A form that could be a noun ("attacks", "protest", "talks")
		// is a verb only after its subject or an auxiliary, and not
		// when a preposition follows as it does a noun ("attacks on").
		if i+n < len(s.toks) && (s.toks[i+n].lower == "of" || s.toks[i+n].lower == "on") {
			return false
		}
		return subject || prev == "and"
	}
}

// irregularPast are past forms that do not end in -ed.
var irregularPast = wordSet(`struck shot hit fought met held sent gave took made brought told sought won lost
	led fled broke spoke stood threw drove flew went came began undertook withdrew overran beat bound
	stole swore tore wrote rode rose shook slew sold spent split spread stuck stung sank swept understood
	upheld withheld kept left let put set cut quit shut`)

// agentEndingAt reports whether a group noun ends right before token i
// ("troops withdrew", "police detained"), which makes i a verb.
func (s *sentence) agentEndingAt(i int) bool {
	for _, m := range s.ments {
		if m.end == i && m.sector != "" {
			return true
		}
	}
	return false
}

// typeOfCode returns the code book's type for a full CAMEO code: its root,
// with 112 (accuse) apart from the rest of 11 and 07 (aid) with 06.
func (x *Extractor) typeOfCode(code string) *kb.EventType {
	if len(code) < 2 {
		return nil
	}
	if strings.HasPrefix(code, "112") {
		return x.eventType("ACCUSE")
	}
	root := code[:2]
	if root == "07" {
		root = "06"
	}
	for i := range x.kb.EventTypes {
		et := &x.kb.EventTypes[i]
		if et.CAMEO == root && et.Type != "ACCUSE" {
			return et
		}
	}
	return nil
}

// verbJoinedAt reports whether token k joins a second verb to the clause:
// "and cut", ", then expelled". What follows belongs to that verb.
func (s *sentence) verbJoinedAt(k int) bool {
	t := s.toks[k].lower
	if (t != "and" && t != "but" && t != ",") || k+1 >= len(s.toks) {
		return false
	}
	n := s.toks[k+1].lower
	return irregularPast[n] || lightVerbs[n] || (strings.HasSuffix(n, "ed") && len(n) > 4 && !s.toks[k+1].isCap())
}

// appealParticles make a naming verb an appeal: "called on", "called for".
var appealParticles = wordSet("on for upon")
