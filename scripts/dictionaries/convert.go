package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// periodStart is the first day a person's codes must reach for the person
// to be kept: the news the knowledge base reads starts in the late 1980s.
const periodStart = "1985-01-01"

// legacyCountries are CAMEO's codes for states that ISO 3166 no longer
// lists, or spells differently, mapped to an ISO code or a country id.
var legacyCountries = map[string]string{
	"SUN": "country:soviet-union", "USR": "country:soviet-union", "DDR": "country:east-germany",
	"CSK": "country:czechoslovakia", "SCG": "country:serbia-and-montenegro", "FRY": "country:yugoslavia",
	"KSV": "country:kosovo", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD",
}

// igoOrgs map the code of an intergovernmental organization, the letters
// after "IGO", to the curated organization it names; the longest listed
// prefix of a code wins ("UNOKID" is UNICEF, "UNODEV" only the UN).
var igoOrgs = map[string]string{
	"UNO": "org:un", "UNOREFHCR": "org:unhcr", "UNOKID": "org:unicef", "UNOWFP": "org:wfp",
	"UNOIAE": "org:iaea", "UNOJUDICJ": "org:icj", "UNOHLHWHO": "org:who", "UNODEVWBK": "org:world-bank",
	"UNOWBK": "org:world-bank", "UNOHRIHCH": "org:ohchr", "WSTNAT": "org:nato", "EUREEC": "org:eu",
	"EURCOE": "org:council-of-europe", "BUSOPC": "org:opec", "BUSIMF": "org:imf", "BUSWTO": "org:wto",
	"AFRAFU": "org:african-union", "AFROAU": "org:oau", "OAS": "org:oas", "MEAARL": "org:arab-league",
	"SEAASN": "org:asean", "WAFWAS": "org:ecowas", "JUDICC": "org:icc", "COPITP": "org:interpol",
	"MOSOIC": "org:organisation-of-islamic-cooperation",
}

// candidate is a person or body on its way to the generated file.
type candidate struct {
	actor      kb.DictionaryActor
	code       string // the first three letters of its first code, for an id suffix
	historical bool
	entry      *entry
}

// converter turns actor-dictionary entries into people and bodies,
// checked against the curated knowledge base.
type converter struct {
	rep        *report
	counts     *tally
	iso3       map[string]string // ISO 3166 alpha-3 -> country id
	isoByID    map[string]string // country id -> ISO 3166 alpha-3
	historical map[string]bool   // country id -> a state of the past
	orgs       map[string]bool   // curated organization ids
	places     map[string]bool   // folded names of countries and their places, for generic bodies
	agents     map[string]bool   // agent phrases
	firstNames map[string]bool
	curated    *curatedIndex
}

func newConverter(k *kb.KB, agents []kb.Agent, rep *report) *converter {
	c := &converter{rep: rep, counts: rep.tally("actors (" + strings.Join(actorSources, ", ") + ")"),
		iso3: map[string]string{}, isoByID: map[string]string{}, historical: map[string]bool{}, orgs: map[string]bool{},
		places: map[string]bool{}, agents: map[string]bool{}, firstNames: map[string]bool{}}
	for _, co := range k.Countries {
		if co.ISO3 != "" {
			c.iso3[co.ISO3] = co.ID
			c.isoByID[co.ID] = co.ISO3
		}
		c.historical[co.ID] = co.Historical
		for _, n := range append(append(append([]string{co.Name, co.CapitalName}, co.Aliases...), co.Demonyms...), co.Metonyms...) {
			c.places[fold(n)] = true
		}
	}
	for _, o := range k.Organizations {
		c.orgs[o.ID] = true
	}
	for _, a := range agents {
		c.agents[a.Phrase] = true
	}
	c.curated = indexCurated(k)
	// The hand tables must name what the knowledge base holds; a name
	// it lost is reported, and its codes resolve to nothing.
	for _, code := range sortedKeys(igoOrgs) {
		if !c.orgs[igoOrgs[code]] {
			rep.note(fmt.Sprintf("IGO code %s: %s is not in the knowledge base", code, igoOrgs[code]))
		}
	}
	for _, code := range sortedKeys(legacyCountries) {
		if _, ok := c.countryOf(code); !ok {
			rep.note(fmt.Sprintf("country code %s: %s is not in the knowledge base", code, legacyCountries[code]))
		}
	}
	return c
}

