package graph

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/geokg/geokg"
)

// loaders batch the per-entity fields of one operation: a list of N
// entities asking for relationships, events or roles costs one query per
// field (per distinct arguments), not N. They live for one operation
// (attached in NewHandler's AroundOperations), so nothing is cached
// across requests.
type loaders struct {
	relationships *dataloadgen.Loader[relationshipsKey, []geokg.Relationship]
	events        *dataloadgen.Loader[eventsKey, []geokg.EventDetail]
	roles         *dataloadgen.Loader[string, []geokg.Role]
}

// relationshipsKey is one Entity.relationships field: the entity and the
// field's arguments (types joined, so that the key is comparable).
type relationshipsKey struct {
	id    string
	types string
	first int
}

// eventsKey is one Entity.events field.
type eventsKey struct {
	id    string
	role  geokg.ParticipantRole
	first int
}

// batchWait is how long a loader waits for more keys before querying;
// gqlgen resolves the fields of a list concurrently, so they arrive within
// microseconds of each other.
const batchWait = 2 * time.Millisecond

func newLoaders(g geokg.GraphReader) *loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(batchWait), dataloadgen.WithBatchCapacity(100)}
	return &loaders{
		relationships: dataloadgen.NewLoader(func(ctx context.Context, keys []relationshipsKey) ([][]geokg.Relationship, []error) {
			return fetchGrouped(keys,
				func(k relationshipsKey) relationshipsKey { return relationshipsKey{types: k.types, first: k.first} },
				func(k relationshipsKey) string { return k.id },
				func(group relationshipsKey, ids []string) (map[string][]geokg.Relationship, error) {
					var types []geokg.RelationType
					if group.types != "" {
						for _, t := range strings.Split(group.types, ",") {
							types = append(types, geokg.RelationType(t))
						}
					}
					return g.RelationshipsOf(ctx, ids, types, group.first)
				})
		}, opts...),
		events: dataloadgen.NewLoader(func(ctx context.Context, keys []eventsKey) ([][]geokg.EventDetail, []error) {
			return fetchGrouped(keys,
				func(k eventsKey) eventsKey { return eventsKey{role: k.role, first: k.first} },
				func(k eventsKey) string { return k.id },
				func(group eventsKey, ids []string) (map[string][]geokg.EventDetail, error) {
					return g.EventsOf(ctx, ids, group.role, group.first)
				})
		}, opts...),
		roles: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([][]geokg.Role, []error) {
			return fetchGrouped(ids,
				func(string) struct{} { return struct{}{} },
				func(id string) string { return id },
				func(_ struct{}, ids []string) (map[string][]geokg.Role, error) {
					return g.RolesOf(ctx, ids)
				})
		}, opts...),
	}
}

// fetchGrouped answers a batch of keys with one query per group of keys
// that share their arguments (usually a single group), returning results
// in key order as dataloadgen wants. A failed query fails its group's keys.
// Ids the query does not answer get an empty list: the entity exists (the
// parent resolved it) but has nothing of the kind.
func fetchGrouped[K comparable, G comparable, V any](keys []K, group func(K) G, id func(K) string,
	query func(G, []string) (map[string][]V, error)) ([][]V, []error) {
	ids := map[G][]string{}
	var order []G
	for _, k := range keys {
		g := group(k)
		if _, ok := ids[g]; !ok {
			order = append(order, g)
		}
		if !slices.Contains(ids[g], id(k)) {
			ids[g] = append(ids[g], id(k))
		}
	}
	results := map[G]map[string][]V{}
	failures := map[G]error{}
	for _, g := range order {
		results[g], failures[g] = query(g, ids[g])
	}
	values := make([][]V, len(keys))
	var errs []error
	for i, k := range keys {
		g := group(k)
		if err := failures[g]; err != nil {
			if errs == nil {
				errs = make([]error, len(keys))
			}
			errs[i] = err
			continue
		}
		v := results[g][id(k)]
		if v == nil {
			v = []V{}
		}
		values[i] = v
	}
	return values, errs
}

type loadersKey struct{}

func withLoaders(ctx context.Context, l *loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loadersFrom returns the operation's loaders. NewHandler always attaches
// them; a resolver run without (a test calling it directly) gets fresh ones
// so that it still works, unbatched.
func (r *Resolver) loadersFrom(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.Graph)
}
