// Package loader reads news articles and writes their facts to the graph.
// It reads plain-text and JSON/JSONL articles (formats.go), checking each
// and naming what is wrong and where, and runs the load pipeline
// (load.go): every article is read by an Extractor (the package
// loader/extract) and written through a geokg.FactsWriter (the Neo4j
// store), one article per transaction, so a bad article never leaves half
// its facts behind and never stops the others.
package loader
