package model

import "github.com/geokg/geokg"

// The five entity types of the schema share one domain type, geokg.Entity;
// these wrappers give each GraphQL type its own Go type, which gqlgen
// needs to resolve the Entity interface to the right one. The marker
// methods are the ones gqlgen's generated Node and Entity interfaces ask
// for.

// Person is a geokg.Entity of kind Person.
type Person struct{ geokg.Entity }

// Country is a geokg.Entity of kind Country.
type Country struct{ geokg.Entity }

// Organization is a geokg.Entity of kind Organization.
type Organization struct{ geokg.Entity }

// Location is a geokg.Entity of kind Location.
type Location struct{ geokg.Entity }

// Conflict is a geokg.Entity of kind Conflict.
type Conflict struct{ geokg.Entity }

func (*Person) IsNode()         {}
func (*Person) IsEntity()       {}
func (*Country) IsNode()        {}
func (*Country) IsEntity()      {}
func (*Organization) IsNode()   {}
func (*Organization) IsEntity() {}
func (*Location) IsNode()       {}
func (*Location) IsEntity()     {}
func (*Conflict) IsNode()       {}
func (*Conflict) IsEntity()     {}

// AsEntity wraps e in the type of its kind. An entity of an unknown kind
// (which the store never writes) is shown as an Organization rather than
// failing the whole response.
func AsEntity(e geokg.Entity) Entity {
	switch e.Kind {
	case geokg.KindPerson:
		return &Person{e}
	case geokg.KindCountry:
		return &Country{e}
	case geokg.KindLocation:
		return &Location{e}
	case geokg.KindConflict:
		return &Conflict{e}
	default:
		return &Organization{e}
	}
}

// Inner returns the domain entity an Entity wraps.
func Inner(e Entity) geokg.Entity {
	switch v := e.(type) {
	case *Person:
		return v.Entity
	case *Country:
		return v.Entity
	case *Location:
		return v.Entity
	case *Conflict:
		return v.Entity
	case *Organization:
		return v.Entity
	}
	return geokg.Entity{}
}

// Node is any object with an opaque id: an entity (of the types above), a
// geokg.EventDetail or a geokg.Article. It is declared here rather
// than generated because the domain package has a type named Node (a
// vertex of a drawn graph) that gqlgen would otherwise bind by name; it
// is empty so that the domain types need no GraphQL marker methods.
type Node interface{}

// Entity is any of the five entity types.
type Entity interface {
	IsEntity()
}
