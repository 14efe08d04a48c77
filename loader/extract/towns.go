package extract

// Towns: the generated table's small places, read only where the article
// is about their country.

import (
	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

// anchorTowns keeps a town only where the article also names its country,
// or a place in it that is no town itself: "Syrian troops retook Palmyra"
// is the Syrian town, while "Palmyra" in an article naming nothing of
// Syria is most likely a word, a person or another place. A name that
// several countries' towns share (Bethlehem) is read as the one whose
// country the article names. A town named in the dateline is kept, and
// names its country for the others: a dateline names a place and nothing
// else.
//
// It runs once every sentence's names are matched, and before any pass
// reads the mentions as actors, targets or places of events, so a dropped
// town leaves its words to the passes after it.
func (st *article) anchorTowns() {
	var towns bool
	named := map[string]bool{} // countries the article names, itself or by a place in it
	for _, s := range st.sents {
		for _, m := range s.ments {
			switch l := st.town(m.id); {
			case l != nil:
				towns = true
				if m.dateline {
					named[l.Country] = true
				}
			case m.kind == geokg.KindCountry:
				named[m.id] = true
			case m.kind == geokg.KindLocation:
				if l, ok := st.x.kb.Location(m.id); ok && l.Country != "" {
					named[l.Country] = true
				}
			}
		}
	}
	if !towns {
		return
	}
	dropped := map[string]bool{}
	for _, s := range st.sents {
		kept := s.ments[:0]
		for _, m := range s.ments {
			if l := st.town(m.id); l != nil && !m.dateline && !named[l.Country] {
				if !st.reanchor(m, named) {
					dropped[m.id] = true
					continue
				}
			}
			kept = append(kept, m)
		}
		s.ments, s.cover = kept, nil
	}
	for _, s := range st.sents {
		for _, m := range s.ments {
			delete(dropped, m.id)
		}
	}
	for id := range dropped {
		delete(st.mentions, id)
	}
}

// reanchor reads m as another entity its words may name, a town of a
// country the article names or anything that is no town, and reports
// whether it found one.
func (st *article) reanchor(m *mention, named map[string]bool) bool {
	for _, a := range m.alts {
		if l := st.town(a.id); l == nil || named[l.Country] {
			m.id, m.kind, m.demonym = a.id, a.kind, a.demonym
			st.mentions[m.id] = true
			return true
		}
	}
	return false
}

// town returns the generated town id names, nil for anything else.
func (st *article) town(id string) *kb.Location {
	if l, ok := st.x.kb.Location(id); ok && l.Generated && l.Type == kb.TownType {
		return l
	}
	return nil
}
