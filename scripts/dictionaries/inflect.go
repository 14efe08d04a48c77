package main

import "strings"

// The dictionaries list base forms and leave regular forms to the reader.
// Their rules (dictionaries-format.rst) are terse: a plural adds S, or IES
// after Y, or ES after SS; a verb adds S, ED and ING. Followed to the
// letter they give "attornies", "missilesses" and "stoped", so these
// functions spell regular English instead, and every such refinement is
// named below. Irregular forms are the dictionaries' own, in {...}.

// plural returns the plural of a noun phrase given in upper case, or ""
// when none should be made. Only the head is inflected: the last word, or
// in "X OF Y" the word before OF ("MINISTERS OF DEFENSE").
//
// Refinements of the format's rules: Y after a vowel takes S ("ATTORNEYS");
// X, Z, CH and SH take ES like SS; a phrase already ending in a single S
// ("MISSILES", "ARMED FORCES") is taken to be plural and gets none, as the
// verb file's header warns that some synset entries already are.
func plural(phrase string) string {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return ""
	}
	head := len(words) - 1
	for i, w := range words {
		if w == "OF" && i > 0 {
			head = i - 1
			break
		}
	}
	p := pluralWord(words[head])
	if p == "" {
		return ""
	}
	words[head] = p
	return strings.Join(words, " ")
}

func pluralWord(w string) string {
	switch {
	case len(w) < 2 || !isLetter(w[len(w)-1]):
		return ""
	case strings.HasSuffix(w, "SS"), strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"),
		strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"):
		return w + "ES"
	case strings.HasSuffix(w, "S"):
		return ""
	case strings.HasSuffix(w, "Y") && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "IES"
	}
	return w + "S"
}

// verbForms returns the regular forms of an upper-case verb: the base, the
// third person, the past and the present participle. Refinements of the
// format's rule "add S, ED, ING": ES after S, X, Z, CH, SH and O; IES and
// IED after a consonant and Y; D after E and ING replacing a silent E; a
// final consonant doubled after a single stressed vowel ("STOPPED",
// "REGRETTING"), and both spellings of a final L ("TRAVELLED",
// "TRAVELED"); and the few irregular verbs the file lists without their
// forms.
func verbForms(v string) []string {
	if f, ok := irregularVerbs[v]; ok {
		return append([]string{v}, f...)
	}
	var third, past, ing string
	n := len(v)
	switch {
	case strings.HasSuffix(v, "S"), strings.HasSuffix(v, "X"), strings.HasSuffix(v, "Z"),
		strings.HasSuffix(v, "CH"), strings.HasSuffix(v, "SH"), strings.HasSuffix(v, "O"):
		third = v + "ES"
	case n > 1 && v[n-1] == 'Y' && !isVowel(v[n-2]):
		third = v[:n-1] + "IES"
	default:
		third = v + "S"
	}
	switch {
	case strings.HasSuffix(v, "IE"):
		past, ing = v+"D", v[:n-2]+"YING"
	case strings.HasSuffix(v, "EE"), strings.HasSuffix(v, "YE"), strings.HasSuffix(v, "OE"):
		past, ing = v+"D", v+"ING"
	case strings.HasSuffix(v, "E"):
		past, ing = v+"D", v[:n-1]+"ING"
	case n > 1 && v[n-1] == 'Y' && !isVowel(v[n-2]):
		past, ing = v[:n-1]+"IED", v+"ING"
	case doublesFinal(v):
		d := v + v[n-1:]
		past, ing = d+"ED", d+"ING"
	case n > 3 && v[n-1] == 'L' && isVowel(v[n-2]) && !isVowel(v[n-3]) && syllables(v) > 1:
		// British English doubles the L of "TRAVEL", American does not.
		return []string{v, third, v + "LED", v + "ED", v + "LING", v + "ING"}
	default:
		past, ing = v+"ED", v+"ING"
	}
	return []string{v, third, past, ing}
}

