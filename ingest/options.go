package ingest

import (
	"context"
	"runtime"
	"time"

	"scrutiny/corpus"
	"scrutiny/extract"
)

// ExtractFunc extracts a document's text; extract.Extract is the default.
type ExtractFunc func(ctx context.Context, name string, format corpus.Format, data []byte, opt extract.Options) (*extract.Text, error)

// Options configure a run.
type Options struct {
	Workers int           // parallel workers; 0 means the number of CPUs
	Timeout time.Duration // per document; 0 means DefaultTimeout
	MaxSize int64         // bytes per document; 0 means DefaultMaxSize
	// RetryFailed re-reads documents that failed before with the same
	// extractor version. Without it they are reported failed again from
	// the record, at the cost of a hash.
	RetryFailed bool
	// Wait makes a run wait for another run on the same database to end,
	// instead of failing with ErrBusy.
	Wait bool

	Extract extract.Options
	// Extractor replaces extract.Extract (tests inject failures with it).
	Extractor ExtractFunc

	// Meta gives fetcher metadata by absolute path, stored with documents.
	Meta map[string]map[string]string
	// MetaBySHA gives fetcher metadata by content hash, for files not in
	// Meta: the fetcher's blobs are named by their content.
	MetaBySHA map[string]map[string]string

	// Lock is the database's run lock when the caller already holds it
	// (a nightly run holds it across fetch and ingest). Run then neither
	// takes nor releases it.
	Lock *Lock

	Command  string // recorded in the run ledger: "ingest", "nightly"
	Args     string
	Reporter Reporter
}

func (o *Options) setDefaults() {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxSize <= 0 {
		o.MaxSize = DefaultMaxSize
	}
	if o.Extractor == nil {
		o.Extractor = extract.Extract
	}
	if o.Command == "" {
		o.Command = "ingest"
	}
	if o.Reporter == nil {
		o.Reporter = nopReporter{}
	}
}
