package main

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/geokg/geokg/loader/kb"
)

// The dictionary files read, and the generated files written.
const (
	verbSource   = "CAMEO.2.0.txt"
	agentSource  = "Phoenix.agents.txt"
	verbsOutput  = "verbs.generated.json"
	agentsOutput = "agents.generated.json"
	actorsOutput = "actors.generated.json"
)

// actorSources are the actor dictionaries, in the order they are read:
// an entry found in an earlier file wins an id over a later one.
var actorSources = []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"}

// generated is the content of the three generated files and the report of
// how they were made.
type generated struct {
	files map[string][]byte
	rep   *report
}

// generate converts the dictionaries in src, reading the curated
// knowledge base from dataDir.
func generate(src, dataDir string) (*generated, error) {
	g := &generated{files: map[string][]byte{}, rep: newReport()}
	b, err := g.verbs(src)
	if err != nil {
		return nil, err
	}
	g.files[verbsOutput] = b
	agents, err := g.agents(src)
	if err != nil {
		return nil, err
	}
	w := &jsonWriter{}
	n, err := notice(src, agentSource)
	if err != nil {
		return nil, err
	}
	w.buf.WriteString("{\n")
	w.field("", "notice", n, false)
	records(w, "", "agents", agents, true)
	w.buf.WriteString("}\n")
	if g.files[agentsOutput], err = w.bytes(); err != nil {
		return nil, err
	}
	curated, err := loadCurated(dataDir)
	if err != nil {
		return nil, err
	}
	var entries []*entry
	for _, name := range actorSources {
		f, err := os.Open(filepath.Join(src, name))
		if err != nil {
			return nil, err
		}
		es, err := parseActors(f, name, g.rep)
		f.Close()
		if err != nil {
			return nil, err
		}
		entries = append(entries, es...)
	}
	people, bodies := newConverter(curated, agents, g.rep).convert(entries)
	if n, err = notice(src, actorSources...); err != nil {
		return nil, err
	}
	w = &jsonWriter{}
	w.buf.WriteString("{\n")
	w.field("", "notice", n, false)
	records(w, "", "people", people, false)
	records(w, "", "bodies", bodies, true)
	w.buf.WriteString("}\n")
	if g.files[actorsOutput], err = w.bytes(); err != nil {
		return nil, err
	}
	return g, nil
}

// loadCurated loads the knowledge base in dataDir without the files this
// generator writes, so that what it writes depends on the curated data
// and never on its own earlier output; nor with the town table, which the
// knowledge base fits around the dictionaries (towns named like their
// people are left out), so that neither depends on the other.
func loadCurated(dataDir string) (*kb.KB, error) {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return nil, err
	}
	k, err := kb.LoadFS(withoutGenerated{os.DirFS(filepath.Dir(abs))}, filepath.Base(abs))
	if err != nil {
		return nil, fmt.Errorf("curated knowledge base: %w", err)
	}
	return k, nil
}

// withoutGenerated hides the generator's own output files and the town
// table.
type withoutGenerated struct{ fsys fs.FS }

func ours(name string) bool {
	base := path.Base(name)
	return base == verbsOutput || base == agentsOutput || base == actorsOutput || base == townsTable
}

// townsTable is the knowledge base's generated town table (see
// kb.addTowns).
const townsTable = "towns.generated.json"

func (w withoutGenerated) Open(name string) (fs.File, error) {
	if ours(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.fsys.Open(name)
}

func (w withoutGenerated) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(w.fsys, name)
	return slices.DeleteFunc(es, func(e fs.DirEntry) bool { return ours(e.Name()) }), err
}

func (g *generated) agents(src string) ([]kb.Agent, error) {
	f, err := os.Open(filepath.Join(src, agentSource))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseAgents(f, agentSource, g.rep)
}

func (g *generated) verbs(src string) ([]byte, error) {
	f, err := os.Open(filepath.Join(src, verbSource))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	synsets, blocks, err := parseVerbs(f, verbSource, g.rep)
	if err != nil {
		return nil, err
	}
	n, err := notice(src, verbSource)
	if err != nil {
		return nil, err
	}
	w := &jsonWriter{}
	w.buf.WriteString("{\n")
	w.field("", "notice", n, false)
	records(w, "", "synsets", synsets, false)
	w.buf.WriteString(`"blocks": [` + "\n")
	for i, b := range blocks {
		fmt.Fprintf(&w.buf, "  {%s: %s, %s: %s,\n", w.value("name"), w.value(b.Name), w.value("code"), w.value(b.Code))
		records(w, "   ", "verbs", b.Verbs, false)
		records(w, "   ", "patterns", b.Patterns, true)
		fmt.Fprintf(&w.buf, "  }%s\n", comma(i == len(blocks)-1))
	}
	w.buf.WriteString("]\n}\n")
	return w.bytes()
}

// write writes the generated files into dir.
func (g *generated) write(dir string) error {
	for _, name := range sortedKeys(g.files) {
		if err := os.WriteFile(filepath.Join(dir, name), g.files[name], 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}
