// Package ingest runs Scrutiny's pipeline: walk the inputs, read and hash
// each file, extract its text, split it into items, classify findings, and
// commit each document in one transaction from a single writer.
//
//	walk -> jobs -> N workers (read, hash, extract, split, classify) -> results -> writer (SQLite)
//
// A document that fails at any stage becomes a failure row with its stage
// and reason; the batch goes on.
package ingest

import (
	"time"

	"scrutiny/classify"
	"scrutiny/extract"
	"scrutiny/store"
)

// Versions returns the versions of the extractor and classifier in this
// build, as the run ledger and documents record them.
func Versions() store.Versions {
	return store.Versions{Extractor: extract.Version, Classifier: classify.Version}
}

// Defaults for Options.
const (
	DefaultTimeout = 2 * time.Minute
	DefaultMaxSize = 200 << 20 // bytes
)
