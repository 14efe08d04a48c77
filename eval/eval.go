// Package eval measures the extractor against hand-made gold annotations:
// precision, recall and F1 of entities per kind, linking accuracy (the
// right canonical id), role accuracy, event F1 (type, actors and targets)
// and event root-code figures (the CAMEO root alone, as event-data studies
// report it). The sets live beside this file: devset/ with its thresholds,
// heldout*/ annotated independently of the extractor's authors, and
// GUIDELINES.md, how every set is annotated. `geokg eval` prints the
// figures and fails below the thresholds, so extraction quality is a
// number, not a hope.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg"
)

// Gold is the hand annotation of one article.
type Gold struct {
	ID       string       `json:"id"`
	Entities []GoldEntity `json:"entities"`
	Roles    []GoldRole   `json:"roles"`
	Events   []GoldEvent  `json:"events"`
}

// GoldEntity is an entity the article names.
type GoldEntity struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// GoldRole is a role the article states.
type GoldRole struct {
	Person string `json:"person"`
	Title  string `json:"title"`
	Of     string `json:"of"`
}

// GoldEvent is an event as a careful reader codes it.
type GoldEvent struct {
	Type string `json:"type"`
	// Code is the full CAMEO code ("112"), when the annotator gave one.
	Code    string   `json:"code,omitempty"`
	Actors  []string `json:"actors"`
	Targets []string `json:"targets"`
	Date    string   `json:"date"`
}

