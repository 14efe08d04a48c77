// Package extract reads the language of news: it turns one article into
// graph facts (entities, mentions, roles, events and the sentences they
// came from). Extraction is offline and deterministic: the same article and
// knowledge base always give the same facts, which is what makes reloading
// idempotent.
//
// An article is read in passes over one tokenised document, in this
// order; each file holds one pass and reads what the passes before it
// wrote:
//
//   - sentences.go, tokens.go: paragraphs, sentences and tokens;
//   - names.go, appositives.go, orgnames.go, descriptions.go, holders.go,
//     surnames.go: who is named and how (the knowledge base's names, names
//     found by cues, descriptions, office holders, surnames);
//   - roles.go: offices stated by a title before a name;
//   - cues.go: conflicts named by context;
//   - events.go with actors.go, targets.go, clauses.go: who did what to
//     whom (the code book, the actor before a trigger, the targets after
//     it, the clause that bounds both);
//   - dates.go, eventdates.go: when;
//   - extract.go runs the passes and assembles the facts.
package extract
