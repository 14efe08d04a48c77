package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/loader/kb"
)

// verbText is a small verb file in the dictionary's format, with the lines
// that are hard to read: a multi-word verb with irregular forms, a verb
// cancelling its block's code, a pattern with a synset, a braced phrase
// and a prepositional group, codes with a reverse and with none, synsets
// whose "_" stops plurals, a line that cannot be read and a
// transformation.
const verbText = `# header comment
####### SYNONYM SETS #######
&AUXVERB1_
+WAS
+WERE
&SECURITY
+SECURITY_
+PROTECTION
+SAFEGUARD
&TOWN
+TOWN
+CITY
+URBAN_AREA
&AIRCRAFT
+AIRCRAFT_
+HELICOPTER
####### VERB PATTERNS #######
---  ARRANGE   [---]  ---
STAGE
PUT {PUTS PUTTING }  # HUX 11/26/97
- &AIRCRAFT * {MOCK ATTACKS} (IN &TOWN)              [062:062]     # STAGE
- * OFF (FOR)                                         [042:043]     # SET
- * INCIDENTS                                         [---]         # AVOID
- * (BEFORE COURT)                                    [:173]        # APPEAR
- * DOWN (FROM)                                       [080!]        # BACK
---  ATTACK   [190]  ---
+SHOOT_DOWN {+SHOOTS_DOWN +SHOOTING_DOWN +SHOT_DOWN } # note
+BEEF_UP
HOLD {HOLDS HOLDING HELD } [---] # HUX 10/10/97
ATTACK
- * (IN AIR ATTACK/BOMBING) [195]
- * (IN &WEATHER) [---]
######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
`

func parseVerbText(t *testing.T) ([]kb.Synset, []kb.VerbBlock, *report) {
	t.Helper()
	rep := newReport()
	synsets, blocks, err := parseVerbs(strings.NewReader(verbText), "test.txt", rep)
	if err != nil {
		t.Fatal(err)
	}
	return synsets, blocks, rep
}