// ReadGold reads gold annotations, one JSON object per line.
func ReadGold(path string) ([]Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Gold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g Gold
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// Counts are true positives, and the sizes of the predicted and gold sets.
type Counts struct{ TP, Pred, Gold int }

// P, R and F1 are precision, recall and their harmonic mean (1 when there
// is nothing to find and nothing was found).
func (c Counts) P() float64 { return ratio(c.TP, c.Pred) }
func (c Counts) R() float64 { return ratio(c.TP, c.Gold) }
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Report is the evaluation of a development set.
type Report struct {
	Articles int
	Entities map[string]*Counts // by kind, and "all"
	// Linked counts gold entities found by name (TP) and how many of those
	// carry the right canonical id (in Gold, reused as "correct").
	Linked, LinkedRight int
	Roles               Counts
	Events              Counts
	// Roots matches events on their CAMEO root code alone, one to one
	// within an article: did the extractor see that kind of act at all.
	Roots Counts
	// DatedRight counts matched events whose date equals the gold date.
	DatedRight int
	// Misses lists what went wrong, for whoever improves the extractor.
	Misses []string
}

// LinkingAccuracy is the share of found entities linked to the right id.
func (r Report) LinkingAccuracy() float64 { return ratio(r.LinkedRight, r.Linked) }

// Options tune how gold and facts are compared.
type Options struct {
	// Known reports whether an id is the knowledge base's. A gold id it
	// does not know names an entity the knowledge base lacks: the
	// annotator made it up by the guidelines' convention, and the
	// extractor's id for the same named entity is as good a name for it.
	// Nil treats every gold id as known, so ids must match exactly.
	Known func(id string) bool
}

// Evaluate compares facts (extracted from the development set, in any
// order) with gold. An article missing from facts counts as found nothing.
func Evaluate(golds []Gold, facts []geokg.Facts, opt Options) Report {
	byID := map[string]geokg.Facts{}
	for _, f := range facts {
		byID[strings.TrimPrefix(f.Article.ID, "article:")] = f
	}
	rep := Report{Articles: len(golds), Entities: map[string]*Counts{"all": {}}}
	for _, g := range golds {
		f := byID[g.ID]
		aligned := rep.entities(g, f)
		if opt.Known != nil {
			for gid := range aligned {
				if opt.Known(gid) {
					delete(aligned, gid)
				}
			}
		} else {
			clear(aligned)
		}
		rep.roles(g, f)
		rep.events(g, f, aligned)
		rep.roots(g, f)
	}
	return rep
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// entities matches gold entities to predicted mentions of the same kind by
// id, by name, or by a surface form equal to the gold name. It returns the
// gold ids matched by name to an entity of another id.
func (rep *Report) entities(g Gold, f geokg.Facts) map[string]string {
	aligned := map[string]string{}
	ents := map[string]geokg.Entity{}
	for _, e := range f.Entities {
		ents[e.ID] = e
	}
	type pred struct {
		id, kind, name string
		surface        []string
		used           bool
	}
	var preds []*pred
	for _, m := range f.Mentions {
		e := ents[m.EntityID]
		if e.ID == f.Article.AuthorID && e.Kind == geokg.KindPerson {
			continue // the byline is not annotated
		}
		preds = append(preds, &pred{id: m.EntityID, kind: string(e.Kind), name: e.Name, surface: m.Surface})
	}
	kindCounts := func(k string) *Counts {
		if rep.Entities[k] == nil {
			rep.Entities[k] = &Counts{}
		}
		return rep.Entities[k]
	}
	for _, p := range preds {
		kindCounts(p.kind).Pred++
		rep.Entities["all"].Pred++
	}
	for _, ge := range g.Entities {
		kindCounts(ge.Kind).Gold++
		rep.Entities["all"].Gold++
		var hit *pred
		for _, p := range preds {
			if !p.used && p.kind == ge.Kind && p.id == ge.ID {
				hit = p
				break
			}
		}
		for _, p := range preds {
			if hit == nil && !p.used && p.kind == ge.Kind && (norm(p.name) == norm(ge.Name) || slices.ContainsFunc(p.surface, func(s string) bool { return norm(s) == norm(ge.Name) })) {
				hit = p
			}
		}
		if hit == nil {
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s: entity not found: %s %s (%s)", g.ID, ge.Kind, ge.Name, ge.ID))
			continue
		}
		hit.used = true
		kindCounts(ge.Kind).TP++
		rep.Entities["all"].TP++
		rep.Linked++
		if hit.id == ge.ID {
			rep.LinkedRight++
		} else {
			aligned[ge.ID] = hit.id
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s: %s linked to %s, want %s", g.ID, ge.Name, hit.id, ge.ID))
		}
	}
	for _, p := range preds {
		if !p.used {
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s: entity not in gold: %s %s (%s)", g.ID, p.kind, p.name, p.id))
		}
	}
	return aligned
}

// roles counts gold roles stated in the article that the extractor read.
func (rep *Report) roles(g Gold, f geokg.Facts) {
	have := map[GoldRole]bool{}
	for _, r := range f.Relations {
		if r.Type == geokg.RelHoldsRole && r.Source == "article" {
			have[GoldRole{r.From, r.Title, r.To}] = true
		}
	}
	rep.Roles.Pred += len(have)
	rep.Roles.Gold += len(g.Roles)
	for _, r := range g.Roles {
		if have[r] {
			rep.Roles.TP++
		} else {
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s: role not found: %s %s of %s", g.ID, r.Person, r.Title, r.Of))
		}
	}
}

// events matches gold and predicted events one to one on type, actors and
// targets (as sets). Gold ids in aligned stand for the extractor's.
func (rep *Report) events(g Gold, f geokg.Facts, aligned map[string]string) {
	used := make([]bool, len(f.Events))
	rep.Events.Pred += len(f.Events)
	rep.Events.Gold += len(g.Events)
	align := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = id
			if a, ok := aligned[id]; ok {
				out[i] = a
			}
		}
		return out
	}
	for _, ge := range g.Events {
		found := false
		actors, targets := align(ge.Actors), align(ge.Targets)
		for i, ev := range f.Events {
			if !used[i] && ev.Type == ge.Type && sameSet(ev.IDsWithRole(geokg.RoleActor), actors) && sameSet(ev.IDsWithRole(geokg.RoleTarget), targets) {
				used[i], found = true, true
				if ev.Date == ge.Date {
					rep.DatedRight++
				} else {
					rep.Misses = append(rep.Misses, fmt.Sprintf("%s: %s event dated %q, want %q", g.ID, ge.Type, ev.Date, ge.Date))
				}
				break
			}
		}
		if found {
			rep.Events.TP++
		} else {
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s: event not found: %s %v -> %v", g.ID, ge.Type, ge.Actors, ge.Targets))
		}
	}
	for i, ev := range f.Events {
		if !used[i] {
			rep.Misses = append(rep.Misses, fmt.Sprintf("%s: event not in gold: %s %v -> %v", g.ID, ev.Type, ev.IDsWithRole(geokg.RoleActor), ev.IDsWithRole(geokg.RoleTarget)))
		}
	}
}

