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
	// Evidence is, for an event, the sentences that reported it.
	Evidence []Evidence `json:"evidence"`
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
}

// Graph is a set of nodes and the edges among them, ready to draw.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
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
}

// EventDetail is an event with its participants, conflicts and place
// resolved to entities and its evidence cited with article titles: what the
// API shows, where Event is what the loader writes.
type EventDetail struct {
	ID           string             `json:"id"`
	Type         string             `json:"type"`
	CAMEO        string             `json:"cameo"`
	Date         string             `json:"date,omitempty"`
	Confidence   float64            `json:"confidence"`
	Participants []EventParticipant `json:"participants"`
	About        []Entity           `json:"about"`
	Location     *Entity            `json:"location,omitempty"`
	Evidence     []Evidence         `json:"evidence"`
}

// MentionedEntity is an entity an article names, with how often and where
// first.
type MentionedEntity struct {
	Entity  Entity   `json:"entity"`
	Count   int      `json:"count"`
	Surface []string `json:"surface"`
	First   Evidence `json:"first"`
}

// ArticleDetail is a stored article with the entities it mentions (most
// mentioned first) and the events it reports.
type ArticleDetail struct {
	Article
	Entities []MentionedEntity `json:"entities"`
	Events   []EventDetail     `json:"events"`
}

// EventFilter selects events. Empty fields do not filter. Role only
// applies together with ParticipantID. A location matches events that
// occurred in it or in a place that is part of it (or its capital).
type EventFilter struct {
	Type          string
	ParticipantID string
	Role          ParticipantRole
	LocationID    string
	AboutID       string
	From, To      string // inclusive, YYYY-MM-DD (or coarser) compared as text
	First         int
}

// GraphReader answers the questions the API asks of the graph. Methods that
// take a list of ids answer for all of them in one round trip, keyed by id,
// so the API can batch per request. Errors are *Error values with a code.
type GraphReader interface {
	// Entity returns the entity with id, or an error with CodeNotFound.
	Entity(ctx context.Context, id string) (Entity, error)
	// EntityByName returns the best entity whose name or an alias equals
	// name, ignoring case, or an error with CodeNotFound.
	EntityByName(ctx context.Context, name string) (Entity, error)
	Search(ctx context.Context, text string, kinds []Kind, first int) ([]SearchHit, error)
	Neighborhood(ctx context.Context, id string, depth int, kinds []Kind, limit int, withArticles bool) (Graph, error)
	Paths(ctx context.Context, from, to string, maxLength int, throughArticles bool) ([]Path, error)
	Article(ctx context.Context, id string) (ArticleDetail, error)
	Articles(ctx context.Context, first int, after string) ([]ArticleDetail, error)
	Events(ctx context.Context, f EventFilter) ([]EventDetail, error)

	RelationshipsOf(ctx context.Context, ids []string, types []RelationType, first int) (map[string][]Relationship, error)
	EventsOf(ctx context.Context, ids []string, role ParticipantRole, first int) (map[string][]EventDetail, error)
	RolesOf(ctx context.Context, ids []string) (map[string][]Role, error)
}
