package extract

// Cues: conflicts named only by context ("the gas attack" in an article
// about Syria), chosen by the date.

import (
	"sort"
	"strings"
	"time"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/loader/kb"
)

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
