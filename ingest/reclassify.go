package ingest

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"time"

	"scrutiny/classify"
	"scrutiny/corpus"
	"scrutiny/extract"
	"scrutiny/store"
)

// Reclassified is the status of a document whose findings Reclassify
// recomputed.
const Reclassified = "reclassified"

// ReclassifyOptions configure Reclassify.
type ReclassifyOptions struct {
	// All recomputes every document, not only those whose findings an
	// older (or newer) classifier made.
	All     bool
	Workers int           // 0 means the number of CPUs
	Timeout time.Duration // per document; 0 means DefaultTimeout
	Wait    bool          // wait for another run instead of failing with ErrBusy
	Lock    *Lock         // the run lock, when the caller holds it
	Args    string        // recorded in the run ledger
	// Reporter follows the run; Event.Status is Reclassified or Failed.
	Reporter Reporter
}

type reclassJob struct {
	id   int64
	doc  *corpus.Document
	err  error
	took time.Duration
}

// Reclassify recomputes the items, findings and facts of stored documents
// from their stored text, with this build's rules (classify.Version),
// without reading or extracting any file. Each document is replaced in one
// transaction; an interrupted run leaves every document either as it was
// or fully reclassified, and the next run carries on with the rest. It is
// a run in the ledger (command "reclassify"): Seen counts documents
// examined, New those reclassified.
func Reclassify(ctx context.Context, db *store.DB, opt ReclassifyOptions) (Summary, error) {
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Reporter == nil {
		opt.Reporter = nopReporter{}
	}
	began := time.Now()
	sum := Summary{Type: "summary", ByKind: map[string]int{}}
	release, err := holdLock(ctx, db, opt.Lock, opt.Wait)
	if err != nil {
		return sum, err
	}
	defer release()
	wctx := context.WithoutCancel(ctx)
	ids, err := db.StaleDocuments(ctx, classify.Version, opt.All)
	if err != nil {
		return sum, err
	}
	runID, err := db.StartRun(wctx, "reclassify", opt.Args, Versions())
	if err != nil {
		return sum, err
	}
	sum.RunID = runID
	opt.Reporter.Start(len(ids))

	results := reclassifyAll(ctx, db, ids, opt)
	var fatal error
	for j := range results {
		if fatal != nil {
			continue // drain
		}
		ev := Event{Type: "document", ID: j.id, Status: Reclassified, Seconds: seconds(j.took)}
		if j.doc != nil {
			ev.Path, ev.SHA256, ev.DocType = j.doc.Path, j.doc.SHA256, string(j.doc.Type)
		}
		if j.err == nil {
			n, err := db.ReplaceContent(wctx, j.id, j.doc, classify.Version)
			if err != nil {
				fatal = err
				continue
			}
			ev.Items, ev.Findings = len(j.doc.Items), n
			sum.New++
			sum.Findings += n
			for _, f := range j.doc.Findings {
				sum.ByKind[string(f.Kind)]++
			}
		} else {
			ev.Status, ev.Stage, ev.Error = Failed, "classify", j.err.Error()
			sum.Failed++
		}
		sum.Seen++
		opt.Reporter.Document(ev)
	}
	sum.Interrupted = ctx.Err() != nil
	sum.Seconds = seconds(time.Since(began))
	sum.Status = runStatus(fatal, sum)
	msg := ""
	if fatal != nil {
		msg = fatal.Error()
	}
	if err := db.FinishRun(wctx, store.Run{ID: runID, Status: sum.Status, Seen: sum.Seen, New: sum.New,
		Failed: sum.Failed, Findings: sum.Findings, Message: msg}); err != nil && fatal == nil {
		fatal = err
	}
	opt.Reporter.Done(sum)
	return sum, fatal
}

// reclassifyAll loads the documents one at a time and classifies them on
// opt.Workers goroutines. The channel it returns closes when all are done
// or ctx ends; a document loaded but cut short by ctx is not sent.
func reclassifyAll(ctx context.Context, db *store.DB, ids []int64, opt ReclassifyOptions) <-chan reclassJob {
	jobs := make(chan reclassJob)
	results := make(chan reclassJob, opt.Workers)
	go func() {
		defer close(jobs)
		for _, id := range ids {
			if ctx.Err() != nil {
				return
			}
			doc, err := db.StoredDocument(ctx, id)
			if err != nil && ctx.Err() != nil {
				return
			}
			select {
			case jobs <- reclassJob{id: id, doc: doc, err: err}:
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
			for j := range jobs {
				start := time.Now()
				if j.err == nil {
					j.err = reclassifyOne(ctx, j.doc, opt.Timeout)
				}
				j.took = time.Since(start)
				if j.err != nil && ctx.Err() != nil && errors.Is(j.err, context.Canceled) {
					return // cut short by the interrupt, not by the document
				}
				select {
				case results <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	return results
}

// reclassifyOne splits a stored document's text into items and classifies
// it, under recover and the per-document deadline.
func reclassifyOne(ctx context.Context, doc *corpus.Document, timeout time.Duration) error {
	dctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	return guard(dctx, "classify", func() error {
		doc.Items = extract.Items(doc.Text, doc.Pages)
		classify.Classify(doc)
		applyMeta(doc)
		return nil
	})
}

// runStatus is the ledger status of a finished run.
func runStatus(fatal error, sum Summary) string {
	switch {
	case fatal != nil:
		return store.RunFailed
	case sum.Interrupted:
		return store.RunInterrupted
	case sum.Failed > 0:
		return store.RunPartial
	}
	return store.RunOK
}
