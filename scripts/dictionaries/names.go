package main

import (
	"strings"
	"unicode"

	"github.com/geokg/geokg/loader/kb"
)

// The actor dictionaries write every name in upper case. These helpers
// give people and bodies readable names, and hold the word lists that
// tell a person's name from a body's.

// nameParticles stay lowercase inside a person's name: "Bashar al-Assad",
// "Osama bin Laden", "Charles de Gaulle", "Ursula von der Leyen".
var nameParticles = map[string]bool{
	"AL": true, "BIN": true, "BINT": true, "IBN": true, "DE": true, "DA": true, "DOS": true,
	"DAS": true, "VAN": true, "VON": true, "DER": true, "DEN": true,
}

// personName proper-cases a person's upper-case name: "VLADIMIR PUTIN" is
// "Vladimir Putin", "BASHAR AL-ASSAD" "Bashar al-Assad".
func personName(upper string) string {
	words := strings.Fields(upper)
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = nameWord(w, i > 0 && i < len(words)-1 || i > 0 && strings.Contains(w, "-"))
		// Spanish articles after "de": "Fausto Ortiz de la Cadena".
		if i > 0 && i < len(words)-1 && words[i-1] == "DE" && (w == "LA" || w == "LAS" || w == "LOS") {
			out[i] = strings.ToLower(w)
		}
	}
	return strings.Join(out, " ")
}

