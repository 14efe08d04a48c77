package geokg

import (
	"slices"
	"time"
)

// Kind is the kind of an entity. Kinds double as Neo4j labels, so the set is
// closed: labels in Cypher come only from this enum, never from user input.
type Kind string

// The entity kinds. Every entity node also carries the label Entity.
const (
	KindPerson       Kind = "Person"
	KindCountry      Kind = "Country"
	KindOrganization Kind = "Organization"
	KindLocation     Kind = "Location"
	KindConflict     Kind = "Conflict"
)

// Kinds lists every entity kind in a fixed order.
var Kinds = []Kind{KindPerson, KindCountry, KindOrganization, KindLocation, KindConflict}

// Valid reports whether k is one of the fixed kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Entity is a person, country, organization, location or conflict. ID is
// stable across loads ("person:sergey-lavrov"); knowledge-base entities keep
// their Wikidata id so answers can be linked to the outside world.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     Kind     `json:"kind"`
	Aliases  []string `json:"aliases,omitempty"`
	Wikidata string   `json:"wikidata,omitempty"`
	// Type refines the kind: "city", "alliance", "civil-war", "news-outlet".
	Type string `json:"type,omitempty"`
	// Start and End bound a conflict or a historical state (YYYY-MM-DD).
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
	// Confidence is 1 for knowledge-base entities and lower for names the
	// loader found by cues alone (an author line, a title before a name).
	Confidence float64 `json:"confidence"`
	// Source says where the entity came from: "kb" or "article".
	Source string `json:"source"`
}

