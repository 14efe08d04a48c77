package extract

// Criticism without a verb of criticism: "called the raid state
// terrorism", "branded the sanctions illegal", "said the new sanctions
// were destructive", "called it a trick". The words that judge the act
// make the speaker's disapproval (CAMEO 111) or, when they deny that a
// claim or a step holds at all, a rejection (120).

// namingVerbs judge what they name: "called X Y", "branded X as Y".
var namingVerbs = wordSet(`called calls calling branded brands branding described describes describing termed
	terms labelled labeled labels dubbed dubs denounced denounces condemned condemns`)

// judgingWords say an act is wrong.
var judgingWords = wordSet(`unjust unfair illegal illegitimate unlawful unacceptable outrageous unprovoked
	reckless irresponsible foolish provocative destructive dangerous hostile barbaric brutal cowardly criminal
	shameful disgraceful deplorable counterproductive hypocritical cynical inhumane heinous despicable
	abhorrent intolerable egregious appalling unconstitutional violation violations aggression crime crimes
	massacre murder terrorism provocation betrayal insult blackmail piracy genocide atrocity atrocities
	interference meddling coup mistake threat stab disaster catastrophe disgrace outrage unfriendly
	inconsistent unjustified unjustifiable unhelpful unwise regrettable excessive disproportionate
	immoral unethical inexcusable indefensible crazy throwback scandalous
	brinkmanship bullying intimidation occupation annexation theft robbery extortion violent burial
	assault attack attacks`)

// praiseWords name an act a success: "called the killing a great
// victory", "described the accord as a breakthrough".
var praiseWords = wordSet("victory success triumph milestone breakthrough achievement")

// approvingWords say an act is right; denied ("not legal") they judge it.
var approvingWords = wordSet("legal legitimate lawful acceptable justified constitutional democratic")

// committingVerbs charge the subject of what is said with the wrong that
// follows: "had committed a violation", "had perpetrated a massacre".
var committingVerbs = wordSet("committed perpetrated")

// feelingWords say the speaker is hurt by an act, not what the act is:
// "said Australia was deeply disappointed". The one who feels is the
// speaker's side; the act that hurt is the one just reported.
var feelingWords = wordSet("disappointed frustrated dismayed alarmed appalled shocked outraged angered saddened")

// denyingWords say a claim or a step does not hold: the judgement rejects
// it.
var denyingWords = wordSet(`baseless unfounded groundless false slanderous absurd nonsense lies lie fabrication
	fabrications propaganda null void invalid trick sham farce fiction fake ridiculous`)

// copulas join what is judged to the judgement in reported speech.
var copulas = wordSet("was were is are been be had has have")

