package graph

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/geokg/geokg"
)

// loaders batch the per-object fields of one operation: a list of N
// entities asking for relationships, events or offices costs one query per
// field (per distinct arguments), not N, so the number of round trips
// grows with the depth of a query, not with the number of results. They
// live for one operation (attached in NewHandler's AroundOperations), so
// nothing is cached across requests.
type loaders struct {
	entities      *dataloadgen.Loader[string, geokg.Entity]
	events        *dataloadgen.Loader[string, geokg.EventDetail]
	articles      *dataloadgen.Loader[string, geokg.Article]
	contents      *dataloadgen.Loader[string, geokg.ArticleContent]
	mentionCounts *dataloadgen.Loader[string, int]
	relationships *dataloadgen.Loader[listKey, geokg.Paged[geokg.Relationship]]
	eventsOf      *dataloadgen.Loader[listKey, geokg.Paged[geokg.EventDetail]]
	offices       *dataloadgen.Loader[listKey, geokg.Paged[geokg.Role]]
	coMentions    *dataloadgen.Loader[listKey, geokg.Paged[geokg.CoMention]]
	parties       *dataloadgen.Loader[listKey, geokg.Paged[geokg.Party]]
}

// listKey is one list field of one object: the object's key and the
// field's arguments, flattened so that the key is comparable. Fields with
// the same arguments share a batch.
type listKey struct {
	id string
	// filter holds the field's filter arguments joined in a fixed order:
	// types, role, kinds, title and date, or the year range.
	filter        string
	first, offset int
}

func (k listKey) args() listKey    { return listKey{filter: k.filter, first: k.first, offset: k.offset} }
func (k listKey) key() string      { return k.id }
func (k listKey) page() geokg.Page { return geokg.Page{First: k.first, Offset: k.offset} }

// batchWait is how long a loader waits for more keys before querying.
// gqlgen resolves the fields of a list concurrently, so they usually arrive
// within microseconds; on two busy cores 2ms sometimes split a batch of a
// dozen (TestRoundTripsGrowWithDepthNotResults caught it), 5ms did not.
const batchWait = 5 * time.Millisecond

func newLoaders(g geokg.GraphReader) *loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(batchWait), dataloadgen.WithBatchCapacity(100)}
	return &loaders{
		entities: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]geokg.Entity, []error) {
			return fetchByID(ids, func(ids []string) (map[string]geokg.Entity, error) { return g.EntitiesByID(ctx, ids) }, "entity")
		}, opts...),
		events: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]geokg.EventDetail, []error) {
			return fetchByID(ids, func(ids []string) (map[string]geokg.EventDetail, error) { return g.EventsByID(ctx, ids) }, "event")
		}, opts...),
		articles: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]geokg.Article, []error) {
			return fetchByID(ids, func(ids []string) (map[string]geokg.Article, error) { return g.ArticlesByID(ctx, ids) }, "article")
		}, opts...),
		contents: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]geokg.ArticleContent, []error) {
			return fetchByID(ids, func(ids []string) (map[string]geokg.ArticleContent, error) { return g.ArticleContents(ctx, ids) }, "article")
		}, opts...),
		mentionCounts: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]int, []error) {
			counts, err := g.MentionCounts(ctx, ids)
			out := make([]int, len(ids))
			if err != nil {
				return out, repeatErr(err, len(ids))
			}
			for i, id := range ids {
				out[i] = counts[id]
			}
			return out, nil
		}, opts...),
		relationships: listLoader(func(ctx context.Context, k listKey, ids []string) (map[string]geokg.Paged[geokg.Relationship], error) {
			var types []geokg.RelationType
			for _, t := range splitFilter(k.filter) {
				types = append(types, geokg.RelationType(t))
			}
			return g.RelationshipsOf(ctx, ids, types, k.page())
		}, opts),
		eventsOf: listLoader(func(ctx context.Context, k listKey, ids []string) (map[string]geokg.Paged[geokg.EventDetail], error) {
			return g.EventsOf(ctx, ids, geokg.ParticipantRole(k.filter), k.page())
		}, opts),
		offices: listLoader(func(ctx context.Context, k listKey, ids []string) (map[string]geokg.Paged[geokg.Role], error) {
			title, at, _ := strings.Cut(k.filter, "\x00")
			return g.OfficesOf(ctx, ids, geokg.RoleFilter{Title: title, At: at}, k.page())
		}, opts),
		coMentions: listLoader(func(ctx context.Context, k listKey, ids []string) (map[string]geokg.Paged[geokg.CoMention], error) {
			var kinds []geokg.Kind
			for _, s := range splitFilter(k.filter) {
				kinds = append(kinds, geokg.Kind(s))
			}
			return g.CoMentionsOf(ctx, ids, kinds, k.page())
		}, opts),
		parties: listLoader(func(ctx context.Context, k listKey, ids []string) (map[string]geokg.Paged[geokg.Party], error) {
			from, to := yearsOf(k.filter)
			return g.PartiesOf(ctx, ids, from, to, k.page())
		}, opts),
	}
}

// listLoader makes a loader for a list field: keys with the same
// arguments go to the store in one call; an object the store does not
// answer has an empty list.
func listLoader[T any](query func(context.Context, listKey, []string) (map[string]geokg.Paged[T], error), opts []dataloadgen.Option) *dataloadgen.Loader[listKey, geokg.Paged[T]] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []listKey) ([]geokg.Paged[T], []error) {
		return fetchGrouped(keys, listKey.args, listKey.key,
			func(group listKey, ids []string) (map[string]geokg.Paged[T], error) { return query(ctx, group, ids) },
			func() geokg.Paged[T] { return geokg.Paged[T]{Items: []T{}} })
	}, opts...)
}

// fetchByID answers a batch of keys with one query; a key the query does
// not answer is a NOT_FOUND error for that key alone.
func fetchByID[V any](ids []string, query func([]string) (map[string]V, error), what string) ([]V, []error) {
	out := make([]V, len(ids))
	found, err := query(ids)
	if err != nil {
		return out, repeatErr(err, len(ids))
	}
	var errs []error
	for i, id := range ids {
		v, ok := found[id]
		if !ok {
			if errs == nil {
				errs = make([]error, len(ids))
			}
			errs[i] = geokg.Errorf(geokg.CodeNotFound, "no %s with id %q", what, id)
			continue
		}
		out[i] = v
	}
	return out, errs
}

func repeatErr(err error, n int) []error {
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return errs
}

// fetchGrouped answers a batch of keys with one query per group of keys
// that share their arguments (usually a single group), returning results
// in key order as dataloadgen wants. A failed query fails its group's keys.
// Ids the query does not answer get zero(): the object exists (the parent
// resolved it) but has nothing of the kind.
func fetchGrouped[K comparable, G comparable, V any](keys []K, group func(K) G, id func(K) string,
	query func(G, []string) (map[string]V, error), zero func() V) ([]V, []error) {
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
	results := map[G]map[string]V{}
	failures := map[G]error{}
	for _, g := range order {
		results[g], failures[g] = query(g, ids[g])
	}
	values := make([]V, len(keys))
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
		v, ok := results[g][id(k)]
		if !ok {
			v = zero()
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

// loadAll loads keys through l and returns the error of each key, nil
// when all were found.
func loadAll[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, V], keys []K) ([]V, []error) {
	values, err := l.LoadAll(ctx, keys)
	var errs dataloadgen.ErrorSlice
	if err == nil {
		return values, nil
	}
	if errors.As(err, &errs) {
		return values, errs
	}
	return values, repeatErr(err, len(keys))
}