// countryOf maps the first three letters of a code to a country id.
func (c *converter) countryOf(code string) (string, bool) {
	if v, ok := legacyCountries[code]; ok {
		if strings.HasPrefix(v, "country:") {
			_, known := c.historical[v]
			return v, known
		}
		code = v
	}
	id, ok := c.iso3[code]
	return id, ok
}

// igoOrg maps an IGO code to a curated organization id, "" when none.
func (c *converter) igoOrg(code string) string {
	rest := strings.TrimPrefix(code, "IGO")
	for n := len(rest); n >= 3; n-- {
		if id, ok := igoOrgs[rest[:n]]; ok && c.orgs[id] {
			return id
		}
	}
	return ""
}

// convert turns the entries of every actor file into people and bodies.
func (c *converter) convert(entries []*entry) (people, bodies []kb.DictionaryActor) {
	c.counts.add("entries read", len(entries))
	entries = c.joinCodeless(entries)
	for _, e := range entries {
		// Kunyas and particles ("ABU", "AL") start the names of groups
		// as well as of people, so they tell nothing.
		if e.marked() {
			if w := strings.Fields(stripTitles(e.phrase)); len(w) > 1 && !notFirstNames[w[0]] {
				c.firstNames[w[0]] = true
			}
		}
		// Country entries name their country in many ways ("AFGHAN",
		// "KABUL"); a body that is one of them plus an agent is generic.
		if k, _ := c.classify(e); k == skipEntry {
			for _, code := range e.codes {
				if _, ok := c.countryOf(code.code); ok && len(code.code) == 3 {
					c.places[fold(e.phrase)] = true
					for _, a := range e.aliases {
						c.places[fold(a.phrase)] = true
					}
					break
				}
			}
		}
	}
	var ps, bs []*candidate
	for _, e := range entries {
		k, rule := c.classify(e)
		c.counts.inc(rule)
		switch k {
		case personEntry:
			c.counts.inc("summary: people read")
			if p := c.person(e); p != nil {
				ps = append(ps, p)
			}
		case bodyEntry:
			c.counts.inc("summary: bodies read")
			if b := c.body(e); b != nil {
				bs = append(bs, b)
			}
		}
	}
	n := len(ps) + len(bs)
	ps = c.merge(ps, "people", true)
	bs = c.merge(bs, "bodies", false)
	ps = c.dropCurated(ps, "people", c.curated.personDuplicate)
	bs = c.dropCurated(bs, "bodies", c.curated.bodyDuplicate)
	c.counts.add("summary: people dropped as out of period", c.counts.get("people dropped: out of period (before 1985)"))
	c.counts.add("summary: people and bodies dropped as duplicates (listed twice or curated)", n-len(ps)-len(bs))
	// A name the curated knowledge base gives anything else ("Shin Bet"
	// is an organization there) is left to it.
	taken := func(x *candidate) bool {
		if c.curated.names[fold(x.actor.Name)] {
			c.counts.inc("dropped: the curated knowledge base uses the name for something else")
			return true
		}
		return false
	}
	ps = slices.DeleteFunc(ps, taken)
	bs = slices.DeleteFunc(bs, taken)
	c.cleanAliases(append(slices.Clone(ps), bs...))
	c.assignIDs(ps, "person:")
	c.assignIDs(bs, "org:")
	for _, p := range ps {
		people = append(people, p.actor)
	}
	for _, b := range bs {
		bodies = append(bodies, b.actor)
	}
	c.counts.add("summary: people kept", len(people))
	c.counts.add("summary: bodies kept", len(bodies))
	for _, b := range bodies {
		c.counts.inc("summary: bodies kept of type " + b.Type)
	}
	return people, bodies
}

