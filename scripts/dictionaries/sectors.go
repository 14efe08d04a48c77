package main

import "github.com/geokg/geokg"

// sectorCodes map CAMEO's three-letter role codes to the knowledge base's
// sectors. Only the first code after the country (or after "~" in an
// agent) counts: "GOVMED" is government media, so government.
var sectorCodes = map[string]geokg.Sector{
	"GOV": geokg.SectorGovernment,
	"ELI": geokg.SectorGovernment, // elites: former officials, party figures
	"MIL": geokg.SectorMilitary,
	"COP": geokg.SectorPolice,
	"SPY": geokg.SectorIntelligence,
	"JUD": geokg.SectorJudiciary,
	"LEG": geokg.SectorLegislature,
	"OPP": geokg.SectorOpposition,
	"REB": geokg.SectorRebels,
	"SEP": geokg.SectorRebels, // separatists
	"UAF": geokg.SectorRebels, // unaligned armed forces
	"INS": geokg.SectorInsurgents,
	"CVL": geokg.SectorCivilians,
	"EDU": geokg.SectorCivilians, // students and teachers
	"AGR": geokg.SectorCivilians, // farmers
	"MED": geokg.SectorMedia,
	"BUS": geokg.SectorBusiness,
	"LAB": geokg.SectorLabour,
	"REF": geokg.SectorRefugees,
	"CRM": geokg.SectorCriminals,
	"NGO": geokg.SectorNGO,
	"HRI": geokg.SectorNGO, // human-rights groups
}

// religionCodes are CAMEO's religion codes, all of the religious sector.
// Shinto's SHN is left out: it is also Saint Helena's ISO code, which the
// country file uses for the island ("GBRSHN").
var religionCodes = map[string]bool{
	"REL": true, "CHR": true, "MOS": true, "MUS": true, "JEW": true, "BUD": true, "HIN": true,
	"SIK": true, "JAN": true, "TAO": true, "CON": true, "ZRO": true, "BAH": true,
	"ADR": true, "ALE": true, "DOX": true, "ITR": true, "ATH": true, "CTH": true, "ORT": true,
}

// sectorOf returns the sector of a three-letter role code; ok is false for
// a code with no sector (HLH health, ENV environment, PTY party, ...).
func sectorOf(code string) (geokg.Sector, bool) {
	if s, ok := sectorCodes[code]; ok {
		return s, true
	}
	if religionCodes[code] {
		return geokg.SectorReligious, true
	}
	return "", false
}
