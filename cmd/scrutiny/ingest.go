package main

import (
	"context"
	"fmt"
	"runtime"

	"scrutiny/ingest"
	"scrutiny/store"
)

func init() {
	register(command{name: "ingest", summary: "read files or folders into the database", run: cmdIngest})
}

func cmdIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "PATH...",
		"Ingest PDF, HTML, text and Markdown files (folders are walked recursively) into the database.\n"+
			"Unchanged files are skipped; a changed file becomes a new version of its document.\n"+
			"Exit status: 0 all documents succeeded, 3 some failed, 1 fatal error, 2 usage, 130 interrupted.")
	dbPath := fs.String("db", defaultDB(), "database `file`")
	workers := fs.Int("workers", runtime.NumCPU(), "documents processed in parallel")
	jsonOut := fs.Bool("json", false, "print one JSON line per document and a summary line on stdout")
	timeout := fs.Duration("timeout", ingest.DefaultTimeout, "time limit per document")
	maxSize := fs.Int64("max-size", ingest.DefaultMaxSize, "size limit per document, in bytes")
	retry := fs.Bool("retry-failed", false, "try again documents that failed in an earlier run")
	wait := fs.Bool("wait", false, "wait for another run on the same database to finish instead of exiting")
	pdftotext := fs.String("pdftotext", "", "pdftotext `binary` (default: from PATH; 'none' for the built-in reader only)")
	tesseract := fs.String("tesseract", "", "tesseract `binary` for scanned PDFs (default: from PATH; 'none' to disable OCR)")
	quiet := fs.Bool("q", false, "no progress or summary on stderr")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("no files or folders to ingest")
	}
	if *workers < 1 {
		return usagef("--workers must be at least 1")
	}
	db, err := store.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()

	opt := ingest.Options{
		Workers: *workers, Timeout: *timeout, MaxSize: *maxSize, RetryFailed: *retry, Wait: *wait,
		Command: "ingest", Args: joinArgs(args),
	}
	// Documents the fetcher stored keep its metadata when ingested by hand.
	if opt.MetaBySHA, err = db.FetchedMeta(ctx); err != nil {
		return err
	}
	opt.Extract.PDFToText = *pdftotext
	opt.Extract.Tesseract = *tesseract
	opt.Reporter = newReporter(e, *jsonOut, *quiet)
	sum, err := ingest.Run(ctx, db, fs.Args(), opt)
	if err != nil {
		return err
	}
	return summaryError(sum)
}

// summaryError turns a run's summary into the command's outcome.
func summaryError(sum ingest.Summary) error {
	switch {
	case sum.Interrupted:
		return errInterrupted
	case sum.Failed > 0:
		return fmt.Errorf("%d of %d documents failed: %w", sum.Failed, sum.Seen, errSomeFailed)
	}
	return nil
}