// joinCodeless repairs entries whose synonyms lost their "+": a run of
// entries without codes directly followed by one with codes, each sharing
// a word of four letters or more with it, is one entry whose primary
// phrase is the run's first ("LEONID_BREZHNEV_ # CountryInfo.txt", then
// "LEONID_ILYICH_BREZHNEV", then the codes).
func (c *converter) joinCodeless(entries []*entry) []*entry {
	var out []*entry
	var run []*entry
	for _, e := range entries {
		if len(e.codes) == 0 {
			run = append(run, e)
			continue
		}
		start := len(run)
		for start > 0 && run[start-1].file == e.file && shareWord(run[start-1].phrase, e.phrase) {
			start--
		}
		out = append(out, run[:start]...)
		if start < len(run) {
			head := run[start]
			joined := &entry{file: head.file, line: head.line, phrase: head.phrase, comment: head.comment,
				section: head.section, codes: e.codes}
			for _, r := range append(run[start:], e) {
				if r != head {
					joined.aliases = append(joined.aliases, alias{phrase: r.phrase, line: r.line})
				}
				joined.aliases = append(joined.aliases, r.aliases...)
				if r.marked() && !head.marked() {
					joined.comment = r.comment
				}
			}
			c.counts.add("entries without codes joined to the entry after them", len(run)-start)
			e = joined
		}
		run = nil
		out = append(out, e)
	}
	return append(out, run...)
}

// shareWord reports whether two phrases share a word of four letters or
// more.
func shareWord(a, b string) bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(fold(a)) {
		if len(w) >= 4 {
			words[w] = true
		}
	}
	for _, w := range strings.Fields(fold(b)) {
		if words[w] {
			return true
		}
	}
	return false
}

// notFirstNames start people's names but also groups' names.
var notFirstNames = wordSet(`ABU UMM AL EL BIN IBN BANI BENI`)

var parenthesised = regexp.MustCompile(`\(([^)]*)\)`)

// person converts a person's entry, or returns nil and counts why not.
func (c *converter) person(e *entry) *candidate {
	name := stripTitles(e.phrase)
	switch {
	case len(strings.Fields(name)) < 2:
		c.counts.inc("people dropped: a single word (a bare surname or a title and one)")
		return nil
	case hasAny(name, titleWords) || hasAny(name, functionWords) || strings.ContainsAny(name, ",()/&0123456789"):
		c.counts.inc("people dropped: no clean name (titles or several people in one)")
		return nil
	}
	p := &candidate{entry: e, actor: kb.DictionaryActor{Name: personName(name)}}
	for _, a := range e.aliases {
		switch {
		case hasAny(a.phrase, titleWords):
			c.counts.inc("person aliases dropped: a title or office word")
		case len(strings.Fields(a.phrase)) < 2:
			c.counts.inc("person aliases dropped: a bare surname")
		case !looksLikePersonName(a.phrase):
			c.counts.inc("person aliases dropped: not a name")
		case !relatedNames(name, a.phrase):
			c.counts.inc("person aliases dropped: names someone else")
		case fold(a.phrase) == fold(name):
		default:
			p.actor.Aliases = appendNew(p.actor.Aliases, personName(a.phrase))
		}
	}
	c.codes(p, e)
	if !c.inPeriod(p) {
		c.counts.inc("people dropped: out of period (before 1985)")
		return nil
	}
	return p
}

