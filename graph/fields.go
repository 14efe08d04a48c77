package graph

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/graph/model"
)

// The shared bodies of the resolvers. The five entity types have the same
// list fields; each type's resolver calls these with its entity's key, so
// the behaviour (batching, paging, defaults) is written once.

const defaultFirst = 20

func (r *Resolver) mentionCount(ctx context.Context, id string) (int, error) {
	return r.loadersFrom(ctx).mentionCounts.Load(ctx, id)
}

func (r *Resolver) relationships(ctx context.Context, id string, types []geokg.RelationType, first *int, after *string) (*model.RelationshipConnection, error) {
	p, err := page(first, after, defaultFirst)
	if err != nil {
		return nil, err
	}
	res, err := r.loadersFrom(ctx).relationships.Load(ctx, listKey{id: id, filter: joinSorted(types), first: p.First, offset: p.Offset})
	if err != nil {
		return nil, err
	}
	edges, info := connection(res.Items, res.Total, p, func(c string, v geokg.Relationship) model.RelationshipEdge {
		return model.RelationshipEdge{Cursor: c, Node: &v}
	})
	return &model.RelationshipConnection{Edges: edges, PageInfo: info, TotalCount: res.Total}, nil
}

func (r *Resolver) entityEvents(ctx context.Context, id string, role *geokg.ParticipantRole, first *int, after *string) (*model.EventConnection, error) {
	p, err := page(first, after, defaultFirst)
	if err != nil {
		return nil, err
	}
	res, err := r.loadersFrom(ctx).eventsOf.Load(ctx, listKey{id: id, filter: string(strOr(role)), first: p.First, offset: p.Offset})
	if err != nil {
		return nil, err
	}
	return eventConnection(res, p), nil
}

func (r *Resolver) coMentions(ctx context.Context, id string, kinds []geokg.Kind, first *int, after *string) (*model.CoMentionConnection, error) {
	p, err := page(first, after, defaultFirst)
	if err != nil {
		return nil, err
	}
	res, err := r.loadersFrom(ctx).coMentions.Load(ctx, listKey{id: id, filter: joinSorted(kinds), first: p.First, offset: p.Offset})
	if err != nil {
		return nil, err
	}
	edges, info := connection(res.Items, res.Total, p, func(c string, v geokg.CoMention) model.CoMentionEdge {
		return model.CoMentionEdge{Cursor: c, Node: &v}
	})
	return &model.CoMentionConnection{Edges: edges, PageInfo: info, TotalCount: res.Total}, nil
}

func (r *Resolver) offices(ctx context.Context, id string, title, at *string, first *int, after *string) (*model.RoleConnection, error) {
	p, err := page(first, after, defaultFirst)
	if err != nil {
		return nil, err
	}
	res, err := r.loadersFrom(ctx).offices.Load(ctx, listKey{id: id, filter: strOr(title) + "\x00" + strOr(at), first: p.First, offset: p.Offset})
	if err != nil {
		return nil, err
	}
	return roleConnection(res, p), nil
}

func (r *Resolver) parties(ctx context.Context, id string, fromYear, toYear *int, first *int, after *string) (*model.PartyConnection, error) {
	p, err := page(first, after, defaultFirst)
	if err != nil {
		return nil, err
	}
	res, err := r.loadersFrom(ctx).parties.Load(ctx, listKey{id: id, filter: strconv.Itoa(intOr(fromYear, 0)) + "-" + strconv.Itoa(intOr(toYear, 0)), first: p.First, offset: p.Offset})
	if err != nil {
		return nil, err
	}
	edges, info := connection(res.Items, res.Total, p, func(c string, v geokg.Party) model.PartyEdge {
		return model.PartyEdge{Cursor: c, Node: &v}
	})
	return &model.PartyConnection{Edges: edges, PageInfo: info, TotalCount: res.Total}, nil
}

// related returns the first entity at the end of one of id's relationships
// of type t pointing the given way and of kind k: a country's capital, a
// place's country, a conflict's parent. Two batched round trips.
func (r *Resolver) related(ctx context.Context, id string, t geokg.RelationType, dir geokg.Direction, k geokg.Kind) (*geokg.Entity, error) {
	res, err := r.loadersFrom(ctx).relationships.Load(ctx, listKey{id: id, filter: string(t), first: maxFirst})
	if err != nil {
		return nil, err
	}
	for _, rel := range res.Items {
		if rel.Direction == dir && rel.Other.Kind == geokg.NodeKind(k) {
			e, err := r.loadersFrom(ctx).entities.Load(ctx, rel.Other.ID)
			if err != nil {
				return nil, err
			}
			return &e, nil
		}
	}
	return nil, nil
}

func (r *Resolver) loadArticles(ctx context.Context, ids []string) ([]geokg.Article, error) {
	out, errs := loadAll(ctx, r.loadersFrom(ctx).articles, ids)
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func eventConnection(res geokg.Paged[geokg.EventDetail], p geokg.Page) *model.EventConnection {
	edges, info := connection(res.Items, res.Total, p, func(c string, v geokg.EventDetail) model.EventEdge {
		return model.EventEdge{Cursor: c, Node: &v}
	})
	return &model.EventConnection{Edges: edges, PageInfo: info, TotalCount: res.Total}
}

func roleConnection(res geokg.Paged[geokg.Role], p geokg.Page) *model.RoleConnection {
	edges, info := connection(res.Items, res.Total, p, func(c string, v geokg.Role) model.RoleEdge {
		return model.RoleEdge{Cursor: c, Node: &v}
	})
	return &model.RoleConnection{Edges: edges, PageInfo: info, TotalCount: res.Total}
}

// joinSorted joins enum values in a fixed order, so that the same set
// asked in any order shares a loader batch.
func joinSorted[T ~string](vs []T) string {
	s := make([]string, 0, len(vs))
	for _, v := range vs {
		s = append(s, string(v))
	}
	slices.Sort(s)
	return strings.Join(slices.Compact(s), ",")
}

func splitFilter(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// yearsOf reads a parties key's year range back.
func yearsOf(s string) (int, int) {
	a, b, _ := strings.Cut(s, "-")
	from, _ := strconv.Atoi(a)
	to, _ := strconv.Atoi(b)
	return from, to
}
