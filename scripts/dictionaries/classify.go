package main

import "strings"

// How an entry of the actor dictionaries is read as a person or a body.
// The dictionaries do not say; the generator decides, in this order, and
// counts each decision under its rule:
//
//  1. An entry with no code, or whose codes are all a bare country or
//     region ("AFGHANISTAN [AFG]", its cities and provinces as synonyms),
//     is a country entry or a place: skipped.
//  2. An entry coded as a multinational corporation (MNC) is skipped: the
//     knowledge base holds states, bodies of states, armed groups,
//     parties and international organizations, not companies.
//  3. An entry copied from CountryInfo or from the list of heads of
//     international organizations (its comment says "CountryInfo.txt" or
//     "IGOrulers.txt") is a person, unless its name holds a word only
//     bodies have (strongBodyWords) or a function word ("OF", "AND").
//  4. Otherwise a name holding a word only bodies have (bodyWords:
//     ARMY, PARTY, FRONT, MINISTRY, COUNCIL, ...) is a body.
//  5. A name that starts with a title or honorific ("SHEIKH AHMED YASSIN")
//     is a person, and so is one word with dated codes (a term of office:
//     "SUBROTO [IGOBUSOPC 880701-940630]"), later dropped as one word.
//  6. A name of the form of a person's (looksLikePersonName: two to six
//     words, letters only, no function word) whose first word is a first
//     name of a listed person (rule 3) is a person.
//  7. In the armed-groups file every other entry is a body, except one of
//     a person's form coded only as an international armed group (IMG):
//     that file lists the members of such groups so ("ABU_BAKAR__
//     [IMGSEAMUSJMA] # spiritual leader of jemaah islamiyah").
//  8. Elsewhere any other name of a person's form, without a title, is a
//     person when its codes give a sector, name an intergovernmental
//     organization or carry dates: the country and international lists
//     hold officials whose first names the CountryInfo lists lack
//     ("NIKITA KHRUSHCHEV [RUSGOV ...]", "GILLIAN MELLSOP [IGOUNOKID]").
//     A name of that form coded otherwise is an NGO ("AMAZON WATCH
//     [NGOSAMENV]") or a territory ("AMERICAN SAMOA [USAASM]").
//  9. Anything else is a body when its code gives a sector or names an
//     international organization, NGO or armed group, unless its name is
//     an office ("US SECRETARY OF STATE"); otherwise it is skipped.
type kind int

const (
	skipEntry kind = iota
	personEntry
	bodyEntry
)

// strongBodyWords name bodies so surely that they outweigh the person
// lists' mark ("GOVERNMENT OF AFGHANISTAN # CountryInfo.txt").
var strongBodyWords = wordSet(`ARMY PARTY FRONT MINISTRY COUNCIL FORCES COMMITTEE MOVEMENT UNION COURT
	GOVERNMENT ORGANIZATION ORGANISATION AGENCY DEPARTMENT BUREAU COMMISSION ASSEMBLY PARLIAMENT
	MILITIA BRIGADE BRIGADES LEAGUE ALLIANCE COALITION FEDERATION INSTITUTE FOUNDATION UNIVERSITY
	SOCIETY CORPORATION COMPANY AUTHORITY SECRETARIAT TRIBUNAL DIRECTORATE REPUBLIC KINGDOM`)

// marked reports whether an entry comes from a list of people.
func (e *entry) marked() bool {
	c := strings.ToLower(e.comment)
	return strings.Contains(c, "countryinfo") || strings.Contains(c, "igorulers")
}

// classify decides what an entry is, and names the rule.
func (c *converter) classify(e *entry) (kind, string) {
	if len(e.codes) == 0 {
		return skipEntry, "skipped: no code"
	}
	placeOnly, corporate, known, dated, sectored, igo := true, false, false, false, false, false
	for _, code := range e.codes {
		dated = dated || code.since != "" || code.until != ""
		lead := code.code[:min(3, len(code.code))]
		if lead == "MNC" {
			corporate = true
		}
		if len(code.code) > 3 || code.code == "---" {
			if code.code != "---" {
				placeOnly = false
			}
		} else if _, ok := c.countryOf(lead); !ok && !regionCodes[lead] {
			placeOnly = false
		}
		if international[lead] {
			known = true
			igo = igo || lead == "IGO"
		} else if len(code.code) >= 6 {
			if _, ok := sectorOf(code.code[3:6]); ok {
				known, sectored = true, true
			}
		}
	}
	name := e.phrase
	first := strings.Fields(name)[0]
	switch {
	case c.places[fold(name)]:
		return skipEntry, "skipped: the name of a country"
	case placeOnly:
		return skipEntry, "skipped: country, region or place entry"
	case corporate:
		return skipEntry, "skipped: corporation (MNC)"
	case e.marked() && !hasAny(name, strongBodyWords) && !hasAny(name, functionWords):
		return personEntry, "person: listed in CountryInfo or IGOrulers"
	case hasAny(name, bodyWords):
		return bodyEntry, "body: a word only bodies have"
	case (titleWords[first] || honorifics[first]) && looksLikePersonName(stripTitles(name)):
		return personEntry, "person: name after a title or honorific"
	case !strings.Contains(name, " ") && dated:
		return personEntry, "person: one word with a term of office"
	case looksLikePersonName(name) && c.firstNames[first]:
		return personEntry, "person: name form with a known first name"
	case e.file == actorSources[2] && looksLikePersonName(name) && imgOnly(e):
		return personEntry, "person: name form coded as a member of an armed group (IMG)"
	case e.file == actorSources[2]:
		return bodyEntry, "body: in the armed-groups file"
	case looksLikePersonName(name) && (sectored || igo || dated) && !hasAny(name, titleWords):
		return personEntry, "person: name form, coded with a sector, an IGO or a term"
	case known && hasAny(name, titleWords):
		return skipEntry, "skipped: an office, not a body"
	case known:
		return bodyEntry, "body: coded with a sector or as an organization"
	}
	return skipEntry, "skipped: neither a name nor a coded body"
}

// imgOnly reports whether every code of an entry is an international armed
// group's (IMG).
func imgOnly(e *entry) bool {
	for _, c := range e.codes {
		if !strings.HasPrefix(c.code, "IMG") {
			return false
		}
	}
	return true
}

// international are the first three letters of codes that belong to no
// country: intergovernmental organizations, NGOs, international armed
// groups ("militarized groups") and corporations.
var international = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true}

// regionCodes are CAMEO's codes for regions, which are no country.
var regionCodes = wordSet(`AFR ASA BLK CAS CAU CFR CRB EAF EEU EIN EUR LAM MEA MDT NAF NMR PGS SAF SAM
	SAS SCN SEA SSA WAF WEU WST`)
