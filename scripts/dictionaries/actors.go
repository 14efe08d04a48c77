package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// An actor dictionary is a list of entries:
//
//	PRIMARY_PHRASE  [CODE DATES]  # comment
//	+SYNONYM_PHRASE
//		[CODE DATES]
//
// A primary phrase starts at the beginning of a line; synonyms follow with
// "+"; codes follow on the primary line or on lines of their own, indented,
// several to a line at times. DATES is empty (the default code), ">DATE"
// (from), "<DATE" (until) or "DATE-DATE", a DATE being YYMMDD or YYYYMMDD.
// The comment on the primary line often names the list an entry came from
// ("CountryInfo.txt", the list of heads of state and ministers).

// entry is one actor-dictionary entry as written.
type entry struct {
	file    string
	line    int
	phrase  string // the primary phrase, upper case, words space-joined
	aliases []alias
	codes   []actorCode
	comment string // the comment of the primary line
	section string // the last heading comment before the entry
}

type alias struct {
	phrase string
	line   int
}

// actorCode is one code of an entry with its period. Since and Until are
// YYYY-MM-DD or empty when open.
type actorCode struct {
	code         string
	since, until string
	line         int
}

var (
	codeGroup     = regexp.MustCompile(`\[([^\]]*)\]`)
	actorCodeText = regexp.MustCompile(`^([A-Z][A-Z0-9]*|---)$`)
)

// parseActors reads one actor dictionary.
func parseActors(r io.Reader, file string, rep *report) ([]*entry, error) {
	var entries []*entry
	var cur *entry
	section := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		text, comment, _ := strings.Cut(raw, "#")
		trimmed := strings.TrimSpace(text)
		if trimmed == "" {
			if strings.HasPrefix(raw, "#") {
				if h := heading(comment); h != "" {
					section = h
				}
			}
			continue
		}
		indented := raw[0] == ' ' || raw[0] == '\t'
		switch {
		case trimmed[0] == '[' && (indented || cur != nil):
			if cur == nil {
				rep.problem(file, n, raw, "codes before any entry")
				continue
			}
			cur.codes = append(cur.codes, readCodes(file, n, raw, trimmed, rep)...)
		case trimmed[0] == '+':
			if cur == nil {
				rep.problem(file, n, raw, "synonym before any entry")
				continue
			}
			phrase, codes := splitCodes(trimmed[1:])
			if phrase = actorPhrase(phrase); phrase != "" {
				cur.aliases = append(cur.aliases, alias{phrase: phrase, line: n})
			}
			// A code written after a synonym belongs to the entry, as in
			// PETRARCH2's reader, which keeps codes per entry.
			cur.codes = append(cur.codes, readCodes(file, n, raw, codes, rep)...)
		case indented:
			rep.problem(file, n, raw, "indented line that is neither a code nor a synonym")
		default:
			phrase, codes := splitCodes(trimmed)
			cur = &entry{file: file, line: n, phrase: actorPhrase(phrase), comment: strings.TrimSpace(comment), section: section}
			if cur.phrase == "" {
				rep.problem(file, n, raw, "entry without a phrase")
				cur = nil
				continue
			}
			cur.codes = readCodes(file, n, raw, codes, rep)
			entries = append(entries, cur)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return entries, nil
}

// heading returns a comment that reads as a section heading ("######
// NGOs ######", "# Presidents"), trimmed of its hashes, or "".
func heading(comment string) string {
	h := strings.TrimSpace(strings.Trim(strings.TrimSpace(comment), "#"))
	if h == "" || strings.HasPrefix(h, "+") || strings.Contains(h, "[") || len(h) > 60 {
		return ""
	}
	return h
}

// splitCodes splits "PHRASE [CODE] [CODE]" into the phrase and the codes.
func splitCodes(s string) (phrase, codes string) {
	if i := strings.Index(s, "["); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// actorPhrase upper-cases a phrase and joins its words, written with "_"
// or spaces, by single spaces.
func actorPhrase(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " "))
}

// readCodes reads every "[CODE DATES]" of s. A code that cannot be read
// is reported and left out; the entry keeps its other codes.
func readCodes(file string, n int, raw, s string, rep *report) []actorCode {
	var out []actorCode
	rest := codeGroup.ReplaceAllString(s, "")
	if strings.TrimSpace(rest) != "" {
		rep.problem(file, n, raw, "text beside the codes is ignored")
	}
	for _, m := range codeGroup.FindAllStringSubmatch(s, -1) {
		fields := strings.Fields(m[1])
		if len(fields) == 0 || !actorCodeText.MatchString(fields[0]) {
			rep.problem(file, n, raw, "malformed code ["+m[1]+"]; code skipped")
			continue
		}
		c := actorCode{code: fields[0], line: n}
		if err := c.readPeriod(strings.Join(fields[1:], "")); err != nil {
			rep.problem(file, n, raw, fmt.Sprintf("code [%s]: %v; code skipped", m[1], err))
			continue
		}
		out = append(out, c)
	}
	return out
}

// readPeriod reads "", ">D", "<D" or "D-D".
func (c *actorCode) readPeriod(p string) error {
	var err error
	switch {
	case p == "":
	case strings.HasPrefix(p, ">"):
		c.since, err = actorDate(p[1:])
	case strings.HasPrefix(p, "<"):
		c.until, err = actorDate(p[1:])
	case strings.Contains(p, "-"):
		from, to, _ := strings.Cut(p, "-")
		if c.since, err = actorDate(from); err == nil {
			c.until, err = actorDate(to)
		}
		if err == nil && c.until < c.since {
			err = fmt.Errorf("period ends before it starts")
		}
	default:
		err = fmt.Errorf("a date with neither <, > nor a range")
	}
	return err
}

// actorDate turns YYMMDD or YYYYMMDD into YYYY-MM-DD. A two-digit year
// 00-29 is 20xx and 30-99 is 19xx.
func actorDate(s string) (string, error) {
	var y string
	switch len(s) {
	case 6:
		if s[:2] < "30" {
			y = "20" + s[:2]
		} else {
			y = "19" + s[:2]
		}
		s = s[2:]
	case 8:
		y, s = s[:4], s[4:]
	default:
		return "", fmt.Errorf("date %q is neither YYMMDD nor YYYYMMDD", s)
	}
	d := y + "-" + s[:2] + "-" + s[2:]
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return "", fmt.Errorf("date %q is not a calendar date", d)
	}
	return d, nil
}
