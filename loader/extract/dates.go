package extract

import (
	"strconv"
	"strings"
	"time"
)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"january": 1, "jan.": 1, "february": 2, "feb.": 2, "march": 3, "mar.": 3, "april": 4, "apr.": 4,
	"may": 5, "june": 6, "july": 7, "august": 8, "aug.": 8, "september": 9, "sept.": 9, "sep.": 9,
	"october": 10, "oct.": 10, "november": 11, "nov.": 11, "december": 12, "dec.": 12,
}

// sentenceDate finds the first date expression in toks and resolves it
// against the publication date ref (zero when unknown). It returns the date
// as YYYY-MM-DD, YYYY-MM or YYYY, and "" when the sentence names none or it
// cannot be resolved without a publication date.
func sentenceDate(toks []token, ref time.Time) string { return sentenceDateSkipping(toks, ref, nil) }

// sentenceDateSkipping is sentenceDate ignoring the date expressions that
// start at a token for which skip is true.
func sentenceDateSkipping(toks []token, ref time.Time, skip func(i int) bool) string {
	known := !ref.IsZero()
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	for i := 0; i < len(toks); i++ {
		if skip != nil && skip(i) {
			continue
		}
		w := toks[i].lower
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].lower
		}
		switch {
		case w == "today" || w == "tonight" || (w == "this" && (next == "morning" || next == "afternoon" || next == "evening")):
			if known {
				return day(ref)
			}
		case w == "yesterday":
			if known {
				return day(ref.AddDate(0, 0, -1))
			}
		case w == "last" && next == "week":
			// "last week's attack" dates the attack, not the sentence's act.
			if known && !(i+2 < len(toks) && toks[i+2].lower == "'s") {
				return day(ref.AddDate(0, 0, -7))
			}
		case w == "last" && next == "month":
			if known {
				return ref.AddDate(0, -1, 0).Format("2006-01")
			}
		case w == "last" && next == "year":
			if known {
				return strconv.Itoa(ref.Year() - 1)
			}
		case weekdays[w] != 0 || w == "sunday":
			if known && toks[i].isCap() {
				// News uses a bare weekday for the most recent one, or
				// the publication day itself.
				back := (int(ref.Weekday()) - int(weekdays[w]) + 7) % 7
				return day(ref.AddDate(0, 0, -back))
			}
		case months[w] != 0 && toks[i].isCap():
			// "agreed to step down by October 15": a deadline, not the
			// day of the act.
			if i > 0 && bounds[toks[i-1].lower] {
				continue
			}
			if d := monthDate(toks, i, ref); d != "" {
				return d
			}
		// "since 1965" or "by May" bound a period; they do not date the
		// act the sentence reports.
		case isYear(w) && i > 0 && (toks[i-1].lower == "in" || toks[i-1].lower == "of"):
			return w
		}
	}
	return ""
}

// monthDate reads "March 24, 1999", "March 24", "March 1999" or "24 March
// 1999" around the month token at i.
func monthDate(toks []token, i int, ref time.Time) string {
	m := months[toks[i].lower]
	num := func(k int) (int, bool) {
		if k < 0 || k >= len(toks) {
			return 0, false
		}
		n, err := strconv.Atoi(toks[k].text)
		return n, err == nil
	}
	d, hasDay := num(i + 1)
	if hasDay && (d < 1 || d > 31) {
		hasDay = false
	}
	if !hasDay {
		if dd, ok := num(i - 1); ok && dd >= 1 && dd <= 31 {
			d, hasDay = dd, true
		}
	}
	year := 0
	for k := i + 1; k <= i+3 && k < len(toks); k++ {
		if isYear(toks[k].text) {
			year, _ = strconv.Atoi(toks[k].text)
			break
		}
	}
	explicitYear := year != 0
	if year == 0 {
		if ref.IsZero() {
			return ""
		}
		year = ref.Year()
		// "March 24" in an article of January means last March.
		if m > ref.Month() {
			year--
		}
	}
	if !hasDay {
		// A bare month name must be introduced ("in May", "last March")
		// or carry its year: "May said" is Theresa May.
		if !explicitYear && !(i > 0 && monthIntro[toks[i-1].lower]) {
			return ""
		}
		// "finished by the end of May" bounds a period, as "by May" does.
		if i >= 4 && toks[i-1].lower == "of" && periodParts[toks[i-2].lower] && toks[i-3].lower == "the" && bounds[toks[i-4].lower] {
			return ""
		}
		return time.Date(year, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	}
	t := time.Date(year, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return ""
	}
	return t.Format(time.DateOnly)
}

// periodParts and bounds make "by the end of May" a deadline, not a date.
var (
	periodParts = map[string]bool{"end": true, "start": true, "beginning": true, "middle": true}
	bounds      = map[string]bool{"by": true, "until": true, "till": true, "before": true}
)

// monthIntro are the words that make a bare month name a date.
var monthIntro = map[string]bool{"in": true, "early": true, "late": true,
	"mid": true, "last": true, "next": true, "this": true, "of": true, "during": true}

func isYear(s string) bool {
	if len(s) != 4 || !(strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) {
		return false
	}
	_, err := strconv.Atoi(s)
	return err == nil
}