// Article is one news article as the loader read it.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Subtitle  string `json:"subtitle,omitempty"`
	Body      string `json:"body"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD, empty when unknown
	// PublishedInferred marks a date the article did not carry, read
	// from its text (the terms of the offices it names, its latest
	// explicit date, an attack it dates relatively). Such a date may be
	// given only to the month (YYYY-MM) or year (YYYY).
	PublishedInferred bool   `json:"publishedInferred,omitempty"`
	Author            string `json:"author,omitempty"`
	// AuthorID is the Person entity of Author, set by the extractor; the
	// store links the article to it with WRITTEN_BY.
	AuthorID string `json:"authorId,omitempty"`
	Source   string `json:"source,omitempty"`
	// Origin names where the article was read from (a file path, "file:line"
	// for JSONL, or "-" for stdin); it is what error messages cite.
	Origin string `json:"origin,omitempty"`
	// Hash is the SHA-256 of the article's content when read; the extractor
	// folds its own version and knowledge base into it, so that an article
	// is skipped on reload only when neither the text nor what reads it
	// changed.
	Hash string `json:"hash"`
}

// PublishedTime parses Published; ok is false when it is empty or invalid.
func (a Article) PublishedTime() (t time.Time, ok bool) {
	t, err := time.Parse(time.DateOnly, a.Published)
	return t, err == nil
}

// Evidence is the sentence a fact was extracted from.
type Evidence struct {
	ArticleID string `json:"articleId"`
	// Sentence is the index of the sentence in the article (0 is the title).
	Sentence int    `json:"sentence"`
	Text     string `json:"text"`
	// ArticleTitle is filled by the store when it reads evidence back, so an
	// answer can cite the article without another lookup; the loader leaves
	// it empty.
	ArticleTitle string `json:"articleTitle,omitempty"`
}

// Mention says that an article names an entity, how often, and where first.
type Mention struct {
	EntityID string   `json:"entityId"`
	Count    int      `json:"count"`
	Surface  []string `json:"surface"` // the distinct strings that matched
	First    Evidence `json:"first"`
}

// RelationType is the type of a relation between two entities. Like Kind it
// is a closed enum because it becomes a Neo4j relationship type.
type RelationType string

// The relation types between entities. Article and event relationships
// (MENTIONS, WRITTEN_BY, INVOLVES, ABOUT, OCCURRED_IN, REPORTED_IN) are
// written by the store from Article, Mention and Event and are not listed here.
const (
	RelHoldsRole RelationType = "HOLDS_ROLE" // Person -> Country|Organization
	RelPartOf    RelationType = "PART_OF"    // Conflict -> Conflict, Location -> Country
	RelInvolves  RelationType = "INVOLVES"   // Conflict -> Country|Organization
	RelCapitalOf RelationType = "CAPITAL_OF" // Location -> Country
)

// RelationTypes lists every relation type in a fixed order.
var RelationTypes = []RelationType{RelHoldsRole, RelPartOf, RelInvolves, RelCapitalOf}

// Valid reports whether t is one of the fixed relation types.
func (t RelationType) Valid() bool {
	for _, v := range RelationTypes {
		if t == v {
			return true
		}
	}
	return false
}

// Relation is a fact between two entities: a role held, a conflict's party,
// a sub-conflict. Relations from the knowledge base have no evidence; those
// read in an article carry the sentence.
type Relation struct {
	Type RelationType `json:"type"`
	From string       `json:"from"`
	To   string       `json:"to"`
	// Title, Since and Until describe a HOLDS_ROLE relation.
	Title string `json:"title,omitempty"`
	Since string `json:"since,omitempty"`
	Until string `json:"until,omitempty"`
	// Side names a party's side in a conflict (INVOLVES).
	Side     string    `json:"side,omitempty"`
	Source   string    `json:"source"` // "kb" or "article"
	Evidence *Evidence `json:"evidence,omitempty"`
}

// ParticipantRole is how an entity takes part in an event.
type ParticipantRole string

// Participant roles, following the source/target split of event coding.
const (
	RoleActor       ParticipantRole = "actor"
	RoleTarget      ParticipantRole = "target"
	RoleParticipant ParticipantRole = "participant"
)

// Participant is one entity's part in an event.
type Participant struct {
	ID   string          `json:"id"`
	Role ParticipantRole `json:"role"`
	// Sector says which part of a country or body acted or was acted on,
	// when the text says so: "Israeli soldiers" are Israel's military,
	// "riot police in Cairo" Egypt's police. Empty when the entity acted
	// as a whole or the text does not say. One of Sectors.
	Sector Sector `json:"sector,omitempty"`
}

// Sector is a part of a country or body, after the agent codes of event
// data (CAMEO's GOV, MIL, COP, REB, ...). Like Kind it is a closed enum:
// the API filters on it.
type Sector string

// The sectors. Their order is the API enum's.
const (
	SectorGovernment   Sector = "government"
	SectorMilitary     Sector = "military"
	SectorPolice       Sector = "police"
	SectorIntelligence Sector = "intelligence"
	SectorJudiciary    Sector = "judiciary"
	SectorLegislature  Sector = "legislature"
	SectorOpposition   Sector = "opposition"
	SectorRebels       Sector = "rebels"
	SectorInsurgents   Sector = "insurgents"
	SectorCivilians    Sector = "civilians"
	SectorProtesters   Sector = "protesters"
	SectorMedia        Sector = "media"
	SectorBusiness     Sector = "business"
	SectorLabour       Sector = "labour"
	SectorReligious    Sector = "religious"
	SectorRefugees     Sector = "refugees"
	SectorCriminals    Sector = "criminals"
	SectorNGO          Sector = "ngo"
)

// Sectors lists every sector in a fixed order.
var Sectors = []Sector{SectorGovernment, SectorMilitary, SectorPolice, SectorIntelligence, SectorJudiciary,
	SectorLegislature, SectorOpposition, SectorRebels, SectorInsurgents, SectorCivilians, SectorProtesters,
	SectorMedia, SectorBusiness, SectorLabour, SectorReligious, SectorRefugees, SectorCriminals, SectorNGO}

// Valid reports whether s is one of Sectors.
func (s Sector) Valid() bool { return slices.Contains(Sectors, s) }

// Event is who did what to whom, when, where and about what, as one article
// sentence (or several sentences of one article) reports it.
type Event struct {
	ID   string `json:"id"`
	Type string `json:"type"` // CONSULT, ACCUSE, ... (see loader/kb/data/events.yaml)
	// CAMEO is the CAMEO root code of Type ("04" for consult).
	CAMEO string `json:"cameo"`
	// Code is the full CAMEO code ("046" negotiate, "195" employ aerial
	// weapons), as precise as the text allows; its first two digits are
	// CAMEO. CodeName, Plover, Goldstein and QuadClass follow from it (see
	// the code book's cameo.yaml) and are what users of GDELT and
	// POLECAT filter on.
	Code         string        `json:"code"`
	CodeName     string        `json:"codeName"` // the code's name in the CAMEO codebook
	Plover       string        `json:"plover,omitempty"`
	Goldstein    float64       `json:"goldstein"`
	QuadClass    int           `json:"quadClass"`
	Participants []Participant `json:"participants"`
	About        []string      `json:"about"` // conflict ids
	Location     string        `json:"location,omitempty"`
	Date         string        `json:"date,omitempty"` // YYYY-MM-DD, or YYYY-MM / YYYY when coarser
	Confidence   float64       `json:"confidence"`
	Evidence     []Evidence    `json:"evidence"`
}

// IDsWithRole returns the participant ids that have role r, in order.
func (e Event) IDsWithRole(r ParticipantRole) []string {
	var ids []string
	for _, p := range e.Participants {
		if p.Role == r {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// Facts is everything the loader extracted from one article: the unit the
// store writes in a single transaction.
type Facts struct {
	Article Article `json:"article"`
	// Entities are every entity the facts refer to, mentioned or not (a
	// conflict's parent, a role's country), so the store can write nodes
	// before relationships.
	Entities  []Entity   `json:"entities"`
	Mentions  []Mention  `json:"mentions"`
	Relations []Relation `json:"relations"`
	Events    []Event    `json:"events"`
}

// EventTypes are the event types of the code book
// (loader/kb/data/events.yaml), in its order; a test keeps the two equal.
// Readers check type filters against them, so a type never reaches Cypher
// unchecked.
var EventTypes = []string{
	"STATEMENT", "APPEAL", "INTENT_TO_COOPERATE", "CONSULT", "DIPLOMATIC_COOPERATION",
	"MATERIAL_COOPERATION", "YIELD", "INVESTIGATE", "DEMAND", "DISAPPROVE", "ACCUSE", "REJECT",
	"THREATEN", "PROTEST", "FORCE_POSTURE", "REDUCE_RELATIONS", "COERCE", "ASSAULT", "FIGHT",
	"MASS_VIOLENCE",
}

// eventRoots maps each event type to its CAMEO root code. CAMEO's 06
// (material cooperation) and 07 (provide aid) are one type here, and its
// 11 (disapprove) is split in two: ACCUSE (its 112) and DISAPPROVE.
var eventRoots = map[string]string{
	"STATEMENT": "01", "APPEAL": "02", "INTENT_TO_COOPERATE": "03", "CONSULT": "04",
	"DIPLOMATIC_COOPERATION": "05", "MATERIAL_COOPERATION": "06", "YIELD": "08", "INVESTIGATE": "09",
	"DEMAND": "10", "DISAPPROVE": "11", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13",
	"PROTEST": "14", "FORCE_POSTURE": "15", "REDUCE_RELATIONS": "16", "COERCE": "17",
	"ASSAULT": "18", "FIGHT": "19", "MASS_VIOLENCE": "20",
}

// RootCode returns the CAMEO root code of event type t, or "" for a type
// outside the code book.
func RootCode(t string) string { return eventRoots[t] }

// The quad classes of event data: every CAMEO root falls in one.
const (
	QuadVerbalCooperation   = 1 // roots 01-05
	QuadMaterialCooperation = 2 // roots 06-09
	QuadVerbalConflict      = 3 // roots 10-14
	QuadMaterialConflict    = 4 // roots 15-20
)

// QuadClassOf returns the quad class of a CAMEO code (any length), or 0
// when it has no valid root.
func QuadClassOf(code string) int {
	if len(code) < 2 {
		return 0
	}
	switch code[:2] {
	case "01", "02", "03", "04", "05":
		return QuadVerbalCooperation
	case "06", "07", "08", "09":
		return QuadMaterialCooperation
	case "10", "11", "12", "13", "14":
		return QuadVerbalConflict
	case "15", "16", "17", "18", "19", "20":
		return QuadMaterialConflict
	}
	return 0
}

// PloverCategories are the PLOVER event types the code book's CAMEO codes
// map to (loader/kb/data/cameo.yaml), in the order the code book first
// uses them; a test keeps the two equal. Statements (CAMEO 01) have none.
// Readers check PLOVER filters against them, so a category never reaches
// Cypher unchecked.
var PloverCategories = []string{
	"REQUEST", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
	"DEMAND", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
}

// KnownPlover reports whether p is one of PloverCategories.
func KnownPlover(p string) bool { return slices.Contains(PloverCategories, p) }

// KnownEventType reports whether t is one of EventTypes.
func KnownEventType(t string) bool {
	for _, v := range EventTypes {
		if v == t {
			return true
		}
	}
	return false
}
