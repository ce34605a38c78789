// Package fetch downloads new documents from councils' websites for
// ingest: ModernGov sites through their web service (mgWebService.asmx),
// RSS and Atom feeds, and plain URLs, as listed in a sources file.
//
// It is polite (a per-host rate limit, a User-Agent that names the tool and
// a contact, retries with backoff that honour Retry-After) and incremental:
// every URL is asked for with the ETag and Last-Modified of its last
// answer, and every body is kept in a content-addressed blob store under a
// data directory, so that a 304 is answered from disk and any document can
// be extracted again without being downloaded again. What each URL
// answered, and every document fetched with its metadata, is recorded in
// the database (store.FetchState, store.Fetched).
package fetch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"scrutiny/extract"
	"scrutiny/store"
)

// Options configure Run.
type Options struct {
	Data   string    // the data directory; bodies go under Data/blobs
	Client *Client   // nil means NewClient with UserAgent("dev", "")
	Now    time.Time // the day date windows count back from; zero means now
	// Parallel is how many sources are fetched at once; requests to one
	// host stay spaced by the client's interval whatever it is.
	Parallel int
	Args     string                           // recorded in the run ledger
	Log      func(format string, args ...any) // progress for people; nil for none
}

// SourceResult is what a run got from one source.
type SourceResult struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Requests    int    `json:"requests"`
	Downloaded  int    `json:"downloaded"`   // 200s
	NotModified int    `json:"not_modified"` // 304s
	Documents   int    `json:"documents"`    // documents found
	New         int    `json:"new"`          // of which new to the database
	Skipped     int    `json:"skipped"`      // in formats Scrutiny does not read
	Failed      int    `json:"failed"`
	Error       string `json:"error,omitempty"` // why the source as a whole failed
}

// Summary is the outcome of a fetch run.
type Summary struct {
	RunID       int64                `json:"run_id"`
	Sources     []SourceResult       `json:"sources"`
	New         []store.Fetched      `json:"new"`
	Failures    []store.FetchFailure `json:"failures"`
	Requests    int                  `json:"requests"`
	Downloaded  int                  `json:"downloaded"`
	NotModified int                  `json:"not_modified"`
	Documents   int                  `json:"documents"`
	Failed      int                  `json:"failed"`
	Interrupted bool                 `json:"interrupted"`
	Status      string               `json:"status"`
	Seconds     float64              `json:"seconds"`
}

