package main

import (
	"strings"

	"github.com/geokg/geokg/loader/kb"
)

// curatedIndex is what the generator needs to know of the curated
// knowledge base to leave out what it already holds.
type curatedIndex struct {
	ids        map[string]bool   // every entity id
	names      map[string]bool   // every folded name, alias, demonym and metonym
	personName map[string]string // folded name or alias -> person id
	surname    map[string]string // surname|country|initial -> person id
	// byCountry lists, per country, the folded names of its curated
	// people, for names written with a middle name.
	byCountry map[string][]curatedName
	orgName   map[string]string // folded name or alias -> organization id
}

func indexCurated(k *kb.KB) *curatedIndex {
	x := &curatedIndex{ids: map[string]bool{}, names: map[string]bool{}, personName: map[string]string{},
		surname: map[string]string{}, orgName: map[string]string{}, byCountry: map[string][]curatedName{}}
	name := func(id string, ns ...string) {
		x.ids[id] = true
		for _, n := range ns {
			if f := fold(n); f != "" {
				x.names[f] = true
			}
		}
	}
	for _, c := range k.Countries {
		name(c.ID, append(append(append([]string{c.Name}, c.Aliases...), c.Demonyms...), c.Metonyms...)...)
	}
	for _, p := range k.People {
		ns := append([]string{p.Name}, p.Aliases...)
		name(p.ID, ns...)
		countries := []string{p.Country}
		for _, r := range p.Roles {
			if strings.HasPrefix(r.Of, "country:") {
				countries = append(countries, r.Of)
			}
		}
		for _, n := range ns {
			f := fold(n)
			x.personName[f] = p.ID
			for _, c := range countries {
				if k := surnameKey(f, c); k != "" {
					x.surname[k] = p.ID
				}
				if strings.Count(f, " ") > 0 && c != "" {
					x.byCountry[c] = append(x.byCountry[c], curatedName{words: strings.Fields(f), id: p.ID})
				}
			}
		}
	}
	for _, o := range k.Organizations {
		ns := append([]string{o.Name}, o.Aliases...)
		name(o.ID, ns...)
		for _, n := range ns {
			x.orgName[fold(n)] = o.ID
		}
	}
	for _, l := range k.Locations {
		name(l.ID, append([]string{l.Name}, l.Aliases...)...)
	}
	for _, c := range k.Conflicts {
		name(c.ID, append([]string{c.Name}, c.Aliases...)...)
	}
	return x
}

// curatedName is a curated person's folded name as words.
type curatedName struct {
	words []string
	id    string
}

// surnameKey keys a folded name of two words or more by its surname, a
// country and its first initial; "" when it cannot be keyed.
func surnameKey(folded, country string) string {
	w := strings.Fields(folded)
	if len(w) < 2 || country == "" {
		return ""
	}
	return w[len(w)-1] + "|" + country + "|" + w[0][:1]
}

// personDuplicate returns the curated person a dictionary person is: one
// with the same folded name or alias; or of the same country with the same
// surname and first initial ("V. Putin" of Russia is Vladimir Putin), or
// whose name the dictionary writes with more words ("James Gordon Brown").
func (x *curatedIndex) personDuplicate(a kb.DictionaryActor) string {
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if id, ok := x.personName[fold(n)]; ok {
			return id
		}
	}
	countries := []string{a.Country}
	for _, r := range a.Roles {
		if strings.HasPrefix(r.Of, "country:") {
			countries = append(countries, r.Of)
		}
	}
	for _, c := range countries {
		if id, ok := x.surname[surnameKey(fold(a.Name), c)]; ok {
			return id
		}
		// "James Gordon Brown" of the United Kingdom is Gordon Brown: a
		// name holding all the words of a curated one of the same
		// country, in order, is that person's.
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			words := strings.Fields(fold(n))
			for _, cn := range x.byCountry[c] {
				if len(words) > len(cn.words) && inOrder(cn.words, words) && words[len(words)-1] == cn.words[len(cn.words)-1] {
					return cn.id
				}
			}
		}
	}
	return ""
}

// inOrder reports whether every word of sub appears in words, in order.
func inOrder(sub, words []string) bool {
	i := 0
	for _, w := range words {
		if i < len(sub) && w == sub[i] {
			i++
		}
	}
	return i == len(sub)
}

// bodyDuplicate returns the curated organization with the same folded
// name or alias as a dictionary body.
func (x *curatedIndex) bodyDuplicate(a kb.DictionaryActor) string {
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if id, ok := x.orgName[fold(n)]; ok {
			return id
		}
	}
	return ""
}