// roots matches gold and predicted events one to one on their CAMEO root
// code (ACCUSE and DISAPPROVE share 11), whoever the participants.
func (rep *Report) roots(g Gold, f geokg.Facts) {
	count := map[string]int{}
	for _, ev := range f.Events {
		count[geokg.RootCode(ev.Type)]++
		rep.Roots.Pred++
	}
	for _, ge := range g.Events {
		rep.Roots.Gold++
		if r := geokg.RootCode(ge.Type); count[r] > 0 {
			count[r]--
			rep.Roots.TP++
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// Thresholds are the minimum figures a development-set run must reach.
type Thresholds struct {
	EntityF1        float64 `json:"entity_f1"`
	LinkingAccuracy float64 `json:"linking_accuracy"`
	RoleAccuracy    float64 `json:"role_accuracy"`
	EventF1         float64 `json:"event_f1"`
}

// ReadThresholds reads thresholds from a JSON file.
func ReadThresholds(path string) (Thresholds, error) {
	var t Thresholds
	b, err := os.ReadFile(path)
	if err != nil {
		return t, err
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return t, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// Failures lists each figure below its threshold.
func (r Report) Failures(t Thresholds) []string {
	var out []string
	check := func(name string, got, min float64) {
		if got < min {
			out = append(out, fmt.Sprintf("%s %.3f is below the threshold %.3f", name, got, min))
		}
	}
	check("entity F1", r.Entities["all"].F1(), t.EntityF1)
	check("linking accuracy", r.LinkingAccuracy(), t.LinkingAccuracy)
	check("role accuracy", r.Roles.R(), t.RoleAccuracy)
	check("event F1", r.Events.F1(), t.EventF1)
	return out
}

// Print writes the figures as a table.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "%d articles\n\n", r.Articles)
	fmt.Fprintf(w, "%-14s %6s %6s %6s %6s %6s %6s\n", "entities", "P", "R", "F1", "tp", "pred", "gold")
	kinds := []string{"Person", "Country", "Organization", "Location", "Conflict", "all"}
	for _, k := range kinds {
		c := r.Entities[k]
		if c == nil {
			c = &Counts{}
		}
		fmt.Fprintf(w, "%-14s %6.3f %6.3f %6.3f %6d %6d %6d\n", k, c.P(), c.R(), c.F1(), c.TP, c.Pred, c.Gold)
	}
	fmt.Fprintf(w, "\nlinking accuracy %.3f (%d of %d found entities have the right id)\n", r.LinkingAccuracy(), r.LinkedRight, r.Linked)
	fmt.Fprintf(w, "role accuracy    %.3f (%d of %d gold roles; %d roles read)\n", r.Roles.R(), r.Roles.TP, r.Roles.Gold, r.Roles.Pred)
	fmt.Fprintf(w, "event P/R/F1     %.3f / %.3f / %.3f (%d matched, %d extracted, %d gold; type + actors + targets)\n",
		r.Events.P(), r.Events.R(), r.Events.F1(), r.Events.TP, r.Events.Pred, r.Events.Gold)
	fmt.Fprintf(w, "event root codes %.3f / %.3f / %.3f (P/R/F1 of the CAMEO root alone, matched one to one per article)\n",
		r.Roots.P(), r.Roots.R(), r.Roots.F1())
	fmt.Fprintf(w, "event dates      %.3f (%d of %d matched events dated as in the gold)\n", ratio(r.DatedRight, r.Events.TP), r.DatedRight, r.Events.TP)
}
