package geokg

import "context"

// WriteOutcome says what writing an article's facts did.
type WriteOutcome string

// Write outcomes. An article whose content hash is already stored is
// Unchanged and nothing is written; one stored with another hash is Replaced
// (its old facts are removed in the same transaction).
const (
	Written   WriteOutcome = "written"
	Unchanged WriteOutcome = "unchanged"
	Replaced  WriteOutcome = "replaced"
)

// FactsWriter writes one article's facts atomically: all of them or none.
// The loader depends on this interface; the Neo4j store implements it.
type FactsWriter interface {
	WriteFacts(ctx context.Context, f Facts) (WriteOutcome, error)
}

// Ingested is what ingesting one article did.
type Ingested struct {
	Outcome  WriteOutcome
	Article  Article
	Entities int
	Events   int
}

// Ingester reads one article, given as a JSON object in the loader's JSON
// format, through the loader's pipeline and writes its facts: what the
// API's ingestArticle does. A malformed article is an error with
// CodeInvalid naming what was wrong.
type Ingester interface {
	Ingest(ctx context.Context, articleJSON []byte) (Ingested, error)
}
