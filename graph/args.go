package graph

import (
	"slices"
	"strings"

	"github.com/geokg/geokg"
)

// Helpers for the resolvers: GraphQL arguments with defaults arrive as
// pointers (a client may pass null explicitly), and null means the default.

func intOr(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

func boolOr(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

func strOr[T ~string](p *T) T {
	if p == nil {
		return ""
	}
	return *p
}

// typesKey joins relationship types in a fixed order, so that the same set
// of types asked in any order shares a loader batch.
func typesKey(types []geokg.RelationType) string {
	s := make([]string, 0, len(types))
	for _, t := range types {
		s = append(s, string(t))
	}
	slices.Sort(s)
	return strings.Join(slices.Compact(s), ",")
}

// orNil turns a not-found error into a null answer: for entity(id) and the
// like, "there is none" is an answer, not an error.
func orNil[T any](v T, err error) (*T, error) {
	if geokg.ErrorCode(err) == geokg.CodeNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}
