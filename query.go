package geokg

import "context"

// This file holds what the API reads back from the graph: the shapes of the
// answers (a drawn neighborhood, a path, an event with its participants
// resolved) and the GraphReader interface the GraphQL layer depends on, so
// that it never imports the store.

// Relationship types the store writes itself from articles, mentions and
// events. Together with RelationTypes they are every relationship type in the
// graph; like RelationTypes they are fixed, never built from user input.
const (
	RelMentions   RelationType = "MENTIONS"    // Article -> Entity
	RelWrittenBy  RelationType = "WRITTEN_BY"  // Article -> Person
	RelAbout      RelationType = "ABOUT"       // Event -> Conflict
	RelOccurredIn RelationType = "OCCURRED_IN" // Event -> Location|Country
	RelReportedIn RelationType = "REPORTED_IN" // Event -> Article
	// RelInvolves is also Event -> Entity, with the participant's role.
)

// GraphRelationTypes lists every relationship type stored in the graph.
var GraphRelationTypes = []RelationType{
	RelHoldsRole, RelPartOf, RelInvolves, RelCapitalOf,
	RelMentions, RelWrittenBy, RelAbout, RelOccurredIn, RelReportedIn,
}

// Stored reports whether t is a relationship type the graph holds, which is
// what a filter on relationship types may name.
func (t RelationType) Stored() bool {
	for _, v := range GraphRelationTypes {
		if t == v {
			return true
		}
	}
	return false
}

// NodeKind is what a node in a drawn graph or a path is: an entity of one of
// the Kinds, an event, or an article.
type NodeKind string

// Node kinds: the entity kinds (NodeKind(k) converts a Kind), events and
// articles.
const (
	NodePerson                = NodeKind(KindPerson)
	NodeCountry               = NodeKind(KindCountry)
	NodeOrganization          = NodeKind(KindOrganization)
	NodeLocation              = NodeKind(KindLocation)
	NodeConflict              = NodeKind(KindConflict)
	NodeEvent        NodeKind = "Event"
	NodeArticle      NodeKind = "Article"
)

// Node is one vertex of a neighborhood or a path, with what a client needs
// to draw it.
type Node struct {
	ID string `json:"id"`
	// Label is the entity's name, "TYPE date" for an event, or the
	// article's title.
	Label string   `json:"label"`
	Kind  NodeKind `json:"kind"`
	// Evidence is, for an event, the sentences that reported it, at most
	// MaxEvidence of them; EvidenceCount counts them all.
	Evidence      []Evidence `json:"evidence"`
	EvidenceCount int        `json:"evidenceCount,omitempty"`
	// Degree is, in a neighborhood, how many of its edges touch the node.
	Degree int `json:"degree,omitempty"`
}

// Edge is one stored relationship between two nodes. Source and Target
// follow the stored direction. Only the properties its type has are set.
type Edge struct {
	ID     string       `json:"id"`
	Source string       `json:"source"`
	Target string       `json:"target"`
	Type   RelationType `json:"type"`
	Title  string       `json:"title,omitempty"` // HOLDS_ROLE
	Since  string       `json:"since,omitempty"` // HOLDS_ROLE
	Until  string       `json:"until,omitempty"` // HOLDS_ROLE
	Side   string       `json:"side,omitempty"`  // conflict INVOLVES
	Role   string       `json:"role,omitempty"`  // event INVOLVES
	Count  int          `json:"count,omitempty"` // MENTIONS
	// Source of the fact: "kb" or "article"; empty for the store's own links.
	FactSource string     `json:"factSource,omitempty"`
	Evidence   []Evidence `json:"evidence"`
	// Weight is how strong the edge is, for drawing: a mention's count,
	// the number of sentences behind an event link, otherwise 1.
	Weight float64 `json:"weight"`
}

// Graph is a set of nodes and the edges among them, ready to draw.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Truncated says the node budget cut nodes off.
	Truncated bool `json:"truncated"`
}

// Path is one path between two entities: Nodes in order from the start, and
// Relationships[i] joining Nodes[i] and Nodes[i+1].
type Path struct {
	Nodes         []Node `json:"nodes"`
	Relationships []Edge `json:"relationships"`
}

// Length is the number of relationships in the path.
func (p Path) Length() int { return len(p.Relationships) }

// Direction says which way a relationship points, seen from an entity.
type Direction string

// Directions of a relationship relative to the entity it was asked about.
const (
	Outgoing Direction = "OUTGOING"
	Incoming Direction = "INCOMING"
)

// Relationship is one relationship of an entity as the entity sees it: its
// type, which way it points and the node at the other end.
type Relationship struct {
	Edge
	Direction Direction `json:"direction"`
	Other     Node      `json:"other"`
}

