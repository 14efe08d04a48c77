package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/geokg/geokg"
)

// presentError is the one place where errors become what clients see. A
// *geokg.Error shows its Message with its Code in extensions.code;
// gqlgen's own errors (a syntax error, an unknown field, a complexity
// limit) pass through with the code gqlgen gave them; anything else is a
// bug or an outage we did not classify, so it is logged in full and shown
// only as "internal error", never with Cypher, addresses or stack traces.
func presentError(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		out := &gqlerror.Error{Message: gqlErr.Message, Path: gqlErr.Path, Locations: gqlErr.Locations, Extensions: gqlErr.Extensions}

		var ge *geokg.Error
		switch {
		case errors.As(err, &ge):
			code := ge.Code
			if code == geokg.CodeInternal {
				logger.ErrorContext(ctx, "graphql internal error", "path", out.Path.String(), "err", err)
			} else if code == geokg.CodeUnavailable || code == geokg.CodeTimeout {
				logger.WarnContext(ctx, "graphql error", "code", code, "path", out.Path.String(), "err", err)
			}
			out.Message = geokg.ErrorMessage(err)
			out.Extensions = map[string]any{"code": string(code)}
		case gqlErr.Err == nil:
			// gqlgen's own error about the request; it carries its code.
			if out.Extensions == nil {
				out.Extensions = map[string]any{"code": string(geokg.CodeInvalid)}
			}
		default:
			logger.ErrorContext(ctx, "graphql internal error", "path", out.Path.String(), "err", err)
			out.Message = geokg.ErrorMessage(err)
			out.Extensions = map[string]any{"code": string(geokg.CodeInternal)}
		}
		return out
	}
}

// recoverPanic turns a panic in a resolver into an internal error for the
// client and a log line with the stack for us, instead of a dropped
// connection.
func recoverPanic(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "graphql panic", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return &geokg.Error{Code: geokg.CodeInternal, Message: "internal error", Err: fmt.Errorf("panic: %v", p)}
	}
}
