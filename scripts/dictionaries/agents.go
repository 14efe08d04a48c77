package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// handSectors override the dictionary's sector for a few agents by hand.
// The agent file codes protesters, demonstrators and rioters as the
// opposition (~OPP), but news means people in the street, whom the
// knowledge base has a sector for; marchers are missing from the file and
// are added with the protesters' code.
var handSectors = map[string]geokg.Sector{
	"protester": geokg.SectorProtesters, "protesters": geokg.SectorProtesters,
	"demonstrator": geokg.SectorProtesters, "demonstrators": geokg.SectorProtesters,
	"marcher": geokg.SectorProtesters, "marchers": geokg.SectorProtesters,
	"rioter": geokg.SectorProtesters, "rioters": geokg.SectorProtesters,
}

// handCode is the code given to a hand-added agent.
const handCode = "~OPP"

// Words that make an agent without a sector code a state or an armed
// agent, which is kept with no sector ("ministry of environment",
// "peacekeeping troops"); any other agent without a sector (doctors,
// environmentalists, politicians) is dropped.
var stateWords = map[string]bool{
	"minister": true, "ministers": true, "ministry": true, "ministries": true, "government": true,
	"department": true, "agency": true, "agencies": true, "official": true, "officials": true,
}

var armedWords = map[string]bool{
	"soldier": true, "soldiers": true, "troop": true, "troops": true, "militia": true, "militias": true,
	"fighter": true, "fighters": true, "gunman": true, "gunmen": true, "army": true, "forces": true,
	"peacekeeping": true, "peacekeepers": true, "terrorist": true, "terrorists": true,
	"guerrilla": true, "guerrillas": true, "militant": true, "militants": true,
}

// armedCodes are agent codes of armed groups that have no sector.
var armedCodes = map[string]bool{"IMG": true}

// agentParser reads the agent file.
type agentParser struct {
	file   string
	rep    *report
	counts *tally
	subst  map[string][]string // "PERSON" -> MAN, MEN, ...
	agents []kb.Agent
	at     map[string]int // phrase -> index in agents
}

// parseAgents converts the agent file read from r: one record per phrase,
// plurals and substitutions written out, in the order of the file.
func parseAgents(r io.Reader, file string, rep *report) ([]kb.Agent, error) {
	p := &agentParser{file: file, rep: rep, counts: rep.tally("agents (" + file + ")"),
		subst: map[string][]string{}, at: map[string]int{}}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		line := strings.TrimSpace(stripHash(raw))
		if line == "" || strings.HasPrefix(line, "<!") {
			continue
		}
		p.line(n, raw, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	for _, phrase := range sortedKeys(handSectors) {
		if i, ok := p.at[phrase]; ok {
			if p.agents[i].Sector != handSectors[phrase] {
				p.agents[i].Sector = handSectors[phrase]
				p.counts.inc("sectors set by hand")
			}
			continue
		}
		p.add(kb.Agent{Phrase: phrase, Code: handCode, Sector: handSectors[phrase]})
		p.counts.inc("agents added by hand")
	}
	p.counts.add("agent phrases written", len(p.agents))
	return p.agents, nil
}

// stripHash removes a "#" comment.
func stripHash(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return s
}

// line reads "!MARKER! = A, B" (a substitution set) or "PHRASE {PLURALS}
// [CODE]", where the phrase may hold a !MARKER!.
func (p *agentParser) line(n int, raw, line string) {
	if strings.Count(line, "!") == 2 && strings.Contains(line, "=") {
		name, list, _ := strings.Cut(line, "=")
		name = strings.Trim(strings.TrimSpace(name), "!")
		for _, item := range strings.Split(list, ",") {
			if item = strings.TrimSpace(item); item != "" {
				p.subst[name] = append(p.subst[name], item)
			}
		}
		return
	}
	i, j := strings.Index(line, "["), strings.Index(line, "]")
	if i < 0 || j < i || strings.TrimSpace(line[j+1:]) != "" {
		p.rep.problem(p.file, n, raw, "agent without a [code]")
		return
	}
	code := strings.TrimSpace(line[i+1 : j])
	text := strings.TrimSpace(line[:i])
	var forms []string
	braced := false
	if b := strings.Index(text, "{"); b >= 0 {
		e := strings.Index(text, "}")
		if e < b {
			p.rep.problem(p.file, n, raw, "agent with an unclosed '{'")
			return
		}
		forms = strings.Fields(text[b+1 : e])
		text = strings.TrimSpace(text[:b] + " " + text[e+1:])
		braced = true
	}
	var phrases []string
	if a := strings.Index(text, "!"); a >= 0 {
		b := strings.Index(text[a+1:], "!")
		if b < 0 {
			p.rep.problem(p.file, n, raw, "agent with an unclosed substitution marker")
			return
		}
		marker := text[a+1 : a+1+b]
		items, ok := p.subst[marker]
		if !ok {
			p.rep.problem(p.file, n, raw, "agent with an undefined substitution marker !"+marker+"!")
			return
		}
		// Every item of the set replaces the marker, with no plural made.
		for _, it := range items {
			phrases = append(phrases, agentPhrase(text[:a]+it+text[a+2+b:]))
		}
		p.counts.inc("agent lines with a substitution")
	} else {
		phrase := agentPhrase(text)
		phrases = append(phrases, phrase)
		if braced {
			for _, f := range forms {
				phrases = append(phrases, agentPhrase(f))
			}
		} else if pl := plural(strings.ToUpper(phrase)); pl != "" {
			phrases = append(phrases, strings.ToLower(pl))
		}
	}
	sector, keep := p.sector(code, phrases)
	if !keep {
		p.counts.inc("agent lines dropped: no sector, neither state nor armed")
		return
	}
	p.counts.inc("agent lines read")
	for _, ph := range phrases {
		if ph != "" {
			p.add(kb.Agent{Phrase: ph, Code: code, Sector: sector})
		}
	}
}

// sector maps an agent code to its sector: the first three letters after
// "~", or those before it in codes written "IGO~". An agent whose code
// gives no sector is kept, with none, only when it is clearly a state or
// an armed agent.
func (p *agentParser) sector(code string, phrases []string) (geokg.Sector, bool) {
	letters := code
	if _, after, ok := strings.Cut(code, "~"); ok && after != "" {
		letters = after
	}
	letters = strings.Trim(letters, "~")
	if len(letters) >= 3 {
		if s, ok := sectorOf(letters[:3]); ok {
			return s, true
		}
		if armedCodes[letters[:3]] {
			p.counts.inc("agent lines kept without a sector: armed code")
			return "", true
		}
	}
	for _, ph := range phrases {
		for _, w := range strings.Fields(ph) {
			if stateWords[w] || armedWords[w] {
				p.counts.inc("agent lines kept without a sector: state or armed words")
				return "", true
			}
		}
	}
	return "", false
}

// add records an agent phrase. A phrase the file lists again takes its
// later code, as PETRARCH2's reader does.
func (p *agentParser) add(a kb.Agent) {
	if i, ok := p.at[a.Phrase]; ok {
		if p.agents[i].Code != a.Code {
			p.counts.inc("phrases listed again with another code (the later wins)")
		} else {
			p.counts.inc("phrases listed again with the same code")
		}
		p.agents[i] = a
		return
	}
	p.at[a.Phrase] = len(p.agents)
	p.agents = append(p.agents, a)
}

// agentPhrase lowercases a dictionary phrase and joins its words, written
// with "_" or spaces, by single spaces.
func agentPhrase(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " "))
}