// codes turns an entry's codes into a person's country and roles.
func (c *converter) codes(p *candidate, e *entry) {
	dated, reaches := false, false
	countries := map[string]bool{}
	for _, code := range e.codes {
		if code.code == "---" {
			continue
		}
		first := code.code[:min(3, len(code.code))]
		if p.code == "" {
			p.code = first
		}
		if code.since != "" || code.until != "" {
			dated = true
			if code.until == "" || code.until >= periodStart {
				reaches = true
			}
		}
		role := kb.DictionaryRole{Code: code.code, Since: code.since, Until: code.until}
		switch country, ok := c.countryOf(first); {
		case first == "IGO":
			if role.Of = c.igoOrg(code.code); role.Of == "" {
				c.counts.inc("roles left out: an international organization the knowledge base lacks")
				continue
			}
		case international[first]:
			c.counts.inc("roles left out: an NGO, armed group or corporation code")
			continue
		case !ok:
			c.counts.inc("roles left out: no country for code " + first)
			continue
		default:
			countries[country] = true
			if p.actor.Country == "" {
				p.actor.Country = country
			}
			if len(code.code) < 6 {
				c.counts.inc("roles left out: a country code without a sector")
				continue
			}
			s, ok := sectorOf(code.code[3:6])
			if !ok {
				c.counts.inc("roles left out: sector " + code.code[3:6] + " has no equivalent")
				continue
			}
			role.Of, role.Sector = country, s
		}
		if slices.Contains(p.actor.Roles, role) {
			continue
		}
		p.actor.Roles = append(p.actor.Roles, role)
	}
	// A person is historical when the dated codes all end before the
	// period, or every country of theirs is a state of the past; their
	// undated default code then says nothing about the period.
	allPast := len(countries) > 0
	for id := range countries {
		allPast = allPast && c.historical[id]
	}
	p.historical = dated && !reaches || allPast
}

// inPeriod reports whether one of a person's codes reaches 1985 or later,
// or is undated while the person is not historical.
func (c *converter) inPeriod(p *candidate) bool {
	for _, code := range p.entry.codes {
		switch {
		case code.code == "---":
		case code.since == "" && code.until == "":
			if !p.historical {
				return true
			}
		case code.until == "" || code.until >= periodStart:
			return true
		}
	}
	return false
}

// relatedNames reports whether alias b can name the person named a: they
// share a word of three letters or more, or their surnames differ by at
// most two letters ("Muhammad al-Baradei", "Mohamed ElBaradei"). Entries
// sometimes list other people as synonyms ("SHEIKH AHMED YASSIN" with
// "SAMI ABU ZUHRI"); those are not aliases.
func relatedNames(a, b string) bool {
	wa, wb := nameTokens(a), nameTokens(b)
	for _, x := range wa {
		if len(x) >= 3 && slices.Contains(wb, x) {
			return true
		}
	}
	sa, sb := wa[len(wa)-1], wb[len(wb)-1]
	return len(sa) >= 5 && len(sb) >= 5 && levenshtein(sa, sb) <= 2
}

