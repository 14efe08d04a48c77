# geokg — see README.md. The two commands a user needs:
#   make run    start Neo4j (local unless NEO4J_URI points elsewhere), load the
#               sample corpus, serve GraphQL at http://localhost:8080/graphql
#   make test   everything: unit tests, integration tests on a real Neo4j that
#               it starts, the compose check

SHELL := bash
GO ?= go
BIN := bin/geokg
NEO4J_URI ?= bolt://127.0.0.1:7687
export NEO4J_URI

# A Neo4j on this machine is started by scripts/neo4j.sh; any other
# NEO4J_URI is the user's own and is used as it is.
LOCAL_NEO4J := $(if $(filter bolt://127.0.0.1:% bolt://localhost:% neo4j://127.0.0.1:% neo4j://localhost:%,$(NEO4J_URI)),yes,)

.PHONY: run test build neo4j neo4j-stop load generate check-generate dictionaries vet fuzz bench eval eval-heldout eval-tuning clean

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/geokg

neo4j:
ifeq ($(LOCAL_NEO4J),yes)
	bash scripts/neo4j.sh start
else
	@echo "NEO4J_URI=$(NEO4J_URI) is not local: using it as it is"
endif

neo4j-stop:
	bash scripts/neo4j.sh stop

load: build neo4j
	$(BIN) load corpus

run: build neo4j
	$(BIN) load -quiet corpus
	$(BIN) serve

vet:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Integration tests share the one Neo4j database, so packages run one at a
# time (-p 1); each test creates and removes only its own data.
test: build neo4j vet
	$(GO) test -p 1 -count=1 ./...

generate:
	$(GO) generate ./...

# Generated code is committed; CI fails when regenerating changes it.
check-generate: generate
	@git diff --exit-code -- graph/ || { echo "generated code is stale: run 'make generate' and commit"; exit 1; }

# The event-data dictionaries beside the repository, converted into the
# knowledge base's generated JSON files; the counts and every line that
# could not be used go to stderr.
DICTIONARIES ?= ../shared/dictionaries/petrarch2
dictionaries:
	$(GO) run ./scripts/dictionaries -src $(DICTIONARIES) -out loader/kb/data

# Extraction quality on the development set; fails below
# eval/devset/thresholds.json.
eval:
	$(GO) run ./cmd/geokg eval

# eval-heldout prints the figures on every set annotated independently of
# the extractor (eval/heldout*/README.md says by whom and how). They have no
# thresholds, so they never fail; a set that cannot be read does.
eval-heldout:
	@$(GO) build -o bin/geokg-eval ./cmd/geokg
	@set -e; for d in $$(ls -d eval/heldout*/ | sort -V); do \
	  echo "== $${d%/}"; \
	  bin/geokg-eval eval -gold $${d}gold.jsonl -thresholds "" $${d}articles.jsonl; echo; \
	done

# eval-tuning prints the figures on the tuning sets: annotated
# independently of the extractor's authors, then read by them to improve
# it, so not blind (eval/tuning*/README.md).
eval-tuning:
	@$(GO) build -o bin/geokg-eval ./cmd/geokg
	@set -e; for d in $$(ls -d eval/tuning*/ | sort -V); do \
	  echo "== $${d%/}"; \
	  bin/geokg-eval eval -gold $${d}gold.jsonl -thresholds "" $${d}articles.jsonl; echo; \
	done

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 60s ./loader
	$(GO) test -run '^$$' -fuzz FuzzSqueeze -fuzztime 30s ./loader/extract

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./loader ./loader/extract ./loader/kb ./neo4jstore ./graph

clean:
	rm -rf bin
