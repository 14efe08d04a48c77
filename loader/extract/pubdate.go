package extract

// When an article carries no date: what its text says about when it was
// written. Offices bound it (a "Secretary of State Rex Tillerson" writes
// between February 2017 and March 2018), explicit dates and named
// conflicts start it no earlier than the latest of them, and an attack the
// article dates relatively ("the gas attack last week") places it.

import (
	"time"

	"github.com/geokg/geokg/loader/kb"
)

// inferDate gives an undated article the date its text implies, marked as
// inferred: a day when an event the article dates relatively fixes it,
// else the month or year its bounds share, else none. It runs after
// titles are read (their terms bound the date) and before anything that
// resolves dates.
func (st *article) inferDate() {
	if !st.ref.IsZero() || st.a.Published != "" {
		return
	}
	lo, hi := st.dateBounds()
	if lo == "" && hi == "" {
		return
	}
	if hi == "" {
		hi = "9999-12-31"
	}
	if lo > hi {
		return // the clues contradict each other: better no date
	}
	if day, ok := st.anchorDay(lo, hi); ok {
		st.ref = day
		st.a.Published, st.a.PublishedInferred = day.Format(time.DateOnly), true
		return
	}
	switch {
	case lo != "" && lo[:7] == hi[:7]:
		st.a.Published, st.a.PublishedInferred = lo[:7], true
	case lo != "" && lo[:4] == hi[:4]:
		st.a.Published, st.a.PublishedInferred = lo[:4], true
	}
}

// dateBounds returns the earliest and latest day the article can have been
// written on, "" where nothing bounds it: the terms of the offices its
// titles give, its latest explicit date and the start of the latest
// conflict it names.
func (st *article) dateBounds() (lo, hi string) {
	for _, r := range st.rels {
		if r.Source != "article" || r.Type != "HOLDS_ROLE" {
			continue
		}
		since, until, ok := st.termSpan(r.From, r.Title, r.To)
		if !ok {
			continue
		}
		lo = maxDay(lo, since)
		if until != "" && (hi == "" || until < hi) {
			hi = until
		}
	}
	for _, s := range st.sents {
		for i, t := range s.toks {
			if months[t.lower] != 0 && t.isCap() {
				if d := monthDate(s.toks, i, time.Time{}); len(d) >= 7 {
					lo = maxDay(lo, dayOf(d, false))
				}
			}
		}
		for _, m := range s.ments {
			if c, ok := st.x.kb.Conflict(m.id); ok && c.Start != "" && !m.viaCue {
				lo = maxDay(lo, c.Start)
			}
		}
	}
	return lo, hi
}

// termSpan returns the first and last day person held title of of, over
// all their terms ("President Putin" spans 2000 to now, his premiership
// between): the article was written within it.
func (st *article) termSpan(person, title, of string) (since, until string, ok bool) {
	p, found := st.x.kb.Person(person)
	if !found {
		return "", "", false
	}
	open := false
	for _, r := range p.Roles {
		if !sameTitle(r.Title, title) || r.Of != of || r.Since == "" {
			continue
		}
		if s := dayOf(r.Since, false); !ok || s < since {
			since = s
		}
		if r.Until == "" {
			open = true
		} else if u := dayOf(r.Until, true); u > until {
			until = u
		}
		ok = true
	}
	if open {
		until = ""
	}
	return since, until, ok
}

// anchorDay finds a one-day conflict the article names by a cue together
// with a relative date ("the gas attack last week", "Tuesday's chemical
// attack") and returns the day that makes the date true, when exactly one
// conflict within [lo, hi] fits.
func (st *article) anchorDay(lo, hi string) (time.Time, bool) {
	var found *kb.Conflict
	var offset int
	for _, s := range st.sents {
		back, ok := relativeDays(s)
		if !ok {
			continue
		}
		for i := range s.toks {
			for _, m := range st.x.cues.matchesAt(s.toks, i) {
				c := m.v.conflict
				if c.Start == "" || c.Start != c.End || c.Start < shiftDay(lo, -31) || c.Start > hi {
					continue
				}
				if !st.cueHolds(m.v) {
					continue
				}
				if found != nil && found.ID != c.ID {
					return time.Time{}, false // two fit: no guess
				}
				found, offset = c, back
			}
		}
	}
	if found == nil {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, found.Start)
	if err != nil {
		return time.Time{}, false
	}
	return t.AddDate(0, 0, offset), true
}

// cueHolds reports whether a cue's context is in the article: the entities
// it needs are mentioned. (Its nearby words are checked where cues are
// matched; here the article-wide condition is enough to date it.)
func (st *article) cueHolds(ref cueRef) bool {
	if len(ref.cue.With) == 0 {
		return true
	}
	for _, w := range ref.cue.With {
		if st.mentions[w] {
			return true
		}
	}
	return false
}

// relativeDays returns how many days before the article a sentence's
// relative date expression lies ("last week": 7, "yesterday": 1).
func relativeDays(s *sentence) (int, bool) {
	for i, t := range s.toks {
		next := ""
		if i+1 < len(s.toks) {
			next = s.toks[i+1].lower
		}
		switch {
		case t.lower == "yesterday":
			return 1, true
		case t.lower == "last" && next == "week":
			return 7, true
		case t.lower == "this" && next == "week":
			return 2, true
		case t.lower == "days" && i > 0 && s.toks[i-1].lower == "few" && next == "ago":
			return 3, true
		}
	}
	return 0, false
}

// dayOf widens a date given to the month or year to its first or last day.
func dayOf(d string, last bool) string {
	switch len(d) {
	case 4:
		if last {
			return d + "-12-31"
		}
		return d + "-01-01"
	case 7:
		if last {
			t, err := time.Parse("2006-01", d)
			if err != nil {
				return d
			}
			return t.AddDate(0, 1, -1).Format(time.DateOnly)
		}
		return d + "-01"
	}
	return d
}

func maxDay(a, b string) string {
	if b > a {
		return b
	}
	return a
}
