package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"scrutiny/store"
)

// Run ingests the files under paths into db. It returns the run's summary;
// the error is non-nil only for a fatal problem (the database failing, the
// lock held by another run). Documents that fail are counted in the
// summary, recorded in the database, and do not stop the run. When ctx is
// cancelled the run stops between documents: each document is either
// committed whole or not at all, and the summary says Interrupted.
//
// The run holds the database's run lock (opt.Lock, or one it takes), so
// that no other run writes at the same time, and first marks as
// interrupted the ledger rows of runs that died without finishing.
func Run(ctx context.Context, db *store.DB, paths []string, opt Options) (Summary, error) {
	opt.setDefaults()
	began := time.Now()
	sum := Summary{Type: "summary", ByKind: map[string]int{}}

	release, err := holdLock(ctx, db, opt.Lock, opt.Wait)
	if err != nil {
		return sum, err
	}
	defer release()

	// The writer must be able to finish its transaction and the ledger
	// after an interrupt, so it writes with a context that is not
	// cancelled with the run.
	wctx := context.WithoutCancel(ctx)
	v := Versions()
	known, err := db.LoadKnown(ctx, v.Extractor)
	if err != nil {
		return sum, err
	}
	runID, err := db.StartRun(wctx, opt.Command, opt.Args, v)
	if err != nil {
		return sum, err
	}
	sum.RunID = runID

	inputs := walk(paths)
	opt.Reporter.Start(len(inputs))

	jobs := make(chan input)
	results := make(chan result, opt.Workers)
	go func() {
		defer close(jobs)
		for _, in := range inputs {
			select {
			case jobs <- in:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				if ctx.Err() != nil {
					return
				}
				start := time.Now()
				r := process(ctx, in, known, &opt)
				r.took = time.Since(start)
				select {
				case results <- r:
				case <-ctx.Done():
					// Interrupted: a document not yet handed over is not
					// committed, and it is not a failure either.
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var fatal error
	for r := range results {
		if fatal != nil {
			continue // drain
		}
		if r.status == Failed && ctx.Err() != nil && errors.Is(r.err, context.Canceled) {
			continue // cut short by the interrupt, not by the document
		}
		ev, err := write(wctx, db, runID, r)
		if err != nil {
			fatal = err
			continue
		}
		sum.Seen++
		switch ev.Status {
		case New:
			sum.New++
			sum.Superseded += ev.Superseded
			sum.Findings += ev.Findings
			sum.Pages += ev.Pages
			for _, f := range r.doc.Findings {
				sum.ByKind[string(f.Kind)]++
			}
		case Unchanged:
			sum.Unchanged++
		case Failed:
			sum.Failed++
		}
		sum.Bytes += ev.Bytes
		opt.Reporter.Document(ev)
	}

	sum.Interrupted = ctx.Err() != nil
	sum.Seconds = seconds(time.Since(began))
	sum.Status = runStatus(fatal, sum)
	msg := ""
	if fatal != nil {
		msg = fatal.Error()
	}
	if err := db.FinishRun(wctx, store.Run{
		ID: runID, Status: sum.Status, Seen: sum.Seen, New: sum.New, Unchanged: sum.Unchanged,
		Superseded: sum.Superseded, Failed: sum.Failed, Findings: sum.Findings, Message: msg,
	}); err != nil && fatal == nil {
		fatal = err
	}
	opt.Reporter.Done(sum)
	return sum, fatal
}

// write commits one result: the document, or its failure.
func write(ctx context.Context, db *store.DB, runID int64, r result) (Event, error) {
	ev := Event{Type: "document", Path: r.in.path, Status: r.status, SHA256: r.sha, Bytes: r.size, Seconds: seconds(r.took)}
	switch r.status {
	case Failed:
		ev.Stage, ev.Error, ev.Known = r.stage, r.err.Error(), r.known
		err := db.PutFailure(ctx, store.Failure{
			RunID: runID, Path: r.in.path, SHA256: r.sha, Size: r.size, Stage: r.stage, Error: r.err.Error(),
		}, r.in.abs, Versions().Extractor)
		return ev, err
	case Unchanged:
		if r.doc != nil {
			// Read and hashed: remember its size and time for next run.
			if _, err := db.PutDocument(ctx, r.doc, runID, Versions()); err != nil {
				return ev, err
			}
		}
		return ev, nil
	}
	doc := r.doc
	res, err := db.PutDocument(ctx, doc, runID, Versions())
	if err != nil {
		// The document could not be stored (a constraint it breaks, say):
		// record that as its failure. Only when even the failure cannot
		// be recorded is the database itself at fault, and the run ends.
		r.status, r.stage, r.err = Failed, "store", err
		ev, ferr := write(ctx, db, runID, r)
		if ferr != nil {
			return ev, fmt.Errorf("%s: %w", r.in.path, err)
		}
		return ev, nil
	}
	ev.ID, ev.Status, ev.Superseded, ev.Findings = res.ID, string(res.Status), res.Superseded, res.Findings
	ev.Format, ev.DocType, ev.Extractor = string(doc.Format), string(doc.Type), doc.Extractor
	ev.Pages, ev.Items = len(doc.Pages), len(doc.Items)
	return ev, nil
}

// holdLock makes sure the run holds the database's run lock: the
// caller's, or one taken here and released by the returned function.
func holdLock(ctx context.Context, db *store.DB, held *Lock, wait bool) (func(), error) {
	if held != nil {
		return func() {}, nil
	}
	lk, err := LockDB(ctx, db, wait)
	if err != nil {
		return nil, err
	}
	return lk.Release, nil
}

// LockDB takes the run lock of db (see Acquire) and, holding it, closes
// the ledger rows of runs that died without finishing: with the lock
// held, no other run can be alive.
func LockDB(ctx context.Context, db *store.DB, wait bool) (*Lock, error) {
	lk, err := Acquire(ctx, db.Path(), wait)
	if err != nil {
		return nil, err
	}
	if _, err := db.CloseAbandonedRuns(ctx); err != nil {
		lk.Release()
		return nil, err
	}
	return lk, nil
}