// Role is a HOLDS_ROLE fact: who held which office of which country or
// organization, and when.
type Role struct {
	Person       Entity    `json:"person"`
	Organization Entity    `json:"organization"`
	Title        string    `json:"title"`
	Since        string    `json:"since,omitempty"`
	Until        string    `json:"until,omitempty"`
	Source       string    `json:"source"`
	Evidence     *Evidence `json:"evidence,omitempty"`
}

// SearchHit is one entity found by a full-text search.
type SearchHit struct {
	Entity Entity  `json:"entity"`
	Score  float64 `json:"score"`
	// MatchedAlias is the alias that matched the text best, or empty when
	// the name itself did.
	MatchedAlias string `json:"matchedAlias,omitempty"`
}

// EventParticipant is an entity taking part in an event, resolved.
type EventParticipant struct {
	Entity Entity          `json:"entity"`
	Role   ParticipantRole `json:"role"`
	// Sector is the part of the entity that took part (its military, its
	// police), as the first article to say so said it; empty when none did.
	Sector Sector `json:"sector,omitempty"`
}

// EventDetail is an event with its participants, conflicts and place
// resolved to entities and its evidence cited with article titles: what the
// API shows, where Event is what the loader writes.
type EventDetail struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	CAMEO string `json:"cameo"`
	// Code is the most specific CAMEO code any report of the event gave,
	// with that code's name, PLOVER category, Goldstein score and quad
	// class (see Event).
	Code         string             `json:"code"`
	CodeName     string             `json:"codeName"`
	Plover       string             `json:"plover,omitempty"`
	Goldstein    float64            `json:"goldstein"`
	QuadClass    int                `json:"quadClass"`
	Date         string             `json:"date,omitempty"`
	Confidence   float64            `json:"confidence"`
	Participants []EventParticipant `json:"participants"`
	About        []Entity           `json:"about"`
	Location     *Entity            `json:"location,omitempty"`
	// Evidence is the sentences that report the event, the earliest
	// articles' first, at most MaxEvidence; EvidenceCount counts them all.
	Evidence      []Evidence `json:"evidence"`
	EvidenceCount int        `json:"evidenceCount"`
}

// MaxEvidence is how many reporting sentences an event carries in an
// answer. A widely reported event would otherwise repeat every article's
// sentence in every answer that touches it, unbounded by any page size.
const MaxEvidence = 20

// MentionedEntity is an entity an article names, with how often and where
// first.
type MentionedEntity struct {
	Entity  Entity   `json:"entity"`
	Count   int      `json:"count"`
	Surface []string `json:"surface"`
	First   Evidence `json:"first"`
}

// ArticleContent is what a stored article holds beyond its own fields:
// the entities it mentions (most mentioned first) and the events it
// reports. It is read apart from the article, because most answers cite an
// article only by its title.
type ArticleContent struct {
	Entities []MentionedEntity `json:"entities"`
	Events   []EventDetail     `json:"events"`
}

// Page asks for a slice of an ordered list: First items after the first
// Offset. Connections in the API turn it into cursors.
type Page struct {
	First, Offset int
}

// Paged is one page of a list and the size of the whole list.
type Paged[T any] struct {
	Items []T
	Total int
}

// EntityOrder is what a list of entities is sorted by.
type EntityOrder string

// Entity orders.
const (
	OrderByName     EntityOrder = "NAME"
	OrderByMentions EntityOrder = "MENTIONS"
)

// EntityFilter selects entities. Empty fields do not filter.
type EntityFilter struct {
	Kinds      []Kind
	NamePrefix string
	// CountryID keeps the entities tied to that country: people holding
	// an office of it, organizations and places in it.
	CountryID string
	OrderBy   EntityOrder
	Desc      bool
}

// EventFilter selects events. Empty fields do not filter. A location
// matches events that occurred in it or in a place that lies in it, however
// deep (the Kremlin in Moscow in Russia), or in its capital.
type EventFilter struct {
	Types         []string
	ActorID       string
	TargetID      string
	ParticipantID string
	LocationID    string
	AboutID       string
	From, To      string // inclusive, YYYY-MM-DD (or coarser) compared as text
	// Codes keeps the events whose CAMEO code starts with one of them:
	// codes or prefixes of 2 to 4 digits ("19" every fight, "195" air
	// strikes).
	Codes []string
	// QuadClasses keeps the events of these quad classes (QuadVerbalCooperation
	// and the others, 1 to 4).
	QuadClasses []int
	// Plover keeps the events of these PLOVER categories (PloverCategories).
	Plover []string
	// GoldsteinAtLeast and GoldsteinAtMost bound the Goldstein score,
	// inclusive; nil does not bound.
	GoldsteinAtLeast, GoldsteinAtMost *float64
	// ActorSectors keeps the events an actor takes part in as one of these
	// sectors; with ActorID, that actor. TargetSectors is the same for
	// targets.
	ActorSectors, TargetSectors []Sector
	// Ascending sorts oldest first; newest first otherwise.
	Ascending bool
}

