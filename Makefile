# Scrutiny. `make run` and `make test` do all set-up on a fresh machine.

# FTS5 is compiled into SQLite only with this tag. Every target passes the
# same tags so that the cgo build of SQLite (about 75 s cold) is cached once.
TAGS     := sqlite_fts5
GO       ?= go
GOFLAGS_ := -tags=$(TAGS)
BIN      := bin/scrutiny
DB       ?= scrutiny.db
PKGS     := ./...

.PHONY: all build run test test-short lint vet fmt-check staticcheck bench fuzz deps clean help eval

all: build

help:
	@echo "make run    build, ingest the bundled sample corpus into ./$(DB), show what was found"
	@echo "make test   vet, format check and the test suite (with the shared corpus when present)"
	@echo "make build  build $(BIN)"
	@echo "make lint   gofmt, go vet and staticcheck"
	@echo "make bench  benchmarks; writes bench/results.md"
	@echo "make eval   score the seed documents against their gold (GOLD=dir DOCS=dir to score others)"
	@echo "make fuzz   run every fuzz target for FUZZTIME (default 20s) each"

# deps installs what a fresh Debian machine lacks: Poppler's pdftotext, the
# primary PDF extractor. Without root it only says what is missing; Scrutiny
# then falls back to its built-in PDF reader.
deps:
	@command -v $(GO) >/dev/null || { echo "Go is required: https://go.dev/dl/"; exit 1; }
	@command -v gcc >/dev/null || command -v cc >/dev/null || { echo "a C compiler is required for SQLite (apt-get install gcc)"; exit 1; }
	@command -v pdftotext >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing poppler-utils (pdftotext)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null) || echo "could not install poppler-utils; using the built-in PDF reader"; \
	  else echo "note: pdftotext not found (apt-get install poppler-utils); using the built-in PDF reader"; fi; }

build: deps
	$(GO) build $(GOFLAGS_) -o $(BIN) ./cmd/scrutiny

run: build
	@rm -f $(DB) $(DB)-wal $(DB)-shm
	./$(BIN) ingest --db $(DB) testdata/sample
	@echo
	./$(BIN) stats --db $(DB)
	@echo
	@echo "A sample of what was found (./$(BIN) export --db $(DB) for everything, ./$(BIN) serve --db $(DB) to browse):"
	@./$(BIN) show --db $(DB) --sample

# The suites over the whole shared corpus run when it is present; go test
# shows a passing package's output only with -v, so say here which it is.
CORPUS ?= $(or $(SCRUTINY_CORPUS),../shared/corpus)
test: deps vet fmt-check
	@if [ -f "$(CORPUS)/README.md" ]; then \
	  echo "make test: the shared corpus at $(CORPUS) is present; the suites over all of it run too"; \
	else \
	  echo "make test: no shared corpus at $(CORPUS); the suites over it are skipped (set SCRUTINY_CORPUS to run them)"; \
	fi
	SCRUTINY_CORPUS=$(abspath $(CORPUS)) $(GO) test $(GOFLAGS_) -count=1 $(PKGS)

test-short: deps
	$(GO) test $(GOFLAGS_) -short $(PKGS)

vet:
	$(GO) vet $(GOFLAGS_) $(PKGS)

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

staticcheck:
	@command -v staticcheck >/dev/null || $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2
	$$( command -v staticcheck || echo $$($(GO) env GOPATH)/bin/staticcheck ) -tags $(TAGS) $(PKGS)

lint: fmt-check vet staticcheck

bench: build
	$(GO) run $(GOFLAGS_) ./bench

# eval ingests DOCS into a scratch database and scores it against GOLD,
# with the bar CI holds the seeds to. EVALFLAGS=-v lists every miss.
GOLD     ?= testdata/gold
DOCS     ?= testdata/seeds
EVALDB   := $(or $(TMPDIR),/tmp)/scrutiny-eval.db
EVALBAR  ?= --min-f1 0.95 --min-asker 0.95 --min-link 0.9 --per-format
eval: build
	@rm -f $(EVALDB) $(EVALDB)-wal $(EVALDB)-shm $(EVALDB).lock
	./$(BIN) ingest -q --db $(EVALDB) $(DOCS)
	./$(BIN) eval --db $(EVALDB) --gold $(GOLD) $(EVALBAR) $(EVALFLAGS)


# fuzz explores each fuzz target for FUZZTIME. Inputs that fail are
# written to <package>/testdata/fuzz/<target>/ and replayed by every
# `go test` from then on: commit them with the fix.
# Every input that reaches new code is minimised first, for up to
# FUZZMINIMIZE: Go's default of a minute spends a short run on shrinking the
# ten-kilobyte seeds of the text targets instead of exploring.
#
# When FUZZTIME runs out while an input is still being run or minimised,
# Go's engine can end with "context deadline exceeded" although no input
# failed (it then writes none). That is not a failure of the code under
# test; a failing input is, and its file is named in the output.
FUZZTIME ?= 20s
FUZZMINIMIZE ?= 3s
fuzz:
	@log=$$(mktemp); trap 'rm -f $$log' EXIT; \
	for t in $$($(GO) test $(GOFLAGS_) -list '^Fuzz' ./extract ./classify | grep '^Fuzz'); do \
	  pkg=$$(grep -l "func $$t(" extract/*_test.go classify/*_test.go | head -1 | xargs dirname); \
	  echo "== $$pkg $$t"; \
	  if $(GO) test $(GOFLAGS_) -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./$$pkg >$$log 2>&1; then \
	    tail -n 3 $$log; \
	  elif grep -q 'context deadline exceeded' $$log && ! grep -q 'Failing input written' $$log; then \
	    tail -n 4 $$log; echo "(time ran out during an input; no failing input was found)"; \
	  else \
	    cat $$log; exit 1; \
	  fi; \
	done

clean:
	rm -rf bin $(DB) $(DB)-wal $(DB)-shm $(DB).lock
