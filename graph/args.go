package graph

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
