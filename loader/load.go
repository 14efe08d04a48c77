package loader

import (
	"context"
	"fmt"
	"strings"

	"github.com/geokg/geokg"
)

// Result is what happened to one item of a load.
type Result struct {
	Origin    string
	ArticleID string
	Outcome   geokg.WriteOutcome // empty when Err is set
	Err       error
}

// Summary counts a load's results. Failed counts both unreadable inputs
// and articles the store refused.
type Summary struct {
	Loaded, Replaced, Unchanged, Failed int
}

func (s Summary) String() string {
	return fmt.Sprintf("%d loaded, %d replaced, %d unchanged, %d failed", s.Loaded, s.Replaced, s.Unchanged, s.Failed)
}

// Extractor reads an article's facts; extract.Extractor is the one the
// program uses.
type Extractor interface {
	Extract(geokg.Article) geokg.Facts
}

// Loader extracts facts from articles and writes them through a
// FactsWriter, one article per transaction, so a failure leaves no article
// half-written and the other articles still load.
type Loader struct {
	x       Extractor
	w       geokg.FactsWriter
	workers int
}

// New returns a Loader writing with w, workers articles at a time (at
// least one). Each article is still its own transaction; concurrent ones
// overlap the database's commit latency, which dominates a load.
func New(x Extractor, w geokg.FactsWriter, workers int) *Loader {
	return &Loader{x: x, w: w, workers: max(workers, 1)}
}

// Load processes items, calling done once per item in input order (for
// progress and error reporting), and returns the counts. It stops early
// only when ctx is cancelled; the unprocessed items are then counted as
// failed.
func (l *Loader) Load(ctx context.Context, items []Item, done func(Result)) Summary {
	results := make([]chan Result, len(items))
	for i := range results {
		results[i] = make(chan Result, 1)
	}
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range items {
			next <- i
		}
	}()
	for range l.workers {
		go func() {
			for i := range next {
				results[i] <- l.one(ctx, items[i])
			}
		}()
	}
	var sum Summary
	for i := range items {
		r := <-results[i]
		switch {
		case r.Err != nil:
			sum.Failed++
		case r.Outcome == geokg.Unchanged:
			sum.Unchanged++
		case r.Outcome == geokg.Replaced:
			sum.Replaced++
		default:
			sum.Loaded++
		}
		if done != nil {
			done(r)
		}
	}
	return sum
}

// one extracts and writes one item.
func (l *Loader) one(ctx context.Context, it Item) Result {
	r := Result{Origin: it.Origin, ArticleID: it.Article.ID, Err: it.Err}
	if r.Err == nil && ctx.Err() != nil {
		r.Err = fmt.Errorf("not loaded: %w", ctx.Err())
	}
	if r.Err == nil {
		r.Outcome, r.Err = l.w.WriteFacts(ctx, l.x.Extract(it.Article))
	}
	return r
}

// Ingest reads one article given as a JSON object in the loader's JSON
// format, checked exactly as a file would be, extracts its facts and
// writes them in one transaction: the API's ingestArticle. Bad input is an
// error with CodeInvalid; the store's errors keep their codes.
func (l *Loader) Ingest(ctx context.Context, articleJSON []byte) (geokg.Ingested, error) {
	items := Parse("input", "jsonl", articleJSON, ReadOptions{})
	if len(items) != 1 {
		return geokg.Ingested{}, geokg.Errorf(geokg.CodeInvalid, "input: want one article, got %d", len(items))
	}
	if err := items[0].Err; err != nil {
		return geokg.Ingested{}, &geokg.Error{Code: geokg.CodeInvalid, Message: "input: " + strings.TrimPrefix(err.Error(), "input: "), Err: err}
	}
	f := l.x.Extract(items[0].Article)
	outcome, err := l.w.WriteFacts(ctx, f)
	if err != nil {
		return geokg.Ingested{}, err
	}
	return geokg.Ingested{Outcome: outcome, Article: f.Article, Entities: len(f.Entities), Events: len(f.Events)}, nil
}