// Run fetches every source into the data directory and records what it
// got in db, as a run of the ledger (command "fetch"). The caller holds
// the database's run lock. A source that fails (a site answering with a
// web page instead of XML, say) is recorded and reported, and the others
// go on; the error is non-nil only when the database fails. When ctx ends,
// Run stops between requests: what it stored so far is recorded whole.
func Run(ctx context.Context, db *store.DB, sources []Source, opt Options) (Summary, error) {
	began := time.Now()
	if opt.Client == nil {
		opt.Client = NewClient(UserAgent("dev", ""))
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if opt.Parallel <= 0 {
		opt.Parallel = 4
	}
	if opt.Log == nil {
		opt.Log = func(string, ...any) {}
	}
	wctx := context.WithoutCancel(ctx)
	v := store.Versions{Extractor: extract.Version}
	runID, err := db.StartRun(wctx, "fetch", opt.Args, versions(v))
	if err != nil {
		return Summary{}, err
	}
	f := &fetcher{db: db, c: opt.Client, runID: runID, now: opt.Now, log: opt.Log,
		docs: Blobs{Dir: opt.Data, Folder: DocumentsFolder}, answers: Blobs{Dir: opt.Data, Folder: AnswersFolder}}
	for _, b := range []Blobs{f.docs, f.answers} {
		if err := b.Sweep(time.Hour); err != nil {
			opt.Log("%v", err)
		}
	}
	runs := make([]*sourceRun, len(sources))
	sem := make(chan struct{}, opt.Parallel)
	var wg sync.WaitGroup
	for i := range sources {
		runs[i] = &sourceRun{src: &sources[i], res: SourceResult{Name: sources[i].Name, Type: sources[i].Type}}
		wg.Add(1)
		go func(sr *sourceRun) {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			f.source(ctx, sr)
		}(runs[i])
	}
	wg.Wait()

	sum := Summary{RunID: runID, Interrupted: ctx.Err() != nil}
	var fatal error
	for _, sr := range runs {
		r := sr.res
		sum.Sources = append(sum.Sources, r)
		sum.New = append(sum.New, sr.new...)
		sum.Failures = append(sum.Failures, sr.failures...)
		sum.Requests += r.Requests
		sum.Downloaded += r.Downloaded
		sum.NotModified += r.NotModified
		sum.Documents += r.Documents
		sum.Failed += r.Failed
		if sr.fatal != nil && fatal == nil {
			fatal = sr.fatal
		}
	}
	sum.Seconds = float64(time.Since(began).Round(time.Millisecond)) / float64(time.Second)
	switch {
	case fatal != nil:
		sum.Status = store.RunFailed
	case sum.Interrupted:
		sum.Status = store.RunInterrupted
	case sum.Failed > 0:
		sum.Status = store.RunPartial
	default:
		sum.Status = store.RunOK
	}
	msg := fmt.Sprintf("%d requests: %d downloaded, %d not modified", sum.Requests, sum.Downloaded, sum.NotModified)
	if fatal != nil {
		msg = fatal.Error()
	}
	err = db.FinishRun(wctx, store.Run{ID: runID, Status: sum.Status, Seen: sum.Documents, New: len(sum.New),
		Unchanged: sum.Documents - len(sum.New), Failed: sum.Failed, Message: msg})
	if fatal == nil {
		fatal = err
	}
	return sum, fatal
}

// versions records the extractor of this build in the ledger; a fetch
// run classifies nothing.
func versions(v store.Versions) store.Versions {
	if v.Classifier == "" {
		v.Classifier = "-"
	}
	return v
}

// fetcher is one run's shared state.
type fetcher struct {
	db      *store.DB
	c       *Client
	docs    Blobs // documents, for ingest
	answers Blobs // web service answers and feeds
	runID   int64
	now     time.Time
	log     func(format string, args ...any)
}

// sourceRun is one source's part of a run.
type sourceRun struct {
	src      *Source
	res      SourceResult
	new      []store.Fetched
	failures []store.FetchFailure
	fatal    error // the database failed
}

func (f *fetcher) source(ctx context.Context, sr *sourceRun) {
	var err error
	switch sr.src.Type {
	case ModernGov:
		err = f.moderngov(ctx, sr)
	case Feed:
		for _, u := range sr.src.URLs {
			if ctx.Err() != nil {
				return
			}
			f.feed(ctx, sr, u)
		}
	case URL:
		for _, u := range sr.src.URLs {
			if ctx.Err() != nil {
				return
			}
			f.document(ctx, sr, u, map[string]string{"kind": "url"})
		}
	default:
		err = fmt.Errorf("unknown source type %q", sr.src.Type)
	}
	if err != nil && ctx.Err() == nil {
		sr.res.Error = err.Error()
	}
	f.log("%s: %d documents (%d new), %d requests (%d not modified), %d failed",
		sr.src.Name, sr.res.Documents, sr.res.New, sr.res.Requests, sr.res.NotModified, sr.res.Failed)
}

// fail records that url could not be fetched for a source, unless the run
// was interrupted (that is no failure of the site's).
func (f *fetcher) fail(ctx context.Context, sr *sourceRun, url string, err error) {
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return
	}
	sr.res.Failed++
	ff := store.FetchFailure{RunID: f.runID, Source: sr.src.Name, URL: url, Error: err.Error(),
		FailedAt: time.Now().UTC().Format(time.RFC3339)}
	sr.failures = append(sr.failures, ff)
	f.log("%s: %s", sr.src.Name, err)
	if dberr := f.db.PutFetchFailure(context.WithoutCancel(ctx), ff); dberr != nil && sr.fatal == nil {
		sr.fatal = dberr
	}
}