// nameTokens are the folded words of a name, a particle joined to the
// word after it ("al baradei" is "albaradei").
func nameTokens(s string) []string {
	var out []string
	words := strings.Fields(fold(s))
	for i := 0; i < len(words); i++ {
		w := words[i]
		if (w == "al" || w == "el") && i+1 < len(words) {
			w += words[i+1]
			i++
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		return []string{""}
	}
	return out
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// body converts a body's entry, or returns nil and counts why not.
func (c *converter) body(e *entry) *candidate {
	name, acr := withoutParens(e.phrase)
	switch {
	case name == "":
		c.counts.inc("bodies dropped: no name")
		return nil
	case !strings.Contains(name, " ") && !acronym(name):
		// "AMIT", "TIGERS", "CARITAS": one word that is not an acronym
		// is as often a word or a first name in news as the body.
		c.counts.inc("bodies dropped: one word, not an acronym")
		return nil
	}
	if c.generic(name) {
		c.counts.inc("bodies dropped: a country or demonym and an agent (read as country and sector)")
		return nil
	}
	b := &candidate{entry: e, actor: kb.DictionaryActor{Name: bodyName(name)}}
	for _, a := range acr {
		b.actor.Aliases = appendNew(b.actor.Aliases, a)
	}
	if n := b.actor.Name; !strings.Contains(n, " ") && n != strings.ToUpper(n) {
		// "Unicef" is also written "UNICEF".
		b.actor.Aliases = appendNew(b.actor.Aliases, strings.ToUpper(n))
	}
	for _, a := range e.aliases {
		an, aacr := withoutParens(a.phrase)
		switch {
		case an == "":
		case looksLikePersonName(an) && c.firstNames[strings.Fields(an)[0]]:
			c.counts.inc("body aliases dropped: a person's name")
			continue
		case fold(an) != fold(name):
			b.actor.Aliases = appendNew(b.actor.Aliases, bodyName(an))
		}
		for _, x := range aacr {
			b.actor.Aliases = appendNew(b.actor.Aliases, x)
		}
	}
	b.actor.Aliases = slices.DeleteFunc(b.actor.Aliases, func(a string) bool { return a == b.actor.Name })
	for _, code := range e.codes {
		if code.code == "---" {
			continue
		}
		first := code.code[:min(3, len(code.code))]
		if b.code == "" {
			b.code = first
		}
		switch country, ok := c.countryOf(first); {
		case first == "IGO":
			if org := c.igoOrg(code.code); org != "" && b.actor.Parent == "" {
				b.actor.Parent = org
			}
			b.actor.Type = firstNonEmpty(b.actor.Type, "igo")
		case first == "NGO":
			b.actor.Type = firstNonEmpty(b.actor.Type, "ngo")
			b.actor.Sector = firstNonEmpty(b.actor.Sector, geokg.SectorNGO)
		case first == "IMG":
			b.actor.Type = firstNonEmpty(b.actor.Type, "armed-group")
		case ok || regionCodes[first]:
			// A region's code ("MEAREB") has no country but a sector.
			if b.actor.Country == "" {
				b.actor.Country = country
			}
			if len(code.code) >= 6 && b.actor.Sector == "" {
				b.actor.Sector, _ = sectorOf(code.code[3:6])
			}
		}
	}
	if b.actor.Type == "" {
		b.actor.Type = bodyType(name, b.actor.Sector)
	}
	return b
}

// bodyType types a country's body by its sector and name.
func bodyType(name string, s geokg.Sector) string {
	switch {
	case s == geokg.SectorRebels || s == geokg.SectorInsurgents:
		return "armed-group"
	case hasAny(name, wordSet("PARTY PARTIES")):
		return "party"
	case s == geokg.SectorGovernment || s == geokg.SectorMilitary || s == geokg.SectorPolice ||
		s == geokg.SectorIntelligence || s == geokg.SectorJudiciary || s == geokg.SectorLegislature:
		return "agency"
	}
	return "other"
}

func firstNonEmpty[T ~string](a, b T) T {
	if a != "" {
		return a
	}
	return b
}

// withoutParens takes the parenthesised acronyms out of a body's name,
// and a leading "THE": "IRISH REPUBLICAN ARMY (IRA)" is "IRISH REPUBLICAN
// ARMY" and "IRA", "THE UNITED NATIONS" is "UNITED NATIONS".
func withoutParens(s string) (string, []string) {
	s = strings.TrimPrefix(s, "THE ")
	var acr []string
	for _, m := range parenthesised.FindAllStringSubmatch(s, -1) {
		if a := strings.TrimSpace(m[1]); a != "" && !strings.Contains(a, " ") {
			acr = append(acr, a)
		}
	}
	return strings.Join(strings.Fields(parenthesised.ReplaceAllString(s, " ")), " "), acr
}

// generic reports whether a body's name is only a country's name,
// demonym or place and an agent: "AFGHAN ARMY", "GOVERNMENT OF
// AFGHANISTAN". The extractor reads those as the country and a sector.
func (c *converter) generic(name string) bool {
	words := strings.Fields(fold(name))
	var rest []string
	for i := 0; i < len(words); {
		n := 0
		for j := len(words); j > i; j-- {
			if c.places[strings.Join(words[i:j], " ")] {
				n = j - i
				break
			}
		}
		if n > 0 {
			i += n
			continue
		}
		if w := words[i]; w != "of" && w != "the" && w != "s" {
			rest = append(rest, w)
		}
		i++
	}
	return len(rest) < len(words) && (len(rest) == 0 || c.agents[strings.Join(rest, " ")])
}

// merge joins candidates that are one person or body listed twice: the
// same folded name, and the same country or none on one side (an
// international official listed once under their country and once under
// their organization), or a name too distinctive for namesakes (a governor
// of two colonies, a minister of Sudan and then of South Sudan; bodies'
// names are not: there is a National Liberation Army in Colombia and one
// in Bolivia). The first
// keeps its place and gains the others' aliases and roles; namesakes of
// different countries ("Abdul Ali") stay apart.
func (c *converter) merge(cs []*candidate, what string, people bool) []*candidate {
	at := map[string][]*candidate{}
	var out []*candidate
	for _, x := range cs {
		k := fold(x.actor.Name)
		i := slices.IndexFunc(at[k], func(o *candidate) bool {
			return o.actor.Country == x.actor.Country || o.actor.Country == "" || x.actor.Country == "" ||
				people && distinctive(k)
		})
		if i < 0 {
			at[k] = append(at[k], x)
			out = append(out, x)
			continue
		}
		first := at[k][i]
		c.counts.inc(what + " listed twice in the dictionaries (merged)")
		for _, a := range x.actor.Aliases {
			first.actor.Aliases = appendNew(first.actor.Aliases, a)
		}
		for _, r := range x.actor.Roles {
			if !slices.Contains(first.actor.Roles, r) {
				first.actor.Roles = append(first.actor.Roles, r)
			}
		}
		first.actor.Country = firstNonEmpty(first.actor.Country, x.actor.Country)
		first.actor.Parent = firstNonEmpty(first.actor.Parent, x.actor.Parent)
		first.code = firstNonEmpty(first.code, x.code)
	}
	return out
}

// distinctive reports whether a folded name is unlikely to be shared by
// two people: three words or more, or a regnal number ("elizabeth ii").
func distinctive(folded string) bool {
	w := strings.Fields(folded)
	return len(w) >= 3 || len(w) == 2 && romanNumeral(strings.ToUpper(w[1]))
}

// dropCurated leaves out the candidates the curated knowledge base
// already holds: the curated entry wins.
func (c *converter) dropCurated(cs []*candidate, what string, dup func(kb.DictionaryActor) string) []*candidate {
	return slices.DeleteFunc(cs, func(x *candidate) bool {
		if id := dup(x.actor); id != "" {
			c.counts.inc(what + " dropped: the curated knowledge base has them")
			return true
		}
		return false
	})
}

// cleanAliases drops an alias that the curated knowledge base uses for
// anything, or that another dictionary entry already has as its name or
// alias: a name must lead to one entity.
func (c *converter) cleanAliases(cs []*candidate) {
	owner := map[string]*candidate{}
	for _, x := range cs {
		owner[fold(x.actor.Name)] = x
	}
	for _, x := range cs {
		x.actor.Aliases = slices.DeleteFunc(x.actor.Aliases, func(a string) bool {
			f := fold(a)
			switch o, taken := owner[f]; {
			case c.curated.names[f]:
				c.counts.inc("aliases dropped: the curated knowledge base uses the name")
				return true
			case taken && o != x:
				c.counts.inc("aliases dropped: another dictionary entry has the name")
				return true
			}
			owner[f] = x
			return false
		})
	}
}

// assignIDs gives each candidate prefix plus the slug of its name. An id
// that a curated entity or an earlier candidate holds gets the
// candidate's country code (or code prefix) as suffix, then a number.
func (c *converter) assignIDs(cs []*candidate, prefix string) {
	taken := c.curated.ids
	for _, x := range cs {
		base := prefix + kb.Slug(x.actor.Name)
		id := base
		if taken[id] {
			suffix := strings.ToLower(x.code)
			if iso := c.isoByID[x.actor.Country]; iso != "" {
				suffix = strings.ToLower(iso)
			}
			id = base + "-" + suffix
			for n := 2; taken[id]; n++ {
				id = fmt.Sprintf("%s-%s-%d", base, suffix, n)
			}
			c.counts.inc("ids given a suffix: " + strings.TrimSuffix(prefix, ":"))
			c.rep.note(fmt.Sprintf("%s:%d: id %s is taken; %s used", x.entry.file, x.entry.line, base, id))
		}
		taken[id] = true
		x.actor.ID = id
	}
}