// ArticleFilter selects articles. Empty fields do not filter.
type ArticleFilter struct {
	From, To   string // publication dates, inclusive
	MentionsID string
}

// RoleFilter selects offices. Empty fields do not filter.
type RoleFilter struct {
	// OfID keeps the offices of that country or organization.
	OfID  string
	Title string
	// At keeps the offices held on that date.
	At string
}

// NeighborhoodQuery asks for the graph around one or several entities.
type NeighborhoodQuery struct {
	IDs           []string
	Depth         int
	Kinds         []Kind
	RelationTypes []RelationType
	Limit         int
	WithArticles  bool
}

// PathQuery asks how two entities are connected.
type PathQuery struct {
	From, To  string
	MaxLength int
	// All asks for all shortest paths (at most 10); otherwise one.
	All           bool
	RelationTypes []RelationType
	// Via are the node kinds allowed on the way; entities and events when
	// empty. The ends always count.
	Via []NodeKind
}

// CoMention is an entity named in the same articles as another.
type CoMention struct {
	Entity         Entity
	SharedArticles int
	// ArticleIDs are up to ten of the shared articles, newest first.
	ArticleIDs []string
}

// CommonNeighbor is an entity linked to both of two entities, with the
// links.
type CommonNeighbor struct {
	Entity     Entity
	ViaA, ViaB []Edge
}

// Party is a country or organization taking part in a conflict, on a side.
type Party struct {
	Conflict Entity
	Entity   Entity
	Side     string
}

// GraphReader answers the questions the API asks of the graph. Methods that
// take a list of ids answer for all of them in one round trip, keyed by id,
// so the API can batch per request: the number of round trips grows with
// the depth of a query, not with the number of results. Ids are entity,
// event or article keys. Errors are *Error values with a code; argument
// errors name the API's argument.
type GraphReader interface {
	// EntityByName returns the best entity whose name or an alias equals
	// name, ignoring case, or an error with CodeNotFound.
	EntityByName(ctx context.Context, name string) (Entity, error)
	Entities(ctx context.Context, f EntityFilter, p Page) (Paged[Entity], error)
	Search(ctx context.Context, text string, kinds []Kind, p Page) (Paged[SearchHit], error)
	Neighborhood(ctx context.Context, q NeighborhoodQuery) (Graph, error)
	Paths(ctx context.Context, q PathQuery) ([]Path, error)
	Events(ctx context.Context, f EventFilter, p Page) (Paged[EventDetail], error)
	Articles(ctx context.Context, f ArticleFilter, p Page) (Paged[Article], error)
	Offices(ctx context.Context, f RoleFilter, p Page) (Paged[Role], error)
	CommonNeighbors(ctx context.Context, a, b string, kinds []Kind, p Page) (Paged[CommonNeighbor], error)

	// Batched by id.
	EntitiesByID(ctx context.Context, ids []string) (map[string]Entity, error)
	EventsByID(ctx context.Context, ids []string) (map[string]EventDetail, error)
	ArticlesByID(ctx context.Context, ids []string) (map[string]Article, error)
	ArticleContents(ctx context.Context, ids []string) (map[string]ArticleContent, error)
	MentionCounts(ctx context.Context, ids []string) (map[string]int, error)
	RelationshipsOf(ctx context.Context, ids []string, types []RelationType, p Page) (map[string]Paged[Relationship], error)
	EventsOf(ctx context.Context, ids []string, role ParticipantRole, p Page) (map[string]Paged[EventDetail], error)
	// OfficesOf returns the offices held by each person id, or of each
	// country or organization id.
	OfficesOf(ctx context.Context, ids []string, f RoleFilter, p Page) (map[string]Paged[Role], error)
	CoMentionsOf(ctx context.Context, ids []string, kinds []Kind, p Page) (map[string]Paged[CoMention], error)
	// PartiesOf returns, for each conflict id, its parties; for each
	// country or organization id, the conflicts it is a party to going on
	// between fromYear and toYear (0 for open).
	PartiesOf(ctx context.Context, ids []string, fromYear, toYear int, p Page) (map[string]Paged[Party], error)
}
