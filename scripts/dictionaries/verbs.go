package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/geokg/geokg/loader/kb"
)

// The verb file (CAMEO.2.0.txt) has three sections, each opened by a
// "#######" line: synonym sets, verb blocks with their patterns, and
// transformations. Transformations rewrite a coded event inside another
// ("A said A will attack B" as a threat) and need the coder's parse trees,
// so they are not converted.
const (
	inPreamble = iota
	inSynsets
	inBlocks
	inTransformations
)

// verbSection is the section a "#######" line opens, or -1.
func verbSection(line string) int {
	if !strings.HasPrefix(line, "####") {
		return -1
	}
	switch {
	case strings.Contains(line, "SYNONYM SETS"):
		return inSynsets
	case strings.Contains(line, "VERB PATTERNS"):
		return inBlocks
	case strings.Contains(line, "TRANSFORMATIONS"):
		return inTransformations
	}
	return -1
}

var (
	// blockLine is a block's header; a few headers lack the space before
	// the closing dashes ("[110]---  ---").
	blockLine = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]\s*(---\s*)+$`)
	// code is a CAMEO code as the dictionaries write it: two to four
	// digits, or "---" for none.
	code = regexp.MustCompile(`^([0-9]{2,4}|---)$`)
)

// verbParser reads the verb file line by line.
type verbParser struct {
	file    string
	rep     *report
	counts  *tally
	synsets []kb.Synset
	synset  map[string]int // name -> index in synsets
	// cur is the synset being read, -1 while none is.
	cur      int
	noPlural map[string]bool
	blocks   []kb.VerbBlock
	// braced records, per block and lemma, whether the forms came from
	// the file's braces, which win over generated regular forms.
	braced map[string]bool
	// inBlocksOf records in which blocks a lemma appears.
	inBlocksOf map[string][]string
	// skipping is set under a block header that could not be read.
	skipping bool
}

// parseVerbs converts the verb file read from r.
func parseVerbs(r io.Reader, file string, rep *report) (synsets []kb.Synset, blocks []kb.VerbBlock, err error) {
	p := &verbParser{file: file, rep: rep, counts: rep.tally("verbs (" + file + ")"), synset: map[string]int{}, cur: -1, noPlural: map[string]bool{},
		braced: map[string]bool{}, inBlocksOf: map[string][]string{}}
	section := inPreamble
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		if s := verbSection(raw); s >= 0 {
			section = s
			continue
		}
		line := strings.TrimSpace(stripComment(raw))
		if line == "" || section == inPreamble {
			continue
		}
		switch section {
		case inSynsets:
			p.synsetLine(n, raw, line)
		case inBlocks:
			p.blockLine(n, raw, line)
		case inTransformations:
			p.counts.inc("transformation lines skipped")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	var verbs, patterns int
	for _, b := range p.blocks {
		verbs += len(b.Verbs)
		patterns += len(b.Patterns)
	}
	var phrases int
	for _, s := range p.synsets {
		phrases += len(s.Phrases)
	}
	p.counts.add("synsets", len(p.synsets))
	p.counts.add("synset phrases, plurals included", phrases)
	p.counts.add("verb blocks", len(p.blocks))
	p.counts.add("verbs", verbs)
	p.counts.add("patterns", patterns)
	for _, lemma := range sortedKeys(p.inBlocksOf) {
		if len(p.inBlocksOf[lemma]) > 1 {
			p.counts.inc("verbs listed in more than one block (kept in each)")
		}
	}
	return p.synsets, p.blocks, nil
}

// stripComment removes a "#" comment, and the ";" comments of the older
// TABARI lines ("SCRAP {...};shan 8/30/93").
func stripComment(s string) string {
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		return s[:i]
	}
	return s
}

// synsetLine reads "&NAME" (a new set; "&NAME_" makes no plurals for any
// of its phrases) or "+PHRASE" (a phrase; "PHRASE_" makes no plural).
func (p *verbParser) synsetLine(n int, raw, line string) {
	switch line[0] {
	case '&':
		name := strings.Fields(line)[0]
		noPlural := strings.HasSuffix(name, "_")
		name = strings.TrimRight(name, "_")
		if _, dup := p.synset[name]; dup {
			p.rep.problem(p.file, n, raw, "synset defined twice; the second definition is skipped")
			p.cur = -1
			return
		}
		p.cur = len(p.synsets)
		p.synset[name] = p.cur
		p.noPlural[name] = noPlural
		p.synsets = append(p.synsets, kb.Synset{Name: name})
	case '+':
		if p.cur < 0 {
			p.rep.problem(p.file, n, raw, "synset phrase outside a synset")
			return
		}
		s := &p.synsets[p.cur]
		text := strings.TrimSpace(line[1:])
		noPlural := p.noPlural[s.Name] || strings.HasSuffix(text, "_")
		words := strings.Fields(strings.ReplaceAll(text, "_", " "))
		if len(words) == 0 {
			p.rep.problem(p.file, n, raw, "empty synset phrase")
			return
		}
		phrase := strings.Join(words, " ")
		s.Phrases = appendNew(s.Phrases, strings.ToLower(phrase))
		if !noPlural {
			if pl := plural(phrase); pl != "" {
				s.Phrases = appendNew(s.Phrases, strings.ToLower(pl))
				p.counts.inc("synset plurals generated")
			}
		}
	default:
		p.rep.problem(p.file, n, raw, "neither a synset name (&) nor a phrase (+)")
	}
}

// blockLine reads a block header, a pattern ("- ...") or a verb.
func (p *verbParser) blockLine(n int, raw, line string) {
	switch {
	case strings.HasPrefix(line, "---"):
		m := blockLine.FindStringSubmatch(strings.TrimSpace(raw))
		var c, rev string
		ok := m != nil
		if ok {
			c, rev, ok = patternCode(m[2])
		}
		if !ok {
			// Its verbs and patterns must not join the block before.
			p.rep.problem(p.file, n, raw, "malformed block header; the block is skipped")
			p.skipping = true
			return
		}
		p.skipping = false
		p.blocks = append(p.blocks, kb.VerbBlock{Name: strings.TrimRight(m[1], "_"), Code: c, Reverse: rev})
	case len(p.blocks) == 0 || p.skipping:
		p.rep.problem(p.file, n, raw, "verb or pattern outside a block")
	case strings.HasPrefix(line, "-"):
		p.pattern(n, raw, line)
	default:
		p.verb(n, raw, line)
	}
}

// nullCode turns the dictionaries' "---" (no event) into "".
func nullCode(c string) string {
	if c == "---" {
		return ""
	}
	return c
}

// verb reads "VERB {FORMS} [CODE]". A multi-word verb joins its words with
// "_" and marks its moving part with "+" ("+SHOOT_DOWN", "WIRE_+TAP").
// Braces list all other forms, so no regular ones are made for it.
func (p *verbParser) verb(n int, raw, line string) {
	blk := &p.blocks[len(p.blocks)-1]
	v := kb.Verb{Code: blk.Code, Reverse: blk.Reverse}
	own := false
	if i := strings.LastIndex(line, "["); i >= 0 {
		j := strings.Index(line[i:], "]")
		var ok bool
		if j > 0 && strings.TrimSpace(line[i+j+1:]) == "" {
			v.Code, v.Reverse, ok = patternCode(line[i+1 : i+j])
		}
		if !ok {
			p.rep.problem(p.file, n, raw, "malformed verb code")
			return
		}
		own = true
		if v.Code == "" && blk.Code != "" {
			p.counts.inc("verbs whose own code [---] cancels their block's code")
		}
		line = strings.TrimSpace(line[:i])
	}
	var forms []string
	braced := false
	if i := strings.Index(line, "{"); i >= 0 {
		j := strings.Index(line, "}")
		if j < i || strings.TrimSpace(line[j+1:]) != "" {
			p.rep.problem(p.file, n, raw, "malformed verb forms")
			return
		}
		braced = true
		forms = strings.FieldsFunc(line[i+1:j], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		line = strings.TrimSpace(line[:i])
	}
	if strings.ContainsAny(line, " \t") {
		p.rep.problem(p.file, n, raw, "verb of more than one word without '_'")
		return
	}
	lemma, ok := verbPhrase(line)
	if !ok {
		p.rep.problem(p.file, n, raw, "multi-word verb without its moving part marked '+'")
		return
	}
	v.Lemma = lemma
	v.Forms = []string{lemma}
	if braced {
		for _, f := range forms {
			ph, ok := verbPhrase(f)
			if !ok {
				p.rep.problem(p.file, n, raw, "verb form "+f+" lacks the '+' of its moving part; form skipped")
				continue
			}
			v.Forms = appendNew(v.Forms, ph)
		}
	} else {
		for _, f := range regularForms(line) {
			v.Forms = appendNew(v.Forms, f)
		}
	}
	key := blk.Name + "\x00" + lemma
	i := slices.IndexFunc(blk.Verbs, func(o kb.Verb) bool { return o.Lemma == lemma })
	if i < 0 {
		blk.Verbs = append(blk.Verbs, v)
		p.braced[key] = braced
		p.inBlocksOf[lemma] = append(p.inBlocksOf[lemma], blk.Name)
		return
	}
	// A verb listed twice in its block ("BRING" and "BRING {BRINGS
	// BRINGING BROUGHT}") is one verb: the braced forms win over made
	// ones, otherwise the forms are joined.
	p.counts.inc("verbs listed twice in their block (merged)")
	old := &blk.Verbs[i]
	switch {
	case braced && !p.braced[key]:
		old.Forms = v.Forms
		p.braced[key] = true
	case braced == p.braced[key]:
		for _, f := range v.Forms {
			old.Forms = appendNew(old.Forms, f)
		}
	}
	if own {
		old.Code, old.Reverse = v.Code, v.Reverse
	}
}

// verbPhrase turns a dictionary verb ("+SHOOT_DOWN", "SHOT") into
// lowercase words; ok is false for a multi-word verb with no "+".
func verbPhrase(s string) (string, bool) {
	words := strings.Split(strings.Trim(s, "_"), "_")
	if len(words) > 1 && !strings.Contains(s, "+") {
		return "", false
	}
	for i, w := range words {
		words[i] = strings.ToLower(strings.TrimPrefix(w, "+"))
	}
	return strings.Join(slices.DeleteFunc(words, func(w string) bool { return w == "" }), " "), true
}

// regularForms makes the forms of a verb without braces: those of its
// moving part, the other words kept.
func regularForms(s string) []string {
	words := strings.Split(strings.Trim(s, "_"), "_")
	at := 0
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			at = i
		}
		words[i] = strings.TrimPrefix(w, "+")
	}
	var out []string
	for _, f := range verbForms(words[at]) {
		ws := slices.Clone(words)
		ws[at] = f
		out = append(out, strings.ToLower(strings.Join(ws, " ")))
	}
	return out
}

// pattern reads "- PRE * POST [CODE]" (see kb.Pattern for the elements).
// A word written "A/B" is TABARI's choice of words, which PETRARCH2 reads
// as one word that never matches; it is expanded into one pattern per
// choice.
func (p *verbParser) pattern(n int, raw, line string) {
	blk := &p.blocks[len(p.blocks)-1]
	body := strings.TrimPrefix(line, "-")
	i := strings.LastIndex(body, "[")
	j := strings.LastIndex(body, "]")
	if i < 0 || j < i || strings.TrimSpace(body[j+1:]) != "" {
		p.rep.problem(p.file, n, raw, "pattern without a [code] at its end")
		return
	}
	c, rev, ok := patternCode(body[i+1 : j])
	if !ok {
		p.rep.problem(p.file, n, raw, "malformed pattern code")
		return
	}
	body = body[:i]
	// "SPY_*_DEAL", "*_LAWS" and "*SCEPTICAL" put the verb's place
	// inside a word.
	body = strings.NewReplacer("_*_", " * ", "_*", " * ", "*_", " * ", "*", " * ").Replace(body)
	pre, post, found := strings.Cut(body, "*")
	if !found || strings.Contains(post, "*") {
		p.rep.problem(p.file, n, raw, "pattern needs exactly one '*' for the verb")
		return
	}
	preEls, err1 := patternElements(pre)
	postEls, err2 := patternElements(post)
	if err := errors2(err1, err2); err != "" {
		p.rep.problem(p.file, n, raw, err)
		return
	}
	for _, el := range append(append([]string{}, preEls...), postEls...) {
		for _, w := range strings.Fields(el) {
			if strings.HasPrefix(w, "&") {
				if _, ok := p.synset[w]; !ok {
					p.rep.problem(p.file, n, raw, "names undefined synset "+w+"; pattern skipped, as PETRARCH2 does")
					return
				}
			}
		}
	}
	pres, posts := choices(preEls), choices(postEls)
	if len(pres)*len(posts) > 1 {
		p.counts.inc("patterns with A/B choices")
		p.counts.add("patterns made from A/B choices", len(pres)*len(posts))
	}
	for _, a := range pres {
		for _, b := range posts {
			pt := kb.Pattern{Pre: a, Post: b, Code: c, Reverse: rev}
			if slices.ContainsFunc(blk.Patterns, func(o kb.Pattern) bool { return samePattern(o, pt) }) {
				p.counts.inc("patterns repeated in their block (kept once)")
				continue
			}
			blk.Patterns = append(blk.Patterns, pt)
		}
	}
}

func errors2(a, b error) string {
	if a != nil {
		return a.Error()
	}
	if b != nil {
		return b.Error()
	}
	return ""
}

func samePattern(a, b kb.Pattern) bool {
	return a.Code == b.Code && a.Reverse == b.Reverse && slices.Equal(a.Pre, b.Pre) && slices.Equal(a.Post, b.Post)
}

// patternCode reads "042", "042:043", ":173" or "---".
func patternCode(s string) (c, rev string, ok bool) {
	s = strings.TrimSpace(s)
	c, rev, _ = strings.Cut(s, ":")
	if c != "" && !code.MatchString(c) || rev != "" && !code.MatchString(rev) || c == "" && rev == "" {
		return "", "", false
	}
	return nullCode(c), nullCode(rev), true
}

// patternElements splits one side of a pattern into its elements:
// "{...}" is one phrase, "(...)" a prepositional group whose parentheses
// are dropped, "_" joins words into a phrase, and the markers $ + ^ %
// stand alone. Words are lowercased; synset names keep their case.
func patternElements(s string) ([]string, error) {
	var els []string
	var phrase []string
	inPhrase, inGroup := false, false
	word := func(w string) string {
		if strings.HasPrefix(w, "&") {
			return w
		}
		return strings.ToLower(w)
	}
	emit := func(tok string) {
		if tok == "" {
			return
		}
		parts := strings.FieldsFunc(tok, func(r rune) bool { return r == '_' })
		for i, w := range parts {
			parts[i] = word(w)
		}
		if inPhrase {
			phrase = append(phrase, parts...)
			return
		}
		if len(parts) > 0 {
			els = append(els, strings.Join(parts, " "))
		}
	}
	var tok strings.Builder
	flush := func() { emit(tok.String()); tok.Reset() }
	for _, r := range s {
		switch r {
		case ' ', '\t':
			flush()
		case '{':
			flush()
			if inPhrase {
				return nil, fmt.Errorf("nested '{'")
			}
			inPhrase = true
		case '}':
			flush()
			if !inPhrase || len(phrase) == 0 {
				return nil, fmt.Errorf("'}' without its '{' or an empty phrase")
			}
			els = append(els, strings.Join(phrase, " "))
			phrase, inPhrase = nil, false
		case '(':
			flush()
			if inGroup || inPhrase {
				return nil, fmt.Errorf("nested '('")
			}
			inGroup = true
		case ')':
			flush()
			if !inGroup || inPhrase {
				return nil, fmt.Errorf("')' without its '('")
			}
			inGroup = false
		default:
			tok.WriteRune(r)
		}
	}
	flush()
	if inPhrase || inGroup {
		return nil, fmt.Errorf("unclosed '{' or '('")
	}
	return els, nil
}

// choices expands elements holding "A/B" words into every combination,
// in order.
func choices(els []string) [][]string {
	out := [][]string{{}}
	for _, el := range els {
		alts := []string{el}
		if strings.Contains(el, "/") && !strings.Contains(el, "&") {
			alts = expandSlashes(el)
		}
		var next [][]string
		for _, o := range out {
			for _, a := range alts {
				next = append(next, append(slices.Clone(o), a))
			}
		}
		out = next
	}
	return out
}

// expandSlashes turns "air attack/bombing" into "air attack", "air
// bombing".
func expandSlashes(phrase string) []string {
	out := []string{""}
	for _, w := range strings.Fields(phrase) {
		var next []string
		for _, o := range out {
			for _, alt := range strings.Split(w, "/") {
				next = append(next, strings.TrimSpace(o+" "+alt))
			}
		}
		out = next
	}
	return out
}

// appendNew appends s unless ss holds it.
func appendNew(ss []string, s string) []string {
	if slices.Contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
