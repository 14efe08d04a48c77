package extract

// When an act happened, when its sentence names more than one date or
// dates it by another ("two days after", "the same day").

import (
	"strconv"
	"time"

	"github.com/geokg/geokg"
)

// datesConflict reports whether token i directly follows a conflict's name
// (closing quotes aside).
//
// It returns the test for the sentence's mentions as they are, asked of
// every token, so the conflicts' ends are collected once.
func (s *sentence) datesConflict() func(i int) bool {
	ends := map[int]bool{}
	for _, m := range s.ments {
		if m.kind == geokg.KindConflict {
			ends[m.end] = true
		}
	}
	return func(i int) bool {
		j := i
		for j > 0 && (s.toks[j-1].text == `"` || s.toks[j-1].text == "'") {
			j--
		}
		return ends[j]
	}
}

// numberWords are the counts a relative date spells out.
var numberWords = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10}

// offsetDays returns how many days a trigger at i lies from the sentence's
// date when it stands in a clause such as "two days after NATO bombs hit":
// -2 there, +n after "n days before". The clause runs from its "after" to
// the trigger without a comma, so a leading "Two days after the strike,
// Russia condemned it" leaves the main verb alone.
func (s *sentence) offsetDays(i int) (int, bool) {
	for k := i - 1; k >= 2 && i-k <= 12; k-- {
		w := s.toks[k].lower
		// A comma ends the clause, unless it only parts names in a list
		// ("after the United States, Britain and France opened").
		if w == "," && !(s.mentionEndingAt(k) != nil && s.mentionAt(k+1) != nil) || w == ";" || w == "." {
			return 0, false
		}
		if w != "after" && w != "before" {
			continue
		}
		unit := s.toks[k-1].lower
		per := daysIn[unit]
		if per == 0 {
			return 0, false
		}
		n, ok := numberWords[s.toks[k-2].lower]
		if !ok {
			if s.toks[k-2].lower == "the" && unit == "day" {
				n, ok = 1, true
			} else if d, err := strconv.Atoi(s.toks[k-2].text); err == nil && d > 0 && d < 60 {
				n, ok = d, true
			}
		}
		if !ok {
			return 0, false
		}
		if w == "after" {
			return -n * per, true
		}
		return n * per, true
	}
	return 0, false
}

// shiftDay moves a YYYY-MM-DD date by days; coarser dates stay as they are.
func shiftDay(date string, days int) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.AddDate(0, 0, days).Format(time.DateOnly)
}

// sameDay reports whether the sentence dates itself by the one before:
// "the same day", "that day", "on the same day".
func (s *sentence) sameDay() bool {
	for i := 1; i < len(s.toks); i++ {
		if s.toks[i].lower != "day" {
			continue
		}
		if w := s.toks[i-1].lower; w == "that" || (w == "same" && i > 1 && s.toks[i-2].lower == "the") {
			return true
		}
	}
	return false
}

// continues reports whether s, which has no date of its own, follows right
// after the last dated sentence within one paragraph.
func (st *article) continues(s *sentence) bool {
	d := st.lastDated
	return d != nil && d.idx == s.idx-1 && d.para == s.para && d.idx > 0
}

// clauseEnders end the stretch after a trigger where its own date may
// stand: "recalled its ambassador on Monday, hours after ...".
var clauseEnders = map[string]bool{",": true, ";": true, "that": true, "which": true, "who": true, "whom": true,
	"whose": true, "when": true, "after": true, "before": true, "since": true, "until": true, "while": true,
	"because": true, "and": true, "but": true}

// clauseDate returns the date written in the trigger's own clause: after
// it (from end up to the next trigger or clause boundary), else before it
// (from the previous trigger's end, from). "" when its clause has none.
func (st *article) clauseDate(s *sentence, from, i, end int, skip func(int) bool) string {
	within := func(a, b int) string {
		if a >= b {
			return ""
		}
		return sentenceDateSkipping(s.toks[a:b], st.ref, func(j int) bool { return skip(a + j) })
	}
	stop := end
	for stop < len(s.toks) && len(st.x.triggers.matchesAt(s.toks, stop)) == 0 {
		// The comma of "February 24, 2022" is the date's own.
		if w := s.toks[stop].lower; clauseEnders[w] && !(w == "," && stop+1 < len(s.toks) && isYear(s.toks[stop+1].text)) {
			break
		}
		stop++
	}
	if d := within(end, stop); d != "" {
		return d
	}
	return within(from, i)
}

// daysIn are the days in a unit a relative date counts.
var daysIn = map[string]int{"day": 1, "days": 1, "week": 7, "weeks": 7}
