package graph

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/geokg/geokg"
	"github.com/geokg/geokg/graph/model"
)

// authorizedKey marks a request that carried the configured bearer token.
type authorizedKey struct{}

// withAuth notes on each request's context whether it carries "Bearer
// <token>". An empty token authorizes nobody: writes are off unless the
// server was given one. The comparison takes constant time, so timing does
// not reveal how much of a guess was right.
func withAuth(token string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		got, ok := strings.CutPrefix(req.Header.Get("Authorization"), "Bearer ")
		authorized := ok && token != "" && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(token)) == 1
		next.ServeHTTP(w, req.WithContext(context.WithValue(req.Context(), authorizedKey{}, authorized)))
	})
}

func authorized(ctx context.Context) bool {
	ok, _ := ctx.Value(authorizedKey{}).(bool)
	return ok
}

// ingest runs ingestArticle: checks the token, then hands the article to
// the loader's pipeline as the JSON object the loader reads from files.
func (r *Resolver) ingest(ctx context.Context, input model.ArticleInput) (*model.IngestResult, error) {
	if !authorized(ctx) {
		return nil, geokg.Errorf(geokg.CodeUnauthenticated, "ingestArticle needs the bearer token the server was configured with (Authorization: Bearer <token>)")
	}
	if r.Ingester == nil {
		return nil, geokg.Errorf(geokg.CodeInternal, "this server cannot ingest articles")
	}
	b, err := json.Marshal(input)
	if err != nil {
		return nil, geokg.Errorf(geokg.CodeInvalid, "input: %v", err)
	}
	res, err := r.Ingester.Ingest(ctx, b)
	if err != nil {
		return nil, err
	}
	a, err := r.loadersFrom(ctx).articles.Load(ctx, res.Article.ID)
	if err != nil {
		return nil, err
	}
	outcome := map[geokg.WriteOutcome]model.IngestOutcome{
		geokg.Written: model.IngestOutcomeLoaded, geokg.Replaced: model.IngestOutcomeReplaced, geokg.Unchanged: model.IngestOutcomeUnchanged,
	}[res.Outcome]
	return &model.IngestResult{Outcome: outcome, Article: &a, EntityCount: res.Entities, EventCount: res.Events}, nil
}
