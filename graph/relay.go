package graph

import (
	"encoding/base64"
	"regexp"
	"strconv"
	"strings"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/graph/model"
)

// Relay conventions: opaque global ids, opaque cursors, and pages of at
// most maxFirst.

// maxFirst is the largest page a connection returns; the store checks it
// too, and names the argument.
const maxFirst = 100

// globalID encodes a store key as an opaque id. The encoding is plain
// base64url: opaque enough that clients treat it as a token, and stable,
// so ids survive reloads as long as the keys do.
func globalID(key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(key))
}

// keyOf decodes an id argument to a store key. It accepts a global id or,
// for convenience in the playground, a readable key such as
// person:sergey-lavrov. Anything else decodes to itself, so that lookups
// of it find nothing rather than fail.
func keyOf(id string) string {
	if hasKeyPrefix(id) {
		return id
	}
	if b, err := base64.RawURLEncoding.DecodeString(id); err == nil && hasKeyPrefix(string(b)) {
		return string(b)
	}
	return id
}

// keysOf decodes a list of id arguments.
func keysOf(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = keyOf(id)
	}
	return out
}

// optKey decodes an optional id argument; absent is "".
func optKey(id *string) string {
	if id == nil {
		return ""
	}
	return keyOf(*id)
}

func hasKeyPrefix(s string) bool { return keyKind(s) != "" }

// keyPattern is a store key: a kind prefix, optionally after a test
// prefix ("test-x-person:a"), and a non-empty rest.
var keyPattern = regexp.MustCompile(`^(?:[a-z0-9-]*-)?(person|country|org|location|conflict|event|article):[^\s]+$`)

// keyKind returns the kind prefix of a store key ("person", "event", ...),
// or "" when s is not one.
func keyKind(s string) string {
	m := keyPattern.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

// cursorPrefix marks an offset cursor, so that a cursor from elsewhere is
// recognised as foreign rather than misread.
const cursorPrefix = "o:"

func cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

// page turns first and after into the slice to read: after the item the
// cursor names. A cursor this API did not make is a bad argument.
func page(first *int, after *string, def int) (geokg.Page, error) {
	p := geokg.Page{First: intOr(first, def)}
	if after == nil || *after == "" {
		return p, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(*after)
	s := string(b)
	n, convErr := strconv.Atoi(strings.TrimPrefix(s, cursorPrefix))
	if err != nil || !strings.HasPrefix(s, cursorPrefix) || convErr != nil || n < 0 {
		return p, geokg.Errorf(geokg.CodeInvalid, "after: %q is not a cursor of this API", *after)
	}
	p.Offset = n + 1
	return p, nil
}

// connection builds the edges and page info of one page of a list that
// starts at p.Offset and has total items in all.
func connection[T, E any](items []T, total int, p geokg.Page, edge func(cursor string, item T) E) ([]E, *model.PageInfo) {
	edges := make([]E, 0, len(items))
	info := &model.PageInfo{HasPreviousPage: p.Offset > 0, HasNextPage: p.Offset+len(items) < total}
	for i, it := range items {
		c := cursor(p.Offset + i)
		if i == 0 {
			info.StartCursor = &c
		}
		info.EndCursor = &c
		edges = append(edges, edge(c, it))
	}
	return edges, info
}
