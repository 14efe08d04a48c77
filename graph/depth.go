package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// depthLimiter rejects operations whose selections nest deeper than max
// before they run. The complexity limit already bounds total cost; this
// catches the deep-but-narrow queries (entity.relationships.other...)
// that are cheap to write and pointless to answer.
type depthLimiter struct{ max int }

func depthLimit(max int) graphql.HandlerExtension { return depthLimiter{max: max} }

func (depthLimiter) ExtensionName() string                   { return "DepthLimit" }
func (depthLimiter) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimiter) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if depth := selectionDepth(oc.Operation.SelectionSet, 0); depth > d.max {
		err := gqlerror.Errorf("operation nests %d levels deep, more than the limit of %d", depth, d.max)
		err.Extensions = map[string]any{"code": "DEPTH_LIMIT_EXCEEDED"}
		return err
	}
	return nil
}

// selectionDepth returns how deep set nests, following fragments (which
// validation has already checked for cycles).
func selectionDepth(set ast.SelectionSet, seen int) int {
	if seen > 64 { // a guard, should validation ever let a cycle through
		return seen
	}
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.SelectionSet) > 0 {
				d = 1 + selectionDepth(s.SelectionSet, seen+1)
			} else {
				d = 1
			}
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, seen+1)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = selectionDepth(s.Definition.SelectionSet, seen+1)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}