// judgementAt matches a judgement at token i: a naming verb, or a speech
// verb whose clause says something was wrong ("said the sanctions were
// destructive"); the judging word must come within a dozen words of the
// verb, inside its clause.
func (st *article) judgementAt(s *sentence, i int) (act, bool) {
	w := s.toks[i].lower
	naming := namingVerbs[w]
	if !naming && !speechVerbs[w] {
		return act{}, false
	}
	sawCopula, committed := false, false
	for k := i + 1; k < len(s.toks) && k <= i+12; k++ {
		t := s.toks[k].lower
		switch t {
		case ".", ";", ":", "but", "because", "if", "when", "while":
			return act{}, false
		case ",":
			if naming {
				return act{}, false
			}
		}
		// "said the talks had gone well": what was said must be judged,
		// and for a speech verb the judgement follows a copula.
		if copulas[t] {
			sawCopula = true
			continue
		}
		if !naming && !sawCopula {
			continue
		}
		// "said Trump had ordered the attack": a participle after the
		// copula makes it a verb phrase that reports an act, not a
		// predicate that judges one — unless it commits a wrong.
		if !naming && copulas[s.toks[k-1].lower] && t != "been" && isParticiple(t) &&
			!judgingWords[t] && !feelingWords[t] && !denyingWords[t] {
			if !committingVerbs[t] {
				return act{}, false
			}
			committed = true
			continue
		}
		typ, code := "", ""
		switch {
		case t == "right" && k > 0 && s.toks[k-1].lower == "no" && !naming:
			// "said Beijing had no right to disband the council".
			typ, code = "DISAPPROVE", "111"
		case feelingWords[t]:
			typ, code = "DISAPPROVE", "110"
			if et := st.x.eventType(typ); et != nil {
				return act{start: i, end: i + 1, et: et, code: code, head: i, judgement: true, feeling: true}, true
			}
		case denyingWords[t]:
			typ, code = "REJECT", "120"
		case judgingWords[t]:
			typ, code = "DISAPPROVE", "111"
			// "said the United States had committed a grave violation":
			// charging someone with a wrong is an accusation.
			if !naming && committed {
				typ, code = "ACCUSE", "112"
			}
		case approvingWords[t] && k > 0 && (s.toks[k-1].lower == "not" || s.toks[k-1].lower == "n't") && sawCopula:
			// "said the coup was not legal": an approval denied is a
			// judgement.
			if et := st.x.eventType("DISAPPROVE"); et != nil {
				return act{start: i, end: i + 1, et: et, code: "111", head: i, judgement: true}, true
			}
		case praiseWords[t] && naming:
			// "called the killing a great victory": praise (051).
			typ, code = "DIPLOMATIC_COOPERATION", "051"
		default:
			continue
		}
		// "not illegal", "no violation": a judgement denied.
		if k > 0 && (s.toks[k-1].lower == "not" || s.toks[k-1].lower == "no" || s.toks[k-1].lower == "n't") {
			return act{}, false
		}
		if et := st.x.eventType(typ); et != nil {
			return act{start: i, end: i + 1, et: et, code: code, head: i, judgement: true}, true
		}
	}
	return act{}, false
}

// judgedTarget returns who a judgement is aimed at: a person, country or
// body named in what is judged ("called Russia's annexation illegal"),
// else whoever did the act it names ("the raid", "the sanctions"), else,
// for "it", the act just reported.
func (st *article) judgedTarget(s *sentence, a act, actor string, alive func(*mention) bool) []string {
	if a.feeling {
		if prev := st.lastOf(nil, actor); prev != nil {
			var out []string
			for _, id := range prev.IDsWithRole("actor") {
				if st.countryOf(id) != st.countryOf(actor) {
					out = append(out, id)
				}
			}
			return out
		}
		return nil
	}
	end := a.end
	for end < len(s.toks) && end < a.end+9 {
		t := s.toks[end].lower
		if judgingWords[t] || denyingWords[t] || t == "," || t == "." {
			break
		}
		end++
	}
	var qualifier string
	for _, m := range s.ments {
		if m.start >= a.end && m.end <= end && alive(m) && m.id != actor && m.kind != "Location" {
			if !m.inert() {
				return []string{m.id}
			}
			// "called the British position immoral": the state that
			// qualifies what is judged took the position.
			if qualifier == "" && m.kind == "Country" && (m.demonym || m.modifier) && !m.nested {
				qualifier = m.id
			}
		}
	}
	if qualifier != "" {
		return []string{qualifier}
	}
	// "said on Monday that the coup was not legal": what is judged
	// follows the "that" of the speech verb.
	from := a.end
	for k := a.end; k < len(s.toks) && k < a.end+5; k++ {
		if s.toks[k].lower == "that" {
			from = k + 1
			break
		}
	}
	if ids := st.reactionTarget(s, from, actor); len(ids) > 0 {
		return ids
	}
	if a.end < len(s.toks) && (s.toks[a.end].lower == "it" || s.toks[a.end].lower == "this") {
		if prev := st.lastOf(nil, actor); prev != nil {
			return prev.IDsWithRole("actor")
		}
	}
	return nil
}
