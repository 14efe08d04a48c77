package extract

// Sentences: an article's title, subtitle and paragraphs cut into the
// sentences facts are read from and cited by.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// split breaks the article into sentences: the title, the subtitle, then
// each paragraph's sentences. Sentences never cross paragraphs.
func (st *article) split() {
	para := 0
	add := func(text string) {
		text = squeeze(text)
		if text == "" {
			return
		}
		toks := tokenize(text)
		if len(toks) <= maxSentenceTokens {
			st.sents = append(st.sents, &sentence{idx: len(st.sents), para: para, text: text, toks: toks})
			return
		}
		for _, part := range boundSentence(text, toks) {
			st.sents = append(st.sents, &sentence{idx: len(st.sents), para: para, text: part, toks: tokenize(part)})
		}
	}
	add(normalize(st.a.Title))
	para++
	add(normalize(st.a.Subtitle))
	for _, p := range strings.Split(normalize(st.a.Body), "\n\n") {
		para++
		// The splitter is the slowest step; a paragraph with no sentence
		// punctuation before its end is one sentence without asking it.
		if !strings.ContainsAny(strings.TrimRight(strings.TrimSpace(p), `.!?"')`), ".!?") {
			add(p)
			continue
		}
		if parts, ok := easySplit(p); ok {
			for _, part := range parts {
				add(part)
			}
			continue
		}
		for _, s := range st.x.splitter.Tokenize(p) {
			add(s.Text)
		}
	}
}

// easySplit splits a paragraph whose every period, question or exclamation
// mark ends a sentence: each is followed by a space and a capital (or a
// quote) or ends the paragraph, and none follows an abbreviation, an initial
// or a digit. Anything less plain ("U.S.", "Gen. Smith", "Jan. 5") is left
// to the sentence splitter, which knows those cases; this saves its cost on
// the plain majority of news paragraphs.
func easySplit(p string) ([]string, bool) {
	var parts []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		// The word before the mark.
		w := i
		for w > start && p[w-1] != ' ' {
			w--
		}
		word := strings.Trim(p[w:i], `"'()`)
		// A number ends a sentence like a word ("in 1988. This summer"),
		// unless it is a single digit ("No. 1. The") or has a point in it.
		if c == '.' && (len(word) <= 1 || strings.Contains(word, ".") || (hasDigit(word) && !allDigits(word)) || abbreviations[strings.ToLower(word)]) {
			return nil, false
		}
		j := i + 1
		for j < len(p) && (p[j] == '"' || p[j] == '\'' || p[j] == ')') {
			j++
		}
		if j == len(p) {
			parts = append(parts, p[start:j])
			start = j
			break
		}
		// A line break after the mark ends the sentence as a space does:
		// "How did the neighbours respond?\nWithin minutes ...".
		if p[j] != ' ' && p[j] != '\n' {
			if c == '.' {
				return nil, false // "Antiwar.com", "3.5"
			}
			continue
		}
		k := j + 1
		if k < len(p) && (p[k] == '"' || p[k] == '\'') {
			k++
		}
		if k >= len(p) || !(p[k] >= 'A' && p[k] <= 'Z') {
			return nil, false
		}
		parts = append(parts, p[start:j])
		start = j + 1
		i = j
	}
	if start < len(p) {
		parts = append(parts, p[start:])
	}
	return parts, true
}

// squeeze trims s and folds every run of white space into one space,
// allocating only when it must.
func squeeze(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			return squeezeAll(s)
		}
	}
	return s
}

// squeezeAll folds every run of white space of s into one space in one
// allocation: this runs on every sentence of every article.
func squeezeAll(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for j := 0; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(s[j : j+n]) // bytes as they are, valid or not
		}
		j += n
	}
	return b.String()
}

// maxSentenceTokens bounds a sentence. News sentences stay well under it;
// a longer one is a list, a table or hostile input, and reading a
// sentence costs more than its length (triggers look at its names), so it
// is cut into parts at commas or semicolons, or where it must.
const maxSentenceTokens = 200

// boundSentence returns text as it is when it has at most
// maxSentenceTokens tokens, else cut into parts that do.
func boundSentence(text string, toks []token) []string {
	if len(toks) <= maxSentenceTokens {
		return []string{text}
	}
	var parts []string
	for from := 0; from < len(toks); {
		to := min(from+maxSentenceTokens, len(toks))
		if to < len(toks) {
			for k := to - 1; k > from+maxSentenceTokens/2; k-- {
				if t := toks[k].text; t == "," || t == ";" {
					to = k + 1
					break
				}
			}
		}
		end := len(text)
		if to < len(toks) {
			end = toks[to].start
		}
		parts = append(parts, strings.TrimSpace(text[toks[from].start:end]))
		from = to
	}
	return parts
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
