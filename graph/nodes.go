package graph

import (
	"context"
	"strings"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/graph/model"
)

// maxNodes bounds nodes(ids).
const maxNodes = 100

// nodes resolves ids (global ids or keys) to entities, events and
// articles, in order, null where there is none. Each kind of object is one
// batched query, whatever the number of ids.
func (r *Resolver) nodes(ctx context.Context, ids []string) ([]model.Node, error) {
	if len(ids) > maxNodes {
		return nil, geokg.Errorf(geokg.CodeInvalid, "ids: at most %d, got %d", maxNodes, len(ids))
	}
	l := r.loadersFrom(ctx)
	var entityKeys, eventKeys, articleKeys []string
	keys := keysOf(ids)
	for _, k := range keys {
		switch keyKind(k) {
		case "event":
			eventKeys = append(eventKeys, k)
		case "article":
			articleKeys = append(articleKeys, k)
		case "":
		default:
			entityKeys = append(entityKeys, k)
		}
	}
	found := map[string]model.Node{}
	entities, errs := loadAll(ctx, l.entities, entityKeys)
	for i, e := range entities {
		if err := firstReal(errs, i); err != nil {
			return nil, err
		} else if errs == nil || errs[i] == nil {
			found[entityKeys[i]] = model.AsEntity(e)
		}
	}
	events, errs := loadAll(ctx, l.events, eventKeys)
	for i, ev := range events {
		if err := firstReal(errs, i); err != nil {
			return nil, err
		} else if errs == nil || errs[i] == nil {
			found[eventKeys[i]] = &ev
		}
	}
	articles, errs := loadAll(ctx, l.articles, articleKeys)
	for i, a := range articles {
		if err := firstReal(errs, i); err != nil {
			return nil, err
		} else if errs == nil || errs[i] == nil {
			found[articleKeys[i]] = &a
		}
	}
	out := make([]model.Node, len(keys))
	for i, k := range keys {
		out[i] = found[k]
	}
	return out, nil
}

// firstReal returns errs[i] unless it only says the object is not there,
// which nodes answers with null.
func firstReal(errs []error, i int) error {
	if errs == nil || errs[i] == nil || geokg.ErrorCode(errs[i]) == geokg.CodeNotFound {
		return nil
	}
	return errs[i]
}

// renameArg rewrites the argument an error names, for a query that passes
// its argument to the store under another name (timeline's id is the
// events filter's participant).
func renameArg(err error, from, to string) error {
	msg := geokg.ErrorMessage(err)
	if geokg.ErrorCode(err) != geokg.CodeInvalid || !strings.HasPrefix(msg, from+":") {
		return err
	}
	return geokg.Errorf(geokg.CodeInvalid, "%s:%s", to, strings.TrimPrefix(msg, from+":"))
}