// doublesFinal reports whether v doubles its last consonant before ED and
// ING: a word of one syllable ending in one vowel and one consonant
// ("STOP", "BAN"), or a longer one stressed on that syllable, which
// spelling cannot tell and stressedFinal lists.
func doublesFinal(v string) bool {
	n := len(v)
	if n < 3 || isVowel(v[n-1]) || strings.ContainsRune("WXY", rune(v[n-1])) ||
		!isVowel(v[n-2]) || isVowel(v[n-3]) && !(v[n-3] == 'U' && n > 3 && v[n-4] == 'Q') {
		return false
	}
	return syllables(v) == 1 || stressedFinal[v]
}

// syllables counts the groups of vowels in a word, enough to tell one
// syllable from more.
func syllables(w string) int {
	n, in := 0, false
	for i := 0; i < len(w); i++ {
		v := isVowel(w[i]) && !(w[i] == 'U' && i > 0 && w[i-1] == 'Q')
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// stressedFinal are the verbs of more than one syllable, listed in the
// verb file without their forms, whose last syllable is stressed and so
// doubles its consonant.
var stressedFinal = map[string]bool{
	"REGRET": true, "EAVESDROP": true, "OUTFIT": true, "ABET": true, "ACQUIT": true,
	"ADMIT": true, "COMMIT": true, "COMPEL": true, "CONCUR": true, "CONFER": true,
	"CONTROL": true, "DEFER": true, "DETER": true, "DISPEL": true, "EMBED": true,
	"EXPEL": true, "EXTOL": true, "IMPEL": true, "INCUR": true, "INFER": true,
	"OCCUR": true, "OMIT": true, "PATROL": true, "PERMIT": true, "PREFER": true,
	"PROPEL": true, "REBEL": true, "RECUR": true, "REFER": true, "REPEL": true,
	"SUBMIT": true, "TRANSFER": true, "TRANSMIT": true, "UNDERPIN": true, "EQUIP": true,
	"READMIT": true, "RE-ADMIT": true, "ALLOT": true, "FORBID": true, "FORGET": true,
}

// irregularVerbs are the irregular verbs that the verb file lists
// without braces, with the forms it leaves out.
var irregularVerbs = map[string][]string{
	"BEAT":       {"BEATS", "BEATEN", "BEATING"},
	"BROADCAST":  {"BROADCASTS", "BROADCASTED", "BROADCASTING"},
	"CAST":       {"CASTS", "CASTING"},
	"CUT":        {"CUTS", "CUTTING"},
	"DIVE":       {"DIVES", "DIVED", "DOVE", "DIVING"},
	"DRAW":       {"DRAWS", "DREW", "DRAWN", "DRAWING"},
	"FORGIVE":    {"FORGIVES", "FORGAVE", "FORGIVEN", "FORGIVING"},
	"HEAR":       {"HEARS", "HEARD", "HEARING"},
	"HIT":        {"HITS", "HITTING"},
	"HURT":       {"HURTS", "HURTING"},
	"LOSE":       {"LOSES", "LOST", "LOSING"},
	"MIMIC":      {"MIMICS", "MIMICKED", "MIMICKING"},
	"SET":        {"SETS", "SETTING"},
	"SHUT":       {"SHUTS", "SHUTTING"},
	"SPREAD":     {"SPREADS", "SPREADING"},
	"SPRING":     {"SPRINGS", "SPRANG", "SPRUNG", "SPRINGING"},
	"SWELL":      {"SWELLS", "SWELLED", "SWOLLEN", "SWELLING"},
	"TEACH":      {"TEACHES", "TAUGHT", "TEACHING"},
	"TEAR":       {"TEARS", "TORE", "TORN", "TEARING"},
	"THRUST":     {"THRUSTS", "THRUSTING"},
	"UNDERSTAND": {"UNDERSTANDS", "UNDERSTOOD", "UNDERSTANDING"},
	"UNWIND":     {"UNWINDS", "UNWOUND", "UNWINDING"},
	"UPSET":      {"UPSETS", "UPSETTING"},
}

func isVowel(c byte) bool  { return strings.IndexByte("AEIOU", c) >= 0 }
func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' }