func TestSynsetPlurals(t *testing.T) {
	synsets, _, _ := parseVerbText(t)
	for _, c := range []struct {
		name string
		want []string
	}{
		{"&AUXVERB1", []string{"was", "were"}},                                                      // "&NAME_": no plurals
		{"&SECURITY", []string{"security", "protection", "protections", "safeguard", "safeguards"}}, // "SECURITY_": none for it
		{"&TOWN", []string{"town", "towns", "city", "cities", "urban area", "urban areas"}},
		{"&AIRCRAFT", []string{"aircraft", "helicopter", "helicopters"}},
	} {
		i := slices.IndexFunc(synsets, func(s kb.Synset) bool { return s.Name == c.name })
		if i < 0 {
			t.Errorf("%s: missing", c.name)
			continue
		}
		if got := synsets[i].Phrases; !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestVerbLines(t *testing.T) {
	_, blocks, _ := parseVerbText(t)
	verb := func(block, lemma string) kb.Verb {
		for _, b := range blocks {
			if b.Name == block {
				for _, v := range b.Verbs {
					if v.Lemma == lemma {
						return v
					}
				}
			}
		}
		t.Fatalf("%s: no verb %q", block, lemma)
		return kb.Verb{}
	}
	for _, c := range []struct {
		name, block, lemma string
		want               kb.Verb
	}{
		{"MultiWordWithIrregularForms", "ATTACK", "shoot down",
			kb.Verb{Lemma: "shoot down", Forms: []string{"shoot down", "shoots down", "shooting down", "shot down"}, Code: "190"}},
		{"MultiWordWithRegularForms", "ATTACK", "beef up",
			kb.Verb{Lemma: "beef up", Forms: []string{"beef up", "beefs up", "beefed up", "beefing up"}, Code: "190"}},
		{"OwnNullCodeCancelsTheBlocks", "ATTACK", "hold",
			kb.Verb{Lemma: "hold", Forms: []string{"hold", "holds", "holding", "held"}, Code: ""}},
		{"RegularForms", "ATTACK", "attack",
			kb.Verb{Lemma: "attack", Forms: []string{"attack", "attacks", "attacked", "attacking"}, Code: "190"}},
		{"BracesListAllForms", "ARRANGE", "put",
			kb.Verb{Lemma: "put", Forms: []string{"put", "puts", "putting"}, Code: ""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := verb(c.block, c.lemma); !slices.Equal(got.Forms, c.want.Forms) || got.Code != c.want.Code || got.Reverse != c.want.Reverse {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestPatternLines(t *testing.T) {
	_, blocks, rep := parseVerbText(t)
	if len(blocks) != 2 {
		t.Fatalf("got %d blocks, want 2", len(blocks))
	}
	for _, c := range []struct {
		name  string
		block int
		want  kb.Pattern
	}{
		{"SynsetPhraseAndPrepositionalGroup", 0, kb.Pattern{Pre: []string{"&AIRCRAFT"}, Post: []string{"mock attacks", "in", "&TOWN"}, Code: "062", Reverse: "062"}},
		{"CodeWithReverse", 0, kb.Pattern{Pre: []string{}, Post: []string{"off", "for"}, Code: "042", Reverse: "043"}},
		{"NullCode", 0, kb.Pattern{Pre: []string{}, Post: []string{"incidents"}, Code: ""}},
		{"ReverseCodeOnly", 0, kb.Pattern{Pre: []string{}, Post: []string{"before", "court"}, Code: "", Reverse: "173"}},
		{"FirstChoiceOfAWord", 1, kb.Pattern{Pre: []string{}, Post: []string{"in", "air", "attack"}, Code: "195"}},
		{"SecondChoiceOfAWord", 1, kb.Pattern{Pre: []string{}, Post: []string{"in", "air", "bombing"}, Code: "195"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !slices.ContainsFunc(blocks[c.block].Patterns, func(p kb.Pattern) bool { return samePattern(p, c.want) }) {
				t.Errorf("no pattern %+v in %+v", c.want, blocks[c.block].Patterns)
			}
		})
	}
	// The malformed code and the undefined synset are reported, not kept;
	// the transformation is skipped.
	var reasons []string
	for _, p := range rep.problems {
		reasons = append(reasons, p.String())
	}
	if len(rep.problems) != 2 || !strings.Contains(reasons[0], "test.txt:25: malformed pattern code") ||
		!strings.Contains(reasons[1], "test.txt:32: names undefined synset &WEATHER") {
		t.Errorf("got problems %q, want line 25's code and line 32's synset", reasons)
	}
	if got := len(blocks[0].Patterns) + len(blocks[1].Patterns); got != 6 {
		t.Errorf("got %d patterns, want 6", got)
	}
}

func TestInflection(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"ATTACK", []string{"ATTACK", "ATTACKS", "ATTACKED", "ATTACKING"}},
		{"STOP", []string{"STOP", "STOPS", "STOPPED", "STOPPING"}},
		{"ARRIVE", []string{"ARRIVE", "ARRIVES", "ARRIVED", "ARRIVING"}},
		{"AGREE", []string{"AGREE", "AGREES", "AGREED", "AGREEING"}},
		{"DENY", []string{"DENY", "DENIES", "DENIED", "DENYING"}},
		{"DESTROY", []string{"DESTROY", "DESTROYS", "DESTROYED", "DESTROYING"}},
		{"PUNISH", []string{"PUNISH", "PUNISHES", "PUNISHED", "PUNISHING"}},
		{"VETO", []string{"VETO", "VETOES", "VETOED", "VETOING"}},
		{"VISIT", []string{"VISIT", "VISITS", "VISITED", "VISITING"}},
		{"REGRET", []string{"REGRET", "REGRETS", "REGRETTED", "REGRETTING"}},
		{"TRAVEL", []string{"TRAVEL", "TRAVELS", "TRAVELLED", "TRAVELED", "TRAVELLING", "TRAVELING"}},
		{"SHUN", []string{"SHUN", "SHUNS", "SHUNNED", "SHUNNING"}},
		{"HIT", []string{"HIT", "HITS", "HITTING"}},
		{"DIE", []string{"DIE", "DIES", "DIED", "DYING"}},
	} {
		if got := verbForms(c.in); !slices.Equal(got, c.want) {
			t.Errorf("verbForms(%s) = %v, want %v", c.in, got, c.want)
		}
	}
	for in, want := range map[string]string{
		"WEAPON": "WEAPONS", "ENEMY": "ENEMIES", "ATTORNEY": "ATTORNEYS", "BOSS": "BOSSES",
		"MISSILES": "", "CHURCH": "CHURCHES", "MINISTER OF DEFENSE": "MINISTERS OF DEFENSE", "URBAN AREA": "URBAN AREAS",
	} {
		if got := plural(in); got != want {
			t.Errorf("plural(%s) = %q, want %q", in, got, want)
		}
	}
}