// nameWord proper-cases one word of a name; inside says whether a
// particle there stays lowercase.
func nameWord(w string, inside bool) string {
	switch {
	case romanNumeral(w):
		return w
	case w == "JR." || w == "JR":
		return "Jr."
	case w == "SR." || w == "SR":
		return "Sr."
	}
	if inside && nameParticles[w] {
		return strings.ToLower(w)
	}
	// "AL-ASSAD": the particle, then the name.
	if pre, rest, ok := strings.Cut(w, "-"); ok && inside && (pre == "AL" || pre == "EL") && rest != "" {
		return strings.ToLower(pre) + "-" + nameWord(rest, false)
	}
	if strings.Contains(w, ".") && len(strings.Trim(w, ".")) <= 3 {
		return w // initials: "B.", "R.K."
	}
	var b strings.Builder
	start := true
	for i, r := range w {
		switch {
		case start:
			b.WriteRune(unicode.ToUpper(r))
		case i >= 2 && w[i-2:i] == "MC" && b.Len() == 2:
			b.WriteRune(unicode.ToUpper(r)) // "McCain"
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == '-' || r == '\'' && i+2 < len(w) || r == '.'
	}
	return b.String()
}

func romanNumeral(w string) bool {
	switch w {
	case "II", "III", "IV", "VI", "VII", "VIII":
		return true
	}
	return false
}

// smallWords stay lowercase inside a body's name.
var smallWords = map[string]bool{
	"OF": true, "THE": true, "AND": true, "FOR": true, "IN": true, "ON": true, "TO": true, "AT": true,
	"BY": true, "WITH": true, "AGAINST": true, "DE": true, "DU": true, "DES": true, "LA": true, "LE": true,
	"DEL": true, "DI": true, "Y": true, "E": true, "ET": true, "POUR": true, "PARA": true,
}

// bodyName proper-cases a body's upper-case name: "AFGHAN NATIONAL ARMY"
// is "Afghan National Army", acronyms stay in capitals.
func bodyName(upper string) string {
	words := strings.Fields(upper)
	for i, w := range words {
		switch {
		case i > 0 && smallWords[w]:
			words[i] = strings.ToLower(w)
		case acronym(w):
			words[i] = w
		default:
			words[i] = nameWord(w, false)
		}
	}
	return strings.Join(words, " ")
}

// acronym reports whether an upper-case word reads as an acronym: with
// dots ("U.N."), digits or a slash; without a vowel after its first letter
// ("ANSF", "UNHCR", "IPCC"; "HAMAS" and "UNICEF" are read as words); or of
// three letters or fewer and no common short word ("IRA", "ETA", but "Abu",
// "Red").
func acronym(w string) bool {
	if strings.ContainsAny(w, "./0123456789") {
		return true
	}
	letters := []rune(strings.Trim(w, "'-"))
	if len(letters) <= 3 {
		return !commonShortWord[w]
	}
	return !strings.ContainsAny(string(letters[1:]), "AEIOUY")
}

// commonShortWord are short words of body names that are not acronyms.
var commonShortWord = wordSet(`AL EL ABU BIN IBN UMM DAR SAN SAO LOS LAS DEL DOS DAS NEW RED WAR AID ART
	ONE TWO SIX TEN ALL OUR ACT LAW BAR SEA AIR GAS OIL GOD MAN MEN OLD BIG TOP WAY DAY BAN KI LOK
	FOR AND THE OF DE LA LE DU DA DI EN AU AUX VON VAN DER DEN HET TAL JAM SIN NAM ANT BAY MAY ROW
	ARM LIFE SUN FAR HOPE KAN LUP PRO NOR ESE INC LTD`)

// bodyWords are words that name bodies and never people: an entry whose
// name holds one is a body.
var bodyWords = wordSet(`ARMY ARMIES PARTY PARTIES FRONT MINISTRY MINISTRIES COUNCIL FORCES FORCE COMMITTEE
	MOVEMENT UNION COURT COURTS ASSOCIATION ORGANIZATION ORGANISATION AGENCY DEPARTMENT OFFICE BUREAU
	COMMISSION ASSEMBLY PARLIAMENT CONGRESS SENATE GOVERNMENT ADMINISTRATION MILITIA MILITIAS BRIGADE
	BRIGADES BATTALION BATTALIONS REGIMENT GROUP GROUPS LEAGUE ALLIANCE COALITION FEDERATION
	CONFEDERATION INSTITUTE INSTITUTION FOUNDATION FUND BANK UNIVERSITY SCHOOL CHURCH CENTER CENTRE
	SOCIETY NETWORK CORPORATION COMPANY AUTHORITY SERVICE SERVICES POLICE GUARD GUARDS NAVY CABINET
	MISSION PROGRAM PROGRAMME TRIBUNAL SECRETARIAT BOARD CONFERENCE COMMAND TROOPS REPUBLIC KINGDOM
	DIRECTORATE LIBERATION REVOLUTIONARY DEMOCRATIC SOCIALIST COMMUNIST ISLAMIC NATIONAL INTERNATIONAL
	UNITED FEDERAL POPULAR PEOPLE PEOPLES PEOPLE'S CELLS CELL NUCLEI NUCLEUS MARTYRS JIHAD MUJAHIDEEN
	ORGANIZATIONS ORGANISATIONS COMMANDOS SQUAD SQUADS UNIT UNITS FACTION FACTIONS RESISTANCE
	COMMUNITY TRUST INITIATIVE PROJECT CAMPAIGN ACTION COOPERATION CO-OPERATION DEVELOPMENT RELIEF
	RIGHTS AFFAIRS STATES NATIONS WORLD GLOBAL INTERNATIONALE REGIONAL CHAMBER CIRCLE CLUB CORPS
	OBSERVATORY PANEL FORUM SYNOD DIOCESE ORDER BROTHERHOOD SISTERHOOD BROTHERS TASK EMBASSY
	CONSULATE ACADEMY COLLEGE HOSPITAL PRESS TIMES NEWS POST HERALD JOURNAL TELEVISION RADIO AGENCY
	STATION MINISTERS INC INC. LTD LTD. PLC GMBH SA S.A. AG AB NV ASA HOLDINGS HOLDING GROUP
	INDUSTRIES BUSINESS REPUBLICAN DEMOCRATS REPUBLICANS LIBERAL CONSERVATIVE LABOUR LABOR GREEN
	GREENS CONGRESSIONAL LEGISLATURE LEGISLATIVE ELECTORAL JUNTA REGIME DYNASTY TALIBAN HAMAS
	HEZBOLLAH HIZBALLAH MOSSAD KNESSET DUMA MAJLIS BUNDESTAG BUNDESRAT REICHSTAG POLITBURO
	SOVIET SOVIETS PRESIDIUM GENDARMERIE CARABINIERI PALACE HOUSE YARD SABHA RIFLES TEAM INTELLIGENCE
	DECLARATION TANK CONTINGENT JAISH JAYSH JABHAT JABHA HARAKAT HARAKA KATAIB KATAEB LIWA SARAYA SARAYAT ANSAR HIZB
	HEZB HIZBUL TANZIM JAMAAT JAMIAT JAMAAH JAMAA TEHRIK TEHREEK LASHKAR SIPAH FAILAQ AHRAR
	QAIDA QAEDA SHINRIKYO`)

// titleWords are titles and offices: a person's name written with one
// ("PRESIDENT KARZAI") is not a name, and a name starting with one is a
// person's, after the title. Honorifics that are also names, or that news
// writes as part of one, are not among them: "Sultan Ali Keshtmand",
// "Sheikh Hasina", "Mullah Mohammad Omar".
var titleWords = wordSet(`PRESIDENT PRESIDENTS MINISTER MINISTERS PREMIER PM MR MR. MRS MRS. MS MS. DR DR.
	SENATOR SEN. SEN GOVERNOR GOV. ADMINISTRATION KING QUEEN PRINCE PRINCESS 
	 GENERAL GEN GEN. COLONEL COL COL. MAJOR CAPTAIN CAPT. ADMIRAL MARSHAL FIELD AMBASSADOR
	AMB. AYATOLLAH IMAM GRAND CARDINAL POPE BISHOP ARCHBISHOP REV REV. REVEREND SIR LORD LADY
	BARON BARONESS DAME CHANCELLOR SECRETARY SECRETARY-GENERAL CHAIRMAN CHAIRWOMAN CHAIR SPEAKER JUDGE
	MAYOR ACTING FOREIGN DEFENSE DEFENCE PRIME VICE DEPUTY FORMER EX EX- COMMANDER LEADER CHIEF ENVOY
	SPOKESMAN SPOKESWOMAN REPRESENTATIVE REP. CONGRESSMAN CONGRESSWOMAN PARLIAMENTARIAN MP LAWMAKER
	OFFICIAL CEO DIRECTOR HEAD COMMISSIONER ATTORNEY PROSECUTOR INTERIOR FINANCE TRADE HOME STATE
	US U.S. AMERICAN BRITISH FRENCH RUSSIAN SOVIET CHINESE UN U.N. NATO EU PRES PRES. SEC SEC. SECY
	HIS HER HIGHNESS MAJESTY EXCELLENCY PRESIDENT-ELECT PRIME-MINISTER MONARCH DICTATOR STRONGMAN
	WARLORD CLERIC AIDE ADVISER ADVISOR COUNSELOR THEN DATUK DATO DATO' SERI TUN TAN SRI`)

// honorifics start many names of people and stay part of them.
var honorifics = wordSet(`SULTAN AMIR EMIR SHEIKH SHEIK SHAIKH MULLAH`)

// functionWords never stand in a person's name: a phrase with one is a
// body's name ("OFFICE OF ...", "FRONT FOR ...").
// "IN", "ON", "AT" and "TO" are not among them: they are words of
// Korean, Chinese and Thai names ("MOON JAE IN", "CHUI SAI ON").
var functionWords = wordSet(`OF FOR AND THE BY WITH FROM AGAINST WITHOUT POUR PARA DES DU ET`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// hasAny reports whether a word of phrase is in set.
func hasAny(phrase string, set map[string]bool) bool {
	for _, w := range strings.Fields(phrase) {
		if set[w] || set[strings.Trim(w, ",.()'")] {
			return true
		}
	}
	return false
}

// stripTitles removes leading title words: "ACTING MINISTER ABDUL RAHIM"
// is "ABDUL RAHIM".
func stripTitles(phrase string) string {
	words := strings.Fields(phrase)
	for len(words) > 0 && titleWords[words[0]] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// looksLikePersonName reports whether an upper-case phrase has the form
// of a person's name: two to six words of letters (with hyphens,
// apostrophes and initials), no function word, no body word, no acronym
// ("OHCHR NEPAL").
func looksLikePersonName(phrase string) bool {
	words := strings.Fields(phrase)
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		if functionWords[w] || bodyWords[w] || len(w) >= 4 && !strings.Contains(w, ".") && acronym(w) {
			return false
		}
		for _, r := range w {
			if !(unicode.IsLetter(r) || r == '-' || r == '\'' || r == '.') {
				return false
			}
		}
	}
	return true
}

// fold is the form names are compared in: accents folded, lowercase,
// apostrophes dropped, every run of other characters one space: "Boutros
// Boutros-Ghali" and "BOUTROS BOUTROS GHALI" fold alike.
func fold(s string) string {
	// An apostrophe joins ("D'Alema" and "Dalema" fold alike).
	s = strings.ToLower(strings.NewReplacer("'", "", "’", "").Replace(kb.Fold(s)))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') }), " ")
}

// lastWord is a phrase's last word, its surname when it is a name.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
