package main

import (
	"fmt"
	"io"
)

// tally counts what one conversion decided, in the order the counts were
// first made, so the report reads the same on every run.
type tally struct {
	keys []string
	n    map[string]int
}

func (t *tally) add(key string, n int) {
	if t.n == nil {
		t.n = map[string]int{}
	}
	if _, ok := t.n[key]; !ok {
		t.keys = append(t.keys, key)
	}
	t.n[key] += n
}

func (t *tally) inc(key string) { t.add(key, 1) }

// get returns the count under key, 0 when none was made.
func (t *tally) get(key string) int { return t.n[key] }

// problem is a source line the generator could not use as it stands,
// with the reason. Every one is reported: nothing is dropped silently.
type problem struct {
	file   string
	line   int
	text   string
	reason string
}

func (p problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %q", p.file, p.line, p.reason, p.text)
}

// report gathers the counts and problems of every conversion.
type report struct {
	sections []string
	tallies  map[string]*tally
	problems []problem
	notes    []string
}

func newReport() *report { return &report{tallies: map[string]*tally{}} }

// tally returns the counts of section, created on first use.
func (r *report) tally(section string) *tally {
	t, ok := r.tallies[section]
	if !ok {
		t = &tally{}
		r.tallies[section] = t
		r.sections = append(r.sections, section)
	}
	return t
}

func (r *report) problem(file string, line int, text, reason string) {
	r.problems = append(r.problems, problem{file: file, line: line, text: text, reason: reason})
}

// note records a decision worth listing one by one, such as an id that
// needed a suffix.
func (r *report) note(s string) { r.notes = append(r.notes, s) }

// write prints the counts, the notes, then every problem.
func (r *report) write(w io.Writer) {
	for _, s := range r.sections {
		t := r.tallies[s]
		fmt.Fprintf(w, "%s:\n", s)
		// In name order, so that counts of one kind ("people dropped:
		// ...") stand together.
		for _, k := range sortedKeys(t.n) {
			fmt.Fprintf(w, "  %-58s %7d\n", k, t.n[k])
		}
	}
	fmt.Fprintf(w, "notes: %d\n", len(r.notes))
	for _, n := range r.notes {
		fmt.Fprintf(w, "  %s\n", n)
	}
	fmt.Fprintf(w, "lines not used as they stand: %d\n", len(r.problems))
	for _, p := range r.problems {
		fmt.Fprintf(w, "  %s\n", p)
	}
}
