// Package loader turns news articles into graph facts. It reads plain-text
// and JSON/JSONL articles, splits them into sentences, finds the knowledge
// base's entities in each sentence, resolves surnames, titles and context
// cues, codes events (who did what to whom, when, where, about what) and
// keeps for every fact the sentence it came from. Extraction is offline and
// deterministic: the same article and knowledge base always give the same
// facts, which is what makes reloading idempotent.
//
// Writing is delegated to a geokg.FactsWriter (the Neo4j store), one article
// per transaction.
//
// The files follow the order an article is read in: formats.go (input),
// sentences.go, names.go and appositives.go, orgnames.go, descriptions.go
// and holders.go (who is named and how), surnames.go, roles.go, cues.go
// (conflicts by context), then events.go with actors.go, targets.go,
// eventdates.go and clauses.go (who did what to whom, when), and
// extract.go, which runs them and assembles the facts.
package loader
