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
package loader
