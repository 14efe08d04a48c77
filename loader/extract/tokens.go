package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence. Offsets are byte
// offsets into the normalised sentence text.
type token struct {
	text       string
	lower      string
	start, end int
}

// isCap reports whether the token starts with an upper-case letter.
func (t token) isCap() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

func (t token) isWord() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// normalizer folds typographic quotes and dashes to ASCII so that "Syria’s"
// and "Syria's" tokenise alike. It keeps byte lengths irrelevant to callers:
// offsets always refer to the normalised text.
var normalizer = strings.NewReplacer(
	"\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`,
	"\u2013", "-", "\u2014", " - ", "\u00a0", " ",
)

func normalize(s string) string { return normalizer.Replace(s) }

// abbreviations keep their final period as part of the token.
var abbreviations = map[string]bool{
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "maj": true, "adm": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true,
	"gov": true, "pres": true, "st": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
}

// tokenize splits normalised text into words and punctuation. A word keeps
// inner hyphens, apostrophes and periods ("Star-Tribune", "Ba'ath",
// "Antiwar.com", "U.S."); a possessive "'s" becomes its own token so that
// "Syria's" matches "Syria".
func tokenize(s string) []token {
	// About one token in five bytes of news: growing the slice token by
	// token was a sixth of extraction.
	toks := make([]token, 0, len(s)/5+4)
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + w
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += w2
					continue
				}
				if r2 == '-' || r2 == '.' || r2 == '\'' {
					n, _ := utf8.DecodeRuneInString(s[j+1:])
					if j+1 < len(s) && (unicode.IsLetter(n) || unicode.IsDigit(n)) {
						if r2 == '\'' && (n == 's' || n == 'S') && !letterAt(s, j+2) {
							break // possessive: split off "'s"
						}
						j += 1 + utf8.RuneLen(n)
						continue
					}
				}
				break
			}
			// Keep the final period of "U.S." and of known abbreviations.
			if j < len(s) && s[j] == '.' {
				word := s[i:j]
				if initials(word) || abbreviations[strings.ToLower(word)] {
					j++
				}
			}
			toks = append(toks, token{text: s[i:j], lower: strings.ToLower(s[i:j]), start: i, end: j})
			i = j
		case r == '\'' && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && !letterAt(s, i+2):
			toks = append(toks, token{text: s[i : i+2], lower: "'s", start: i, end: i + 2})
			i += 2
		default:
			toks = append(toks, token{text: s[i : i+w], lower: s[i : i+w], start: i, end: i + w})
			i += w
		}
	}
	return toks
}

// initials reports whether word is letters joined by periods ("U.S",
// "D.C"), whose final period belongs to it, unlike that of "Antiwar.com".
func initials(word string) bool {
	parts := strings.Split(word, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// phrase is a sequence of tokens to match. A phrase written with any
// upper-case letter matches case-sensitively ("US" is not "us"); an
// all-lowercase phrase ("gas attack") matches in any case.
type phrase struct {
	words         []string // as written, or lowercased when !caseSensitive
	caseSensitive bool
}

func newPhrase(s string) phrase {
	toks := tokenize(normalize(s))
	p := phrase{caseSensitive: s != strings.ToLower(s)}
	for _, t := range toks {
		if p.caseSensitive {
			p.words = append(p.words, t.text)
		} else {
			p.words = append(p.words, t.lower)
		}
	}
	return p
}

// trie indexes phrases by their lowercased words so one walk from each
// token finds every phrase that starts there.
type trie[V any] struct {
	next map[string]*trie[V]
	vals []trieVal[V]
}

type trieVal[V any] struct {
	p phrase
	v V
}

func (t *trie[V]) add(s string, v V) {
	p := newPhrase(s)
	if len(p.words) == 0 {
		return
	}
	n := t
	for _, w := range p.words {
		w = strings.ToLower(w)
		if n.next == nil {
			n.next = map[string]*trie[V]{}
		}
		c := n.next[w]
		if c == nil {
			c = &trie[V]{}
			n.next[w] = c
		}
		n = c
	}
	n.vals = append(n.vals, trieVal[V]{p, v})
}

// match is a phrase found at toks[start:end].
type match[V any] struct {
	start, end int
	v          V
}

// matchesAt returns every phrase that starts at toks[i], longest last.
func (t *trie[V]) matchesAt(toks []token, i int) []match[V] {
	var out []match[V]
	n := t
	for j := i; j < len(toks) && n != nil; j++ {
		n = n.next[toks[j].lower]
		if n == nil {
			break
		}
		for _, tv := range n.vals {
			if !tv.p.caseSensitive || sameText(tv.p.words, toks[i:j+1]) {
				out = append(out, match[V]{i, j + 1, tv.v})
			}
		}
	}
	return out
}

func sameText(words []string, toks []token) bool {
	for k, w := range words {
		if toks[k].text != w {
			return false
		}
	}
	return true
}

// hasWord reports whether some phrase of t ends with the one word w, or
// is w.
func (t *trie[V]) hasWord(w string) bool {
	n := t.next[w]
	return n != nil && len(n.vals) > 0
}
